"""Claims held compactly (`ClaimStore`) and report.json written in a stream give the bytes of
the straightforward pipeline (`reference_pipeline`: every claim a model until the report is
dumped as one string), on fixture corpora in both languages and on generated ones."""

from __future__ import annotations

from pathlib import Path

import pytest

import consistency.group.events as events
from consistency.claimstore import ClaimStore
from consistency.config import Settings
from consistency.models import Claim, Count, Document, FacetValue, Facets, Report, Tool, CreatedFrom
from consistency.pipeline import build_report, build_stored_report
from consistency.render.json_stream import iter_report_json, write_report_json
from reference_pipeline import build_report as reference_report
from synthetic_news import write_corpus

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = [ROOT / "fixtures" / "corpora" / "saada-prison-2022-01-21",
            ROOT / "fixtures" / "heldout" / "beirut-port-2020-08-04"]


def _settings() -> Settings:
    return Settings(embedder="tfidf", use_cache=False)


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("compact"), 120, shards=2)


@pytest.mark.parametrize("corpus", FIXTURES, ids=lambda p: p.name)
def test_compact_pipeline_gives_the_reference_bytes(corpus, tmp_path):
    expected = reference_report(corpus, _settings()).to_json()
    stored = build_stored_report(corpus, _settings())
    path = stored.write_json(tmp_path / "report.json")
    assert path.read_bytes() == expected.encode("utf-8")
    assert stored.to_report().to_json() == expected
    assert '"language": "ar"' in expected and '"discrepancies": [\n    {' in expected


@pytest.mark.parametrize("batch", [7, 60])
def test_generated_corpus_same_bytes_whatever_the_batch(generated, tmp_path, monkeypatch, batch):
    monkeypatch.setattr(events, "CLAIM_BATCH", batch)
    expected = reference_report(generated, _settings()).to_json()
    got = build_stored_report(generated, _settings()).write_json(tmp_path / "report.json").read_text(encoding="utf-8")
    assert got == expected
    assert build_report(generated, _settings()).to_json() == expected


def _claim(i: int, doc: str = "d1") -> Claim:
    return Claim(id=f"{doc}-c{i}", document_id=doc, actor_id="actor:ministry", speaker="وزارة الصحة", cue="قالت",
                 text="قالت وزارة الصحة إن 12 شخصا قتلوا", span=(0, 32), speaker_span=(5, 15),
                 facets=Facets(counts=[Count(subject="killed", low=12, high=12, qualifier="exact", text="12 شخصا",
                                             span=(20, 27))],
                               perpetrator=[FacetValue(value="unknown", text="مجهولة", span=(1, 3))]))


def test_store_round_trip_keeps_claims_and_order():
    store = ClaimStore()
    claims = [_claim(2), _claim(1)]
    store.put("d1", claims)
    store.put("d2", [])
    assert store.get("d1") == claims and store.get("d1") is not claims
    assert store.get("d2") == [] and store.get("missing") == []
    claims[0].event_id = "ev-1"
    store.put("d1", claims)  # replaced, not added
    assert len(store) == 2 and store.get("d1")[0].event_id == "ev-1"
    assert [c.id for c in store.claims(["d2", "d1"])] == ["d1-c2", "d1-c1"]


def test_stream_of_empty_and_full_lists_is_the_dump(tmp_path):
    docs = [Document(id="d1", language="ar", text="نص\n\"مقتبس\"", title="عنوان"), Document(id="d2", language="en", text="x")]
    fields = dict(tool=Tool(version="0"), created_from=CreatedFrom(corpus="c", config_digest="x"), documents=docs,
                  actors=[], events=[], discrepancies=[], revisions=[])
    for claims in ([], [_claim(1)], [_claim(1), _claim(2, "d2")]):
        expected = Report(**fields, claims=claims).to_json()
        assert "".join(iter_report_json({**fields, "claims": iter(claims)})) == expected
        path = write_report_json({**fields, "documents": iter(docs), "claims": iter(claims)}, tmp_path / "r.json")
        assert path.read_bytes() == expected.encode("utf-8")
    assert not list(tmp_path.glob(".r.json.*"))  # the temporary file was renamed


def test_written_files_of_a_stored_report_are_those_of_the_whole_report(tmp_path):
    from consistency.render.files import write_report

    corpus = FIXTURES[0]
    whole = write_report(build_report(corpus, _settings()), tmp_path / "whole", ["json", "md", "html"])
    stored = build_stored_report(corpus, _settings())
    parts = write_report(stored, tmp_path / "stored", ["json", "md", "html"])
    assert [p.read_bytes() for p in parts] == [p.read_bytes() for p in whole]
    assert len(stored.quoted().claims) < len(stored.store)  # report.md needs only the quoted claims
