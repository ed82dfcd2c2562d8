"""A CheckResult as SARIF 2.1.0, for code-scanning views (GitHub, GitLab, VS Code's viewer).

The rules are the discrepancy kinds. Each finding is a result with one location per side:
the side's file (`Document.path` under the corpus as given), line and column of its quoted
span; every other quote of a side is a related location. Columns count Unicode code points
(`columnKind`), the unit spans are in. New findings are errors; known ones carry
`baselineState: unchanged`, ignored ones a suppression with the reviewer's reason, and
stale baseline entries appear as `absent` results with no location.
"""

from __future__ import annotations

import json
from urllib.parse import quote

from consistency import __version__
from consistency.gate.check import CheckResult, Finding
from consistency.gate.fingerprint import short
from consistency.gate.locations import Location, Locator
from consistency.models import KINDS

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_EXPECTATION_RULE = "expectation"
_DESCRIPTIONS = {
    "casualty_count": "Sources give figures of people killed, injured, missing or detained that do not overlap.",
    "count": "Sources give counts of other things (missiles, attacks, buildings) that do not overlap.",
    "perpetrator": "Sources name different perpetrators, or one names a perpetrator another calls unknown.",
    "responsibility": "Sources hold different parties responsible.",
    "justification": "Sources justify or condemn the act in opposing terms.",
    "target": "Sources describe what or who was hit differently.",
    "identity": "Sources give a person a different name or role.",
    "denial": "One source states what another denies.",
    "location": "Sources place the event in different places.",
    _EXPECTATION_RULE: "An expectation of --expect (gold.json) is not met.",
}
_LEVEL = {"new": "error", "known": "note", "ignored": "note", "filtered": "note", "graded": "note"}
_BASELINE_STATE = {"new": "new", "known": "unchanged"}


def render_sarif(result: CheckResult) -> str:
    locator = Locator(result.report, result.corpus)
    kinds = sorted({f.discrepancy.kind for f in result.findings} | {e.kind for e in result.stale})
    rule_ids = [k for k in KINDS if k in kinds] + sorted(set(kinds) - set(KINDS))
    if result.failed_expectations:
        rule_ids.append(_EXPECTATION_RULE)
    index = {rule: n for n, rule in enumerate(rule_ids)}
    rules = [
        {
            "id": rule,
            "name": "".join(part.capitalize() for part in rule.split("_")),
            "shortDescription": {"text": _DESCRIPTIONS.get(rule, f"Sources disagree ({rule}).")},
            "defaultConfiguration": {"level": "error"},
        }
        for rule in rule_ids
    ]
    results = [_finding(f, locator, index) for f in result.findings]
    for entry in result.stale:
        results.append({
            "ruleId": entry.kind,
            "ruleIndex": index[entry.kind],
            "level": "error" if result.fail_on_stale else "note",
            "kind": "fail" if result.fail_on_stale else "informational",
            "message": {"text": f"Baseline entry no longer occurs: {entry.summary}"},
            "baselineState": "absent",
            "partialFingerprints": {"consistency/v1": entry.fingerprint},
        })
    for expectation in result.failed_expectations:
        results.append({
            "ruleId": _EXPECTATION_RULE,
            "ruleIndex": index[_EXPECTATION_RULE],
            "level": "error",
            "message": {"text": expectation.message},
        })
    run = {
        "tool": {"driver": {"name": "consistency", "version": __version__, "rules": rules}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _finding(finding: Finding, locator: Locator, index: dict[str, int]) -> dict:
    d = finding.discrepancy
    values = " vs ".join(side.value for side in d.sides)
    out: dict = {
        "ruleId": d.kind,
        "ruleIndex": index[d.kind],
        "level": _LEVEL[finding.status],
        "message": {"text": f"{d.kind}/{d.subject} ({values}): {d.summary}"},
        "partialFingerprints": {"consistency/v1": finding.fingerprint},
        "properties": {"severity": d.severity, "subject": d.subject, "status": finding.status,
                       "fingerprint": short(finding.fingerprint)},
    }
    primary, related = [], []
    for n, side in enumerate(d.sides, 1):
        located = [loc for loc in locator.side(side) if loc.path]
        if located:
            primary.append(_location(located[0], f"side {n}: {side.value}"))
        for loc in located[1:]:
            related.append(_location(loc, f"side {n}: {side.value}"))
    if primary:
        out["locations"] = primary
    if related:
        out["relatedLocations"] = [dict(loc, id=n) for n, loc in enumerate(related)]
    if finding.status in _BASELINE_STATE:
        out["baselineState"] = _BASELINE_STATE[finding.status]
    if finding.status == "ignored":
        out["suppressions"] = [{"kind": "external", "status": "accepted", "justification": finding.note or ""}]
    return out


def _location(loc: Location, message: str) -> dict:
    region: dict = {}
    if loc.line is not None:
        region["startLine"] = loc.line
        if loc.column is not None:
            region.update(startColumn=loc.column, endLine=loc.end_line, endColumn=loc.end_column)
    if loc.quote:
        region["snippet"] = {"text": loc.quote}
    physical: dict = {"artifactLocation": {"uri": quote(loc.path or "", safe="/")}}
    if region:
        physical["region"] = region
    return {"physicalLocation": physical, "message": {"text": message}}
