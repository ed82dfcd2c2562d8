"""Writing a report's files: every format rendered first, then each written atomically.

A `StoredReport` (claims held compactly, `pipeline.build_stored_report`) has its report.json
written in a stream, never as one string; md and html still need the whole `Report`."""

from __future__ import annotations

from pathlib import Path

from consistency.atomic import write_text
from consistency.claimstore import StoredReport
from consistency.models import Report


def render(report: Report, fmt: str) -> str:
    if fmt == "json":
        return report.to_json()
    if fmt == "md":
        from consistency.render.markdown import render_markdown

        return render_markdown(report)
    if fmt == "html":
        from consistency.render.html import render_html

        return render_html(report)
    raise ValueError(f"unknown format {fmt!r}")


def write_report(report: Report | StoredReport, folder: str | Path, formats: list[str]) -> list[Path]:
    """Render every format before writing any, so a failure leaves the old files whole (the
    streamed report.json of a `StoredReport` is written first, through a temporary file)."""
    folder = Path(folder)
    streamed = isinstance(report, StoredReport) and "json" in formats
    others = [fmt for fmt in formats if not (streamed and fmt == "json")]
    whole = report.to_report() if isinstance(report, StoredReport) and others else report
    rendered = {fmt: render(whole, fmt) for fmt in others}
    del whole
    paths = []
    for fmt in formats:
        path = folder / f"report.{fmt}"
        if fmt in rendered:
            write_text(path, rendered[fmt])
        else:
            report.write_json(path)
        paths.append(path)
    return paths
