"""Who speaks for whom: the parties of the agent lexicon a claim's speaker belongs to (by
the speaker's names and group: "US government" speaks for the United States).

A party that says it did something ("a U.S. official said U.S. forces took part")
acknowledges its own part; that does not contradict others who name a partner. Detectors use
`own_parties` to tell such acknowledgements from accusations.
"""

from __future__ import annotations

from functools import lru_cache

from consistency.compare.sides import EventContext, SideBuilder
from consistency.extract.doctext import DocText
from consistency.models import Claim


@lru_cache(maxsize=4096)
def _parties_in(name: str) -> frozenset[str]:
    from consistency.extract.frames import agents

    lang = "ar" if any("\u0600" <= ch <= "\u06ff" for ch in name) else "en"
    return frozenset(h.label for h in agents(DocText(name, lang), (0, len(name))))


def own_parties(ctx: EventContext, claim: Claim) -> frozenset[str]:
    actor = ctx.actors.get(claim.actor_id or "")
    if actor is None:
        return frozenset()
    out: set[str] = set()
    for name in (actor.name, *actor.aliases, actor.group):
        out |= _parties_in(name)
    return frozenset(out)


def accusing(ctx: EventContext, side: SideBuilder, parties: set[str]) -> bool:
    """Some claim of the side names one of `parties` without speaking for it."""
    return any(not (parties <= own_parties(ctx, claim)) for claim in side.claims)
