"""Grouping at scale, on fake vectors: the same events and aspects whatever the input order,
and memory that follows the busiest date window rather than the corpus."""

from __future__ import annotations

import random
import tracemalloc
from datetime import date, timedelta

import numpy as np
import pytest

from consistency.group import events as events_module
from consistency.group.aspects import assign_aspects
from consistency.group.events import cluster_documents, group_events
from consistency.models import Claim, Document

DIM = 32


def _corpus(n_days: int, per_day: int, seed: int = 3, undated_every: int = 25):
    """`per_day` documents a day about `per_day // 4` incidents a day (plus a few undated
    ones); each incident has its own direction in the vector space, each document a little
    noise around it, so similar leads exist both inside and across incidents."""
    rng = np.random.default_rng(seed)
    documents, rows = [], []
    for day in range(n_days):
        when = (date(2020, 1, 1) + timedelta(days=day)).isoformat()
        centres = rng.standard_normal((max(1, per_day // 4), DIM))
        for k in range(per_day):
            documents.append(Document(id=f"d{day:05d}-{k:02d}", date=None if (k + 1) % undated_every == 0 else when, language="en", text="t"))
            rows.append(centres[k % len(centres)] + 0.35 * rng.standard_normal(DIM))
    vectors = np.asarray(rows, dtype=np.float32)
    return documents, vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def _claims(documents, seed: int = 5):
    rng = random.Random(seed)
    out = []
    for d in documents:
        for n in range(rng.randint(1, 3)):
            text = f"claim {n} of {d.id}"
            out.append(Claim(id=f"{d.id}#{n + 1}", document_id=d.id, actor_id="a", speaker=None, text=text,
                             span=(10 * n, 10 * n + 9)))
    return out


def _as_sets(groups, documents):
    return sorted(sorted(documents[i].id for i in g) for g in groups)


def test_events_and_aspects_are_the_same_whatever_the_input_order():
    documents, dv = _corpus(n_days=30, per_day=12)
    claims = _claims(documents)
    rng = np.random.default_rng(9)
    cv = rng.standard_normal((len(claims), DIM)).astype(np.float32)
    cv /= np.linalg.norm(cv, axis=1, keepdims=True)
    other = {c.id for c in claims[::7]}

    def run(doc_order, claim_order):
        docs = [documents[i] for i in doc_order]
        cls = [claims[i] for i in claim_order]
        g = group_events(docs, cls, dv[doc_order], cv[claim_order], other, 0.6, 0.3, 3)
        row = {c.id: i for i, c in enumerate(cls)}
        by_id = {c.id: c for c in cls}
        aspects = {}
        for e in g.events:
            labels = assign_aspects([by_id[c] for c in e.claim_ids], cv[claim_order][[row[c] for c in e.claim_ids]], 0.3)
            aspects[e.id] = labels
        return [e.model_dump() for e in g.events], g.event_of, sorted(g.main), aspects

    base = run(list(range(len(documents))), list(range(len(claims))))
    assert len(base[0]) > 100  # many events, some with several documents, some related
    assert any(len(e["document_ids"]) > 1 for e in base[0]) and any(e["related_event_ids"] for e in base[0])
    for seed in (1, 2):
        shuffle = random.Random(seed)
        doc_order = list(range(len(documents)))
        claim_order = list(range(len(claims)))
        shuffle.shuffle(doc_order)
        shuffle.shuffle(claim_order)
        assert run(doc_order, claim_order) == base


def test_document_clusters_do_not_depend_on_order_at_the_neighbour_cut():
    # a crowded day: more similar leads than a document may join directly
    documents, dv = _corpus(n_days=3, per_day=80)
    base = _as_sets(cluster_documents(documents, dv, 0.5, 3, neighbours=4), documents)
    order = list(range(len(documents)))
    random.Random(4).shuffle(order)
    again = cluster_documents([documents[i] for i in order], dv[order], 0.5, 3, neighbours=4)
    assert _as_sets(again, [documents[i] for i in order]) == base


class _Guarded(np.ndarray):
    """Vectors whose products may not exceed `limit` cells: a corpus-wide matrix fails."""

    limit = 0
    largest = 0

    def __matmul__(self, other):
        out = np.asarray(self) @ np.asarray(other)
        if out.size > _Guarded.limit:
            raise MemoryError(f"a {out.shape} similarity block")
        _Guarded.largest = max(_Guarded.largest, out.size)
        return out


def test_no_similarity_block_grows_with_the_corpus(monkeypatch):
    documents, dv = _corpus(n_days=600, per_day=20)  # 12,000 documents, a few hundred undated
    monkeypatch.setattr(events_module, "_CELLS", 20_000)
    _Guarded.limit, _Guarded.largest = 25_000, 0  # a 12,000 x 12,000 matrix is 144 million cells
    groups = cluster_documents(documents, dv.view(_Guarded), 0.6, 3)
    assert 0 < _Guarded.largest <= 25_000
    assert sorted(i for g in groups for i in g) == list(range(len(documents)))


def _peak(documents, vectors) -> int:
    tracemalloc.start()
    cluster_documents(documents, vectors, 0.6, 3)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


@pytest.mark.parametrize("small_days", [100])
def test_memory_follows_the_busiest_window_not_the_corpus(small_days):
    # dated only: an undated document is compared with every other, in blocks of a fixed size
    small = _corpus(n_days=small_days, per_day=20, undated_every=10**6)  # 2,000 documents
    large = _corpus(n_days=10 * small_days, per_day=20, undated_every=10**6)  # 20,000, same busiest window
    p_small, p_large = _peak(*small), _peak(*large)
    # bookkeeping is linear (one parent per document); an all-pairs matrix at 20,000 would be
    # 1.6 GB, and even the 2,000-document one (16 MB) is out of reach of either peak
    assert p_large < 12 * p_small
    assert p_large < 16 * 2**20
