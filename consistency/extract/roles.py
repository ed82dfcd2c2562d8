"""Who the people were: identity facets about people and things, beyond a kunya's real name.

    "more than a thousand residents had taken refuge there"      -> people civilian
    "عناصر آزوف يحتجزون مدنيين رهائن" / "used them as human shields" -> people human_shields
    "a mob ambushed the trucks ... while looting the cargo"      -> people looters
    "Abdallah Aljamal, whom the army described as a Hamas operative"  -> role armed, about "jml"
    "which described him as a journalist" (after "Aljamal ...") -> role civilian, about "jml"
    "between 10 and 15 "terrorists" had been hiding in the hospital" -> people armed
    "Hezbollah leader Hassan Nasrallah" / "الأمين العام لحزب الله حسن نصر الله"
                                                               -> leader "Hassan Nasrallah", about "hezbollah"
    "a fire broke out in a fireworks store" / "2,750 tonnes of ammonium nitrate" exploded
                                                               -> material fireworks / ammonium nitrate

The categories and words live in data/facets_<lang>.toml ([people_identity], [person_roles],
[leader_roles], [materials]); compare/identity.py decides which categories conflict.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

from consistency.extract.doctext import DocText
from consistency.extract.frames import _dedupe, _hits, _token_gap, _value
from consistency.extract.identity import skeleton
from consistency.extract.lexicon import PhraseMatcher, facet_table
from consistency.models import FacetValue
from consistency.text.normalize import normalize

_LATIN_WORD = re.compile(r"(?:(?:al|el|bin|ibn|abu|abou)[\-\s])?[A-Z][\w'’\-]*")
_SENTENCE_END = re.compile(r"[.!?\n؟]\s")
_LOOKBACK = 600  # characters searched back for the person a pronoun stands for
_NAME = r"([A-Z][\w'’\-]+(?:\s+(?:al-|bin |ibn )?[A-Z][\w'’\-]+){0,3})"


def people(doc: DocText, span: tuple[int, int]) -> list[FacetValue]:
    """Who the people at the scene were, by category; within one claim an accusing category
    ("civilians held hostage", "residents ... looted the trucks") replaces plain "civilian"."""
    negs = _hits(doc, "negations", span, "words")
    denials = _hits(doc, "denial_verbs", span, "words")
    elsewhere = _hits(doc, "people_not_at_scene", span, "before")
    found = [_value(doc, h, h.label, subject="people") for h in _hits(doc, "people_identity", span)
             if h.label != "harm_words"
             # "any harm to civilians", "hiding among civilians": not who was at the scene
             and not (h.label == "civilian" and any(e.end <= h.start and _token_gap(doc, e.end, h.start) <= 1
                                                     for e in elsewhere))
             if not any(n.end <= h.start and _token_gap(doc, n.end, h.start) <= 2 for n in negs)
             # "rejected the army's account blaming looters" accuses no one of looting
             and not (h.label != "civilian" and any(d.end <= h.start and _token_gap(doc, d.end, h.start) <= 10
                                                    for d in denials))]
    found += _armed_hiding(doc, span, negs)
    if any(v.value == "looters" for v in found) and not _hits(doc, "people_identity", span, "harm_words"):
        # looting after the fact ("residents looted the ruins") says nothing of who was hit
        found = [v for v in found if v.value != "looters"]
    labels = {v.value for v in found}
    if labels - {"civilian"}:
        found = [v for v in found if v.value != "civilian"]
    return _dedupe(found)


_HIDING_WINDOW = 4  # words from an armed noun to the hiding word ("terrorists" had been hiding)


def _armed_hiding(doc: DocText, span: tuple[int, int], negs) -> list[FacetValue]:
    """"10 to 15 "terrorists" had been hiding in the hospital", "إرهابيًّا كانوا يختبئون في
    المستشفى": armed men at the scene; "no fighters were hiding there" names none."""
    hiding = _hits(doc, "people_armed", span, "hiding")
    out = []
    for n in _hits(doc, "people_armed", span, "nouns"):
        if any(g.start >= n.end and _token_gap(doc, n.end, g.start) <= _HIDING_WINDOW
               and not any(ch in ",.;،؛" for ch in doc.norm[n.end:g.start]) for g in hiding) \
                and not any(x.end <= n.start and _token_gap(doc, x.end, n.start) <= 3 for x in negs):
            out.append(_value(doc, n, "armed", subject="people"))
    return out


def materials(doc: DocText, span: tuple[int, int]) -> list[FacetValue]:
    """What exploded or burned, where the clause speaks of an explosion or a fire; a
    negated mention ("it was not fireworks", "لا يتعلق بمفرقعات") names nothing."""
    if not _hits(doc, "materials", span, "blast_words"):
        return []
    negs = _hits(doc, "negations", span, "words")
    out = []
    for h in _hits(doc, "materials", span):
        if h.label in ("blast_words",):
            continue
        if any(n.end <= h.start and _token_gap(doc, n.end, h.start) <= 3 for n in negs):
            continue
        out.append(_value(doc, h, h.label, subject="material"))
    return _dedupe(out)


# ---------------------------------------------------------------- roles of named people


def roles(doc: DocText, span: tuple[int, int]) -> list[FacetValue]:
    """The role a clause gives a named person ("X, a journalist", "described him as a Hamas
    operative"), keyed by the person's surname skeleton."""
    out = []
    text = doc.text
    for h in _hits(doc, "person_roles", span):
        if h.label == "titles":
            continue
        start, end = doc.to_orig(h.start, h.end)
        person = _role_bearer(doc, start, end, span)
        if person:
            out.append(FacetValue(value=h.label, text=text[start:end], span=(start, end), subject="role",
                                  about=person))
    return _dedupe(out)


def _role_bearer(doc: DocText, start: int, end: int, span: tuple[int, int]) -> str | None:
    text = doc.text
    sent_start = _sentence_start(text, start)
    before = text[sent_start:start]
    if doc.language == "ar":
        # "الصحفي عبد الله الجمل": the name right after the role word; a feminine or plural
        # form is an adjective or a group ("القوات المسلحة", "للصحافيين"), not one person's role.
        if re.search(r"(?:ه|ة|ين|ون|ات)$", normalize(text[start:end]).text):
            return None
        found = _arabic_name_after(text, end, min(len(text), end + 60))
        if found:
            return _key(found[0])
        # "ووصفه الجيش بأنه عنصر في حماس": "him" is the last person the document named
        # after a role word ("الصحفي عبد الله الجمل").
        if re.search(r"(?:بان|كون)(?:ه|ها)\s*$", normalize(text[max(0, start - 12) : start]).text):
            return _arabic_antecedent(doc, start)
        return None
    # "as a journalist" / "as a Hamas operative": whom was described so?
    tail = before[-80:]
    # "described Samir Haddad as a journalist", "Haddad was a journalist"
    m = re.search(_NAME + r"\s+(?:as|was|is|had been|has been)\s+(?:an? )?(?:[\w\-]+ )?$", tail)
    if m and _is_person(doc, m.group(1), start - len(tail) + m.start(1)):
        return _key(m.group(1))
    if re.search(r"\b(?:[Hh]e|[Ss]he) (?:was|is|had been|has been) (?:an? )?(?:[\w\-]+ )?$", tail):
        return _antecedent(doc, sent_start, start)  # "the army said he was a Hamas commander"
    if re.search(r"\bas (?:an? )?(?:[\w\-]+ )?$", tail):
        m = list(re.finditer(r"([A-Z][\w'’\-]+(?:\s+(?:al-|bin |ibn )?[A-Z][\w'’\-]+){0,3}),\s+(?:whom|who)\b", before))
        if m:
            return _key(m[-1].group(1))
        if re.search(r"\b(?:him|her)\b", tail + text[start:start]) or re.search(r"\b(?:him|her)\b", before):
            return _antecedent(doc, sent_start, start)
        return None
    # "Abdallah Aljamal, a journalist" (apposition)
    m = re.search(r"([A-Z][\w'’\-]+(?:\s+(?:al-|bin |ibn )?[A-Z][\w'’\-]+){0,3}),\s+(?:an?|the)\s+(?:[\w\-]+\s+){0,2}$", before)
    if m and _is_person(doc, m.group(1), sent_start + m.start(1)):
        return _key(m.group(1))
    # "journalist Abdallah Aljamal" / "Hamas operative Abdallah Aljamal"
    after = re.match(r"\s+([A-Z][\w'’\-]+(?:\s+(?:al-|bin |ibn )?[A-Z][\w'’\-]+){1,3})", text[end : end + 60])
    if after and _is_person(doc, after.group(1), end + after.start(1)):
        return _key(after.group(1))
    return None


def _arabic_antecedent(doc: DocText, pos: int) -> str | None:
    lo = max(0, pos - _LOOKBACK)
    best = None
    for h in _hits(doc, "person_roles", (lo, pos)):
        if h.label == "titles":
            continue
        s, e = doc.to_orig(h.start, h.end)
        if re.search(r"(?:ه|ة|ين|ون|ات)$", normalize(doc.text[s:e]).text):
            continue
        found = _arabic_name_after(doc.text, e, min(pos, e + 60))
        if found:
            best = found[0]
    return _key(best) if best else None


def _sentence_start(text: str, pos: int) -> int:
    lo = max(0, pos - _LOOKBACK)
    ends = list(_SENTENCE_END.finditer(text, lo, pos))
    return ends[-1].end() if ends else lo if lo else 0


def _antecedent(doc: DocText, sent_start: int, pos: int) -> str | None:
    """The person a "him"/"her" stands for: the nearest person named before it."""
    text = doc.text
    lo = max(0, sent_start - _LOOKBACK)
    window = text[lo:pos]
    best = None
    for m in re.finditer(r"[A-Z][\w'’\-]+(?:\s+(?:al-|bin |ibn )?[A-Z][\w'’\-]+){0,3}", window):
        if re.match(r"\W*(?:\w+\s+){0,2}(?:said|says|told|added|stated|wrote)\b", window[m.end() :]):
            continue  # "Hagari said he was ...": the speaker, not the one described
        if _is_person(doc, m.group(), lo + m.start()):
            best = m.group()
    return _key(best) if best else None


def _is_person(doc: DocText, name: str, pos: int) -> bool:
    """A capitalised name that is no body, place or agent: not after "the", not an agent of the
    lexicon, and a single word only where the document also writes it as a longer name."""
    text = doc.text
    prev = text[max(0, pos - 20) : pos].lower().split()
    if prev and prev[-1] in ("the", "of", "in", "at", "from", "to", "for", "on") or (len(prev) > 1 and prev[-2] == "the"):
        return False
    if _agent_or_body(name):
        return False
    words = name.split()
    if words[0] in _NOT_NAMES:
        return False
    if len(words) == 1:
        return bool(re.search(r"[A-Z][\w'’\-]+\s+" + re.escape(words[0]) + r"\b", text))
    return True


_NOT_NAMES = {"The", "A", "An", "In", "On", "At", "He", "She", "It", "They", "His", "Her", "Their", "Monday",
              "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
              "April", "May", "June", "July", "August", "September", "October", "November", "December"}


def _agent_or_body(name: str) -> bool:
    probe = DocText(name, "ar" if re.search(r"[\u0621-\u064a]", name) else "en")
    return bool(_hits(probe, "perpetrator_agents", (0, len(name)))) or bool(list(_bodies().finditer(probe.norm)))


def _key(name: str | None) -> str | None:
    """The name's word skeletons, space-joined: compare/identity.py takes two keys for one
    person when one's last word is among the other's words ("Nasser" / "كريم ناصر")."""
    if not name:
        return None
    words = [w for w in re.findall(r"[\w'’\-]+", name) if normalize(w).text.lower() not in _stops()]
    keys = [k for k in (skeleton(w) for w in words) if k]
    return " ".join(keys) if keys else None


@lru_cache(maxsize=None)
def _stops() -> frozenset[str]:
    """Words a name never holds (name_stopwords) and titles before it, both languages."""
    out = set(_titles())
    for lang in ("en", "ar"):
        out |= {normalize(w).text for w in facet_table(lang).get("name_stopwords", {}).get("words", [])}
    return frozenset(out)


@lru_cache(maxsize=None)
def _titles() -> frozenset[str]:
    out = set()
    for lang in ("en", "ar"):
        out |= {normalize(w).text for w in facet_table(lang).get("person_roles", {}).get("titles", [])}
    return frozenset(out)


def _arabic_name_after(text: str, lo: int, hi: int) -> tuple[str, int, int] | None:
    """Two to four words right after `lo` that read as a name: leading quotes and titles
    ("السيد") skipped, stopping at punctuation or a stopword; a name opens with no article."""
    words: list[re.Match] = []
    for m in re.finditer(r"[\u0621-\u064a\u064b-\u065f\u0640]+|[^\s]", text[lo:hi]):
        tok = m.group()
        if not words and tok in "«»\"“”'(":
            continue
        norm = normalize(tok).text
        if not re.match(r"[\u0621-\u064a]", tok) or len(words) == 4:
            break
        if not words and norm in _titles():
            continue
        if norm in _stops():
            break
        if not words and norm.startswith("ال"):
            break
        words.append(m)
    if len(words) < 2:
        return None
    s, e = lo + words[0].start(), lo + words[-1].end()
    if _agent_or_body(text[s:e]):
        return None  # "طالب إسرائيل بوقف": a verb and a party, not a role and a name
    return text[s:e], s, e


# ---------------------------------------------------------------- leaders of organisations


@lru_cache(maxsize=None)
def _bodies() -> PhraseMatcher:
    """Names of the gazetteer's bodies (not its persons), labelled with the body's id."""
    data = tomllib.loads((resources.files("consistency") / "data" / "actors.toml").read_text(encoding="utf-8"))
    table: dict[str, list[str]] = {}
    for entry in data.get("actor", []):
        if entry.get("member_of") or entry.get("speaks_for"):
            continue
        table[entry["id"]] = list(entry.get("aliases", []))
    return PhraseMatcher(table, "en")


def leaders(doc: DocText, span: tuple[int, int]) -> list[FacetValue]:
    """The person a clause names as an organisation's leader, about the body's id; subject
    "top_leader" for a title only one person holds ("secretary-general", "led by", "بزعامة").
    "one of the leaders", "a leader", "deputy leader" name no leader."""
    roles_here = _hits(doc, "leader_roles", span, "words") + _hits(doc, "leader_roles", span, "after_body")
    if not roles_here:
        return []  # the gazetteer's bodies are matched only where a leader word is
    a, b = doc.norm_span(*span)
    norm = doc.norm
    bodies = [(h.label, h.start + a, h.end + a) for h in _bodies().finditer(norm[a:b])]
    hi = span[1]
    out = []
    for role in roles_here:
        if _lesser(norm, role.start, doc.language):
            continue
        after = role.phrase in _after_body(doc.language)
        for body, bs, be in bodies:
            gap_before = norm[role.end : bs] if bs >= role.end else None  # role ... body
            gap_after = norm[be : role.start] if role.start >= be else None  # body ... role
            if doc.language == "ar":
                # "الأمين العام لحزب الله حسن نصر الله" / "حركة «النجباء» بزعامة أكرم الكعبي"
                ok = (gap_before is not None and not after and re.fullmatch(r"\s*ل?\s*[«\"“]?", gap_before)) or (
                    gap_after is not None and after and re.fullmatch(r"[»\"”]?\s*,?\s*", gap_after))
            else:
                # "Hezbollah leader Hassan Nasrallah", "the leader of Hezbollah, Hassan Nasrallah",
                # "al-Nujaba, led by Akram al-Kaabi"
                ok = (gap_after is not None and re.fullmatch(r"(?:'s)?\s*,?\s*", gap_after)) or (
                    gap_before is not None and not after and re.fullmatch(r"\s+of\s+(?:the\s+)?", gap_before))
            if not ok:
                continue
            pos = doc.to_orig(max(be, role.end), max(be, role.end))[0]
            found = _name_after(doc, pos, hi) or (doc.language == "en" and _name_before(doc, role, span))
            if found:
                name, s, e = found
                top = role.phrase in _top_titles(doc.language)
                out.append(FacetValue(value=name, text=name, span=(s, e), subject="top_leader" if top else "leader",
                                      about=body))
                break
    return _dedupe(out)


def _name_after(doc: DocText, lo: int, hi: int) -> tuple[str, int, int] | None:
    if doc.language == "ar":
        return _arabic_name_after(doc.text, lo, hi)
    m = re.match(r"[,\s]*((?:[A-Z][\w'’\-]+|al-[A-Z][\w'’\-]+)(?:\s+(?:al-|bin |ibn )?[A-Z][\w'’\-]+){1,3})",
                 doc.text[lo:hi])
    if not m or _agent_or_body(m.group(1)) or m.group(1).split()[0] in _NOT_NAMES:
        return None
    return m.group(1), lo + m.start(1), lo + m.end(1)


def _name_before(doc: DocText, role, span: tuple[int, int]) -> tuple[str, int, int] | None:
    """"Hassan Nasrallah, the leader of Hezbollah": the name right before ", the <role>"."""
    pos = doc.to_orig(role.start, role.start)[0]
    m = re.search(_NAME + r",\s+(?:the\s+)?$", doc.text[span[0] : pos])
    if not m or _agent_or_body(m.group(1)) or m.group(1).split()[0] in _NOT_NAMES:
        return None
    return m.group(1), span[0] + m.start(1), span[0] + m.end(1)


def body_name(body_id: str) -> str:
    """The gazetteer's name of a body ("harakat-al-nujaba" -> "Harakat al-Nujaba")."""
    return _body_names().get(body_id, body_id)


@lru_cache(maxsize=None)
def _body_names() -> dict[str, str]:
    data = tomllib.loads((resources.files("consistency") / "data" / "actors.toml").read_text(encoding="utf-8"))
    return {e["id"]: e.get("name", e["id"]) for e in data.get("actor", [])}


def _top_titles(language: str) -> set[str]:
    return {normalize(p).text for p in facet_table(language).get("leader_roles", {}).get("top", [])}


def _after_body(language: str) -> set[str]:
    return {normalize(p).text for p in facet_table(language).get("leader_roles", {}).get("after_body", [])}


def _lesser(norm: str, pos: int, language: str) -> bool:
    """"one of the leaders", "a senior leader", "deputy head", "احد قادة": not the top leader."""
    before = norm[max(0, pos - 25) : pos]
    words = facet_table(language if language in ("ar", "en") else "en").get("leader_roles", {}).get("lesser", [])
    return any(re.search(r"(?<!\w)" + re.escape(normalize(w).text) + r"\s*$", before) for w in words)
