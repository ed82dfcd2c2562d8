"""Fuzz extraction: for any text, every claim and facet span lies within the text and
`text[span]` is exactly the quoted text; ids are unique and the result is deterministic."""

from __future__ import annotations

from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consistency.extract.actors import ActorResolver
from consistency.extract.claims import extract_claims
from consistency.models import Document
from strategies import ANY_TEXT, ATTRIBUTED, NEWS

# A source with no word at all ("***") is a known bug, tested in tests/test_hostile_corpus.py.
SOURCES = st.one_of(st.none(), ANY_TEXT.map(lambda s: f"Wire {s}"))
DOCS = st.tuples(st.one_of(ATTRIBUTED, NEWS, ANY_TEXT).filter(str.strip), st.sampled_from(["en", "ar", "und"]), SOURCES)


@lru_cache(maxsize=1)
def _resolver() -> ActorResolver:
    return ActorResolver()


def _span(text: str, span, quoted: str, what: str) -> None:
    a, b = span
    assert 0 <= a <= b <= len(text), f"{what} span {span} outside a text of {len(text)}"
    assert text[a:b] == quoted, f"{what}: text[{a}:{b}] is {text[a:b]!r}, not {quoted!r}"


def check_extract(case: tuple[str, str, str | None]) -> str:
    text, language, source = case
    document = Document(id="fuzz", language=language, text=text, source=source or None)
    claims = extract_claims(document, _resolver())
    for claim in claims:
        _span(text, claim.span, claim.text, "claim")
        if claim.speaker_span is not None:
            _span(text, claim.speaker_span, claim.speaker, "speaker")
        for kind, values in claim.facets:
            for value in values:
                _span(text, value.span, value.text, kind)
        for count in claim.facets.counts:
            assert count.high is None or count.low <= count.high
    assert len({c.id for c in claims}) == len(claims)
    again = extract_claims(document, _resolver())
    assert [c.model_dump() for c in again] == [c.model_dump() for c in claims]
    with_speaker = sum(c.speaker is not None for c in claims)
    return "attributed" if with_speaker else ("claims" if claims else "no claim")


TARGETS = {"extraction": (DOCS, check_extract)}


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(DOCS)
def test_extracted_spans_quote_the_text(case):
    check_extract(case)
