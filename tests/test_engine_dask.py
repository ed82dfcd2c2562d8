"""The Dask engine gives the local engine's report.json, byte for byte, from a LocalCluster
of two worker processes; and reads, fails, caches and writes shards as documented."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from consistency.config import Settings
from consistency.errors import ConfigError, InputError
from consistency.pipeline import build_report
from synthetic_news import write_corpus

distributed = pytest.importorskip("distributed", reason="the Dask engine needs the 'dask' extra")

from consistency.engine import build_report as engine_report  # noqa: E402
from consistency.engine.dask import build_report_dask, write_report_shards_dask  # noqa: E402
from consistency.engine.shards import read_report_shards, write_report_shards  # noqa: E402

BAGHDAD = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "baghdad-2024-01-04"


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0") as cluster, \
            distributed.Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Path:
    """120 documents in 8 JSONL shards, two plain-text reports (one undated) and a corpus gazetteer."""
    folder = write_corpus(tmp_path_factory.mktemp("small"), 120, shards=8)
    (folder / "notes.txt").write_text(
        "2022-03-05\nMarket blast in Kirkuk\n\nAt least 9 people were killed when a car bomb struck a market "
        "in Kirkuk, spokesman Karim Haddad said.\n", encoding="utf-8")
    (folder / "undated-report.txt").write_text(
        "Residents of Samarra said a drone struck a police checkpoint, killing three officers.\n", encoding="utf-8")
    (folder / "gazetteer.toml").write_text(
        '[[actor]]\nid = "kirkuk-police"\nname = "Kirkuk police"\ngroup = "Iraqi government"\n'
        'aliases = ["police in Kirkuk"]\n', encoding="utf-8")
    return folder


def _same(local, dask) -> None:
    a, b = local.to_json(), dask.to_json()
    assert a == b, "the Dask engine's report differs from the local engine's"


def test_small_corpus_in_many_partitions_is_byte_identical(client, small, tmp_path):
    settings = Settings(embedder="tfidf", cache_dir=str(tmp_path))
    local = build_report(small, settings)
    dask = build_report_dask(small, settings, client=client, partition_size=7)
    assert len(dask.documents) == 122 and len(dask.events) > 10
    assert any(d.date is None for d in dask.documents)  # undated reports are clustered with every document
    _same(local, dask)


def test_bad_file_fails_the_same_way_and_is_skipped_the_same_way(client, small, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for f in sorted(small.glob("part-00[0-2].jsonl")):
        (corpus / f.name).write_bytes(f.read_bytes())
    (corpus / "part-001b.jsonl").write_text('{"id": "x-1", "text": "One killed."}\n{"text": ', encoding="utf-8")
    dup = json.loads((corpus / "part-000.jsonl").read_text(encoding="utf-8").splitlines()[0])
    (corpus / "part-002b.jsonl").write_text(json.dumps(dup) + "\n", encoding="utf-8")
    settings = Settings(embedder="tfidf", use_cache=False)
    with pytest.raises(InputError) as local_error:
        build_report(corpus, settings)
    with pytest.raises(InputError) as dask_error:
        build_report_dask(corpus, settings, client=client)
    assert str(dask_error.value) == str(local_error.value)
    skipping = Settings(embedder="tfidf", use_cache=False, skip_bad=True)
    report = build_report_dask(corpus, skipping, client=client, partition_size=10)
    assert [s.path for s in report.skipped] == ["part-001b.jsonl", "part-002b.jsonl"]
    _same(build_report(corpus, skipping), report)


@pytest.mark.skipif(not BAGHDAD.is_dir(), reason=f"the shared corpus {BAGHDAD} is not on this machine")
def test_baghdad_default_embedder_is_byte_identical(client, tmp_path):
    local = build_report(BAGHDAD, Settings(cache_dir=str(tmp_path / "local")))
    dask = build_report_dask(BAGHDAD, Settings(cache_dir=str(tmp_path / "dask")), client=client, partition_size=4)
    assert local.discrepancies
    _same(local, dask)


def test_two_workers_share_one_cache_folder(client, small, tmp_path):
    """Both workers write the same SQLite cache at once; a re-run reads every vector from it."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "part-000.jsonl").write_bytes((small / "part-000.jsonl").read_bytes())
    shared = Settings(cache_dir=str(tmp_path / "shared"))
    first = build_report_dask(corpus, shared, client=client, partition_size=3)
    db = next((tmp_path / "shared").rglob("*.sqlite3"))
    texts = {f"{d.title or ''}\n{d.text[:400]}" for d in first.documents} | {c.text for c in first.claims}
    with sqlite3.connect(db) as conn:
        stored = conn.execute("select count(*) from vectors").fetchone()[0]
    assert stored == len(texts)
    again = build_report_dask(corpus, shared, client=client, partition_size=5)
    _same(first, again)
    _same(build_report(corpus, Settings(cache_dir=str(tmp_path / "own"))), first)


def test_report_as_shards_reads_back_as_the_report(client, small, tmp_path):
    settings = Settings(embedder="tfidf", use_cache=False)
    local = build_report(small, settings)
    index = write_report_shards_dask(small, tmp_path / "shards", settings, client=client, per_shard=50)
    data = json.loads(index.read_text(encoding="utf-8"))
    assert data["counts"] == {"documents": 122, "claims": len(local.claims), "discrepancies": len(local.discrepancies)}
    assert data["shards"]["documents"] == ["documents-00000.jsonl", "documents-00001.jsonl", "documents-00002.jsonl"]
    _same(local, read_report_shards(tmp_path / "shards"))
    write_report_shards(local, tmp_path / "from-local", per_shard=50)
    assert (tmp_path / "from-local" / "index.json").read_bytes() == index.read_bytes()


def test_engine_options_are_checked():
    with pytest.raises(ConfigError, match="need --engine dask"):
        engine_report("corpus", engine="local", workers=2)
    with pytest.raises(ConfigError, match="not both"):
        engine_report("corpus", engine="dask", workers=2, scheduler="tcp://127.0.0.1:8786")
    with pytest.raises(ConfigError, match="unknown engine"):
        engine_report("corpus", engine="spark")


def test_cli_report_with_the_dask_engine(small, tmp_path):
    from typer.testing import CliRunner

    from consistency.cli import app

    common = ["report", str(small), "--embedder", "tfidf", "--no-cache", "--format", "json"]
    runner = CliRunner()
    local = runner.invoke(app, [*common, "-o", str(tmp_path / "local")])
    dask = runner.invoke(app, [*common, "-o", str(tmp_path / "dask"), "--engine", "dask", "--workers", "2"])
    assert local.exit_code == 0 and dask.exit_code == 0, dask.output
    assert (tmp_path / "dask" / "report.json").read_bytes() == (tmp_path / "local" / "report.json").read_bytes()


@pytest.mark.slow
def test_generated_corpus_of_thousands_is_byte_identical(client, tmp_path):
    corpus = write_corpus(tmp_path / "big", 3000, shards=12)
    settings = Settings(embedder="tfidf", use_cache=False)
    _same(build_report(corpus, settings), build_report_dask(corpus, settings, client=client))


# -- the actor replay: workers resolve, the client replays only the order-dependent steps

CALLS = [  # (partition, name, language, context): persons in two scripts, bodies, anonymous sources
    (0, "كريم حداد", "ar", "قال المتحدث كريم حداد إن"),
    (0, "the Pentagon press secretary", "en", ""),
    (0, "a security source", "en", "a security source told reporters"),
    (1, "Karim Haddad", "en", "spokesman Karim Haddad said"),
    (1, "مصدر أمني", "ar", ""),
    (1, "Akram al-Kaabi", "en", "militia leader Akram al-Kaabi"),
    (2, "أكرم الكعبي", "ar", ""),
    (2, "Health Ministry", "en", "the Health Ministry in Gaza said"),
    (2, "وزارة الصحة", "ar", "قالت وزارة الصحة في غزة"),
    (2, "Karim Haddad", "en", ""),
]


def _recorded(resolver_class):
    """Each partition resolved by its own recording resolver, as on the workers."""
    from consistency.engine.stages import RecordingResolver

    parts = []
    for p in sorted({c[0] for c in CALLS}):
        recorder = RecordingResolver(resolver_class())
        for _, name, lang, ctx in (c for c in CALLS if c[0] == p):
            assert recorder.resolve(name, lang, context=ctx).id.startswith("\x00call:")
        parts.append(recorder.calls)
    return parts


def test_replay_of_recorded_steps_gives_the_sequential_ids_and_actors(monkeypatch):
    from consistency.engine.stages import TracedResolver, replay
    from consistency.extract.actors import ActorResolver

    sequential = ActorResolver()
    expected = [sequential.resolve(name, lang, context=ctx).id for _, name, lang, ctx in CALLS]
    assert expected[0] == expected[3] == expected[9] and expected[5] == expected[6]  # one person, two scripts
    parts = _recorded(TracedResolver)
    assert {step[0] for steps in parts for step in steps} == {"actor", "person"}
    client = ActorResolver()
    monkeypatch.setattr(ActorResolver, "_find", lambda *a: pytest.fail("the replay resolved a phrase again"))
    monkeypatch.setattr(ActorResolver, "is_anonymous", lambda *a: pytest.fail("the replay resolved a phrase again"))
    assert [replay(client, step) for steps in parts for step in steps] == expected
    assert client.actors() == sequential.actors()  # names, groups and aliases as the local run has them


def test_replay_of_an_untraced_resolver_replays_whole_calls():
    from consistency.engine.stages import replay
    from consistency.extract.actors import ActorResolver

    sequential = ActorResolver()
    expected = [sequential.resolve(name, lang, context=ctx).id for _, name, lang, ctx in CALLS]
    parts = _recorded(ActorResolver)
    assert {step[0] for steps in parts for step in steps} == {"call"}
    client = ActorResolver()
    assert [replay(client, step) for steps in parts for step in steps] == expected
    assert client.actors() == sequential.actors()
