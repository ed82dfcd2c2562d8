"""Event grouping on fake vectors: blocking by date, union of similar documents, related
events for recalled incidents, and independence from input order."""

from __future__ import annotations

import numpy as np

from consistency.group.events import cluster_documents, group_events
from consistency.models import Claim, Document


def _doc(i, date):
    return Document(id=f"d{i}", date=date, language="en", text=f"text {i}")


def _vecs(*rows):
    v = np.array(rows, dtype="float32")
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_similar_documents_within_the_window_join():
    docs = [_doc(0, "2024-01-04"), _doc(1, "2024-01-05"), _doc(2, "2024-03-01")]
    v = _vecs([1, 0], [1, 0.1], [1, 0])  # d2 is similar but two months later
    assert cluster_documents(docs, v, 0.9, 3) == [[0, 1], [2]]


def test_dissimilar_documents_on_one_day_stay_apart():
    docs = [_doc(0, "2024-01-04"), _doc(1, "2024-01-04")]
    assert cluster_documents(docs, _vecs([1, 0], [0, 1]), 0.5, 3) == [[0], [1]]


def _claim(doc, n, text):
    return Claim(id=f"{doc}#{n}", document_id=doc, actor_id="a", speaker=None, text=text, span=(0, len(text)))


def test_recalled_incident_becomes_a_related_event_and_order_does_not_matter():
    docs = [_doc(0, "2024-01-04"), _doc(1, "2024-01-04")]
    claims = [_claim("d0", 1, "strike today"), _claim("d0", 2, "strike last month"), _claim("d1", 1, "strike today")]
    dv = _vecs([1, 0], [1, 0])
    cv = _vecs([1, 0], [0, 1], [1, 0])
    g = group_events(docs, claims, dv, cv, {"d0#2"}, 0.5, 0.5, 3)
    main = [e for e in g.events if e.id in g.main]
    related = [e for e in g.events if e.id not in g.main]
    assert len(main) == 1 and main[0].claim_ids == ["d0#1", "d1#1"]
    assert len(related) == 1 and related[0].claim_ids == ["d0#2"]
    assert related[0].related_event_ids == [main[0].id] and main[0].related_event_ids == [related[0].id]
    # the same corpus in another order gives the same events
    g2 = group_events(docs[::-1], [claims[2], claims[0], claims[1]], dv[::-1], cv[[2, 0, 1]], {"d0#2"}, 0.5, 0.5, 3)
    assert sorted(e.id for e in g2.events) == sorted(e.id for e in g.events)
    assert {e.id: sorted(e.claim_ids) for e in g2.events} == {e.id: sorted(e.claim_ids) for e in g.events}
