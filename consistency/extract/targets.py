"""What was hit and what is denied: target and denial facets.

A target category counts only after a targeting word in the same clause ("a strike on an
Iraqi security force", "استهدف مقرًا للحشد"), so a sentence that merely mentions civilians
gives no target. A denial is a negated topic from the lexicon ("no civilians were harmed",
"struck no infrastructure or facilities", "لم تُستهدف أي بنى تحتية أو منشآت").

    "the strike was carried out against an Iraqi leader suspected of attacks" -> target militant
    "an attack on an Iraqi security entity"                                  -> target state_security
    "it struck no infrastructure or facilities"                              -> denial facility
"""

from __future__ import annotations

import re

from consistency.extract.doctext import DocText
from consistency.extract.frames import _dedupe, _hits, _token_gap, _value
from consistency.extract.lexicon import facet_table
from consistency.extract import sites
from consistency.extract.places import denied_strikes
from consistency.models import FacetValue

_TARGET_WINDOW = 8


def targets(doc: DocText, span: tuple[int, int], denials: list[FacetValue]) -> list[FacetValue]:
    """Categories after a targeting word ("a strike on", "used as"), unless a negation stands
    between ("no evidence that soldiers were using the theatre as a base"), or before a passive
    one ("the hospital was hit", "المستشفى تعرض لقصف"); and phrases that
    say by themselves what was struck ("a civilian shelter", "strikes to cover their
    escape": those firing on the troops)."""
    if any(d.about != "target" for d in denials):
        return []  # "claims that the coalition targeted a prison are baseless" affirms no target
    idioms = _hits(doc, "target_contexts", span, "idioms") if doc.language == "ar" else []
    contexts = [c for c in _hits(doc, "target_contexts", span, "words")
                if not any(i.start <= c.start and c.end <= i.end for i in idioms)] + _aimed(doc, span)
    mistaken = _hits(doc, "target_contexts", span, "mistaken")
    agents = _hits(doc, "target_contexts", span, "agents")
    negations = _hits(doc, "negations", span, "words")
    passives = _hits(doc, "target_contexts", span, "passive")
    denied = [d.span for d in denials]
    out = [_value(doc, h, h.label) for h in _hits(doc, "target_free", span)]
    for h in _hits(doc, "target_categories", span):
        if h.label == "none":
            continue  # "a press conference", "the flight path": no target
        start, end = doc.to_orig(h.start, h.end)
        if any(a <= start and end <= b for a, b in denied):
            continue  # "struck no facilities" is a denial, not a target
        # a hostile object is only what the shooters took the target for ("mistook it for a cruise missile")
        words = mistaken if h.label == "hostile" else contexts
        near = [c for c in words if ((c.end <= h.start and _token_gap(doc, c.end, h.start) <= _TARGET_WINDOW)
                or c.start <= h.start < c.end) and not _agent(doc, agents, c, h)]
        if any(not _negated(doc, c, h, negations) for c in near) or (
                h.label != "hostile" and _passive(doc, h, passives, negations)):
            out.append(_value(doc, h, h.label))
    present = {v.value for v in out}
    for precise, broad in facet_table("en")["target_conflicts"].get("overrides", []):
        if precise in present:
            out = [v for v in out if v.value != broad]
    return _dedupe(out)


def _agent(doc: DocText, agents, context, hit) -> bool:
    """An agent word right after the targeting word: the category did it ("she was hit by
    gunmen firing", "قتل على يد مسلحين"), it was not aimed at ("a structure used by the
    commanders" still aims at them)."""
    return any(context.end <= a.start and _token_gap(doc, context.end, a.start) <= 1 and a.end <= hit.start
               and _token_gap(doc, a.end, hit.start) <= _AGENT_WORDS for a in agents)


_AGENT_WORDS = 3  # words between "by" and the category that names the agent ("by Palestinian gunmen")


_AIM_WINDOW = 6  # words from a fire word to the preposition naming what it was aimed at


def _aimed(doc: DocText, span: tuple[int, int]) -> list:
    """Prepositions that name what fire was aimed at, a few words after the fire word ("fired
    from inside a jeep at a gunman", "shot twice toward the crowd"), in the same clause."""
    preps = _hits(doc, "target_contexts", span, "aim_preps")
    if not preps:
        return []
    verbs = _hits(doc, "target_contexts", span, "aim_verbs")
    return [p for p in preps if any(v.end <= p.start and _token_gap(doc, v.end, p.start) <= _AIM_WINDOW
                                     and not any(ch in ",.;:،؛" for ch in doc.norm[v.end:p.start]) for v in verbs)]


_PASSIVE_WINDOW = 4  # words from the category to "was hit" ("the hospital itself was hit")


def _passive(doc: DocText, hit, passives, negations) -> bool:
    """The category is the subject of a passive targeting verb in the same clause ("the
    apartment block was hit", "المستشفى تعرض لقصف"), unless negated ("no civilians were hit")."""
    if any(n.end <= hit.start and _token_gap(doc, n.end, hit.start) <= 2 for n in negations):
        return False
    return any(p.start >= hit.end and _token_gap(doc, hit.end, p.start) <= _PASSIVE_WINDOW
               and not any(ch in ",.;،؛" for ch in doc.norm[hit.end:p.start]) for p in passives)


# Privative words ("غير المبرر", "without warning") qualify a word; they negate no clause.
_PRIVATIVE = frozenset({"غير", "without", "دون", "بدون"})


def _negated(doc: DocText, context, hit, negations) -> bool:
    """A negation shortly before the targeting word ("found no evidence that it was used as"),
    or between it and the category ("targeted non-military sites")."""
    for n in negations:
        if n.end > hit.start or _token_gap(doc, n.end, hit.start) > 12:
            continue
        if n.start >= context.start:
            return True
        if doc.norm[n.start:n.end] not in _PRIVATIVE and _token_gap(doc, n.end, context.start) <= 6:
            return True
    return False


def denials(doc: DocText, span: tuple[int, int], cue: tuple[int, int] | None = None) -> list[FacetValue]:
    """Denied topics of a clause; `cue` is the speaker's denying verb where it stands before the
    clause ("The army denied | striking the market", "نفى | الجيش أن يكون قد قصف السوق")."""
    fakes = _fake_evidence(doc, span)
    out = [_value(doc, h, h.label, subject=h.label) for h in _hits(doc, "denial", span)
           if not any(f.start < h.end and h.start < f.end for f in fakes)]
    out += [_value(doc, f, "evidence", subject="evidence") for f in fakes]
    verbs = _hits(doc, "denial_verbs", span, "words")
    for topic in _hits(doc, "denial_topics", span):
        if any(v.end <= topic.start and _token_gap(doc, v.end, topic.start) <= 10 for v in verbs):
            out.append(_value(doc, topic, topic.label, subject=topic.label))
    struck = denied_strikes(doc, (cue[0], span[1]) if cue is not None and cue[0] < span[0] else span)
    # after the speaker's own denying verb, the topics the clause names are what is denied
    named = denial_topics(doc, span) if cue is not None else []
    return _dedupe(_with_places(out + _untargeted(doc, span), struck, named))


# Topics a denial of striking a place says more precisely ("denied that it shelled the market").
_VAGUE = frozenset({"involvement", "shelling"})


def _with_places(found: list[FacetValue], places: list[FacetValue], named: list[FacetValue]) -> list[FacetValue]:
    """A place denied struck replaces the vague topics read inside it, and yields to any other
    topic it overlaps, found or `named` ("denied targeting civilians" is about civilians harmed)."""
    def inside(v, p) -> bool:
        return p.span[0] <= v.span[0] and v.span[1] <= p.span[1]

    def overlaps(v, p) -> bool:
        return v.span[0] < p.span[1] and p.span[0] < v.span[1]

    places = [p for p in places if not any(v.value not in _VAGUE and overlaps(v, p) for v in found + named)]
    return [v for v in found if not (v.value in _VAGUE and any(inside(v, p) for p in places))] + places


_UNTARGETED_WINDOW = 3  # words from the targeting word to the category it denies


def _untargeted(doc: DocText, span: tuple[int, int]) -> list[FacetValue]:
    """Categories a past negation says were not targeted ("did not target a school bus", "لم
    يستهدف حافلة مدرسية"): a denial of the category's topic, marked `about="target"` (the
    claim's other targets stand: "struck military targets and did not target a school bus")."""
    table = facet_table(doc.language if doc.language in ("ar", "en") else "en").get("denial_targets", {})
    negs = _hits(doc, "denial_targets", span, "negations")
    if not negs:
        return []
    contexts = _hits(doc, "target_contexts", span, "words")
    out = []
    for h in _hits(doc, "target_categories", span):
        topic = table.get(h.label)
        if not isinstance(topic, str):
            continue
        for c in contexts:
            if c.end <= h.start and _token_gap(doc, c.end, h.start) <= _UNTARGETED_WINDOW \
                    and not any(ch in ",.;،؛" for ch in doc.norm[c.end:h.start]) \
                    and any(n.end <= c.start and _token_gap(doc, n.end, c.start) == 0 for n in negs):
                start, end = doc.to_orig(c.start, h.end)
                out.append(FacetValue(value=topic, text=doc.text[start:end], span=(start, end), subject=topic,
                                      about="target"))
                break
    return out


def _fake_evidence(doc: DocText, span: tuple[int, int]):
    """Fake-words near a piece of evidence ("the intercepted call is fabricated", "وصفت
    التسجيل الصوتي بأنه مفبرك"): the speaker denies that evidence."""
    nouns = _hits(doc, "denial_evidence", span, "nouns")
    return [f for f in _hits(doc, "denial_evidence", span, "fake")
            if any(_token_gap(doc, min(n.end, f.end), max(n.start, f.start)) <= 12 for n in nouns)]


def evidence_mentions(doc: DocText, span: tuple[int, int]) -> list[FacetValue]:
    """Pieces of evidence a clause presents ("released an intercepted call")."""
    return [_value(doc, h, "evidence") for h in _hits(doc, "denial_evidence", span, "nouns")]


def rebuttals(doc: DocText, span: tuple[int, int]) -> list[tuple[FacetValue, frozenset[str]]]:
    """A claim reported together with its denial by another party ("..., which the army
    denied", "وهو ما نفته القيادة المركزية"): the rebuttal and the parties who deny, named
    after the cue, or the party the claim is about where the cue names it only as "the group"."""
    from consistency.extract.frames import agents

    out = []
    verbs = _hits(doc, "denial_rebuttal", span, "verbs")
    for opener in _hits(doc, "denial_rebuttal", span, "openers"):
        if doc.norm[max(0, opener.start - 2) : opener.start].strip() not in (",", ""):
            continue  # ", which ..." / "، وهو ما ...": a clause hung on the claim
        verb = next((v for v in verbs if v.start >= opener.start and _token_gap(doc, opener.end, v.start) <= 5), None)
        if verb is None:
            continue
        start, end = doc.to_orig(opener.start, verb.end)
        stop = min([i for i in (doc.text.find(ch, end, span[1]) for ch in ".;,،") if i >= 0] or [span[1]])
        parties = frozenset(h.label for h in agents(doc, (start, stop)))
        if not parties and _hits(doc, "denial_rebuttal", (start, stop), "same_party"):
            # "which the group denies", "وهو ما ينفيه الحزب": the party the claim is about
            parties = frozenset(h.label for h in agents(doc, (span[0], start)))
        if parties:
            out.append((FacetValue(value="rebutted", text=doc.text[start:end], span=(start, end), subject="rebuttal"),
                        parties))
    return out


def denial_topics(doc: DocText, span: tuple[int, int]) -> list[FacetValue]:
    """Topics named in a clause a speaker denies as a whole ("X denied the accusations")."""
    return _dedupe([_value(doc, h, h.label, subject=h.label) for h in _hits(doc, "denial_topics", span)])


def mentions(doc: DocText, span: tuple[int, int], table: str) -> list[FacetValue]:
    """Plain mentions of a word list (e.g. `shelling`), used as the affirmative side of denials."""
    return [_value(doc, h, table) for h in _hits(doc, table, span, "words")]


def locations(doc: DocText, span: tuple[int, int]) -> list[FacetValue]:
    """Where it happened, as far as sources dispute it: inside or outside a designated zone,
    inside the struck site or only near it, or at a different spot from the one others name."""
    negs = _hits(doc, "denial_verbs", span, "words") + _hits(doc, "negations", span, "words")
    fire = _hits(doc, "location_site", span, "fire")
    out = []
    for h in _hits(doc, "location", span):
        label = h.label
        if label == "inside_zone" and any(n.end <= h.start and _token_gap(doc, n.end, h.start) <= 4 for n in negs):
            label = "outside_zone"  # "we did not strike in the humanitarian zone"
        if label == "inside_site" and not _fire_from_inside(doc, h, negs, fire):
            continue
        out.append(_value(doc, h, label))
    return _dedupe(out + launch_sites(doc, span) + sectors(doc, span) + sites.places(doc, span))


_SECTOR_WINDOW = 20  # words from the targeting word ("struck", "غارات على") to the part of town
_SENTENCE_END = re.compile(r"[.!?;؛](?:\s|$)")  # not the dots of "6:30 a.m.,"


def sectors(doc: DocText, span: tuple[int, int]) -> list[FacetValue]:
    """The part of a town a strike is placed in, after a targeting word of the clause:
    "a strike on a depot on the eastern outskirts" -> `sector:east`, "غارات على الحي الشمالي"
    -> `sector:north`, "the north-eastern districts" -> `sector:north+east`. A direction
    with no word for a part of a town ("northern Gaza", "شمال غربي العاصمة") places nothing."""
    nouns = _hits(doc, "location_sector", span, "nouns")
    if not nouns:
        return []
    contexts = _hits(doc, "target_contexts", span, "words")
    negations = _hits(doc, "negations", span, "words")
    arabic = doc.language == "ar"
    out = []
    for d in _hits(doc, "location_sector", span):
        if d.label == "nouns":
            continue
        if arabic:  # "الأطراف الشرقية", "الأحياء السكنية الشمالية": the noun first
            noun = next((n for n in nouns if n.end <= d.start and _token_gap(doc, n.end, d.start) <= 3
                         and not any(ch in ",.;،؛" for ch in doc.norm[n.end:d.start])), None)
            lo, hi = (noun.start, d.end) if noun else (0, 0)
        else:  # "the eastern outskirts", "the northern residential neighbourhood"
            noun = next((n for n in nouns if n.start >= d.end and _token_gap(doc, d.end, n.start) <= 1
                         and not any(ch in ",.;" for ch in doc.norm[d.end:n.start])), None)
            lo, hi = (d.start, noun.end) if noun else (0, 0)
        if noun is None:
            continue
        aimed = [c for c in contexts if c.end <= lo and _token_gap(doc, c.end, lo) <= _SECTOR_WINDOW
                 and not _SENTENCE_END.search(doc.norm[c.end:lo])]
        if not aimed or any(n.end <= aimed[-1].start and _token_gap(doc, n.end, aimed[-1].start) <= 3
                            for n in negations):
            continue
        start, end = doc.to_orig(lo, hi)
        out.append(FacetValue(value=f"sector:{d.label}", text=doc.text[start:end], span=(start, end)))
    return out


_SITE_WINDOW = 10  # words from a fire word or a negation to "inside the compound"


def _fire_from_inside(doc: DocText, hit, negs, fire) -> bool:
    """"fired on troops from its grounds", "إطلاق نار كثيف من داخل المجمع": fire in the same
    clause as the inside-phrase, and no negation before it ("none had reported any fighting
    inside the compound", "لم يكن أي من المجاهدين موجودًا داخل المستشفى")."""
    def close(a) -> bool:
        lo, hi = (a.end, hit.start) if a.end <= hit.start else (hit.end, a.start)
        return _token_gap(doc, lo, hi) <= _SITE_WINDOW and not any(ch in ".;،؛" for ch in doc.norm[lo:hi])

    if any(n.end <= hit.start and close(n) for n in negs):
        return False
    return any(close(f) for f in fire)


_LAUNCH_WINDOW = 24  # words from "launched from" to the word that says who holds the place
_HOLDER_WINDOW = 4  # words between that word and the party


def launch_sites(doc: DocText, span: tuple[int, int]) -> list[FacetValue]:
    """Who holds the ground a missile was fired from: "launched from Russian-controlled
    territory", "أُطلق من منطقة تسيطر عليها القوات الأوكرانية", "fired from the area of X,
    where a Ukrainian division was deployed" -> `launch:<party>`."""
    starts = _hits(doc, "location_launch", span, "from")
    if not starts:
        return []
    holds = _hits(doc, "location_launch", span, "held")
    parties = _hits(doc, "perpetrator_agents", span)
    out = []
    for s in starts:
        for h in holds:
            if h.start < s.end or _token_gap(doc, s.end, h.start) > _LAUNCH_WINDOW:
                continue
            near = [p for p in parties if p.start >= s.end and (
                    _token_gap(doc, p.end, h.start) <= _HOLDER_WINDOW if p.end <= h.start
                    else _token_gap(doc, h.end, p.start) <= _HOLDER_WINDOW)]
            if near:
                party = min(near, key=lambda p: abs(p.start - h.start))
                value = _value(doc, party, f"launch:{party.label}")
                start, end = doc.to_orig(s.start, max(h.end, party.end))
                out.append(value.model_copy(update={"text": doc.text[start:end], "span": (start, end)}))
                break
    return out
