"""justification: one side justifies the act, another condemns it as unjustified.

Flags:      "necessary and proportionate self-defense" (Pentagon) vs "unjustified attack",
            "اعتداء سافر" (Iraqi government).
Must not:   two condemnations in different words; a justification of a different, earlier
            strike (events keep it apart).
"""

from __future__ import annotations

from consistency.compare.categorical import value_sides
from consistency.compare.sides import EventContext, make, sides_conflict, who
from consistency.models import Discrepancy

KIND = "justification"
_WORDING = {"justified": "justified (self-defence, necessary, proportionate)", "condemned": "condemned as unjustified"}


def detect(ctx: EventContext) -> list[Discrepancy]:
    sides = value_sides(ctx, "justification")
    if {s.value for s in sides} != {"justified", "condemned"}:
        return []
    j = next(s for s in sides if s.value == "justified")
    c = next(s for s in sides if s.value == "condemned")
    # A party that defends its act and condemns its enemy in other words is on one side only.
    defenders = set(j.actor_ids)
    c.claims = [cl for cl in c.claims if cl.actor_id not in defenders]
    c.quotes = type(c.quotes)((k, q) for k, q in c.quotes.items() if q.claim_id in {cl.id for cl in c.claims})
    sides = [c, j]
    if not c.claims or not sides_conflict(sides):
        return []
    summary = f"The act is framed as justified by {who(ctx, j, 2)} but condemned as unjustified by {who(ctx, c, 2)}."
    for s in sides:
        s.value = _WORDING[s.value]
    return [make(KIND, "framing", "medium", ctx, sides, summary)]
