"""identity: sources give different names for the person known by one alias.

Flags:      "Mushtaq Talib al-Saidi, alias Abu Taqwa" vs "علي السعيدي المكنّى «أبو تقوى»".
            "a Tochka-U missile" (Russian defence ministry) vs "an Iskander missile" (Ukraine).
Must not:   "Talib al-Saidi" vs "Mushtaq Taleb al-Saidi" (a shorter form of the same name);
            "al-Saidi" vs "السعيدي" (the same name in two scripts); "Tochka-U" vs "توتشكا".
"""

from __future__ import annotations

from collections import defaultdict

from consistency.compare.sides import EventContext, SideBuilder, make, sides_conflict, who
from consistency.extract.identity import compatible, name_tokens
from consistency.models import Discrepancy

KIND = "identity"


def _weapon(ctx: EventContext) -> list[Discrepancy]:
    from consistency.compare.categorical import set_sides

    sides = set_sides(ctx, lambda c: [v for v in c.facets.identity if v.subject == "weapon"])
    if not sides_conflict(sides):
        return []
    names = "; ".join(f"{s.value} ({who(ctx, s, 2)})" for s in sides)
    return [make(KIND, "weapon", "medium", ctx, sides, f"Sources name different weapons: {names}.")]


def detect(ctx: EventContext) -> list[Discrepancy]:
    return _names(ctx) + _weapon(ctx)


def _names(ctx: EventContext) -> list[Discrepancy]:
    by_alias = defaultdict(list)
    for claim in ctx.claims:
        for v in claim.facets.identity:
            if v.subject == "name" and v.about:
                lang = ctx.documents[claim.document_id].language
                by_alias[v.about].append((claim, v, name_tokens(v.value, lang)))
    out = []
    for alias, items in sorted(by_alias.items()):
        items.sort(key=lambda it: (-len(it[2]), it[0].id))
        groups: list[tuple[list[str], SideBuilder]] = []
        for claim, v, toks in items:
            if not toks:
                continue
            for gtoks, side in groups:
                if compatible(gtoks, toks):
                    side.add(claim, v.span, v.text)
                    break
            else:
                side = SideBuilder(value=v.value)
                side.add(claim, v.span, v.text)
                groups.append((toks, side))
        sides = [s for _, s in groups]
        if not sides_conflict(sides):
            continue
        names = "; ".join(f"{s.value} ({who(ctx, s, 2)})" for s in sides)
        out.append(make(KIND, "name", "medium", ctx, sides, f"Sources give different names for the same person: {names}."))
    return out
