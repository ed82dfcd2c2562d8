"""Revisions: a later figure from the same source replaces its earlier one.

The same source is the same named actor (a health ministry quoted by several outlets over
days), or, for an outlet's own voice and its anonymous sources, the same outlet. Figures of
one source are ordered by document date, then by update wording ("has risen to", "ارتفعت")
and by position; every figure but the last is superseded and is not a side in any
discrepancy.

    Shafaq News 09:00 "initial toll: one killed"; Shafaq News 18:00 "toll has risen to three"
        -> revision killed 1 -> 3 (not a discrepancy)
    the ministry's 112 (one outlet) and 115 (another), the same day -> revision 112 -> 115
"""

from __future__ import annotations

import re
from collections import defaultdict

from consistency.models import Actor, Claim, Count, Document, Revision

_UPDATE = re.compile(
    r"ris(?:en|es|e)\s+to|rose\s+to|climbed\s+to|updated|revised|new toll|latest toll|now stands|has reached|"
    r"ارتفع|ارتفاع|ترتفع|بلغت|حصيله جديده|محدثه",
    re.I,
)
_PRELIMINARY_TOLL = re.compile(
    r"initial toll|preliminary toll|initial figure|preliminary figure|first toll|early toll|initial count|"
    r"preliminary count|حصيله اوليه|الحصيله الاوليه|حصيلة أولية|الحصيلة الأولية|حصيلة اولية|الحصيلة الاولية",
    re.I,
)
_PRELIMINARY = re.compile(
    r"initial|preliminary|first toll|early toll|earlier|had said|had put|had reported|initially|"
    r"اوليه|أولية|اولي|أولي|في وقت سابق|وكان .{0,40}قد|كان قد|كانت قد",
    re.I,
)


def source_key(claim: Claim, documents: dict[str, Document], actors: dict[str, Actor]) -> str:
    """Whose figure this is, for revisions: a named actor, or the outlet for anonymous voices.
    Health authorities, their spokesmen and medical sources keep one running count of an
    incident's dead and wounded, so they are one source ("210" from the ministry spokesman,
    "274" in the ministry's update)."""
    actor = actors.get(claim.actor_id or "")
    if actor is not None and actor.group == "medical":
        return "group:medical"
    anonymous = actor is None or actor.group in ("unknown",) or (claim.speaker is None) or actor.id.startswith("anon")
    if anonymous:
        return "outlet:" + (documents[claim.document_id].source or claim.document_id)
    return "actor:" + actor.id


# An incident's running toll only rises as bodies are recovered and the wounded die: of one
# source's figures on one day with nothing else to order them, the smaller came first.
_RUNNING = frozenset({"killed", "injured", "casualties"})


def _order(claim: Claim, count: Count, documents: dict[str, Document]):
    doc = documents[claim.document_id]
    text = claim.text
    rank = 0 if _PRELIMINARY.search(text) else (2 if _UPDATE.search(text) else 1)
    size = count.low if count.subject in _RUNNING else 0.0
    return (doc.date or "", rank, size, claim.document_id, count.span[0])


def find_revisions(claims: list[Claim], documents: dict[str, Document], actors: dict[str, Actor], event_of: dict[str, str]):
    """(revisions, superseded) where superseded is a set of (claim id, count span) figures."""
    series: dict[tuple, list[tuple[Claim, Count]]] = defaultdict(list)
    for claim in claims:
        for count in claim.facets.counts:
            if count.scope != "event":
                continue
            key = (event_of.get(claim.id), count.subject, source_key(claim, documents, actors))
            series[key].append((claim, count))
    revisions, superseded = [], set()
    for (event_id, subject, source), items in sorted(series.items(), key=lambda kv: tuple(str(k) for k in kv[0])):
        items.sort(key=lambda cc: _order(cc[0], cc[1], documents))
        values = list(dict.fromkeys(_fmt(count) for _, count in items))
        if len(values) < 2:
            continue
        last_claim, last = items[-1]
        replaced = False
        for claim, count in items:
            # An earlier figure that the latest still allows ("about 760", then "more than
            # 750") is not replaced: it only narrows what the source says. Nor is a figure
            # with nothing to say it came first: same day, no "rose to", no "initial".
            if _fmt(count) == _fmt(last) or _overlap(count, last):
                continue
            if _came_before(claim, last_claim, documents) or _smaller_same_day(claim, count, last_claim, last, documents):
                superseded.add((claim.id, count.span))
                replaced = True
        if not replaced or _one_sentence_comparison(items):
            continue
        revisions.append(
            Revision(
                claim_ids=list(dict.fromkeys(c.id for c, _ in items)),
                subject=subject,
                values=values,
                document_ids=sorted({c.document_id for c, _ in items}),
                actor_id=items[-1][0].actor_id,
                event_id=event_id,
            )
        )
    # A figure the text itself marks as preliminary or past ("initial toll", "had said on
    # Friday", "الحصيلة الأولية") is no rival of the current figures of its event.
    current = {(event_of.get(c.id), k.subject) for c in claims if not _PRELIMINARY.search(c.text)
               for k in c.facets.counts if k.scope == "event"}
    for claim in claims:
        marked = _PRELIMINARY_TOLL.search(claim.text) or _PRELIMINARY.search(claim.text)
        if not marked:
            continue
        for count in claim.facets.counts:
            if _PRELIMINARY_TOLL.search(claim.text) or (event_of.get(claim.id), count.subject) in current:
                superseded.add((claim.id, count.span))
    return revisions, superseded


def _one_sentence_comparison(items: list[tuple[Claim, Count]]) -> bool:
    """Figures of one claim with no word of an update or an earlier figure ("rose to", "had
    announced ... then", "ارتفع") are set side by side, not revised: "about 600, twice the
    figure the city council gave, about 300" reports no revision by its outlet."""
    ids = {claim.id for claim, _ in items}
    text = items[0][0].text
    return len(ids) == 1 and not (_UPDATE.search(text) or _PRELIMINARY.search(text))


def _came_before(earlier: Claim, later: Claim, documents: dict[str, Document]) -> bool:
    d1, d2 = documents[earlier.document_id].date or "", documents[later.document_id].date or ""
    if d1 and d2 and d1 < d2:
        return True
    if _PRELIMINARY.search(earlier.text) or _UPDATE.search(later.text):
        return True
    return earlier.document_id == later.document_id  # in one text, the later figure is the newer


def _smaller_same_day(earlier: Claim, count: Count, later: Claim, last: Count, documents: dict[str, Document]) -> bool:
    d1, d2 = documents[earlier.document_id].date, documents[later.document_id].date
    return count.subject in _RUNNING and d1 is not None and d1 == d2 and count.low < last.low


def _overlap(a: Count, b: Count) -> bool:
    inf = float("inf")
    return a.low <= (inf if b.high is None else b.high) and b.low <= (inf if a.high is None else a.high)


def _fmt(count: Count) -> str:
    from consistency.compare.numeric import format_range

    return format_range(count.low, count.high, count.qualifier)
