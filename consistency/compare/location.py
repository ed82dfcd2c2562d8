"""location: sources place the act where the other's account cannot be.

Flags:      "inside the designated humanitarian zone" vs "outside the humanitarian zone";
            "the shooting took place at a different location, away from the convoy" vs
            "troops fired on the crowds waiting for aid" (at the scene).
            "insurgents in the vicinity", "a nearby medical facility" vs "fired from inside the
            compound" (near the site or inside it);
            "launched from Russian-controlled territory" vs "أُطلق من منطقة تسيطر عليها القوات
            الأوكرانية" (the launch site, on opposite sides of the front line);
            "a strike on a depot on the eastern outskirts" vs "غارات على الحي الشمالي" (part of town);
            "the site was an open area, not a tent camp" vs "ضربت منطقة مكتظة بالخيام" (kind of place);
            "turned toward a sensitive military site" vs "turned back toward the airport" vs "stayed in
            its normal corridor" (route); "the shots came from the direction of the soldiers" vs "came
            under fire from gunmen" (source of fire).
Must not:   "Palestine Street" vs "near the Interior Ministry" (two descriptions of one place);
            "there was no fighting inside the compound" (places nothing inside);
            two sources placing the launch in ground held by the same party;
            "the north-eastern districts" vs "the eastern outskirts" (one quarter shared).
"""

from __future__ import annotations

from consistency.compare.categorical import value_sides
from consistency.compare.numeric import nearer
from consistency.compare.sides import EventContext, SideBuilder, make, sides_conflict, who
from consistency.models import Discrepancy

KIND = "location"
_WORDING = {
    "inside_zone": "inside a designated humanitarian or safe zone",
    "outside_zone": "outside the designated zone",
    "elsewhere": "at a different spot from the one others name",
    "at_scene": "at the scene, among the crowds",
    "inside_site": "inside the struck site itself",
    "nearby": "near the struck site, not inside it",
    "setting:populated": "among crowded tents, homes or shelters",
    "setting:unpopulated": "in an open, closed-off or empty area, not among tents or homes",
    "fire_from:forces": "with the fire coming from the troops' side",
    "fire_from:armed": "with the fire coming from gunmen",
}
_COURSE = {
    "course:normal": "on its normal route",
    "course:off": "off its route",
    "course:toward:military": "turning toward a military site",
    "course:toward:airport": "turning back toward the airport",
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


def _launch_sides(ctx: EventContext) -> list[SideBuilder]:
    """One side per party said to hold the launch site. A mention that several claims of one
    sentence hold ("the Pentagon said Russia fired it, while Moscow insists it was launched
    from ground held by Ukraine") is the claim of the speaker named nearest to it."""
    owners: dict[tuple, tuple] = {}
    for claim in ctx.claims:
        for v in claim.facets.location:
            if not v.value.startswith("launch:"):
                continue
            key = (claim.document_id, v.span)
            if key not in owners or nearer(claim, owners[key][0], v.span):
                owners[key] = (claim, v)
    sides: dict[str, SideBuilder] = {}
    for claim, v in sorted(owners.values(), key=lambda cv: (cv[0].document_id, cv[1].span)):
        sides.setdefault(v.value, SideBuilder(value=v.value)).add(claim, v.span, v.text)
    return [sides[k] for k in sorted(sides)]


def _sectors(ctx: EventContext) -> list[Discrepancy]:
    """Sources placing the strike in parts of the town that share no quarter ("the eastern
    outskirts" vs "the northern neighbourhood"; "north-eastern" meets both). One finding with
    every side, where two sides that share no quarter rest on different speakers."""
    sides = [s for s in value_sides(ctx, "location") if s.value.startswith("sector:")]
    quarters = {s.value: set(s.value.split(":", 1)[1].split("+")) for s in sides}
    apart = any(not (quarters[a.value] & quarters[b.value]) and sides_conflict([a, b])
                for i, a in enumerate(sides) for b in sides[i + 1 :])
    if not apart:
        return []
    for s in sides:
        # "north" -> "the northern part of the town", "north+east" -> "the north-eastern part ..."
        s.value = "the " + "-".join(sorted(quarters[s.value], key=_QUARTER_ORDER.index)) + "ern part of the town"
    placed = "; ".join(f"{s.value} ({who(ctx, s, 2)})" for s in sides)
    return [make(KIND, "part of town", "medium", ctx, sides, f"Sources place the strike in different parts of the town: {placed}.")]


_QUARTER_ORDER = ["north", "south", "east", "west"]


def _courses(ctx: EventContext, sides: dict[str, SideBuilder]) -> list[Discrepancy]:
    """Sources setting the craft on courses that cannot all be true: its normal route against
    any other, or toward two different kinds of place. One finding with every side."""
    course = {v: s for v, s in sides.items() if v.startswith("course:")}
    toward = [v for v in course if v.startswith("course:toward:")]
    apart = [(a, b) for a in course for b in course if a < b and (
        "course:normal" in (a, b) or (a in toward and b in toward))]
    if not any(sides_conflict([course[a], course[b]]) for a, b in apart):
        return []
    if "course:normal" not in course:
        course.pop("course:off", None)  # "off its route" agrees with any turn
    chosen = [course[v] for v in sorted(course)]
    placed = "; ".join(f"{_COURSE[s.value]} ({who(ctx, s, 2)})" for s in chosen)
    for s in chosen:
        s.value = _COURSE[s.value]
    return [make(KIND, "route", "medium", ctx, chosen, f"Sources set the craft on different courses before it was hit: {placed}.")]


def detect(ctx: EventContext) -> list[Discrepancy]:
    sides = {s.value: s for s in value_sides(ctx, "location") if not s.value.startswith(("launch:", "sector:"))}
    pairs = []
    if "inside_zone" in sides and "outside_zone" in sides:
        pairs.append((sides["inside_zone"], sides["outside_zone"], "zone"))
    if "inside_site" in sides and "nearby" in sides:
        pairs.append((sides["nearby"], sides["inside_site"], "site"))
    if "setting:populated" in sides and "setting:unpopulated" in sides:
        pairs.append((sides["setting:unpopulated"], sides["setting:populated"], "site"))
    if "fire_from:forces" in sides and "fire_from:armed" in sides:
        pairs.append((sides["fire_from:forces"], sides["fire_from:armed"], "source of fire"))
    if "elsewhere" in sides:
        scene = _at_scene(ctx, set(sides["elsewhere"].actor_ids))
        if scene.claims:
            pairs.append((sides["elsewhere"], scene, "place"))
    launches = _launch_sides(ctx)
    out: list[Discrepancy] = []
    for a, b, subject in pairs:
        if not sides_conflict([a, b]):
            continue
        summary = (f"{who(ctx, a, 2)} place it {_WORDING[a.value]}, while {who(ctx, b, 2)} "
                   f"place it {_WORDING[b.value]}.")
        a.value, b.value = _WORDING[a.value], _WORDING[b.value]
        out.append(make(KIND, subject, "medium", ctx, [a, b], summary))
    out += _sectors(ctx)
    out += _courses(ctx, sides)
    if len(launches) >= 2 and sides_conflict(launches):
        for s in launches:
            s.value = f"launched from ground held by {s.value.split(':', 1)[1]}"
        held = "; ".join(f"{s.value.rsplit(' ', 1)[-1]} ({who(ctx, s, 2)})" for s in launches)
        summary = f"Sources place the launch site in ground held by different parties: {held}."
        out.append(make(KIND, "launch site", "medium", ctx, launches, summary))
    return out
