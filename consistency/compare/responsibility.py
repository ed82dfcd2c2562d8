"""responsibility: sources hold different parties responsible.

Flags:      "holds the international coalition responsible" (Iraqi government) vs
            "American aggression" / "a U.S. self-defense strike" (the United States itself);
            "a full partner in the massacre" vs "no American forces took part";
            "the responsibility lies with customs" vs "customs is not the competent body";
            "charged the minister with negligence" vs "he did nothing wrong".
Must not:   two sources that both blame the same party, in different words or languages;
            "accountable before the international judiciary" (a forum, not a party blamed).
"""

from __future__ import annotations

from consistency.compare.categorical import set_sides
from consistency.compare.selfclaims import accusing
from consistency.compare.sides import EventContext, make, sides_conflict, who
from consistency.models import Discrepancy

KIND = "responsibility"


def detect(ctx: EventContext) -> list[Discrepancy]:
    sides = set_sides(ctx, "responsibility", frozenset({"undetermined"}))
    sides = [s for s in sides if s.value == "undetermined" or s.value.startswith("not ")
             or accusing(ctx, s, set(s.value.split(" + ")))]
    # "Undetermined" joins a dispute but does not make one.
    if len([s for s in sides if s.value != "undetermined"]) < 2 or not sides_conflict(sides):
        return []
    summary = "Sources hold different parties responsible: " + "; ".join(
        f"{s.value} ({who(ctx, s, 2)})" for s in sides
    ) + "."
    return [make(KIND, "blame", "high", ctx, sides, summary)]
