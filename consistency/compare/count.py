"""count: sources give incompatible numbers of other counted things (missiles, attacks, trucks).

Flags:      "two missiles" vs "four missiles" for one strike.
            "1,000 to 1,200 people were sheltering" vs "more than 1,300 were in the shelter".
            "killed some of the hostages" vs "all four were brought out alive" (hostages killed).
Must not:   "at least 100 attacks since October" vs "nearly 120" (overlap; and war-long counts
            are not this incident's); "the 12th Brigade" (an id, not a count); "more than a
            thousand sheltered" (fits both 1,000-1,200 and more than 1,300).
"""

from __future__ import annotations

from consistency.compare.numeric import event_figures, numeric_sides
from consistency.compare.sides import EventContext, make, sides_conflict, who
from consistency.models import Discrepancy

KIND = "count"
_PEOPLE = {"killed", "injured", "missing", "detained", "casualties", "gunshot", "children killed", "children injured"}
# How a subject reads in a summary, where its name alone would not say it.
_WORDING = {"sheltering": "people sheltering inside", "hostages": "hostages killed"}


def detect(ctx: EventContext) -> list[Discrepancy]:
    subjects = {c.subject for cl in ctx.claims for c in cl.facets.counts} - _PEOPLE
    out = []
    for subject, items in sorted(event_figures(ctx, subjects).items()):
        sides = numeric_sides(items)
        if not sides_conflict(sides):
            continue
        values = "; ".join(f"{s.value} ({who(ctx, s, 2)})" for s in sides)
        what = _WORDING.get(subject, subject)
        out.append(make(KIND, subject, "low", ctx, sides, f"Sources give incompatible numbers of {what}: {values}."))
    return out
