"""Stable fingerprints of discrepancies, so a reviewed finding is recognised run after run.

A fingerprint is the sha256 of what the finding *is*: its kind, its subject, when it
happened, and the set of its sides, each side as (value, sorted document ids). It leaves out
everything that moves when nothing changed: list positions, claim ids, discrepancy and event
ids, file names and the order documents were read in.

"When" is the earliest publication date among the finding's own documents, not the event's
id, date or document list: those depend on every document of the event, so one document
added to the event (an agreeing one, or an earlier report found later) would change every
fingerprint of the event and bury the one new finding under stale entries. Documents are
partitioned between events, so a finding's documents already tell its event apart.

    fingerprint(discrepancy, {"ap-1": "2024-01-04", ...})   # 64 hex digits; short() gives 12
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping

from consistency.models import Discrepancy, Report

FINGERPRINT_VERSION = "1"


def side_key(value: str, document_ids: list[str]) -> tuple[str, tuple[str, ...]]:
    """A side as compared: the value with case and spacing folded, its sorted document ids."""
    return (" ".join(value.split()).casefold(), tuple(sorted(set(document_ids))))


def fingerprint(discrepancy: Discrepancy, dates: Mapping[str, str | None] | None = None) -> str:
    """The sha256 hex fingerprint of `discrepancy`; `dates` maps document ids to their dates."""
    sides = sorted(side_key(side.value, side.document_ids) for side in discrepancy.sides)
    dates = dates or {}
    known = [dates[doc] for side in discrepancy.sides for doc in side.document_ids if dates.get(doc)]
    payload = [
        FINGERPRINT_VERSION,
        discrepancy.kind,
        discrepancy.subject,
        min(known) if known else "",
        [[value, list(documents)] for value, documents in sides],
    ]
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def fingerprints(report: Report) -> dict[str, str]:
    """Discrepancy id -> fingerprint, for every discrepancy of `report`."""
    dates = {document.id: document.date for document in report.documents}
    return {d.id: fingerprint(d, dates) for d in report.discrepancies}


def short(fp: str) -> str:
    """The first 12 hex digits: enough to tell findings apart in a log or an ignore."""
    return fp[:12]
