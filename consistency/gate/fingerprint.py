"""Stable fingerprints of discrepancies, so a reviewed finding is recognised run after run.

A fingerprint is the sha256 of what the finding *is*: its kind, its subject, the date of its
event, and the set of its sides, each side as (value, sorted document ids). It leaves out
everything that moves when nothing changed: list positions, claim ids, discrepancy and event
ids, file names and the order documents were read in.

The event enters by its date only. Its full document list would be more specific, but every
document added to an event (even one that agrees with everybody) would then change every
fingerprint of that event and bury the one new finding under stale entries.

    fingerprint(discrepancy, event)   # 64 hex digits; `short()` gives the 12 shown in logs
"""

from __future__ import annotations

import hashlib
import json

from consistency.models import Discrepancy, Event, Report

FINGERPRINT_VERSION = "1"


def side_key(value: str, document_ids: list[str]) -> tuple[str, tuple[str, ...]]:
    """A side as compared: the value with case and spacing folded, its sorted document ids."""
    return (" ".join(value.split()).casefold(), tuple(sorted(set(document_ids))))


def fingerprint(discrepancy: Discrepancy, event: Event | None = None) -> str:
    """The sha256 hex fingerprint of `discrepancy` (its `event` gives the event date)."""
    sides = sorted(side_key(side.value, side.document_ids) for side in discrepancy.sides)
    payload = [
        FINGERPRINT_VERSION,
        discrepancy.kind,
        discrepancy.subject,
        (event.date if event is not None else None) or "",
        [[value, list(documents)] for value, documents in sides],
    ]
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def fingerprints(report: Report) -> dict[str, str]:
    """Discrepancy id -> fingerprint, for every discrepancy of `report`."""
    events = {event.id: event for event in report.events}
    return {d.id: fingerprint(d, events.get(d.event_id)) for d in report.discrepancies}


def short(fp: str) -> str:
    """The first 12 hex digits: enough to tell findings apart in a log or an ignore."""
    return fp[:12]
