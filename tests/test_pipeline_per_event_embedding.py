"""Claims are embedded a batch of events at a time, after the documents are clustered: the
embedder never holds the corpus's claims at once, and the report does not depend on how the
events are batched."""

from __future__ import annotations

import pytest

import consistency.embed as embed
import consistency.group.events as events
from consistency.config import Settings
from consistency.pipeline import build_report
from synthetic_news import write_corpus


class _Recording:
    """The fake backend, recording the texts of each encode call."""

    def __init__(self, inner):
        self.inner = inner
        self.calls: list[list[str]] = []

    name = property(lambda self: self.inner.name)
    dim = property(lambda self: self.inner.dim)
    thresholds = property(lambda self: self.inner.thresholds)

    def encode(self, texts, progress=None):
        self.calls.append(list(texts))
        return self.inner.encode(texts)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("per-event"), 150, shards=3)


def _report(corpus, monkeypatch, batch: int):
    recorders = []
    real = embed.get_embedder

    def recording(spec, **kwargs):
        recorders.append(_Recording(real(spec, **kwargs)))
        return recorders[-1]

    monkeypatch.setattr(embed, "get_embedder", recording)
    monkeypatch.setattr(events, "CLAIM_BATCH", batch)
    report = build_report(corpus, Settings(embedder="tfidf", use_cache=False))
    return report, recorders[0].calls


def test_leads_first_then_claims_a_batch_of_events_at_a_time(corpus, monkeypatch):
    report, calls = _report(corpus, monkeypatch, 40)
    leads, rest = calls[0], calls[1:]
    assert len(leads) == len(report.documents)
    assert sum(len(c) for c in rest) == len(report.claims)
    # each call: whole events, closed as soon as 40 claims are reached
    largest = max(sum(1 for c in report.claims if c.document_id in set(e.document_ids)) for e in report.events)
    assert len(rest) > 3 and max(len(c) for c in rest) < 40 + largest
    assert all(len(c) >= 40 for c in rest[:-1])
    texts = {c.text for c in report.claims}
    assert all(t in texts for call in rest for t in call)


def test_report_is_the_same_whatever_the_batch(corpus, monkeypatch):
    one_call, calls = _report(corpus, monkeypatch, 10**9)
    assert len(calls) == 2  # leads, then every claim at once (the former behaviour)
    per_event, calls = _report(corpus, monkeypatch, 1)
    assert len(calls) > 10
    assert per_event.to_json() == one_call.to_json()
    assert any(c.aspect.startswith("topic") for c in per_event.claims)
    assert any(e.related_event_ids for e in per_event.events)


def test_batches_do_not_depend_on_the_order_of_clusters():
    from consistency.models import Claim, Document

    docs = [Document(id=f"d{i}", date="2024-01-0" + str(1 + i % 3), language="ar" if i % 2 else "en",
                     text="x") for i in range(9)]
    claims = [Claim(id=f"d{i}#{k}", document_id=f"d{i}", actor_id=None, speaker=None, text=f"claim {i} {k}",
                    span=(k * 10, k * 10 + 5)) for i in range(9) for k in range(3)]
    by_doc = events.claims_by_document(claims)
    clusters = [[0, 3], [1, 4, 7], [2], [5, 8], [6]]
    a = [(b, [c.id for c in cl]) for b, cl in events.cluster_batches(docs, by_doc, clusters, 5)]
    b = [(b, [c.id for c in cl]) for b, cl in events.cluster_batches(docs, by_doc, clusters[::-1], 5)]
    assert a == b
    assert [len(cl) for _, cl in a] == [6, 9, 9, 3]  # clusters by first id: d0, d1, d2+d5, d6
    assert sorted(c for _, cl in a for c in cl) == sorted(c.id for c in claims)


def test_prepared_texts_are_not_kept_for_the_whole_corpus(corpus, monkeypatch):
    """Each document's DocText (normalised text, index, tokens) serves its extraction and is
    dropped: when the leads are embedded, at most the last is alive."""
    import gc

    from consistency.extract.doctext import DocText

    alive = []
    real = embed.get_embedder

    class Counting(_Recording):
        def encode(self, texts, progress=None):
            if not self.calls:
                gc.collect()
                alive.append(sum(type(o) is DocText for o in gc.get_objects()))
            return super().encode(texts, progress)

    monkeypatch.setattr(embed, "get_embedder", lambda spec, **kw: Counting(real(spec, **kw)))
    report = build_report(corpus, Settings(embedder="tfidf", use_cache=False))
    assert alive[0] <= 1 and len(report.documents) == 150  # at most the last document's
    assert any(e.related_event_ids for e in report.events)  # background claims were still found
