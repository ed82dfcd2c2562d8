"""perpetrator: sources name different authors or causes of the act, or one leaves it unknown.

Flags:      "an unidentified drone" (Iraqi security source) vs "a U.S. strike" (Pentagon);
            "killed by Israeli fire" vs "died in a stampede";
            "the explosion was an accident" vs "the blast looked like an attack" (a cause dispute).
Must not:   "American drone" vs "U.S. strike" (the same agent); "attacks on U.S. forces"
            (the US is the target there, not the perpetrator); "the missile, fired by the
            Houthis" from a coalition that calls its strike "a legitimate military action" (the
            act it answered, not a rival account); "the Saudi-American aggression"
            vs "a Saudi-led coalition strike" (parties named together side together);
            "coalition forces" vs "U.S. forces" (a coalition sides with its leader);
            "no American forces took part" (a negated part names no perpetrator).
"""

from __future__ import annotations

from consistency.compare.categorical import set_sides
from consistency.compare.selfclaims import accusing, own_parties
from consistency.compare.sides import EventContext, SideBuilder, make, sides_conflict, who
from consistency.extract.lexicon import facet_table
from consistency.models import Discrepancy

KIND = "perpetrator"
_EXCUSES = ("justified", "accidental")


def disputed(ctx: EventContext) -> list[SideBuilder]:
    """The sides of the event's perpetrator dispute, or [] when there is none."""
    sides = set_sides(ctx, _named_by(ctx), frozenset({"unknown"}), facet_table("en").get("agent_leaders", {}))
    # A party that only owns up to its own part is no rival account of who did it.
    sides = [s for s in sides if s.value == "unknown" or accusing(ctx, s, set(s.value.split(" + ")))]
    return sides if sides_conflict(sides) else []


def _named_by(ctx: EventContext):
    """A speaker who justifies or excuses the act ("a legitimate military action", "a tragic
    mistake") owns it: the other parties it names as doers fired what the act answered ("the
    missile, fired by the Houthis, killed one resident"), no rival account of who did this.
    Its own party, causes ("secondary explosion") and "unknown" are kept. Returns the picker of
    a claim's perpetrator values for `set_sides`."""
    owners = {c.actor_id for c in ctx.claims
              if any(v.value in _EXCUSES for v in c.facets.justification)}
    parties = set(facet_table("en").get("perpetrator_agents", {}))

    def pick(claim):
        values = claim.facets.perpetrator
        if claim.actor_id not in owners:
            return values
        own = own_parties(ctx, claim)
        return [v for v in values if v.value not in parties or v.value in own]

    return pick


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
