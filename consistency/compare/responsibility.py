"""responsibility: sources hold different parties responsible.

Flags:      "holds the international coalition responsible" (Iraqi government) vs
            "American aggression" / "a U.S. self-defense strike" (the United States itself).
Must not:   two sources that both blame the same party, in different words or languages.
"""

from __future__ import annotations

from consistency.compare.categorical import value_sides
from consistency.compare.sides import EventContext, make, sides_conflict, who
from consistency.models import Discrepancy

KIND = "responsibility"


def _per_claim(claim, values):
    """A claim's responsible parties form one set-valued side ("Israel + United States")."""
    names = sorted({v.value for v in values})
    return [(" + ".join(names), values)]


def detect(ctx: EventContext) -> list[Discrepancy]:
    sides = value_sides(ctx, "responsibility", _per_claim)
    if not sides_conflict(sides):
        return []
    summary = "Sources hold different parties responsible: " + "; ".join(
        f"{s.value} ({who(ctx, s, 2)})" for s in sides
    ) + "."
    return [make(KIND, "blame", "high", ctx, sides, summary)]
