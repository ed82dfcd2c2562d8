"""Writing a report's files: every format rendered first, then each written atomically.

A `StoredReport` (claims held compactly, `pipeline.build_stored_report`) has its report.json
written in a stream, never as one string, and its report.md made from the claims the
discrepancies quote; html still needs the whole `Report`."""

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
    streamed report.json of a `StoredReport` is written through a temporary file)."""
    folder = Path(folder)
    rendered = {}
    if not isinstance(report, StoredReport):
        rendered = {fmt: render(report, fmt) for fmt in formats}
    else:
        if "md" in formats:  # the claims its discrepancies quote are all it shows
            from consistency.render.markdown import render_markdown

            rendered["md"] = render_markdown(report.quoted(), claim_count=len(report.store))
        if "html" in formats:  # the viewer shows every claim
            rendered["html"] = render(report.to_report(), "html")
    paths = []
    for fmt in formats:
        path = folder / f"report.{fmt}"
        if fmt in rendered:
            write_text(path, rendered[fmt])
        else:
            report.write_json(path)
        paths.append(path)
    return paths
