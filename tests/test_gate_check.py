"""check(): statuses of findings, the gate's filters, ignores and expectations."""

from __future__ import annotations

import json
import sys
from types import ModuleType, SimpleNamespace

import pytest
from gate_reports import gate_report

from consistency.config import Ignore, Settings
from consistency.errors import InputError
from consistency.gate import check, fingerprints
from consistency.gate.expect import grade, load_gold

GOLD = {
    "event": "Drone strike on a car west of Mosul, 12 March 2024",
    "discrepancies": [
        {"id": "G1", "kind": "casualty_count", "subject": "killed",
         "sides": [{"documents": ["ap-mosul-strike"], "value": "3"}, {"documents": ["ina-mosul-strike"], "value": "5"}],
         "note": "police and the security source disagree on the toll"},
        {"id": "G2", "kind": "perpetrator", "subject": "perpetrator",
         "sides": [{"documents": ["ina-mosul-strike"], "value": "unknown drone"},
                   {"documents": ["reuters-mosul-strike"], "value": "US forces"}]},
    ],
    "non_discrepancies": [{"id": "N1", "why": "three bodies and three killed agree", "documents": ["ap-mosul-strike"]}],
}


def _statuses(result):
    return {(f.discrepancy.kind, f.discrepancy.subject): f.status for f in result.findings}


def test_every_finding_is_new_without_baseline():
    result = check(gate_report())
    assert result.exit_code == 1
    assert set(_statuses(result).values()) == {"new"}


def test_no_discrepancies_exits_zero():
    report = gate_report()
    result = check(report.model_copy(update={"discrepancies": []}))
    assert result.exit_code == 0 and result.findings == []


def test_min_severity_and_fail_on_filter():
    result = check(gate_report(), min_severity="medium")
    assert _statuses(result)[("target", "target")] == "filtered"
    assert result.exit_code == 1
    result = check(gate_report(), min_severity="high")
    assert [f.discrepancy.subject for f in result.new] == ["killed"]
    result = check(gate_report(), fail_on=["target", "perpetrator"], min_severity="high")
    assert result.exit_code == 0
    result = check(gate_report(), fail_on=["perpetrator"])
    assert [f.discrepancy.kind for f in result.new] == ["perpetrator"]


def test_settings_give_the_gate_and_arguments_override_them():
    settings = Settings(min_severity="high", fail_on=["target"])
    assert check(gate_report(), settings=settings).exit_code == 0
    assert check(gate_report(), settings=settings, min_severity="low").exit_code == 1


def test_ignores_by_fingerprint_prefix_and_by_kind():
    report = gate_report()
    fps = fingerprints(report)
    killed = next(d for d in report.discrepancies if d.subject == "killed")
    settings = Settings(ignores=[
        Ignore(fingerprint=fps[killed.id][:10], reason="the desk published both tolls side by side"),
        Ignore(kind="casualty_count", subject="injured", reason="hospital figures lag; reviewed"),
        Ignore(kind="perpetrator", reason="attribution is disputed and reported as such"),
        Ignore(kind="target", reason="reviewed"),
    ])
    result = check(report, settings=settings)
    assert set(_statuses(result).values()) == {"ignored"}
    assert result.exit_code == 0
    notes = {f.discrepancy.subject: f.note for f in result.findings}
    assert notes["killed"] == "the desk published both tolls side by side"


def test_ignore_of_one_subject_leaves_the_others():
    settings = Settings(ignores=[Ignore(kind="casualty_count", subject="injured", reason="reviewed")])
    statuses = _statuses(check(gate_report(), settings=settings))
    assert statuses[("casualty_count", "injured")] == "ignored"
    assert statuses[("casualty_count", "killed")] == "new"


def _scores(missed=(), flagged=(), recall=1.0, precision=1.0, unmatched=()):
    return lambda report, gold: SimpleNamespace(missed=list(missed), traps_flagged=list(flagged),
                                                recall=recall, precision=precision, unmatched=list(unmatched))


def test_grade_lists_every_expectation_with_its_outcome():
    graded = grade(gate_report(), GOLD, min_recall=0.9, min_precision=0.5,
                   scorer=_scores(missed=["G1"], flagged=["N1"], recall=0.5, precision=0.5))
    outcome = {(e.kind, e.id): e.passed for e in graded.expectations}
    assert outcome == {("discrepancy", "G1"): False, ("discrepancy", "G2"): True, ("trap", "N1"): False,
                       ("recall", None): False, ("precision", None): True}
    messages = " | ".join(e.message for e in graded.failures)
    assert "G1 (casualty_count/killed: 3 vs 5) was not found" in messages
    assert "police and the security source disagree" in messages
    assert "trap N1 was flagged" in messages and "recall 0.500 is below the minimum 0.900" in messages


def test_grade_passes_when_everything_is_met():
    graded = grade(gate_report(), GOLD, min_recall=0.9, scorer=_scores())
    assert graded.failures == [] and graded.recall == 1.0


@pytest.fixture
def fake_evaluate(monkeypatch):
    """Stands in for consistency.evaluate in check()'s own tests (its scoring is tested there)."""
    module = ModuleType("consistency.evaluate")
    monkeypatch.setitem(sys.modules, "consistency.evaluate", module)
    return module


def test_check_with_expectations(fake_evaluate, tmp_path):
    fake_evaluate.evaluate = _scores()
    gold_path = tmp_path / "gold.json"
    gold_path.write_text(json.dumps(GOLD), encoding="utf-8")
    result = check(gate_report(), expect=gold_path, min_recall=0.9)
    assert result.exit_code == 0
    assert set(_statuses(result).values()) == {"graded"}
    assert result.expect_file == str(gold_path)
    fake_evaluate.evaluate = _scores(missed=["G2"], recall=0.5, unmatched=["d4"])
    result = check(gate_report(), expect=gold_path, min_recall=0.9)
    assert result.exit_code == 1
    notes = {f.discrepancy.id: f.note for f in result.findings}
    assert notes["d4"] == "matches no expected discrepancy" and notes["d1"] == "matches an expected discrepancy"
    assert [(e.kind, e.id) for e in result.failed_expectations] == [("discrepancy", "G2"), ("recall", None)]


def test_baseline_comes_before_expectations(fake_evaluate):
    from consistency.gate import make_baseline

    fake_evaluate.evaluate = _scores()
    report = gate_report()
    result = check(report, baseline=make_baseline(gate_report(drop={"alfurat-mosul-strike"})), expect=GOLD)
    assert _statuses(result)[("target", "target")] == "graded"
    assert _statuses(result)[("casualty_count", "killed")] == "known"


@pytest.mark.parametrize(
    "text, problem",
    [
        (None, "expectations file not found"),
        ("[1, 2]", "not a gold file"),
        ('{"discrepancies": [{"id": "G1"}]}', "discrepancies[0] needs 'id', 'kind' and 'sides'"),
        ('{"discrepancies": [], "non_discrepancies": [{"why": "x"}]}', "'non_discrepancies' must be"),
        ('{"discrepancies": [}', "not valid JSON"),
    ],
)
def test_bad_gold_files_name_the_file(tmp_path, text, problem):
    path = tmp_path / "gold.json"
    if text is not None:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_gold(path)
    assert str(path) in str(caught.value) and problem in str(caught.value)


def test_result_json_has_counts_and_no_report_body():
    data = json.loads(check(gate_report()).to_json())
    assert data["counts"]["new"] == 4 and data["exit_code"] == 1
    assert "report" not in data
    assert {"fingerprint", "status", "discrepancy"} <= set(data["findings"][0])


def test_expectations_with_the_real_evaluate():
    pytest.importorskip("consistency.evaluate", reason="consistency.evaluate has not landed")
    result = check(gate_report(), expect=GOLD, min_recall=1.0, min_precision=0.6)
    assert (result.recall, result.precision) == (1.0, 0.5)  # d2 and d4 are in no gold entry
    assert [(e.kind, e.passed) for e in result.expectations] == [
        ("discrepancy", True), ("discrepancy", True), ("trap", True), ("recall", True), ("precision", False)]
    assert result.exit_code == 1
    notes = {f.discrepancy.id: f.note for f in result.findings}
    assert notes == {"d1": "matches an expected discrepancy", "d2": "matches no expected discrepancy",
                     "d3": "matches an expected discrepancy", "d4": "matches no expected discrepancy"}


def test_bad_gate_arguments_are_config_errors():
    from consistency.errors import ConfigError

    with pytest.raises(ConfigError, match="min_severity"):
        check(gate_report(), min_severity="urgent")
    with pytest.raises(ConfigError, match="fail_on"):
        check(gate_report(), fail_on=["blame"])


def test_findings_carry_the_gate_fingerprint():
    report = gate_report()
    result = check(report)
    assert all(f.discrepancy.fingerprint == f.fingerprint for f in result.findings)
    assert all(d.fingerprint == "" for d in report.discrepancies)  # the report itself is untouched
