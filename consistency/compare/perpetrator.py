"""perpetrator: sources name different authors or causes of the act, or one leaves it unknown.

Flags:      "an unidentified drone" (Iraqi security source) vs "a U.S. strike" (Pentagon);
            "killed by Israeli fire" vs "died in a stampede";
            "the explosion was an accident" vs "the blast looked like an attack" (a cause dispute);
            "government warplanes dropped poison gas" vs "an air strike hit a rebel depot holding
            chemical munitions" / "مستودع ... يحتوي على أسلحة كيميائية" (the release came from the
            other side's store: the striker that claim names is no rival value);
            "soldiers opened fire on the car" vs "armed Palestinians firing wildly were responsible",
            "مسلحون فلسطينيون أطلقوا النار عشوائيًا" (a shooting: gunmen named by their people).
Must not:   "American drone" vs "U.S. strike" (the same agent); "attacks on U.S. forces"
            (the US is the target there, not the perpetrator); "the missile, fired by the
            Houthis" from a coalition that calls its strike "a legitimate military action" (the
            act it answered, not a rival account); "the Saudi-American aggression"
            vs "a Saudi-led coalition strike" (parties named together side together);
            "coalition forces" vs "U.S. forces" (a coalition sides with its leader);
            "no American forces took part", "the Russian air force carried out no strikes in the
            area", "لم ينفذ أي غارات" (a negated part names no perpetrator); "the attack was
            a pretext for the US strike on the base", "ذريعة للضربة الأمريكية" (the party of the act
            the incident is said to have served as a pretext for did another act); "troops came
            under fire from Palestinian gunmen and returned fire", "تبادلوا إطلاق النار مع مسلحين"
            (the troops' opponent, not by that the shooter), "the Ukrainian airliner was shot down"
            (what was hit).
"""

from __future__ import annotations

from consistency.compare.categorical import set_sides
from consistency.compare.justification import exchange_frame
from consistency.compare.selfclaims import accusing, own_parties
from consistency.compare.sides import EventContext, SideBuilder, make, sides_conflict, who
from consistency.extract.lexicon import facet_table, matcher
from consistency.models import Discrepancy

KIND = "perpetrator"
_EXCUSES = ("justified", "accidental")


def disputed(ctx: EventContext) -> list[SideBuilder]:
    """The sides of the event's perpetrator dispute, or [] when there is none."""
    sides = set_sides(ctx, _named_by(ctx), frozenset({"unknown"}), facet_table("en").get("agent_leaders", {}))
    # A party that only owns up to its own part is no rival account of who did it.
    sides = [s for s in sides if s.value == "unknown" or accusing(ctx, s, set(s.value.split(" + ")))]
    return sides if sides_conflict(sides) else []


def _named_by(ctx: EventContext):
    """A speaker who justifies or excuses the act ("a legitimate military action", "a tragic
    mistake") owns it: the other parties it names as doers fired what the act answered ("the
    missile, fired by the Houthis, killed one resident"), no rival account of who did this.
    Its own party, causes ("secondary explosion") and "unknown" are kept. Returns the picker of
    a claim's perpetrator values for `set_sides`."""
    # (not one that only tells of an exchange of fire: "came under fire from gunmen and fired
    # back" owns no act, and the gunmen it fought may be its account of who hit the victims)
    owners = {c.actor_id for c in ctx.claims
              if any(v.value in _EXCUSES and not exchange_frame(ctx, c, v) for v in c.facets.justification)}
    parties = set(facet_table("en").get("perpetrator_agents", {}))

    def pick(claim):
        values = _of_this_act(ctx, claim, claim.facets.perpetrator, parties)
        if claim.actor_id not in owners:
            return values
        own = own_parties(ctx, claim)
        return [v for v in values if v.value not in parties or v.value in own]

    return pick


_LATER_ACT_WINDOW = 6  # words between "a pretext for" and the party named as doing that act
_NEGATION_WINDOW = 3  # words between a negation and the store it negates ("no depot holding ...")
_NEGATED_ACT_WINDOW = 6  # words between a party and "no strikes" after its verb


def _of_this_act(ctx: EventContext, claim, values, parties: set[str]):
    """The claim's perpetrator values that are about this act:
    - a party named just after "a pretext for" / "ذريعة ل" did the act the incident served as a
      pretext for, another act ("a fabrication used as a pretext for the US air strike");
    - a party followed in its clause by "no strikes" / "لم ينفذ أي غارات" is said not to have acted;
    - a claim that says the strike set off what the other side kept there ("hit a rebel depot
      holding chemical munitions", "a secondary explosion of stored ammunition") gives that as
      the cause: the striker it names is no rival perpetrator (unless the store is negated:
      "there was no depot holding chemical weapons", which names no store)."""
    if not values:
        return values
    doc = ctx.text(claim.document_id)
    lang = "ar" if doc.language == "ar" else "en"
    a, b = doc.norm_span(*claim.span)
    seg = doc.norm[a:b]
    later = matcher(lang, "perpetrator_later_act", "words").finditer(seg)
    negs = matcher(lang, "negations", "words").finditer(seg)

    def before(hits, value, window: int) -> bool:
        start = doc.to_norm(value.span[0]) - a
        return any(h.end <= start and len(seg[h.end:start].split()) <= window
                   and not any(ch in ",،;:.؛" for ch in seg[h.end:start]) for h in hits)

    def after(hits, value, window: int) -> bool:
        end = doc.to_norm(value.span[1]) - a
        return any(h.start >= end and len(seg[end:h.start].split()) <= window
                   and not any(ch in ",،;:.؛" for ch in seg[end:h.start]) for h in hits)

    values = [v for v in values if v.value not in parties or not before(later, v, _LATER_ACT_WINDOW)]
    # "the Russian Aerospace Forces had carried out no strikes in the area": the act after the
    # party's verb is negated, so the party is said not to have done it
    refused = matcher(lang, "perpetrator_negated_act", "words").finditer(seg)
    values = [v for v in values if v.value not in parties or not after(refused, v, _NEGATED_ACT_WINDOW)]
    stores = set(facet_table(lang).get("perpetrator_struck_store", {}).get("mechanisms", []))
    set_off = [v for v in values if v.value in stores and not before(negs, v, _NEGATION_WINDOW)]
    if set_off:
        values = [v for v in values if v.value not in parties and (v.value not in stores or v in set_off)]
    return values


def detect(ctx: EventContext) -> list[Discrepancy]:
    sides = disputed(ctx)
    if not sides:
        return []
    named = [s for s in sides if s.value != "unknown"]
    unknown = next((s for s in sides if s.value == "unknown"), None)
    if unknown is not None and named:
        names = ", ".join(f"{s.value} ({who(ctx, s, 2)})" for s in named)
        summary = f"The perpetrator is left unknown by {who(ctx, unknown, 2)}, while others name them: {names}."
    else:
        summary = "Sources attribute the act to different perpetrators or causes: " + "; ".join(
            f"{s.value} ({who(ctx, s, 2)})" for s in sides
        ) + "."
    return [make(KIND, "perpetrator", "high", ctx, sides, summary)]
