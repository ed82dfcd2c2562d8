"""casualty_count: sources give incompatible numbers of people killed, injured, missing or detained.

Flags:      "two killed" (Pentagon) vs "three killed" (Al-Araby), same event.
Must not:   "at least two" vs "three" (compatible); "قتيلين" vs "2 dead" (the same figure);
            a ministry's 104 then 118 (a revision); a war-long toll vs this incident's toll.
"""

from __future__ import annotations

from consistency.compare.numeric import event_figures, numeric_sides
from consistency.compare.sides import EventContext, make, sides_conflict, who
from consistency.models import Discrepancy

KIND = "casualty_count"
SUBJECTS = {"killed", "injured", "missing", "detained"}


def _bounded_by_combined(figures: dict) -> dict:
    """A combined figure ("under 100 casualties", "أكثر من ٢٠٠ شهيد وجريح") caps the dead
    and the wounded: killed <= casualties. Only its upper bound says anything about them."""
    for claim, count in figures.pop("casualties", []):
        if count.high is None:
            continue
        cap = count.model_copy(update={"low": 0.0, "subject": "killed"})
        for subject in ("killed", "injured"):
            if subject in figures:
                figures[subject].append((claim, cap.model_copy(update={"subject": subject})))
    return figures


def detect(ctx: EventContext) -> list[Discrepancy]:
    out = []
    for subject, items in sorted(_bounded_by_combined(event_figures(ctx, SUBJECTS | {"casualties"})).items()):
        sides = numeric_sides(items)
        if not sides_conflict(sides):
            continue
        values = "; ".join(f"{s.value} ({who(ctx, s, 2)})" for s in sides)
        summary = f"Sources give incompatible numbers {subject}: {values}."
        severity = "high" if subject == "killed" else "medium"
        out.append(make(KIND, subject, severity, ctx, sides, summary))
    return out
