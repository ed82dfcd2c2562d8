"""Nothing opens a socket: the whole pipeline runs with socket creation made to fail.

Each command runs in a fresh interpreter whose `socket.socket`, `socket.create_connection` and
`socket.getaddrinfo` raise before anything of the tool is imported, so module imports, model
loading (the `use` embedder's weights ship in its pip package) and every stage are covered.
Every attempt is also written to a log, so an attempt that the code catches and ignores
still fails the test.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "fixtures" / "corpora" / "demo-rafah-tent-camp-2024-05-26"

GUARD = """
import os, socket, sys

LOG = os.environ["NO_NETWORK_LOG"]


def _refuse(what, args):
    with open(LOG, "a", encoding="utf-8") as f:
        f.write(f"{what} {args!r}"[:300] + "\\n")
    raise OSError(f"network disabled by the test: {what}")


class _NoSocket(socket.socket):
    def __init__(self, *args, **kwargs):
        _refuse("socket.socket", args)


socket.socket = _NoSocket
socket.create_connection = lambda *args, **kwargs: _refuse("socket.create_connection", args)
socket.getaddrinfo = lambda *args, **kwargs: _refuse("socket.getaddrinfo", args)

from consistency.cli import main

sys.argv = ["consistency", *sys.argv[1:]]
main()
"""


def offline(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    log = tmp_path / "network-attempts.log"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "NO_NETWORK_LOG": str(log),
           "XDG_CACHE_HOME": str(tmp_path / "xdg-cache"), "CI": "true"}
    proc = subprocess.run([sys.executable, "-c", GUARD, *args], capture_output=True, text=True,
                          env=env, cwd=tmp_path, timeout=900)
    attempts = log.read_text("utf-8") if log.exists() else ""
    assert attempts == "", f"network attempts:\n{attempts}\nstderr:\n{proc.stderr}"
    assert "Traceback" not in proc.stdout + proc.stderr, proc.stderr
    return proc


@pytest.fixture
def corpus(tmp_path) -> Path:
    """A copy of the demo corpus (documents and gold.json) outside the checkout."""
    return Path(shutil.copytree(DEMO, tmp_path / "demo"))


def test_the_guard_catches_a_connection(tmp_path):
    """The guard itself: a command that does reach for the network is caught and logged."""
    log = tmp_path / "log"
    reach = ("import urllib.request\n"
             "for attempt in (lambda: urllib.request.urlopen('http://example.org', timeout=1),\n"
             "                lambda: socket.getaddrinfo('example.org', 443), socket.socket):\n"
             "    try:\n        attempt()\n    except OSError:\n        pass\n"
             "main = lambda: None")
    script = GUARD.replace("from consistency.cli import main", reach)
    subprocess.run([sys.executable, "-c", script], env={"NO_NETWORK_LOG": str(log), "PATH": "/usr/bin:/bin"},
                   check=True, timeout=60)
    logged = log.read_text("utf-8")
    for what in ("socket.create_connection", "socket.getaddrinfo", "socket.socket"):
        assert what in logged


def test_report_check_and_eval_run_offline(tmp_path, corpus):
    out = tmp_path / "out"
    report = offline(tmp_path, "report", str(corpus), "-o", str(out), "--format", "json,md,html",
                     "--embedder", "tfidf")
    assert report.returncode == 0, report.stderr
    assert sorted(p.name for p in out.iterdir()) == ["report.html", "report.json", "report.md"]
    assert json.loads((out / "report.json").read_text("utf-8"))["discrepancies"]

    check = offline(tmp_path, "check", str(corpus), "--embedder", "tfidf", "--format", "sarif",
                    "-o", str(tmp_path / "check.sarif"), "--expect", str(corpus / "gold.json"))
    assert check.returncode in (0, 1), check.stderr
    assert json.loads((tmp_path / "check.sarif").read_text("utf-8"))["runs"]

    scores = offline(tmp_path, "eval", str(corpus), "--embedder", "tfidf", "--json")
    assert scores.returncode == 0, scores.stderr
    assert json.loads(scores.stdout)


@pytest.mark.slow
def test_default_embedder_runs_offline_and_caches_on_disk(tmp_path, corpus):
    """The default `use` embedder loads its shipped weights and writes its cache, offline."""
    out = tmp_path / "out"
    cache = tmp_path / "cache"
    report = offline(tmp_path, "report", str(corpus), "-o", str(out), "--format", "json,md,html",
                     "--cache-dir", str(cache))
    assert report.returncode == 0, report.stderr
    assert json.loads((out / "report.json").read_text("utf-8"))["documents"]
    assert list(cache.rglob("*.sqlite3"))
    scores = offline(tmp_path, "eval", str(corpus), "--cache-dir", str(cache), "--json")
    assert scores.returncode == 0, scores.stderr
