"""One dispute, one finding across kinds: where two kinds read one question, a finding whose
sides are the other kind's finding's sides is not reported twice.

    kept:     denial / explosives   "no explosives; the later fire was a propane tank" vs
                                     "secondary explosions showed explosive material" (A, B / C, D, E)
    dropped:  identity / material   "a gas tank" (A) vs "explosive material" (C, D)
    both kept: perpetrator and responsibility on the same claims ("an American strike" is who
              did it and who is blamed: two questions an analyst files apart).

The kinds that read one question are listed in `SAME_QUESTION`. A finding of the first is
dropped when each of its sides draws its documents from a different side of a finding of the
second in the same event and at least one side quotes a claim of that side.
"""

from __future__ import annotations

from consistency.models import Discrepancy

# (kind, subject) -> the (kind, subject) findings that already report its dispute: what
# exploded is whether there were explosives.
SAME_QUESTION = {("identity", "material"): {("denial", "explosives")}}


def _within(small: Discrepancy, big: Discrepancy) -> bool:
    if small.event_id != big.event_id or len(small.sides) > len(big.sides):
        return False
    used: set[int] = set()
    shared = False
    for side in small.sides:
        docs = set(side.document_ids)
        match = next((j for j, other in enumerate(big.sides)
                      if j not in used and docs <= set(other.document_ids)), None)
        if match is None:
            return False
        used.add(match)
        shared = shared or bool(set(side.claim_ids) & set(big.sides[match].claim_ids))
    return shared


def one_per_dispute(found: list[Discrepancy]) -> list[Discrepancy]:
    """`found` without the findings another kind's finding already reports (order kept)."""
    def covered(d: Discrepancy) -> bool:
        wider = SAME_QUESTION.get((d.kind, d.subject), set())
        return any((o.kind, o.subject) in wider and _within(d, o) for o in found)

    return [d for d in found if not covered(d)]
