"""The CI gate: fingerprints, baselines, expectations, and `check()` that ties them together."""

from consistency.gate.baseline import Baseline, BaselineEntry, load_baseline, make_baseline
from consistency.gate.check import CheckResult, Finding, check
from consistency.gate.fingerprint import fingerprint, fingerprints

__all__ = [
    "Baseline",
    "BaselineEntry",
    "CheckResult",
    "Finding",
    "check",
    "fingerprint",
    "fingerprints",
    "load_baseline",
    "make_baseline",
]
