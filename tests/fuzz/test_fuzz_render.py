"""Fuzz the renderers: any Report built from fuzzed strings renders as JSON, Markdown and
HTML; the JSON reads back as the same report; the HTML keeps every string inert.

Inert means: the data sits only in the one `<script type="application/json">` block, which
holds no raw `<` (so no `</script`, no `<!--`), and reads back as the report; outside it
the page is the template (its `<script` tags are those of any other report).
"""

from __future__ import annotations

import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consistency.models import (
    KINDS, Actor, Claim, Count, CreatedFrom, Discrepancy, Document, Event, Facets, FacetValue, Quote, Report,
    Revision, Side, Skipped, Tool,
)
from consistency.render.html import render_html
from consistency.render.markdown import render_markdown
from strategies import ANY_TEXT, HOSTILE, NEWS

DATA_OPEN = '<script type="application/json" id="report-data">'
STRINGS = st.one_of(ANY_TEXT, st.sampled_from(HOSTILE), NEWS)
NUMBERS = st.floats(min_value=-1e9, max_value=1e12, allow_nan=False, allow_infinity=False)
QUALIFIERS = ["exact", "at_least", "more_than", "at_most", "less_than", "about", "vague", "range"]


def _span(draw, text: str) -> tuple[int, int]:
    a = draw(st.integers(0, len(text)))
    return a, draw(st.integers(a, len(text)))


@st.composite
def reports(draw) -> Report:
    documents, claims = [], []
    actors = [Actor(id=f"actor-{i}", name=draw(STRINGS), group=draw(STRINGS), aliases=draw(st.lists(STRINGS, max_size=2)))
              for i in range(draw(st.integers(0, 3)))]
    for d in range(draw(st.integers(1, 3))):
        text = draw(st.one_of(NEWS, ANY_TEXT).filter(str.strip))
        doc = Document(id=f"doc-{d}", source=draw(st.none() | STRINGS), title=draw(st.none() | STRINGS),
                       url=draw(st.none() | STRINGS), date=draw(st.none() | st.sampled_from(["2024-01-04", "1999-12-31"])),
                       language=draw(st.sampled_from(["en", "ar", "und"])), text=text, path=draw(st.none() | STRINGS))
        documents.append(doc)
        for c in range(draw(st.integers(0, 3))):
            span = _span(draw, text)
            counts = []
            for _ in range(draw(st.integers(0, 2))):
                low, at = draw(NUMBERS), _span(draw, text)
                high = draw(st.none() | st.just(low) | NUMBERS.map(lambda x, low=low: max(x, low)))
                counts.append(Count(subject=draw(STRINGS), low=low, high=high, qualifier=draw(st.sampled_from(QUALIFIERS)),
                                    text=text[at[0]:at[1]], span=at))
            facet_span = _span(draw, text)
            facet = FacetValue(value=draw(STRINGS), text=text[facet_span[0]:facet_span[1]], span=facet_span,
                               subject=draw(st.none() | STRINGS), about=draw(st.none() | STRINGS))
            kind = draw(st.sampled_from([k for k in Facets.model_fields if k != "counts"]))
            claims.append(Claim(
                id=f"doc-{d}#{c + 1}", document_id=doc.id, actor_id=draw(st.sampled_from([None] + [a.id for a in actors])),
                speaker=draw(st.none() | STRINGS), via=draw(st.none() | STRINGS), cue=draw(st.none() | STRINGS),
                text=text[span[0]:span[1]], span=span, hedged=draw(st.booleans()),
                facets=Facets(counts=counts, **{kind: [facet]}),
            ))
    events = []
    if claims:
        for e in range(draw(st.integers(1, 2))):
            members = draw(st.lists(st.sampled_from(claims), min_size=1, max_size=4, unique_by=lambda c: c.id))
            events.append(Event(id=f"event-{e}", label=draw(STRINGS), date=draw(st.none() | st.just("2024-01-04")),
                                claim_ids=[c.id for c in members], document_ids=sorted({c.document_id for c in members})))
            for claim in members:
                claim.event_id, claim.aspect = f"event-{e}", draw(st.none() | STRINGS)
    discrepancies, revisions = [], []
    for n, event in enumerate(events):
        members = [c for c in claims if c.id in event.claim_ids]
        sides = []
        for s in range(draw(st.integers(1, 3))):
            claim = draw(st.sampled_from(members))
            low = draw(st.none() | NUMBERS)
            sides.append(Side(value=draw(STRINGS), low=low, high=low, claim_ids=[claim.id], document_ids=[claim.document_id],
                              actor_ids=[claim.actor_id] if claim.actor_id else [],
                              quotes=[Quote(claim_id=claim.id, document_id=claim.document_id, span=claim.span, text=claim.text)]))
        discrepancies.append(Discrepancy(
            id=f"d{n}", kind=draw(st.sampled_from(list(KINDS)) | STRINGS), subject=draw(STRINGS),
            severity=draw(st.sampled_from(["low", "medium", "high"])), event_id=event.id, summary=draw(STRINGS),
            sides=sides, fingerprint=draw(STRINGS)))
        if draw(st.booleans()):
            revisions.append(Revision(claim_ids=[c.id for c in members], subject=draw(STRINGS),
                                      values=draw(st.lists(STRINGS, min_size=1, max_size=3)),
                                      document_ids=event.document_ids, actor_id=members[0].actor_id, event_id=event.id))
    return Report(
        tool=Tool(version="0"), created_from=CreatedFrom(corpus=draw(STRINGS), config_digest=draw(STRINGS)),
        documents=documents, actors=actors, claims=claims, events=events, discrepancies=discrepancies,
        revisions=revisions, skipped=[Skipped(path=draw(STRINGS), reason=draw(STRINGS)) for _ in range(draw(st.integers(0, 2)))],
    )


def _template_scripts() -> tuple[int, int]:
    """`<script` tags before and after the data block in the page of a plain report."""
    plain = Report(tool=Tool(version="0"), created_from=CreatedFrom(corpus="c", config_digest="0"), documents=[],
                   actors=[], claims=[], events=[], discrepancies=[], revisions=[])
    head, tail = render_html(plain).split(DATA_OPEN)
    return head.lower().count("<script"), tail.split("</script>", 1)[1].lower().count("<script")


TEMPLATE_SCRIPTS = _template_scripts()


def check_render(report: Report) -> str:
    text = report.to_json()
    assert Report.model_validate_json(text) == report
    assert report.to_json() == text  # deterministic
    markdown = render_markdown(report)
    assert isinstance(markdown, str) and markdown.startswith("# ")
    page = render_html(report)
    assert page.count(DATA_OPEN) == 1
    head, rest = page.split(DATA_OPEN)
    block, tail = rest.split("</script>", 1)
    assert "<" not in block, "a raw '<' in the data block could close it"
    assert (head.lower().count("<script"), tail.lower().count("<script")) == TEMPLATE_SCRIPTS
    assert not re.search(r"(?i)<script|<!--|</script", block)
    data = json.loads(block)
    assert data["report"] == json.loads(text)
    return f"{len(report.discrepancies)} discrepancies"


TARGETS = {"renderers": (reports(), check_render)}


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])
@given(reports())
def test_any_report_renders_and_the_html_stays_inert(report):
    check_render(report)
