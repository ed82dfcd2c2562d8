"""Arabic attribution rules: "وقال مصدر أمني لـ«شفق نيوز» إن ...", "وفقًا لوكالة ...",
"نقلت وكالة ... عن مصادر ...", "وأضاف أن ..." (the last speaker goes on).

Matching runs on the normalised sentence (consistency.text.normalize: hamza, alef, taa
marbuta and diacritics folded; ، → ,) and every span is mapped back to the original text.
Arabic news puts the verb first (VSO), so the speaker is read after the cue, up to a
complementizer (إن/أن/بأن), a channel (لوكالة، لـ«...»), a form (في بيان) or punctuation.
"""

from __future__ import annotations

import re

from consistency.extract.attribution import Attribution, Span, quote_spans, sentence_index, trim
from consistency.extract.coref import Coreference
from consistency.text.normalize import normalize, normalize_term

_WORD = re.compile(r"[\w\u0600-\u06FF]+|[^\w\s\u0600-\u06FF]")


def _n(words) -> set[str]:
    return {normalize_term(w) for w in words}


class _Lex:
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
        self.speaker_nouns = {_bare(w) for w in _n(cues["speaker_nouns"]["words"])}
        self.roles = {_bare(w) for w in _n(cues["speaker_nouns"]["roles"])}
        self.idafa = {_bare(w) for w in _n(cues["speaker_nouns"]["idafa"])}
        self.modifiers = _n(cues["speaker_nouns"]["modifiers"])
        self.not_speakers = {_bare(w) for w in _n(cues["speaker_nouns"]["not_speakers"])}
        self.clitic_only = _n(cues["clitic_only"]["forms"])


_CACHE: dict[int, tuple[dict, _Lex]] = {}


def _lex(cues: dict) -> _Lex:
    hit = _CACHE.get(id(cues))
    if hit is None or hit[0] is not cues:
        hit = _CACHE[id(cues)] = (cues, _Lex(cues))
    return hit[1]


def _bare(word: str) -> str:
    """Without conjunction, preposition and article: "والجيش" → "جيش", "للمتحدث" → "متحدث"."""
    for p in ("وال", "فال", "بال", "كال", "لل", "ال", "و"):
        if word.startswith(p) and len(word) > len(p) + 2:
            return word[len(p):]
    return word


def _strip(word: str) -> str:
    """Drop the conjunction clitic: "وقال" → "قال", "فأكد" → "اكد"."""
    return word[1:] if len(word) > 3 and word[0] in "وف" else word


class _Sent:
    """A normalised sentence: tokens as (start, end, text) in normalised offsets."""

    def __init__(self, text: str, span: Span):
        self.span = span
        self.norm = normalize(text[span[0]:span[1]])
        self.toks = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(self.norm.text)]

    def orig(self, a: int, b: int) -> Span:
        s, e = self.norm.span(a, b)
        return s + self.span[0], e + self.span[0]


def _speaker_after(st: _Sent, i: int, lex: _Lex, limit: int = 9) -> int:
    """Index one past the speaker phrase that starts at token i (i when there is none)."""
    k = i
    while k < len(st.toks) and k - i < limit:
        w = st.toks[k][2]
        if not (w[0].isalnum()):
            if w in "-" and k > i:
                k += 1
                continue
            break
        if w == "ل" and k > i and _bare(st.toks[k - 1][2]) in lex.roles | {"عام"} and k + 1 < len(st.toks) \
                and st.toks[k + 1][2] in "«\"“":
            close = next((m for m in range(k + 2, min(k + 8, len(st.toks))) if st.toks[m][2] in "»\"”"), None)
            if close is not None:  # "الأمين العام لـ«النجباء» أكرم الكعبي": a genitive, not a channel
                k = close + 1
                continue
        if w in lex.comp or w in lex.stop and w not in lex.keep or w == "ل":
            break
        if k > i and w[0] == "ل" and len(w) > 2 and (w[1:] in lex.channel_heads or w[1:] in lex.listeners
                                                     or "ال" + w[2:] in lex.listeners or _channel_word(st, k, lex)):
            break
        if lex.verbs.get(_strip(w)) and k > i:
            break
        k += 1
        if w in lex.anon_heads and k < len(st.toks) and st.toks[k][2] in {"في", "من", "ب", "داخل", "مقرب", "قريب"}:
            k += 1  # "مصادر في الشرطة", "مصدر من الحشد": the place belongs to the source
    return k


def _noun_phrase(st: _Sent, i: int, lex: _Lex) -> int:
    """One past a noun phrase at token i: a noun, its genitive if it is indefinite ("وزارة
    الصحة"), then nisba adjectives ("العراقية", "الأمريكي"); for verbs followed by an object."""
    toks = st.toks
    end = _speaker_after(st, i, lex, limit=9)
    if end <= i:
        return i
    k = i + 1
    prev = toks[i][2]
    named = False
    while k < end:
        w = toks[k][2]
        if w == "ل":  # the genitive "لـ«النجباء»" that _speaker_after let through
            k = next((m for m in range(k + 1, end) if toks[m][2] in "»\"”"), end - 1) + 1
            prev, named = "»", True
            continue
        if named and not w.startswith("ال") or named and re.search(r"(?:ي|يه)$", w):
            k += 1  # the name after a role: "الأمين العام لـ«النجباء» أكرم الكعبي"
        elif _bare(prev) in lex.idafa and not prev.startswith("ال") or prev == "باسم" or w == "باسم":
            k += 1  # idafa: "وزارة الصحة", "المتحدث باسم الجيش"
        elif (len(w) > 4 and re.search(r"(?:ي|يه|يين|يون)$", w) and w.startswith("ال") == prev.startswith("ال")) \
                or w in lex.modifiers:
            k += 1  # nisba adjective, as definite as its noun: "العراقية", "الأمريكي"
        elif not w.startswith("ال") and not prev.startswith("ال") and _bare(toks[i][2]) not in lex.idafa \
                and k - i < 3 and not re.search(r"(?:ها|هم|هما|هن)$", w) and not w.startswith(("بال", "لل", "لا")):
            k += 1  # a name runs on: "محمد شياع السوداني" (no pronoun suffix, no preposition)
        else:
            break
        prev = w
    return k


def _channel_word(st: _Sent, k: int, lex: _Lex) -> bool:
    """"قال شهود عيان للجزيرة إن": a ل-prefixed word right before the complementizer is the
    channel the speaker talked to."""
    toks = st.toks
    w = toks[k][2]
    return (len(w) > 3 and w[0] == "ل" and k + 1 < len(toks) and toks[k + 1][2] in lex.comp
            and w[1:] not in lex.listeners and "ال" + w[2:] not in lex.listeners)


def _opens_content(st: _Sent, k: int, lex: _Lex) -> bool:
    """Whether the speaker phrase ends where content, a channel or a form begins."""
    if k >= len(st.toks):
        return False
    w = st.toks[k][2]
    return (w in lex.comp or w in ",:;-–—" or w in lex.form_openers or w == "ل" or _channel_word(st, k, lex)
            or (w[0] == "ل" and (w[1:] in lex.channel_heads or "ال" + w[2:] in lex.listeners)))


def _channel(st: _Sent, k: int, lex: _Lex) -> tuple[Span | None, int]:
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
        e = _speaker_after(st, k + 1, lex, limit=5)
        return (toks[k][0] + 1, toks[e - 1][1] if e > k + 1 else toks[k][1]), e
    if w[0] == "ل" and (w[1:] in lex.listeners or "ال" + w[2:] in lex.listeners):
        return None, k + 1
    if _channel_word(st, k, lex):
        start = toks[k][0] + (1 if w.startswith("لل") is False else 2)
        return (start, toks[k][1]), k + 1  # "للجزيرة" → "جزيرة" (its article went into لل)
    return None, k


def _platform(st: _Sent, lex: _Lex) -> Span | None:
    for p in lex.platforms:
        m = re.search(rf"(?<![\w\u0600-\u06FF])(?:[بل]?ال)?{re.escape(p)}", st.norm.text)
        if m:
            return m.start(), m.end()
    return None


def _content(st: _Sent, k: int) -> Span | None:
    """The reported content from token k to the sentence end (in normalised offsets)."""
    while k < len(st.toks) and st.toks[k][2] in {"فان", "فانه", "فانها", "ان", "انه", "انها", "بان", ","}:
        k += 1
    if k >= len(st.toks):
        return None
    return st.toks[k][0], len(st.norm.text)


class _Cand:
    def __init__(self, cue: str, cue_span: Span):
        self.cue, self.cue_span = cue, cue_span  # normalised offsets
        self.speaker: Span | None = None
        self.via: Span | None = None
        self.content: Span | None = None


def _after_speaker(st: _Sent, c: _Cand, k: int, lex: _Lex) -> None:
    """Channel, form and complementizer after the speaker; sets via and content."""
    toks = st.toks
    via, k = _channel(st, k, lex)
    c.via = c.via or via
    for m in range(k, min(k + 10, len(toks))):
        w = toks[m][2]
        if w in lex.comp or w == ":":
            c.content = _content(st, m + 1)
            return
        if w in ".!?" or (lex.verbs.get(_strip(w)) and m > k):
            break
    c.content = _content(st, k)


def _sentence_cands(st: _Sent, lex: _Lex) -> list[_Cand]:
    toks, cands, i = st.toks, [], 0
    ntext = st.norm.text
    while i < len(toks):
        w = toks[i][2]
        base = _strip(w)
        prep = lex.preps.get(w) or lex.preps.get(base)
        if prep and i + 1 < len(toks):
            s = i + 1
            if prep == "نقلا عن" and toks[s][2] == "عن":
                s += 1
            if prep == "على لسان" and not (i > 0 and toks[i - 1][2] == "علي"):
                i += 1
                continue
            if s < len(toks) and toks[s][2] == "ل":
                s += 1
            if s < len(toks) and toks[s][2] in "«\"“":
                s += 1
            e = _speaker_after(st, s, lex, limit=7)
            head = "" if s >= len(toks) else toks[s][2][1:] if prep == "وفقا ل" and toks[s][2].startswith("ل") \
                else toks[s][2]
            if _bare(head) in lex.not_speakers:
                e = s
            if e > s and head.startswith("ال") and _bare(head) not in lex.speaker_nouns \
                    and _bare(head) not in lex.anon_heads and not any(x in lex.outlet_words for x in (head, _bare(head))):
                e = s  # "وفق الصلاحيات الممنوحة": a rule, not a source
            if e > s:
                c = _Cand(prep, (toks[i][0], toks[s][0]))
                start = toks[s][0]
                if prep == "وفقا ل" and toks[s][2][0] == "ل" and toks[s][0] > toks[i][1] + 1 - 1:
                    start += 1  # "لوكالة" → "وكالة"; "للمتحدث" keeps its article as "لمتحدث"
                c.speaker = (start, toks[e - 1][1])
                words = ntext[c.speaker[0]:c.speaker[1]].split()
                if any(x in lex.outlet_words or x.lstrip("ل") in lex.outlet_words for x in words):
                    c.via = c.speaker
                if i <= 1:
                    k = e + 1 if e < len(toks) and toks[e][2] in "»\"”" else e
                    c.content = _content(st, k + 1 if k < len(toks) and toks[k][2] == "," else k)
                else:
                    c.content = (0, toks[i][0])
                cands.append(c)
                i = e
                continue
        lemma = lex.verbs.get(base) or lex.verbs.get(w)
        if lemma is not None and w in lex.clitic_only:
            lemma = None  # "تابع" alone is "affiliated"; "وتابع" is "he went on"
        if lemma is None:
            i += 1
            continue
        need = lex.requires.get(lemma)
        if need and not any(t[2] in need for t in toks[i + 1:i + 9]):
            i += 1
            continue
        c = _Cand(lemma, (toks[i][0], toks[i][1]))
        if lemma in lex.quote_verbs:
            # "نقلت وكالة الأنباء عن مصدر أمني قوله إن": outlet = via, source = speaker
            an = next((m for m in range(i + 1, min(i + 9, len(toks))) if toks[m][2] == "عن"), None)
            if an is None:
                i += 1
                continue
            if an > i + 1:
                c.via = (toks[i + 1][0], toks[an - 1][1])
            e = _speaker_after(st, an + 1, lex)
            if not _opens_content(st, e, lex):
                e = _noun_phrase(st, an + 1, lex)  # "عن مصادر طبية استشهاد ٢١": an object follows
            if e > an + 1:
                c.speaker = (toks[an + 1][0], toks[e - 1][1])
            _after_speaker(st, c, e, lex)
            cands.append(c)
            i = e
            continue
        e = _speaker_after(st, i + 1, lex)
        if lemma in lex.object_verbs or not _opens_content(st, e, lex):
            e = _noun_phrase(st, i + 1, lex)  # an object follows the speaker
        if e > i + 1:
            c.speaker = (toks[i + 1][0], toks[e - 1][1])
        elif i > 0:
            # subject before the verb: "وزارة الصحة قالت إن"
            b = i - 1
            while b >= 0 and toks[b][2] in lex.aux:
                b -= 1
            last = b
            while b >= 0 and toks[b][2][0].isalnum() and i - b <= 6 and not lex.verbs.get(_strip(toks[b][2])) \
                    and toks[b][2] not in lex.stop and toks[b][2] not in lex.comp:
                b -= 1
            first = _bare(toks[b + 1][2]) if b + 1 <= last else ""
            if (b < 0 or toks[b][2] in ",.:;" or toks[b][2] in lex.aux) and b < last \
                    and (first in lex.speaker_nouns or first in lex.anon_heads) \
                    and not any(x.cue_span[0] > toks[b + 1][0] for x in cands):
                c.speaker = (toks[b + 1][0], toks[last][1])
        _after_speaker(st, c, e, lex)
        if c.speaker is None and any(x.content and x.content[0] <= c.cue_span[0] < x.content[1] for x in cands):
            i += 1  # "... أن استهداف السيارة يكشف عن": a verb of the reported content, not a new cue
            continue
        cands.append(c)
        i = e if e > i else i + 1
    if not cands:
        for pat in lex.impersonal:
            k = ntext.find(pat)
            if k >= 0:
                c = _Cand("أفيد", (k, k + len(pat)))
                c.content = (k + len(pat), len(ntext))
                cands.append(c)
                break
    return cands


def find_ar(text: str, sentences: list[Span], cues: dict) -> list[Attribution]:
    lex = _lex(cues)
    quotes = quote_spans(text)
    coref = Coreference()
    out: list[Attribution] = []
    for sent in sentences:
        st = _Sent(text, sent)
        platform = _platform(st, lex)
        sent_norm = st.norm.text
        for c in _sentence_cands(st, lex):
            content = st.orig(*c.content) if c.content and c.content[1] > c.content[0] else sent
            content = trim(text, *content)
            if content[1] <= content[0]:
                content = trim(text, *sent)
            for q in quotes:  # a quotation opened here and closed in a later sentence
                if q[0] == content[0] and q[1] > sent[1]:
                    content = (q[0] + 1, q[1] - 1 if text[q[1] - 1] in "»”\"" else q[1])
            cue_span = st.orig(*c.cue_span)
            via = c.via or platform
            speaker = speaker_span = mention = None
            anonymous = False
            if c.speaker is not None:
                words = sent_norm[c.speaker[0]:c.speaker[1]].split()
                mention = st.orig(*c.speaker)
                first = _strip(words[0]) if words else ""
                ante = None
                if first in lex.descriptions and len(words) <= 2:
                    head = first[2:] if first.startswith("ال") else first
                    ante = coref.with_head([head])
                if ante is not None:
                    _, speaker_span, anonymous = ante
                    speaker = text[speaker_span[0]:speaker_span[1]]
                else:
                    speaker_span = mention
                    speaker = text[speaker_span[0]:speaker_span[1]]
                    anonymous = first in lex.anon_heads or any(p in sent_norm for p in lex.anon_phrases) \
                        or (first in {"احد", "احدي"} and len(words) > 1 and _bare(words[1]) in lex.anon_heads)
                    coref.add(normalize_term(speaker), speaker_span, anonymous, "any")
            elif c.cue != "أفيد":
                mention = cue_span  # the verb carries the pronoun subject: "وأضاف أن"
                ante = coref.last()
                if ante is not None:
                    _, speaker_span, anonymous = ante
                    speaker = text[speaker_span[0]:speaker_span[1]]
                else:
                    mention = None
            else:
                anonymous = True
            if speaker is None and c.cue != "أفيد" and c.speaker is None and mention is None:
                continue  # a cue verb with nobody to say it: the outlet's own voice
            via_span = st.orig(*via) if via else None
            first = min(sentence_index(sentences, content[0]), sentence_index(sentences, cue_span[0]))
            out.append(Attribution(
                sentence=sentences[first], content=content, speaker=speaker, speaker_span=speaker_span,
                cue=c.cue, cue_span=cue_span, via=text[via_span[0]:via_span[1]] if via_span else None,
                via_span=via_span, anonymous=anonymous, mention_span=mention))
    return out
