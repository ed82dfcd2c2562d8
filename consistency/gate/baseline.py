"""The baseline: discrepancies a team has reviewed, recorded by fingerprint.

`consistency baseline CORPUS -o FILE` writes one; `consistency check --baseline FILE` fails
only on findings whose fingerprint is not in it. The file is JSON, sorted and free of
timestamps so that it diffs well in review; a reviewer may add a `reason` to any entry, and
rewriting the baseline keeps the reasons of entries that still occur.

    {"version": 1, "entries": [{"fingerprint": "…", "kind": "casualty_count",
      "subject": "killed", "event_date": "2024-01-04", "summary": "…",
      "sides": [{"value": "2", "documents": ["ap-1"]}, …], "reason": null}]}
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from consistency import __version__
from consistency.errors import InputError
from consistency.gate.fingerprint import fingerprints
from consistency.models import Report

BASELINE_VERSION = 1


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class BaselineSide(_Strict):
    value: str
    documents: list[str]


class BaselineEntry(_Strict):
    fingerprint: str
    kind: str
    subject: str
    event_date: str | None = None
    summary: str = ""
    sides: list[BaselineSide] = Field(default_factory=list)
    reason: str | None = None  # a reviewer's note on why this discrepancy is accepted


class Baseline(_Strict):
    version: int = BASELINE_VERSION
    tool: str = f"consistency {__version__}"
    entries: list[BaselineEntry] = Field(default_factory=list)

    def fingerprints(self) -> set[str]:
        return {entry.fingerprint for entry in self.entries}

    def to_json(self) -> str:
        data = self.model_dump(mode="json")
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def make_baseline(report: Report, previous: Baseline | None = None) -> Baseline:
    """A baseline of every discrepancy in `report`, keeping `previous` reasons where they apply."""
    reasons = {e.fingerprint: e.reason for e in previous.entries if e.reason} if previous else {}
    events = {event.id: event for event in report.events}
    fps = fingerprints(report)
    entries: dict[str, BaselineEntry] = {}
    for d in report.discrepancies:
        fp = fps[d.id]
        event = events.get(d.event_id)
        sides = sorted(
            (BaselineSide(value=s.value, documents=sorted(set(s.document_ids))) for s in d.sides),
            key=lambda side: (side.value, side.documents),
        )
        entries.setdefault(
            fp,
            BaselineEntry(
                fingerprint=fp,
                kind=d.kind,
                subject=d.subject,
                event_date=event.date if event is not None else None,
                summary=d.summary,
                sides=sides,
                reason=reasons.get(fp),
            ),
        )
    ordered = sorted(entries.values(), key=lambda e: (e.kind, e.subject, e.fingerprint))
    return Baseline(entries=ordered)


def load_baseline(path: str | Path) -> Baseline:
    """Read a baseline file; InputError naming the file (and entry) when it is not one."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(str(path), "baseline file not found (write one with `consistency baseline`)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"baseline file cannot be read ({exc})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(str(path), f"baseline is not valid JSON: {exc.msg}", line=exc.lineno) from None
    if not isinstance(data, dict) or "entries" not in data:
        raise InputError(str(path), "not a baseline file: expected a JSON object with 'version' and 'entries'")
    if data.get("version") != BASELINE_VERSION:
        raise InputError(str(path), f"unsupported baseline version {data.get('version')!r} (expected {BASELINE_VERSION})")
    try:
        return Baseline.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"])
        raise InputError(str(path), f"invalid baseline at {where}: {error['msg']}") from None
