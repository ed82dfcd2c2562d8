"""responsibility / inquiry: who should find out what happened, an independent international
inquiry or the parties' own investigations.

Flags:      "asked the International Humanitarian Fact-Finding Commission to investigate"
            (the charity) vs "the three inquiries already under way would be thorough and
            transparent" (the ministry); "رفض الدعوات إلى تحقيق دولي" vs "called for an
            international investigation".
Must not:   two calls for an international inquiry in different words or languages; a call
            nobody answers with the parties' own inquiries.
"""

from __future__ import annotations

from consistency.compare.sides import EventContext, SideBuilder, make, sides_conflict, who
from consistency.extract.frames import _hits, _token_gap
from consistency.models import Discrepancy

KIND = "responsibility"
_WORDING = {
    "international": "an independent international inquiry",
    "own": "the parties' own inquiries suffice",
}
_REJECT_WINDOW = 6  # words from "rejected" to the inquiry it rejects


def detect(ctx: EventContext) -> list[Discrepancy]:
    sides = {v: SideBuilder(value=v) for v in _WORDING}
    for claim in ctx.claims:
        doc = ctx.text(claim.document_id)
        rejects = _hits(doc, "inquiry", claim.span, "reject")
        for h in _hits(doc, "inquiry", claim.span):
            if h.label not in _WORDING:
                continue
            value = h.label
            if value == "international" and any(r.end <= h.start and _token_gap(doc, r.end, h.start) <= _REJECT_WINDOW
                                                for r in rejects):
                value = "own"  # "rejected the calls for an international inquiry"
            start, end = doc.to_orig(h.start, h.end)
            sides[value].add(claim, (start, end), doc.text[start:end])
    pair = [sides["international"], sides["own"]]
    if not all(s.claims for s in pair):
        return []
    # a speaker found on both sides (a call reported with its rejection in one sentence) is on neither
    both = set(pair[0].actor_ids) & set(pair[1].actor_ids)
    for s in pair:
        s.claims = [c for c in s.claims if c.actor_id not in both]
        s.quotes = type(s.quotes)((k, q) for k, q in s.quotes.items() if q.claim_id in {c.id for c in s.claims})
    if not all(s.claims for s in pair) or not sides_conflict(pair):
        return []
    summary = (f"{who(ctx, pair[0], 2)} call for {_WORDING['international']}, while {who(ctx, pair[1], 2)} "
               f"say {_WORDING['own']}.")
    for s in pair:
        s.value = _WORDING[s.value]
    return [make(KIND, "inquiry", "medium", ctx, pair, summary)]
