"""justification: one side justifies, excuses or disowns the act, another condemns it.

An excuse is an account that clears the act of a crime: it was justified (self-defence, a
lawful strike on military targets, in line with international humanitarian law) or a mistake
("a tragic mistake", "incorrect information", "خطأ مأساوي"). A provocation ("a bloody
provocation", "استفزاز دموي", "مسرحية") frames the act as staged by the other side, against
those who call it a crime; a provocation that names who staged it ("staged by the Kyiv regime",
"دبّره الجانب الأوكراني") is blame, left to responsibility.

Flags:      "necessary and proportionate self-defense" (Pentagon) vs "unjustified attack",
            "اعتداء سافر" (Iraqi government); "a tragic mistake" (White House) vs "a war crime"
            (the charity); "strikes only at military targets" vs "a war crime"; "a bloody
            provocation" (a defence ministry) vs "a deliberate war crime" (the other side);
            "shot her in cold blood", "بدم بارد" vs "any claim that soldiers intentionally harm
            journalists is a lie", "قتلت خلال وضع قتالي نشط" (not deliberate: extract/intent.py).
Must not:   two condemnations in different words; a justification of a different, earlier
            strike (events keep it apart); a party that excuses its act and condemns its enemy
            ("struck terrorist positions" and "blamed terrorist groups": people, not a frame);
            a party that calls the act a provocation and condemns its enemy's crimes; "troops came
            under fire and returned fire" from a party that does not say its fire did it (an
            exchange of fire, compare/denial.py "firefight"); "not terrorism", "not stray bullets".
"""

from __future__ import annotations

from consistency.compare.categorical import value_sides
from consistency.compare.selfclaims import own_parties
from consistency.compare.sides import EventContext, make, sides_conflict, who
from consistency.extract.lexicon import matcher
from consistency.models import Claim, Discrepancy, FacetValue
from consistency.text.normalize import normalize

KIND = "justification"
_WORDING = {
    "justified": "justified (self-defence, necessary, proportionate)",
    "accidental": "a mistake or accident",
    "condemned": "condemned as unjustified",
    "provocation": "a provocation staged by the other side",
    "unintended": "not deliberate (no intent, hit in an exchange of fire or by a stray round)",
}
_EXCUSES = ("justified", "accidental", "unintended")
_DISOWNED = ("provocation",)


def detect(ctx: EventContext) -> list[Discrepancy]:
    by_value = {s.value: s for s in value_sides(ctx, "justification", _framing(ctx))}
    c = by_value.get("condemned")
    excuses = [by_value[v] for v in _EXCUSES if v in by_value]
    disowned = [by_value[v] for v in _DISOWNED if v in by_value]
    if c is None or not (excuses or disowned):
        return []
    # A party that defends its act, or calls it its enemy's provocation, and condemns its
    # enemy in other words is on one side only.
    defenders = {a for s in excuses + disowned for a in s.actor_ids}
    provokers = {p for s in disowned for cl in s.claims for p in own_parties(ctx, cl)}
    # ... and so is a crime pinned on the party the provocation is blamed on ("جرائم نظام كييف")
    staged_by = {v.value for s in disowned for cl in s.claims for v in cl.facets.responsibility}
    c.claims = [cl for cl in c.claims if cl.actor_id not in defenders and not own_parties(ctx, cl) & provokers
                and not any(v.about in staged_by for v in cl.facets.justification if v.about)]
    c.quotes = type(c.quotes)((k, q) for k, q in c.quotes.items() if q.claim_id in {cl.id for cl in c.claims})
    sides = [c, *excuses, *disowned]
    if not c.claims or not sides_conflict(sides):
        return []
    framed = " and ".join(f"{_WORDING[s.value]} by {who(ctx, s, 2)}" for s in excuses + disowned)
    summary = f"The act is framed as {framed} but condemned as unjustified by {who(ctx, c, 2)}."
    for s in sides:
        s.value = _WORDING[s.value]
    return [make(KIND, "framing", "medium", ctx, sides, summary)]


def _framing(ctx: EventContext):
    """A claim's frames, one side each; a provocation pinned on a party is blame, not a frame.
    "Troops came under fire and returned fire" justifies the act only from a party that says it
    did it: otherwise it tells of an exchange of fire (compare/denial.py, topic "firefight") by a
    party that points at the gunmen it fought."""
    doers = _self_named(ctx)

    def framing(claim: Claim, values: list[FacetValue]):
        return ((v.value, [v]) for v in values if not (v.value in _DISOWNED and v.about)
                and not (v.value == "justified" and exchange_frame(ctx, claim, v) and claim.actor_id not in doers))

    return framing


def _self_named(ctx: EventContext) -> set[str]:
    """Actors some of whose claims name their own party as the doer of the act."""
    return {c.actor_id for c in ctx.claims if own_parties(ctx, c) & {v.value for v in c.facets.perpetrator}}


def exchange_frame(ctx: EventContext, claim: Claim, value: FacetValue) -> bool:
    """The justification only tells of an exchange of fire ("troops came under fire", "returned fire")."""
    doc = ctx.text(claim.document_id)
    lang = "ar" if doc.language == "ar" else "en"
    return bool(matcher(lang, "perpetrator_exchange", "frames").finditer(normalize(value.text).text))
