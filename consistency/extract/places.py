"""A party denying that it struck a place, and reports of an attack on that place.

    "The army denied striking the market in the old town"      -> denial struck_place, about "the market in the old town"
    "نفى الجيش أن يكون قد قصف المستشفى" / "نفت الوزارة استهداف السوق" -> denial struck_place
    "denied any involvement in the attack on the market"       -> nothing here (the attack is granted)
    "a shell hit the market at noon" (another source)          -> an attack on "market": the other side

The denied place is the words after the striking word, up to the clause's end; a report meets
it when an attack word stands within a few words of one of those words (Arabic compared
without its clitics, Latin spellings by consonant skeleton, so "theatre" meets "theater").
"""

from __future__ import annotations

import re
from functools import lru_cache

from consistency.extract.doctext import DocText
from consistency.extract.frames import _hits, _lang, _token_gap
from consistency.extract.identity import skeleton
from consistency.extract.lexicon import facet_table
from consistency.models import FacetValue
from consistency.text.normalize import normalize

_VERB_GAP = 10  # words from "denied" / "نفى" to the striking word ("نفت الوزارة أن تكون طائراتها قد قصفت")
_PLACE_WORDS = 7  # words of the place after the striking word
_ATTACK_GAP = 6  # words between an attack word and the place word of a report
_BREAK = re.compile(r"[,،;؛:.!?\"«»()]")
# a day or a place set off by commas ("نفى التحالف، السبت، أن تكون ..."): no clause break
_ASIDE = re.compile(r"[,،]\s*\S+(?:\s+\S+)?\s*[,،]")
_WORD = re.compile(r"[\w'’\-]+")
_AR = re.compile(r"[\u0621-\u064a]")
# Arabic proclitics a place word may carry: conjunction, then preposition with the article.
_AR_CLITIC = re.compile(r"^(?:[وف](?=..))?(?:[بكل]?ال|لل)?")


def _table(doc: DocText) -> dict:
    return facet_table(_lang(doc.language)).get("denial_places", {})


def denied_strikes(doc: DocText, span: tuple[int, int]) -> list[FacetValue]:
    """"<deny> ... <strike> <place>": the place a party denies striking, as a denial whose
    `about` is the place as written. A striking word after a relative ("the attack that hit")
    or a word of the party's part ("denied any role in striking") is granted, not denied."""
    verbs = _hits(doc, "denial_places", span, "verbs")
    if not verbs:
        return []
    table = _table(doc)
    relatives = {normalized(w) for w in table.get("relatives", [])}
    granted = _hits(doc, "denial_places", span, "granted")
    out = []
    for s in _hits(doc, "denial_places", span, "strikes"):
        verb = next((v for v in reversed(verbs) if v.end <= s.start and _token_gap(doc, v.end, s.start) <= _VERB_GAP
                     and not _BREAK.search(_ASIDE.sub(" ", doc.norm[v.end : s.start]))), None)
        if verb is None:
            continue
        before = doc.norm[verb.end : s.start].split()
        if before and before[-1] in relatives or any(verb.end <= g.start and g.end <= s.start for g in granted):
            continue  # "the attack that hit", "denied any role in striking": the strike is granted
        end = _place_end(doc, s.end, min(doc.to_norm(span[1]), len(doc.norm)), table)
        if end is None:
            continue
        start, stop = doc.to_orig(verb.start, end)
        place = doc.to_orig(s.end, end)
        about = doc.text[place[0] : place[1]].strip()
        if place_keys(about, doc.language):
            out.append(FacetValue(value="struck_place", text=doc.text[start:stop], span=(start, stop),
                                  subject="struck_place", about=about))
    return out


def _place_end(doc: DocText, start: int, limit: int, table: dict) -> int | None:
    """Normalised end of the place after a striking word: up to punctuation, a word that opens
    another clause ("and", "saying", "وقال") or a few words."""
    stops = {normalized(w) for w in table.get("place_ends", [])}
    end, count = None, 0
    for m in re.finditer(r"\S+", doc.norm[start:limit]):
        word = m.group()
        bare = _BREAK.split(word)[0]
        if bare in stops or not bare:
            break
        end, count = start + m.start() + len(bare), count + 1
        if count >= _PLACE_WORDS or bare != word:
            break
    return end


def _variants(word: str) -> set[tuple[str, str]]:
    """The forms a place word is compared by ("w": the word, "sk": its consonant skeleton).
    Arabic without clitics or the accusative's final alef ("خيامًا" meets "الخيام"); Latin in
    lower case, without "al-" or a plural s ("al-Mawasi" meets "Mawasi", "tents" meets "tent")."""
    w = normalized(word).lower().strip("'’-")
    if _AR.search(w):
        bare = _AR_CLITIC.sub("", w)
        forms = {w, bare} | ({bare[:-1]} if bare.endswith("ا") and len(bare) > 3 else set())
    else:
        bare = re.sub(r"^(?:al|el)-", "", w)
        forms = {w, bare} | ({bare[:-1]} if bare.endswith("s") and len(bare) > 4 else set())
    out = {("w", f) for f in forms if len(f) >= 3}
    return out | {("sk", k) for k in (skeleton(f) for f in forms) if len(k) >= 3}


def normalized(word: str) -> str:
    return normalize(word).text


@lru_cache(maxsize=None)
def _stopwords(language: str) -> frozenset[str]:
    table = facet_table(_lang(language)).get("denial_places", {})
    return frozenset(normalized(w) for w in table.get("place_stopwords", []))


@lru_cache(maxsize=4096)  # a report's words are compared against every place denied in its event
def place_keys(text: str, language: str) -> frozenset[tuple[str, str, bool, bool]]:
    """The place's words worth comparing: (kind, form, Arabic?, proper name?). A Latin name is
    capitalised; every Arabic word may be one."""
    stop = _stopwords(language)
    keys = set()
    for w in _WORD.findall(text):
        n = normalized(w).lower()
        if n in stop or _AR_CLITIC.sub("", n) in stop or w.isdigit():
            continue
        arabic = bool(_AR.search(w))
        keys |= {(kind, form, arabic, arabic or any(ch.isupper() for ch in w)) for kind, form in _variants(w)}
    return frozenset(keys)


def _meets(ours, theirs) -> bool:
    """A word in common, or a skeleton in common within Latin script ("theatre", "theater") or
    between an Arabic word and a Latin name ("Kramatorsk", "كراماتورسك")."""
    words = {(f, ar) for kind, f, ar, _ in ours if kind == "w"}
    if any((f, ar) in words for kind, f, ar, _ in theirs if kind == "w"):
        return True
    for kind, f, ar, name in ours:
        if kind != "sk":
            continue
        for kind2, f2, ar2, name2 in theirs:
            if kind2 == "sk" and f == f2 and ((not ar and not ar2) or (ar != ar2 and (name if not ar else name2))):
                return True
    return False


def attack_words(doc: DocText, span: tuple[int, int]) -> list[FacetValue]:
    """The attack words of a clause ("bombed", "غارة")."""
    out = []
    for h in _hits(doc, "denial_places", span, "attacks"):
        start, end = doc.to_orig(h.start, h.end)
        out.append(FacetValue(value="attack", text=doc.text[start:end], span=(start, end)))
    return out


def attacks_on(doc: DocText, span: tuple[int, int], places: list[tuple[str, str]]) -> list[FacetValue]:
    """Spans of a claim where an attack word stands within a few words of a word of one of
    `places` (each with its language): "tank shells and a strike hit tents in the al-Mawasi
    area", "قصف مدفعي استهدف خيامًا في المواصي"."""
    want = set().union(*(place_keys(place, language) for place, language in places))
    if not want:
        return []
    attacks = _hits(doc, "denial_places", span, "attacks")
    if not attacks:
        return []
    a, b = doc.norm_span(*span)
    words = []
    for m in _WORD.finditer(doc.norm[a:b]):
        start, end = doc.to_orig(a + m.start(), a + m.end())
        if _meets(want, place_keys(doc.text[start:end], doc.language)):
            words.append((a + m.start(), a + m.end()))
    spans: list[tuple[int, int]] = []
    for w0, w1 in words:
        near = [h for h in attacks if _token_gap(doc, min(h.end, w1), max(h.start, w0)) <= _ATTACK_GAP
                and not re.search(r"[.;؛!?](?:\s|$)", doc.norm[min(h.end, w1) : max(h.start, w0)])]
        if near:
            h = min(near, key=lambda h: abs(h.start - w0))
            spans.append((min(h.start, w0), max(h.end, w1)))
    merged: list[list[int]] = []
    for lo, hi in sorted(spans):  # the place's words next to one attack word: one quote
        if merged and lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    out = []
    for lo, hi in merged:
        start, end = doc.to_orig(lo, hi)
        out.append(FacetValue(value="struck_place", text=doc.text[start:end], span=(start, end), subject="struck_place"))
    return out
