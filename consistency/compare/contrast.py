"""The contrasts that make two aligned statements contradict, one function per kind.

Each function takes the two statements' tokens and their alignment (`lexical.align`) and
returns a `Finding` or None. They only look at what differs: a word both sides share, in the
same role, never makes a contradiction.

    flags:   "Oil prices rose on Monday"   /  "Oil prices fell on Monday"       (antonym)
    flags:   "Hamas denied the attack"     /  "Hamas carried out the attack"   (negation)
    passes:  "Prices did not fall"         /  "Prices rose"                    (negated antonym)
"""

from __future__ import annotations

from dataclasses import dataclass

from consistency.compare.lexical import Token, is_content, lex_for, lookup, same_word

SCOPE = 4  # words after a negator that it may govern
SCOPE_WORDS = 2  # content words among them (the second counts when the first is said differently)
SUBJECT_REACH = 2  # words between a subject and the pole word said of it


@dataclass(frozen=True)
class Finding:
    kind: str
    reason: str
    a: tuple[Token, ...]
    b: tuple[Token, ...]


@dataclass(frozen=True)
class Mention:
    """A lexicon entry found in a statement, over tokens [first, last]."""

    first: int
    last: int
    value: tuple


class Side:
    """One statement with what the contrasts need precomputed."""

    def __init__(self, tokens: list[Token], matched: dict[int, int]):
        self.tokens = tokens
        self.matched = matched  # own index -> other side's index
        self.negators = [t.index for t in tokens if self._is_negator(t)]
        self.refusals = [t.index for t in tokens if lookup(t, lex_for(t).refusals)]
        self.poles = find_mentions(tokens, "poles")
        self.entities = find_mentions(tokens, "entities") + capitalised_names(tokens)

    @staticmethod
    def _is_negator(t: Token) -> bool:
        negators = lex_for(t).negators
        if t.norm in negators or t.norm.endswith(("n't", "n’t")):
            return True
        # with a clitic (بغير، وبدون): only the longer markers, short ones are too ambiguous
        return t.arabic and any(len(s) >= 3 and s in negators for s in t.stems)

    def negated(self, i: int) -> bool:
        """Whether token i is a word a negator or refusal governs."""
        return any(i in self.scope(n) for n in self.negators + self.refusals)

    def span(self, m: Mention) -> tuple[Token, ...]:
        return tuple(self.tokens[m.first:m.last + 1])

    def scope(self, n: int) -> list[int]:
        """The words a negator governs: the first SCOPE_WORDS content words after it, within
        SCOPE words. Negators bind what follows closely ("لم يوقع", "بلا شيعة", "refused to
        sign the deal"); a longer reach would negate bystanders."""
        words = []
        for t in self.tokens[n + 1:n + 1 + SCOPE]:
            if t.norm in lex_for(t).scope_breaks:
                break
            if is_content(t):
                words.append(t.index)
        return words[:SCOPE_WORDS]


def find_mentions(tokens: list[Token], table: str) -> list[Mention]:
    """Lexicon entries of one table ("poles" or "entities"), longest n-gram first."""
    found, i = [], 0
    while i < len(tokens):
        hit = None
        lex = lex_for(tokens[i])
        heads = [f for f in tokens[i].forms if f in lex.heads]  # first words of n-gram entries
        for n in (3, 2) if heads else ():
            if i + n <= len(tokens) and all(t.arabic == tokens[i].arabic for t in tokens[i:i + n]):
                tail = " ".join(t.norm for t in tokens[i + 1:i + n])
                for head in heads:
                    value = getattr(lex, table).get(f"{head} {tail}")
                    if value is not None:
                        hit = Mention(i, i + n - 1, value)
                        break
            if hit:
                break
        if hit is None:
            t = tokens[i]
            form = lookup(t, getattr(lex_for(t), table))
            if form is not None and _plausible(t, form, table):
                hit = Mention(i, i, getattr(lex_for(t), table)[form])
        if hit:
            if table == "poles":  # a word may stand in several oppositions
                found.extend(Mention(hit.first, hit.last, v) for v in hit.value)
            else:
                found.append(hit)
            i = hit.last + 1
        else:
            i += 1
    return found


def _plausible(t: Token, form: str, table: str) -> bool:
    # Short English names ("US", "UN") only count when written in capitals: "us" is a pronoun.
    if table == "entities" and not t.arabic and len(form) <= 3:
        return t.text.isupper()
    return True


def capitalised_names(tokens: list[Token]) -> list[Mention]:
    """English capitalised words not at the start of the text and not in the lexicon."""
    out = []
    for t in tokens:
        if t.arabic or t.index == 0 or not t.text[:1].isupper() or not is_content(t):
            continue
        lex = lex_for(t)
        if lookup(t, lex.entities) or lookup(t, lex.poles) or t.norm.isdigit():
            continue
        out.append(Mention(t.index, t.index, (t.norm, "name", None)))
    return out


# --- negation --------------------------------------------------------------------------------

def negation(a: Side, b: Side, overlap: float) -> Finding | None:
    """A word one side negates (or refuses) that the other side asserts."""
    for this, other, flip in ((a, b, False), (b, a, True)):
        for n in this.negators + this.refusals:
            if n in this.matched and (other.negated(this.matched[n])
                                      or same_word(this.tokens[n], other.tokens[this.matched[n]])):
                continue  # the same negator on both sides
            if _opposed(this, other, n):
                continue  # "rejected" against "approved": the antonym rule says it better
            for i in this.scope(n):
                j = this.matched.get(i)
                if j is None:
                    if _opposed(this, other, i):
                        break  # "did not fall" / "rose": an opposition, the antonym rule's case
                    continue  # the governed word is said differently: try the next one
                if not other.negated(j) and not _negator_at(other, j):
                    t = this.tokens[i]
                    return _found("negation", this, other, flip, (this.tokens[n], t),
                                  (other.tokens[j],),
                                  f"one side negates “{t.text}”, the other asserts it")
                break
    return None


def _opposed(this: Side, other: Side, n: int) -> bool:
    """Token n is a pole word whose opposite pole the other side uses."""
    return any(m.first <= n <= m.last and any(o.value[0] == m.value[0] and o.value[1] != m.value[1]
                                              for o in other.poles) for m in this.poles)


def _negator_at(side: Side, j: int) -> bool:
    return j in side.negators or j in side.refusals


# --- antonyms --------------------------------------------------------------------------------

def antonym(a: Side, b: Side) -> Finding | None:
    """Opposite words said of the same subject.

    Either each side uses one pole of an opposition only (and not the same one), or a subject
    both sides share is tied to opposite poles ("oil rises as stocks fall" against "oil falls
    as stocks rise"). A negated pole counts as its opposite.
    """
    free_a, free_b = _free(a, b), _free(b, a)
    for group in sorted({m.value[0] for m in free_a} & {m.value[0] for m in free_b}):
        ga = [m for m in free_a if m.value[0] == group]
        gb = [m for m in free_b if m.value[0] == group]
        poles_a, poles_b = {_pole(a, m) for m in ga} - {None}, {_pole(b, m) for m in gb} - {None}
        if len(poles_a) == 1 and len(poles_b) == 1 and poles_a != poles_b:
            return _antonym_finding(a, b, ga[0], gb[0], group)
    # Subjects shared by both sides: a contradiction when more of them change pole than keep it
    # (one modifier that is itself a pole word, "growth falls" / "falling growth", is outvoted).
    subjects_b = _subjects(b)
    changed, kept = [], 0
    for i, near_a in sorted(_subjects(a).items()):
        for ma in near_a:
            for mb in subjects_b.get(a.matched.get(i, -1), []):
                pa, pb = _pole(a, ma), _pole(b, mb)
                if a.matched.get(ma.first) == mb.first:
                    continue  # one word, negated on one side only: the negation rule's case
                if ma.value[0] == mb.value[0] and pa is not None and pb is not None:
                    if pa != pb:
                        changed.append((ma, mb))
                    else:
                        kept += 1
    if changed:
        ma, mb = changed[0]
        return _antonym_finding(a, b, ma, mb, ma.value[0])
    return None


def _free(this: Side, other: Side) -> list[Mention]:
    """Pole words not shared with the other side (a word both say is common ground)."""
    return [m for m in this.poles
            if not (m.first in this.matched
                    and same_word(this.tokens[m.first], other.tokens[this.matched[m.first]]))]


def _pole(side: Side, m: Mention) -> str | None:
    """The pole a mention stands for; negated, the opposite one (None where the opposition
    has a middle ground: "did not fall" is not "steady")."""
    pole = m.value[1]
    if side.negated(m.first):
        if m.value[0] in lex_for(side.tokens[m.first]).graded:
            return None
        return "b" if pole == "a" else "a"
    return pole


def _subjects(side: Side) -> dict[int, list[Mention]]:
    """Each content word tied to its nearest pole word (at most SUBJECT_REACH words away)."""
    out: dict[int, list[Mention]] = {}
    inside = {i for m in side.poles for i in range(m.first, m.last + 1)}
    for t in side.tokens:
        if t.index in inside or not is_content(t) or t.norm in lex_for(t).generic:
            continue
        near = [(min(abs(t.index - m.first), abs(t.index - m.last)), m.first, m) for m in side.poles]
        near = [x for x in near if x[0] <= SUBJECT_REACH]
        if near:
            best = min(near, key=lambda x: (x[0], x[1]))[:2]
            out[t.index] = [m for d, first, m in near if (d, first) == best]
    return out


def _antonym_finding(a: Side, b: Side, ma: Mention, mb: Mention, group: str) -> Finding:
    ta, tb = a.span(ma), b.span(mb)
    words = group.replace("_", "/")
    return Finding("antonym", f"“{_text(ta)}” and “{_text(tb)}” are opposites ({words})", ta, tb)


# --- entities --------------------------------------------------------------------------------

_CLASS = {"place": "place", "armed": "actor", "organisation": "actor", "name": "actor",
          "weekday": "day", "relday": "relday", "commodity": "commodity", "person": "person",
          "portfolio": "portfolio"}


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


def entity_swap(a: Side, b: Side, overlap: float) -> Finding | None:
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
            if not (_same_slot(a, ma, mb) or (alone and overlap >= 0.4)):
                continue
            ta, tb = a.span(ma), b.span(mb)
            kind = _swap_kind(a, b, ma, ca)
            return Finding(kind, f"“{_text(ta)}” on one side stands where the other has "
                                 f"“{_text(tb)}”", ta, tb)
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


def _swap_kind(a: Side, b: Side, ma: Mention, cls: str) -> str:
    if cls in ("day", "relday"):
        return "date"
    before = a.tokens[ma.first - 1] if ma.first > 0 else None
    first = a.tokens[ma.first]
    preps = lex_for(first).place_preps
    if cls == "place" and (before is not None and before.norm in preps
                           or first.arabic and first.norm[:1] == "ب" and first.norm[1:] not in preps):
        return "location"
    if _has_attack(a) and _has_attack(b):
        return "perpetrator"
    return "entity_swap"


def _has_attack(side: Side) -> bool:
    return any(lookup(t, lex_for(t).attack) for t in side.tokens)


def role_swap(a: Side, b: Side) -> Finding | None:
    """X attacked Y against Y attacked X: the same two entities trade places around a verb."""
    ia, ib = _ids(a), _ids(b)
    shared = sorted(k for k in ia if k in ib)
    if _passives(a) != _passives(b):
        return None
    shared = [k for k in shared if _CLASS.get(ia[k].value[1]) in ("actor", "place", "person")]
    for x in shared:
        for y in shared:
            ax, ay, bx, by = ia[x].first, ia[y].first, ib[x].first, ib[y].first
            if not (ax < ay and by < bx):
                continue
            for i in range(len(a.tokens)):
                j = a.matched.get(i)
                t = a.tokens[i]
                if j is None or not is_content(t) or any(m.first <= i <= m.last for m in a.entities):
                    continue
                between = ax < i < ay and by < j < bx
                # verb-subject-object: the verb right before the first entity on both sides
                verb_first = 0 < ax - i <= 2 and 0 < by - j <= 2 and not _coordinated(a, ax, ay)
                if between or verb_first:
                    ta, tb = a.span(ia[x]) + a.span(ia[y]), b.span(ib[x]) + b.span(ib[y])
                    return Finding("role_swap", f"“{_text(a.span(ia[x]))}” and "
                                   f"“{_text(a.span(ia[y]))}” swap roles around “{t.text}”", ta, tb)
    return None


def _passives(side: Side) -> int:
    return sum(1 for t in side.tokens if t.norm in lex_for(t).passive)


def _coordinated(side: Side, x: int, y: int) -> bool:
    words = side.tokens[x + 1:y]
    return any(t.norm in ("and", "و") or t.arabic and t.norm.startswith("و") for t in words) or y == x + 1


def unknown_agent(a: Side, b: Side) -> Finding | None:
    """An unknown perpetrator on one side, a named one on the other."""
    for this, other, flip in ((a, b, False), (b, a, True)):
        unknown = [t for t in this.tokens if t.norm in lex_for(t).unknown and t.index not in this.matched]
        if not unknown or not (_has_attack(this) and _has_attack(other)):
            continue
        if any(t.norm in lex_for(t).unknown for t in other.tokens):
            continue
        mine = _ids(this)
        named = [m for k, m in _ids(other).items() if k not in mine and _CLASS.get(m.value[1]) in ("actor", "place", "person")]
        if named:
            return _found("perpetrator", this, other, flip, (unknown[0],), other.span(named[0]),
                          f"one side leaves the perpetrator unknown, the other names "
                          f"“{_text(other.span(named[0]))}”")
    return None


def _found(kind, this, other, flip, mine, theirs, reason) -> Finding:
    return Finding(kind, reason, theirs, mine) if flip else Finding(kind, reason, mine, theirs)


def _text(tokens) -> str:
    return " ".join(t.text for t in tokens)


# --- numbers ---------------------------------------------------------------------------------

try:  # the text stage's number parser (ranges, number words, kinds); digits only until then
    from consistency.text.numbers import find_numbers
except ImportError:  # pragma: no cover - only before consistency.text.numbers exists
    find_numbers = None


@dataclass(frozen=True)
class Figure:
    low: float
    high: float | None  # None: open-ended ("at least 20")
    kind: str
    vague: bool
    first: int  # token indices covered
    last: int


def figures(text: str, tokens: list[Token], language: str) -> list[Figure]:
    if find_numbers is not None:
        out = []
        for m in find_numbers(text, language):
            covered = [t.index for t in tokens if t.start < m.end and m.start < t.end]
            if covered and m.kind != "id" and m.low is not None:
                out.append(Figure(float(m.low), None if m.high is None else float(m.high),
                                  m.kind, m.qualifier == "vague", covered[0], covered[-1]))
        return out
    return [Figure(v, v, _digit_kind(t, v, text), False, t.index, t.index)
            for t in tokens if (v := _value(t.norm)) is not None]


def _value(word: str) -> float | None:
    digits = word.replace(",", "")
    try:
        return float(digits) if digits[:1].isdigit() else None
    except ValueError:
        return None


def _digit_kind(t: Token, value: float, text: str) -> str:
    if text[t.end:t.end + 2].strip().startswith("%"):
        return "percent"
    return "year" if len(t.norm) == 4 and 1900 <= value <= 2100 else "count"


# kinds the number parser may tell apart only by context ("aged 50" / "50 years")
_SAME_KIND = {"age": "duration"}


def _comparable(x: Figure, y: Figure) -> bool:
    return _SAME_KIND.get(x.kind, x.kind) == _SAME_KIND.get(y.kind, y.kind)


def _overlap(x: Figure, y: Figure) -> bool:
    """Ranges that meet, read loosely: "more than 500" meets "500", and a vague quantity
    ("a number of", "dozens") spans half its low bound to twice its high one."""
    (xl, xh), (yl, yh) = _loose(x), _loose(y)
    return xl <= yh and yl <= xh


def _loose(f: Figure) -> tuple[float, float]:
    high = float("inf") if f.high is None else f.high
    if f.vague:
        return f.low / 2, high * 2
    if f.high is None:  # "more than 500" is read as [501, ∞): let it meet 500
        return f.low - 1, high
    return f.low, high


def number_conflict(a_text: str, b_text: str, ta: list[Token], tb: list[Token],
                    lang_a: str, lang_b: str) -> Finding | None:
    """Figures of one kind, about the same thing, whose ranges do not overlap."""
    fa, fb = figures(a_text, ta, lang_a), figures(b_text, tb, lang_b)
    lone_a = [x for x in fa if not any(_comparable(x, y) and _overlap(x, y) for y in fb)]
    lone_b = [y for y in fb if not any(_comparable(x, y) and _overlap(x, y) for x in fa)]
    for x in lone_a:
        for y in lone_b:
            if not _comparable(x, y):
                continue
            single = sum(_comparable(f, x) for f in lone_a) == 1 and \
                sum(_comparable(f, y) for f in lone_b) == 1
            if single or _same_context(ta, tb, x, y):
                sa, sb = tuple(ta[x.first:x.last + 1]), tuple(tb[y.first:y.last + 1])
                kind = "date" if x.kind in ("year", "date", "time") else "number"
                return Finding(kind, f"the {'dates' if kind == 'date' else 'figures'} differ: "
                                     f"“{_text(sa)}” against “{_text(sb)}”", sa, sb)
    return None


def _same_context(ta, tb, x: Figure, y: Figure) -> bool:
    """The words right after (or before) both figures are the same word."""
    nxt = [(ta[x.last + 1], tb[y.last + 1])] if x.last + 1 < len(ta) and y.last + 1 < len(tb) else []
    prv = [(ta[x.first - 1], tb[y.first - 1])] if x.first > 0 and y.first > 0 else []
    return any(same_word(p, q) for p, q in nxt + prv)
