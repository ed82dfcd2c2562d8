"""The CI gate as a library call: run the checker on a corpus and decide whether CI passes.

    result = check("corpus/", settings=Settings(), baseline="consistency-baseline.json")
    result.exit_code     # 0 nothing needs attention, 1 it does
    result.new           # findings not in the baseline, not ignored, at or above the gate

Every finding gets a status:
- `new`: needs attention (fails the gate);
- `known`: its fingerprint is in the baseline;
- `ignored`: an `ignores` entry of the configuration covers it (with its reason);
- `filtered`: below `min_severity`, or of a kind not in `fail_on`;
- `graded`: `--expect` was given, so gold.json, not the finding itself, decides.
Baseline entries that no longer occur are `stale`: a note, or a failure with `fail_on_stale`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, ValidationError

from consistency.config import SEVERITIES, Settings
from consistency.errors import ConfigError
from consistency.gate.baseline import Baseline, BaselineEntry, load_baseline, make_baseline
from consistency.gate.expect import Expectation, grade, load_gold
from consistency.gate.fingerprint import fingerprints
from consistency.models import Discrepancy, Report

Status = Literal["new", "known", "ignored", "filtered", "graded"]


class Finding(BaseModel):
    fingerprint: str
    status: Status
    note: str | None = None  # why it is not new: the ignore's or the baseline entry's reason
    discrepancy: Discrepancy


class CheckResult(BaseModel):
    """What the gate found; renderers turn it into text, JSON, JUnit, SARIF or annotations."""

    corpus: str
    report: Report = Field(exclude=True)
    findings: list[Finding]
    stale: list[BaselineEntry] = Field(default_factory=list)
    expectations: list[Expectation] = Field(default_factory=list)  # every one checked
    expect_file: str | None = None
    baseline_file: str | None = None
    recall: float | None = None
    precision: float | None = None
    fail_on_stale: bool = False
    exit_code: int

    @property
    def new(self) -> list[Finding]:
        return [f for f in self.findings if f.status == "new"]

    @property
    def failed_expectations(self) -> list[Expectation]:
        return [e for e in self.expectations if not e.passed]

    def counts(self) -> dict[str, int]:
        statuses = ("new", "known", "ignored", "filtered", "graded")
        counts = {s: sum(1 for f in self.findings if f.status == s) for s in statuses}
        counts["stale"] = len(self.stale)
        counts["expectations_failed"] = len(self.failed_expectations)
        return counts

    def to_json(self) -> str:
        data = self.model_dump(mode="json")
        data["counts"] = self.counts()
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def build_report(corpus: str | Path, settings: Settings) -> Report:
    """The one call into the pipeline (kept apart so tests can substitute a built report)."""
    from consistency.pipeline import build_report as pipeline_build_report

    return pipeline_build_report(corpus, settings)


def record_baseline(
    corpus: str | Path | Report, *, settings: Settings | None = None, path: str | Path | None = None
) -> tuple[Baseline, int]:
    """A baseline of `corpus` now, keeping the reasons of the baseline already at `path`.

    Returns the baseline and how many reviewer reasons it kept. An existing file that is not a
    baseline is an error rather than something to overwrite: it may hold a team's notes.
    """
    settings = settings if settings is not None else Settings()
    report = corpus if isinstance(corpus, Report) else build_report(corpus, settings)
    previous = load_baseline(path) if path is not None and Path(path).exists() else None
    recorded = make_baseline(report, previous)
    return recorded, sum(1 for entry in recorded.entries if entry.reason)


def check(
    corpus: str | Path | Report,
    *,
    settings: Settings | None = None,
    baseline: str | Path | Baseline | None = None,
    expect: str | Path | dict | None = None,
    fail_on: list[str] | None = None,
    min_severity: str | None = None,
    min_recall: float | None = None,
    min_precision: float | None = None,
    fail_on_stale: bool | None = None,
) -> CheckResult:
    """Check `corpus` (a path, or a report already built from one). Arguments override `settings`."""
    settings = settings if settings is not None else Settings()
    overrides = {"fail_on": fail_on, "min_severity": min_severity, "fail_on_stale": fail_on_stale}
    try:
        gate = Settings.model_validate(settings.model_dump() | {k: v for k, v in overrides.items() if v is not None})
    except ValidationError as exc:
        error = exc.errors()[0]
        raise ConfigError(f"check(): {'.'.join(map(str, error['loc']))}: {error['msg']}") from None
    if isinstance(corpus, Report):
        report, corpus_name = corpus, corpus.created_from.corpus
    else:
        report, corpus_name = build_report(corpus, gate), Path(corpus).as_posix()

    baseline = baseline if baseline is not None else gate.baseline
    baseline_file = None if baseline is None or isinstance(baseline, Baseline) else str(baseline)
    if baseline is not None and not isinstance(baseline, Baseline):
        baseline = load_baseline(baseline)
    expect_file = None if expect is None or isinstance(expect, dict) else str(expect)
    gold = load_gold(expect) if expect_file is not None else expect

    fps = fingerprints(report)
    known = {e.fingerprint: e for e in baseline.entries} if baseline is not None else {}
    # Findings carry the gate's fingerprint in the discrepancy too, so a JSON reader sees one.
    findings = [
        _classify(d.model_copy(update={"fingerprint": fps[d.id]}), fps[d.id], gate, known, graded=gold is not None)
        for d in report.discrepancies
    ]
    seen = set(fps.values())
    stale = [entry for fp, entry in known.items() if fp not in seen]

    result = CheckResult(
        corpus=corpus_name,
        report=report,
        findings=findings,
        stale=stale,
        expect_file=expect_file,
        baseline_file=baseline_file,
        fail_on_stale=gate.fail_on_stale,
        exit_code=0,
    )
    if gold is not None:
        graded = grade(report, gold, min_recall=min_recall, min_precision=min_precision)
        result.expectations = graded.expectations
        result.recall, result.precision = graded.recall, graded.precision
        unmatched = set(graded.unmatched)
        for finding in result.findings:
            if finding.status == "graded":
                finding.note = ("matches no expected discrepancy" if finding.discrepancy.id in unmatched
                                else "matches an expected discrepancy")
    failing = result.new or result.failed_expectations or (result.stale and gate.fail_on_stale)
    result.exit_code = 1 if failing else 0
    return result


def _classify(
    d: Discrepancy, fp: str, gate: Settings, known: dict[str, BaselineEntry], *, graded: bool
) -> Finding:
    for ignore in gate.ignores:
        if ignore.matches(d.kind, d.subject, fp):
            return Finding(fingerprint=fp, status="ignored", note=ignore.reason, discrepancy=d)
    if fp in known:
        return Finding(fingerprint=fp, status="known", note=known[fp].reason, discrepancy=d)
    if SEVERITIES.index(d.severity) < SEVERITIES.index(gate.min_severity):
        note = f"severity {d.severity} is below {gate.min_severity}"
        return Finding(fingerprint=fp, status="filtered", note=note, discrepancy=d)
    if gate.fail_on and d.kind not in gate.fail_on:
        note = f"kind {d.kind} is not in fail_on ({', '.join(gate.fail_on)})"
        return Finding(fingerprint=fp, status="filtered", note=note, discrepancy=d)
    if graded:
        return Finding(fingerprint=fp, status="graded", discrepancy=d)
    return Finding(fingerprint=fp, status="new", discrepancy=d)
