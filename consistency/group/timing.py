"""When a claim is about: its document's incident, or another one it recalls.

A claim is about another incident when its clause says so ("last month", "a week earlier",
"قبل حوالي أسبوع", "في 25 يناير الماضي") or names a day more than the event window away from
its document's date ("On Dec. 25, ..." in a 4 January report).

    "In December, Washington struck targets in Iraq ..."   (report of 2024-01-04) -> other
    "Earlier on Thursday, a police source said ..."        (same day)            -> this incident

A follow-up published weeks after its incident recalls it by the same words ("the strike on
the theatre in March" in May): there, a recall whose period holds the incident's day marks
nothing else. Its lead's recalls (`recalled_days`) are what joins it to that incident, and
its own days ("published on Thursday the findings of its review of the strike") date its news
about that incident, not another one, unless a verb gives an action as news ("Jets struck the
town again on Thursday"). A report days after its incident that gives a new action of its own
day ("Tonight, I ordered a targeted strike on the airfield ...") reports another incident, and
so do its later claims of an attack on the place that action named ("59 missiles were fired at
the airfield").
"""

from __future__ import annotations

import re
import tomllib
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

from consistency.extract.doctext import DocText
from consistency.extract.frames import _hits
from consistency.group.recall import elapsed, names_incident, recalls
from consistency.models import Claim, Document
from consistency.text.normalize import normalize
from consistency.text.segment import sentences


@lru_cache(maxsize=1)
def _month_regex() -> tuple[re.Pattern, dict[str, int]]:
    data = tomllib.loads((resources.files("consistency") / "data" / "months.toml").read_text(encoding="utf-8"))
    names: dict[str, int] = {}
    for month in data.get("month", []):
        for name in month.get("en", []) + month.get("ar", []):
            names[normalize(name).text] = month["number"]
    alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    pattern = re.compile(
        rf"(?<!\w)(?:(?P<d1>\d{{1,2}})\s+(?:من\s+)?(?P<m1>{alt})|(?P<m2>{alt})\.?\s+(?P<d2>\d{{1,2}}))(?!\w|\d)"
    )
    return pattern, names


def mentioned_months(doc: DocText, span: tuple[int, int]) -> list[int]:
    """Months named alone after "in"/"في" ("In December, Washington struck ...")."""
    pattern, names = _month_regex()
    alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    a, b = doc.norm_span(*span)
    rx = re.compile(rf"(?<!\w)(?:in|early in|late in|في|خلال)\s+({alt})(?!\s*\d)(?!\w)")
    return [names[m.group(1)] for m in rx.finditer(doc.norm, a, b)]


# Arabic days of the month written as ordinals ("في التاسع من مارس", "الحادي والعشرين من
# شباط"), normalised: 1..10, then "<unit> عشر", the tens, and "<unit> و<tens>".
_AR_UNITS = ["الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر"]
_AR_ORDINALS = {
    **{w: n for n, w in enumerate(_AR_UNITS, 1)},
    "الحادي عشر": 11, **{f"{w} عشر": n for n, w in enumerate(_AR_UNITS[1:9], 12)},
    "العشرين": 20, "الثلاثين": 30,
    "الحادي والعشرين": 21, **{f"{w} والعشرين": n for n, w in enumerate(_AR_UNITS[1:9], 22)},
    "الحادي والثلاثين": 31,
}


@lru_cache(maxsize=1)
def _ordinal_regex() -> re.Pattern:
    _, names = _month_regex()
    alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    days = "|".join(sorted(_AR_ORDINALS, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:و|ف)?({days})\s+من\s+(?:شهر\s+)?({alt})(?!\w)")


def mentioned_days(doc: DocText, span: tuple[int, int], year: int) -> list[date]:
    pattern, names = _month_regex()
    a, b = doc.norm_span(*span)
    found = [(int(m["d1"] or m["d2"]), names[m["m1"] or m["m2"]]) for m in pattern.finditer(doc.norm, a, b)]
    found += [(_AR_ORDINALS[m[1]], names[m[2]]) for m in _ordinal_regex().finditer(doc.norm, a, b)]
    out = []
    for day, month in found:
        try:
            out.append(date(year, month, day))
        except ValueError:
            continue
    return out


_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4, "السبت": 5, "الاحد": 6,
}
# English weekdays after "on" / "last"; Arabic ones with the article (أحد without it is "one").
_WD_EN = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_WEEKDAY = re.compile(
    rf"(?<!\w)(?:on|last|early on|late on)\s+{_WD_EN}(?!\w)"
    rf"|(?<!\w){_WD_EN}(?:'s|’s|\s+(?:night|morning|evening|afternoon))(?!\w)"
    r"|(?<!\w)(?:يوم\s+)?(الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت|الاحد)(?!\w)"
)


_SPEECH = re.compile(
    r"(?:said|says|briefing|statement|announced|added|conference|interview|wrote|posted|reported|"
    r"قال|قالت|اعلن|اعلنت|افاد|افادت|بيان|مءتمر|صرح|اضاف|اضافت"
    r"|told(?:\s+[\w.'’\-]+){0,4})[\s,،]*(?:on|في|يوم)?\s*$"  # "told reporters at the Pentagon on Wednesday"
)
# how far back from a weekday `_SPEECH` looks
_SPEECH_REACH = 50


# A weekday right before the statement it dates: Arabic news puts it before the
# complementizer ("أعلن مجلس المدينة، الجمعة، أن ...", "قالت المنظمة يوم الخميس إن ..."),
# English before the verb ("Amnesty on Thursday said ...").
_STATEMENT_DAY = re.compile(
    r"\s*[,،]?\s*(?:ان|انه|انها|بان|بانه)(?!\w)"
    r"|\s*,?\s*(?:said|says|announced|announces|told|confirmed|denied|reported|added|stated|wrote)(?!\w)"
)


def mentioned_weekdays(doc: DocText, span: tuple[int, int], ref: date, statements: bool = True) -> list[date]:
    """Weekdays named in `span`, as the latest such day on or before the document's date;
    without `statements`, days that date a statement ("said on Tuesday") are left out."""
    a, b = doc.norm_span(*span)
    out = []
    for m in _WEEKDAY.finditer(doc.norm, a, b):
        if not statements and (_SPEECH.search(doc.norm[max(a, m.start() - _SPEECH_REACH) : m.start()])
                               or _STATEMENT_DAY.match(doc.norm, m.end())):
            continue
        wd = _WEEKDAYS[next(g for g in m.groups() if g)]
        out.append(ref - timedelta(days=(ref.weekday() - wd) % 7))
    return out


def _days(doc: DocText, span: tuple[int, int], ref: date, statements: bool = True) -> list[date]:
    out = []
    for day in mentioned_days(doc, span, ref.year):
        if day > ref and (day - ref).days > 180:  # "Dec. 25" in a January report: last year
            day = day.replace(year=ref.year - 1)
        out.append(day)
    return out + mentioned_weekdays(doc, span, ref, statements)


def incident_days(documents: list[Document], clusters: list[list[int]]) -> dict[str, date | None]:
    """The day of the incident each document reports: the earliest publication date among
    the documents clustered with it (an incident is reported the day it happens)."""
    out: dict[str, date | None] = {}
    for members in clusters:
        dates = sorted(d for d in (documents[i].date for i in members) if d)
        first = date.fromisoformat(dates[0]) if dates else None
        for i in members:
            out[documents[i].id] = first
    return out


def is_other_incident(claim: Claim, document: Document, doc: DocText, window_days: int,
                      incident: date | None = None) -> bool:
    hits = _hits(doc, "time_other", claim.span, "words")
    if hits and document.date and incident is not None:
        hits = _not_recalling(hits, doc, claim.span, date.fromisoformat(document.date), incident, window_days)
    if hits:
        return True
    if not document.date:
        return False
    ref = date.fromisoformat(document.date)
    anchor = incident or ref
    news = _news_day(doc, claim.span, ref, incident, window_days)
    if incident is not None and (ref - incident).days > 1 and _new_action(doc, claim.span):
        # "Tonight, I ordered a military strike on the airfield" two days after the attack
        return True
    if incident is not None and _hits(doc, "attack_nouns", claim.span, "words") and not _toll(doc, claim.span):
        # "On Tuesday, tank shells hit tents ..." in a report about Sunday's strike; not "The death
        # toll from Saturday's strike rose to 40 on Monday", whose day is the count's.
        if any(abs((d - incident).days) > 1 and news(d) for d in _days(doc, claim.span, ref, statements=False)):
            return True
    for day in mentioned_days(doc, claim.span, ref.year):
        if day > ref and (day - ref).days > 180:  # "Dec. 25" in a January report: last year
            day = day.replace(year=ref.year - 1)
        if abs((anchor - day).days) > window_days and news(day):
            return True
    if any(month != anchor.month for month in mentioned_months(doc, claim.span)):
        return True
    return any((anchor - day).days > window_days and news(day) for day in mentioned_weekdays(doc, claim.span, ref))


_INDEFINITE_EN = re.compile(r"(?<!\w)(?:a|an|another|new|second|fresh)\s+(?:[\w\-]+\s+){0,3}?"
                            r"(?:strike|strikes|airstrike|airstrikes|attack|raid|raids|bombing|barrage|assault|operation)(?!\w)")
# the place an action is aimed at: the words after "on", "at", "against", "على", "ضد"
_AIMED_EN = re.compile(r"(?<!\w)(?:on|at|against)\s+(?:the\s+|an?\s+)?((?:[\w\-]+\s+){0,2}[\w\-]+)")
_AIMED_AR = re.compile(rf"(?<!\w)(?:{'|'.join(normalize(w).text.strip() for w in ('على', 'ضد', 'استهدفت', 'استهدف'))})"
                       r"\s+((?:\w+\s+)?\w+)")
# words that end the place ("on the airfield in Syria") or are no place ("at least", "على الأقل")
_NOT_PLACE = frozenset({"the", "in", "from", "where", "which", "that", "near", "and", "of", "with", "least", "most",
                        "about", "around", "once"} | {normalize(w).text.strip() for w in ("الأقل", "الأكثر", "الفور")})


def _today_news(doc: DocText, span: tuple[int, int]) -> list[tuple[int, int]]:
    """Where `span` dates something by the report's own day ("Tonight, I ordered ...",
    "اليوم") other than a statement ("said today", "قال اليوم إن")."""
    a, b = doc.norm_span(*span)
    out = []
    for m in _TODAY.finditer(doc.norm, a, b):
        end = m.end()
        day = _WEEKDAY.match(doc.norm, end + 1)  # "اليوم الخميس، أن"
        if day is not None and doc.norm[end] == " ":
            end = day.end()
        if _SPEECH.search(doc.norm[max(a, m.start() - _SPEECH_REACH) : m.start()]) or _STATEMENT_DAY.match(doc.norm, end):
            continue
        out.append((m.start(), m.end()))
    return out


# A word of today dates an action that it is at most this many words from ("Tonight, I ordered
# a targeted military strike"), not one told further on ("The account presented today ...,
# noting that the hospital was fired on").
_TODAY_REACH = 8


def _new_action(doc: DocText, span: tuple[int, int]) -> bool:
    """Whether a claim gives a military action of the report's own day as news: a word of
    today ("tonight", "اليوم") with an attack given as new, by an attack verb ("launched",
    "أطلقت") or an indefinite attack noun ("a targeted military strike"). In a report
    days after its incident, that is another incident: the retaliation, not the attack."""
    days = _today_news(doc, span)
    if not days or not _hits(doc, "attack_nouns", span, "words"):
        return False
    actions = _action_verbs(doc, span)
    # Arabic: only a verb ("ضربة" without the article may be definite by what follows it:
    # "هجوم خان شيخون")
    if doc.language != "ar":
        a, b = doc.norm_span(*span)
        actions += [m.span() for m in _INDEFINITE_EN.finditer(doc.norm, a, b)]

    def words(i: int, j: int) -> int:
        return len(doc.norm[min(i, j) : max(i, j)].split())

    return any(words(d[1], x[0]) <= _TODAY_REACH if d[1] <= x[0] else words(x[1], d[0]) <= _TODAY_REACH
               for d in days for x in actions)


def _aimed_at(doc: DocText, span: tuple[int, int]) -> frozenset[str]:
    """The words of the places an action in `span` is aimed at ("a strike on the airfield",
    "ضربة على قاعدة جوية")."""
    a, b = doc.norm_span(*span)
    out = set()
    for m in (_AIMED_AR if doc.language == "ar" else _AIMED_EN).finditer(doc.norm, a, b):
        for w in m.group(1).split():
            if w in _NOT_PLACE:
                break
            if len(w) > 3:
                out.add(_bare_noun(w))
    return frozenset(out)


# where an incident took place: the first word after "in (the)" / "في" that is no common noun of
# places ("in the al-Mawasi area", "في منطقة المواصي")
_PLACED_EN = re.compile(r"(?<!\w)(?:in|inside|near)\s+(?:the\s+)?([\w\-]+(?:\s+[\w\-]+)?)")
_PLACED_AR = re.compile(rf"(?<!\w)(?:{'|'.join(normalize(w).text.strip() for w in ('في', 'داخل', 'قرب'))})\s+(\w+(?:\s+\w+)?)")
_PLACE_NOUNS = frozenset(normalize(w).text.strip() for w in (
    "area", "region", "district", "town", "city", "village", "camp", "neighbourhood", "neighborhood", "zone", "province",
    "designated", "northern", "southern", "eastern", "western", "central",
    "منطقة", "حي", "مدينة", "بلدة", "قرية", "مخيم", "محافظة", "ولاية", "شمال", "جنوب", "شرق", "غرب", "وسط"))


def _placed_in(doc: DocText, span: tuple[int, int], attack: bool = False) -> frozenset[str]:
    """The names of the places `span` locates something in ("tents in the al-Mawasi area" ->
    al-mawasi, "خيامًا في منطقة المواصي" -> مواصي); with `attack`, only where an attack is told
    to have hit (at most `_TODAY_REACH` words after an attack noun or verb: "a strike hit tents
    in the al-Mawasi area", not "said in a statement that the shelling ...")."""
    a, b = doc.norm_span(*span)
    hits = [h.end for h in _hits(doc, "attack_nouns", span, "words")] + [e for _, e in _action_verbs(doc, span)]
    out = set()
    for m in (_PLACED_AR if doc.language == "ar" else _PLACED_EN).finditer(doc.norm, a, b):
        if attack and not any(e <= m.start() and len(doc.norm[e : m.start()].split()) <= _TODAY_REACH for e in hits):
            continue
        for w in m.group(1).split():
            if w in _NOT_PLACE:
                break
            if w not in _PLACE_NOUNS:
                if len(w) > 3:
                    out.add(_bare_noun(w))
                break
    return frozenset(out)


def _news_day(doc: DocText, span: tuple[int, int], ref: date, incident: date | None, window_days: int):
    """Whether a day a claim names can date another incident. In a follow-up (a report more
    than the window after its incident) the report's own days date what it reports about that
    incident (an inquiry's findings "published on Thursday", "نشرت المنظمة يوم الخميس نتائج
    مراجعتها للهجوم"): they date another incident only beside a verb of action (recall.toml
    [news]: "Jets struck the town again on Thursday", "قصفت الطائرات السوق مجددًا يوم الخميس")."""
    if incident is None or (ref - incident).days <= window_days:
        return lambda day: True
    verbs = _action_verbs(doc, span)
    return lambda day: bool(verbs) or (ref - day).days > window_days


_TOLL = re.compile(r"(?<!\w)(?:toll|death toll|حصيله|الحصيله)(?!\w)")


def _toll(doc: DocText, span: tuple[int, int]) -> bool:
    """Whether `span` gives a toll ("the death toll rose to 40", "ارتفعت حصيلة الضحايا")."""
    a, b = doc.norm_span(*span)
    return _TOLL.search(doc.norm, a, b) is not None


def _not_recalling(hits: list, doc: DocText, span: tuple[int, int], ref: date, incident: date, window_days: int) -> list:
    """In a follow-up (published more than the window after its incident), the time words
    that recall the incident itself are no mark of another one: "in March" / "في مارس
    الماضي" of a May report about a March strike, "last month" of one about last month's,
    "five days after the blast", "a week ago" / "قبل أسبوع" of one a week later."""
    if (ref - incident).days <= window_days:
        return hits
    periods = [r for r in recalls(doc, span, ref) + elapsed(doc, span, ref) if r.holds(incident, window_days)]
    hits = [h for h in hits if not any(r.start <= h.start and h.end <= r.end for r in periods)]
    ago = _ago()
    # "يوم 29 أغسطس/آب الماضي": a past word closing a date of the incident itself
    dated = any(abs((d - incident).days) <= window_days for d in mentioned_days(doc, span, ref.year))
    out = []
    for h in hits:
        if dated and _after_month(doc, h.start):
            continue
        days = ago.get(" ".join(doc.norm[h.start:h.end].split()))
        if days is not None and days[0] - window_days <= (ref - incident).days <= days[1] + window_days:
            continue  # "a week ago" of a report a week after its incident
        out.append(h)
    return out


def _after_month(doc: DocText, at: int) -> bool:
    """Whether a month name ("أغسطس/آب", "March") closes the text right before `at`."""
    _, names = _month_regex()
    before = doc.norm[max(0, at - 25) : at].rstrip()
    words = re.split(r"[\s/]+", before)
    return bool(words) and words[-1] in names


@lru_cache(maxsize=1)
def _ago() -> dict[str, tuple[int, int]]:
    data = tomllib.loads((resources.files("consistency") / "data" / "recall.toml").read_text(encoding="utf-8"))["ago"]
    return {normalize(k).text.strip(): tuple(v) for k, v in data.items()}


def other_incident_claims(claims: list[Claim], documents: dict[str, Document], texts: dict[str, DocText],
                          window_days: int, incidents: dict[str, date | None] | None = None) -> set[str]:
    """Ids of claims about another incident. A speaker whose statement is itself dated to
    another incident ("A week earlier, the defence secretary announced ...") goes on about it
    in the claims of that speaker that follow ("In a statement, the secretary said ... He
    added ..."); a claim that only mentions an earlier incident ("The strikes came days after
    the attack on Abu Dhabi") passes nothing on."""
    out: set[str] = set()
    recent: list[Claim] = []  # the last claims of the current document
    causes: list[tuple[frozenset[str], frozenset[str]]] = []  # attacks given as causes in it (`_cause_of`)
    dated: set[str] = set()  # background claims whose statement itself is dated elsewhere
    aimed: set[str] = set()  # places a new action of the document is aimed at (`_aimed_at`)
    for claim in claims:
        if recent and recent[-1].document_id != claim.document_id:
            recent, causes, aimed = [], [], set()
        doc = documents[claim.document_id]
        text = texts[claim.document_id]
        if is_other_incident(claim, doc, text, window_days, (incidents or {}).get(claim.document_id)):
            out.add(claim.id)
            hits = _hits(text, "time_other", claim.span, "words")
            first = min((text.to_orig(h.start, h.end)[0] for h in hits), default=None)
            if claim.speaker_span and first is not None and first < claim.speaker_span[0]:
                dated.add(claim.id)
        elif claim.speaker is not None and any(p.id in dated and _same_speaker(claim, p) for p in recent[-2:]):
            out.add(claim.id)
            dated.add(claim.id)
        elif recent and recent[-1].id in out and _hits(text, "anaphora_other", claim.span, "words"):
            out.add(claim.id)
        elif any(_points_to(text, claim, named, place) for named, place in causes):
            out.add(claim.id)
        elif aimed and _aims_at(text, claim, aimed):
            out.add(claim.id)
        if claim.id in out:
            # the places a new action is aimed at, or another incident's attack hit, unnamed before
            # it in the document: later claims of an attack on them are about it ("59 missiles were
            # fired at the airfield"; "The military denied striking inside the zone in al-Mawasi")
            seen = {_bare_noun(w) for w in re.findall(r"[\w\-]+", text.norm[: text.norm_span(*claim.span)[0]])}
            places = _placed_in(text, claim.span, attack=True)
            if _new_action(text, claim.span):
                places |= _aimed_at(text, claim.span)
            aimed |= places - seen
        cause = _cause_of(text, claim)
        if cause is not None:
            causes.append(cause)
        recent.append(claim)
    return out


@lru_cache(maxsize=1)
def _cause_rules() -> tuple[re.Pattern, frozenset[str], frozenset[str]]:
    data = tomllib.loads((resources.files("consistency") / "data" / "recall.toml").read_text(encoding="utf-8"))["cause"]
    forms = sorted({normalize(w).text.strip() for w in data["markers_en"] + data["markers_ar"]}, key=len, reverse=True)
    cause = re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(w) for w in forms)})(?!\w)")
    demo = frozenset(normalize(w).text.strip() for w in data["demonstratives_en"] + data["demonstratives_ar"])
    nouns = frozenset(normalize(w).text.strip() for w in data["nouns_en"] + data["nouns_ar"])
    return cause, demo, nouns


def _bare_noun(word: str) -> str:
    return re.sub(r"^(?:بال|ال|ب)(?=\w{3})", "", word)


def _cause_of(text: DocText, claim: Claim) -> tuple[frozenset[str], frozenset[str]] | None:
    """The attack `claim` gives as the cause of this one, as news not yet reported ("responsible
    for a missile attack on Jizan", "التي خططت ونفذت ... في جازان ... بصاروخ"; not "in retaliation
    for the chemical attack", "ردًا على الهجوم"): its nouns and the other words around them
    (places), or None."""
    cause, _, nouns = _cause_rules()
    a, b = text.norm_span(*claim.span)
    m = cause.search(text.norm, a, b)
    if m is None:
        return None
    window = re.findall(r"\w+", text.norm[m.end():b])[:14]
    article = next((w for w in window if w in {"a", "an", "the", "its", "their", "his", "her", "this", "that"}), None)
    if article not in (None, "a", "an"):
        return None  # "in retaliation for the chemical attack": the incident already reported, not a new one
    named = frozenset(_bare_noun(w) for w in window if not w.startswith("ال")) & nouns
    place = frozenset(w for w in window if len(w) > 3 and not w.startswith("ال") and _bare_noun(w) not in nouns)
    return (named, place) if named else None


def _points_to(text: DocText, claim: Claim, named: frozenset[str], place: frozenset[str]) -> bool:
    """Whether `claim` opens by pointing back to a cause attack: "That missile ...", "ذلك
    الصاروخ ...", or its noun with the place the cause phrase named ("صاروخ جازان أسفر عن ...")."""
    _, demo, _ = _cause_rules()
    c0, c1 = text.norm_span(*claim.span)
    words = re.findall(r"\w+", text.norm[c0:c1])[:8]
    for k, w in enumerate(words[:-1]):
        nxt = words[k + 1]
        if w in demo and _bare_noun(nxt) in named:
            return True  # "That missile", "ذلك الصاروخ"
        if k <= 4 and w in named and nxt in place:
            return True  # "صاروخ جازان": the noun with the place the cause phrase named
    return False


def _aims_at(text: DocText, claim: Claim, aimed: set[str]) -> bool:
    """Whether `claim` tells of an attack on one of the `aimed` places."""
    if not (_hits(text, "attack_nouns", claim.span, "words") or _action_verbs(text, claim.span)):
        return False
    return not (_aimed_at(text, claim.span) | _placed_in(text, claim.span)).isdisjoint(aimed)


def _same_speaker(a: Claim, b: Claim) -> bool:
    """The same actor, or one speaker's words within the other's ("the defence secretary" /
    "the defence secretary Lloyd Austin")."""
    if a.actor_id == b.actor_id:
        return True
    if not a.speaker or not b.speaker:
        return False
    x, y = normalize(a.speaker).text.strip(), normalize(b.speaker).text.strip()
    return len(min(x, y, key=len)) >= 6 and (x in y or y in x)


# An incident of the report's own day ("killed 12 today", "قتل ١٢ شخصا اليوم"); "that day"
# (ذلك اليوم) is not one.
_TODAY = re.compile(r"(?<!\w)(?:today|tonight|this morning|this afternoon|this evening)(?!\w)"
                    r"|(?<!ذلك )(?<!ذات )(?<!نفس )(?<!في )(?<!\w)اليوم(?!\w)")


# A day named anywhere in a lead at most this long before publication is a recall (an inquiry
# a week later "into the deaths on February 29"); an older day counts only in the lead's first
# sentence beside an incident word, as coarse periods do ("the strike in March"). How each
# joins an event: `group.events.cluster_documents`.
RECALL_HORIZON = 31


def recalled_days(documents: list[Document], texts: dict[str, DocText], window_days: int,
                  lead_chars: int = 400, horizon: int = RECALL_HORIZON) -> dict[int, list[tuple[int, int]]]:
    """For follow-up reports: the earlier periods their lead recalls, as (first, last) day
    ordinals, each beginning more than the window before publication.

    - a day the lead names (within `lead_chars`) at most `horizon` days back: (day, day);
    - in the lead's first sentence, when it names an incident ("attack", "الضربة"): an older
      day, or a period named by month or relative to publication ("in March", "last month",
      "في مارس الماضي", "earlier this year"), as (first, last) with first < last or older
      than `horizon`.
    """
    out: dict[int, list[tuple[int, int]]] = {}
    for i, document in enumerate(documents):
        if not document.date:
            continue
        ref = date.fromisoformat(document.date)
        doc = texts[document.id]
        lead = (0, min(len(document.text), lead_chars))
        days = _days(doc, lead, ref)
        found = [(d.toordinal(), d.toordinal()) for d in days if window_days < (ref - d).days <= horizon]
        if found and _lead_news(document, doc, ref, lead[1], window_days):
            found = []  # "Jets struck the camp again on Tuesday, killing 12, two weeks after the May 26 strike"
        periods = [r for r in recalls(doc, lead, ref) if (ref - r.first).days > window_days]
        if periods or any((ref - d).days > horizon for d in days):
            found += _older_recalls(document, doc, ref, periods, horizon, lead[1], window_days)
        found += _elapsed_recalls(document, doc, ref, lead[1], window_days)
        if not found:
            found = _about_recalls(document, doc, ref, lead[1], window_days)
        if found:
            out[i] = sorted(set(found))
    return out


@lru_cache(maxsize=1)
def _news_verbs() -> re.Pattern:
    from consistency.group.recall import _alternation

    data = tomllib.loads((resources.files("consistency") / "data" / "recall.toml").read_text(encoding="utf-8"))["news"]
    return re.compile(rf"(?<!\w)(?:و|ف)?(?:{_alternation(data['verbs_en'] + data['verbs_ar'])})(?!\w)")


def _action_verbs(doc: DocText, span: tuple[int, int]) -> list[tuple[int, int]]:
    """Where `span` gives an action as news (recall.toml [news]): "struck", "أطلقت"."""
    a, b = doc.norm_span(*span)
    return [m.span() for m in _news_verbs().finditer(doc.norm, a, b)]


def _lead_news(document: Document, doc: DocText, ref: date, lead_end: int, window_days: int) -> bool:
    """Whether the lead's first sentence gives an attack of the report's own days as news: an
    attack noun, a day within the window (its dateline's aside), a weekday or "today", and a
    verb of action or an outcome ("Jets struck the camp again on Tuesday, killing 12";
    "قصفت الطائرات المخيم مجددًا اليوم")."""
    first = sentences(document.text[:lead_end], document.language)[:1]
    if not first or not _hits(doc, "attack_nouns", first[0], "words"):
        return False
    dateline = _DATELINE.match(document.text[: first[0][1]])
    body = (dateline.end() if dateline else first[0][0], first[0][1])
    a, b = doc.norm_span(*body)
    own = any((ref - d).days <= window_days for d in mentioned_days(doc, body, ref.year)) \
        or _today_news(doc, body) \
        or any((ref - d).days <= window_days for d in mentioned_weekdays(doc, body, ref, statements=False))
    return bool(own) and bool(_action_verbs(doc, body) or _about_rules()[2].search(doc.norm, a, b))


# A dateline: place, date and agency before a dash at the start of a report ("KABUL, Nov 25
# (Reuters) -", "GENEVA (AP) —").
_DATELINE = re.compile(r"\s*[^\n]{0,60}?(?:\([^)\n]{1,30}\)\s*)?\s(?:-|—|–)\s")


# A report about an earlier incident that gives it no date recalls an incident of the last
# month: one begun at most this many days before it, as a day named anywhere in a lead
# (`RECALL_HORIZON`). Months later a report dates what it recalls ("the Aug. 4 explosion", "in
# August"), and an undated "the explosion" then is as likely a new one as the old.
ABOUT_HORIZON = 31


@lru_cache(maxsize=1)
def _about_rules() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    data = tomllib.loads((resources.files("consistency") / "data" / "recall.toml").read_text(encoding="utf-8"))
    about, nouns = data["about"], data["elapsed"]
    from consistency.group.recall import _alternation

    stems = sorted({normalize(w).text.strip()[2:] for w in nouns["nouns_ar"] if normalize(w).text.startswith("ال")},
                   key=len, reverse=True)
    definite = re.compile(
        rf"(?<!\w)(?:{_alternation(about['determiners_en'])})\s+(?:[\w.\-'’]+\s+){{0,4}}?(?:{_alternation(nouns['nouns_en'])})(?!\w)"
        rf"|(?<!\w)(?:و|ف)?(?:بال|لل|كال|ال)(?:{'|'.join(re.escape(w) for w in stems)})(?!\w)"
    )
    markers = re.compile(rf"(?<!\w)(?:{_alternation(about['markers_en'] + about['markers_ar'])})(?!\w)")
    outcomes = re.compile(rf"(?<!\w)(?:و|ف)?(?:{_alternation(about['outcomes'])})(?!\w)")
    return definite, markers, outcomes


def _about_recalls(document: Document, doc: DocText, ref: date, lead_end: int, window_days: int) -> list[tuple[int, int]]:
    """A report about an earlier incident it gives no date: the lead's first sentence names an
    incident with a definite article and a word of inquiry, finding or admission ("The U.S. air
    strike on the hospital was caused by human error, the commander said on Wednesday,
    presenting the results of a military investigation"; "نشرت المنظمة يوم الخميس نتائج
    مراجعتها الداخلية للهجوم الجوي على المستشفى"). It recalls the month before it, short of the
    window (`ABOUT_HORIZON`): the incident it is about is one begun then. A sentence that
    reports an action of the report's own days is news of a new incident, not a report about
    an old one: a date within the window, or a weekday or "today" beside a verb of action
    ("Jets struck the town again on Monday, as the army opened an investigation into the raid")."""
    first = sentences(document.text[:lead_end], document.language)[:1]
    if not first:
        return []
    definite, markers, outcomes = _about_rules()
    a, b = doc.norm_span(*first[0])
    if not definite.search(doc.norm, a, b) or not markers.search(doc.norm, a, b):
        return []
    dateline = _DATELINE.match(document.text[: first[0][1]])
    body = (dateline.end() if dateline else first[0][0], first[0][1])  # "KABUL, Nov 25 (Reuters) -" dates the report
    days = mentioned_days(doc, body, ref.year)
    if any((ref - day).days <= window_days for day in days):
        return []
    # a weekday or "today" may date a statement ("نشرت المنظمة يوم الخميس نتائج ..."): they date
    # news only beside a verb of action
    own = _TODAY.search(doc.norm, a, b) \
        or any((ref - day).days <= window_days for day in mentioned_weekdays(doc, body, ref, statements=False))
    if own and (_action_verbs(doc, body) or outcomes.search(doc.norm, *doc.norm_span(*body))):
        return []
    last = ref - timedelta(days=window_days + 1)
    return [((ref - timedelta(days=ABOUT_HORIZON)).toordinal(), last.toordinal())]


def _elapsed_recalls(document: Document, doc: DocText, ref: date, lead_end: int, window_days: int) -> list[tuple[int, int]]:
    """The incident a follow-up dates back by the time since it, anywhere in its text ("five
    days after the blast", "بعد أسبوع على الانفجار"), unless the lead's first sentence reports an
    incident of the report's own days (then the recalled one is only its background)."""
    every = elapsed(doc, (0, len(document.text)), ref)
    found = [r for r in every if (ref - r.last).days > window_days]
    if not found:
        return []
    first = sentences(document.text[:lead_end], document.language)[:1]
    if first and (_hits(doc, "attack_nouns", first[0], "words") or names_incident(doc, first[0], every)):
        a, b = doc.norm_span(*first[0])
        if any((ref - day).days <= window_days for day in _days(doc, first[0], ref, statements=False)) \
                or _TODAY.search(doc.norm, a, b):
            return []
    return [(r.first.toordinal(), r.last.toordinal()) for r in found]


def _older_recalls(document: Document, doc: DocText, ref: date, periods: list, horizon: int,
                   lead_end: int, window_days: int) -> list[tuple[int, int]]:
    """The older days and the `periods` of the lead's first sentence, when it names an
    incident and dates none to the report's own days: "A second strike hit the market on
    Saturday, after the raid there earlier this month" reports a new incident."""
    sentences_ = sentences(document.text[:lead_end], document.language)
    if not sentences_:
        return []
    first = sentences_[0]
    if not _hits(doc, "attack_nouns", first, "words"):
        return []
    days = _days(doc, first, ref, statements=False)
    a, b = doc.norm_span(*first)
    if any((ref - day).days <= window_days for day in days) or _TODAY.search(doc.norm, a, b):
        return []
    out = [(day.toordinal(), day.toordinal()) for day in days if (ref - day).days > horizon]
    out += [(r.first.toordinal(), r.last.toordinal()) for r in periods if r.end <= b]
    return out
