"""Tokens, light stems, the contrast lexicons and the alignment of two statements.

Pairwise comparison works on words, not characters: both statements are normalised (the
project's matching form), cut into word tokens whose spans index the original text, and each
token gets a small set of *candidate stems* (clitics, affixes and verb prefixes stripped in
the few ways Arabic and English inflect). Two tokens match when their stem sets meet, so
"يرتفع"/"ارتفاع"/"ارتفعت" or "rose"/"rise" (through the lexicon) line up without a
morphological analyser.

    toks = tokenize("Oil prices rose on Monday")
    [t.norm for t in toks]          # ['oil', 'prices', 'rose', 'on', 'monday']
"""

from __future__ import annotations

import bisect
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from consistency.text.normalize import normalize

_ARABIC = re.compile(r"[\u0600-\u06FF]")
_WORD = re.compile(r"[^\W_]+(?:[.,][0-9]+)*(?:['’]t\b)?", re.UNICODE)


@dataclass(frozen=True)
class Token:
    """One word: its matching form, its span in the original text and its position."""

    norm: str
    start: int
    end: int
    text: str
    index: int
    arabic: bool
    forms: tuple[str, ...] = field(compare=False)  # candidate stems, least transformed first

    @property
    def stems(self) -> frozenset[str]:
        return _as_set(self.forms)


@lru_cache(maxsize=65536)
def _as_set(forms: tuple[str, ...]) -> frozenset[str]:
    return frozenset(forms)


def fold(text: str) -> str:
    """The project's matching form of a lexicon entry."""
    return normalize(text).text


def is_arabic(text: str) -> bool:
    return bool(_ARABIC.search(text))


def detect_language(text: str) -> str:
    letters = [c for c in text if c.isalpha()]
    arabic = sum(1 for c in letters if _ARABIC.match(c))
    return "ar" if letters and arabic * 2 >= len(letters) else "en"


def tokenize(text: str) -> list[Token]:
    """Word tokens of a text; spans (diacritics and ligatures included) index the original."""
    folded = normalize(text)
    tokens = []
    for m in _WORD.finditer(folded.text):
        word = m.group()
        start, end = folded.span(m.start(), m.end())
        arabic = bool(_ARABIC.search(word))
        tokens.append(Token(word, start, end, text[start:end], len(tokens), arabic,
                            stems_ar(word) if arabic else stems_en(word)))
    return tokens


# --- stems -----------------------------------------------------------------------------------

_AR_PROCLITICS = ("وال", "فال", "بال", "كال", "لل", "ال")
_AR_SUFFIXES2 = ("ات", "ون", "ين", "ان", "ها", "هم", "وا", "تا", "ته", "يه", "ما")
_AR_SUFFIXES1 = ("ه", "ي", "ت", "ا")


@lru_cache(maxsize=65536)
def stems_ar(word: str) -> tuple[str, ...]:
    """Candidate stems of a normalised Arabic word, the least transformed first (each at
    least 2 letters long): the lexicon takes the first one it knows."""
    forms = {word: None}  # a dict keeps the order in which forms were derived
    if len(word) > 3 and word[0] in "وف":  # conjunction wa-/fa-
        forms[word[1:]] = None
    for f in list(forms):
        for p in _AR_PROCLITICS:
            if f.startswith(p) and len(f) - len(p) >= 2:
                forms[f[len(p):]] = None
                break
        if len(f) >= 4 and f[0] in "بلكس":  # bi-, li-, ka- and the future sa- (لليبيا → ليبيا)
            forms[f[1:]] = None
    for f in list(forms):
        for suffix in _AR_SUFFIXES2:
            if f.endswith(suffix) and len(f) - 2 >= 3:
                forms[f[:-2]] = None
        if f[-1] in _AR_SUFFIXES1 and len(f) - 1 >= 3:
            forms[f[:-1]] = None
    for f in list(forms):
        # imperfect verbs: yaftaʿil → iftaʿal, yuʾajjil → ʾajjal, yahbiṭ → habaṭ
        if len(f) >= 4 and f[0] in "يتن":
            forms[f[1:]] = None
            forms["ا" + f[1:]] = None
        elif len(f) == 3 and f[0] in "يت":  # hollow and doubled verbs: يقر → اقر
            forms["ا" + f[1:]] = None
    for f in list(forms):
        # verbal nouns with a long vowel before the last radical: irtifāʿ → irtafaʿ, hubūṭ → habaṭ
        if len(f) >= 4 and f[-2] in "اوي":
            forms[f[:-2] + f[-1]] = None
    return tuple(f for f in forms if len(f) >= 2)


@lru_cache(maxsize=65536)
def stems_en(word: str) -> tuple[str, ...]:
    """Candidate stems of a lowercased English word: the word, minus -s/-es/-ed/-ing/-ly."""
    if word.endswith(("n't", "n’t")):
        return (word, "not")
    forms = {word: None}
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
                         ("ing", ""), ("ing", "e"), ("ly", ""), ("ment", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)] + repl
            forms[base] = None
            if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "ls":  # stopped → stop
                forms[base[:-1]] = None
    return tuple(forms)


# --- lexicons --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Lexicon:
    """One language's contrast data, every form normalised like the text it is matched in."""

    language: str
    stopwords: frozenset[str]
    generic: frozenset[str]
    negators: frozenset[str]
    refusals: frozenset[str]
    scope_breaks: frozenset[str]
    hedges: frozenset[str]
    unknown: frozenset[str]
    passive: frozenset[str]
    place_preps: frozenset[str]
    attack: frozenset[str]
    poles: dict[str, tuple[tuple[str, str], ...]]  # form -> ((group, pole "a"|"b"), ...)
    graded: frozenset[str]  # oppositions with a middle ground: negation does not flip them
    entities: dict[str, tuple[str, str, str | None]]  # form -> (id, type, within)
    heads: frozenset[str]  # first words of the entries of several words


def _forms(words) -> frozenset[str]:
    return frozenset(fold(w).strip() for w in words)


@lru_cache(maxsize=4)
def lexicon(language: str) -> Lexicon:
    """The lexicon for "en" or "ar", read once from consistency/data/contrast_<lang>.toml."""
    name = f"contrast_{language}.toml"
    raw = tomllib.loads(resources.files("consistency.data").joinpath(name).read_text("utf-8"))
    poles: dict[str, tuple[tuple[str, str], ...]] = {}
    for group, sides in sorted(raw.get("opposites", {}).items()):
        for pole in ("a", "b"):
            for form in sorted(_forms(sides[pole])):
                if (group, pole) not in poles.get(form, ()):
                    poles[form] = poles.get(form, ()) + ((group, pole),)
    entities: dict[str, tuple[str, str, str | None]] = {}
    for ent_id, ent in sorted(raw.get("entities", {}).items()):
        for form in _forms(ent["forms"]):
            entities.setdefault(form, (ent_id, ent["type"], ent.get("within")))
    words = raw.get("words", {})
    return Lexicon(
        language=language,
        stopwords=_forms(words.get("stopwords", [])),
        generic=_forms(words.get("generic", [])),
        negators=_forms(raw["negation"]["markers"]),
        refusals=_forms(raw["negation"].get("refusals", [])),
        scope_breaks=_forms(words.get("scope_breaks", [])),
        hedges=_forms(words.get("hedges", [])),
        unknown=_forms(words.get("unknown_agent", [])),
        passive=_forms(words.get("passive_agent", [])),
        place_preps=_forms(words.get("place_prepositions", [])),
        attack=_forms(words.get("attack", [])),
        poles=poles,
        graded=frozenset(g for g, sides in raw.get("opposites", {}).items() if sides.get("graded")),
        entities=entities,
        heads=frozenset(f.split(" ", 1)[0] for f in list(poles) + list(entities) if " " in f),
    )


def lex_for(token: Token) -> Lexicon:
    return lexicon("ar" if token.arabic else "en")


def lookup(token: Token, table) -> str | None:
    """The lexicon form a token stands for (its own form first, then its stems), or None."""
    if token.norm in table:
        return token.norm
    for stem in token.forms:
        if stem in table:
            return stem
    return None


def is_content(token: Token) -> bool:
    lex = lex_for(token)
    return token.norm not in lex.stopwords and not (token.arabic and len(token.norm) < 2)


# --- alignment -------------------------------------------------------------------------------

def same_word(x: Token, y: Token) -> bool:
    if x.norm == y.norm:
        return True
    return x.arabic == y.arabic and bool(x.stems & y.stems) and _long_enough(x.stems & y.stems)


def _long_enough(common: frozenset[str]) -> bool:
    return any(len(s) >= 3 for s in common)


def align(a: list[Token], b: list[Token]) -> dict[int, int]:
    """Match each token of `a` to at most one token of `b` that is the same word.

    Exact forms are matched first, then shared stems, each time to the nearest free token by
    relative position, so reordered paraphrases still line up. Candidates come from an index
    of `b` by form and by stem, so the cost grows with the text, not with its square.
    """
    by_norm: dict[str, list[int]] = {}
    by_stem: dict[tuple[bool, str], list[int]] = {}
    for y in b:
        by_norm.setdefault(y.norm, []).append(y.index)
        for stem in y.forms:
            if len(stem) >= 3:
                by_stem.setdefault((y.arabic, stem), []).append(y.index)
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for exact in (True, False):
        for x in a:
            if x.index in pairs:
                continue
            if exact:
                candidates = by_norm.get(x.norm, [])
            else:
                candidates = sorted({j for stem in x.forms if len(stem) >= 3
                                     for j in by_stem.get((x.arabic, stem), [])})
            best = _nearest_free(candidates, x.index * len(b) / max(len(a), 1), used)
            if best is not None:
                pairs[x.index] = best
                used.add(best)
    return pairs


def _nearest_free(candidates: list[int], target: float, used: set[int]) -> int | None:
    """The free index in sorted `candidates` closest to `target` (the lower one on a tie)."""
    k = bisect.bisect_left(candidates, target)
    lo, hi = k - 1, k
    while lo >= 0 or hi < len(candidates):
        while lo >= 0 and candidates[lo] in used:
            lo -= 1
        while hi < len(candidates) and candidates[hi] in used:
            hi += 1
        if lo < 0 and hi >= len(candidates):
            return None
        if hi >= len(candidates) or (lo >= 0 and target - candidates[lo] <= candidates[hi] - target):
            return candidates[lo]
        return candidates[hi]
    return None
