"""responsibility: sources hold different parties responsible.

Flags:      "holds the international coalition responsible" (Iraqi government) vs
            "American aggression" / "a U.S. self-defense strike" (the United States itself).
Must not:   two sources that both blame the same party, in different words or languages.
"""

from __future__ import annotations

from consistency.compare.categorical import set_sides
from consistency.compare.sides import EventContext, make, sides_conflict, who
from consistency.models import Discrepancy

KIND = "responsibility"


def detect(ctx: EventContext) -> list[Discrepancy]:
    sides = set_sides(ctx, "responsibility", frozenset({"undetermined"}))
    if not sides_conflict(sides):
        return []
    summary = "Sources hold different parties responsible: " + "; ".join(
        f"{s.value} ({who(ctx, s, 2)})" for s in sides
    ) + "."
    return [make(KIND, "blame", "high", ctx, sides, summary)]
