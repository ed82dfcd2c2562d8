"""Expectations: a corpus whose answers are known (gold.json) as a regression test of the checker.

`check --expect gold.json` fails when an expected discrepancy is missing, a trap (a
non-discrepancy) is flagged, or recall / precision fall below the given minimums. Scoring is
`consistency.evaluate.evaluate`, the same as `consistency eval`; this module only turns its
scores into pass/fail lines. The gold format is the shared corpora's FORMAT.md.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from consistency.errors import InputError
from consistency.models import Report

Scorer = Callable[[Report, dict], Any]


class Expectation(BaseModel):
    """One expectation checked: a gold discrepancy found, a trap left alone, a minimum score."""

    kind: Literal["discrepancy", "trap", "recall", "precision"]
    id: str | None = None  # the gold discrepancy or trap id
    passed: bool
    message: str


class Grade(BaseModel):
    """The scores that matter to the gate, and every expectation with its outcome."""

    recall: float | None
    precision: float | None
    expectations: list[Expectation]
    unmatched: list[str] = []  # ids of reported discrepancies that match no gold one

    @property
    def failures(self) -> list[Expectation]:
        return [e for e in self.expectations if not e.passed]


def load_gold(path: str | Path) -> dict:
    """Read a gold.json; InputError naming the file when it is not one."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise InputError(str(path), "expectations file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"expectations file cannot be read ({exc})") from None
    except json.JSONDecodeError as exc:
        raise InputError(str(path), f"expectations are not valid JSON: {exc.msg}", line=exc.lineno) from None
    if not isinstance(data, dict) or not isinstance(data.get("discrepancies"), list):
        raise InputError(str(path), "not a gold file: expected an object with a 'discrepancies' list")
    for n, item in enumerate(data["discrepancies"]):
        if not isinstance(item, dict) or not {"id", "kind", "sides"} <= item.keys():
            raise InputError(str(path), f"discrepancies[{n}] needs 'id', 'kind' and 'sides'")
    traps = data.get("non_discrepancies", [])
    if not isinstance(traps, list) or any(not isinstance(t, dict) or "id" not in t for t in traps):
        raise InputError(str(path), "'non_discrepancies' must be a list of objects with an 'id'")
    return data


def grade(
    report: Report,
    gold: dict,
    *,
    min_recall: float | None = None,
    min_precision: float | None = None,
    scorer: Scorer | None = None,
) -> Grade:
    """Score `report` against `gold` and list what falls short of the expectations."""
    if scorer is None:
        from consistency.evaluate import evaluate as scorer
    scores = scorer(report, gold)
    expected = {item["id"]: item for item in gold["discrepancies"]}
    traps = {item["id"]: item for item in gold.get("non_discrepancies", [])}
    missed, flagged = set(scores.missed), set(scores.traps_flagged)
    checked: list[Expectation] = []
    for gold_id, item in sorted(expected.items()):
        what = f"{item.get('kind', '?')}/{item.get('subject', '?')}"
        values = " vs ".join(_clip(str(side.get("value"))) for side in item.get("sides", []))
        if gold_id in missed:
            note = f": {item['note']}" if item.get("note") else ""
            message = f"expected discrepancy {gold_id} ({what}: {values}) was not found{note}"
        else:
            message = f"expected discrepancy {gold_id} ({what}: {values}) was found"
        checked.append(Expectation(kind="discrepancy", id=gold_id, passed=gold_id not in missed, message=message))
    for trap_id, item in sorted(traps.items()):
        why = f" ({item['why']})" if item.get("why") else ""
        verb = "was flagged as a discrepancy" if trap_id in flagged else "was not flagged"
        checked.append(Expectation(kind="trap", id=trap_id, passed=trap_id not in flagged, message=f"trap {trap_id} {verb}{why}"))
    recall, precision = _score(scores, "recall"), _score(scores, "precision")
    for name, value, minimum in (("recall", recall, min_recall), ("precision", precision, min_precision)):
        if minimum is None:
            continue
        shown = "undefined" if value is None else f"{value:.3f}"
        passed = value is not None and value >= minimum
        relation = "is at least" if passed else "is below"
        checked.append(Expectation(kind=name, passed=passed, message=f"{name} {shown} {relation} the minimum {minimum:.3f}"))
    unmatched = sorted(getattr(scores, "unmatched", None) or [])
    return Grade(recall=recall, precision=precision, expectations=checked, unmatched=unmatched)


def _clip(value: str, limit: int = 60) -> str:
    """Gold values can be whole sentences; a log line needs only enough to recognise them."""
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _score(scores: Any, name: str) -> float | None:
    value = getattr(scores, name)
    return None if value is None else float(value)
