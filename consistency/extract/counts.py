"""Count facets: which number counts what, and whether it is this incident's whole toll.

A number's subject is the nearest subject word of the lexicon in its clause (the word after
it is preferred in English, "two were killed"; the word before it in Arabic, "مقتل شخصين").
Years, dates, times, percentages and ids are never counts (`text.numbers` tells them apart).
A count is `cumulative` when its sentence speaks of a war-long toll ("since October"), or a
year-long span follows it ("600 health workers killed since 2011", "منذ عام 2011"), and
`partial` when it is a subset or one hospital's figure ("10 bodies at Kamal Adwan").

    "At least two fighters died and six were wounded"  -> killed [2, None], injured [6, 6]
    "The ministry's war death toll passed 30,000"      -> killed, scope cumulative
"""

from __future__ import annotations

import re

from consistency.extract.doctext import DocText
from consistency.extract.lexicon import facet_table, matcher
from consistency.models import Count

CASUALTY_SUBJECTS = frozenset({"killed", "injured", "missing", "detained", "casualties"})
# Subjects that count people; the others count things (missiles, buildings, ...).
PEOPLE_SUBJECTS = CASUALTY_SUBJECTS | {"sheltering", "hostages", "gunshot", "rescued", "children killed",
                                       "children injured"}
_WINDOW = 5
_SINCE_WINDOW = 12  # words from a count to a "since <year>" that still scopes it
_STOP = re.compile(r"^[.;:!?()\[\]«»\"“”]$")
_COMMA = re.compile(r"^[,،]$")
_PARTITIVE = re.compile(r"\s*(?:of\b|من\b)")
_CLAUSE_WORDS = frozenset({"and", "or", "while", "but", "whereas", "as", "when", "فيما", "بينما"})
_WORD = re.compile(r"\w+(?:[.'’\-]\w+)*|[^\w\s]")


def _lang(language: str) -> str:
    return language if language in ("ar", "en") else "en"


def extract_counts(doc: DocText, span: tuple[int, int], sentence: tuple[int, int]) -> list[Count]:
    """Counts whose number lies in `span` (original positions); `sentence` gives the scope."""
    lang = _lang(doc.language)
    numbers = [m for m in doc.numbers if m.kind == "count" and span[0] <= m.start and m.end <= span[1]]
    s0, s1 = doc.norm_span(*sentence)
    seg = doc.norm[s0:s1]
    if not numbers:
        out = _none_killed(doc, span, seg, s0, lang) + _one_launched(doc, span, seg, s0, lang, [])
        return out + _single(doc, span, seg, s0, lang, out)
    tokens = [(m.start() + s0, m.end() + s0) for m in _WORD.finditer(seg)]
    subjects = [(h.start + s0, h.end + s0, h.label) for h in matcher(lang, "count_subjects").finditer(seg)]
    num_spans = [doc.norm_span(m.start, m.end) for m in numbers]
    rules = facet_table(lang).get("count_rules", {})
    cumulative = bool(matcher(lang, "scope", "cumulative").finditer(seg))
    since_years = _since_years(doc, seg, s0, lang, sentence)
    toll_hits = [h.start + s0 for h in matcher(lang, "count_rules", "toll").finditer(seg)]
    partial_hits = [(h.start + s0, h.end + s0) for h in matcher(lang, "scope", "partial").finditer(seg)]
    after_hits = [(h.start + s0, h.end + s0) for h in matcher(lang, "count_rules", "subset_nouns").finditer(seg)]
    before_hits = [(h.start + s0, h.end + s0) for h in matcher(lang, "count_rules", "subset_before").finditer(seg)]
    taken_in = [h.end + s0 for h in matcher(lang, "scope", "partial_verbs").finditer(seg)]
    child_hits = [(h.start + s0, h.end + s0) for h in matcher(lang, "count_rules", "children").finditer(seg)]
    of_total = [(h.start + s0, h.end + s0) for h in matcher(lang, "count_rules", "part_of_total").finditer(seg)]
    joiners = set(rules.get("joiners", []))
    light = frozenset(rules.get("light", []))
    objects = frozenset(rules.get("object_prepositions", []))

    out = []
    units = [h.start + s0 for h in matcher(lang, "count_rules", "units").finditer(seg)]
    people = [(h.start + s0, h.end + s0) for h in matcher(lang, "count_people", "words").finditer(seg)]
    pows = [(h.start + s0, h.end + s0) for h in matcher(lang, "count_rules", "prisoners_of_war").finditer(seg)]
    hostages = [(h.start + s0, h.end + s0) for h in matcher(lang, "count_rules", "hostage_nouns").finditer(seg)
                if not any(a <= h.start + s0 < b for a, b in pows)]
    own_fire = [(h.start + s0, h.end + s0) for h in matcher(lang, "count_rules", "own_fire").finditer(seg)]
    shot = [(h.start + s0, h.end + s0) for h in matcher(lang, "count_rules", "gunshot").finditer(seg)]
    for mention, (n0, n1) in zip(numbers, num_spans):
        if any(0 <= u - n1 <= 2 for u in units):
            continue  # "17-kilogram warheads", "45 km": a measure, not a count
        if mention.value == 1 and _PARTITIVE.match(doc.norm[n1 : n1 + 8]):
            continue  # "one of the deadliest attacks", "احد ... من": one of a set, not a count
        subject = _subject(n0, n1, tokens, subjects, num_spans, lang, seg, s0, joiners, light, before_hits, objects)
        # the first figure after a toll phrase is that toll ("the toll rose to 53 prisoners")
        by_toll = subject in (None, "killed") and any(
            t < n0 and not any(t < a < n0 for a, _ in num_spans) for t in toll_hits)
        if subject is None and by_toll:
            subject = "killed"
        if subject is not None and subject not in PEOPLE_SUBJECTS and _near(n0, n1, people, tokens, before=0, after=1):
            continue  # "more than a thousand people were in the building": people, not buildings
        if subject == "killed" and not by_toll and _near(n0, n1, hostages, tokens, before=0, after=3):
            subject = "hostages"  # "killed a number of the captives": not the incident's toll
            # ("the toll rose to 53 prisoners" is the incident's toll)
        if subject in ("killed", "injured", "casualties") and (
                _near(n0, n1, own_fire, tokens, before=3, after=0)
                or (_near(n0, n1, after_hits, tokens, before=0, after=2) and _near(n0, n1, shot, tokens, before=0, after=5))):
            subject = "gunshot"  # "its fire caused no more than 10 casualties", "142 of them with gunshot wounds"
        if subject is not None and subject not in PEOPLE_SUBJECTS and _part_of_total(doc, n1, of_total, num_spans):
            continue  # "23 صاروخًا فقط من أصل 59", "18 drones out of 21": the part that reached or fell
        marked = _marked(n0, n1, before_hits, tokens, num_spans)
        subset = marked or _near(n0, n1, after_hits, tokens, before=0, after=2)
        if subset and out and subject not in ("killed", "injured", "casualties", "gunshot", "hostages"):
            # "39 rescued, including six children, from under the rubble", "10 members of one
            # family, seven of them children": the subset counts what its whole counts
            subject = out[-1].subject
            if subject.startswith("children ") and not _near(n0, n1, child_hits, tokens, before=0, after=3):
                subject = subject.removeprefix("children ")  # "32 children and 23 women": women are no children
        breakdown = subset and subject in ("killed", "injured") and any(
            k.subject == subject and k.scope == "event" for k in out) and _near(n0, n1, child_hits, tokens, before=0, after=3)
        if subject is None or (subject == "rescued" and (hostages or matcher(lang, "count_rules", "alive").finditer(seg))):
            continue  # "all three were rescued alive": the hostages' fate, counted by _none_killed
        scope = "event"
        if breakdown and not cumulative:
            # "51 killed, 40 of them children": the children among this toll, a count of its
            # own that another source's breakdown may contradict (7 children against 6)
            subject = "children " + subject
        elif cumulative or any(0 <= a - n1 and len(doc.norm[n1:a].split()) <= _SINCE_WINDOW for a in since_years):
            scope = "cumulative"
        elif (
            _near(n0, n1, partial_hits, tokens, before=8, after=8)
            or _near(n0, n1, after_hits, tokens, before=0, after=2)
            or marked
            or any(_in_clause(doc.norm[t:n0]) for t in taken_in if t <= n0)
        ):
            scope = "partial"
        out.append(
            Count(
                subject=subject,
                low=mention.low,
                high=mention.high,
                qualifier=mention.qualifier,
                text=mention.text,
                span=(mention.start, mention.end),
                scope=scope,
            )
        )
    out += _none_killed(doc, span, seg, s0, lang) + _one_launched(doc, span, seg, s0, lang, out)
    return out + _single(doc, span, seg, s0, lang, out)


_PART_GAP = 3  # words between a part's number and "out of" ("23 missiles only out of 59")


def _part_of_total(doc: DocText, n1: int, hits, num_spans) -> bool:
    """The number is a part of a total given right after it: "23 missiles out of 59", "23
    صاروخًا فقط من أصل 59" (those that reached, fell or were downed, not how many were fired)."""
    for a, b in hits:
        between = doc.norm[n1:a]
        if a < n1 or len(between.split()) > _PART_GAP or any(ch in ",،;:.؛" for ch in between):
            continue
        if any(n1 <= x < a for x, _ in num_spans):
            continue
        if any(x >= b and len(doc.norm[b:x].split()) <= 1 for x, _ in num_spans):
            return True
    return False


def _marked(n0, n1, hits, tokens, num_spans) -> bool:
    """A subset marker shortly before the number, with no other number between them: in
    "51 dead, among them 40 children, and 79 wounded" it marks 40, not 79."""
    i, _ = _tok_range(tokens, n0, n1)
    lo = tokens[max(0, i - 3)][0] if tokens else n0
    return any(lo <= a and b <= n0 and not any(b <= x < n0 for x, _ in num_spans) for a, b in hits)


# What ends the clause of a verb of taking in ("the hospital received ..."): another speaker
# or clause, or the sentence.
_CLAUSE_END = re.compile(r"[.;:!?]|\b(?:said|says|while|but|whereas|according)\b|فيما|بينما|\bقال|\bاعلن|\bاكد", re.I)
_TAKEN_IN_WORDS = 25


def _in_clause(between: str) -> bool:
    return len(between.split()) <= _TAKEN_IN_WORDS and not _CLAUSE_END.search(between)


def _since_years(doc: DocText, seg: str, s0: int, lang: str, sentence: tuple[int, int]) -> list[int]:
    """Normalised starts of "since <year>" ("since 2011", "منذ عام 2011") in the sentence: a
    toll counted over years, not one incident's."""
    years = [doc.norm_span(m.start, m.end)[0] for m in doc.numbers
             if m.kind == "year" and sentence[0] <= m.start < sentence[1]]
    out = []
    for h in matcher(lang, "scope", "since_year").finditer(seg):
        a = h.start + s0
        if any(a < y and len(doc.norm[h.end + s0 : y].split()) <= 1 for y in years):
            out.append(a)
    return out


def _none_killed(doc: DocText, span, seg: str, s0: int, lang: str) -> list[Count]:
    """"All four were rescued alive", "أُفرج عن الرهائن أحياء": none of the captives died, a
    count of 0 hostages killed against a claim that some were."""
    c0, c1 = doc.norm_span(*span)
    alive = [h for h in matcher(lang, "count_rules", "alive").finditer(seg) if c0 <= h.start + s0 < c1]
    if not alive:
        return []
    held = bool(matcher(lang, "count_rules", "hostage_nouns").finditer(seg))
    tokens = [(m.start() + s0, m.end() + s0) for m in _WORD.finditer(seg)]
    everyone = [(h.start + s0, h.end + s0) for h in matcher(lang, "count_rules", "all_of").finditer(seg)]
    out = []
    for h in alive:
        a, b = h.start + s0, h.end + s0
        if held or _near(a, b, everyone, tokens, before=6, after=0):
            o0, o1 = doc.to_orig(a, b)
            out.append(Count(subject="hostages", low=0.0, high=0.0, qualifier="exact", text=doc.text[o0:o1],
                             span=(o0, o1), scope="event"))
            break
    return out


def _one_launched(doc: DocText, span, seg: str, s0: int, lang: str, counted: list[Count]) -> list[Count]:
    """"The missile was launched from ...", "fired a short-range ballistic missile", "الصاروخ
    أُطلق من": a single missile named as what was fired counts one."""
    if any(c.subject == "missiles" for c in counted):
        return []
    singles = matcher(lang, "count_rules", "single_missile").finditer(seg)
    if not singles:
        return []
    c0, c1 = doc.norm_span(*span)
    tokens = [(m.start() + s0, m.end() + s0) for m in _WORD.finditer(seg)]
    before = [(h.start + s0, h.end + s0) for h in matcher(lang, "count_rules", "launch_before").finditer(seg)]
    after = [(h.start + s0, h.end + s0) for h in matcher(lang, "count_rules", "launch_after").finditer(seg)]
    for h in singles:
        a, b = h.start + s0, h.end + s0
        if not (c0 <= a < c1) or seg[h.end:h.end + 8].strip().startswith(("strike", "attack", "ضرب", "هجوم")):
            continue
        if _near(a, b, before, tokens, before=5, after=0) or _near(a, b, after, tokens, before=0, after=4):
            o0, o1 = doc.to_orig(a, b)
            return [Count(subject="missiles", low=1.0, high=1.0, qualifier="exact", text=doc.text[o0:o1],
                          span=(o0, o1), scope="event")]
    return []


def _single(doc: DocText, span, seg: str, s0: int, lang: str, counted: list[Count]) -> list[Count]:
    """"A single bomb struck the bus", "a single Hellfire missile was fired", "a single strike":
    one weapon or one strike, counted like the figure 1 ("not a single missile" counts none)."""
    singles = matcher(lang, "count_rules", "single").finditer(seg)
    if not singles:
        return []
    c0, c1 = doc.norm_span(*span)
    tokens = [(m.start() + s0, m.end() + s0) for m in _WORD.finditer(seg)]
    subjects = [(h.start + s0, h.end + s0, h.label) for h in matcher(lang, "count_subjects").finditer(seg)]
    for key, label in (("single_attacks", "attacks"), ("single_missiles", "missiles")):
        subjects += [(h.start + s0, h.end + s0, label) for h in matcher(lang, "count_rules", key).finditer(seg)]
    subjects.sort()
    struck = [(h.start + s0, h.end + s0) for h in matcher(lang, "count_rules", "single_struck").finditer(seg)]
    negators = frozenset(facet_table(lang).get("count_rules", {}).get("single_not_after", []))
    have = {c.subject for c in counted}
    out = []
    for h in singles:
        a, b = h.start + s0, h.end + s0
        if not (c0 <= a < c1):
            continue
        i, j = _tok_range(tokens, a, b)
        if i > 0 and doc.norm[tokens[i - 1][0]:tokens[i - 1][1]] in negators:
            continue
        hit = next(((x, y, lab) for x, y, lab in subjects
                    if x >= b and any(tokens[k][0] == x for k in range(j, min(j + 3, len(tokens))))), None)
        if hit is None or hit[2] in PEOPLE_SUBJECTS or hit[2] in have:
            continue
        o0, o1 = doc.to_orig(a, hit[1])
        labels = [hit[2]]
        if hit[2] == "missiles" and "attacks" not in have and _near(hit[0], hit[1], struck, tokens, before=0, after=3):
            labels.append("attacks")
        for label in labels:
            out.append(Count(subject=label, low=1.0, high=1.0, qualifier="exact", text=doc.text[o0:o1],
                             span=(o0, o1), scope="event"))
            have.add(label)
    return out


def _tok_range(tokens, a: int, b: int) -> tuple[int, int]:
    """Indexes [i, j) of the tokens overlapping normalised [a, b)."""
    i = next((k for k, (s, e) in enumerate(tokens) if e > a), len(tokens))
    j = next((k for k in range(i, len(tokens)) if tokens[k][0] >= b), len(tokens))
    return i, max(j, i + 1)


def _subject(n0, n1, tokens, subjects, num_spans, lang, seg, s0, joiners, light=frozenset(), asides=(),
             objects=frozenset()):
    """The nearest subject word of the clause. The word right after the number is its counted
    noun in both languages ("٤٥ شهيدًا", "six wounded"); a conjunction ends the clause, and an
    Arabic word with the conjunction و starts the next one ("مقتل شخصين وإصابة خمسة").
    Auxiliaries and hedges ("were believed to be") add no distance, nor does a subset set off
    by commas ("nine civilians, including six children, were killed")."""
    inside = [lab for a, b, lab in subjects if a < n1 and b > n0]
    if inside:
        return inside[0]
    i, j = _tok_range(tokens, n0, n1)
    others = {k for a, b in num_spans if (a, b) != (n0, n1) for k in range(*_tok_range(tokens, a, b))}
    best = None  # (distance, preference, label, hit_end)
    for direction, pref in (("after", 0), ("before", 1)):
        dist, k = 0, (j if direction == "after" else i - 1)
        while 0 <= k < len(tokens) and dist < _WINDOW:
            text = seg[tokens[k][0] - s0 : tokens[k][1] - s0]
            if direction == "after" and _COMMA.match(text):
                close = _aside_end(tokens, k, asides, seg, s0)
                if close is not None:
                    k = close + 1
                    continue
            if _STOP.match(text) or k in others or text in joiners or text in _CLAUSE_WORDS:
                break
            if direction == "before" and k == i - 1 and text in objects:
                break  # "fired from two destroyers": the number counts the noun after it
            conj = lang == "ar" and len(text) > 2 and text[0] == "و"
            if direction == "after" and conj:
                break
            if text in light:
                k += 1 if direction == "after" else -1
                continue
            dist += 2 if _COMMA.match(text) else 1
            hit = next(((a, b, lab) for a, b, lab in subjects if a <= tokens[k][0] < b), None)
            if hit is not None:
                cand = (dist, pref, hit[2], hit[1])
                if best is None or cand[:2] < best[:2]:
                    best = cand
                break
            if direction == "before" and conj:
                break
            k += 1 if direction == "after" else -1
    if best is None:
        return None
    label, hit_end = best[2], best[3]
    if label in ("killed", "injured") and _joined_to_other(hit_end, label, subjects, seg, s0, joiners):
        return "casualties"
    return label


def _aside_end(tokens, k, asides, seg, s0):
    """Index of the comma that closes a subset aside opening after the comma at token ``k``
    (", including six children,", "، بينهم ستة أطفال،"), or None."""
    if k + 1 >= len(tokens) or not any(a == tokens[k + 1][0] for a, _ in asides):
        return None
    for m in range(k + 2, min(k + 10, len(tokens))):
        text = seg[tokens[m][0] - s0 : tokens[m][1] - s0]
        if _COMMA.match(text):
            return m
        if _STOP.match(text):
            return None
    return None


def _joined_to_other(hit_end, label, subjects, seg, s0, joiners) -> bool:
    """'killed and wounded' / 'قتلى وجرحى': the number counts both together."""
    other = "injured" if label == "killed" else "killed"
    for a, b, lab in subjects:
        if lab != other or a < hit_end:
            continue
        between = seg[hit_end - s0 : a - s0].strip()
        return between in joiners or between == "" or (len(between) <= 4 and between.rstrip() in joiners)
    return False


def _near(n0, n1, hits, tokens, before: int = 8, after: int = 6) -> bool:
    i, j = _tok_range(tokens, n0, n1)
    lo = tokens[max(0, i - before)][0] if tokens and before else n0
    hi = tokens[min(len(tokens) - 1, j + after - 1)][1] if tokens and after else n1
    return any(lo <= a and b <= hi for a, b in hits)
