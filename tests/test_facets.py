"""Facet extraction on data-driven cases in both languages (tests/cases/facets.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from consistency.extract.claims import extract_facets
from consistency.extract.doctext import DocText

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "facets.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_facets(case):
    doc = DocText(case["text"], case["language"])
    span = (0, len(case["text"]))
    facets = extract_facets(doc, span, span)
    if "counts" in case:
        got = [[c.subject, c.low, c.high, c.scope] for c in facets.counts]
        assert got == case["counts"]
    for name in ("perpetrator", "responsibility", "justification", "target", "denial"):
        if name in case:
            assert sorted({v.value for v in getattr(facets, name)}) == sorted(case[name])
    for name in ("perpetrator", "responsibility", "justification", "target", "denial", "identity"):
        for v in getattr(facets, name):
            assert case["text"][v.span[0] : v.span[1]] == v.text
    for c in facets.counts:
        assert case["text"][c.span[0] : c.span[1]] == c.text
