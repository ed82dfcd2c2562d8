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
    "ر": "r", "س": "s", "ص": "s", "ش": "S", "ف": "f", "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "غ": "g",
}
_LATIN_DIGRAPHS = (("sh", "S"), ("kh", "k"), ("gh", "G"), ("dh", "z"), ("th", "s"), ("ch", "S"))
_LATIN_MAP = {"q": "k", "c": "k", "g": "j", "G": "g", "p": "b", "v": "f", "x": "ks"}
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

    return (_alias_names(doc, span, doc_kunya) + roles.people(doc, span) + roles.roles(doc, span)
            + roles.leaders(doc, span) + roles.materials(doc, span))


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
