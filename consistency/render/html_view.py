"""What the HTML viewer shows, derived from a report: overview counts, one card per
discrepancy (sides with their passages), charts of counted figures, revision timelines and the
actor x kind matrix. Plain data in a fixed order, so the page is deterministic; `viewer.js`
only lays it out.
"""

from __future__ import annotations

import re

from consistency.models import KINDS, Claim, Count, Discrepancy, Report, Revision, Side

SEVERITIES = ("high", "medium", "low")
# Counted subjects first in this order (people before things); any other subject follows by name.
SUBJECT_ORDER = ("killed", "injured", "missing", "detained", "displaced")
_FACET_KINDS = ("perpetrator", "responsibility", "justification", "target", "identity", "denial", "location")
_COUNT_KINDS = ("casualty_count", "count")
EXCERPT_CHARS = 160  # longest excerpt of a sentence shown on a card, in characters


def fmt_number(x: float | None) -> str:
    if x is None:
        return "∞"
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def fmt_range(low: float | None, high: float | None) -> str | None:
    """Parsed value as an analyst reads it: `4`, `3–5`, `4–∞` (open-ended)."""
    if low is None:
        return None
    if high is not None and high == low:
        return fmt_number(low)
    return f"{fmt_number(low)}–{fmt_number(high)}"


def _subject_key(subject: str) -> tuple:
    return (SUBJECT_ORDER.index(subject) if subject in SUBJECT_ORDER else len(SUBJECT_ORDER), subject)


def _kind_key(kind: str) -> tuple:
    return (KINDS.index(kind) if kind in KINDS else len(KINDS), kind)


class _Index:
    """Lookups by id; unknown ids degrade to the id itself instead of failing the page."""

    def __init__(self, report: Report):
        self.docs = {d.id: d for d in report.documents}
        self.claims = {c.id: c for c in report.claims}
        self.actors = {a.id: a for a in report.actors}
        self.events = {e.id: e for e in report.events}

    def source(self, doc_id: str) -> str:
        doc = self.docs.get(doc_id)
        return (doc.source or doc.id) if doc else doc_id

    def language(self, doc_id: str) -> str:
        doc = self.docs.get(doc_id)
        return doc.language if doc else ""

    def actor(self, actor_id: str) -> dict:
        a = self.actors.get(actor_id)
        return {"id": actor_id, "name": a.name if a else actor_id, "group": a.group if a else ""}

    def event_label(self, event_id: str | None) -> str:
        event = self.events.get(event_id or "")
        return event.label if event else (event_id or "no event")

    def doc_ref(self, doc_id: str) -> dict:
        doc = self.docs.get(doc_id)
        return {"id": doc_id, "source": self.source(doc_id), "language": self.language(doc_id),
                "date": doc.date if doc else None}


def _facets(kind: str, subject: str, claim: Claim) -> list:
    """The facets of a claim this finding rests on: its figures for the subject, or its values."""
    if kind in _COUNT_KINDS:
        return [n for n in claim.facets.counts if n.subject == subject]
    return list(getattr(claim.facets, kind)) if kind in _FACET_KINDS else []


def _written(kind: str, subject: str, claims: list[Claim]) -> list[str]:
    """Numbers and values as written in the text."""
    return list(dict.fromkeys(f.text for c in claims for f in _facets(kind, subject, c)))


def _excerpts(ix: _Index, quotes: list[dict], facet_spans: dict[str, list] | None = None) -> list[dict]:
    """One excerpt per quoted sentence: the claim's sentence, the quoted spans marked in it.

    Quotes may be single words ("six"); the sentence around them is what a reader needs. A
    quote of the whole sentence marks the claim's figures or values in it instead (from
    `facet_spans`, by claim id). Long sentences are cut to a window around the first mark.
    Offsets count code points."""
    groups: dict[tuple, dict] = {}
    for q in quotes:
        claim, doc = ix.claims.get(q["claim_id"]), ix.docs.get(q["document_id"])
        start, end = q["span"]
        ctx = (start, end)
        if claim and claim.document_id == q["document_id"] and claim.span[0] <= start and end <= claim.span[1]:
            ctx = tuple(claim.span)
        group = groups.setdefault((q["document_id"], ctx), dict(
            ix.doc_ref(q["document_id"]), document_id=q["document_id"], claim_id=q["claim_id"],
            context=list(ctx), marks=[], text=doc.text[ctx[0]:ctx[1]] if doc else q["text"]))
        spans = [[start, end]]
        if (start, end) == ctx and claim and (facet_spans or {}).get(claim.id):
            spans = [list(f) for f in facet_spans[claim.id] if ctx[0] <= f[0] and f[1] <= ctx[1]] or spans
        group["marks"] += [m for m in spans if m not in group["marks"]]
    out = []
    for g in groups.values():
        g["marks"].sort()
        lo, hi = g["context"]
        if hi - lo > EXCERPT_CHARS and g["marks"][0] != [lo, hi]:
            first = g["marks"][0]
            lo = max(lo, first[0] - EXCERPT_CHARS // 4)  # some words before the quote, most after
            hi = min(hi, max(first[1], lo + EXCERPT_CHARS))
            lo, hi = _word_bounds(ix.docs[g["document_id"]].text if g["document_id"] in ix.docs else None,
                                  lo, hi, g["context"], first)
            g["text"] = g["text"][lo - g["context"][0]:hi - g["context"][0]]
        g["clipped"] = [lo > g["context"][0], hi < g["context"][1]]
        # a mark over the whole sentence says nothing on a card; the document view still shades it
        g["highlights"] = [] if g["marks"] == [g["context"]] else [
            [max(a, lo) - lo, min(b, hi) - lo] for a, b in g["marks"] if a < hi and b > lo]
        out.append(g)
    return out


def _word_bounds(text: str | None, lo: int, hi: int, ctx: list[int], keep: list[int]) -> tuple[int, int]:
    """Move a cut inward to the nearest space so an excerpt starts and ends on whole words."""
    if text is None:
        return lo, hi
    if lo > ctx[0]:
        space = text.find(" ", lo, min(keep[0], lo + 20))
        lo = space + 1 if space >= 0 else lo
    if hi < ctx[1]:
        space = text.rfind(" ", max(keep[1], hi - 20), hi)
        hi = space if space >= 0 else hi
    return lo, hi


def _side_view(ix: _Index, d: Discrepancy, side: Side) -> dict:
    claims = [ix.claims[c] for c in side.claim_ids if c in ix.claims]
    quotes = [q.model_dump(mode="json") for q in side.quotes] or [
        {"claim_id": c.id, "document_id": c.document_id, "span": list(c.span), "text": c.text} for c in claims
    ]
    actor_ids = side.actor_ids or sorted({c.actor_id for c in claims if c.actor_id})
    return {
        "value": side.value,
        "parsed": fmt_range(side.low, side.high),
        "open": side.low is not None and side.high is None,
        "actors": [ix.actor(a) for a in actor_ids],
        "speakers": list(dict.fromkeys(c.speaker for c in claims if c.speaker)),
        "vias": list(dict.fromkeys(c.via for c in claims if c.via)),
        "written": _written(d.kind, d.subject, claims),
        "excerpts": _excerpts(ix, quotes, {c.id: [f.span for f in _facets(d.kind, d.subject, c)] for c in claims}),
        "documents": [ix.doc_ref(i) for i in side.document_ids],
    }


def _card(ix: _Index, d: Discrepancy) -> dict:
    sides = [_side_view(ix, d, s) for s in d.sides]
    doc_ids = {r["id"] for s in sides for r in s["documents"] + s["excerpts"]}
    return {
        "id": d.id, "kind": d.kind, "subject": d.subject, "severity": d.severity,
        "event_id": d.event_id, "event_label": ix.event_label(d.event_id), "summary": d.summary,
        "sides": sides,
        "groups": sorted({a["group"] for s in sides for a in s["actors"] if a["group"]}),
        "sources": sorted({ix.source(i) for i in doc_ids}),
        "languages": sorted({ix.language(i) for i in doc_ids if ix.language(i)}),
    }


def _charts(ix: _Index, report: Report) -> list[dict]:
    """Every source's figure per (event, counted subject); cumulative totals are not drawn."""
    groups: dict[tuple[str, str], dict] = {}
    for c in report.claims:
        for n in c.facets.counts:
            chart = groups.setdefault((c.event_id or "", n.subject), {"rows": [], "cumulative": 0})
            if n.scope == "cumulative":
                chart["cumulative"] += 1
                continue
            actor = ix.actor(c.actor_id) if c.actor_id else {"name": c.speaker or ix.source(c.document_id), "group": ""}
            chart["rows"].append({
                "claim_id": c.id, "document_id": c.document_id, "source": ix.source(c.document_id),
                "language": ix.language(c.document_id), "actor": actor["name"], "group": actor["group"],
                "speaker": c.speaker, "via": c.via, "low": n.low, "high": n.high, "qualifier": n.qualifier,
                "text": n.text, "span": list(n.span), "context": list(c.span), "scope": n.scope,
                "parsed": fmt_range(n.low, n.high),
            })
    event_order = {e.id: i for i, e in enumerate(report.events)}
    out = []
    for (event_id, subject), chart in sorted(
        groups.items(), key=lambda kv: (event_order.get(kv[0][0], len(event_order)), kv[0][0], _subject_key(kv[0][1]))
    ):
        if not chart["rows"]:
            continue
        rows = sorted(chart["rows"], key=lambda r: (r["low"], r["high"] is None, r["high"] or 0, r["source"], r["claim_id"]))
        out.append({"event_id": event_id, "event_label": ix.event_label(event_id or None), "subject": subject,
                    "rows": rows, "cumulative": chart["cumulative"]})
    return out


def _matrix(ix: _Index, cards: list[dict]) -> dict:
    kinds = sorted({c["kind"] for c in cards}, key=_kind_key)
    counts: dict[str, dict[str, int]] = {}
    for card in cards:
        for actor_id in {a["id"] for s in card["sides"] for a in s["actors"]}:
            row = counts.setdefault(actor_id, {})
            row[card["kind"]] = row.get(card["kind"], 0) + 1
    rows = [dict(ix.actor(a), cells=[row.get(k, 0) for k in kinds], total=sum(row.values())) for a, row in counts.items()]
    rows.sort(key=lambda r: (-r["total"], r["name"], r["id"]))
    return {"kinds": kinds, "rows": rows}


def _reads_as(value: str, n: Count, loose: bool = False) -> bool:
    """Whether a revision's value ("6", "at least 4", "4–∞") is this figure; `loose`: its
    number merely falls in the figure's range ("about 30" for 27–33)."""
    if value in (n.text, fmt_range(n.low, n.high)):
        return True
    digits = re.search(r"\d+(?:\.\d+)?", value.replace(",", ""))
    if digits is None:
        return False
    x = float(digits.group())
    return n.low <= x <= (n.high if n.high is not None else float("inf")) if loose else x == n.low


def _figure(r: Revision, claim: Claim | None, value: str) -> Count | None:
    figures = [n for n in claim.facets.counts if n.subject == r.subject] if claim else []
    return next((n for loose in (False, True) for n in figures if _reads_as(value, n, loose)), None)


def _revision_claim(ix: _Index, r: Revision, i: int, value: str) -> Claim | None:
    """The claim behind the i-th value: by position when claims and values pair up, else the
    claim whose figure reads as `value` (exactly first, then loosely)."""
    if len(r.claim_ids) == len(r.values):
        return ix.claims.get(r.claim_ids[i])
    claims = [ix.claims[c] for c in r.claim_ids if c in ix.claims]
    return next((c for loose in (False, True) for c in claims
                 if any(n.subject == r.subject and _reads_as(value, n, loose) for n in c.facets.counts)), None)


def _timelines(ix: _Index, report: Report) -> list[dict]:
    """Revisions grouped by the source that revised its own figure."""
    by_source: dict[str, list[dict]] = {}
    seen: set[tuple] = set()
    for r in report.revisions:
        key = (r.subject, tuple(r.values), tuple(r.claim_ids), r.event_id)
        if key in seen:  # the same revision listed twice is shown once
            continue
        seen.add(key)
        steps = []
        for i, value in enumerate(r.values):
            claim = _revision_claim(ix, r, i, value)
            doc_id = claim.document_id if claim else (r.document_ids[i] if len(r.document_ids) == len(r.values) else None)
            doc = ix.docs.get(doc_id or "")
            figure = _figure(r, claim, value)
            span = list(figure.span) if figure else (list(claim.span) if claim else None)
            excerpt = _excerpts(ix, [{"claim_id": claim.id, "document_id": claim.document_id, "span": span,
                                      "text": claim.text}])[0] if claim else None
            steps.append({"value": value, "document_id": doc_id, "excerpt": excerpt,
                          "date": doc.date if doc else None, "title": doc.title if doc else None,
                          "language": doc.language if doc else None})
        first_doc = next((s["document_id"] for s in steps if s["document_id"]), r.document_ids[0] if r.document_ids else None)
        source = ix.source(first_doc) if first_doc else (ix.actor(r.actor_id)["name"] if r.actor_id else "unknown source")
        by_source.setdefault(source, []).append({
            "subject": r.subject, "event_label": ix.event_label(r.event_id),
            "actor": ix.actor(r.actor_id) if r.actor_id else None, "steps": steps,
        })
    return [{"source": s, "revisions": by_source[s]} for s in sorted(by_source)]


def _tally(values, order=None) -> list[list]:
    counts: dict[str, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return [[k, counts[k]] for k in sorted(counts, key=order or (lambda k: (-counts[k], k)))]


def build_view(report: Report) -> dict:
    """What the page shows, derived from the report in a fixed order."""
    ix = _Index(report)
    cards = [_card(ix, d) for d in report.discrepancies]
    disc_by_event = _tally(d.event_id for d in report.discrepancies)
    timelines = _timelines(ix, report)
    return {
        "overview": {
            "documents": len(report.documents), "claims": len(report.claims),
            "events": [{"id": e.id, "label": e.label, "date": e.date, "claims": len(e.claim_ids),
                        "documents": len(e.document_ids), "discrepancies": dict(disc_by_event).get(e.id, 0),
                        "related": [ix.event_label(r) for r in e.related_event_ids]} for e in report.events],
            "sources": _tally(ix.source(d.id) for d in report.documents),
            "languages": _tally(d.language for d in report.documents),
            "kinds": _tally((d.kind for d in report.discrepancies), _kind_key),
            "severities": _tally((d.severity for d in report.discrepancies), SEVERITIES.index),
            "revisions": sum(len(t["revisions"]) for t in timelines),
        },
        "cards": cards,
        "charts": _charts(ix, report),
        "matrix": _matrix(ix, cards),
        "timelines": timelines,
    }
