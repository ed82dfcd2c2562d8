"""perpetrator: sources name different authors or causes of the act, or one leaves it unknown.

Flags:      "an unidentified drone" (Iraqi security source) vs "a U.S. strike" (Pentagon);
            "killed by Israeli fire" vs "died in a stampede";
            "the explosion was an accident" vs "the blast looked like an attack" (a cause dispute).
Must not:   "American drone" vs "U.S. strike" (the same agent); "attacks on U.S. forces"
            (the US is the target there, not the perpetrator); "the Saudi-American aggression"
            vs "a Saudi-led coalition strike" (parties named together side together);
            "coalition forces" vs "U.S. forces" (a coalition sides with its leader);
            "no American forces took part" (a negated part names no perpetrator).
"""

from __future__ import annotations

from consistency.compare.categorical import set_sides
from consistency.compare.selfclaims import accusing
from consistency.compare.sides import EventContext, SideBuilder, make, sides_conflict, who
from consistency.extract.lexicon import facet_table
from consistency.models import Discrepancy

KIND = "perpetrator"


def disputed(ctx: EventContext) -> list[SideBuilder]:
    """The sides of the event's perpetrator dispute, or [] when there is none."""
    sides = set_sides(ctx, "perpetrator", frozenset({"unknown"}), facet_table("en").get("agent_leaders", {}))
    # A party that only owns up to its own part is no rival account of who did it.
    sides = [s for s in sides if s.value == "unknown" or accusing(ctx, s, set(s.value.split(" + ")))]
    return sides if sides_conflict(sides) else []


def detect(ctx: EventContext) -> list[Discrepancy]:
    sides = disputed(ctx)
    if not sides:
        return []
    named = [s for s in sides if s.value != "unknown"]
    unknown = next((s for s in sides if s.value == "unknown"), None)
    if unknown is not None and named:
        names = ", ".join(f"{s.value} ({who(ctx, s, 2)})" for s in named)
        summary = f"The perpetrator is left unknown by {who(ctx, unknown, 2)}, while others name them: {names}."
    else:
        summary = "Sources attribute the act to different perpetrators or causes: " + "; ".join(
            f"{s.value} ({who(ctx, s, 2)})" for s in sides
        ) + "."
    return [make(KIND, "perpetrator", "high", ctx, sides, summary)]
