"""The HTML viewer in a real Chromium (Debian's `chromium`, driven by Playwright), opened from file://.

Needs: `apt-get install chromium fonts-noto-core` and `pip install playwright` (Playwright's
own browser download is not used: the Debian binary is launched by path).
"""

from __future__ import annotations

import os
import shutil
from functools import cache
from pathlib import Path

import pytest

from consistency.models import Report
from consistency.render.html import build_view, render_html
from fixtures_reports import PAYLOADS, XSS_SCRIPT, XSS_URL, depot_report, hostile_report

pytestmark = pytest.mark.browser
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed (pip install playwright)")

CHROMIUM = os.environ.get("CONSISTENCY_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True)

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).parents[1] / "test-artifacts"
SHARED = Path(__file__).parents[1].parent / "shared"
REAL = {"seed": SHARED / "seeds" / "000_34fca0c25e0ca85f.txt",
        "baghdad": SHARED / "corpora" / "baghdad-2024-01-04"}


@cache
def report_of(name: str) -> Report:
    if name == "depot":
        return depot_report()
    if not REAL[name].exists():
        pytest.skip(f"{REAL[name]} is absent: the shared corpora are not beside this checkout")
    from consistency.pipeline import build_report

    return build_report(REAL[name])


class Opened:
    """A page with everything it asked the network for and every error it logged."""

    def __init__(self, browser, path: Path):
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.url = path.resolve().as_uri()
        self.page = browser.new_page(viewport={"width": 1400, "height": 1000})
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.page.goto(self.url)
        self.page.wait_for_selector("html[data-ready=true]", timeout=15000)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def visible_ids(self) -> list[str]:
        return self.page.eval_on_selector_all("article.card:not([hidden])", "cs => cs.map(c => c.dataset.id)")


def by_severity(discrepancies):
    """The page's default order: high, medium, low; the report's order within each."""
    return sorted(discrepancies, key=lambda d: ("high", "medium", "low").index(d.severity))


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def pages_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("viewer")


def open_report(browser, pages_dir: Path, name: str) -> Opened:
    report = report_of(name) if name != "hostile" else hostile_report()
    path = pages_dir / f"{name}.html"
    path.write_text(render_html(report), encoding="utf-8")
    opened = Opened(browser, path)
    opened.report = report
    return opened


@pytest.fixture(params=["depot", "seed", "baghdad"])
def opened(request, browser, pages_dir):
    o = open_report(browser, pages_dir, request.param)
    o.name = request.param
    yield o
    o.page.close()


def test_opens_offline_without_errors_or_requests(opened):
    assert opened.errors == []
    assert all(u == opened.url or u.startswith("data:") for u in opened.requests), opened.requests
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / f"viewer-{opened.name}.png"
    opened.page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000


def test_every_discrepancy_has_a_card(opened):
    assert opened.visible_ids() == [d.id for d in by_severity(opened.report.discrepancies)]
    opened.page.select_option("#f-order", "report")
    assert opened.visible_ids() == [d.id for d in opened.report.discrepancies]


def test_kind_filter_changes_the_visible_cards(opened):
    kinds = [d.kind for d in opened.report.discrepancies]
    if len(set(kinds)) < 2:
        pytest.skip(f"{opened.name}: fewer than two kinds of discrepancy to filter between")
    kind = min(set(kinds), key=lambda k: (kinds.count(k), k))
    opened.page.select_option("#f-kind", kind)
    assert opened.visible_ids() == [d.id for d in by_severity(opened.report.discrepancies) if d.kind == kind]
    assert opened.page.text_content("#shown-count").startswith(f"Showing {kinds.count(kind)} of {len(kinds)}")
    opened.page.click("#f-reset")
    assert len(opened.visible_ids()) == len(kinds)


def test_clicking_a_side_shows_its_span_highlighted(opened):
    if not opened.report.discrepancies:
        pytest.skip(f"{opened.name}: no discrepancy")
    docs = {d.id: d for d in opened.report.documents}
    cards = build_view(opened.report)["cards"]
    for card in cards[:4]:
        excerpt = card["sides"][-1]["excerpts"][0]
        side = opened.page.locator(f'article[data-id="{card["id"]}"] section.side').last
        side.locator("button.quote").first.click()
        assert opened.page.is_visible("#doc-dialog")
        marks = opened.page.locator("#doc-text mark")
        text = docs[excerpt["document_id"]].text
        assert marks.all_text_contents() == [text[a:b] for a, b in excerpt["marks"]]
        assert marks.first.is_visible()
        box, pane = marks.first.bounding_box(), opened.page.locator("#doc-text").bounding_box()
        assert pane["y"] <= box["y"] < pane["y"] + pane["height"]  # scrolled into view
        opened.page.keyboard.press("Escape")
        assert not opened.page.is_visible("#doc-dialog")
        assert opened.page.evaluate("document.activeElement.classList.contains('quote')")


def test_arabic_text_runs_right_to_left(opened):
    if not any(d.language == "ar" for d in opened.report.documents):
        pytest.skip(f"{opened.name}: no Arabic document")
    directions = opened.page.eval_on_selector_all(
        '[lang="ar"]', "els => els.map(e => getComputedStyle(e).direction)")
    assert directions and set(directions) == {"rtl"}
    arabic = next(d for d in opened.report.documents if d.language == "ar")
    opened.page.click(f'.doc-open[data-document="{arabic.id}"]')
    assert opened.page.eval_on_selector("#doc-text", "e => getComputedStyle(e).direction") == "rtl"


def test_keyboard_reaches_and_opens_a_quote(browser, pages_dir):
    o = open_report(browser, pages_dir, "depot")
    o.page.focus('article[data-id="d-injured"] button.quote >> nth=1')
    o.page.keyboard.press("Enter")
    assert o.page.text_content("#doc-dialog mark") == "سبعة"  # the injured figure as written, in its sentence
    assert o.page.evaluate("document.activeElement.id") == "doc-close"
    o.page.keyboard.press("Enter")
    assert not o.page.is_visible("#doc-dialog")
    o.page.click('article[data-id="d-killed"] section.side >> nth=2 >> .value')  # a click on the side itself
    assert o.page.text_content("#doc-dialog mark") == "six"
    o.page.keyboard.press("Escape")
    o.page.keyboard.press("/")
    assert o.page.evaluate("document.activeElement.id") == "f-q"
    o.page.keyboard.type("escalation")
    assert o.visible_ids() == ["d-justification"]
    o.page.focus(".chart .row >> nth=1")  # chart rows are reachable and open the sentence too
    o.page.keyboard.press("Enter")
    assert o.page.text_content("#doc-dialog mark") == "At least four"  # the figure as written


def test_search_folds_arabic_letter_forms_and_filters_combine(browser, pages_dir):
    o = open_report(browser, pages_dir, "depot")
    o.page.fill("#f-q", "مسيرة")  # the texts have مسيّرة, with a shadda
    assert o.visible_ids() == ["d-killed", "d-perpetrator", "d-injured"]  # high before medium
    o.page.fill("#f-q", "مسيرة kataib")  # every word must match
    assert o.visible_ids() == ["d-perpetrator"]
    o.page.fill("#f-q", "")
    o.page.select_option("#f-language", "ar")
    o.page.select_option("#f-group", "US government")
    assert o.visible_ids() == ["d-perpetrator", "d-target", "d-denial", "d-justification"]
    o.page.select_option("#f-severity", "high")
    assert o.visible_ids() == ["d-perpetrator"]
    o.page.fill("#f-q", "no such words anywhere")
    assert o.visible_ids() == [] and o.page.is_visible("#no-match")


def test_charts_draw_every_figure_and_open_ranges_as_arrows(browser, pages_dir):
    o = open_report(browser, pages_dir, "depot")
    assert o.page.locator("svg.chart").count() == 3
    assert o.page.locator("svg.chart").first.locator("g.row").count() == 5
    arrows = o.page.eval_on_selector_all("g.row.open line[marker-end]", "ls => ls.length")
    assert arrows == 2  # "at least four" killed, "more than 10" rockets
    assert o.page.locator(".timeline .step").count() == 2
    assert o.page.locator("table.matrix tbody tr").count() == 6


def test_print_hides_filters_and_keeps_cards_whole(browser, pages_dir):
    o = open_report(browser, pages_dir, "depot")
    o.page.emulate_media(media="print")
    assert not o.page.is_visible(".filters")
    assert o.page.eval_on_selector("article.card", "c => getComputedStyle(c).breakInside") == "avoid"
    o.page.emulate_media(media="screen")
    assert o.page.is_visible(".filters")


def test_hostile_corpus_renders_as_inert_text(browser, pages_dir):
    o = open_report(browser, pages_dir, "hostile")
    page = o.page
    for card in hostile_report().discrepancies:
        for button in page.locator(f'article[data-id="{card.id}"] button.quote').all():
            button.click()
            page.keyboard.press("Escape")
    page.click('.doc-open[data-document="h1"]')
    assert page.locator("#doc-meta a").count() == 0
    assert page.text_content("#doc-meta .inert-url") == XSS_URL
    page.keyboard.press("Escape")
    page.click('.doc-open[data-document="h2"]')
    link = page.locator("#doc-meta a")
    assert link.get_attribute("href") == "https://example.org/a?b=%3Ci%3E"
    assert link.get_attribute("rel") == "noopener noreferrer"
    page.keyboard.press("Escape")
    page.fill("#f-q", "pwned")
    page.fill("#f-q", "")
    assert o.dialogs == []
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("document.scripts.length") == 2
    assert page.evaluate("document.images.length") == 0
    assert page.locator("svg[onload], [onerror]").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    body = page.inner_text("body")
    for payload in PAYLOADS:
        assert payload.replace("\u2028", "") in body, payload
    assert o.errors == []


def test_spans_index_code_points_not_utf16_units(browser, pages_dir):
    o = open_report(browser, pages_dir, "hostile")  # its first document starts with an emoji
    o.page.click('article[data-id="hx1"] button.quote >> nth=0')
    assert o.page.text_content("#doc-text .context") == f"Officials said {XSS_SCRIPT} at least 3 people died."
    assert o.page.text_content("#doc-text mark") == "at least 3"
