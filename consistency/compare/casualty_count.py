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
_WORDING = {"gunshot": "of people shot (one party's fire, or gunshot wounds)",
            "children killed": "of children among the dead", "children injured": "of children among the wounded"}
SUBJECTS = {"killed", "injured", "missing", "detained", "gunshot", "children killed", "children injured"}


def _combined(figures: dict) -> list:
    """Combined figures ("under 100 casualties", "أكثر من ٢٠٠ شهيد وجريح"). One speaker's
    figure that another outlet renders as wounded or dead ("أقل من مائة إصابة") is the same
    combined figure, not a second claim."""
    combined = figures.pop("casualties", [])
    said = {(c.actor_id, k.low, k.high) for c, k in combined}
    for subject in ("killed", "injured"):
        keep = []
        for claim, count in figures.get(subject, []):
            if (claim.actor_id, count.low, count.high) in said:
                combined.append((claim, count))
            else:
                keep.append((claim, count))
        if subject in figures:
            figures[subject] = keep
    return combined


def detect(ctx: EventContext) -> list[Discrepancy]:
    """A combined figure caps the dead and the wounded (killed <= casualties), so only its
    upper bound says anything about them; it makes one finding, under the dead when it
    conflicts with their toll, else under the wounded."""
    figures = event_figures(ctx, SUBJECTS | {"casualties"})
    combined = [(c, k) for c, k in _combined(figures) if k.high is not None]
    used: set[tuple] = set()
    out = []
    for subject in sorted(figures, key=lambda s: (s != "killed", s)):
        items = list(figures[subject])
        if subject in ("killed", "injured") and items:
            caps = [(c, k.model_copy(update={"low": 0.0, "subject": subject})) for c, k in combined
                    if (c.id, k.span) not in used]
            items += caps
        sides = numeric_sides(items)
        if not sides_conflict(sides):
            continue
        used |= {key for s in sides for key in s.quotes}
        values = "; ".join(f"{s.value} ({who(ctx, s, 2)})" for s in sides)
        summary = f"Sources give incompatible numbers {_WORDING.get(subject, subject)}: {values}."
        severity = "high" if subject == "killed" else "medium"
        out.append(make(KIND, subject, severity, ctx, sides, summary))
    return sorted(out, key=lambda d: d.subject)
