"""Who did it, who is to blame, how it is framed: perpetrator, responsibility, justification.

All three read a claim's clause through the facet lexicon (data/facets_<lang>.toml):

    "a U.S. strike killed ..."            perpetrator United States
    "قصفًا جويًا مجهولاً بطيران مُسيّر"     perpetrator unknown
    "attacks on U.S. forces"              no perpetrator (the US is attacked, not attacking)
    "holds the Global Coalition responsible"   responsibility US-led coalition
    "necessary and proportionate"         justification justified
    "اعتداء سافر" / "blatant aggression"  justification condemned
"""

from __future__ import annotations

from consistency.extract import intent, pinning
from consistency.extract.doctext import DocText
from consistency.extract.lexicon import Hit, matcher
from consistency.models import FacetValue

_AGENT_WINDOW = 4
_RESP_WINDOW = 10


def _lang(language: str) -> str:
    return language if language in ("ar", "en") else "en"


def _hits(doc: DocText, table: str, span: tuple[int, int], key: str | None = None) -> list[Hit]:
    """Hits of a lexicon table inside `span`, with positions in the whole normalised text."""
    a, b = doc.norm_span(*span)
    seg = doc.norm[a:b]
    original = doc.text[span[0] : span[1]] if len(seg) == span[1] - span[0] else None
    return [Hit(h.label, h.start + a, h.end + a, h.phrase) for h in matcher(_lang(doc.language), table, key).finditer(seg, original)]


def _value(doc: DocText, hit: Hit, value: str, subject: str | None = None, about: str | None = None) -> FacetValue:
    start, end = doc.to_orig(hit.start, hit.end)
    return FacetValue(value=value, text=doc.text[start:end], span=(start, end), subject=subject, about=about)


def _token_gap(doc: DocText, a_end: int, b_start: int) -> int:
    """Number of words between two normalised positions (a before b)."""
    if b_start < a_end:
        return 0
    return len(doc.norm[a_end:b_start].split())


def agents(doc: DocText, span: tuple[int, int]) -> list[Hit]:
    """Actor names of the agent table, minus "Iran-backed"-style modifiers."""
    out = []
    modifiers = _hits(doc, "modifier_markers", span, "words")
    for h in _hits(doc, "perpetrator_agents", span):
        nxt = doc.norm[h.end : h.end + 1]
        if nxt == "-" and not doc.norm[h.end : h.end + 5].startswith("-led"):
            continue
        if any(m.end <= h.start and _token_gap(doc, m.end, h.start) <= 1 for m in modifiers):
            continue  # "the coalition led by the United States": the coalition is the actor
        out.append(h)
    return out


def _denied(doc: DocText, hit: Hit, verbs: list[Hit]) -> bool:
    """The hit is what a denial verb just before it denies ("denies that its rocket misfired")."""
    return any(v.end <= hit.start and _token_gap(doc, v.end, hit.start) <= 8
               and "," not in doc.norm[v.end : hit.start] for v in verbs)


def _negated(doc: DocText, hit: Hit, negs: list[Hit], lead: list[Hit]) -> bool:
    """The agent's part is negated: "no American forces took part", "the Russian air force did
    not strike", "القوات الروسية لا تقصف", "no evidence that Ukrainian soldiers ..."."""
    before = 3 if doc.language == "ar" else 1
    for n in negs:
        if n.end <= hit.start and _token_gap(doc, n.end, hit.start) <= before and not _clause_break(doc, n.end, hit.start):
            return True
        if n.start >= hit.end and _token_gap(doc, hit.end, n.start) <= 2 and not _clause_break(doc, hit.end, n.start):
            return True
    return any(m.end <= hit.start and _token_gap(doc, m.end, hit.start) <= 3
               and not _clause_break(doc, m.end, hit.start) for m in lead)


_COPULAS = frozenset({"was", "were", "is", "are", "been", "being"})


def _copula(doc: DocText, a: int, b: int) -> bool:
    """A copula between a verb and a name makes the name a predicate, not the agent: "one of
    those killed was an ISIS facilitator"."""
    return any(w in _COPULAS for w in doc.norm[a:b].split())


def _coordinated(doc: DocText, a: int, b: int) -> bool:
    """Whether the words between two normalised positions join two things ("wounded fighters
    from the Taliban and from government forces", "مقاتلين من طالبان ومن القوات الحكومية"): the
    agent of one is not the other's."""
    return any(w in ("and", "or", "او") or (w.startswith("و") and len(w) <= 3) for w in doc.norm[a:b].split())


def _clause_break(doc: DocText, a: int, b: int) -> bool:
    """Punctuation between two normalised positions: the words belong to different clauses."""
    return any(ch in ",،;:.؛" for ch in doc.norm[a:b])


def _parts(doc: DocText, a: int, b: int) -> bool:
    """A clause break between a name and a verb parts them, unless a relative clause opens after
    it ("armed Palestinians, who were firing"); where the language lists `phrase` openers, only a
    new phrase parts them ("القيادي في كتائب القسام، في الغارة التي استهدفت", not "أعلن الوزير،
    قصف ثلاثة مواقع"). Lists: [clause_openers] of data/facets_<lang>.toml."""
    text = doc.norm[a:b]
    cut = max(text.rfind(ch) for ch in ",،;:.؛")
    if cut < 0:
        return False
    words = text[cut + 1:].split()
    word = words[0] if words else ""
    openers = _table(doc, "clause_openers")
    if word in openers.get("relative", ()):
        return False
    return "phrase" not in openers or word in openers["phrase"]


def _acting_nouns(doc: DocText, span: tuple[int, int]) -> list[Hit]:
    """Nouns of an act or a force, minus those heading a person's post or a body's branch:
    "Hamas military chief", "the army spokesman", "قائد الجيش الروسي" name no one's act."""
    titles = _hits(doc, "attack_nouns", span, "titled")
    after = doc.language != "ar"
    return [n for n in _hits(doc, "attack_nouns", span, "words")
            if not any((t.start >= n.end and _token_gap(doc, n.end, t.start) == 0) if after
                       else (t.end <= n.start and _token_gap(doc, t.end, n.start) == 0) for t in titles)]


def _agentive(doc: DocText, span: tuple[int, int], speaker: tuple[int, int] | None) -> list[tuple[Hit, bool, bool]]:
    """Agents named as doing the act, each with whether the sentence negates their part and
    whether a verb of the act names them ("took part", "struck"), not a noun alone ("forces")."""
    deny = _hits(doc, "denial_verbs", span, "words")
    negs = _hits(doc, "negations", span, "words") + _hits(doc, "negations", span, "contracted")
    lead = _hits(doc, "negations", span, "evidence")
    nouns = _acting_nouns(doc, span)
    verbs = _hits(doc, "attack_verbs", span, "words")
    passive = _hits(doc, "patient_markers", span, "passive")
    patients = [p for p in _hits(doc, "patient_markers", span, "words")  # not "hit by", "targeted by"
                if not any(b.start >= p.end and _token_gap(doc, p.end, b.start) == 0 for b in passive)]
    named = agents(doc, span)
    out = []
    for h in named:
        if _within(doc, h, speaker) or _denied(doc, h, deny):
            continue  # "قال متحدث باسم البنتاغون إن ...": the speaker, not the perpetrator
        # "struck a fenced Hamas compound": in English a name two words after the act's object
        # marker still qualifies the object
        reach = 1 if doc.language == "ar" else 2
        if any(0 <= _token_gap(doc, p.end, h.start) <= reach and p.end <= h.start
               and not _clause_break(doc, p.end, h.start) for p in patients):
            continue
        near_noun = any(_token_gap(doc, min(h.end, n.end), max(h.start, n.start)) <= 1
                        and not _coordinated(doc, min(h.end, n.end), max(h.start, n.start))
                        # "a commander in the Brigades, in the strike that ...": another phrase
                        and not _clause_break(doc, min(h.end, n.end), max(h.start, n.start))
                        for n in nouns if n.start != h.start)
        near_verb = any(
            (v.start >= h.end and _token_gap(doc, h.end, v.start) <= _AGENT_WINDOW
             and not any(h.end <= o.start and o.end <= v.start for o in named)
             and not _parts(doc, h.end, v.start))
            or (v.end <= h.start and _token_gap(doc, v.end, h.start) <= 2 and not _copula(doc, v.end, h.start))
            for v in verbs
        )
        if near_noun or near_verb:
            out.append((h, _negated(doc, h, negs, lead), near_verb))
    return out


def perpetrators(doc: DocText, span: tuple[int, int], speaker: tuple[int, int] | None = None) -> list[FacetValue]:
    deny = _hits(doc, "denial_verbs", span, "words")
    out = [_value(doc, h, "unknown") for h in _hits(doc, "perpetrator_unknown", span)]
    # a bare "مجهول" says an attacker is unknown only beside what it qualifies ("طائرة مسيرة
    # مجهولة"، "مسلحون مجهولون"), not of anything unknown ("مصير المدنيين لا يزال مجهولاً")
    holders = _hits(doc, "attack_nouns", span, "words") + _hits(doc, "perpetrator_unknown_bare", span, "holders")
    out += [_value(doc, h, "unknown") for h in _hits(doc, "perpetrator_unknown_bare", span, "words")
            if any(n.end <= h.start and _token_gap(doc, n.end, h.start) <= 2 for n in holders)]
    out += [_value(doc, h, h.label) for h in _hits(doc, "perpetrator_mechanisms", span) if not _denied(doc, h, deny)]
    agentive = [a for a in _agentive(doc, span, speaker) if not _not_the_doer(doc, a[0], span)]
    out += [_value(doc, h, h.label) for h, negated, _ in agentive if not negated]
    if all(negated for _, negated, _ in agentive) and not any(v.value != "unknown" for v in out):
        out += causes(doc, span)
    return _dedupe(out)


_OPPONENT_WINDOW = 2  # words between "exchanged fire with" and the party named
_PATIENT_WINDOW = 2  # words between the party and "was shot down" ("الطائرة الأوكرانية قد أصيبت")
_INQUIRY_WINDOW = 6  # words between the party and "in the investigation"
_SUBJECT_WINDOW = 5  # words between "troops" and "came under fire from" / "were in a firefight with"


def _not_the_doer(doc: DocText, hit: Hit, span: tuple[int, int]) -> bool:
    """The party fought the troops ("came under fire from Palestinian gunmen", "تبادلوا إطلاق
    النار مع مسلحين"), is what was hit ("the Ukrainian airliner was shot down") or takes part in
    the investigation ("يشاركون في التحقيق"): not by that the doer of the act."""
    def after(key: str, window: int) -> bool:
        return any(o.start >= hit.end and _token_gap(doc, hit.end, o.start) <= window
                   and not _clause_break(doc, hit.end, o.start)
                   for o in _hits(doc, "perpetrator_patient", span, key))

    forces = _hits(doc, "perpetrator_exchange", span, "forces")

    def troops_fought(o: Hit) -> bool:  # the troops are the subject: "its forces came under fire from"
        return any(f.end <= o.start and _token_gap(doc, f.end, o.start) <= _SUBJECT_WINDOW
                   and not _clause_break(doc, f.end, o.start) for f in forces)

    return after("struck", _PATIENT_WINDOW) or after("inquiry", _INQUIRY_WINDOW) or any(
        o.end <= hit.start and _token_gap(doc, o.end, hit.start) <= _OPPONENT_WINDOW
        and not _clause_break(doc, o.end, hit.start) and troops_fought(o)
        for o in _hits(doc, "perpetrator_exchange", span, "opponents"))


ACCIDENT, ATTACK = "accident or negligence", "deliberate attack or sabotage"
# Blame for a disaster: someone's negligence, or no one's (an act of nature).
CULPABLE, NATURAL = "culpable (charged or accused of negligence)", "no one (a natural disaster)"


def causes(doc: DocText, span: tuple[int, int]) -> list[FacetValue]:
    """What caused a blast, fire or crash when no party is named as doing it: an accident or
    negligence against an attack or sabotage; a clause that weighs both, or leaves the cause
    open, leaves it unknown.

        "the explosion was most likely an accident caused by a fire"   accident or negligence
        "the blast looked like a terrible attack"                       deliberate attack or sabotage
        "إهمال أو تدخل خارجي"، "the cause has not been determined"     unknown
    """
    if not _hits(doc, "cause", span, "incident"):
        return []
    accident = _hits(doc, "cause", span, "accident")
    attack = _hits(doc, "cause", span, "attack")
    # "looked like a terrible attack", "seemed to be a bomb": an act's noun after a copula
    copulas = _hits(doc, "cause", span, "frame")
    attack += [n for n in _hits(doc, "cause", span, "attack_nouns")
               if any(f.end <= n.start and _token_gap(doc, f.end, n.start) <= 2 for f in copulas)]
    still_open = _hits(doc, "cause", span, "open")
    if (accident and attack) or (still_open and (accident or attack or _hits(doc, "cause", span, "cause"))):
        first = min(accident + attack + still_open, key=lambda h: h.start)
        return [_value(doc, first, "unknown")]
    return [_value(doc, h, ACCIDENT) for h in accident] + [_value(doc, h, ATTACK) for h in attack]


# Cues by which a speaker owns or pins the act on a named party ("confirmed U.S. forces
# carried out", "أعلن ... تنفيذ"), as lemmas of the attribution lexicons.
ACKNOWLEDGING_CUES = frozenset({"confirm", "acknowledge", "claim", "announce", "blame", "accuse",
                                "أكد", "أعلن", "اعترف", "تبنى", "اتهم", "حمّل"})


def responsibility(doc: DocText, span: tuple[int, int], perps: list[FacetValue], frames: list[FacetValue],
                   cue: str | None = None, speaker: tuple[int, int] | None = None) -> list[FacetValue]:
    """Who is held responsible: actors near a blame cue, or the named perpetrator of a claim
    that condemns or defends the act ("heinous American aggression", "a U.S. self-defense strike"),
    and of any attributed claim: a speaker who says who did it holds them responsible
    ("a U.S. official confirmed the U.S. military carried it out")."""
    out = []
    cues = _hits(doc, "responsibility", span, "cues")
    # "no American forces took part": the speaker holds that party not responsible; "no
    # evidence that Ukrainian soldiers were using the building" only keeps them from the act.
    agentive = _agentive(doc, span, speaker)
    negated = [h for h, neg, _ in agentive if neg]
    out += [_value(doc, h, f"not {h.label}") for h, neg, by_verb in agentive if neg and by_verb]
    named = [h for h in agents(doc, span) if not _within(doc, h, speaker) and h not in negated
             and not _attacked(doc, h, span)]
    named += _bodies(doc, span, speaker, named)
    for c in cues:
        for h in named:
            gap = _token_gap(doc, min(c.end, h.end), max(c.start, h.start))
            if gap <= _RESP_WINDOW:
                out.append(_value(doc, h, h.label))
    deny = _hits(doc, "denial_verbs", span, "words")
    negs = _hits(doc, "negations", span, "words") + _hits(doc, "negations", span, "contracted")
    # "denied any negligence", "did not result from misconduct or negligence", "لم يكن
    # نتيجة إهمال" accuse no one
    neglect = [h for h in _hits(doc, "responsibility", span, "culpable") + _hits(doc, "responsibility", span, "neglect")
               if not any(v.end <= h.start and _token_gap(doc, v.end, h.start) <= 3 for v in deny)
               and not _negated_noun(doc, h, negs)]
    out += [_value(doc, h, CULPABLE) for h in neglect]
    # "not only a natural disaster" is neglect: a natural-disaster phrase inside it is not
    out += [_value(doc, h, NATURAL) for h in _hits(doc, "responsibility", span, "natural")
            if not any(n.start <= h.start and h.end <= n.end for n in neglect)]
    # "a provocation staged by Kyiv", "an atrocity committed by Russia": the party the frame
    # pins the act on is blamed (subject: the frame)
    out += [p.model_copy(update={"subject": f.value}) for f, p in pinning.pinned(doc, span, frames, speaker)]
    for h in _hits(doc, "responsibility", span, "not_culpable"):
        out.append(_value(doc, h, "not culpable (no wrongdoing)"))
    if not named and (cues or cue in BLAMING_CUES):
        out += _blamed_group(doc, span, cues, cue in BLAMING_CUES)
    if cues or cue in BLAMING_CUES:
        out += _unnamed_groups(doc, span, cues, cue in BLAMING_CUES)
    for h in _hits(doc, "responsibility", span, "negative"):
        for a in named:
            if _token_gap(doc, min(h.end, a.end), max(h.start, a.start)) <= 3:
                out.append(_value(doc, h, f"not {a.label}"))
    for h in _hits(doc, "responsibility", span, "undetermined"):
        out.append(_value(doc, h, "undetermined"))
    if not [v for v in out if not v.value.startswith("not ")] and (frames or cue in ACKNOWLEDGING_CUES or speaker is not None):
        out += [p for p in perps if p.value not in ("unknown",) and not _is_mechanism(p.value)]
    return _dedupe(out)


def _bodies(doc: DocText, span: tuple[int, int], speaker: tuple[int, int] | None, named: list[Hit]) -> list[Hit]:
    """Institutions blamed for negligence ("the responsibility lies with customs and the port
    administration"), unless a party's name qualifies them ("the Israeli judiciary") or they are
    where blame is to be judged ("أمام القضاء الدولي", "referred to the courts")."""
    out = []
    forums = _hits(doc, "responsibility", span, "forum")
    for b in _hits(doc, "responsible_bodies", span):
        if _within(doc, b, speaker):
            continue
        if any(f.end <= b.start and _token_gap(doc, f.end, b.start) <= 1 for f in forums):
            continue  # "accountable before the international judiciary": the forum, not the blamed
        if any(_token_gap(doc, min(a.end, b.end), max(a.start, b.start)) <= 1 for a in named):
            continue
        out.append(b)
    return out


_LOOKBACK = 1500  # characters before a claim searched for the group "the rebels" refers to


# Attribution cues that blame the party the content opens with ("He accused the rebels of ...").
BLAMING_CUES = frozenset({"accuse", "blame", "اتهم", "حمّل"})


def _blamed_group(doc: DocText, span: tuple[int, int], cues: list[Hit], opens: bool = False) -> list[FacetValue]:
    """"He accused the rebels of ...", "متهمًا الميليشيا ...": a group named by its kind next to
    a blame cue is the armed group the document last named ("the Houthis", "ميليشيا الحوثي")."""
    groups = set(_table(doc, "group_anaphora").get("parties", []))
    out = []
    for a in _hits(doc, "group_anaphora", span, "words"):
        near = any(_token_gap(doc, min(c.end, a.end), max(c.start, a.start)) <= 3 for c in cues)
        if not near and not (opens and _token_gap(doc, doc.to_norm(span[0]), a.start) <= 1):
            continue
        start, _ = doc.to_orig(a.start, a.end)
        before = [h for h in agents(doc, (max(0, start - _LOOKBACK), start)) if h.label in groups]
        if before:
            out.append(_value(doc, a, before[-1].label))
    return out


def _attacked(doc: DocText, hit: Hit, span: tuple[int, int]) -> bool:
    """The party is what an act's noun is aimed at ("aggression against Syria", "عدوان على
    سوريا"): the one attacked, not the one blamed."""
    nouns = _hits(doc, "attack_nouns", span, "words")
    return any(p.end <= hit.start and _token_gap(doc, p.end, hit.start) == 0
               and any(n.end <= p.start and _token_gap(doc, n.end, p.start) == 0 for n in nouns)
               for p in _hits(doc, "patient_markers", span, "words"))


UNNAMED = "armed groups (unnamed)"


def _unnamed_groups(doc: DocText, span: tuple[int, int], cues: list[Hit], opens: bool = False) -> list[FacetValue]:
    """"blamed terrorist groups and those who support them", "حمّل المجموعات الإرهابية المسؤولية":
    groups named only by their kind, next to a blame cue, are blamed as one unnamed party."""
    out = []
    for a in _hits(doc, "group_anaphora", span, "unnamed"):
        near = any(_token_gap(doc, min(c.end, a.end), max(c.start, a.start)) <= 3 for c in cues)
        if near or (opens and _token_gap(doc, doc.to_norm(span[0]), a.start) <= 1):
            out.append(_value(doc, a, UNNAMED))
    return out


def _table(doc: DocText, name: str) -> dict:
    from consistency.extract.lexicon import facet_table

    return facet_table(_lang(doc.language)).get(name, {})


def _within(doc: DocText, hit: Hit, span: tuple[int, int] | None) -> bool:
    """The hit lies in `span` (original positions): "حمّلت حماس إسرائيل": Hamas blames, Israel is blamed."""
    if span is None:
        return False
    start, end = doc.to_orig(hit.start, hit.end)
    return span[0] <= start and end <= span[1]


def _negated_noun(doc: DocText, hit: Hit, negs: list[Hit]) -> bool:
    """A negation a few words before the noun in the same sentence: "did not result from
    misconduct or negligence", "not criminal conduct, random conduct, negligence"; not across
    a copula ("the minister, who was not present, was charged with negligence")."""
    return any(n.end <= hit.start and _token_gap(doc, n.end, hit.start) <= 5
               and not any(ch in ".;؛" for ch in doc.norm[n.end : hit.start])
               and not _copula(doc, n.end, hit.start) for n in negs)


def _is_mechanism(value: str) -> bool:
    return value in {"crowd crush", "misfired rocket", "air defence interception", "struck chemical munitions store",
                     ACCIDENT, ATTACK}


FRAMES = ("justified", "accidental", "condemned", "provocation", "unintended")
_STATEMENT_WINDOW = 25  # words from "statements" to the "provocation" they are called


def justification(doc: DocText, span: tuple[int, int], speaker: tuple[int, int] | None = None) -> list[FacetValue]:
    """How the act is framed: justified, a mistake, condemned, or a provocation staged by the
    other side. Words of the `not_a_frame` list ("إرهابيين": people, not the act) match only to
    keep shorter cues from matching; a frame right after "claim of", "so-called", "ما يسمى" is
    the other side's word, not the speaker's. A provocation said of the other side's statements in the
    same clause ("statements that Russia struck the station are a provocation") denies an
    accusation and frames no act. A frame that names who staged or committed the act ("a
    provocation staged by Kyiv", "an atrocity committed by Russia") carries that party in `about`."""
    hits = intent.relabel(doc, span, _hits(doc, "justification", span))  # "not deliberate": unintended
    # what is called a provocation may stand before the content ("وصفت الوزارة التسجيل ... بأنه مفبرك")
    opening = max(doc.text.rfind(ch, 0, span[0]) for ch in ".!?؟\n") + 1
    said = [h for h in _hits(doc, "justification", (opening, span[1])) if h.label == "statements"]
    reported = _hits(doc, "justification", span, "reported")
    out = _dedupe([_value(doc, h, h.label) for h in hits if h.label in FRAMES
                   and not any(r.end <= h.start and _token_gap(doc, r.end, h.start) <= 1 for r in reported)
                   and not (h.label == "provocation" and any(
                       s.end <= h.start and _token_gap(doc, s.end, h.start) <= _STATEMENT_WINDOW
                       and not _clause_break(doc, s.end, h.start) for s in said))])
    parties = {id(f): p.value for f, p in pinning.pinned(doc, span, out, speaker)}
    return [f.model_copy(update={"about": parties[id(f)]}) if id(f) in parties else f for f in out]


def hedged(doc: DocText, span: tuple[int, int]) -> bool:
    return bool(_hits(doc, "hedges", span, "words"))


def _dedupe(values: list[FacetValue]) -> list[FacetValue]:
    seen, out = set(), []
    for v in sorted(values, key=lambda v: (v.span[0], -v.span[1], v.value)):
        key = (v.value, v.span)
        if key not in seen:
            seen.add(key)
            out.append(v)
    return out
