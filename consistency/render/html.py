"""The HTML viewer: one self-contained file an analyst opens from disk, with no network.

`render_html(report)` embeds the report and a derived view (overview counts, cards, charts,
timelines, matrix) as JSON in a `<script type="application/json">` block; `assets/viewer.js`
builds the page from it with `textContent` only, so report text can never become markup.
The Content-Security-Policy allows exactly the inline script and style by their hashes.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from functools import cache
from importlib import resources

from consistency.models import Report
from consistency.render.html_view import build_view, fmt_range

__all__ = ["render_html", "script_json", "build_view", "fmt_range"]

_PLACEHOLDER = re.compile(r"\{\{([A-Z]+)\}\}")
# Characters that could end the <script> element or break a JS string; JSON allows \u escapes.
_SCRIPT_UNSAFE = re.compile("[<>&\u2028\u2029\ud800-\udfff]")


def render_html(report: Report) -> str:
    """The viewer page for `report`: deterministic, self-contained, safe for hostile text."""
    style, script = _asset("viewer.css"), _asset("viewer.js")
    payload = {"report": report.model_dump(mode="json"), "view": build_view(report)}
    csp = "; ".join((
        "default-src 'none'",
        f"script-src '{_sha256(script)}'",
        f"style-src '{_sha256(style)}'",
        "img-src data:",
        "base-uri 'none'",
        "form-action 'none'",
    ))
    values = {
        "CSP": html.escape(csp),
        "TITLE": html.escape(f"Discrepancies — {report.created_from.corpus}"),
        "STYLE": style,
        "SCRIPT": script,
        "DATA": script_json(payload),
    }
    # One pass over the template: text substituted in is never scanned for placeholders again.
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], _asset("viewer.html"))


def script_json(value) -> str:
    """JSON that is inert inside a <script> element (no `</script>`, `<!--`, line separators)."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return _SCRIPT_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


@cache
def _asset(name: str) -> str:
    text = (resources.files("consistency.render") / "assets" / name).read_text(encoding="utf-8")
    if name != "viewer.html" and re.search(r"</(script|style)", text, re.I):
        raise ValueError(f"asset {name} must not contain a closing script or style tag")
    return text


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
