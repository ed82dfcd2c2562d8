"""Regenerate reports/ from the fixture corpora, or check that the committed ones are current.

    python scripts/reports.py            # write reports/<corpus>/report.{json,md,html}
    python scripts/reports.py --check    # exit 1 naming every stale or missing file
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from consistency.config import Settings
from consistency.pipeline import build_report
from consistency.render.files import render, write_report

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ["json", "md", "html"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args()
    stale = []
    corpora = sorted(p for folder in ("corpora", "heldout") for p in (ROOT / "fixtures" / folder).iterdir() if p.is_dir())
    for corpus in corpora:
        # Reports name the corpus relative to the repository root, wherever it is checked out.
        rel = corpus.relative_to(ROOT)
        os.chdir(ROOT)
        report = build_report(rel, Settings(use_cache=False))
        out = ROOT / "reports" / corpus.name
        if not args.check:
            for path in write_report(report, out, FORMATS):
                print(path.relative_to(ROOT))
            continue
        for fmt in FORMATS:
            path = out / f"report.{fmt}"
            if not path.is_file() or path.read_text(encoding="utf-8") != render(report, fmt):
                stale.append(str(path.relative_to(ROOT)))
    if stale:
        print("stale reports (regenerate with: python scripts/reports.py):", *stale, sep="\n  ", file=sys.stderr)
        return 1
    if args.check:
        print(f"reports current for {len(corpora)} corpora")
    return 0


if __name__ == "__main__":
    sys.exit(main())
