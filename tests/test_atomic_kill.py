"""Runs killed mid-way: the previous report stays whole, nothing half-written is visible, and
the embedding cache still works afterwards.

Every run is the real CLI in a subprocess. A small launcher prints "ready" once the CLI is
imported, so a signal sent after it lands in the command and not in Python's own start-up
(an interpreter interrupted while importing is not the tool's to handle). Each report file
must afterwards be byte-identical to the previous run's or to a complete new one (written by
an uninterrupted run of the same input: output is deterministic).
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest

FILES = ("report.json", "report.md", "report.html")
LAUNCHER = (
    "import sys\n"
    "from consistency.cli import main\n"
    "print('ready', flush=True)\n"
    "sys.argv = ['consistency', *sys.argv[1:]]\n"
    "main()\n"
)
PLACES = ["the market in Jabaliya", "a school in Khan Younis", "the port road", "a fuel depot", "the old bridge"]
OUTLETS = ["Gulf Wire", "Levant Daily", "Coastal News Agency", "Radio Al-Sahel", "Northern Ledger"]
AR_PLACES = ["سوق المدينة", "مدرسة الحي الشرقي", "طريق الميناء", "مخزن الوقود"]


def write_corpus(path: Path, documents: int, seed: int) -> Path:
    """A generated news corpus in my own words: English and Arabic reports of several strikes."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as f:
        for i in range(documents):
            if i % 3 == 2:
                place = rng.choice(AR_PLACES)
                text = " ".join(
                    f"وقال مسؤول في الدفاع المدني إن {rng.randint(2, 80)} شخصا قتلوا وأصيب {rng.randint(3, 150)} "
                    f"آخرون في القصف على {place}. ونفى الجيش أن تكون قواته استهدفت المدنيين."
                    for _ in range(3)
                )
                language = "ar"
            else:
                place = rng.choice(PLACES)
                text = " ".join(
                    f"Health officials said {rng.randint(2, 80)} people were killed and {rng.randint(3, 150)} "
                    f"injured in the strike on {place}. The army said it targeted a weapons store there."
                    for _ in range(3)
                )
                language = "en"
            record = {"id": f"doc-{seed}-{i}", "source": OUTLETS[i % len(OUTLETS)],
                      "date": f"2024-03-{1 + i % 4:02d}", "language": language, "text": text}
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def start(corpus: Path, out: Path, *extra: str) -> subprocess.Popen:
    args = [sys.executable, "-c", LAUNCHER, "report", str(corpus), "-o", str(out),
            "--format", "json,md,html", *extra]
    # As from a terminal: a test run started in the background inherits SIGINT ignored, and
    # Python then leaves it ignored; the child gets the default action back, and its handler.
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert proc.stdout.readline().strip() == b"ready"
    return proc


def run(corpus: Path, out: Path, *extra: str) -> tuple[dict[str, bytes], float]:
    began = time.monotonic()
    proc = start(corpus, out, *extra)
    stdout, stderr = proc.communicate(timeout=600)
    assert proc.returncode == 0, stderr.decode()
    return {name: (out / name).read_bytes() for name in FILES}, time.monotonic() - began


def visible(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


def temporary(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".report."))


def assert_whole(folder: Path, old: dict[str, bytes], new: dict[str, bytes]) -> list[str]:
    """Each report file is the old one or the complete new one; nothing else is visible."""
    assert visible(folder) == sorted(FILES)
    states = []
    for name in FILES:
        data = (folder / name).read_bytes()
        assert data in (old[name], new[name]), f"{name} is neither the previous nor a complete new report"
        states.append("old" if data == old[name] else "new")
    return states


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    """The previous report (corpus A) and the complete new one (corpus B), with B's run time."""
    base = tmp_path_factory.mktemp("kill")
    corpus_a = write_corpus(base / "a.jsonl", 6, seed=1)
    corpus_b = write_corpus(base / "b.jsonl", 45, seed=2)
    old, _ = run(corpus_a, base / "old", "--embedder", "tfidf")
    new, seconds = run(corpus_b, base / "new", "--embedder", "tfidf")
    assert old["report.json"] != new["report.json"]
    return base, corpus_b, old, new, seconds


def fresh_output(base: Path, name: str, old: dict[str, bytes]) -> Path:
    out = base / name
    out.mkdir()
    for file, data in old.items():
        (out / file).write_bytes(data)
    return out


def kill_when_writing(proc: subprocess.Popen, out: Path, signum: int) -> bool:
    """Send `signum` as soon as a temporary report file appears; False if none was seen."""
    deadline = time.monotonic() + 600
    while proc.poll() is None and time.monotonic() < deadline:
        if temporary(out):
            proc.send_signal(signum)
            return True
    return False


@pytest.mark.parametrize("seed", [11, 12, 13])
def test_sigkill_at_a_random_moment_keeps_the_previous_report(reports, seed):
    base, corpus, old, new, seconds = reports
    out = fresh_output(base, f"random-kill-{seed}", old)
    proc = start(corpus, out, "--embedder", "tfidf")
    time.sleep(random.Random(seed).uniform(0.05, seconds))
    proc.kill()
    proc.communicate(timeout=60)
    assert_whole(out, old, new)


def test_sigkill_while_a_report_file_is_written(reports):
    base, corpus, old, new, _ = reports
    out = fresh_output(base, "write-kill", old)
    proc = start(corpus, out, "--embedder", "tfidf")
    caught = kill_when_writing(proc, out, signal.SIGKILL)
    proc.communicate(timeout=60)
    assert caught, "the run ended before a temporary file was seen"
    assert assert_whole(out, old, new)


@pytest.mark.parametrize("seed", [21, 22])
def test_sigint_at_a_random_moment_exits_130_cleanly(reports, seed):
    base, corpus, old, new, seconds = reports
    out = fresh_output(base, f"random-int-{seed}", old)
    proc = start(corpus, out, "--embedder", "tfidf")
    time.sleep(random.Random(seed).uniform(0.05, 0.8 * seconds))
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=60)
    if proc.returncode == 0:  # finished before the signal came
        assert assert_whole(out, old, new) == ["new"] * 3
        return
    if proc.returncode == -signal.SIGINT:
        # The signal came once the run was over, while the interpreter shut down: Python puts
        # back the default SIGINT action there, so the process ends "killed by SIGINT" (130 in
        # a shell). The report must already be whole and announced.
        assert assert_whole(out, old, new) == ["new"] * 3
        assert b"report.json" in stdout and b"Traceback" not in stderr
        assert temporary(out) == []
        return
    assert proc.returncode == 130, stderr.decode()
    assert b"Traceback" not in stdout + stderr
    # before writing: all old; during it the interrupt waits for the set: all new
    assert assert_whole(out, old, new) in (["old"] * 3, ["new"] * 3)
    assert temporary(out) == []


def test_sigint_while_writing_finishes_the_set_and_exits_130(reports):
    base, corpus, old, new, _ = reports
    out = fresh_output(base, "write-int", old)
    proc = start(corpus, out, "--embedder", "tfidf")
    caught = kill_when_writing(proc, out, signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=60)
    assert caught, "the run ended before a temporary file was seen"
    assert proc.returncode == 130, stderr.decode()
    assert b"Traceback" not in stdout + stderr
    # an interrupt while writing is held until the set is written: all new, none mixed
    assert assert_whole(out, old, new) == ["new"] * 3
    assert temporary(out) == []


def test_an_interrupt_inside_the_write_block_waits_for_its_end():
    from consistency.atomic import interrupts_deferred

    finished = []
    with pytest.raises(KeyboardInterrupt):
        with interrupts_deferred():
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.05)  # the signal is delivered here, and held
            finished.append(True)
    assert finished == [True]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_ctrl_c_during_the_run_says_so_and_keeps_the_old_files(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    import consistency.pipeline
    from consistency.cli import app

    corpus = write_corpus(tmp_path / "corpus.jsonl", 2, seed=3)
    out = fresh_output(tmp_path, "out", {name: b"old " + name.encode() for name in FILES})

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(consistency.pipeline, "build_report", interrupted)
    monkeypatch.setattr(consistency.pipeline, "build_stored_report", interrupted)  # the CLI's path
    result = CliRunner().invoke(app, ["report", str(corpus), "-o", str(out), "--format", "json,md,html",
                                      "--embedder", "tfidf"])
    assert result.exit_code == 130
    assert result.stderr == "consistency: interrupted\n" and result.stdout == ""
    assert {name: (out / name).read_bytes() for name in FILES} == {name: b"old " + name.encode() for name in FILES}
    assert sorted(p.name for p in out.iterdir()) == sorted(FILES)


_CACHE_WRITER = textwrap.dedent(
    """
    import sys
    from consistency.embed import CachedEmbedder, FakeEmbedder
    embedder = CachedEmbedder(FakeEmbedder(dim=256), sys.argv[1])
    print("ready", flush=True)
    for batch in range(1000):
        embedder.encode([f"statement {batch} line {i} on the strike" for i in range(2048)])
        print("stored", flush=True)
    """
)


def cache_texts(batches: int) -> list[str]:
    return [f"statement {b} line {i} on the strike" for b in range(batches) for i in range(2048)]


@pytest.mark.parametrize("seed", [31, 32, 33])
def test_cache_killed_mid_write_stays_usable(tmp_path, seed):
    """SIGKILL while a process writes the cache: the file is sound and holds right vectors."""
    from consistency.embed import CachedEmbedder, FakeEmbedder
    from consistency.embed.cache import STORE_CHUNK

    script = tmp_path / "writer.py"
    script.write_text(_CACHE_WRITER)
    cache = tmp_path / "cache"
    proc = subprocess.Popen([sys.executable, str(script), str(cache)], stdout=subprocess.PIPE)
    assert proc.stdout.readline().strip() == b"ready"
    began = time.monotonic()
    assert proc.stdout.readline().strip() == b"stored"
    # a random moment within the next few batches, most of whose time is spent writing
    time.sleep(random.Random(seed).uniform(0.0, 3 * (time.monotonic() - began)))
    proc.kill()
    proc.wait(timeout=60)
    path = CachedEmbedder(FakeEmbedder(dim=256), cache).path
    assert path.is_file()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored = conn.execute("SELECT count(*) FROM vectors").fetchone()[0]
    assert stored % STORE_CHUNK == 0  # whole chunks only: each chunk is one transaction
    texts = cache_texts(3)
    got = CachedEmbedder(FakeEmbedder(dim=256), cache).encode(texts)
    np.testing.assert_array_equal(got, FakeEmbedder(dim=256).encode(texts))


@pytest.mark.slow
def test_report_after_a_kill_during_caching_is_the_same(tmp_path):
    """The default `use` embedder: a run killed while it embeds and caches, then a new run with
    the same cache gives the report an uncached run gives."""
    corpus = write_corpus(tmp_path / "corpus.jsonl", 30, seed=5)
    reference, _ = run(corpus, tmp_path / "reference", "--no-cache")
    cache = tmp_path / "cache"
    out = tmp_path / "out"
    proc = start(corpus, out, "--cache-dir", str(cache))
    deadline = time.monotonic() + 300
    while proc.poll() is None and time.monotonic() < deadline and not list(cache.rglob("*.sqlite3*")):
        time.sleep(0.005)
    time.sleep(random.Random(7).uniform(0.0, 0.5))
    proc.kill()
    proc.communicate(timeout=60)
    again, _ = run(corpus, out, "--cache-dir", str(cache))
    assert again["report.json"] == reference["report.json"]
    cached, _ = run(corpus, tmp_path / "cached", "--cache-dir", str(cache))
    assert cached["report.json"] == reference["report.json"]


def test_report_files_get_the_usual_permissions(tmp_path):
    """The temporary file's owner-only mode (mkstemp) must not become the report's."""
    from consistency.atomic import write_text

    old = os.umask(0o022)
    try:
        write_text(tmp_path / "report.json", "{}\n")
    finally:
        os.umask(old)
    assert (tmp_path / "report.json").stat().st_mode & 0o777 == 0o644
