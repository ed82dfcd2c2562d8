"""target: sources describe what or whom the act targeted in incompatible ways.

Flags:      "a leader suspected of attacks on U.S. forces" vs "an Iraqi security force";
            "fired at crowds waiting for aid" vs "fired at suspects who approached troops";
            "a convoy of vehicles" vs "his car".
            "fired from a jeep at a gunman" vs "fired at the journalists, clearly marked as press";
            "mistook the airliner for a cruise missile" vs "shot down a passenger plane".
Must not:   "a headquarters" vs "a building" (compatible); a category mentioned without a
            targeting word ("civilians fled"); "hit by gunmen" (the gunmen shot, they were not
            aimed at); the mistaking speaker's own word for what was hit ("the downing of the
            airliner") against their "took it for a cruise missile".
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
    "press": "journalists",
    "hostile": "a hostile target (what the shooters took it for)",
}
_SUBJECT = {frozenset({"convoy", "vehicle"}): "vehicle", frozenset({"hospital", "grounds"}): "place of impact"}


def detect(ctx: EventContext) -> list[Discrepancy]:
    sides = {s.value: s for s in value_sides(ctx, "target")}
    table = facet_table("en")["target_conflicts"]
    own_account = set(table.get("own_account", []))
    together = [set(g) for g in table.get("together", [])]
    pairs = [tuple(p) for p in table["pairs"]]
    done: set[tuple[str, str]] = set()
    out = []
    for a, b in pairs:
        if a not in sides or b not in sides or (a, b) in done:
            continue
        # "aimed at journalists" and "at civilians", against "at a gunman": one finding
        group = next((g for g in together if b in g), {b})
        others = [v for v in sorted(group) if v in sides and (a, v) in pairs]
        done.update((a, v) for v in others)
        rest = [sides[v] for v in others]
        if a in own_account:
            # "meant to hit a compound ... fired on the hospital instead", "took the airliner for
            # a cruise missile": the speaker's own account of what was hit is no other side
            own = set(sides[a].actor_ids)
            rest = [_only(r, [c for c in r.claims if c.actor_id not in own]) for r in rest]
            rest = [r for r in rest if r.claims]
            if not rest:
                continue
        pair = [sides[a], *rest]
        if not sides_conflict(pair):
            continue
        subject = _SUBJECT.get(frozenset({a, b}), "target")
        described = " and as ".join(f"{_WORDING[r.value]} by {who(ctx, r, 2)}" for r in rest)
        summary = f"The target is described as {_WORDING[a]} by {who(ctx, sides[a], 2)} but as {described}."
        values = [s.value for s in pair]
        for s in pair:
            s.value = _WORDING.get(s.value, s.value)
        out.append(make(KIND, subject, "medium", ctx, pair, summary))
        for s, v in zip(pair, values):
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

