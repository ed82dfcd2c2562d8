"""identity: sources say different things about who a person, the people or a thing was.

Flags:      "Mushtaq Talib al-Saidi, alias Abu Taqwa" vs "علي السعيدي المكنّى «أبو تقوى»" (name);
            "a Tochka-U missile" (Russian defence ministry) vs "an Iskander missile" (Ukraine) (weapon);
            "residents had taken refuge there" vs "fighters held civilians hostage inside" (people);
            "X, whom the army described as a Hamas operative" vs "described him as a journalist" (role);
            "the group's leader X" vs "the group, led by Y" (leader);
            "a fire in a fireworks store" vs "2,750 tonnes of ammonium nitrate exploded" (material).
Must not:   "Talib al-Saidi" vs "Mushtaq Taleb al-Saidi" (a shorter form of the same name);
            "al-Saidi" vs "السعيدي" (the same name in two scripts); "Tochka-U" vs "توتشكا";
            "brigade commander" vs "deputy head of operations" (two posts of one armed man);
            "one of the leaders of X" vs "X, led by Y" (not a claim to the top post).
"""

from __future__ import annotations

from collections import defaultdict

from consistency.compare.sides import EventContext, SideBuilder, make, sides_conflict, who
from consistency.extract.identity import compatible, name_tokens, skeleton
from consistency.extract.lexicon import facet_table
from consistency.extract.roles import body_name
from consistency.models import Discrepancy

KIND = "identity"
_WORDING = {
    "civilian": "civilians (residents, sheltering or seeking aid)",
    "looters": "looters or a mob",
    "human_shields": "people held as hostages or human shields",
    "armed": "a member of an armed group",
    "protected": "a civilian professional (journalist, medic, ...)",
}


def detect(ctx: EventContext) -> list[Discrepancy]:
    return _names(ctx) + _weapon(ctx) + _categories(ctx, "people") + _categories(ctx, "role") + _leaders(ctx) \
        + _material(ctx)


def _weapon(ctx: EventContext) -> list[Discrepancy]:
    return _set_valued(ctx, "weapon", "Sources name different weapons")


def _material(ctx: EventContext) -> list[Discrepancy]:
    return _set_valued(ctx, "material", "Sources say different things exploded or burned")


def _set_valued(ctx: EventContext, subject: str, lead: str) -> list[Discrepancy]:
    from consistency.compare.categorical import set_sides

    sides = set_sides(ctx, lambda c: [v for v in c.facets.identity if v.subject == subject])
    if not sides_conflict(sides):
        return []
    names = "; ".join(f"{s.value.replace('_', ' ')} ({who(ctx, s, 2)})" for s in sides)
    return [make(KIND, subject, "medium", ctx, sides, f"{lead}: {names}.")]


def _categories(ctx: EventContext, subject: str) -> list[Discrepancy]:
    """Sides by category for each person (role) or for the people at the scene; a finding
    only for categories that conflict ([identity_conflicts]) and rest on different speakers."""
    pairs = [tuple(p) for p in facet_table("en").get("identity_conflicts", {}).get(subject, [])]
    found = [(claim, v) for claim in ctx.claims for v in claim.facets.identity if v.subject == subject]
    person = _people_keys(sorted({v.about or "" for _, v in found}))
    by_about: dict[str, dict[str, SideBuilder]] = defaultdict(dict)
    for claim, v in found:
        side = by_about[person[v.about or ""]].setdefault(v.value, SideBuilder(value=_WORDING.get(v.value, v.value)))
        side.add(claim, v.span, v.text)
    out = []
    for about, sides in sorted(by_about.items()):
        for a, b in pairs:
            if a in sides and b in sides:
                pair = [sides[a], sides[b]]
                if not sides_conflict(pair):
                    continue
                whom = "the people at the scene" if subject == "people" else f"the same person ({_person(pair)})"
                summary = (f"Sources describe {whom} differently: {pair[0].value} ({who(ctx, pair[0], 2)}) "
                           f"vs {pair[1].value} ({who(ctx, pair[1], 2)}).")
                out.append(make(KIND, subject, "medium", ctx, pair, summary))
    return out


def _people_keys(keys: list[str]) -> dict[str, str]:
    """Each person key -> the key of its group: two keys meet when one's words are all among
    the other's ("nsr" / "krm nsr"), not when they only share a family name ("krm nsr" /
    "smr nsr": two relatives)."""
    parent = {k: k for k in keys}

    def find(k: str) -> str:
        while parent[k] != k:
            k = parent[k]
        return k

    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            wa, wb = a.split(), b.split()
            if wa and wb and compatible(wa, wb):
                ra, rb = find(a), find(b)
                parent[max(ra, rb)] = min(ra, rb)
    return {k: find(k) for k in keys}


def _person(sides: list[SideBuilder]) -> str:
    texts = [q.text for s in sides for q in s.quotes.values()]
    return " / ".join(dict.fromkeys(texts))


def _leaders(ctx: EventContext) -> list[Discrepancy]:
    """Two different people named as one organisation's leader, one of them by a title only
    one person holds: "Hamas leader X" and "Hamas leader Y" may be the political and the
    military leaders, "Hamas leader X" and "Hamas, led by Y" may not."""
    by_body = defaultdict(list)
    for claim in ctx.claims:
        for v in claim.facets.identity:
            if v.subject in ("leader", "top_leader") and v.about:
                lang = ctx.documents[claim.document_id].language
                by_body[v.about].append((claim, v, name_tokens(v.value, lang)))
    out = []
    for body, items in sorted(by_body.items()):
        sides = _group_names(items, _same_name)
        if not (sides_conflict(sides) or _outlets_apart(sides)):
            continue
        tops = {c.id for c, v, _ in items if v.subject == "top_leader"}
        if not any(c.id in tops for s in sides for c in s.claims):
            continue
        names = "; ".join(f"{s.value} ({who(ctx, s, 2)})" for s in sides)
        out.append(make(KIND, "role", "medium", ctx, sides,
                        f"Sources name different leaders of {body_name(body)}: {names}."))
    return out


def _outlets_apart(sides: list[SideBuilder]) -> bool:
    """Different documents give the values, even if they cite one body ("the PMF says its
    leader was X" in one outlet, "PMF data: the group led by Y" in another): the outlets'
    accounts of who a person is disagree."""
    docs = [set(s.document_ids) for s in sides]
    return len(docs) >= 2 and all(not (a & b) for i, a in enumerate(docs) for b in docs[i + 1 :])


def _same_name(a: list[str], b: list[str]) -> bool:
    """Token-wise, or as one run of consonants ("Nasrallah" / "نصر الله")."""
    if compatible(a, b):
        return True
    ja, jb = skeleton("".join(a)), skeleton("".join(b))
    return bool(ja and jb) and (ja in jb or jb in ja)


def _group_names(items, same) -> list[SideBuilder]:
    """One side per name; a name joins the first longer-or-equal name it is `same` with."""
    items = sorted(items, key=lambda it: (-len(it[2]), it[0].id))
    groups: list[tuple[list[str], SideBuilder]] = []
    for claim, v, toks in items:
        if not toks:
            continue
        for gtoks, side in groups:
            if same(gtoks, toks):
                side.add(claim, v.span, v.text)
                break
        else:
            side = SideBuilder(value=v.value)
            side.add(claim, v.span, v.text)
            groups.append((toks, side))
    return [s for _, s in groups]


def _names(ctx: EventContext) -> list[Discrepancy]:
    by_alias = defaultdict(list)
    for claim in ctx.claims:
        for v in claim.facets.identity:
            if v.subject == "name" and v.about:
                lang = ctx.documents[claim.document_id].language
                by_alias[v.about].append((claim, v, name_tokens(v.value, lang)))
    out = []
    for alias, items in sorted(by_alias.items()):
        sides = _group_names(items, compatible)
        if not sides_conflict(sides):
            continue
        names = "; ".join(f"{s.value} ({who(ctx, s, 2)})" for s in sides)
        out.append(make(KIND, "name", "medium", ctx, sides, f"Sources give different names for the same person: {names}."))
    return out
