"""Comparison: one detector per discrepancy kind, each in a module named after the kind."""

from __future__ import annotations

from consistency.compare import (
    casualty_count,
    count,
    denial,
    identity,
    justification,
    location,
    perpetrator,
    responsibility,
    target,
)
from consistency.compare.duplicates import one_per_dispute
from consistency.compare.sides import EventContext

DETECTORS = {
    m.KIND: m.detect
    for m in (casualty_count, count, perpetrator, responsibility, justification, target, identity, denial, location)
}

# Kinds also compared within a related (background) event: a denial is told with the report it
# answers ("tank shells hit tents in X ...; the army denied striking in X"), so the dispute of an
# incident reported in passing is whole where it is told, and a different incident's.
BACKGROUND_KINDS = ("denial",)


def compare_event(ctx: EventContext, kinds, related: tuple[EventContext, ...] = ()) -> list:
    """The discrepancies of a main event, and those of the background kinds within each of its
    related events (each finding names its own event)."""
    found = one_per_dispute([d for kind in kinds if kind in DETECTORS for d in DETECTORS[kind](ctx)])
    for other in related:
        found += [d for kind in kinds if kind in BACKGROUND_KINDS for d in DETECTORS[kind](other)]
    return found


__all__ = ["BACKGROUND_KINDS", "DETECTORS", "EventContext", "compare_event"]
