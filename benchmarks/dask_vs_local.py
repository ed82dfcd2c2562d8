"""Local engine vs Dask engine (a LocalCluster of N worker processes): wall time per size.

    .venv/bin/python benchmarks/dask_vs_local.py --sizes 10000,100000 --backend tfidf --workers 2

For each size a corpus is generated (benchmarks/generate.py when present, seed 7, else
tests/synthetic_news.py) and written as 16 JSONL shards, then measured, each run in its own
subprocess: `build_report` (local), and `build_report_dask` on a LocalCluster started inside
the timed call (the CLI's path), the cluster's start-up also timed alone. No embedding cache
(tfidf is not cached anyway). Both reports are compared byte for byte. Prints one JSON line
per size and a table; `--out FILE` appends the JSON lines.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable


def _records(n: int) -> list[str]:
    generator = ROOT / "benchmarks" / "generate.py"
    if generator.is_file():
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run([PY, str(generator), "--docs", str(n), "--seed", "7", "-o", tmp], check=True, cwd=ROOT)
            return (Path(tmp) / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    sys.path.insert(0, str(ROOT / "tests"))
    from synthetic_news import records

    return [json.dumps(r, ensure_ascii=False) for r in records(n, seed=7)]


def make_corpus(n: int, folder: Path, shards: int = 16) -> Path:
    lines = _records(n)
    folder.mkdir(parents=True, exist_ok=True)
    for s in range(shards):
        (folder / f"part-{s:03d}.jsonl").write_text("\n".join(lines[s::shards]) + "\n", encoding="utf-8")
    return folder


def child(engine: str, corpus: str, backend: str, workers: int) -> None:
    """One timed run; prints {seconds, sha256, rss_mb}."""
    from consistency.config import Settings

    settings = Settings(embedder=backend, use_cache=False)
    start = time.perf_counter()
    if engine == "local":
        from consistency.pipeline import build_report

        text = build_report(corpus, settings).to_json()
    elif engine == "dask":
        from consistency.engine.dask import build_report_dask

        text = build_report_dask(corpus, settings, workers=workers).to_json()
    else:  # the cluster's start and stop alone
        from consistency.engine.dask import dask_client

        with dask_client(workers=workers) as client:
            client.wait_for_workers(workers)
        text = ""
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": round(seconds, 2), "sha256": hashlib.sha256(text.encode()).hexdigest(),
                      "client_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))


def _run(*args: str) -> dict:
    out = subprocess.run([PY, str(Path(__file__)), "_child", *args], check=True, capture_output=True, text=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "_child":
        child(*sys.argv[2:5], int(sys.argv[5]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--backend", default="tfidf")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--work", default=None, help="folder for the corpora (default: a temporary one)")
    parser.add_argument("--out", default=None, help="append the JSON lines to this file")
    args = parser.parse_args()
    work = Path(args.work or tempfile.mkdtemp(prefix="dask-bench-"))
    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        corpus = str(make_corpus(n, work / f"corpus-{n}"))
        local = _run("local", corpus, args.backend, str(args.workers))
        dask = _run("dask", corpus, args.backend, str(args.workers))
        startup = _run("startup", corpus, args.backend, str(args.workers))
        row = {"docs": n, "backend": args.backend, "workers": args.workers, "local_s": local["seconds"],
               "dask_s": dask["seconds"], "cluster_start_stop_s": startup["seconds"],
               "identical": local["sha256"] == dask["sha256"], "local_rss_mb": local["client_rss_mb"],
               "dask_client_rss_mb": dask["client_rss_mb"]}
        rows.append(row)
        print(json.dumps(row), flush=True)
        if args.out:
            with open(args.out, "a", encoding="utf-8") as f:
                f.write(json.dumps(row) + "\n")
    print(f"\n{'docs':>8} {'local s':>9} {'dask s':>9} {'start s':>8} {'speed-up':>9} identical")
    for r in rows:
        print(f"{r['docs']:>8} {r['local_s']:>9.1f} {r['dask_s']:>9.1f} {r['cluster_start_stop_s']:>8.1f} "
              f"{r['local_s'] / r['dask_s']:>9.2f} {r['identical']}")


if __name__ == "__main__":
    main()
