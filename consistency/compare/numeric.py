"""Numeric sides: figures grouped into sides whose ranges cannot both be true.

Narrow figures found the sides; a wide figure ("at least 2") that fits two sides is
compatible with both and joins none; one that fits a single side joins it; a vague word
("dozens", "عشرات") never founds a side of its own. Only when two
sides remain, carried by different speakers, is there a discrepancy.

    2 (Pentagon), 2 (EFE), 3 (Al-Araby), at least 2 (Reuters) -> sides {2}, {3}; Reuters fits both
    "at least 100", "more than 100", "nearly 120"              -> one side: they overlap
"""

from __future__ import annotations

import math

from consistency.compare.sides import EventContext, SideBuilder
from consistency.models import Claim, Count

INF = math.inf


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
        for inter, members in groups:
            if overlaps((inter[0], inter[1]), iv):
                inter[0], inter[1] = max(inter[0], iv[0]), min(inter[1], iv[1])
                members.append((claim, count))
                break
        else:
            groups.append(([iv[0], iv[1]], [(claim, count)]))
    for claim, count in wide:
        fits = [g for g in groups if overlaps((g[0][0], g[0][1]), interval(count))]
        if len(fits) == 1:
            fits[0][1].append((claim, count))
        elif not fits and count.qualifier != "vague":
            # "dozens" or "several" fits many tolls: it never founds a side of its own
            groups.append(([interval(count)[0], interval(count)[1]], [(claim, count)]))
    sides = []
    for inter, members in sorted(groups, key=lambda g: (g[0][0], g[0][1])):
        narrow = min(members, key=lambda cc: (interval(cc[1])[1] - interval(cc[1])[0], cc[0].id))[1]
        side = SideBuilder(
            value=format_range(narrow.low, narrow.high, narrow.qualifier),
            low=inter[0],
            high=None if inter[1] == INF else inter[1],
        )
        for claim, count in members:
            side.add(claim, count.span, count.text)
        sides.append(side)
    return sides


def event_figures(ctx: EventContext, subjects: set[str]) -> dict[str, list[tuple[Claim, Count]]]:
    """This event's figures by subject, without superseded, cumulative or partial ones."""
    out: dict[str, list[tuple[Claim, Count]]] = {}
    for claim in ctx.claims:
        for count in claim.facets.counts:
            if count.scope != "event" or count.subject not in subjects:
                continue
            if (claim.id, count.span) in ctx.superseded:
                continue
            out.setdefault(count.subject, []).append((claim, count))
    return out
