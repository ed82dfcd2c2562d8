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
