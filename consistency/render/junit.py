"""A CheckResult as JUnit XML, the report format every CI system can show.

One testsuite for the findings (one testcase per finding: new ones fail, known ones pass,
ignored and filtered ones are skipped), one for stale baseline entries, and one for the
expectations of `--expect` (one testcase each). No timestamps, so the output is
deterministic.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from consistency.gate.check import CheckResult
from consistency.gate.fingerprint import short
from consistency.gate.locations import Locator

# Characters XML 1.0 cannot hold at all, even escaped; ElementTree would write them as they are.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def render_junit(result: CheckResult) -> str:
    locator = Locator(result.report, result.corpus)
    root = ET.Element("testsuites", name="consistency")

    findings = _suite(root, f"consistency check: {result.corpus}")
    for finding in result.findings:
        d = finding.discrepancy
        first = next((loc for side in d.sides for loc in locator.side(side) if loc.path), None)
        case = _case(findings, f"consistency.{d.kind}", f"{d.subject}: {d.summary} [{short(finding.fingerprint)}]")
        if first is not None:
            case.set("file", first.path)
            if first.line is not None:
                case.set("line", str(first.line))
        detail = _sides_text(d, locator)
        if finding.status == "new":
            failure = ET.SubElement(case, "failure", message=f"new {d.severity} discrepancy: {d.summary}",
                                    type=f"consistency.{d.kind}")
            failure.text = detail
        elif finding.status in ("ignored", "filtered"):
            ET.SubElement(case, "skipped", message=f"{finding.status}: {finding.note or ''}".rstrip(": "))
        else:
            out = ET.SubElement(case, "system-out")
            out.text = f"{finding.status}{': ' + finding.note if finding.note else ''}\n{detail}"

    if result.stale:
        stale = _suite(root, "consistency baseline: stale entries")
        for entry in result.stale:
            case = _case(stale, f"consistency.stale.{entry.kind}", f"{entry.subject}: {entry.summary} [{short(entry.fingerprint)}]")
            message = "baseline entry no longer occurs"
            if result.fail_on_stale:
                ET.SubElement(case, "failure", message=message, type="consistency.stale")
            else:
                ET.SubElement(case, "skipped", message=message)

    if result.expectations:
        expect = _suite(root, f"consistency expectations: {result.expect_file or 'gold'}")
        for expectation in result.expectations:
            name = expectation.id or expectation.kind
            case = _case(expect, f"consistency.expect.{expectation.kind}", f"{name}: {expectation.message}")
            if not expectation.passed:
                ET.SubElement(case, "failure", message=expectation.message, type=f"consistency.expect.{expectation.kind}")

    _count(root)
    ET.indent(root)
    text = _NOT_XML.sub("\ufffd", ET.tostring(root, encoding="unicode"))
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n"


def _suite(root: ET.Element, name: str) -> ET.Element:
    return ET.SubElement(root, "testsuite", name=name)


def _case(suite: ET.Element, classname: str, name: str) -> ET.Element:
    return ET.SubElement(suite, "testcase", classname=classname, name=" ".join(name.split()), time="0")


def _count(root: ET.Element) -> None:
    """Fill the counts every JUnit reader expects on testsuite and testsuites."""
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for suite in root.findall("testsuite"):
        cases = suite.findall("testcase")
        counts = {
            "tests": len(cases),
            "failures": sum(1 for c in cases if c.find("failure") is not None),
            "errors": 0,
            "skipped": sum(1 for c in cases if c.find("skipped") is not None),
        }
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
        suite.set("time", "0")
    for key, value in totals.items():
        root.set(key, str(value))
    root.set("time", "0")


def _sides_text(d, locator: Locator) -> str:
    lines = []
    for n, side in enumerate(d.sides, 1):
        lines.append(f"side {n}: {side.value} ({', '.join(side.document_ids)})")
        for loc in locator.side(side):
            where = loc.path or loc.document_id
            if loc.line is not None:
                where += f":{loc.line}"
            lines.append(f"  {where} \"{' '.join(loc.quote.split())}\"")
    return "\n".join(lines)
