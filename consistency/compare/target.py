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
    "other_site": "another site, meant to be hit (what was hit was hit by error)",
}
_SUBJECT = {frozenset({"convoy", "vehicle"}): "vehicle", frozenset({"hospital", "grounds"}): "place of impact"}


def detect(ctx: EventContext) -> list[Discrepancy]:
    sides = {s.value: s for s in value_sides(ctx, "target")}
    out = []
    for a, b in facet_table("en")["target_conflicts"]["pairs"]:
        if a not in sides or b not in sides:
            continue
        pair = [sides[a], sides[b]]
        if a == "other_site":
            # "meant to hit a compound ... fired on the hospital instead": the speaker's own
            # account of what was hit is no other side
            own = set(sides[a].actor_ids)
            rest = [c for c in sides[b].claims if c.actor_id not in own]
            if not rest:
                continue
            pair[1] = _only(sides[b], rest)
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


def _only(side, claims):
    """A copy of `side` with only `claims` and their quotes."""
    from consistency.compare.sides import SideBuilder

    out = SideBuilder(value=side.value)
    keep = {c.id for c in claims}
    for q in side.quotes.values():
        if q.claim_id in keep:
            out.add(next(c for c in claims if c.id == q.claim_id), q.span, q.text)
    return out

