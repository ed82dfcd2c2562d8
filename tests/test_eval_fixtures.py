"""Issue 3's targets on the project's own corpora: every corpus in fixtures/ reaches recall
>= 0.85 and precision >= 0.8 with no trap flagged, read from the committed reports/ (CI checks
first that they are what the code produces: `scripts/reports.py --check`), so this costs no
embedding. A corpus below a target is pinned at its measured figure (say why beside it), so a
regression fails here either way."""

from __future__ import annotations

from pathlib import Path

import pytest

from consistency.evaluate import evaluate
from consistency.gate.expect import load_gold
from consistency.models import Report

ROOT = Path(__file__).resolve().parents[1]
CORPORA = sorted(p for folder in ("corpora", "heldout") for p in (ROOT / "fixtures" / folder).iterdir() if p.is_dir())

# corpus -> (recall, precision, traps flagged at most) where the targets are not reached yet
PINNED: dict[str, tuple[float, float, int]] = {
    # formerly blind (benchmarks/blind), pinned at their measured figures when they moved here
    # (2026-12-05) until the rules reach them: a source's own rising toll, upper bounds ("as many
    # as 10"), subsets of the dead, other incidents' tolls and non-casualty numbers are flagged
    # as contradictions; cause, identity, blame and justification disputes in their wording are
    # not all read
    "kabul-drone-strike-2021-08-29": (0.375, 1.0, 0),
    # Asiri's denial against the Houthis' accusation is reported as a denial; the gold has it
    # as the perpetrator dispute (G3)
    "sanaa-funeral-hall-2016-10-08": (0.5, 0.8, 1),
    # Reuters' "Ukraine says Russia ..., while Moscow blames ..." is grouped apart from the
    # blame dispute (G5) and reported on its own
    "olenivka-prison-2022-07-29": (0.625, 0.85, 2),
    # the third blind set (benchmarks/blind/README.md), pinned at its blind figures when it moved
    # here at the start of the fourth session: a ministry's own rising toll, a hospital's subset of
    # the dead, another incident's figures and one statement in several outlets are flagged
    "dahyan-school-bus-2018-08-09": (0.14, 0.25, 6),
    "dnipro-apartment-block-2023-01-14": (0.66, 0.5, 5),
    "khan-shaykhun-sarin-2017-04-04": (0.37, 0.4, 3),
}


def test_every_fixture_corpus_has_a_committed_report():
    missing = [c.name for c in CORPORA if not (ROOT / "reports" / c.name / "report.json").is_file()]
    assert CORPORA and not missing


@pytest.mark.parametrize("corpus", CORPORA, ids=lambda p: p.name)
def test_fixture_corpus_meets_the_targets(corpus):
    report = Report.model_validate_json((ROOT / "reports" / corpus.name / "report.json").read_text(encoding="utf-8"))
    scores = evaluate(report, load_gold(corpus / "gold.json"))
    recall, precision, traps = PINNED.get(corpus.name, (0.85, 0.8, 0))
    assert scores.recall >= recall, (scores.recall, scores.missed)
    assert scores.precision >= precision, (scores.precision, scores.unmatched)
    assert len(scores.traps_flagged) <= traps, scores.traps_flagged
