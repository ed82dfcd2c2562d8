"""What a figure is: a count, or a year, date, time, percent, amount of money, age, duration,
measure, identifier or ordinal. Decided from the tokens around it with the cue lists of
``data/numbers_*.toml``, in a fixed order, so "146 days" is a duration, "عام 2023" a year,
"Resolution 2728" an identifier and "2,000 people" a count.
"""

from __future__ import annotations

from dataclasses import dataclass

from consistency.text.lexicon import DIGITS, Lexicon
from consistency.text.numwords import Parsed

_DASHES = ("-", "–", "—")
_DATE_SEPARATORS = (".", "-", "/")
_YEAR_PREFIXES = ("mid", "early", "late", "pre", "post")
_DEFINITE = ("ال", "بال", "وال", "لل", "فال", "كال")  # "الذكرى الـ75": the 75th


@dataclass
class Context:
    lex: Lexicon
    toks: list[str]
    starts: list[int]
    ends: list[int]

    def adj(self, a: int, b: int) -> bool:
        """Tokens ``a`` and ``b`` touch (no space between them)."""
        return 0 <= a and b < len(self.toks) and self.ends[a] == self.starts[b]

    def before(self, name: str, i: int):
        return self.lex.phrases[name].before(self.toks, i)

    def after(self, name: str, j: int):
        return self.lex.phrases[name].at(self.toks, j)


def _is_year_value(tok: str, v: float | None) -> bool:
    return v is not None and len(tok) == 4 and tok.isascii() and tok.isdigit() and 1900 <= v <= 2100


def _numeric_date(c: Context, i: int) -> bool:
    """Token ``i`` is one of three figures joined by one separator: 4/1/2024, 2024-01-04."""
    toks = c.toks
    for lo in (i - 4, i - 2, i):
        if lo < 0 or lo + 4 >= len(toks):
            continue
        sep = toks[lo + 1]
        if sep not in ("/", "-") or toks[lo + 3] != sep:
            continue
        if all(toks[k][0] in DIGITS and "," not in toks[k] for k in (lo, lo + 2, lo + 4)) and all(
                c.adj(k, k + 1) for k in range(lo, lo + 4)):
            return True
    return False


def _glued(c: Context, p: Parsed, v: float | None) -> tuple[str, int] | None:
    """Kinds read from letters touching a figure written in digits."""
    toks, i, j, sets = c.toks, p.i, p.j, c.lex.sets
    if c.adj(i - 1, i) and toks[i - 1].isalpha():
        if toks[i - 1].isascii():
            return "id", j  # A320, F16
        if toks[i - 1] in _DEFINITE:
            return "ordinal", j
    if i > 1 and toks[i - 1] in _DASHES and c.adj(i - 2, i - 1) and c.adj(i - 1, i) \
            and toks[i - 2].isascii() and toks[i - 2].isalpha():
        if toks[i - 2] in _YEAR_PREFIXES and _is_year_value(toks[i], v):
            return "year", j  # mid-2023
        return "id", j  # F-16, MQ-9, COVID-19
    if j == i + 1 and c.adj(i, j) and toks[j].isalpha():
        suffix = toks[j]
        if suffix in sets["ordinal_suffixes"]:
            return "ordinal", j + 1  # 12th
        hit = c.after("cue_after", j)
        if hit and hit[1] == "year" and v is not None and v == int(v):
            return "year", j  # 2023م, 1445هـ
        if suffix not in sets["glued_ok_after"] and suffix.isascii():
            return "id", j
    if len(toks[i]) > 2 and toks[i].startswith("0") and "." not in toks[i]:
        return "id", j  # 007 (but "04" is a day or a month)
    return None


def classify(c: Context, p: Parsed, first: int, end: int, qualified: bool) -> tuple[str, int, float | None]:
    """(kind, end token, value override) of the figure ``p``; the mention's tokens run from
    ``first`` (a qualifier may stand before ``p.i``) to ``end``."""
    if p.kind:
        return p.kind, end, None
    toks, lex, i = c.toks, c.lex, p.i
    v = p.value
    digit = toks[i][0] in DIGITS
    n = len(toks)
    if digit:
        j = p.j
        if j == i + 1 and end == j and j + 1 < n and toks[j] == ":" and c.adj(i, j) and c.adj(j, j + 1) \
                and toks[j + 1].isascii() and toks[j + 1].isdigit() and len(toks[j + 1]) == 2:
            hours = v + float(toks[j + 1]) / 60
            hit = c.after("cue_after", j + 2)
            if hit and hit[1] == "time" and toks[j + 2] == "p" and v < 12:
                hours += 12
            return "time", j + 2, hours
        if _numeric_date(c, i):
            return ("year" if _is_year_value(toks[i], v) else "date"), end, None
        glued = _glued(c, p, v)
        if glued:
            return glued[0], max(end, glued[1]), None
    whole = v is not None and v == int(v)
    for at in dict.fromkeys((i, first)):
        prev = toks[at - 1] if at > 0 else ""
        if prev in _DATE_SEPARATORS and at > 1:
            prev = toks[at - 2]  # "Jan. 4", "04-يناير-2024"
        if prev in lex.sets["months"] and whole:
            if 1 <= v <= 31:
                return "date", end, None
            if _is_year_value(toks[i], v):
                return "year", end, None
        hit = c.before("cue_before", at)
        if hit and (hit[1] != "year" or (whole and 1000 <= v <= 2100)):
            return hit[1], end, None
    nxt = toks[end] if end < n else ""
    if nxt in _DATE_SEPARATORS[1:] and end + 1 < n:
        nxt = toks[end + 1]
    if nxt in lex.sets["months"] and whole and 1 <= v <= 31:
        return "date", end, None
    hit = c.after("cue_after", end)
    if hit and (hit[1] != "year" or (whole and (_is_year_value(toks[i], v) or 1 <= v <= 1500))):
        return hit[1], end, None  # "2023 م", "1445 هـ" for years
    if digit and not qualified and _is_year_value(toks[i], v) and end == p.j:
        nxt = toks[end] if end < n else ""
        if not nxt[:1].isalpha() or nxt in lex.sets["year_followers"] or (
                lex.language == "ar" and nxt.startswith("و")):
            return "year", end, None
    return "count", end, None
