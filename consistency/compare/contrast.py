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
        self.entities = find_mentions(tokens, "entities") + capitalised_names(tokens)
        named = {i for m in self.entities for i in range(m.first, m.last + 1)}
        # a negator inside a name negates nothing ("Doctors Without Borders", "أطباء بلا حدود")
        self.negators = [t.index for t in tokens if self._is_negator(t) and t.index not in named]
        self.refusals = [t.index for t in tokens
                         if lookup(t, lex_for(t).refusals) and t.index not in named]
        self.named = named
        self._cancel_double_negation()
        self.poles = find_mentions(tokens, "poles")

    @staticmethod
    def _is_negator(t: Token) -> bool:
        negators = lex_for(t).negators
        if t.norm in negators or t.norm.endswith(("n't", "n’t")):
            return True
        # with a clitic (بغير، وبدون): only the longer markers, short ones are too ambiguous
        return t.arabic and any(len(s) >= 3 and s in negators for s in t.stems)

    def _cancel_double_negation(self) -> None:
        """"nothing prevents the delivery", "لا يوجد ما يمنع التسليم": two markers, one
        governing the other, assert what they govern; drop both."""
        markers = self.negators + self.refusals
        cancelled = {m for n in markers for m in self.scope(n) if m in markers}
        cancelled |= {n for n in markers if any(m in cancelled for m in self.scope(n))}
        self.negators = [n for n in self.negators if n not in cancelled]
        self.refusals = [n for n in self.refusals if n not in cancelled]

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
            entries = getattr(lex_for(t), table)
            form = lookup(t, entries)
            if form is not None and _plausible(t, form, table):
                value = entries[form]
                if table == "poles":  # "confirmed" is both a form listed and a form of "confirm"
                    value = tuple(dict.fromkeys(v for f in t.forms for v in entries.get(f, ())))
                hit = Mention(i, i, value)
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

def negation(a: Side, b: Side) -> Finding | None:
    """A word one side negates (or refuses) that the other side asserts."""
    for this, other, flip in ((a, b, False), (b, a, True)):
        for n in this.negators + this.refusals:
            if n in this.matched and _negator_at(other, this.matched[n]):
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
                    return finding_for("negation", this, other, flip, (this.tokens[n], t),
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
    # A subject both sides share, tied to opposite poles of one opposition.
    subjects_b = _subjects(b)
    for i, near_a in sorted(_subjects(a).items()):
        for ma in near_a:
            for mb in subjects_b.get(a.matched.get(i, -1), []):
                if a.matched.get(ma.first) == mb.first:
                    continue  # one word, negated on one side only: the negation rule's case
                pa, pb = _pole(a, ma), _pole(b, mb)
                if ma.value[0] == mb.value[0] and None not in (pa, pb) and pa != pb:
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
    at: dict[int, list[Mention]] = {}  # token index -> the pole mentions covering it
    for m in side.poles:
        for i in range(m.first, m.last + 1):
            at.setdefault(i, []).append(m)
    for t in side.tokens:
        if t.index in at or not is_content(t) or t.norm in lex_for(t).generic:
            continue
        for d in range(1, SUBJECT_REACH + 1):  # nearest first, the left one on a tie
            near = at.get(t.index - d) or at.get(t.index + d)
            if near:
                out[t.index] = near
                break
    return out


def _antonym_finding(a: Side, b: Side, ma: Mention, mb: Mention, group: str) -> Finding:
    ta, tb = a.span(ma), b.span(mb)
    words = group.replace("_", "/")
    return Finding("antonym", f"“{joined(ta)}” and “{joined(tb)}” are opposites ({words})", ta, tb)


def finding_for(kind, this, other, flip, mine, theirs, reason) -> Finding:
    return Finding(kind, reason, theirs, mine) if flip else Finding(kind, reason, mine, theirs)


def joined(tokens) -> str:
    return " ".join(t.text for t in tokens)
