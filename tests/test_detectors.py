"""Every detector on its YAML cases (tests/cases/detectors/<kind>.yaml): documents of one
event go through extraction and the one detector, and the sides must be the expected ones."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from consistency.compare import DETECTORS, EventContext
from consistency.compare.revisions import find_revisions
from consistency.extract.actors import ActorResolver
from consistency.extract.claims import extract_claims
from consistency.models import Document, Event

CASES = Path(__file__).parent / "cases" / "detectors"


def _cases():
    for path in sorted(CASES.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            yield pytest.param(path.stem, case, id=f"{path.stem}: {case['name']}")


def run_detector(kind: str, documents: list[dict]):
    docs = [Document(**d) for d in documents]
    resolver = ActorResolver()
    claims = [c for d in docs for c in extract_claims(d, resolver)]
    event = Event(id="ev-test", label="test", claim_ids=[c.id for c in claims])
    by_doc = {d.id: d for d in docs}
    actors = {a.id: a for a in resolver.actors()}
    _, superseded = find_revisions(claims, by_doc, actors, {c.id: event.id for c in claims})
    ctx = EventContext(event, claims, by_doc, actors, superseded)
    return DETECTORS[kind](ctx)


@pytest.mark.parametrize("kind,case", list(_cases()))
def test_detector_case(kind, case):
    found = run_detector(kind, case["documents"])
    got = sorted((d.subject, sorted(s.value for s in d.sides)) for d in found)
    want = sorted((e["subject"], sorted(str(v) for v in e["values"])) for e in case["expect"])
    assert got == want, [d.summary for d in found]
    for d in found:
        assert d.summary.endswith(".") and d.kind == kind
        for side in d.sides:
            assert side.quotes, "every side points at a quoted span"
            for q in side.quotes:
                text = next(doc["text"] for doc in case["documents"] if doc["id"] == q.document_id)
                assert text[q.span[0] : q.span[1]] == q.text
