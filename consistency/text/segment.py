"""Sentence spans for Arabic and English news text.

Rules (lexicon in ``data/segment.toml``):
- a line break always ends a sentence (news paragraphs, datelines and headlines are lines);
- ``. ! ? ؟`` followed by whitespace end a sentence, with any closing quotes or brackets
  after them ("... respond." He said → break after the quote);
- a period after an abbreviation does not ("Maj. Gen.", "Jan. 4", "Dr."), except a
  ``may_end`` one followed by a sentence starter ("by the U.S. The next day") and a time
  one ("p.m.") followed by a capitalised word that does not continue it ("Thursday");
- a period after a single letter is an initial ("John F. Kennedy"), and a period followed by
  a lowercase Latin word is not an end;
- inside an open quotation (« », “ ”, " ") a terminator does not end the sentence, so a
  quoted statement stays with its speaker; an unclosed quote stops counting after
  ``max_quote_chars``;
- an ellipsis ends a sentence only before a capitalised starter;
- a sentence longer than ``max_chars`` is cut at its last whitespace before the limit.

Cost: terminators and quotes are found with single-character-class regexes (no lookaround,
no backtracking) and each is examined in constant time, so time is linear in the text.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

from consistency.errors import InputError
from consistency.text.lexicon import language_code
from consistency.text.normalize import normalize_term

_LINES = re.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85]+")
_EVENTS = re.compile(r"[.!?؟…۔]+|[«»“”\"]")
_CLOSERS = "\"'”’»)]}"
_OPENERS = "«“"
_WORD_BEFORE = 24  # how far back to look for the word before a period


@lru_cache(maxsize=None)
def _rules(language: str) -> dict:
    data = tomllib.loads(resources.files("consistency.data").joinpath("segment.toml").read_text("utf-8"))
    langs = [language] if language else ["en", "ar"]
    keys = ("never_end", "may_end", "end_unless_continued", "starters", "continuers")
    rules = {key: set() for key in keys} | data["limits"]
    for lang in langs:
        for key in keys:
            cased = key in ("starters", "continuers")
            rules[key].update(w if cased else normalize_term(w) for w in data[lang][key])
    rules["arabic_only"] = langs == ["ar"]
    return rules


def sentences(text: str, language: str) -> list[tuple[int, int]]:
    """Sentence spans into ``text``, in order, stripped of surrounding whitespace.

    >>> t = "Maj. Gen. Ali spoke at 4 p.m. on Jan. 4. He left."
    >>> [t[a:b] for a, b in sentences(t, "en")]
    ['Maj. Gen. Ali spoke at 4 p.m. on Jan. 4.', 'He left.']
    """
    if not isinstance(text, str):
        raise InputError("<text>", f"expected text (str), got {type(text).__name__}")
    rules = _rules(language_code(language))
    spans: list[tuple[int, int]] = []
    for line in _LINES.finditer(text):
        start = line.start()
        for cut in _breaks(text, line.start(), line.end(), rules):
            _emit(text, start, cut, rules["max_chars"], spans)
            start = cut
        _emit(text, start, line.end(), rules["max_chars"], spans)
    return spans


def _breaks(text: str, lo: int, hi: int, rules: dict):
    """Yield break positions (end of a sentence) within one line ``text[lo:hi]``."""
    quote_open = -1  # position of the open quotation mark, -1 if none
    max_quote = rules["max_quote_chars"]
    seen = lo  # closers already absorbed after a terminator
    for m in _EVENTS.finditer(text, lo, hi):
        a, b = m.span()
        if a < seen:
            continue
        mark = text[a]
        if mark in "«»“”\"":
            if mark in _OPENERS or (mark == '"' and quote_open < 0):
                quote_open = a
            else:
                quote_open = -1
            continue
        end = b
        while end < hi and end - b < 8 and text[end] in _CLOSERS:
            if text[end] in "”»" or (text[end] == '"' and quote_open >= 0):
                quote_open = -1
            end += 1
        seen = end
        if end < hi and not text[end].isspace():
            continue  # 3.5, U.S.-led, example.com
        if quote_open >= 0 and a - quote_open < max_quote:
            continue
        if quote_open >= 0:
            quote_open = -1  # an unclosed quote has run too long to keep counting
        if _is_end(text, a, b, end, hi, rules):
            yield end


def _is_end(text: str, a: int, b: int, end: int, hi: int, rules: dict) -> bool:
    run = text[a:b]
    nxt = _next_word(text, end, hi)
    if not nxt:
        return True
    if "…" in run or ".." in run:
        return nxt in rules["starters"] or (nxt[0] in "\"“«" and nxt[1:2].isupper())
    if run != ".":
        return True  # ! ? ؟ and mixed runs
    if nxt[0] in "-–—":
        return False  # a dateline's dash: "TAMPA, Fla. - The command said"; no sentence opens with one
    word = _word_before(text, a)
    key = word.lower() if word.isascii() else _key(word)
    if key in rules["never_end"]:
        return False
    if key in rules["end_unless_continued"]:
        return nxt[0].isupper() and nxt not in rules["continuers"] or not nxt[0].isalpha()
    if key in rules["may_end"] or (len(key) > 2 and "." in key):
        return nxt in rules["starters"]
    if len(word) == 1 and word.isupper():
        return False  # an initial
    if nxt[0].isalpha() and nxt[0].islower() and nxt[0].isascii():
        return False  # "approx. three", an unknown abbreviation
    return True


@lru_cache(maxsize=65536)
def _key(word: str) -> str:
    return normalize_term(word)  # cached: the same words end many sentences


def _word_before(text: str, pos: int) -> str:
    """Letters and inner periods just before ``pos`` ("U.S" for "U.S.", "Jan" for "Jan.")."""
    start = pos
    floor = max(0, pos - _WORD_BEFORE)
    while start > floor and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    return text[start:pos].strip(".")


def _next_word(text: str, pos: int, hi: int) -> str:
    while pos < hi and text[pos].isspace():
        pos += 1
    stop = pos
    while stop < hi and stop - pos < 32 and not text[stop].isspace():
        stop += 1
    return text[pos:stop].rstrip(".,;:!?")


def _emit(text: str, start: int, end: int, max_chars: int, spans: list) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > max_chars:
        limit = start + max_chars
        cut = limit
        floor = start + max_chars // 2
        while cut > floor and not text[cut - 1].isspace():
            cut -= 1
        if cut == floor:
            cut = limit  # no whitespace in the second half: cut inside the word
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        spans.append((start, piece_end))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append((start, end))
