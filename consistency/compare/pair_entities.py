"""Swapped entities and roles between two aligned statements.

    flags:   "The strike hit a school in Mosul"  /  "The strike hit a school in Basra"  (location)
    flags:   "Israel attacked Iran"              /  "Iran attacked Israel"              (role_swap)
    flags:   "An unidentified drone struck"      /  "A US drone struck"                 (perpetrator)
    passes:  "The strike hit a school in Mosul"  /  "The strike hit a school in Iraq"   (Mosul is in Iraq)
    passes:  "Ukraine was accused by Russia"     /  "Russia accused Ukraine"            (passive)

Entities come from the lexicons' gazetteer (places, armed groups, bodies, people, days,
commodities, portfolios) and, in English, from capitalised words.
"""

from __future__ import annotations

from consistency.compare.contrast import Finding, Mention, Side, finding_for, joined
from consistency.compare.lexical import is_content, lex_for, lookup

_CLASS = {"place": "place", "armed": "actor", "organisation": "actor", "name": "actor",
          "weekday": "day", "relday": "relday", "commodity": "commodity", "person": "person",
          "portfolio": "portfolio"}


_AGENTS = ("actor", "place", "person")  # classes that can do something to someone
_COORDINATORS = frozenset({"and", "or", "with", "between", "و", "او", "مع", "بين"})


def _compatible(ma: Mention, mb: Mention) -> bool:
    """Same class; a country (a place inside nothing) also acts: "by Russia" / "by the UN"."""
    ca, cb = _CLASS.get(ma.value[1]), _CLASS.get(mb.value[1])
    if ca is None or cb is None:
        return False
    if ca == cb:
        return True
    # a leader is not his country ("Erdogan" / "Turkey"): only groups and bodies act as one
    acting = {ca, cb} == {"place", "actor"} and "name" not in (ma.value[1], mb.value[1])
    return acting and all(m.value[1] != "place" or m.value[2] is None for m in (ma, mb))


def _ids(side: Side) -> dict[str, Mention]:
    out: dict[str, Mention] = {}
    for m in side.entities:
        out.setdefault(m.value[0], m)
    return out


def entity_swap(a: Side, b: Side, anchored: bool) -> Finding | None:
    """Two entities of one class, each named by one side only, in the same slot (or the only
    ones of their class, when `anchored`: the statements share much of their wording, or are
    in two languages, where words cannot align)."""
    ia, ib = _ids(a), _ids(b)
    only_a = [m for k, m in ia.items() if k not in ib]
    only_b = [m for k, m in ib.items() if k not in ia]
    for ma in only_a:
        for mb in only_b:
            if not _compatible(ma, mb) or _nested(ma, mb, ia, ib):
                continue
            ca = _CLASS[ma.value[1]]
            alone = sum(_compatible(m, ma) for m in only_a) == 1 and \
                sum(_compatible(m, mb) for m in only_b) == 1
            if not (_same_slot(a, ma, mb) or (alone and anchored)):
                continue
            ta, tb = a.span(ma), b.span(mb)
            kind = _swap_kind(a, b, ma, mb, ca)
            return Finding(kind, f"“{joined(ta)}” on one side stands where the other has "
                                 f"“{joined(tb)}”", ta, tb)
    return None


def _nested(ma: Mention, mb: Mention, ia: dict, ib: dict) -> bool:
    """A place inside the other (Mosul, Iraq) or inside a place the other side names."""
    wa, wb = ma.value[2], mb.value[2]
    return wa == mb.value[0] or wb == ma.value[0] or (wa is not None and wa in ib) \
        or (wb is not None and wb in ia)


def _same_slot(a: Side, ma: Mention, mb: Mention) -> bool:
    """The words around both entities are aligned to each other."""
    for d in (-2, -1, 1, 2):
        i = (ma.first if d < 0 else ma.last) + d
        j = a.matched.get(i)
        if j is not None and 0 <= i < len(a.tokens) and is_content(a.tokens[i]):
            target = (mb.first if d < 0 else mb.last) + d
            if abs(j - target) <= 1:
                return True
    return False


def _swap_kind(a: Side, b: Side, ma: Mention, mb: Mention, cls: str) -> str:
    if cls in ("day", "relday"):
        return "date"
    # a city or region (a place inside another) is where things happen, rarely who does them
    inner = ma.value[2] is not None or mb.value[2] is not None
    if cls == "place" and (inner or _after_preposition(a, ma) or _after_preposition(b, mb)):
        return "location"
    if _has_attack(a) and _has_attack(b):
        return "perpetrator"
    return "entity_swap"


def _after_preposition(side: Side, m: Mention) -> bool:
    """"in Gaza", "near Mosul", "في بغداد", or Arabic bi- fused to the name ("بالموصل")."""
    first = side.tokens[m.first]
    lex = lex_for(first)
    if m.first > 0 and side.tokens[m.first - 1].norm in lex.place_preps:
        return True
    return first.arabic and first.norm.startswith("ب") and first.norm[1:] in lex.entities


def _has_attack(side: Side) -> bool:
    return any(lookup(t, lex_for(t).attack) for t in side.tokens)


def role_swap(a: Side, b: Side) -> Finding | None:
    """X attacked Y against Y attacked X: the same two entities trade places around a verb."""
    ia, ib = _ids(a), _ids(b)
    shared = sorted(k for k in ia if k in ib)
    if _passives(a) != _passives(b):
        return None
    shared = [k for k in shared if _CLASS.get(ia[k].value[1]) in _AGENTS]
    for x in shared:
        for y in shared:
            ax, ay, bx, by = ia[x].first, ia[y].first, ib[x].first, ib[y].first
            if not (ax < ay and by < bx):
                continue
            for i in range(len(a.tokens)):
                j = a.matched.get(i)
                t = a.tokens[i]
                if j is None or _in_entity(a, i) or t.norm in _COORDINATORS:
                    continue
                # a shared word between them ("X said Y fired" / "Y said X fired" counts too)
                between = ax < i < ay and by < j < bx
                # verb-subject-object: the verb right before the first entity on both sides
                verb_first = 0 < ax - i <= 2 and 0 < by - j <= 2 and is_content(t) \
                    and not _coordinated(a, ax, ay)
                if between or verb_first:
                    ta, tb = a.span(ia[x]) + a.span(ia[y]), b.span(ib[x]) + b.span(ib[y])
                    return Finding("role_swap", f"“{joined(a.span(ia[x]))}” and "
                                                f"“{joined(a.span(ia[y]))}” swap roles around "
                                                f"“{t.text}”", ta, tb)
    return None


def _in_entity(side: Side, i: int) -> bool:
    return any(m.first <= i <= m.last for m in side.entities)


def _passives(side: Side) -> int:
    return sum(1 for t in side.tokens if t.norm in lex_for(t).passive)


def _coordinated(side: Side, x: int, y: int) -> bool:
    """"Iran and Israel", "إيران وإسرائيل": a pair, not an agent and a patient."""
    words = side.tokens[x + 1:y + 1]
    return y == x + 1 or any(t.norm in _COORDINATORS or t.arabic and t.norm.startswith("و")
                             for t in words)


def unknown_agent(a: Side, b: Side) -> Finding | None:
    """An unknown perpetrator on one side, a named one on the other."""
    for this, other, flip in ((a, b, False), (b, a, True)):
        unknown = [t for t in this.tokens
                   if t.norm in lex_for(t).unknown and t.index not in this.matched]
        if not unknown or not (_has_attack(this) and _has_attack(other)):
            continue
        if any(t.norm in lex_for(t).unknown for t in other.tokens):
            continue
        mine = _ids(this)
        named = [m for k, m in _ids(other).items() if k not in mine and _CLASS.get(m.value[1])
                 in _AGENTS]
        if named:
            return finding_for("perpetrator", this, other, flip, (unknown[0],),
                               other.span(named[0]), "one side leaves the perpetrator unknown, "
                               f"the other names “{joined(other.span(named[0]))}”")
    return None
