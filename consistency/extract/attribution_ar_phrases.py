"""Arabic phrase reading for attribution: the normalised sentence, the speaker phrase after a
cue verb (VSO), noun phrases (construct state, agreeing adjectives, names), and channels.

Matching runs on the normalised sentence (consistency.text.normalize: hamza, alef, taa
marbuta and diacritics folded; ، → ,); `Sent.orig` maps a span back to the original text.
"""

from __future__ import annotations

import re

from consistency.extract.attribution import Span
from consistency.text.normalize import normalize, normalize_term

_WORD = re.compile(r"[\w\u0600-\u06FF]+|[^\w\s\u0600-\u06FF]")


def _n(words) -> set[str]:
    return {normalize_term(w) for w in words}


class Lex:
    def __init__(self, cues: dict):
        self.verbs = {normalize_term(f): lemma for lemma, forms in cues["verbs"].items() for f in forms}
        self.requires = {lemma: _n(words) for lemma, words in cues["requires"].items()}
        self.preps = {normalize_term(f): lemma for lemma, forms in cues["prepositions"].items() for f in forms}
        self.comp = _n(cues["complementizers"]["words"])
        self.stop = _n(cues["stop"]["words"])
        self.keep = _n(cues["stop"]["keep"])
        self.channel_heads = _n(cues["channels"]["heads"])
        self.platforms = [normalize_term(w) for w in cues["channels"]["platforms"]]
        self.listeners = _n(cues["channels"]["listeners"])
        self.quote_verbs = set(cues["channels"]["quote_verbs"])
        self.outlet_words = _n(cues["channels"]["outlet_words"])
        self.anon_heads = _n(cues["anonymous"]["heads"])
        self.anon_phrases = [normalize_term(p) for p in cues["anonymous"]["phrases"]]
        self.descriptions = _n(cues["coref"]["descriptions"])
        self.impersonal = [normalize_term(p) for p in cues["impersonal"]["patterns"]]
        self.object_verbs = set(cues["object_verbs"]["lemmas"])
        self.aux = _n(cues["stop"]["aux"])
        self.form_openers = _n(cues["stop"]["form_openers"])
        self.speaker_nouns = {bare(w) for w in _n(cues["speaker_nouns"]["words"])}
        self.roles = {bare(w) for w in _n(cues["speaker_nouns"]["roles"])}
        self.idafa = {bare(w) for w in _n(cues["speaker_nouns"]["idafa"])}
        self.modifiers = _n(cues["speaker_nouns"]["modifiers"])
        self.titles = _n(cues["speaker_nouns"]["titles"])
        self.ba_verbs = set(cues["ba_verbs"]["lemmas"])
        self.forms = {bare(w) for w in _n(cues["speaker_nouns"]["forms"])}
        self.skip_after_verb = _n(cues["stop"]["skip_after_verb"])
        self.not_speakers = {bare(w) for w in _n(cues["speaker_nouns"]["not_speakers"])}
        self.clitic_only = _n(cues["clitic_only"]["forms"])
        self.explicit_only = set(cues["explicit_only"]["lemmas"])
        self.stance = set(cues["stance"]["lemmas"])
        self.topic = _n(cues["stop"]["topic"])


_CACHE: dict[int, tuple[dict, Lex]] = {}


def lexicon(cues: dict) -> Lex:
    hit = _CACHE.get(id(cues))
    if hit is None or hit[0] is not cues:
        hit = _CACHE[id(cues)] = (cues, Lex(cues))
    return hit[1]


def bare(word: str) -> str:
    """Without conjunction, preposition and article: "والجيش" → "جيش", "للمتحدث" → "متحدث"."""
    for p in ("وال", "فال", "بال", "كال", "لل", "ال", "و"):
        if word.startswith(p) and len(word) > len(p) + 2:
            return word[len(p):]
    return word


def strip_clitic(word: str) -> str:
    """Drop the conjunction clitic: "وقال" → "قال", "فأكد" → "اكد"."""
    return word[1:] if len(word) > 3 and word[0] in "وف" else word


class Sent:
    """A normalised sentence: tokens as (start, end, text) in normalised offsets."""

    def __init__(self, text: str, span: Span):
        self.span = span
        self.raw = text[span[0]:span[1]]
        self.norm = normalize(text[span[0]:span[1]])
        self.toks = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(self.norm.text)]

    def orig(self, a: int, b: int) -> Span:
        s, e = self.norm.span(a, b)
        return s + self.span[0], e + self.span[0]


def speaker_after(st: Sent, i: int, lex: Lex, limit: int = 9, ba: bool = False) -> int:
    """Index one past the speaker phrase that starts at token i (i when there is none).
    `ba`: the verb takes its content as a ب-phrase, which then ends the speaker."""
    k = i
    while k < len(st.toks) and k - i < limit:
        w = st.toks[k][2]
        if ba and is_ba_phrase(w, lex) and not (k + 1 < len(st.toks) and st.toks[k + 1][2] in lex.comp):
            break  # "أفاد مصدر بإصابة"; but "قال الرئيس جو بايدن إن": a name before the complementizer
        if w == "(" and k > i and k + 2 < len(st.toks) and st.toks[k + 1][2][0].isalnum() and st.toks[k + 2][2] == ")":
            k += 3  # "حركة المقاومة الإسلامية (حماس)": the short name in brackets
            continue
        if w in "«\"“" and k > i and (bare(st.toks[k - 1][2]) in lex.idafa | lex.speaker_nouns
                                      or bare(st.toks[k - 1][2][1:]) in lex.idafa | lex.speaker_nouns):
            close = next((m for m in range(k + 1, min(k + 7, len(st.toks))) if st.toks[m][2] in "»\"”"), None)
            if close is not None:  # "وفقًا لبيانات «هيئة الحشد الشعبي»": the body's name
                k = close + 1
                continue
        if not (w[0].isalnum()):
            if w in "-" and k > i:
                k += 1
                continue
            break
        if w == "ل" and k > i and bare(st.toks[k - 1][2]) in lex.roles | {"عام"} and k + 1 < len(st.toks) \
                and st.toks[k + 1][2] in "«\"“":
            close = next((m for m in range(k + 2, min(k + 8, len(st.toks))) if st.toks[m][2] in "»\"”"), None)
            if close is not None:  # "الأمين العام لـ«النجباء» أكرم الكعبي": a genitive, not a channel
                k = close + 1
                continue
        if w == "في" and k > i and k + 1 < len(st.toks) \
                and any(bare(t[2]) in lex.idafa | lex.speaker_nouns for t in st.toks[max(i, k - 3):k]) \
                and bare(st.toks[k + 1][2]) not in lex.forms and st.toks[k + 1][2][0].isalnum() \
                and st.toks[k + 1][2] not in lex.stop:
            k += 2  # "المتحدث باسم وزارة الصحة في غزة أشرف القدرة": where the body is
            continue
        if w in lex.comp or w in lex.stop and w not in lex.keep and not _given_name(st, k) or w == "ل":
            break
        if k == i and w[0] == "ل" and len(w) > 3 and "ال" + w[2:] in lex.listeners:
            break  # "قال للصحافيين": a listener, no speaker after the verb
        if k > i and w[0] == "ل" and len(w) > 2 and (w[1:] in lex.channel_heads or w[1:] in lex.listeners
                                                     or "ال" + w[2:] in lex.listeners or channel_word(st, k, lex)):
            break
        if lex.verbs.get(strip_clitic(w)) and k > i:
            break
        k += 1
        if w in lex.anon_heads and k < len(st.toks) and st.toks[k][2] in {"في", "من", "ب", "داخل", "مقرب", "قريب"}:
            k += 1  # "مصادر في الشرطة", "مصدر من الحشد": the place belongs to the source
    return k


def _given_name(st: Sent, k: int) -> bool:
    """"علي" written with ya (the name Ali), which folds into the preposition "على" once
    normalised: "الرئيس السابق علي عبدالله صالح"."""
    a, b = st.norm.span(st.toks[k][0], st.toks[k][1])
    return st.toks[k][2] == "علي" and st.raw[a:b].endswith("ي") and k + 1 < len(st.toks) \
        and st.toks[k + 1][2][0].isalpha() and not st.toks[k + 1][2].startswith("ال")


def is_ba_phrase(w: str, lex: Lex) -> bool:
    """"بإصابة", "بالهجوم", "بأن": the preposition ب on a noun (not "باسم", not a name like "بشار")."""
    # "بتفعيل"، "بتشكيل": a verbal noun of the form تفعيل, not a name
    masdar = len(w) == 6 and w.startswith("بت") and w[4] == "ي"
    return len(w) > 3 and w[0] == "ب" and w not in lex.keep and (w[1] == "ا" or w.startswith("بال") or masdar)


def noun_phrase(st: Sent, i: int, lex: Lex) -> int:
    """One past a noun phrase at token i: a noun, its genitive if it is indefinite ("وزارة
    الصحة"), then nisba adjectives ("العراقية", "الأمريكي"); for verbs followed by an object."""
    toks = st.toks
    end = speaker_after(st, i, lex, limit=9)
    if end <= i:
        return i
    k = i + 1
    prev = toks[i][2]
    named = False
    while k < end:
        w = toks[k][2]
        if w == "(" and k + 2 < end and toks[k + 2][2] == ")":
            k += 3  # "حركة المقاومة الإسلامية (حماس)"
            continue
        if w == "ل":  # the genitive "لـ«النجباء»" that _speaker_after let through
            k = next((m for m in range(k + 1, end) if toks[m][2] in "»\"”"), end - 1) + 1
            prev, named = "»", True
            continue
        if w.startswith("لل") and len(w) > 4 and (bare(prev) in lex.roles | lex.idafa or prev in lex.modifiers):
            k += 1  # genitive "الأمين العام للأمم المتحدة": "of the United Nations"
            prev = "ال" + w[2:]
            continue
        if w.startswith("ل") and not w.startswith("لل") and len(w) > 3 and k + 1 < end and toks[k + 1][2].startswith("ال") \
                and (bare(prev) in lex.roles | lex.idafa or prev in lex.modifiers or re.search(r"(?:ي|يه)$", prev)):
            k += 2  # a construct genitive after a role: "المفوض السامي لحقوق الإنسان", "لشؤون اللاجئين"
            prev = toks[k - 1][2]
            continue
        if named and not w.startswith("ال") or named and re.search(r"(?:ي|يه)$", w):
            k += 1  # the name after a role: "الأمين العام لـ«النجباء» أكرم الكعبي"
        elif bare(prev) in lex.idafa and not prev.startswith("ال") or prev == "باسم" or w == "باسم":
            k += 1  # idafa: "وزارة الصحة", "المتحدث باسم الجيش"
        elif (len(w) > 4 and re.search(r"(?:ي|يه|يين|يون)$", w) and w.startswith("ال") == prev.startswith("ال")) \
                or w in lex.modifiers:
            k += 1  # nisba adjective, as definite as its noun: "العراقية", "الأمريكي"
        elif bare(toks[i][2]) in lex.roles and prev.startswith("ال") and (w in lex.titles or not w.startswith("ال")):
            j = _name_end(st, k, lex, objects=True)
            if j == k:
                break
            k = j  # the name after a role: "الرئيس الأوكراني فولوديمير زيلينسكي في خطاب"
            break
        elif not w.startswith("ال") and not prev.startswith("ال") and bare(toks[i][2]) not in lex.idafa \
                and k - i < 3 and not re.search(r"(?:ها|هم|هما|هن)$", w) and not w.startswith(("بال", "لل", "لا")):
            k += 1  # a name runs on: "محمد شياع السوداني" (no pronoun suffix, no preposition)
        else:
            break
        prev = w
    return k


def _name_end(st: Sent, k: int, lex: Lex, objects: bool = False) -> int:
    """One past a person's name at token k (titles, up to three words, a family name such as
    "السوداني"), but only when the name ends the phrase: then a comma, a complementizer, a form
    ("في خطاب") or the end follows, not an object. With `objects` (the verb takes an object),
    a name of two words or more may also be followed by its definite object ("اتهم الرئيس
    التركي رجب طيب أردوغان النظام السوري"): a one-word "name" there may be the object itself
    ("اتهم الرئيس إسرائيل")."""
    toks, j = st.toks, k
    while j < len(toks) and toks[j][2] in lex.titles:
        j += 1
    start = j
    while j < len(toks) and j - start < 3 and toks[j][2][0].isalnum() and not toks[j][2].startswith("ال") \
            and toks[j][2] not in lex.comp and (toks[j][2] not in lex.stop or _given_name(st, j)) \
            and not re.search(r"(?:ها|هم)$", toks[j][2]):
        j += 1
    if j < len(toks) and j > start and toks[j][2].startswith("ال") and re.search(r"(?:ي|يه)$", toks[j][2]):
        j += 1  # family name: "محمد شياع السوداني"
    if j == start:
        return k
    nxt = toks[j][2] if j < len(toks) else "."
    ok = nxt in lex.comp or not nxt[0].isalnum() or nxt in lex.form_openers
    if objects and j - start >= 2 and nxt.startswith("ال") and not re.search(r"(?:ي|يه)$", nxt) \
            and not any(is_ba_phrase(t[2], lex) or t[2][0] == "ل" for t in toks[start:j]) \
            and not any(t[2][0] == "ب" for t in toks[start + 1:j]):  # "إسرائيل بعرقلة المفاوضات"
        ok = True
    return j if ok else k


def channel_word(st: Sent, k: int, lex: Lex) -> bool:
    """"قال شهود عيان للجزيرة إن": a ل-prefixed word right before the complementizer is the
    channel the speaker talked to."""
    toks = st.toks
    w = toks[k][2]
    return (len(w) > 3 and w[0] == "ل" and k + 1 < len(toks) and toks[k + 1][2] in lex.comp
            and (w.startswith("لل") or w[1:] in lex.outlet_words)  # "للجزيرة", "لرويترز"; not "لازاريني"
            and w[1:] not in lex.listeners and "ال" + w[2:] not in lex.listeners)


def opens_content(st: Sent, k: int, lex: Lex) -> bool:
    """Whether the speaker phrase ends where content, a channel or a form begins."""
    if k >= len(st.toks):
        return False
    w = st.toks[k][2]
    return (w in lex.comp or w in ",:;-–—" or w in lex.form_openers or w == "ل" or channel_word(st, k, lex)
            or is_ba_phrase(w, lex)
            or (w[0] == "ل" and (w[1:] in lex.channel_heads or "ال" + w[2:] in lex.listeners)))


def channel(st: Sent, k: int, lex: Lex) -> tuple[Span | None, int]:
    """A channel starting at token k ("لوكالة الأنباء العراقية", "لـ«شفق نيوز»"): (norm span, next k)."""
    toks = st.toks
    if k >= len(toks):
        return None, k
    w = toks[k][2]
    if w == "ل" and k + 1 < len(toks) and toks[k + 1][2] in "«\"“":
        close = next((m for m in range(k + 2, len(toks)) if toks[m][2] in "»\"”"), None)
        if close is not None and close > k + 2:
            return (toks[k + 2][0], toks[close - 1][1]), close + 1
    if w[0] == "ل" and w[1:] in lex.channel_heads:
        e = speaker_after(st, k + 1, lex, limit=5)
        return (toks[k][0] + 1, toks[e - 1][1] if e > k + 1 else toks[k][1]), e
    if w[0] == "ل" and (w[1:] in lex.listeners or "ال" + w[2:] in lex.listeners):
        return None, k + 1
    if channel_word(st, k, lex):
        start = toks[k][0] + (1 if w.startswith("لل") is False else 2)
        return (start, toks[k][1]), k + 1  # "للجزيرة" → "جزيرة" (its article went into لل)
    return None, k


def platform(st: Sent, lex: Lex) -> Span | None:
    for p in lex.platforms:
        m = re.search(rf"(?<![\w\u0600-\u06FF])(?:[بل]?ال)?{re.escape(p)}", st.norm.text)
        if m:
            return m.start(), m.end()
    return None


def content_from(st: Sent, k: int) -> Span | None:
    """The reported content from token k to the sentence end (in normalised offsets)."""
    while k < len(st.toks) and st.toks[k][2] in {"فان", "فانه", "فانها", "ان", "انه", "انها", "بان", ","}:
        k += 1
    if k >= len(st.toks):
        return None
    return st.toks[k][0], len(st.norm.text)
