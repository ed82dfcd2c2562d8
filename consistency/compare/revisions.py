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
_RUNNING = frozenset({"killed", "injured", "casualties", "children killed", "children injured"})


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
    # Friday", "الحصيلة الأولية") gives way to a current figure of its event from the same
    # outlet (set beside it in one text, or in the outlet's later report); against another
    # source's figure it stays a rival: an initial 82 of one source against another's 140 the
    # same day is a discrepancy, not an update.
    def outlet(c: Claim) -> str:
        return documents[c.document_id].source or c.document_id

    current = {(outlet(c), event_of.get(c.id), k.subject) for c in claims if not _PRELIMINARY.search(c.text)
               for k in c.facets.counts if k.scope in ("event", "partial")}
    for claim in claims:
        if not (_PRELIMINARY_TOLL.search(claim.text) or _PRELIMINARY.search(claim.text)):
            continue
        for count in claim.facets.counts:
            if (outlet(claim), event_of.get(claim.id), count.subject) in current:
                superseded.add((claim.id, count.span))
    risen, running = _risen_past(claims, documents, event_of)
    superseded |= risen
    said = {(r.event_id, r.subject, tuple(r.values)) for r in revisions}
    revisions += [r for r in running if (r.event_id, r.subject, tuple(r.values)) not in said]
    revisions.sort(key=lambda r: str(r.event_id))  # stable: per event, its series, then its running counts
    superseded |= _relayed(claims, documents, event_of, superseded)
    return revisions, superseded


def _relayed(claims: list[Claim], documents: dict[str, Document], event_of: dict[str, str], superseded: set) -> set[tuple]:
    """The same exact figures on the same day as ones their source has since revised are those
    figures relayed ("Russian state media, citing the ministry, said 40 were killed and 75
    wounded"), and go with them. Two figures at least must match: one alone (another source's
    "four wounded") may be a count of its own."""
    def key(claim: Claim, count: Count) -> tuple:
        return (event_of.get(claim.id), count.subject, _fmt(count), documents[claim.document_id].date)

    old = {key(c, k) for c in claims for k in c.facets.counts
           if (c.id, k.span) in superseded and k.qualifier == "exact" and documents[c.document_id].date}
    out = set()
    for claim in claims:
        figures = [k for k in claim.facets.counts if k.scope == "event"]
        if len(figures) >= 2 and all(k.qualifier == "exact" and key(claim, k) in old for k in figures):
            out |= {(claim.id, k.span) for k in figures}
    return out


# Wording that says the toll rose ("the death toll rose to 44", "raised the toll to 51",
# "ارتفع عدد القتلى إلى", "the final figures"): the figure it gives replaces every lower one
# given before it, whoever gave that: the count of one incident's dead only grows.
_RISE = re.compile(
    r"\b(?:ris(?:en|es|e)|rose|climb(?:ed|s)?|jump(?:ed|s)?)\s+to\b|\braised\s+the\s+(?:death\s+)?toll\b|"
    r"\bfinal\s+(?:toll|death toll|figures?|count|tally)\b|"
    r"ارتفع|ارتفاع|ترتفع|يرتفع|الحصيله النهاييه|الحصيلة النهائية|حصيلة نهائية|حصيله نهاييه",
    re.I,
)
# ... said of the dead or wounded, not of prices or the displaced
_TOLL_WORD = re.compile(r"toll|dead|death|killed|wounded|injur|casualt|figures|حصيل|قتل|قتيل|شهيد|شهداء|جرحى|جريح|"
                        r"مصاب|اصاب|إصاب|ضحايا|وفيات", re.I)
# A ceiling ("no more than 20") or a vague word is no snapshot of a running count.
_NOT_SNAPSHOT = frozenset({"at_most", "fewer_than", "up_to", "vague"})


def _risen_past(claims: list[Claim], documents: dict[str, Document], event_of: dict[str, str]):
    """Figures of the dead or wounded that a later statement of a rise leaves behind: 12 on
    Saturday, "the toll rose to 20" on Sunday (another official, another outlet) -> 12 is
    the count's past value, not a rival. Only a rise stated on a later day: the same day, two
    sources' 2 and "rose to 3" are rival counts (one source's own rise is its revision); a
    ceiling is never left behind. The rise speaks for the figures that follow it in its text
    too ("According to the final figures, 46 were killed. Eighty were injured"). Returns the
    figures left behind and, per event and subject, the running count as a revision (12 -> 20
    -> 46) with no single actor."""
    since: dict[str, int] = {}  # document -> where its first statement of a rise starts
    for claim in claims:
        if _RISE.search(claim.text) and _TOLL_WORD.search(claim.text):
            since[claim.document_id] = min(since.get(claim.document_id, claim.span[0]), claim.span[0])
    rises: dict[tuple, list[tuple[str, float, Claim, Count]]] = {}
    for claim in claims:
        if claim.document_id not in since or claim.span[0] < since[claim.document_id]:
            continue
        date = documents[claim.document_id].date
        for count in claim.facets.counts:
            if count.scope == "event" and count.subject in _RUNNING and count.qualifier not in _NOT_SNAPSHOT and date:
                rises.setdefault((event_of.get(claim.id), count.subject), []).append((date, count.low, claim, count))
    out = set()
    chains: dict[tuple, list[tuple[str, float, Claim, Count]]] = {}
    for claim in claims:
        date = documents[claim.document_id].date
        if not date:
            continue
        for count in claim.facets.counts:
            if count.scope != "event" or count.high is None or count.qualifier in _NOT_SNAPSHOT:
                continue
            key = (event_of.get(claim.id), count.subject)
            newer = [r for r in rises.get(key, []) if r[0] > date and r[1] > count.high]
            if newer:
                out.add((claim.id, count.span))
                chains.setdefault(key, []).extend([(date, count.low, claim, count)] + newer)
    revisions = []
    for (event_id, subject), items in sorted(chains.items(), key=lambda kv: (str(kv[0][0]), kv[0][1])):
        items = sorted(items, key=lambda r: (r[0], r[1], r[2].id, r[3].span[0]))
        revisions.append(Revision(
            claim_ids=list(dict.fromkeys(c.id for _, _, c, _ in items)),
            subject=subject,
            values=list(dict.fromkeys(_fmt(k) for _, _, _, k in items)),
            document_ids=sorted({c.document_id for _, _, c, _ in items}),
            actor_id=None,
            event_id=event_id,
        ))
    return out, revisions


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
