"""consistency: check whether sources agree.

    >>> from consistency import build_report, Settings
    >>> report = build_report("fixtures/corpora/demo-rafah-tent-camp-2024-05-26", Settings(embedder="tfidf"))
    >>> sorted({d.kind for d in report.discrepancies})  # doctest: +SKIP

Heavy modules load on first use, so `import consistency` and `consistency --help` stay fast.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = [
    "CheckResult",
    "Report",
    "Settings",
    "build_report",
    "check",
    "compare_pair",
    "evaluate",
    "load_corpus",
]

_WHERE = {
    "CheckResult": "consistency.gate",
    "Report": "consistency.models",
    "Settings": "consistency.config",
    "build_report": "consistency.pipeline",
    "check": "consistency.gate",
    "compare_pair": "consistency.compare.pairwise",
    "evaluate": "consistency.evaluate",
    "load_corpus": "consistency.corpus",
}


def __getattr__(name: str):
    if name in _WHERE:
        import importlib

        return getattr(importlib.import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'consistency' has no attribute {name!r}")
