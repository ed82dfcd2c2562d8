"""Which denials make one dispute, and who stands against them (compare/denial.py).

Flags one dispute where the same accusers pin the act on two parties that each deny it: "the
Saudi-American aggression struck the hall" against the coalition's denial and the Pentagon's.
A denying party's own later admission ("acknowledged that one of its aircraft bombed the hall")
stands with the accusers.
Keeps apart parties that blame each other (Israel's denial, which blames Hezbollah, and
Hezbollah's, which blames Israel), and never sets a party's admission alone against its denial
(one speaker changing its account).
"""

from __future__ import annotations

from consistency.compare.selfclaims import own_parties
from consistency.compare.sides import EventContext, SideBuilder
from consistency.extract.places import attack_words

# Cue lemmas by which a party admits an act ("acknowledged that one of its aircraft bombed").
_ADMITTING = frozenset({"acknowledge", "اعترف"})


def denier_parties(ctx: EventContext, side: SideBuilder) -> set[str]:
    """The parties who deny: named in the denying claims or in their speakers' names."""
    from consistency.extract.frames import agents

    out = set()
    for claim in side.claims:
        # the speaker's own party; the parties named in the claim only for a speaker of none
        out |= own_parties(ctx, claim) or {h.label for h in agents(ctx.text(claim.document_id), claim.span)}
    return out


def _accuses(ctx: EventContext, a: SideBuilder, b: SideBuilder) -> bool:
    """Some speaker of the denials `a` names a party of the denials `b` as doing the act or to
    blame for it."""
    theirs = denier_parties(ctx, b)
    mine = set(a.actor_ids)
    return any(v.value in theirs for c in ctx.claims if c.actor_id in mine
               for v in c.facets.perpetrator + c.facets.responsibility)


def co_accused(ctx: EventContext, pairs: list[tuple[SideBuilder, SideBuilder]]) -> list[tuple[SideBuilder, SideBuilder]]:
    """(denials, affirmations) pairs of one topic, those that share an affirming claim merged
    unless their deniers blame each other; affirmations by a denier of the merged side dropped."""
    groups = list(pairs)
    i = 0
    while i < len(groups):
        j = next((j for j in range(i + 1, len(groups)) if _joined(ctx, groups[i], groups[j])), None)
        if j is None:
            i += 1
            continue
        (no_a, yes_a), (no_b, yes_b) = groups[i], groups.pop(j)
        no, yes = _union(ctx, [no_a, no_b]), _union(ctx, [yes_a, yes_b])
        deniers = set(no.actor_ids)
        keep = {c.id for c in yes.claims if c.actor_id not in deniers}
        yes.claims = [c for c in yes.claims if c.id in keep]
        yes.quotes = type(yes.quotes)((k, q) for k, q in yes.quotes.items() if q.claim_id in keep)
        groups[i] = (no, yes)
    return groups


def _joined(ctx: EventContext, a: tuple[SideBuilder, SideBuilder], b: tuple[SideBuilder, SideBuilder]) -> bool:
    if not {c.id for c in a[1].claims} & {c.id for c in b[1].claims}:
        return False
    return not (_accuses(ctx, a[0], b[0]) or _accuses(ctx, b[0], a[0]))


def _union(ctx: EventContext, sides: list[SideBuilder]) -> SideBuilder:
    """One side holding the quotes of `sides`, in the event's claim order."""
    order = {c.id: i for i, c in enumerate(ctx.claims)}
    by_id = {c.id: c for side in sides for c in side.claims}
    out = SideBuilder(value=sides[0].value)
    for q in sorted((q for side in sides for q in side.quotes.values()), key=lambda q: (order[q.claim_id], q.span)):
        out.add(by_id[q.claim_id], q.span, q.text)
    return out


def admissions(ctx: EventContext, no: SideBuilder, yes: SideBuilder) -> None:
    """Adds to `yes` a denying party's own admission of the attack, told after every denial
    ("denied any strike on the hall" on the 8th; "acknowledged that one of its aircraft bombed
    the hall" on the 15th). Alone it is a change of account: the sides still need two speakers."""
    dates = [ctx.documents[c.document_id].date for c in no.claims]
    if not dates or None in dates:
        return
    deniers = set(no.actor_ids)
    for claim in ctx.claims:
        when = ctx.documents[claim.document_id].date
        if claim.cue in _ADMITTING and claim.actor_id in deniers and not claim.facets.denial \
                and when is not None and when > max(dates) and attack_words(ctx.text(claim.document_id), claim.span):
            yes.add(claim, claim.span, claim.text)
