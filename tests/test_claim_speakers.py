"""A claim's speaker as written keeps the appositive role beside the name, in the text's
order, while the actor is still resolved from the name."""

from __future__ import annotations

import pytest

from consistency.extract.actors import ActorResolver
from consistency.extract.claims import extract_claims
from consistency.models import Document

CASES = [
    ("en", "The regional health director, Amal Haddad, said 14 people were treated for burns.",
     "The regional health director, Amal Haddad", "actor:amal-haddad"),
    ("en", "Tomas Lindqvist, the agency's field coordinator, told reporters the road was closed.",
     "Tomas Lindqvist, the agency's field coordinator", "actor:tomas-lindqvist"),
    ("en", "Police chief Omar Farouk said the bridge was hit twice.", "Police chief Omar Farouk", None),
]


@pytest.mark.parametrize("language,text,speaker,actor_id", CASES, ids=[c[2] for c in CASES])
def test_speaker_keeps_its_role(language, text, speaker, actor_id):
    doc = Document(id="d", source="Wire", date="2024-03-02", language=language, text=text)
    claims = extract_claims(doc, ActorResolver())
    said = [c for c in claims if c.speaker]
    assert said and said[0].speaker == speaker
    if actor_id:
        assert said[0].actor_id == actor_id
    # the span still points at the name alone
    start, end = said[0].speaker_span
    assert text[start:end] in speaker
