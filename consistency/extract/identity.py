"""Identity facets: the name a source gives a person known by an alias (kunya).

    "Mushtaq Talib al-Saidi, alias Abu Taqwa"   -> about "abu taqwa", name "Mushtaq Talib al-Saidi"
    "علي السعيدي المكنّى «أبو تقوى»"             -> about "abu taqwa", name "علي السعيدي"

Names are compared across scripts by a consonant skeleton (`skeleton`), so "al-Saidi" and
"السعيدي" meet, and a shorter name that is part of a longer one agrees with it.
"""

from __future__ import annotations

import re

from consistency.extract.doctext import DocText
from consistency.extract.frames import _hits
from consistency.extract.lexicon import facet_table
from consistency.models import FacetValue
from consistency.text.normalize import normalize

_KUNYA = re.compile(r"(?<!\w)(?:abu|abou|umm|ابو|أبو|ام|أم)[\s\-]+\w+", re.I)
_LATIN_NAME = re.compile(r"(?:(?:al|el|bin|ibn)-)?[A-Z][\w'’\-]+")
_ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")

_AR_MAP = {
    "ب": "b", "ت": "t", "ط": "t", "ث": "s", "ج": "j", "خ": "k", "د": "d", "ض": "d", "ذ": "z", "ز": "z", "ظ": "z",
    "ر": "r", "س": "s", "ص": "s", "ش": "S", "ف": "f", "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "غ": "j",
}
# a foreign "g" is written غ ("البنتاغون"), ج or ك in Arabic, and غ is "gh" in Latin: all one "j"
_LATIN_DIGRAPHS = (("sh", "S"), ("kh", "k"), ("gh", "j"), ("dh", "z"), ("th", "s"), ("ch", "S"))
_LATIN_MAP = {"q": "k", "c": "k", "g": "j", "p": "b", "v": "f", "x": "ks"}
# "Abd" ("servant of") opens a compound given name written joined or split in either script:
# "Abdulmenam", "Abdel Moneim", "Abd al-Mun'im", "عبدالمنعم", "عبد المنعم". The skeleton keeps
# only the second part, so every spelling meets; "Abd"/"Abdel"/"عبد" alone have none.
_ABD_LATIN = re.compile(r"^abd(?:[aeiou]l)?[\-\s]?")
_ABD_ARABIC = "عبد"


def skeleton(word: str) -> str:
    """Consonant skeleton shared by a name's Arabic and Latin spellings."""
    w = normalize(word).text.lower().strip("«»\"'’()")
    if _ARABIC_WORD.fullmatch(w or "-"):
        if w.startswith(_ABD_ARABIC):
            w = w[len(_ABD_ARABIC):]
        if w.startswith("ال") and len(w) > 3:
            w = w[2:]
        out = "".join(_AR_MAP.get(ch, "") for ch in w)
    else:
        w = re.sub(r"^(?:al|el)[\-\s]", "", w)
        rest = _ABD_LATIN.sub("", w)
        if not rest or re.search(r"[^aeiouywh'’\-]", rest):  # not "Abdi", "Abdo"
            w = re.sub(r"^(?:al|el)[\-\s]", "", rest)
        for a, b in _LATIN_DIGRAPHS:
            w = w.replace(a, b)
        out = "".join(_LATIN_MAP.get(ch, ch) for ch in w if ch not in "aeiouywh'’-")
    return re.sub(r"(.)\1+", r"\1", out)


def name_tokens(name: str, language: str) -> list[str]:
    stop = {normalize(w).text for w in _stopwords(language)}
    words = [w for w in re.findall(r"[\w'’\-]+", name) if normalize(w).text.lower() not in stop and not w.isdigit()]
    return [s for s in (skeleton(w) for w in words) if s]


def compatible(a: list[str], b: list[str]) -> bool:
    """One name's tokens all appear in the other's ("Talib al-Saidi" within "Mushtaq Talib al-Saidi")."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    pool = list(long_)
    for tok in short:
        if tok not in pool:
            return False
        pool.remove(tok)
    return True


def _stopwords(language: str) -> list[str]:
    lang = language if language in ("ar", "en") else "en"
    return facet_table(lang).get("name_stopwords", {}).get("words", [])


def alias_key(text: str) -> str:
    words = re.findall(r"\w+", normalize(text).text)[:2]
    return " ".join(skeleton(w) for w in words)


def identities(doc: DocText, span: tuple[int, int], doc_kunya: str | None) -> list[FacetValue]:
    """Names given for an alias in this clause, and who the people, persons and things it
    speaks of were (extract/roles.py)."""
    from consistency.extract import roles

    people = roles.people(doc, span)
    armed = armed_people(doc, span)
    if armed:
        # "the dead were militia members": an accusing category replaces plain "civilian"
        people = [v for v in people if v.value != "civilian"] + armed
    return (_alias_names(doc, span, doc_kunya) + people + roles.roles(doc, span)
            + roles.leaders(doc, span) + roles.materials(doc, span))


_ABOARD_WINDOW = 4  # words from "carrying" / "تقل" to the armed noun
_COPULA_WINDOW = 8  # words from "those killed" / "القتلى" to "were" / "معظمهم"
_CLAUSE_BREAK = re.compile(r"[.;!?؛]")


def armed_people(doc: DocText, span: tuple[int, int]) -> list[FacetValue]:
    """Members of an armed group said to be the people on board or among the dead:

        "the bus was carrying Houthi recruits"                -> people armed
        "one of those killed was an ISIS facilitator"          -> people armed
        "عدد القتلى لا يتجاوز 20 وأن معظمهم من عناصر الميليشيا" -> people armed
        "there were no fighters on board" / "none of the dead were fighters" -> nothing
    """
    from consistency.extract.frames import _token_gap, _value

    nouns = _hits(doc, "people_armed", span, "members") + _hits(doc, "people_armed", span, "nouns")
    if not nouns:
        return []
    negs = _hits(doc, "negations", span, "words")
    questions = _hits(doc, "people_armed", span, "questions")

    def apart(a_end: int, b_start: int, most: int) -> bool:
        return b_start < a_end or _token_gap(doc, a_end, b_start) > most or bool(
            _CLAUSE_BREAK.search(doc.norm[a_end:b_start]))

    def negated(lo: int, hi: int) -> bool:
        return any(lo <= n.start and n.end <= hi for n in negs)

    def before(pos: int, words: int) -> int:
        """The normalised position `words` words before `pos`."""
        k = pos
        for _ in range(words):
            k = doc.norm.rfind(" ", 0, max(0, k - 1)) + 1 if k > 0 else 0
        return k

    out = []
    for n in nouns:
        for a in _hits(doc, "people_armed", span, "aboard"):
            if not apart(a.end, n.start, _ABOARD_WINDOW) and not negated(before(a.start, 2), n.start):
                out.append(_value(doc, n, "armed", subject="people"))
        for a in _hits(doc, "people_armed", span, "aboard_after"):
            if not apart(n.end, a.start, 3) and not negated(before(n.start, 3), n.start):
                out.append(_value(doc, n, "armed", subject="people"))
        for c in _hits(doc, "people_armed", span, "copula"):
            if apart(c.end, n.start, _ABOARD_WINDOW) or negated(c.end, n.start):
                continue
            if any(not apart(d.end, c.start, _COPULA_WINDOW) and not negated(before(d.start, 3), d.start)
                   and not any(d.end <= q.start and q.end <= c.start for q in questions)
                   for d in _hits(doc, "people_armed", span, "dead")):
                out.append(_value(doc, n, "armed", subject="people"))
    from consistency.extract.frames import _dedupe

    return _dedupe(out)


def _alias_names(doc: DocText, span: tuple[int, int], doc_kunya: str | None) -> list[FacetValue]:
    out = []
    text = doc.text
    for h in _hits(doc, "alias_markers", span, "alias_after") + _hits(doc, "alias_markers", span, "name_after"):
        start, end = doc.to_orig(h.start, h.end)
        name_after = h.label == "alias_markers" and h.phrase in _name_after_phrases(doc.language)
        if name_after:
            name = _name_at(text, end, span[1], doc.language, forward=True)
            kunya = _kunya_in(text[span[0] : start]) or doc_kunya
        else:
            name = _name_at(text, span[0], len(text[:start].rstrip(" ,،")), doc.language, forward=False)
            kunya = _kunya_in(text[end : min(span[1], end + 40)])
        if name and kunya and not _KUNYA.match(name[0]):
            out.append(FacetValue(value=name[0], text=name[0], span=name[1], subject="name", about=alias_key(kunya)))
    # "Name (Abu X)" and "Name «أبو X»" without a marker word.
    for m in _KUNYA.finditer(text, span[0], span[1]):
        j = m.start()
        while j > span[0] and text[j - 1] in ' «"“(':
            j -= 1
        if not any(c in text[j : m.start()] for c in '(«"“'):
            continue
        if _hits(doc, "alias_markers", (max(span[0], j - 25), j), "alias_after"):
            continue  # "X, known as «Abu Y»": the marker rule has it
        name = _name_at(text, span[0], j, doc.language, forward=False)
        if name:
            out.append(FacetValue(value=name[0], text=name[0], span=name[1], subject="name", about=alias_key(m.group())))
    return out


def _name_after_phrases(language: str) -> set[str]:
    lang = language if language in ("ar", "en") else "en"
    return {normalize(p).text for p in facet_table(lang).get("alias_markers", {}).get("name_after", [])}


def _kunya_in(text: str) -> str | None:
    m = _KUNYA.search(text)
    return m.group() if m else None


def _name_at(text: str, lo: int, hi: int, language: str, forward: bool):
    """Up to four name words right after `lo` (forward) or right before `hi`; (name, span)."""
    chunk = text[lo:hi]
    words = list(re.finditer(r"[\w'’\-]+|[^\w\s]", chunk))
    picked = []
    seq = words if forward else list(reversed(words))
    stop = {normalize(w).text for w in _stopwords(language)}
    for w in seq:
        tok = w.group()
        if not re.match(r"[\w]", tok) or len(picked) == 4:
            break
        if language == "en" and not _LATIN_NAME.fullmatch(tok):
            break
        if normalize(tok).text.lower() in stop:
            break
        picked.append(w)
    if not picked:
        return None
    if not forward:
        picked.reverse()
    if language == "ar":
        # An Arabic name opens with a given name, never an article word ("الضربة قتلت «أبو ...»").
        while picked and normalize(picked[0].group()).text.startswith("ال"):
            picked.pop(0)
        if not picked:
            return None
    s, e = lo + picked[0].start(), lo + picked[-1].end()
    if len(picked) < 2:
        return None
    return text[s:e], (s, e)


def document_kunya(doc: DocText) -> str | None:
    """The alias a document uses most, for "his real name is ..." sentences."""
    found = [m.group() for m in _KUNYA.finditer(doc.text)]
    if not found:
        return None
    keys = [alias_key(k) for k in found]
    best = max(sorted(set(keys)), key=keys.count)
    return next(k for k in found if alias_key(k) == best)


def weapons(doc: DocText, span: tuple[int, int]) -> list[FacetValue]:
    """Named weapon models in the clause ("a Tochka-U missile", "صاروخ إسكندر")."""
    out = []
    for h in _hits(doc, "weapons", span):
        start, end = doc.to_orig(h.start, h.end)
        out.append(FacetValue(value=h.label, text=doc.text[start:end], span=(start, end), subject="weapon"))
    return out


# Arabic -> Latin for person names, so a report read in English finds "عثمان عبد الجليل" as
# "Othman"/"Uthman Abduljalil": consonants by the common news spelling, long vowels as written,
# a short "a" between two consonants, "ال" as "al-", "عبد ال" joined as "Abdul".
_TO_LATIN = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z",
    "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "غ": "gh", "ف": "f", "ق": "q", "ك": "k",
    "ل": "l", "م": "m", "ن": "n", "ه": "h", "ء": "", "ئ": "", "ؤ": "", "ع": "",
}
_ARABIC_VOWEL = {"ا": "a", "أ": "a", "إ": "i", "آ": "a", "و": "u", "ي": "i", "ة": "a", "ى": "a"}
# given names whose short vowels the letters do not show
_COMMON_NAMES = {"محمد": "Mohammed", "أحمد": "Ahmed", "احمد": "Ahmed", "علي": "Ali", "حسن": "Hassan",
                 "حسين": "Hussein", "عمر": "Omar", "عثمان": "Othman", "يوسف": "Youssef", "محمود": "Mahmoud",
                 "خالد": "Khaled", "إبراهيم": "Ibrahim", "ابراهيم": "Ibrahim", "مصطفى": "Mustafa",
                 "عبدالله": "Abdullah", "صالح": "Saleh", "سعيد": "Saeed", "أشرف": "Ashraf"}


def _latin_word(word: str) -> str:
    if word in _COMMON_NAMES:
        return _COMMON_NAMES[word]
    out, prev_consonant = [], False
    for n, ch in enumerate(word):
        last = n == len(word) - 1
        if ch in "وي" and (n == 0 or not prev_consonant or (not last and word[n + 1] in "اأ")):
            out.append("w" if ch == "و" else "y")  # a consonant: "وليد", "ياسر", "رياض"
            prev_consonant = True
        elif ch in _ARABIC_VOWEL:
            out.append("e" if ch == "ي" and not last and n > 0 and out[-1:] == ["a"] else _ARABIC_VOWEL[ch])
            prev_consonant = False
        elif ch in _TO_LATIN:
            if ch == "ع" and n == 0:
                out.append("a" if n + 1 < len(word) and word[n + 1] not in "اوي" else "")
                prev_consonant = False
                continue
            if prev_consonant and out and not any(c in "aeiu" for c in "".join(out)):
                out.append("i" if last else "a")  # "شكري" Shakri, "قدرة" Qadra
            out.append(_TO_LATIN[ch])
            prev_consonant = bool(_TO_LATIN[ch])
    return re.sub(r"(.)\1{2,}", r"\1\1", "".join(out))


def person_alias(name: str) -> str | None:
    """A Latin alias of an Arabic person phrase: its role's English gloss, then the Latin name
    ("رئيس الوزراء البريطاني بوريس جونسون" -> "British prime minister Buris Junsun"), or the name
    alone when the role has no full gloss."""
    latin = latin_name(name)
    if not latin:
        return None
    words = name.split()
    role = words[:max(0, len(words) - _name_words(name))]
    title = ""
    if role and normalize(role[-1]).text in _gloss_table() and len(role) > 1:
        gloss_last = _GLOSS[normalize(role[-1]).text]
        if gloss_last.endswith("."):  # a title before the name: "... الدكتور أشرف القدرة"
            title, role = gloss_last + " ", role[:-1]
    gloss = english_gloss(" ".join(role)) if role else None
    if gloss is None and len(role) == 1:
        gloss = (_GLOSS.get(normalize(role[0]).text) or "").capitalize() or None
    return f"{gloss} {title}{latin}" if gloss else f"{title}{latin}"


def _name_words(name: str) -> int:
    """How many Arabic words at the end of `name` latin_name reads as the person's name."""
    latin = latin_name(name)
    if not latin:
        return 0
    n = 0
    for unit in latin.split():
        n += 2 if unit.startswith("Abdul") and _ABD_ARABIC in name.split() else 1
    return n


def latin_name(name: str) -> str | None:
    """A Latin spelling of an Arabic-script person name: the last name words of a speaker phrase
    (after its role and titles: "وزير الصحة ... عثمان عبد الجليل" -> "Uthman Abduljalil"); None
    when the phrase does not end in a name of two words or more."""
    words = re.findall(r"[\u0621-\u064a]+", re.sub(r"[\u064b-\u0652\u0640]", "", name))
    if not words or len(words) != len(name.split()) and re.search(r"[A-Za-z]", name):
        return None
    units: list[str] = []
    k = len(words) - 1
    while k >= 0 and len(units) < 3:
        w = words[k]
        if k >= 1 and words[k - 1] == _ABD_ARABIC and w.startswith("ال"):
            units.insert(0, "Abdul" + _latin_word(w[2:]))
            k -= 2
            continue
        if w in _COMMON_NAMES:
            units.insert(0, _COMMON_NAMES[w])
        elif w.startswith(_ABD_ARABIC + "ال") and len(w) > 5:
            units.insert(0, "Abdul" + _latin_word(w[5:]))
        elif w.startswith("ال"):
            abd = k >= 2 and words[k - 2] == _ABD_ARABIC  # "عبد المنعم الغيثي"
            if units or k == 0 or words[k - 1].startswith("ال") and not abd or _phrase_heads() & {normalize(words[k - 1]).text, _bare(words[k - 1])}:
                break  # an article word inside the phrase, or a genitive ("وزير الصحة"), ends the name
            units.insert(0, "al-" + _latin_word(w[2:]).capitalize())
        elif w in _stop_arabic():
            break
        else:
            units.insert(0, _latin_word(w))
        k -= 1
    if len(units) < 2 or units[0].startswith("al-"):
        return None
    return " ".join(u if u.startswith("al-") else u[:1].upper() + u[1:] for u in units)


def _bare(word: str) -> str:
    return normalize(word[1:] if word[:1] in "وفبل" and len(word) > 3 else word).text


_HEADS: set[str] = set()


def _phrase_heads() -> set[str]:
    """Arabic nouns that head a speaker phrase ("وزير", "مجلس"): never a given name."""
    if not _HEADS:
        from consistency.extract.attribution import load_cues

        nouns = load_cues("ar")["speaker_nouns"]
        _HEADS.update(normalize(w).text for key in ("words", "roles", "idafa") for w in nouns.get(key, []))
    return _HEADS


def _stop_arabic() -> set[str]:
    return {"في", "من", "عن", "على", "الى", "إلى", "باسم", "و", "لدى", "مع"}


_GLOSS: dict[str, str] = {}


def _gloss_table() -> dict[str, str]:
    if not _GLOSS:
        from consistency.extract.attribution import load_cues

        _GLOSS.update({normalize(k).text: v for k, v in load_cues("ar").get("gloss", {}).items()})
    return _GLOSS


def english_gloss(name: str) -> str | None:
    """An English name of an Arabic body written word by word from the `gloss` table of
    cues_ar.toml, in English order ("القيادة العسكرية الأوكرانية" -> "Ukrainian military command");
    None unless every word (or two-word phrase) has a gloss."""
    _gloss_table()
    words = [normalize(w).text for w in re.findall(r"[\u0621-\u064a]+", re.sub(r"[\u064b-\u0652\u0640]", "", name))]
    if not words or re.search(r"[A-Za-z]", name):
        return None
    out, k = [], 0
    while k < len(words):
        pair = " ".join(words[k:k + 2])
        if k + 1 < len(words) and pair in _GLOSS:
            out.append(_GLOSS[pair])
            k += 2
        elif words[k] in _GLOSS:
            out.append(_GLOSS[words[k]])
            k += 1
        else:
            return None
    out = [w for w in out if w]
    if len(out) < 2:
        return None
    gloss = " ".join(reversed(out))
    return gloss[:1].upper() + gloss[1:]
