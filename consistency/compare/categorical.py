"""Sides for categorical facets: claims grouped by the value they give."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from consistency.compare.sides import EventContext, SideBuilder
from consistency.models import Claim, FacetValue


def value_sides(
    ctx: EventContext,
    facet: str,
    key: Callable[[Claim, list[FacetValue]], Iterable[tuple[str, list[FacetValue]]]] | None = None,
) -> list[SideBuilder]:
    """One side per value of `facet` in the event; `key` may regroup a claim's values
    (e.g. into one set-valued side per claim). Sides are ordered by value."""
    sides: dict[str, SideBuilder] = {}
    for claim in ctx.claims:
        values = getattr(claim.facets, facet)
        if not values:
            continue
        groups = key(claim, values) if key else ((v.value, [v]) for v in values)
        for value, support in groups:
            side = sides.setdefault(value, SideBuilder(value=value))
            for v in support:
                side.add(claim, v.span, v.text)
    return [sides[k] for k in sorted(sides)]


def set_sides(ctx: EventContext, facet: str | Callable[[Claim], list[FacetValue]],
              apart: frozenset[str] = frozenset(), allied: dict[str, list[str]] | None = None) -> list[SideBuilder]:
    """Sides of parties named together. Two values join when claims usually name them
    together ("the Saudi-American aggression"): at least half the claims of the rarer value
    also name the other, or when `allied` pairs them ("US-led coalition" with its leader).
    Values in `apart` ("unknown", "undetermined") never join. `facet` is a facet name or a
    function picking a claim's values."""
    pick = facet if callable(facet) else (lambda c: getattr(c.facets, facet))
    claims = [(c, pick(c)) for c in ctx.claims if pick(c)]
    sets = [{v.value for v in values} for _, values in claims]
    values = sorted({v for s in sets for v in s})
    count = {v: sum(1 for s in sets if v in s) for v in values}
    parent = {v: v for v in values}

    def find(v: str) -> str:
        while parent[v] != v:
            parent[v] = parent[parent[v]]
            v = parent[v]
        return v

    for i, a in enumerate(values):
        for b in values[i + 1 :]:
            if a in apart or b in apart:
                continue
            together = sum(1 for s in sets if a in s and b in s)
            pair = allied and (b in allied.get(a, ()) or a in allied.get(b, ()))
            if pair or (together and 2 * together >= min(count[a], count[b])):
                ra, rb = find(a), find(b)
                parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for v in values:
        groups.setdefault(find(v), []).append(v)
    sides = {root: SideBuilder(value=" + ".join(members)) for root, members in groups.items()}
    for claim, vals in claims:
        for v in vals:
            sides[find(v.value)].add(claim, v.span, v.text)
    return sorted(sides.values(), key=lambda s: s.value)
