"""Figures that differ between two statements: same kind, same thing, ranges apart.

    flags:   "Two people were killed"   /  "Five people were killed"
    passes:  "At least 20 were killed"  /  "25 were killed"             (ranges meet)
    passes:  "Dozens were arrested"     /  "About 40 were arrested"     (a vague quantity)

Numbers come from `consistency.text.find_numbers` (number words, Arabic-Indic digits, ranges,
kinds); years and dates that differ are reported as kind "date".
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from consistency.compare.contrast import Finding, joined
from consistency.compare.lexical import Token, same_word
from consistency.text.numbers import find_numbers


@dataclass(frozen=True)
class Figure:
    low: float
    high: float | None  # None: open-ended ("at least 20")
    kind: str
    vague: bool
    first: int  # token indices covered
    last: int


def figures(text: str, tokens: list[Token], language: str) -> list[Figure]:
    """The statement's figures, each with the tokens it covers (IDs are not figures)."""
    out = []
    ends = [t.end for t in tokens]
    for m in find_numbers(text, language):
        covered = []
        for t in tokens[bisect.bisect_right(ends, m.start):]:  # from the first token it touches
            if t.start >= m.end:
                break
            covered.append(t.index)
        if covered and m.kind != "id" and m.low is not None:
            out.append(Figure(float(m.low), None if m.high is None else float(m.high),
                              m.kind, m.qualifier == "vague", covered[0], covered[-1]))
    return out


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
                                     f"“{joined(sa)}” against “{joined(sb)}”", sa, sb)
    return None


def _same_context(ta, tb, x: Figure, y: Figure) -> bool:
    """The words right after (or before) both figures are the same word."""
    nxt = [(ta[x.last + 1], tb[y.last + 1])] if x.last + 1 < len(ta) and y.last + 1 < len(tb) else []
    prv = [(ta[x.first - 1], tb[y.first - 1])] if x.first > 0 and y.first > 0 else []
    return any(same_word(p, q) for p, q in nxt + prv)
