"""Numbers and vague quantities in Arabic and English text, as ranges with a qualifier and a kind.

>>> [(m.text, m.low, m.high, m.qualifier, m.kind) for m in find_numbers("At least 20 people died in 2023.", "en")]
[('At least 20', 20.0, None, 'at_least', 'count'), ('2023', 2023.0, 2023.0, 'exact', 'year')]

Conventions (data in ``data/numbers_common.toml`` and ``data/numbers_<lang>.toml``):
- ``low``/``high``: the range the words allow; ``high`` None when open-ended ("at least 20").
- ``qualifier``: exact, at_least, more_than, nearly, about, up_to, at_most, fewer_than, range,
  vague. A qualifier after the figure counts too ("20 people at least", "على الأقل").
- ``value``: the figure as stated (also when qualified: "nearly 120" → 120); for vague words
  ACLED's code ("dozens" → 12, "several" → 10); None for a range. For a time, hours as a
  decimal (4:40 p.m. → 16.67).
- ``kind``: count, year, date, time, percent, money, age, duration, measure, id, ordinal.
  Only ``count`` mentions are counts of things; every other kind is a figure to leave alone.
- span: from the qualifier (or "between") to the last figure; a proclitic on the first word
  (و ف ب ل) is outside the span; units ("%", "people") are not in it.
- "from 10 to 15" is two mentions (a change, not a range); "between 10 and 15", "10-15",
  "10 to 15", "two or three" are ranges.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from consistency.errors import InputError
from consistency.text.lexicon import DIGITS, Lexicon, lexicon, tokenize
from consistency.text.normalize import normalize
from consistency.text.numkinds import Context, classify
from consistency.text.numwords import Parsed, parse_at

_SKIP_QUALIFIERS = ("at_least", "about")  # may stand after the counted noun


@dataclass(frozen=True)
class NumberMention:
    start: int
    end: int
    low: float
    high: float | None
    qualifier: str
    text: str
    kind: str
    value: float | None


def find_numbers(text: str, language: str) -> list[NumberMention]:
    """Every number mention in ``text``, in text order, with spans into ``text``."""
    if not isinstance(text, str):
        raise InputError("<text>", f"expected text (str), got {type(text).__name__}")
    norm = normalize(text)
    toks, starts, ends = tokenize(norm.text)
    lex = lexicon(language)
    ctx = Context(lex, toks, starts, ends)
    first_words = lex.sets["starts"]
    clitic_letters = {p[0] for p in lex.proclitics}
    out: list[NumberMention] = []
    i, n = 0, len(toks)
    while i < n:
        tok = toks[i]
        c0 = tok[0]
        if c0 not in DIGITS and not (
                tok in first_words
                or (c0 in clitic_letters and (tok[1:] in first_words or tok[2:] in first_words))):
            i += 1
            continue
        p = parse_at(lex, toks, i)
        if p is None:
            i += 1
            continue
        mention, nxt = _mention(ctx, p, norm, text)
        out.append(mention)
        i = max(nxt, i + 1)
    return out


def _second(ctx: Context, p: Parsed, j: int) -> Parsed | None:
    """The upper figure of a range starting at token ``j``, if it makes one with ``p``."""
    if j >= len(ctx.toks):
        return None
    q = parse_at(ctx.lex, ctx.toks, j)
    if q is None or q.kind or q.qualifier != "exact" or q.value is None or q.value <= p.value:
        return None
    if (ctx.toks[p.i][0] in DIGITS) != (ctx.toks[q.i][0] in DIGITS):
        return None
    if all(len(ctx.toks[k]) == 4 and 1900 <= x.value <= 2100 for k, x in ((p.i, p), (q.i, q))):
        return None  # 2023-2024: two years
    return q


def _range(ctx: Context, p: Parsed) -> tuple[Parsed | None, int, int]:
    """(upper figure, first token of the mention, proclitic characters on that token) for
    "between A and B", "A-B", "A to B"."""
    toks, lex = ctx.toks, ctx.lex
    if p.kind or p.qualifier != "exact" or p.value is None or p.j >= len(toks):
        return None, p.i, p.skip
    hit = ctx.before("range_open", p.i)
    if hit:
        close = hit[1]
        tok = toks[p.j]
        q = None
        if tok == close:
            q = _second(ctx, p, p.j + 1)
        elif lex.language == "ar" and tok.startswith(close) and len(tok) > len(close):
            q = _second(ctx, p, p.j)  # بين عشرة وخمسة عشر
        if q:
            return q, p.i - hit[0], hit[2]
    if toks[p.j] in lex.sets["connectors"] and not ctx.before("range_not_after", p.i):
        if toks[p.j] not in ("-", "–") or ctx.adj(p.j - 1, p.j) == ctx.adj(p.j, p.j + 1):
            q = _second(ctx, p, p.j + 1)
            if q:
                return q, p.i, p.skip
    return None, p.i, p.skip


def _qualifier_after(ctx: Context, end: int) -> str | None:
    toks = ctx.toks
    for skip in range(3):
        k = end + skip
        if k >= len(toks) or (skip and not toks[k - 1].isalpha()):
            return None
        hit = ctx.after("qual_after", k)
        if hit and (skip == 0 or hit[1] in _SKIP_QUALIFIERS):
            after = k + hit[0]
            if skip == 0 or after >= len(toks) or not (
                    toks[after][0] in DIGITS or toks[after] in ctx.lex.sets["starts"]):
                return hit[1]
    return None


def _apply(lex: Lexicon, qualifier: str, p: Parsed) -> tuple[float, float | None]:
    if p.qualifier in ("vague", "range"):
        return p.low, (None if qualifier in ("at_least", "more_than") else p.high)
    rule = lex.common["qualifiers"][qualifier]
    v = p.value
    # round(…, 6): 50 * 1.1 is 55.000000000000007 in floating point, which must not ceil to 56
    low = round(v * rule["low"], 6) + rule.get("add", 0)
    high = round(v * rule["high"], 6) + rule.get("high_add", 0) if "high" in rule else None
    if v == int(v):
        low = float(math.floor(low))
        high = float(math.ceil(high)) if high is not None else None
    return low, high


def _mention(ctx: Context, p: Parsed, norm, original: str) -> tuple[NumberMention, int]:
    toks, lex = ctx.toks, ctx.lex
    q, first, skip = _range(ctx, p)
    end = q.j if q else p.j
    hit = ctx.before("qual_before", first)
    qualifier = hit[1] if hit else None
    if hit:
        first -= hit[0]
        skip = hit[2]
    after = _qualifier_after(ctx, end)
    qualifier = qualifier or after
    kind, end, value_override = classify(ctx, p, first, end, bool(qualifier))
    if q:
        low, high, value, name = p.low, q.high, None, "range"
        if qualifier in ("at_least", "more_than"):
            high = None
    elif qualifier:
        low, high = _apply(lex, qualifier, p)
        value, name = p.value, qualifier
        if p.qualifier == "vague" and qualifier not in ("at_least", "more_than"):
            name = "vague"
    else:
        low, high, value, name = p.low, p.high, p.value, p.qualifier
    if value_override is not None:
        low = high = value = value_override
    nstart = ctx.starts[first] + skip
    ostart, oend = norm.span(nstart, ctx.ends[end - 1])
    mention = NumberMention(ostart, oend, float(low), None if high is None else float(high), name,
                            original[ostart:oend], kind, None if value is None else float(value))
    return mention, end
