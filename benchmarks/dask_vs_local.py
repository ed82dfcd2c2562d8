"""Local engine vs Dask engine (a LocalCluster of N worker processes): time per size.

    .venv/bin/python benchmarks/dask_vs_local.py --sizes 10000,100000 --backend tfidf --workers 2

For each size a corpus is generated (benchmarks/generate.py when present, seed 7, else
tests/synthetic_news.py) and written as 16 JSONL shards (kept and reused when `--work` is
given), then measured, each run in its own subprocess: `build_stored_report` writing
report.json in a stream (local: claims held compactly, the CLI's path), and
`build_report_dask`'s run on a LocalCluster started inside the timed call (the CLI's path),
the cluster's start-up also timed alone. No embedding cache (tfidf is not cached anyway).
Both reports are compared byte for byte.

Per run: wall seconds; CPU seconds (user + system) of the measuring process and, for Dask,
of its worker processes (children, counted once the cluster has stopped); peak RSS of the
process and of its largest child; the load average before and after (the machine may be
shared); for Dask, the wall time of each stage (`_DaskRun.timings`). Prints one JSON line
per run as it ends (appended to `--out FILE` at once, so a stopped run keeps the finished
ones) and a table. `--progress FILE` has every run append (elapsed s, stage, done, total)
lines, at most one every 10 s: the rate of a run stopped before its end.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
SHARDS = 16


def _records(n: int) -> list[str]:
    generator = ROOT / "benchmarks" / "generate.py"
    if generator.is_file():
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run([PY, str(generator), "--docs", str(n), "--seed", "7", "-o", tmp], check=True, cwd=ROOT)
            return [line for f in sorted(Path(tmp).glob("*.jsonl"))
                    for line in f.read_text(encoding="utf-8").splitlines()]
    sys.path.insert(0, str(ROOT / "tests"))
    from synthetic_news import records

    return [json.dumps(r, ensure_ascii=False) for r in records(n, seed=7)]


def make_corpus(n: int, folder: Path, shards: int = SHARDS) -> Path:
    """`n` generated documents as `shards` JSONL files (document k in file k mod shards);
    an existing complete folder is reused."""
    done = folder / ".complete"
    if done.is_file():
        return folder
    lines = _records(n)
    folder.mkdir(parents=True, exist_ok=True)
    for s in range(shards):
        (folder / f"part-{s:03d}.jsonl").write_text("\n".join(lines[s::shards]) + "\n", encoding="utf-8")
    done.write_text(f"{len(lines)}\n", encoding="utf-8")
    return folder


def _usage() -> dict:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"cpu_s": round(me.ru_utime + me.ru_stime, 2),
            "children_cpu_s": round(kids.ru_utime + kids.ru_stime, 2),
            "rss_mb": round(me.ru_maxrss / 1024), "largest_child_rss_mb": round(kids.ru_maxrss / 1024)}


class _ProgressLog:
    def __init__(self, path: str | None, label: str):
        self.path, self.label, self.start, self.last = path, label, time.perf_counter(), -1e9

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.perf_counter()
        if self.path and (now - self.last >= 10 or done == total):
            self.last = now
            with open(self.path, "a", encoding="utf-8") as f:
                f.write(f"{self.label} {now - self.start:.1f} {stage} {done} {total}\n")


def child(engine: str, corpus: str, backend: str, workers: int, progress_file: str) -> None:
    """One timed run; prints its figures as one JSON line."""
    from consistency.config import Settings

    settings = Settings(embedder=backend, use_cache=False)
    progress = _ProgressLog(progress_file or None, f"{engine}:{Path(corpus).name}")
    load = os.getloadavg()[0]
    stages: dict = {}
    start = time.perf_counter()
    if engine == "local":
        # the CLI's path for report.json: claims held compactly, the file written in a stream
        from consistency.pipeline import build_stored_report

        with tempfile.TemporaryDirectory() as tmp:
            path = build_stored_report(corpus, settings, progress).write_json(Path(tmp) / "report.json")
            digest = _sha256_file(path)
    elif engine == "dask":
        from consistency.engine.dask import _DaskRun, dask_client

        with dask_client(workers=workers) as client:
            client.wait_for_workers(workers)
            started = time.perf_counter() - start
            run = _DaskRun(client, settings, progress, None)
            text = run.report(corpus).to_json()
            stages = {"cluster_start": round(started, 2), **run.timings, "replay": getattr(run, "replayed", None)}
    else:  # the cluster's start and stop alone
        from consistency.engine.dask import dask_client

        with dask_client(workers=workers) as client:
            client.wait_for_workers(workers)
        text = ""
    seconds = time.perf_counter() - start
    if engine != "local":
        digest = hashlib.sha256(text.encode()).hexdigest()
    print(json.dumps({"seconds": round(seconds, 2), **_usage(), "sha256": digest,
                      "load_before": round(load, 1), "load_after": round(os.getloadavg()[0], 1), "stages": stages}))


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _run(*args: str) -> dict:
    out = subprocess.run([PY, str(Path(__file__)), "_child", *args], check=True, capture_output=True, text=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                              cwd=ROOT, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return (ROOT / "COMMIT").read_text().strip() if (ROOT / "COMMIT").is_file() else "unknown"


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "_child":
        child(*sys.argv[2:5], int(sys.argv[5]), sys.argv[6])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--backend", default="tfidf")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--engines", default="local,dask,startup", help="which runs, of local, dask, startup")
    parser.add_argument("--work", default=None, help="folder for the corpora (default: a temporary one)")
    parser.add_argument("--out", default=None, help="append the JSON lines to this file")
    parser.add_argument("--progress", default="", help="append progress lines of each run to this file")
    args = parser.parse_args()
    work = Path(args.work or tempfile.mkdtemp(prefix="dask-bench-"))
    engines = [e for e in args.engines.split(",") if e]
    commit = _commit()
    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        corpus = str(make_corpus(n, work / f"corpus-{n}"))
        runs = {}
        for engine in engines:
            runs[engine] = _run(engine, corpus, args.backend, str(args.workers), args.progress)
            line = {"docs": n, "engine": engine, "backend": args.backend, "workers": args.workers,
                    "commit": commit, **runs[engine]}
            print(json.dumps(line), flush=True)
            if args.out:
                with open(args.out, "a", encoding="utf-8") as f:
                    f.write(json.dumps(line) + "\n")
        rows.append((n, runs))
    print(f"\n{'docs':>8} {'local s':>9} {'local cpu':>10} {'dask s':>9} {'dask cpu':>9} {'start s':>8} "
          f"{'local/dask':>10} identical")
    for n, runs in rows:
        local, dask, start = runs.get("local", {}), runs.get("dask", {}), runs.get("startup", {})
        ratio = local["seconds"] / dask["seconds"] if local and dask else float("nan")
        same = local.get("sha256") == dask.get("sha256") if local and dask else "-"
        print(f"{n:>8} {local.get('seconds', float('nan')):>9.1f} {local.get('cpu_s', float('nan')):>10.1f} "
              f"{dask.get('seconds', float('nan')):>9.1f} "
              f"{dask.get('cpu_s', 0) + dask.get('children_cpu_s', 0) if dask else float('nan'):>9.1f} "
              f"{start.get('seconds', float('nan')):>8.1f} {ratio:>10.2f} {same}")


if __name__ == "__main__":
    main()
