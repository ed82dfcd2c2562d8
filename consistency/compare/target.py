"""target: sources describe what or whom the act targeted in incompatible ways.

Flags:      "a leader suspected of attacks on U.S. forces" vs "an Iraqi security force";
            "fired at crowds waiting for aid" vs "fired at suspects who approached troops";
            "a convoy of vehicles" vs "his car".
Must not:   "a headquarters" vs "a building" (compatible); a category mentioned without a
            targeting word ("civilians fled").
"""

from __future__ import annotations

from consistency.compare.categorical import value_sides
from consistency.compare.sides import EventContext, make, sides_conflict, who
from consistency.extract.lexicon import facet_table
from consistency.models import Discrepancy

KIND = "target"
_WORDING = {
    "militant": "a military target, a militant or a person accused of attacks",
    "threat": "people who threatened the troops",
    "state_security": "a state security body",
    "civilian": "civilians",
    "facility": "a building or facility",
    "hospital": "a hospital",
    "vehicle": "a single vehicle",
    "convoy": "a convoy",
    "grounds": "the grounds around a building, not the building",
}
_SUBJECT = {frozenset({"convoy", "vehicle"}): "vehicle", frozenset({"hospital", "grounds"}): "place of impact"}


def detect(ctx: EventContext) -> list[Discrepancy]:
    sides = {s.value: s for s in value_sides(ctx, "target")}
    out = []
    for a, b in facet_table("en")["target_conflicts"]["pairs"]:
        if a not in sides or b not in sides:
            continue
        pair = [sides[a], sides[b]]
        if not sides_conflict(pair):
            continue
        subject = _SUBJECT.get(frozenset({a, b}), "target")
        summary = (
            f"The target is described as {_WORDING[a]} by {who(ctx, sides[a], 2)} "
            f"but as {_WORDING[b]} by {who(ctx, sides[b], 2)}."
        )
        for s in pair:
            s.value = _WORDING.get(s.value, s.value)
        out.append(make(KIND, subject, "medium", ctx, pair, summary))
        for s, v in ((sides[a], a), (sides[b], b)):
            s.value = v
    return out
