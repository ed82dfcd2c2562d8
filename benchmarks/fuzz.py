"""A longer fuzz run than CI's: N generated inputs per target, every failure counted.

    .venv/bin/python benchmarks/fuzz.py                    # 1000 inputs per target
    .venv/bin/python benchmarks/fuzz.py -n 5000 --targets loader,numbers --seed 7

Targets are the ones of `tests/fuzz/test_fuzz_*.py` (each module's TARGETS: a hypothesis
strategy and a check that raises on a wrong result). Unlike the tests, a failure does not
stop the run and inputs are not shrunk: the run prints, per target, how many inputs it
tried, how many failed, what the inputs led to, and the first failing inputs. Exit code 1
when anything failed.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, seed, settings

FUZZ = Path(__file__).resolve().parents[1] / "tests" / "fuzz"
sys.path.insert(0, str(FUZZ))


def targets() -> dict:
    found = {}
    for path in sorted(FUZZ.glob("test_fuzz_*.py")):
        found.update(importlib.import_module(path.stem).TARGETS)
    return found


def run(name: str, strategy, check, n: int, random_seed: int, shown: int) -> tuple[int, list]:
    tried, outcomes, failures = 0, Counter(), []

    @seed(random_seed)
    @settings(max_examples=n, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def fuzz(value):
        nonlocal tried
        tried += 1
        try:
            outcomes[check(value)] += 1
        except Exception as exc:  # a failing input is a finding, counted and shown, not a stop
            failures.append((value, "".join(traceback.format_exception_only(exc)).strip()))

    began = time.perf_counter()
    fuzz()
    seconds = time.perf_counter() - began
    print(f"{name:<11} tried {tried:>6}  failed {len(failures):>4}  {seconds:7.1f} s  "
          + ", ".join(f"{k}: {v}" for k, v in outcomes.most_common()), flush=True)
    for value, error in failures[:shown]:
        print(f"    input {value!r}"[:400], f"\n    -> {error}"[:600], sep="")
    return tried, failures


def main() -> int:
    available = targets()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1000, help="inputs per target")
    parser.add_argument("--targets", default=",".join(available), help=f"comma-separated: {', '.join(available)}")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--show", type=int, default=3, help="failing inputs shown per target")
    args = parser.parse_args()
    total_tried = total_failed = 0
    for name in args.targets.split(","):
        strategy, check = available[name]
        tried, failures = run(name, strategy, check, args.n, args.seed, args.show)
        total_tried += tried
        total_failed += len(failures)
    print(f"fuzz: {total_tried} inputs tried, {total_failed} failed")
    return 1 if total_failed else 0


if __name__ == "__main__":
    sys.exit(main())
