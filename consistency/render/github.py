"""A CheckResult as GitHub Actions workflow commands: annotations on the files of each side.

One `::error` per located side of every new finding, so a pull request shows the conflicting
figure on each document that states it:

    ::error file=corpus/ap.md,line=7,col=39,endLine=7,endColumn=59,title=casualty_count/killed::AP reports 3 killed ...

Values are escaped as GitHub's runner expects (`%`, CR, LF in the message; also `:` and `,`
in properties), so no text from a corpus can end a command early or inject another one.
"""

from __future__ import annotations

from consistency.gate.check import CheckResult
from consistency.gate.fingerprint import short
from consistency.gate.locations import Locator


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: object) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items() if value is not None)
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def render_github(result: CheckResult) -> str:
    locator = Locator(result.report, result.corpus)
    lines: list[str] = []
    for finding in result.new:
        d = finding.discrepancy
        title = f"{d.kind}/{d.subject} [{d.severity}] {short(finding.fingerprint)}"
        values = " vs ".join(side.value for side in d.sides)
        for n, side in enumerate(d.sides, 1):
            message = f"{d.summary}\nThis document's side ({n} of {len(d.sides)}): {side.value}. All sides: {values}."
            located = [loc for loc in locator.side(side) if loc.path]
            if not located:
                lines.append(command("error", message, title=title))
                continue
            for loc in located[:1] if len(located) > 1 and _same_file(located) else located:
                lines.append(command("error", message, file=loc.path, line=loc.line, col=loc.column,
                                     endLine=loc.end_line, endColumn=loc.end_column, title=title))
    for entry in result.stale:
        name = "error" if result.fail_on_stale else "warning"
        message = f"Baseline entry {short(entry.fingerprint)} no longer occurs: {entry.summary}"
        lines.append(command(name, message, file=result.baseline_file, title=f"stale: {entry.kind}/{entry.subject}"))
    for expectation in result.failed_expectations:
        lines.append(command("error", expectation.message, file=result.expect_file,
                             title=f"expectation failed: {expectation.kind}"))
    counts = result.counts()
    summary = ", ".join(f"{value} {key}" for key, value in counts.items() if value)
    lines.append(f"consistency check: {'FAIL' if result.exit_code else 'OK'} ({summary or 'no findings'})")
    return "\n".join(lines) + "\n"


def _same_file(located: list) -> bool:
    """Several quotes of one side in the same line would stack identical annotations."""
    return len({(loc.path, loc.line) for loc in located}) == 1
