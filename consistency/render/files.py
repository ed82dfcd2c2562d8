"""Writing a report's files: every format rendered first, then each written atomically."""

from __future__ import annotations

from pathlib import Path

from consistency.atomic import write_text
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


def write_report(report: Report, folder: str | Path, formats: list[str]) -> list[Path]:
    """Render every format before writing any, so a failure leaves the old files whole."""
    folder = Path(folder)
    rendered = {fmt: render(report, fmt) for fmt in formats}
    paths = []
    for fmt, text in rendered.items():
        path = folder / f"report.{fmt}"
        write_text(path, text)
        paths.append(path)
    return paths
