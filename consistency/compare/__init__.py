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
from consistency.compare.sides import EventContext

DETECTORS = {
    m.KIND: m.detect
    for m in (casualty_count, count, perpetrator, responsibility, justification, target, identity, denial, location)
}

__all__ = ["DETECTORS", "EventContext"]
