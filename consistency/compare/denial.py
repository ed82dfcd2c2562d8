"""denial: a source denies what another affirms.

Flags:      "struck no infrastructure or facilities" (Pentagon) vs "the strike hit a
            headquarters" (Iraqi police); "knew of no shelling" vs "shelling of the queues".
            "the recording is fabricated" (Hamas) vs "released an intercepted call" (the army);
            "denied that it kept weapons at the port" vs "critics said Hezbollah kept weapons at
            the port" (compare/allegations.py) or "..., which the group denies".
            "access had not been granted" (the Red Cross) vs "the ministry invited UN experts
            to visit the site"; "it is not a guarantor" vs "they left under guarantees from it";
            "denied that its commanders had asked for the hall to be struck" vs "a party affiliated
            with the general staff supplied the target and insisted on an immediate strike".
            "the army denied shelling the central market" vs "shells hit the central market"
            (extract/places.py), one finding where the same accusers name two denying parties
            (compare/codenials.py). "there were no gunmen or clashes in the area", "لم تكن هناك أي
            اشتباكات" vs "troops came under fire from gunmen and fired back", "تبادلوا إطلاق النار
            مع مسلحين" (topic "firefight").
Must not:   a denial nobody contradicts ("no civilians were harmed" where no source says
            civilians were harmed); Israel's denial answered by blame on Hezbollah (each
            party's denial of its own part is its own side); "They fabricated the story,"
            Assad said vs "President Bashar al-Assad said the US strike ..." (one speaker);
            "denied any role in the attack on the market" vs "a missile hit the market" (the
            attack is granted).
"""

from __future__ import annotations

import re

from consistency.compare.allegations import alleging, answered, document_frequency
from consistency.compare.codenials import admissions, co_accused, denier_parties
from consistency.compare.selfclaims import own_parties
from consistency.compare.sides import EventContext, SideBuilder, make, sides_conflict, who
from consistency.extract.lexicon import facet_table
from consistency.extract.places import attacks_on
from consistency.extract.targets import evidence_mentions, mentions, rebuttals
from consistency.models import Claim, Discrepancy

KIND = "denial"
_WORDING = {
    "facility": ("no building or facility was hit", "a building or facility was hit"),
    "civilians_harmed": ("no civilians were harmed", "civilians were harmed"),
    "fire_on_crowd": ("troops did not fire on the crowd or convoy", "troops fired on the crowd"),
    "shelling": ("there was no shelling or strike", "the site was shelled or struck"),
    "involvement": ("the party denies involvement", "the party carried it out"),
    "evidence": ("the evidence presented is fabricated", "the evidence (recording, footage, documents) is presented as genuine"),
    "warned": ("no warning or call to leave was given", "residents were warned or told to evacuate"),
    "figures": ("the party issued no such figure", "the figure is given as the party's"),
    "access": ("access was not granted", "access was offered or granted"),
    "guarantee": ("the party guaranteed nothing", "the party guaranteed the deal or the people's safety"),
    "explosives": ("there were no explosives", "explosives were present (secondary explosions, explosive material)"),
    "firefight": ("there were no gunmen and no exchange of fire where the people were hit",
                  "troops fought gunmen there (an exchange of fire, active combat)"),
    "instigation": ("the party did not ask for the strike or supply its target",
                    "the party asked for the strike or supplied its target"),
}


def _affirmers(ctx: EventContext, topic: str, side: SideBuilder, deniers: SideBuilder | None = None) -> None:
    wants = facet_table("en")["denial_affirmatives"].get(topic, [])
    if "perpetrator_self" in wants and deniers is not None:
        mine = denier_parties(ctx, deniers)
        for claim in ctx.claims:
            if claim.facets.denial:
                continue
            for v in claim.facets.perpetrator:
                if v.value in mine:
                    side.add(claim, v.span, v.text)
    if deniers is not None and topic == "involvement":
        _struck_places(ctx, side, deniers)
    if deniers is not None:
        # "..., which the party denied": the claim affirms what that party denies.
        parties = denier_parties(ctx, deniers)
        for claim in ctx.claims:
            if claim.facets.denial or claim.actor_id in set(deniers.actor_ids):
                continue
            for v, who_denies in rebuttals(ctx.text(claim.document_id), claim.span):
                if who_denies & parties:
                    side.add(claim, v.span, v.text)
        if "perpetrator_self" in wants:
            # "critics said the group kept weapons at the port" vs "denied that it stored weapons there"
            df = document_frequency(ctx)
            for claim in deniers.claims:
                for v in claim.facets.denial:
                    if _topic(ctx, claim, v) != topic:
                        continue
                    if v.value == "struck_place":
                        # its span runs to the place it names: what it denies is all after the verb
                        # (unless another denial of the clause says where that starts), and it
                        # points at no claim before it
                        if any(w.value != "struck_place" and _topic(ctx, claim, w) == topic for w in claim.facets.denial):
                            continue
                        v = v.model_copy(update={"span": (v.span[0], v.span[0])})
                    for other in alleging(ctx, (claim, v), parties, df):
                        side.add(other, other.span, other.text)
                    prev = answered(ctx, (claim, v)) if v.span[0] < v.span[1] else None
                    if prev is not None:
                        side.add(prev, prev.span, prev.text)
    for claim in ctx.claims:
        if claim.facets.denial:
            continue
        for want in wants:
            kind, _, value = want.partition(":")
            if kind == "target":
                for v in claim.facets.target:
                    if v.value == value:
                        side.add(claim, v.span, v.text)
            elif kind == "perpetrator_fire":
                for v in claim.facets.perpetrator:
                    if v.value not in ("unknown", "crowd crush", "misfired rocket"):
                        if mentions(ctx.text(claim.document_id), claim.span, "fire_words"):
                            side.add(claim, v.span, v.text)
            elif kind == "evidence":
                for v in evidence_mentions(ctx.text(claim.document_id), claim.span):
                    side.add(claim, v.span, v.text)
            elif kind == "shelling":
                for v in mentions(ctx.text(claim.document_id), claim.span, "shelling"):
                    side.add(claim, v.span, v.text)
            elif kind == "same_figure" and deniers is not None:
                # "denied issuing a toll of 11,300" against claims that give 11,300
                # ("had given the 11,300 figure": the number itself, whatever it counts here)
                denied = {(d.low, d.high) for c in deniers.claims for d in c.facets.counts if d.low}
                doc = ctx.text(claim.document_id)
                for m in doc.numbers:
                    if m.kind == "count" and claim.span[0] <= m.start and m.end <= claim.span[1] \
                            and (m.low, m.high) in denied:
                        side.add(claim, (m.start, m.end), m.text)
            elif kind == "warnings":
                for v in mentions(ctx.text(claim.document_id), claim.span, "warnings"):
                    side.add(claim, v.span, v.text)
            elif kind == "mentions":  # a word list of its own ("mentions:access_given")
                for v in mentions(ctx.text(claim.document_id), claim.span, value):
                    side.add(claim, v.span, v.text)


def _struck_places(ctx: EventContext, side: SideBuilder, deniers: SideBuilder) -> None:
    """"denied striking the market" against "a shell hit the market": reports of an attack on a
    place the deniers say they did not strike."""
    places = sorted({(v.about, ctx.documents[c.document_id].language) for c in deniers.claims
                     for v in c.facets.denial if v.value == "struck_place" and v.about})
    if not places:
        return
    for claim in ctx.claims:
        if not claim.facets.denial:
            for v in attacks_on(ctx.text(claim.document_id), claim.span, places):
                side.add(claim, v.span, v.text)


def _wording(topic: str, values: list) -> tuple[str, str]:
    """What each side says; a party denying only that it struck a place is answered by an
    attack on that place ("did not strike the market" / "an attack hit the market")."""
    if topic == "involvement" and values and all(v.value == "struck_place" and v.about for v in values):
        return f"the party did not strike {values[0].about}", f"an attack hit {values[0].about}"
    return _WORDING.get(topic, (f"denies {topic}", f"affirms {topic}"))


_NAME_STOP = frozenset({"the", "a", "an", "of", "al", "el", "and"})


def _name_words(text: str | None) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"\w+", (text or "").lower()) if w not in _NAME_STOP)


def _is_name(text: str) -> bool:
    """A proper name, not a bare role ("the army"): a capitalised word, or Arabic of two words."""
    words = [w for w in re.findall(r"\w+", text) if w.lower() not in _NAME_STOP]
    if any("\u0600" <= ch <= "\u06ff" for ch in text):
        return len(words) >= 2
    return any(w[:1].isupper() for w in words)


def _same_speaker(ctx: EventContext, a: Claim, b: Claim) -> bool:
    """"Assad" and "Syrian President Bashar al-Assad" in one report are one speaker, even where
    they were resolved to two actors: the shorter name is a proper name whose words are all in
    the other's ("the army" and "the Lebanese army" may be two). A speaker does not contradict
    his own denial."""
    if a.document_id != b.document_id:
        return False
    for x in (a.speaker, ctx.actor_name(a)):
        for y in (b.speaker, ctx.actor_name(b)):
            wx, wy = _name_words(x), _name_words(y)
            if not (wx and wy):
                continue
            short, long_ = (x, wy) if len(wx) <= len(wy) else (y, wx)
            if _name_words(short) <= long_ and _is_name(short):
                return True
    return False


def _topic(ctx: EventContext, claim: Claim, value) -> str:
    """What a denial denies. A party denying that its own forces shelled ("the ministry said
    Russian aircraft bombed no targets in the city", "نفت الأركان أن تكون قواتها قد قصفت")
    denies its part, not that there was shelling: others' shelling does not answer it."""
    if value.value == "struck_place":
        return "involvement"  # "denied striking the market": the party's part in the act there
    if value.value != "shelling":
        return value.value
    from consistency.extract.frames import agents

    mine = own_parties(ctx, claim)
    if mine and mine & {h.label for h in agents(ctx.text(claim.document_id), claim.span)}:
        return "involvement"
    return value.value


def _denying_sides(ctx: EventContext, topics: list[str]) -> list[tuple[str, SideBuilder, str]]:
    """One side per topic; a party's denial of its own part ("involvement") is one side per
    denying party, so that Israel's denial and Hezbollah's are not one voice."""
    order = {c.id: i for i, c in enumerate(ctx.claims)}
    out = []
    for topic in topics:
        deny = _WORDING.get(topic, (f"denies {topic}", f"affirms {topic}"))[0]
        by_party = "perpetrator_self" in facet_table("en")["denial_affirmatives"].get(topic, [])
        groups: list[tuple[set[str], list]] = []  # parties, (claim, value) pairs
        for claim in ctx.claims:
            for v in claim.facets.denial:
                if _topic(ctx, claim, v) != topic:
                    continue
                probe = SideBuilder(value=deny)
                probe.add(claim, v.span, v.text)
                parties = denier_parties(ctx, probe) if by_party else set()
                # a claim joins (and bridges) every group sharing a party with it
                hit = [g for g in groups if not by_party or g[0] & parties or not (g[0] or parties)]
                merged = (set(parties).union(*(g[0] for g in hit)), [x for g in hit for x in g[1]] + [(claim, v)])
                groups = [g for g in groups if g not in hit] + [merged]
        for _, members in sorted(groups, key=lambda g: (sorted(g[0]), g[1][0][0].id)):
            deny, affirm = _wording(topic, [v for _, v in members])
            side = SideBuilder(value=deny)
            for claim, v in sorted(members, key=lambda m: order[m[0].id]):
                side.add(claim, v.span, v.text)
            out.append((topic, side, affirm))
    return out


def detect(ctx: EventContext) -> list[Discrepancy]:
    found: dict[str, list[tuple[SideBuilder, SideBuilder]]] = {}
    topics = sorted({_topic(ctx, c, v) for c in ctx.claims for v in c.facets.denial})
    for topic, no, affirm in _denying_sides(ctx, topics):
        yes = SideBuilder(value=affirm)
        _affirmers(ctx, topic, yes, no)
        yes.claims = [c for c in yes.claims if c.actor_id not in set(no.actor_ids)
                      and not any(_same_speaker(ctx, c, d) for d in no.claims)]
        if not yes.claims:
            continue
        yes.quotes = type(yes.quotes)((k, q) for k, q in yes.quotes.items() if q.claim_id in {c.id for c in yes.claims})
        found.setdefault(topic, []).append((no, yes))
    out = []
    for topic, pairs in found.items():
        for no, yes in co_accused(ctx, pairs):
            values = [v for c in no.claims for v in c.facets.denial if _topic(ctx, c, v) == topic]
            no.value, yes.value = _wording(topic, values)
            if topic == "involvement":
                admissions(ctx, no, yes)
            if not sides_conflict([no, yes]):
                continue
            summary = f"{who(ctx, no, 2)} say {no.value}, while {who(ctx, yes, 2)} say {yes.value}."
            out.append(make(KIND, topic, "medium", ctx, [no, yes], summary))
    return out
