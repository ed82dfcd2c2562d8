"""A CheckResult as plain text for a CI log: new findings in full, the rest one line each.

    NEW casualty_count/killed [high] 8410c0678262
      AP reports 3 killed while the security source reports 5.
      side 1: 3 (Associated Press: ap-mosul-strike)
        corpus/ap-mosul-strike.md:7:39 "killing three people"
      ...
    FAIL: 1 new finding needs review (2 known, 0 ignored)
"""

from __future__ import annotations

from consistency.gate.check import CheckResult, Finding
from consistency.gate.fingerprint import short
from consistency.gate.locations import Locator

_QUOTE_MAX = 160


def render_text(result: CheckResult) -> str:
    report = result.report
    locator = Locator(report, result.corpus)
    sources = {d.id: d.source for d in report.documents}
    lines = [
        f"consistency check: {result.corpus} ({_plural(len(report.documents), 'document', 'documents')}, "
        f"{_plural(len(report.discrepancies), 'discrepancy', 'discrepancies')})"
    ]
    if result.baseline_file:
        lines.append(f"baseline: {result.baseline_file}")
    for finding in result.new:
        lines.append("")
        lines.extend(_finding_block(finding, locator, sources))
    others = [f for f in result.findings if f.status != "new"]
    if others:
        lines.append("")
        for finding in others:
            d = finding.discrepancy
            note = f" ({finding.note})" if finding.note else ""
            lines.append(f"{finding.status} {d.kind}/{d.subject} [{d.severity}] {short(finding.fingerprint)}: "
                         f"{_one_line(d.summary)}{note}")
    if result.stale:
        lines.append("")
        for entry in result.stale:
            lines.append(f"STALE {entry.kind}/{entry.subject} {short(entry.fingerprint)}: no longer found "
                         f"({_one_line(entry.summary)})")
        lines.append("  Stale entries are reviewed findings that are gone: rewrite the baseline "
                     "with `consistency baseline` to drop them.")
    if result.expectations:
        lines.append("")
        if result.expect_file:
            lines.append(f"expectations: {result.expect_file}")
        for expectation in result.expectations:
            mark = "ok  " if expectation.passed else "FAIL"
            lines.append(f"  {mark} {expectation.message}")
    lines.append("")
    lines.append(_verdict(result))
    return "\n".join(lines) + "\n"


def _finding_block(finding: Finding, locator: Locator, sources: dict[str, str | None]) -> list[str]:
    d = finding.discrepancy
    lines = [f"NEW {d.kind}/{d.subject} [{d.severity}] {short(finding.fingerprint)}", f"  {_one_line(d.summary)}"]
    for n, side in enumerate(d.sides, 1):
        who = ", ".join(f"{sources.get(doc) or doc}: {doc}" for doc in side.document_ids)
        lines.append(f"  side {n}: {side.value} ({who})")
        for loc in locator.side(side):
            where = loc.path or loc.document_id
            if loc.line is not None:
                where += f":{loc.line}" + (f":{loc.column}" if loc.column is not None else "")
            quote = _clip(loc.quote)
            lines.append(f"    {where} \"{quote}\"" if quote else f"    {where}")
            if loc.context:
                lines.append(f"      in \"{_clip(loc.context)}\"")
    return lines


def _clip(text: str) -> str:
    text = _one_line(text)
    return text if len(text) <= _QUOTE_MAX else text[: _QUOTE_MAX - 1] + "…"


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _verdict(result: CheckResult) -> str:
    counts = result.counts()
    detail = ", ".join(f"{counts[k]} {k}" for k in ("known", "ignored", "filtered", "graded", "stale") if counts[k])
    detail = f" ({detail})" if detail else ""
    problems = []
    if counts["new"]:
        verb = "needs" if counts["new"] == 1 else "need"
        problems.append(f"{_plural(counts['new'], 'new finding', 'new findings')} {verb} review")
    if counts["expectations_failed"]:
        problems.append(f"{_plural(counts['expectations_failed'], 'expectation', 'expectations')} failed")
    if result.stale and result.fail_on_stale:
        problems.append(_plural(len(result.stale), "stale baseline entry", "stale baseline entries"))
    if result.exit_code:
        return f"FAIL: {'; '.join(problems)}{detail}"
    return f"OK: nothing needs attention{detail}"


def _one_line(text: str) -> str:
    return " ".join(text.split())
