"""Score `consistency compare --file` on the ANS stance dev set (and, optionally, ArNLI/SICK).

    .venv/bin/python benchmarks/ans_stance.py [--embedder use] [--arnli] [--errors N]

ANS (Khouja 2020): Arabic headline pairs labelled agree / disagree / other. The command's
labels map agree → agree, contradict → disagree, unrelated → other. The headline figure is
the macro-F1 over the two classes agree and disagree, on the rows whose gold label is agree
or disagree (the 16 'other' rows are left out of it; a prediction of 'unrelated' on an
agree/disagree row counts as a miss for that row's class). The 'other' rows are scored apart.

ArNLI (Arabic SICK): entailment → agree, contradiction → contradict; 'neutral' pairs are
related but not entailed, so only the detection of contradictions is scored there
(precision/recall/F1 of contradict against the rest).

The dev set is used to measure only: no rule or threshold of the package is fitted to it.
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CONSISTENCY_SHARED", ROOT.parent / "shared"))
ANS = SHARED / "eval" / "ans_stance" / "dev.csv"
ARNLI = SHARED / "eval" / "arnli_sick_ar" / "test.csv"
TO_STANCE = {"agree": "agree", "contradict": "disagree", "unrelated": "other"}


def run_compare(path: Path, embedder: str) -> list[dict]:
    """Run the CLI exactly as a user would and parse its JSON lines."""
    exe = Path(sys.executable).with_name("consistency")
    cmd = [str(exe) if exe.exists() else "consistency", "compare", "--file", str(path), "--json",
           "--embedder", embedder]
    out = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({out.returncode}):\n{out.stderr}")
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def prf(gold: list[str], pred: list[str], cls: str) -> tuple[float, float, float]:
    tp = sum(g == cls and p == cls for g, p in zip(gold, pred))
    fp = sum(g != cls and p == cls for g, p in zip(gold, pred))
    fn = sum(g == cls and p != cls for g, p in zip(gold, pred))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_ans(embedder: str, show_errors: int) -> None:
    rows = list(csv.DictReader(ANS.open(encoding="utf-8")))
    start = time.perf_counter()
    results = run_compare(ANS, embedder)
    elapsed = time.perf_counter() - start
    if len(results) != len(rows):
        sys.exit(f"expected {len(rows)} results, got {len(results)}")
    gold = [r["stance"] for r in rows]
    pred = [TO_STANCE[r["label"]] for r in results]
    keep = [i for i, g in enumerate(gold) if g in ("agree", "disagree")]
    g2, p2 = [gold[i] for i in keep], [pred[i] for i in keep]
    print(f"ANS stance dev: {ANS}  ({len(rows)} rows; embedder {embedder}; {elapsed:.1f} s)")
    f1s = []
    for cls in ("agree", "disagree"):
        p, r, f = prf(g2, p2, cls)
        f1s.append(f)
        print(f"  {cls:9s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (gold {g2.count(cls)}, "
              f"predicted {p2.count(cls)})")
    print(f"  macro-F1 (agree, disagree; 'other' rows excluded): {sum(f1s) / 2:.3f}")
    p, r, f = prf(gold, pred, "other")
    print(f"  other     P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (all {len(rows)} rows)")
    print(f"  accuracy on agree/disagree rows: {sum(a == b for a, b in zip(g2, p2)) / len(g2):.3f}")
    confusion = collections.Counter(zip(gold, pred))
    print("  confusion (gold → predicted):",
          ", ".join(f"{g}→{p} {n}" for (g, p), n in sorted(confusion.items())))
    kinds = collections.Counter(r["kind"] for r, g in zip(results, gold) if r["label"] == "contradict")
    right = collections.Counter(r["kind"] for r, g in zip(results, gold)
                                if r["label"] == "contradict" and g == "disagree")
    print("  contradictions by kind (right/flagged):",
          ", ".join(f"{k} {right[k]}/{n}" for k, n in kinds.most_common()))
    if show_errors:
        misses = [(rows[i], results[i]) for i in keep if pred[i] != gold[i]]
        for row, res in misses[:show_errors]:
            print(f"  - gold {row['stance']}, got {res['label']}/{res['kind']}: {res['reason']}")
            print(f"      a: {row['s1']}\n      b: {row['s2']}")


def score_arnli(embedder: str) -> None:
    rows = list(csv.DictReader(ARNLI.open(encoding="utf-8")))
    with tempfile.TemporaryDirectory() as tmp:
        pairs = Path(tmp) / "pairs.jsonl"
        pairs.write_text("".join(json.dumps({"a": r["t"], "b": r["h"]}, ensure_ascii=False) + "\n"
                                 for r in rows), encoding="utf-8")
        results = run_compare(pairs, embedder)
    gold = ["contradict" if r["label_name"] == "contradiction" else "rest" for r in rows]
    pred = ["contradict" if r["label"] == "contradict" else "rest" for r in results]
    p, r, f = prf(gold, pred, "contradict")
    print(f"ArNLI/SICK test: {ARNLI}  ({len(rows)} rows)")
    print(f"  contradict P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (gold {gold.count('contradict')}, "
          f"predicted {pred.count('contradict')})")
    ent = [res["label"] for res, row in zip(results, rows) if row["label_name"] == "entailment"]
    print(f"  entailment pairs labelled agree: {ent.count('agree') / len(ent):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--embedder", default="use", help="use, tfidf, e5, st:<model> or none")
    parser.add_argument("--arnli", action="store_true", help="also score ArNLI/SICK test")
    parser.add_argument("--errors", type=int, default=0, help="print the first N misclassified rows")
    args = parser.parse_args()
    score_ans(args.embedder, args.errors)
    if args.arnli:
        score_arnli(args.embedder)


if __name__ == "__main__":
    main()
