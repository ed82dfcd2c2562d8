"""Phrase lexicons from `consistency/data/facets_<lang>.toml`, matched on normalised text.

A lexicon table maps a label to phrases. Matching is on `text.normalize` output, whole words
only; Arabic phrases also match with the proclitics و ف ب ل ك and the article before them
and common suffixes after them, since Arabic writes those attached to the word. Matches are
reported as spans of the normalised text; callers map them back with `Normalized.span`.

    >>> m = PhraseMatcher({"killed": ["killed", "dead"]}, "en")
    >>> [(h.label, h.start, h.end) for h in m.finditer("two were killed")]
    [('killed', 9, 15)]
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from consistency.text.normalize import normalize

_AR_LETTER = re.compile(r"[\u0621-\u064a]")
# Proclitics: conjunction (و ف), preposition (ب ل ك), article; ل + ال is written لل.
_AR_PREFIX = r"(?:[وف]?(?:[بك]?ال|لل|[بلك])?)"
_AR_SUFFIX = r"(?:ها|هم|هما|هن|ه|ات|ين|ون|ان|يه|يين|يون|ي|ا)?"
_EN_SUFFIX_STAR = r"[a-z]{0,6}"
_AR_SUFFIX_STAR = r"[\u0621-\u064a]{0,4}"


# segments whose hits a matcher keeps: the extractors read a claim's clause within a few calls
_MEMO = 256
# patterns of phrase subsets a matcher keeps compiled
_SUBSETS = 512


@dataclass(frozen=True)
class Hit:
    label: str
    start: int  # in the normalised text
    end: int
    phrase: str


def _word_pattern(word: str, arabic: bool, first: bool, last: bool) -> str:
    star = word.endswith("*")
    core = re.escape(word.rstrip("*"))
    if arabic:
        prefix = _AR_PREFIX if first and not word.startswith("ال") else ""
        suffix = _AR_SUFFIX_STAR if star else (_AR_SUFFIX if last else "")
        return prefix + core + suffix
    return core + (_EN_SUFFIX_STAR if star else "")


def _core(word: str) -> str:
    """The literal every match of a phrase word contains (its prefix and suffix are optional)."""
    return word.rstrip("*")


def _phrase_pattern(phrase: str) -> str:
    words = phrase.split()
    arabic = bool(_AR_LETTER.search(phrase))
    parts = [_word_pattern(w, arabic, i == 0, i == len(words) - 1) for i, w in enumerate(words)]
    return r"[\s\-]+".join(parts)


class PhraseMatcher:
    """Find the phrases of several labels in normalised text; longest match wins."""

    def __init__(self, table: dict[str, list[str]], language: str):
        self.language = language
        self._sensitive: list[tuple[re.Pattern, str, str]] = []
        entries: list[tuple[str, str, str]] = []
        for label, phrases in table.items():
            for phrase in phrases:
                if phrase.startswith("="):
                    pat = re.compile(r"(?<!\w)" + re.escape(phrase[1:]) + r"(?!\w)")
                    self._sensitive.append((pat, label, phrase[1:]))
                    continue
                norm = normalize(phrase).text.strip()
                if norm:
                    entries.append((label, norm, _phrase_pattern(norm)))
        # Longest phrases first so the alternation prefers them at one position.
        entries.sort(key=lambda e: (-len(e[1]), e[1], e[0]))
        self._labels = [(label, phrase) for label, phrase, _ in entries]
        groups = "|".join(f"(?P<g{i}>{pat})" for i, (_, _, pat) in enumerate(entries))
        self._regex = re.compile(r"(?<![\w])(?:" + groups + r")(?![\w])") if entries else None
        # A quick test before the full pattern: every match contains the literal core of its
        # phrase's longest word, so a text with none of these cores has no match. A bare
        # alternation of literals runs many times faster than the full one (no look-behind,
        # no optional clitics, and the regex engine skips a literal branch on its first
        # character), and most texts hold no phrase of most tables.
        longest = [max((_core(w) for w in phrase.split()), key=len) for _, phrase, _ in entries]
        cores = sorted(set(longest))
        self._screen = re.compile("|".join(re.escape(c) for c in cores)) if cores and all(cores) else None
        # A text that passes is matched against the phrases whose core it holds only (same
        # alternatives in the same order, so the same matches: a phrase left out could not
        # match anywhere in it); those smaller patterns are kept by their set of phrases.
        self._patterns = [pat for _, _, pat in entries]
        self._by_core: dict[str, list[int]] = {}
        for i, core in enumerate(longest):
            self._by_core.setdefault(core, []).append(i)
        self._subsets: dict[tuple[int, ...], re.Pattern] = {}
        # the same segment is read by several extractors: its hits are kept, a bounded number
        self._memo: dict[tuple[str, str | None], tuple[Hit, ...]] = {}

    def finditer(self, norm_text: str, original: str | None = None):
        """Yield `Hit`s in text order. `original` enables the case-sensitive (=) phrases;
        its positions are used as-is, so pass it only where normalisation kept length."""
        key = (norm_text, original)
        found = self._memo.get(key)
        if found is None:
            if len(self._memo) >= _MEMO:
                del self._memo[next(iter(self._memo))]  # the oldest: bounded, deterministic
            found = self._memo[key] = tuple(self._find(norm_text, original))
        return list(found)

    def _find(self, norm_text: str, original: str | None) -> list[Hit]:
        hits = []
        regex = self._regex
        if regex is not None and self._screen is not None:
            regex = self._screen.search(norm_text) and self._subset(norm_text)
        if regex is not None:
            for m in regex.finditer(norm_text):
                i = int(m.lastgroup[1:])
                label, phrase = self._labels[i]
                hits.append(Hit(label, m.start(), m.end(), phrase))
        if original is not None:
            for pat, label, phrase in self._sensitive:
                hits.extend(Hit(label, m.start(), m.end(), phrase) for m in pat.finditer(original))
        hits.sort(key=lambda h: (h.start, -h.end))
        return hits

    def _subset(self, norm_text: str) -> re.Pattern | None:
        """The pattern of the phrases whose longest word's core occurs in `norm_text`."""
        chosen = sorted(i for core, ids in self._by_core.items() if core in norm_text for i in ids)
        if not chosen:
            return None
        key = tuple(chosen)
        regex = self._subsets.get(key)
        if regex is None:
            if len(self._subsets) >= _SUBSETS:
                del self._subsets[next(iter(self._subsets))]
            groups = "|".join(f"(?P<g{i}>{self._patterns[i]})" for i in chosen)
            regex = self._subsets[key] = re.compile(r"(?<![\w])(?:" + groups + r")(?![\w])")
        return regex

    def labels_in(self, norm_text: str, original: str | None = None) -> set[str]:
        return {h.label for h in self.finditer(norm_text, original)}


@lru_cache(maxsize=None)
def facet_table(language: str) -> dict:
    """The parsed facets_<language>.toml (English as the fallback for other languages)."""
    name = f"facets_{language}.toml"
    data_dir = resources.files("consistency") / "data"
    path = data_dir / name
    if not path.is_file():
        path = data_dir / "facets_en.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def matcher(language: str, table: str, key: str | None = None) -> PhraseMatcher:
    """A cached matcher over `[table]` of the language's facet lexicon. With `key`, the
    table's `key` list becomes one label named after the table."""
    data = facet_table(language).get(table, {})
    if key is not None:
        data = {table: data.get(key, [])}
    return PhraseMatcher(data, language)
