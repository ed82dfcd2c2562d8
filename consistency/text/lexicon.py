"""Tokens and phrase lexicons for the number finder, loaded from ``data/numbers_*.toml``.

Text and lexicon entries go through the same normalisation and the same tokenizer, so a
phrase in a data file ("p.m.", "على الأقل") matches the text token by token.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from consistency.text.normalize import normalize_term

# Every quantifier is bounded and no group can match the same text two ways, so matching is
# linear. Thousands groups must be exactly three digits ("30,228"; "1,2" is two figures).
TOKEN = re.compile(
    r"[0-9]{1,40}(?:,[0-9]{3}(?![0-9])){0,12}(?:\.[0-9]{1,40})?|[^\W\d_]{1,64}|\S"
)


# Figures are ASCII digits after normalisation ("²".isdigit() is true but is no figure).
DIGITS = frozenset("0123456789")


def tokenize(text: str) -> tuple[list[str], list[int], list[int]]:
    """Token strings and their [start, end) in ``text`` (already normalised)."""
    toks: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for m in TOKEN.finditer(text):
        toks.append(m.group())
        starts.append(m.start())
        ends.append(m.end())
    return toks, starts, ends


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    return tuple(TOKEN.findall(normalize_term(phrase)))


class Phrases:
    """A set of token phrases, each with a value; matched forwards or backwards in a token list.

    The first token of a phrase may carry a proclitic in the text ("لنحو" for "نحو")."""

    def __init__(self, entries: dict, proclitics: tuple[str, ...] = ()):
        self.proclitics = proclitics
        self.by_first: dict[str, list[tuple[tuple[str, ...], object]]] = {}
        self.by_last: dict[str, list[tuple[tuple[str, ...], object]]] = {}
        for phrase, value in entries.items():
            toks = phrase_tokens(phrase)
            if toks:
                self.by_first.setdefault(toks[0], []).append((toks, value))
                self.by_last.setdefault(toks[-1], []).append((toks, value))
        for table in (self.by_first, self.by_last):
            for options in table.values():
                options.sort(key=lambda item: -len(item[0]))

        self.clitic_letters = frozenset(p[0] for p in proclitics)

    def _stems(self, tok: str) -> tuple[str, ...]:
        """The token without each proclitic it may carry (none for English)."""
        if tok[:1] in self.clitic_letters:
            return stems(tok, self.proclitics)
        return ()

    def _skip(self, tok: str, want: str) -> int | None:
        """Characters of proclitic before ``want`` in ``tok``, or None if it is not ``want``."""
        if tok == want:
            return 0
        return len(tok) - len(want) if want in self._stems(tok) else None

    def _from(self, toks: list[str], i: int, stem: str, skip: int):
        for phrase, value in self.by_first.get(stem, ()):
            n = len(phrase)
            if n == 1 or tuple(toks[i + 1 : i + n]) == phrase[1:]:
                return n, value, skip
        return None

    def at(self, toks: list[str], i: int) -> tuple[int, object] | None:
        """Longest phrase starting at token ``i``: (number of tokens, value, proclitic length)."""
        if i >= len(toks):
            return None
        tok = toks[i]
        hit = self._from(toks, i, tok, 0) if tok in self.by_first else None
        if hit is None and self.proclitics:
            for stem in self._stems(tok):
                if stem in self.by_first:
                    hit = self._from(toks, i, stem, len(tok) - len(stem))
                    if hit:
                        break
        return hit

    def before(self, toks: list[str], i: int) -> tuple[int, object] | None:
        """Longest phrase ending just before token ``i``: (number of tokens, value, characters
        of proclitic on its first token)."""
        if i <= 0:
            return None
        last = toks[i - 1]
        for phrase, value in self.by_last.get(last, ()):
            n = len(phrase)
            if n == 1:
                return 1, value, 0
            if i - n >= 0 and tuple(toks[i - n + 1 : i - 1]) == phrase[1:-1]:
                skip = self._skip(toks[i - n], phrase[0])
                if skip is not None:
                    return n, value, skip
        for stem in self._stems(last):  # a one-token phrase with a proclitic ("بنحو")
            for phrase, value in self.by_last.get(stem, ()):
                if len(phrase) == 1:
                    return 1, value, len(last) - len(stem)
        return None

    def __contains__(self, tok: str) -> bool:
        return tok in self.by_first


@lru_cache(maxsize=65536)
def stems(tok: str, proclitics: tuple[str, ...]) -> tuple[str, ...]:
    """``tok`` without each proclitic it starts with, longest proclitic first (cached: the same
    words recur throughout a text)."""
    return tuple(tok[len(p) :] for p in proclitics if len(tok) > len(p) + 1 and tok.startswith(p))


def variants(tok: str, proclitics: tuple[str, ...]):
    """The token, then the token without each proclitic it may carry: (stem, prefix length)."""
    yield tok, 0
    for stem in stems(tok, proclitics):
        yield stem, len(tok) - len(stem)


def _norm_map(table: dict) -> dict:
    return {normalize_term(k): v for k, v in table.items()}


def _norm_set(items) -> frozenset:
    return frozenset(normalize_term(w) for w in items)


@dataclass
class Lexicon:
    language: str
    data: dict
    common: dict
    proclitics: tuple[str, ...] = ()
    words: dict = field(default_factory=dict)
    sets: dict = field(default_factory=dict)
    phrases: dict = field(default_factory=dict)
    duals: dict = field(default_factory=dict)


def _read(name: str) -> dict:
    return tomllib.loads(resources.files("consistency.data").joinpath(name).read_text("utf-8"))


def language_code(language) -> str:
    """"ar" for Arabic tags ("ar", "AR", "ar-IQ"), "en" for English ones, else ""."""
    code = str(language or "").lower()[:2]
    return code if code in ("ar", "en") else ""


def lexicon(language) -> Lexicon:
    """The number lexicon of a language; English words for any language but Arabic."""
    return _lexicon("ar" if language_code(language) == "ar" else "en")


@lru_cache(maxsize=None)
def _lexicon(lang: str) -> Lexicon:
    data = _read(f"numbers_{lang}.toml")
    proclitics = tuple(sorted((normalize_term(p) for p in data.get("proclitics", [])), key=len, reverse=True))
    lex = Lexicon(lang, data, _read("numbers_common.toml"), proclitics)
    w = data["words"]
    for name in ("units", "tens", "scales", "ordinals", "teen_heads", "hundred_duals", "scale_duals", "hundred_stems"):
        lex.words[name] = _norm_map(w.get(name, {}))
    hundreds = {}
    for stem, value in lex.words["hundred_stems"].items():
        for h in w.get("hundred", []):
            hundreds[stem + normalize_term(h)] = value * 100
    hundreds.update(lex.words["hundred_duals"])
    lex.words["hundreds"] = hundreds
    for name in ("hundred", "dozen", "articles", "joiners", "teen_tails", "second_after",
                 "one_not_after", "one_not_before", "ordinal_suffixes", "ordinal_not_after"):
        lex.sets[name] = _norm_set(w.get(name, []))
    lex.sets["not_numbers"] = _norm_set(data.get("not_numbers", []))
    lex.words["definite_round"] = _norm_map(data.get("definite_round", {}).get("words", {}))
    lex.sets["definite_round_after"] = _norm_set(data.get("definite_round", {}).get("after", []))
    kinds = data["kinds"]
    for name in ("months", "year_followers", "duration_units", "glued_ok_after"):
        lex.sets[name] = _norm_set(kinds.get(name, []))
    # One lookup per side of a figure; the first list naming a phrase decides its kind.
    for side, names in (("before", ("time", "year", "id", "age", "money", "duration")),
                        ("after", ("time", "percent", "money", "age", "year", "duration", "measure"))):
        cues: dict[str, str] = {}
        for name in names:
            for phrase in kinds.get(f"{name}_{side}", []):
                cues.setdefault(phrase, name)
        lex.phrases[f"cue_{side}"] = Phrases(cues, proclitics)
    lex.phrases["vague"] = Phrases(data["vague"], proclitics)
    lex.phrases["set_phrases"] = Phrases(data.get("set_phrases", {}), proclitics)
    lex.sets["vague_multipliable"] = frozenset(
        phrase_tokens(p) for p in data.get("vague_multipliable", {}).get("words", []))
    lex.phrases["qual_before"] = Phrases(data["qualifiers"]["before"], proclitics)
    lex.phrases["qual_after"] = Phrases(data["qualifiers"]["after"], proclitics)
    lex.sets["connectors"] = _norm_set(data["ranges"]["connectors"])
    lex.phrases["range_open"] = Phrases(
        {o: normalize_term(c) for o, c in data["ranges"]["open_close"]}, proclitics)
    lex.phrases["range_not_after"] = Phrases(
        {w: True for w in data["ranges"].get("not_after", [])}, proclitics)
    duals = data.get("duals")
    if duals:
        for kind, nouns, forms in (("count", duals["nouns"], ("ان", "ين")),
                                   ("count", duals["ambiguous"], ("ان",)),
                                   ("duration", duals["durations"], ("ان", "ين"))):
            for noun in nouns:
                stem = normalize_term(noun)
                stem = stem[:-1] + "ت" if stem.endswith("ه") else stem
                for suffix in forms:
                    lex.duals[stem + suffix] = kind
                    lex.duals["ال" + stem + suffix] = kind
        lex.sets["two_words"] = _norm_set(duals["two_words"])
    starts = set()
    for name in ("units", "tens", "ordinals", "teen_heads", "hundreds", "scale_duals"):
        starts.update(lex.words[name])
    for name in ("hundred", "articles"):
        starts.update(lex.sets[name])
    starts.update(lex.phrases["vague"].by_first)
    starts.update(lex.phrases["set_phrases"].by_first)
    starts.update(lex.duals)
    starts.update(lex.words["definite_round"])
    for scale in lex.words["scales"]:
        starts.add(scale)  # "ألف" alone is a thousand
    lex.sets["starts"] = frozenset(starts - lex.sets["not_numbers"])
    return lex
