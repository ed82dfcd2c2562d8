"""justification: one side justifies or excuses the act, another condemns it.

An excuse is an account that clears the act of a crime: it was justified (self-defence, a
lawful strike on military targets, in line with international humanitarian law) or a mistake
("a tragic mistake", "incorrect information", "خطأ مأساوي"). A provocation staged by the other
side is left to who is blamed (responsibility), not framed here.

Flags:      "necessary and proportionate self-defense" (Pentagon) vs "unjustified attack",
            "اعتداء سافر" (Iraqi government); "a tragic mistake" (White House) vs "a war crime"
            (the charity); "strikes only at military targets" vs "a war crime".
Must not:   two condemnations in different words; a justification of a different, earlier
            strike (events keep it apart); a party that excuses its act and condemns its enemy
            ("struck terrorist positions" and "blamed terrorist groups": people, not a frame).
"""

from __future__ import annotations

from consistency.compare.categorical import value_sides
from consistency.compare.sides import EventContext, make, sides_conflict, who
from consistency.models import Discrepancy

KIND = "justification"
_WORDING = {
    "justified": "justified (self-defence, necessary, proportionate)",
    "accidental": "a mistake or accident",
    "condemned": "condemned as unjustified",
    "provocation": "a provocation staged by the other side",
}
_EXCUSES = ("justified", "accidental")


def detect(ctx: EventContext) -> list[Discrepancy]:
    by_value = {s.value: s for s in value_sides(ctx, "justification")}
    c = by_value.get("condemned")
    excuses = [by_value[v] for v in _EXCUSES if v in by_value]
    if c is None or not excuses:
        return []
    # A party that defends its act and condemns its enemy in other words is on one side only.
    defenders = {a for s in excuses for a in s.actor_ids}
    c.claims = [cl for cl in c.claims if cl.actor_id not in defenders]
    c.quotes = type(c.quotes)((k, q) for k, q in c.quotes.items() if q.claim_id in {cl.id for cl in c.claims})
    sides = [c, *excuses]
    if not c.claims or not sides_conflict(sides):
        return []
    framed = " and ".join(f"{_WORDING[s.value]} by {who(ctx, s, 2)}" for s in excuses)
    summary = f"The act is framed as {framed} but condemned as unjustified by {who(ctx, c, 2)}."
    for s in sides:
        s.value = _WORDING[s.value]
    return [make(KIND, "framing", "medium", ctx, sides, summary)]
