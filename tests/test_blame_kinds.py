"""The blame kinds (perpetrator, responsibility, justification) on data-driven cases in both
languages (tests/cases/blame.yaml): facets of one sentence, and detectors on small events."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from consistency.compare import DETECTORS, EventContext
from consistency.compare.revisions import find_revisions
from consistency.extract.actors import ActorResolver
from consistency.extract.claims import extract_claims, extract_facets
from consistency.extract.doctext import DocText
from consistency.models import Document, Event

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "blame.yaml").read_text(encoding="utf-8"))
KINDS = ("perpetrator", "responsibility", "justification")


@pytest.mark.parametrize("case", CASES["facets"], ids=[c["text"][:40] for c in CASES["facets"]])
def test_blame_facets(case):
    doc = DocText(case["text"], case["language"])
    span = (0, len(case["text"]))
    facets = extract_facets(doc, span, span)
    for name in KINDS:
        if name in case:
            assert sorted({v.value for v in getattr(facets, name)}) == sorted(case[name]), name
        for v in getattr(facets, name):
            assert case["text"][v.span[0] : v.span[1]] == v.text


def _detect(kind: str, documents: list[dict]):
    docs = [Document(**d) for d in documents]
    resolver = ActorResolver()
    claims = [c for d in docs for c in extract_claims(d, resolver)]
    event = Event(id="ev-test", label="test", claim_ids=[c.id for c in claims])
    by_doc = {d.id: d for d in docs}
    actors = {a.id: a for a in resolver.actors()}
    _, superseded = find_revisions(claims, by_doc, actors, {c.id: event.id for c in claims})
    return DETECTORS[kind](EventContext(event, claims, by_doc, actors, superseded))


@pytest.mark.parametrize("case", CASES["detectors"], ids=[c["name"] for c in CASES["detectors"]])
def test_blame_detectors(case):
    found = _detect(case["kind"], case["documents"])
    got = sorted((d.subject, sorted(s.value for s in d.sides)) for d in found)
    want = sorted((e["subject"], sorted(str(v) for v in e["values"])) for e in case["expect"])
    assert got == want, [d.summary for d in found]
