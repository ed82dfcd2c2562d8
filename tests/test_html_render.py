"""The HTML viewer without a browser: self-containment, CSP, escaping, the derived view, the CLI."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import subprocess
import sys
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from consistency.cli import app
from consistency.models import Quote, Report
from consistency.render.html import build_view, fmt_range, render_html, script_json
from fixtures_reports import PAYLOADS, depot_report, empty_report, hostile_report

ASSETS = Path(__file__).parents[1] / "consistency" / "render" / "assets"
REPORTS = {"depot": depot_report, "empty": empty_report, "hostile": hostile_report}


class Page(HTMLParser):
    """The tags of a page, and the raw text of each <script> and <style> element."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.raw: list[tuple[str, dict, str]] = []
        self._open: tuple[str, dict] | None = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._open = (tag, dict(attrs))

    def handle_data(self, data):
        if self._open:
            self.raw.append((*self._open, data))
            self._open = None


def _sha(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


@pytest.fixture(scope="module", params=sorted(REPORTS))
def rendered(request):
    report = REPORTS[request.param]()
    return report, render_html(report)


def test_same_report_same_bytes(rendered):
    report, page = rendered
    again = Report.model_validate_json(report.to_json())
    assert render_html(again) == page


def test_page_is_self_contained(rendered):
    _, page = rendered
    p = Page(page)
    tags = [t for t, _ in p.tags]
    assert tags.count("script") == 2 and tags.count("style") == 1
    assert not {"img", "iframe", "object", "embed", "base", "form"} & set(tags)
    assert all("src" not in a for t, a in p.tags if t == "script")
    links = [a for t, a in p.tags if t == "link"]
    assert links == [{"rel": "icon", "href": "data:,"}]
    css, js = (ASSETS / "viewer.css").read_text(), (ASSETS / "viewer.js").read_text()
    assert "@import" not in css and "url(" not in css
    for fetcher in ("fetch(", "XMLHttpRequest", "import(", "WebSocket", "EventSource", "sendBeacon"):
        assert fetcher not in js
    assert re.findall(r"https?://[^\s\"']+", js) == ["http://www.w3.org/2000/svg"]  # a namespace, not a fetch


def test_csp_allows_exactly_the_inline_script_and_style(rendered):
    _, page = rendered
    p = Page(page)
    meta = [a for t, a in p.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert len(meta) == 1
    policy = dict(d.strip().split(" ", 1) for d in meta[0]["content"].split(";"))
    code = [raw for tag, attrs, raw in p.raw if tag == "script" and "type" not in attrs]
    style = [raw for tag, _, raw in p.raw if tag == "style"]
    assert policy["default-src"] == "'none'"
    assert policy["script-src"] == f"'{_sha(code[0])}'"
    assert policy["style-src"] == f"'{_sha(style[0])}'"
    assert policy["img-src"] == "data:" and "connect-src" not in policy
    assert "unsafe-inline" not in meta[0]["content"] and "unsafe-eval" not in meta[0]["content"]
    # the CSP must come before anything it governs
    assert page.index("Content-Security-Policy") < page.index("<style>")


def test_embedded_data_round_trips_and_cannot_close_its_element(rendered):
    report, page = rendered
    assert page.count("</script") == 2  # the data block's and the code's, no more
    p = Page(page)
    (data,) = [raw for tag, attrs, raw in p.raw if attrs.get("id") == "report-data"]
    assert attrs_of(p, "report-data") == {"type": "application/json", "id": "report-data"}
    assert not re.search("[<>&\u2028\u2029]", data)
    payload = json.loads(data)
    assert payload["report"] == report.model_dump(mode="json")
    assert payload["view"] == json.loads(json.dumps(build_view(report)))


def attrs_of(page: Page, element_id: str) -> dict:
    return next(a for _, a in page.tags if a.get("id") == element_id)


def test_hostile_text_never_reaches_markup():
    page = render_html(hostile_report())
    outside_data = re.sub(r'(<script type="application/json" id="report-data">).*?(</script>)', r"\1\2", page, flags=re.S)
    for payload in PAYLOADS:
        assert payload not in outside_data
    assert "<title>Discrepancies — hostile &lt;/script&gt;" in page
    assert "{{" not in outside_data  # every placeholder filled, none taken from the data


def test_script_json_escapes_what_html_and_js_parsers_treat_specially():
    text = script_json({"a": "</script><!--\u2028\u2029&", "b": "\ud800"})
    assert text == '{"a":"\\u003c/script\\u003e\\u003c!--\\u2028\\u2029\\u0026","b":"\\ud800"}'
    assert json.loads(text)["a"] == "</script><!--\u2028\u2029&"


@given(st.text())
def test_any_text_stays_inside_the_data_block(text):
    encoded = script_json({"t": text, text: [text]})
    assert not re.search("[<>&\u2028\u2029\ud800-\udfff]", encoded)
    assert json.loads(encoded) == {"t": text, text: [text]}


def test_viewer_code_only_writes_text():
    js = (ASSETS / "viewer.js").read_text()
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "Function(",
                 "setTimeout(\"", "srcdoc", "createContextualFragment", "DOMParser"):
        assert sink not in js, sink
    # hrefs are only set to a URL that passed the http(s) check
    assert re.findall(r"href: ([\w.]+)", js) == ["href"]
    assert "var href = safeHref(doc.url);" in js


@pytest.mark.parametrize(("low", "high", "shown"), [
    (2, 2, "2"), (3, 5, "3–5"), (4, None, "4–∞"), (2.5, 2.5, "2.5"), (None, None, None), (0, 10, "0–10"),
])
def test_parsed_range_as_shown(low, high, shown):
    assert fmt_range(low, high) == shown


def test_view_of_a_bilingual_report():
    view = build_view(depot_report())
    o = view["overview"]
    assert (o["documents"], o["claims"], len(o["events"]), o["revisions"]) == (5, 10, 2, 1)
    assert o["languages"] == [["en", 3], ["ar", 2]]
    assert o["sources"][0] == ["Northern Wire", 2]
    assert [k for k, _ in o["kinds"]] == ["casualty_count", "perpetrator", "justification", "target", "denial"]
    assert o["severities"] == [["high", 2], ["medium", 3], ["low", 1]]

    killed = view["cards"][0]
    assert killed["id"] == "d-killed" and killed["languages"] == ["ar", "en"]
    assert killed["groups"] == ["medical", "police/security source"]
    three, four, six = killed["sides"]
    assert three["written"] == ["ثلاثة"] and three["vias"] == ["قناة الرافدين"] and three["parsed"] == "3"
    assert four["written"] == ["At least four"] and four["parsed"] == "4–∞" and four["open"]
    assert six["actors"] == [{"id": "basra-health", "name": "Basra health directorate", "group": "medical"}]
    (x,) = three["excerpts"]
    assert x["language"] == "ar" and x["source"] == "قناة الرافدين"
    doc = {d.id: d for d in depot_report().documents}["rafidain-2025-03-12"]
    assert doc.text[slice(*x["context"])] == x["text"] and x["clipped"] == [False, False]
    # the whole sentence is quoted, so the figure as written is what is marked in it
    assert [doc.text[a:b] for a, b in x["marks"]] == ["ثلاثة"]
    assert [x["text"][a:b] for a, b in x["highlights"]] == ["ثلاثة"]

    charts = {(c["event_id"], c["subject"]): c for c in view["charts"]}
    assert list(charts) == [("e1", "killed"), ("e1", "injured"), ("e2", "rockets")]
    assert [r["parsed"] for r in charts["e1", "killed"]["rows"]] == ["3", "4–∞", "5", "6", "7"]
    assert charts["e2", "rockets"]["rows"][0]["high"] is None

    m = view["matrix"]
    row = next(r for r in m["rows"] if r["id"] == "us-official")
    assert dict(zip(m["kinds"], row["cells"])) == {
        "casualty_count": 0, "perpetrator": 1, "justification": 1, "target": 1, "denial": 1}

    (timeline,) = view["timelines"]
    assert timeline["source"] == "Northern Wire"
    steps = timeline["revisions"][0]["steps"]
    assert [(s["value"], s["date"]) for s in steps] == [("at least 4", "2025-03-12"), ("7", "2025-03-13")]
    # each step marks the figure as written inside its sentence
    assert [s["excerpt"]["text"][slice(*s["excerpt"]["highlights"][0])] for s in steps] == ["At least four", "seven"]


def test_sides_without_quotes_fall_back_to_their_claims():
    report = depot_report()
    for d in report.discrepancies:
        for s in d.sides:
            s.quotes = []
    sides = build_view(report)["cards"][0]["sides"]
    claims = {c.id: c for c in report.claims}
    assert sides[0]["excerpts"][0]["text"] == claims["c05"].text
    assert sides[0]["excerpts"][0]["marks"] == [list(claims["c05"].facets.counts[0].span)]


def _with_quotes(report: Report, disc_id: str, side: int, words: list[str]) -> Report:
    """Replace a side's quotes by the given words of its first claim (as the pipeline quotes figures)."""
    claims = {c.id: c for c in report.claims}
    s = next(d for d in report.discrepancies if d.id == disc_id).sides[side]
    c = claims[s.claim_ids[0]]
    docs = {d.id: d for d in report.documents}
    s.quotes = []
    for w in words:
        start = docs[c.document_id].text.index(w, c.span[0])
        s.quotes.append(Quote(claim_id=c.id, document_id=c.document_id, span=(start, start + len(w)), text=w))
    return report


def test_quoted_words_are_shown_in_their_sentence():
    report = _with_quotes(depot_report(), "d-killed", 1, ["At least four", "nine"])
    (x,) = build_view(report)["cards"][0]["sides"][1]["excerpts"]  # one claim, two marks
    assert x["text"].startswith("At least four people were killed and nine wounded")
    assert [x["text"][a:b] for a, b in x["highlights"]] == ["At least four", "nine"]


def test_long_sentences_are_cut_around_the_quote(monkeypatch):
    import consistency.render.html_view as module

    monkeypatch.setattr(module, "EXCERPT_CHARS", 60)
    report = _with_quotes(depot_report(), "d-target", 1, ["a weapons storage site"])
    (x,) = build_view(report)["cards"][3]["sides"][1]["excerpts"]
    assert x["clipped"] == [True, True]
    assert x["text"] == "against a weapons storage site used by Kataib"  # cut on whole words, within 60
    ((a, b),) = x["highlights"]
    assert x["text"][a:b] == "a weapons storage site"


def test_a_revision_listed_twice_is_shown_once():
    report = depot_report()
    report.revisions.append(report.revisions[0].model_copy())
    view = build_view(report)
    assert view["overview"]["revisions"] == 1 and len(view["timelines"][0]["revisions"]) == 1


def test_revision_values_find_their_claims_when_the_lists_do_not_pair_up():
    report = depot_report()
    report.revisions[0].claim_ids = ["c02", "c04", "c01"]  # three claims, two values
    steps = build_view(report)["timelines"][0]["revisions"][0]["steps"]
    assert [s["excerpt"]["claim_id"] for s in steps] == ["c01", "c04"]
    assert [s["excerpt"]["text"][slice(*s["excerpt"]["highlights"][0])] for s in steps] == ["At least four", "seven"]


def test_counts_of_cumulative_scope_are_not_drawn():
    report = depot_report()
    claim = next(c for c in report.claims if c.id == "c10")
    claim.facets.counts[0].scope = "cumulative"
    charts = {(c["event_id"], c["subject"]): c for c in build_view(report)["charts"]}
    assert ("e2", "rockets") not in charts


# ---- the `consistency view` command ---------------------------------------------------

runner = CliRunner()


def _write(tmp_path: Path, text: str, name: str = "report.json") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_view_writes_the_page_beside_the_report(tmp_path):
    path = _write(tmp_path, depot_report().to_json())
    result = runner.invoke(app, ["view", str(path), "--no-open"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "report.html").read_text(encoding="utf-8") == render_html(depot_report())
    out = tmp_path / "elsewhere" / "page.html"
    assert runner.invoke(app, ["view", str(path), "--no-open", "-o", str(out)]).exit_code == 0
    assert out.read_text(encoding="utf-8") == render_html(depot_report())


def test_view_opens_the_page_unless_told_not_to(tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr("webbrowser.open", lambda url, *a, **k: opened.append(url))
    path = _write(tmp_path, depot_report().to_json())
    assert runner.invoke(app, ["view", str(path)]).exit_code == 0
    assert opened == [(tmp_path / "report.html").resolve().as_uri()]
    assert runner.invoke(app, ["view", str(path), "--no-open"]).exit_code == 0
    assert len(opened) == 1


@pytest.mark.parametrize(("content", "problem"), [
    ("{not json", "invalid JSON"),
    ('{"schema_version": "1.0"}', "not a consistency report: tool"),
    ("[1, 2]", "not a consistency report"),
    (None, "no such file"),
])
def test_view_rejects_what_is_not_a_report(tmp_path, content, problem):
    path = tmp_path / "bad.json" if content is None else _write(tmp_path, content, "bad.json")
    result = runner.invoke(app, ["view", str(path), "--no-open"])
    assert result.exit_code == 2
    assert str(path) in result.output and problem in result.output
    assert not (tmp_path / "bad.html").exists()


def test_view_serves_the_page_on_localhost_only(tmp_path):
    path = _write(tmp_path, depot_report().to_json())
    proc = subprocess.Popen([sys.executable, "-m", "consistency", "view", str(path), "--serve", "--port", "0", "--no-open"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+/", line)
        assert url, line + proc.stderr.read() if proc.poll() is not None else line
        with urllib.request.urlopen(url.group(), timeout=10) as response:
            assert response.headers["Content-Type"] == "text/html; charset=utf-8"
            assert response.read().decode("utf-8") == render_html(depot_report())
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(url.group() + "report.json", timeout=10)
        assert missing.value.code == 404
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize(("fg", "bg"), [
    ("ink", "bg"), ("ink", "paper"), ("muted", "paper"), ("muted", "bg"), ("accent", "paper"),
    ("accent", "accent-soft"), ("high", "high-bg"), ("medium", "medium-bg"), ("low", "low-bg"),
])
def test_text_colours_meet_wcag_aa_contrast(fg, bg):
    css = (ASSETS / "viewer.css").read_text()
    colours = dict(re.findall(r"--([\w-]+): (#[0-9a-fA-F]{6});", css))
    light, dark = sorted((_luminance(colours[fg]), _luminance(colours[bg])), reverse=True)
    assert (light + 0.05) / (dark + 0.05) >= 4.5
