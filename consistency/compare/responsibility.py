"""responsibility: sources hold different parties responsible.

Flags:      "holds the international coalition responsible" (Iraqi government) vs
            "American aggression" / "a U.S. self-defense strike" (the United States itself);
            "a full partner in the massacre" vs "no American forces took part";
            "the responsibility lies with customs" vs "customs is not the competent body";
            "charged the minister with negligence" vs "he did nothing wrong";
            "a provocation staged by Kyiv" (Moscow) vs "an atrocity committed by Russia": the
            same parties as the perpetrator dispute, but the blame is framed on both sides.
Must not:   two sources that both blame the same party, in different words or languages;
            blame that only repeats the perpetrator dispute (the same parties, one side each);
            "accountable before the international judiciary" (a forum, not a party blamed).
"""

from __future__ import annotations

from consistency.compare import inquiry, perpetrator
from consistency.compare.categorical import set_sides
from consistency.compare.selfclaims import accusing, own_parties
from consistency.compare.sides import EventContext, make, sides_conflict, who
from consistency.models import Discrepancy

KIND = "responsibility"


def detect(ctx: EventContext) -> list[Discrepancy]:
    return _blame(ctx) + inquiry.detect(ctx)


def _blame(ctx: EventContext) -> list[Discrepancy]:
    sides = set_sides(ctx, _one_position(ctx), frozenset({"undetermined"}))
    sides = [s for s in sides if s.value == "undetermined" or s.value.startswith("not ")
             or accusing(ctx, s, set(s.value.split(" + ")))]
    # "Undetermined" joins a dispute but does not make one.
    if len([s for s in sides if s.value != "undetermined"]) < 2 or not sides_conflict(sides):
        return []
    # Blame that only sets the same parties against each other as the perpetrator dispute
    # ("Russian forces struck it" / "the Azov regiment blew it up") is that dispute: reported once.
    # Unless the blame is framed on both sides: "a provocation staged by Kyiv" against "an
    # atrocity committed by Russia" says who is to blame for a crime, not only who fired.
    doers = {s.value for s in perpetrator.disputed(ctx) if s.value != "unknown"}
    if doers and {s.value for s in sides} == doers and not _framed(sides):
        return []
    summary = "Sources hold different parties responsible: " + "; ".join(
        f"{s.value} ({who(ctx, s, 2)})" for s in sides
    ) + "."
    return [make(KIND, "blame", "high", ctx, sides, summary)]


def _framed(sides) -> bool:
    """One side pins a staged provocation on its party, another a crime on its own."""
    def pins(side, frames):
        parties = set(side.value.split(" + "))
        return any(v.subject in frames and v.value in parties for c in side.claims for v in c.facets.responsibility)

    provoked = [s for s in sides if pins(s, ("provocation",))]
    return any(pins(s, ("condemned",)) for s in sides if s not in provoked) and bool(provoked)


def _one_position(ctx: EventContext):
    """A party that blames another ("the Azov regiment blew it up") and denies its own part
    holds one position: its mentions of its own party ("did not strike", "aims to blame
    Russia") are no second side. A party that blames no other keeps them: acknowledging its
    act ("a U.S. self-defense strike") or denying it ("nothing to do with Israel") is its
    position. Returns the picker of a claim's values for `set_sides`."""
    own: dict[str | None, frozenset[str]] = {}
    blames_other = set()
    for c in ctx.claims:
        parties = own.setdefault(c.actor_id, own_parties(ctx, c))
        if parties and any(v.value not in parties and v.value != "undetermined" and not v.value.startswith("not ")
                           for v in c.facets.responsibility):
            blames_other.add(c.actor_id)

    def pick(claim):
        values = claim.facets.responsibility
        if claim.actor_id in blames_other:
            values = [v for v in values if v.value.removeprefix("not ") not in own[claim.actor_id]]
        return values

    return pick
