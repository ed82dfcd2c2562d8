"""Matching form of Arabic and English text, with a map back to the original.

Normalisation is for matching only: every span a stage reports indexes the original text, so
`normalize` keeps, for each normalised character, the position of the original character it
came from. One original character may give none (diacritics, tatweel, zero-width and bidi
controls), one, or several (presentation-form ligatures such as ﷲ → الله).

What changes, and why:
- Latin letters are lowercased one character at a time (context-free, so a substring
  renormalises to the same string; ``str.lower`` on whole text is not, because of final sigma);
- Arabic diacritics (tashkeel, Quranic marks, superscript alef) and tatweel are removed;
- alef forms أ إ آ ٱ → ا; ى → ي; ة → ه (so "قتيلة"/"قتيله" match); the Persian/Urdu
  letters that keyboards put in Arabic text (ک ی ە ۀ ہ ھ) → ك ي ه;
- hamza carriers ؤ and ئ → ء: news spells the same word both ways ("مسؤول"/"مسئول"), and
  folding both carriers makes them meet. Lexicons must be normalised with this same function;
- Arabic-Indic and Persian digits → ASCII digits; ٫ → "." and ٬ → "," (decimal and thousands
  separators); ، ؛ ؟ ٪ ۔ → , ; ? % . so that punctuation rules are written once;
- presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFC) → their NFKC letters, then the rules above;
- no-break and other fixed-width spaces → " ".

Cost: one ``str.translate`` and one vectorised repeat of positions by output length, so
time is linear in the text and the index takes 8 bytes per character.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass, field

import numpy as np

from consistency.errors import InputError

_ARABIC_MARKS = (
    [chr(c) for c in range(0x0610, 0x061B)]
    + [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670"]
    + [chr(c) for c in range(0x06D6, 0x06DD)]
    + [chr(c) for c in range(0x06DF, 0x06E5)]
    + [chr(c) for c in range(0x06E7, 0x06E9)]
    + [chr(c) for c in range(0x06EA, 0x06EE)]
)
# Removed characters that belong to the letter before them: a span ending on that letter
# also covers them, so a matched word's span includes its last diacritic.
_TRAILING = frozenset(_ARABIC_MARKS + ["\u0640"])
_CONTROLS = (
    "\u200b\u200c\u200d\u2060\ufeff\u00ad"  # zero-width space/joiners, word joiner, BOM, soft hyphen
    "\u200e\u200f\u061c"  # LRM, RLM, ALM
    "\u202a\u202b\u202c\u202d\u202e"  # LRE RLE PDF LRO RLO
    "\u2066\u2067\u2068\u2069"  # LRI RLI FSI PDI
)

_ONE_TO_ONE = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "ء", "ئ": "ء",
    "ک": "ك", "ی": "ي", "ې": "ي", "ە": "ه", "ۀ": "ه", "ہ": "ه", "ھ": "ه",  # Persian/Urdu keyboards
    "٫": ".", "٬": ",", "،": ",", "؛": ";", "؟": "?", "٪": "%", "۔": ".",
    "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u200a": " ", "\u202f": " ", "\u3000": " ",
}
for _zero in (0x0660, 0x06F0):
    for _d in range(10):
        _ONE_TO_ONE[chr(_zero + _d)] = str(_d)


def _latin_lower() -> dict[str, str]:
    table = {}
    for code in list(range(0x41, 0x5B)) + list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        ch = chr(code)
        low = ch.lower()
        if low != ch and len(low) == 1:
            table[ch] = low
    return table


def _fold(ch: str) -> str:
    """Normalise one character (presentation forms go through NFKC first)."""
    if ch in _CONTROLS or ch in _TRAILING:
        return ""
    code = ord(ch)
    if 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFC:
        out = unicodedata.normalize("NFKC", ch)
        return "".join(_fold(c) if c != ch else c for c in out)
    return _ONE_TO_ONE.get(ch) or _LOWER.get(ch) or ch


_LOWER = _latin_lower()
_TABLE: dict[int, str] = {ord(k): v for k, v in {**_LOWER, **_ONE_TO_ONE}.items()}
for _c in list(_CONTROLS) + sorted(_TRAILING):
    _TABLE[ord(_c)] = ""
for _code in list(range(0xFB50, 0xFE00)) + list(range(0xFE70, 0xFEFD)):
    _out = _fold(chr(_code))
    if _out != chr(_code):
        _TABLE[_code] = _out
# Output length of every code point, to build the index with one vectorised repeat.
_LENGTHS = np.ones(0x110000, dtype=np.uint8)
for _code, _out in _TABLE.items():
    _LENGTHS[_code] = len(_out)
_SPECIAL_RE = re.compile(
    "[" + "".join(re.escape(chr(c)) for c, o in sorted(_TABLE.items()) if len(o) != 1) + "]"
)

@dataclass(frozen=True)
class Normalized:
    """A normalised text. ``index[i]`` is the original position of normalised char ``i``;
    ``index[len(text)] == len(original)``."""

    text: str
    index: array
    original: str = field(repr=False)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised ``[start, end)`` to the original ``[start, end)``.

        An empty span maps to an empty span; a span ending inside a ligature's expansion
        covers the whole ligature; trailing diacritics and tatweel of the last letter are
        included.
        """
        n = len(self.text)
        if not (0 <= start <= end <= n):
            raise ValueError(f"span [{start}, {end}) outside normalised text of length {n}")
        ostart = self.index[start]
        if end == start:
            return ostart, ostart
        oend = self.index[end - 1] + 1
        limit = self.index[end]
        original = self.original
        while oend < limit and original[oend] in _TRAILING:
            oend += 1
        return ostart, oend


def normalize(text: str) -> Normalized:
    """Normalise ``text`` for matching; see the module docstring for what changes.

    >>> n = normalize("قائدَين")
    >>> n.text, n.span(0, len(n.text))
    ('قاءدين', (0, 7))
    """
    if not isinstance(text, str):
        raise InputError("<text>", f"expected text (str), got {type(text).__name__}")
    out = text.translate(_TABLE)  # C speed; values may be "", one char or several
    if len(out) == len(text) and not _SPECIAL_RE.search(text):
        return Normalized(out, array("q", np.arange(len(text) + 1, dtype=np.int64).tobytes()), text)
    # surrogatepass: a lone surrogate (text decoded with surrogateescape) is one code unit too
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    index = np.repeat(np.arange(len(text), dtype=np.int64), _LENGTHS[codes])
    positions = array("q", index.tobytes())
    positions.append(len(text))
    return Normalized(out, positions, text)


def normalize_term(term: str) -> str:
    """The matching form of a lexicon entry (a word or phrase), spaces collapsed."""
    return " ".join(normalize(term).text.split())
