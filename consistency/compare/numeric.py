"""Numeric sides: figures grouped into sides whose ranges cannot both be true.

Narrow figures found the sides; a wide figure ("at least 2") that fits no narrow side founds
its own; then a wide figure that fits two sides is compatible with both and joins none, and
one that fits a single side joins it. A vague word ("dozens", "عشرات") fits many tolls
loosely and founds no side, except a small one ("several", "عدد من") when every side lies far
above it. Only when two sides remain, carried by different speakers, is there a discrepancy.

    2 (Pentagon), 2 (EFE), 3 (Al-Araby), at least 2 (Reuters) -> sides {2}, {3}; Reuters fits both
    "at least 100", "more than 100", "nearly 120"              -> one side: they overlap
    1,000-1,200, more than 1,300, more than 1,000              -> sides {1,000-1,200}, {more than 1,300}
    "several" harmed (army), 45 killed (ministry)              -> sides {several}, {45}
"""

from __future__ import annotations

import math

from consistency.compare.sides import EventContext, SideBuilder
from consistency.models import Claim, Count

INF = math.inf
# Qualifier of a partial count read as a lower bound of the whole ("142 of them shot" at one
# hospital): it founds a side only against figures it exceeds, and joins none.
PART = "part_of"


def format_range(low: float, high: float | None, qualifier: str = "exact") -> str:
    lo = _num(low)
    if high is None:
        return f"more than {_num(low - 1)}" if qualifier == "more_than" else f"at least {lo}"
    if high == low:
        return lo
    if qualifier == "about":
        return f"about {_num((low + high) / 2)}"
    return f"{lo}–{_num(high)}"


def _num(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.1f}"


def overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def numeric_sides(items: list[tuple[Claim, Count]]) -> list[SideBuilder]:
    """Sides for figures of one subject in one event (superseded figures already removed)."""
    def interval(c: Count) -> tuple[float, float]:
        return (c.low, INF if c.high is None else c.high)

    ordered = sorted(items, key=lambda cc: (interval(cc[1])[1] - interval(cc[1])[0], interval(cc[1])[0], cc[0].id))
    groups: list[tuple[list[float], list[tuple[Claim, Count]]]] = []  # (running intersection, members)
    wide: list[tuple[Claim, Count]] = []
    for claim, count in ordered:
        iv = interval(count)
        if iv[1] == INF or (iv[1] - iv[0]) > max(3.0, 0.25 * iv[0]):
            wide.append((claim, count))
            continue
        _join_or_found(groups, iv, (claim, count))
    # A wide figure that fits none of the narrow sides founds one ("more than 1,300" against
    # "1,000-1,200"); only then are the others placed, so that "more than 1,000", which fits
    # both, joins neither.
    narrow = len(groups)
    founders = {i for i, (_, k) in enumerate(wide)
                if k.qualifier != PART and not _fits(groups[:narrow], interval(k)) and _founds(k, groups[:narrow])}
    for i in sorted(founders):
        _join_or_found(groups, interval(wide[i][1]), wide[i])
    parts = {i for i, (_, k) in enumerate(wide) if k.qualifier == PART and not _fits(groups, interval(k))
             and _founds(k, groups)}
    for i in sorted(parts):
        _join_or_found(groups, interval(wide[i][1]), wide[i])
    founders |= parts
    for i, (claim, count) in enumerate(wide):
        if i in founders or count.qualifier == PART:
            continue  # a part of the toll supports no side it merely fits
        fits = _fits(groups, interval(count))
        if len(fits) == 1:
            fits[0][1].append((claim, count))
    sides = []
    for inter, members in sorted(groups, key=lambda g: (g[0][0], g[0][1])):
        narrowest = min(members, key=lambda cc: (interval(cc[1])[1] - interval(cc[1])[0], cc[0].id))[1]
        side = SideBuilder(
            value=format_range(narrowest.low, narrowest.high, narrowest.qualifier),
            low=inter[0],
            high=None if inter[1] == INF else inter[1],
        )
        for claim, count in members:
            side.add(claim, count.span, count.text)
        sides.append(side)
    return sides


def _fits(groups, iv: tuple[float, float]) -> list:
    return [g for g in groups if overlaps((g[0][0], g[0][1]), iv)]


def _join_or_found(groups, iv: tuple[float, float], member) -> None:
    for inter, members in groups:
        if overlaps((inter[0], inter[1]), iv):
            inter[0], inter[1] = max(inter[0], iv[0]), min(inter[1], iv[1])
            members.append(member)
            return
    groups.append(([iv[0], iv[1]], [member]))


# A small vague quantity ("several", "a few", "عدد من") cannot loosely describe a toll more
# than this many times its upper bound ("several civilians were harmed" against 45 dead),
# nor none at all.
SMALL_VAGUE = 10
APART = 2.0


_CAPS = frozenset({"at_most", "fewer_than", "up_to", "vague"})


def _founds(count: Count, groups) -> bool:
    """Whether a figure that fits no side is a side of its own. "Dozens" or "hundreds" fits
    many tolls loosely and never is; a small vague word is when every side lies far above it.
    A part of the toll ("142 of them shot") is only against ceilings it exceeds ("no more than
    10"): above a count, it is more often that count's own update."""
    if count.qualifier == PART:
        return bool(groups) and all(k.qualifier in _CAPS for g in groups for _, k in g[1])
    if count.qualifier != "vague":
        return True
    if count.high is None or count.high > SMALL_VAGUE or not groups:
        return False
    # "some of the hostages were killed" against "all were brought out alive" (none) too
    return all(g[0][0] > APART * count.high or g[0][1] == 0 for g in groups)


def event_figures(ctx: EventContext, subjects: set[str]) -> dict[str, list[tuple[Claim, Count]]]:
    """This event's figures by subject, without superseded or cumulative ones; a partial one
    (one hospital's, a subset) is a lower bound of the whole. A
    figure that several claims of a sentence hold ("the ministry said 274 were killed, while
    the army spoke of fewer than 100") is the figure of the speaker named nearest to it."""
    owners: dict[tuple, tuple[Claim, Count]] = {}
    for claim in ctx.claims:
        for count in claim.facets.counts:
            if count.scope == "partial":
                # one hospital's count or a subset is a lower bound of the whole
                count = count.model_copy(update={"high": None, "qualifier": PART})
            elif count.scope != "event":
                continue
            if count.subject not in subjects:
                continue
            if (claim.id, count.span) in ctx.superseded:
                continue
            key = (claim.document_id, count.span, count.subject)
            held = owners.get(key)
            if held is None or nearer(claim, held[0], count.span):
                owners[key] = (claim, count)
    out: dict[str, list[tuple[Claim, Count]]] = {}
    for claim, count in owners.values():
        out.setdefault(count.subject, []).append((claim, count))
    return out


def nearer(a: Claim, b: Claim, span: tuple[int, int]) -> bool:
    def distance(c: Claim) -> float:
        if c.speaker_span is None:
            return INF
        s0, s1 = c.speaker_span
        return max(s0 - span[1], span[0] - s1, 0)

    return distance(a) < distance(b)
