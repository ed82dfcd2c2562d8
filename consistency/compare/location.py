"""location: sources place the act where the other's account cannot be.

Flags:      "inside the designated humanitarian zone" vs "outside the humanitarian zone";
            "the shooting took place at a different location, away from the convoy" vs
            "troops fired on the crowds waiting for aid" (at the scene).
Must not:   "Palestine Street" vs "near the Interior Ministry" (two descriptions of one place).
"""

from __future__ import annotations

from consistency.compare.categorical import value_sides
from consistency.compare.sides import EventContext, SideBuilder, make, sides_conflict, who
from consistency.models import Discrepancy

KIND = "location"
_WORDING = {
    "inside_zone": "inside a designated humanitarian or safe zone",
    "outside_zone": "outside the designated zone",
    "elsewhere": "at a different spot from the one others name",
    "at_scene": "at the scene, among the crowds",
}


def _at_scene(ctx: EventContext, exclude: set[str]) -> SideBuilder:
    """Claims that put the act among the people there: a named perpetrator and civilians targeted."""
    side = SideBuilder(value="at_scene")
    for claim in ctx.claims:
        if claim.actor_id in exclude or not claim.facets.perpetrator:
            continue
        for v in claim.facets.target:
            if v.value == "civilian":
                side.add(claim, v.span, v.text)
    return side


def detect(ctx: EventContext) -> list[Discrepancy]:
    sides = {s.value: s for s in value_sides(ctx, "location")}
    pairs = []
    if "inside_zone" in sides and "outside_zone" in sides:
        pairs.append((sides["inside_zone"], sides["outside_zone"], "zone"))
    if "elsewhere" in sides:
        scene = _at_scene(ctx, set(sides["elsewhere"].actor_ids))
        if scene.claims:
            pairs.append((sides["elsewhere"], scene, "place"))
    out = []
    for a, b, subject in pairs:
        if not sides_conflict([a, b]):
            continue
        summary = (f"{who(ctx, a, 2)} place it {_WORDING[a.value]}, while {who(ctx, b, 2)} "
                   f"place it {_WORDING[b.value]}.")
        a.value, b.value = _WORDING[a.value], _WORDING[b.value]
        out.append(make(KIND, subject, "medium", ctx, [a, b], summary))
    return out
