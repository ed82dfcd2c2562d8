"""Arabic attribution rules: "وقال مصدر أمني لـ«شفق نيوز» إن ...", "وفقًا لوكالة ...",
"نقلت وكالة ... عن مصادر ...", "وأضاف أن ..." (the last speaker goes on).

Phrase reading (normalised sentence, speaker and noun phrases, channels) is in
attribution_ar_phrases.py; every span is mapped back to the original text.
Arabic news puts the verb first (VSO), so the speaker is read after the cue, up to a
complementizer (إن/أن/بأن), a channel (لوكالة، لـ«...»), a form (في بيان) or punctuation.
"""

from __future__ import annotations

from consistency.extract.attribution import Attribution, Span, quote_spans, sentence_index, trim
from consistency.extract.attribution_ar_phrases import (
    Lex,
    Sent,
    bare,
    channel,
    content_from,
    lexicon,
    noun_phrase,
    is_ba_phrase,
    opens_content,
    platform,
    speaker_after,
    strip_clitic,
)
from consistency.extract.coref import Coreference
from consistency.text.normalize import normalize_term

class _Cand:
    def __init__(self, cue: str, cue_span: Span):
        self.cue, self.cue_span = cue, cue_span  # normalised offsets
        self.speaker: Span | None = None
        self.via: Span | None = None
        self.content: Span | None = None


def _after_speaker(st: Sent, c: _Cand, k: int, lex: Lex) -> None:
    """Channel, form and complementizer after the speaker; sets via and content."""
    toks = st.toks
    via, k = channel(st, k, lex)
    c.via = c.via or via
    for m in range(k, min(k + 10, len(toks))):
        w = toks[m][2]
        if w in lex.comp or w == ":":
            c.content = content_from(st, m + 1)
            return
        if w in ".!?" or (lex.verbs.get(strip_clitic(w)) and m > k):
            break
    c.content = content_from(st, k)


def _sentence_cands(st: Sent, lex: Lex) -> list[_Cand]:
    toks, cands, i = st.toks, [], 0
    ntext = st.norm.text
    while i < len(toks):
        w = toks[i][2]
        base = strip_clitic(w)
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
            if s + 3 < len(toks) and bare(toks[s][2]) in lex.forms | {"ارقام", "احصاءات", "بيانات", "معطيات"} \
                    and toks[s + 1][2] in {"صادر", "صادره", "الصادر", "الصادره"} and toks[s + 2][2] == "عن":
                s += 3  # "بحسب بيان صادر عن وزارة الصحة": the body that issued it
            e = speaker_after(st, s, lex, limit=7)
            if e - s == 7 and bare(toks[s][2]) in lex.roles:
                # "وبحسب المتحدث باسم الأمين العام للأمم المتحدة ستيفان دوجاريك، فإن": the name
                # after a long role runs to the comma
                end = next((m for m in range(e, min(e + 4, len(toks))) if toks[m][2] in ",،"), None)
                if end is not None and all(toks[m][2][0].isalnum() and not lex.verbs.get(strip_clitic(toks[m][2]))
                                           and toks[m][2] not in lex.comp for m in range(e, end)):
                    e = end
            head = "" if s >= len(toks) else toks[s][2][1:] if prep == "وفقا ل" and toks[s][2].startswith("ل") \
                else toks[s][2]
            if head.startswith("ل") and toks[s][2].startswith("لل"):
                head = "ا" + head  # "وفقًا للقانون": "القانون", a rule with its article, not a source
            if bare(head) in lex.not_speakers:
                e = s
            if e > s and head.startswith("ال") and bare(head) not in lex.speaker_nouns \
                    and bare(head) not in lex.anon_heads and not any(x in lex.outlet_words for x in (head, bare(head))):
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
                    c.content = content_from(st, k + 1 if k < len(toks) and toks[k][2] == "," else k)
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
        if i > 0 and toks[i - 1][2] in _NOT_BEFORE_A_CUE:
            # "تأكيد أو نفي استشهاده"، "لم يؤكد أو ينفي": an alternative, no statement; "بعد
            # أيام من نفي مسؤوليها": after a preposition the word is a verbal noun
            i += 1
            continue
        if i > 0 and toks[i - 1][2] in {"كما", "مثلما"} and any(
                x.content and x.content[0] <= toks[i][0] < x.content[1] for x in cands):
            i += 1  # "ولم يستهدف حافلة مدرسية كما تزعم الميليشيا": the claim the speaker rejects
            continue
        need = lex.requires.get(lemma)
        # "أصدر <a long title and name>، اليوم، بياناً", "حمّلت حركة ... (حماس) الاحتلال والإدارة ... المسؤولية"
        reach = 18 if lemma in lex.explicit_only else 15 if lemma in lex.object_verbs else 9
        if need and not any(t[2] in need for t in toks[i + 1:i + reach]):
            i += 1
            continue
        if lemma in lex.stance and any(x.content and x.content[0] <= toks[i][0] < x.content[1] for x in cands):
            i += 1  # "قال إن بلاده لا تريد التصعيد": a verb of what the minister said
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
            e = speaker_after(st, an + 1, lex)
            if not opens_content(st, e, lex):
                e = noun_phrase(st, an + 1, lex)  # "عن مصادر طبية استشهاد ٢١": an object follows
            if e > an + 1:
                c.speaker = (toks[an + 1][0], toks[e - 1][1])
            _after_speaker(st, c, e, lex)
            cands.append(c)
            i = e
            continue
        s0 = i + 1
        while s0 < len(toks) and toks[s0][2] in lex.skip_after_verb:
            s0 += 1  # "ما أفادت به وزارة الصحة"
        within = s0 > i + 1 and toks[s0 - 1][2] in {"فيه", "فيها"}  # "بيانا قال فيه": the statement's author
        fronted = _kana_subject(st, i, lex)
        if fronted is not None:
            # "وكان مفوض الحكومة ... القاضي فادي عقيقي قد أعلن توقيف ...": what follows is the object
            c.speaker = fronted
            _after_speaker(st, c, s0, lex)
            cands.append(c)
            i += 1
            continue
        bare_ba = lemma in lex.ba_verbs and s0 < len(toks) and is_ba_phrase(toks[s0][2], lex)
        # "وطالبت بتفعيل اللجنة": the verb's own pronoun speaks, the ب-phrase is what it asks for;
        # so in "وكانت قد وصفت الحديث عن ... بأنه": no subject between كان and قد, what follows is the object
        dropped = i >= 2 and toks[i - 1][2] in {"قد", "لقد"} and toks[i - 2][2] in _KANA
        e = raw = s0 if within or bare_ba or dropped else speaker_after(st, s0, lex, ba=lemma in lex.ba_verbs)
        # "بحسب ما أفاد به حاكم المقاطعة فلان الفلاني.": after a resumptive pronoun the verb has
        # no object, so a speaker that ends the sentence is whole
        ends = s0 > i + 1 and not within and e > s0 and (e >= len(toks) or toks[e][2] in ".؟!")
        if not within and not bare_ba and not dropped and not ends and (lemma in lex.object_verbs or not opens_content(st, e, lex)):
            e = noun_phrase(st, s0, lex)  # an object follows the speaker
        if lemma not in lex.object_verbs and e > s0:
            longer = _to_complementizer(st, s0, raw, lex)
            e = longer if longer > raw else _to_complementizer(st, s0, e, lex)
        if need and lemma in lex.object_verbs and lemma in lex.explicit_only:
            # "أصدر الناطق باسم الجيش اللواء يحيى رسول بياناً": the speaker runs up to the form
            k = next((m for m in range(s0, min(s0 + 17, len(toks))) if toks[m][2] in need), None)
            if k is not None and k > e and not any(toks[m][2] in ".:؛" for m in range(s0, k)):
                e = next((m for m in range(s0, k) if toks[m][2] in ",،"), k)  # "، اليوم الخميس،"
        anon = _anonymity_clause(st, e, lex) if e > s0 else None
        if anon is not None and anon[0] > e and toks[e][2] in {"في", "من", "لدى"}:
            e = anon[0]  # "ضابط رفيع في الجيش، تحدث شريطة عدم الكشف عن هويته،": where he serves
        if e > s0:
            c.speaker = (toks[s0][0], toks[e - 1][1])
        elif i >= 3 and toks[i - 1][2] in {"التي", "الذي", "الذين"} and toks[i - 2][2] in ",،":
            # "لكن المنظمة، التي تقول إن القصف أودى بحياة ٢٢ شخصًا": the body the clause hangs on
            b = i - 3
            while b >= 0 and i - 3 - b < 6 and toks[b][2][0].isalnum() and toks[b][2] not in lex.stop \
                    and toks[b][2] not in lex.topic and toks[b][2] not in lex.comp and toks[b][2] not in {"لكن", "ولكن"}:
                b -= 1
            first = bare(strip_clitic(toks[b + 1][2])) if b + 1 <= i - 3 else ""
            if first in lex.speaker_nouns or first in lex.anon_heads or strip_clitic(toks[b + 1][2]) in lex.descriptions:
                c.speaker = (toks[b + 1][0], toks[i - 3][1])
        elif i > 0:
            # subject before the verb: "وزارة الصحة قالت إن"
            b = i - 1
            while b >= 0 and toks[b][2] in lex.aux:
                b -= 1
            last = b
            while b >= 0 and toks[b][2][0].isalnum() and i - b <= 10 and not lex.verbs.get(strip_clitic(toks[b][2])) \
                    and toks[b][2] not in lex.stop and toks[b][2] not in lex.comp and toks[b][2] not in lex.topic:
                b -= 1
            first = bare(toks[b + 1][2]) if b + 1 <= last else ""
            # "غير أن المدير العام ... قال", "أما مدير عام المرفأ ... فقال"
            opened = b < 0 or toks[b][2] in ",.:;" or toks[b][2] in lex.aux or toks[b][2] in lex.topic \
                or (toks[b][2] in lex.comp and b >= 1 and toks[b - 1][2] in lex.topic)
            if opened and b < last \
                    and (first in lex.speaker_nouns or first in lex.anon_heads) \
                    and not any(x.cue_span[0] > toks[b + 1][0] for x in cands):
                c.speaker = (toks[b + 1][0], toks[last][1])
        if c.speaker is None and e <= s0 and not cands:
            c.speaker = _main_subject(st, i, lex)
        _after_speaker(st, c, anon[1] if anon else e, lex)
        if c.speaker is None and any(x.content and x.content[0] <= c.cue_span[0] < x.content[1] for x in cands):
            i += 1  # "... أن استهداف السيارة يكشف عن": a verb of the reported content, not a new cue
            continue
        cands.append(c)
        # the anonymity clause is how the source spoke, not what: no cue in it ("عدم ذكر اسمه")
        i = anon[1] if anon else e if e > i else i + 1
    if not cands:
        for pat in lex.impersonal:
            k = ntext.find(pat)
            if k >= 0:
                c = _Cand("أفيد", (k, k + len(pat)))
                c.content = (k + len(pat), len(ntext))
                cands.append(c)
                break
    return cands


def _anonymity_clause(st: Sent, k: int, lex: Lex) -> tuple[int, int] | None:
    """A clause between commas, opening within a few words of token k, that says the source
    asked not to be named ("، طلب عدم ذكر اسمه لأنه غير مخول بالحديث لوسائل الإعلام،"): the
    index of its opening comma and of the token after its closing one; else None."""
    toks = st.toks
    for o in range(k, min(k + 5, len(toks))):
        if toks[o][2] in ",،":
            close = next((m for m in range(o + 1, min(o + 25, len(toks))) if toks[m][2] in ",،"), None)
            if close is None or not any(p in st.norm.text[toks[o][1]:toks[close][0]] for p in lex.anon_phrases):
                return None
            return o, close + 1
        if not toks[o][2][0].isalnum():
            return None
    return None


_WHEN = frozenset({"عندما", "حين", "حينما", "لما"})


def _main_subject(st: Sent, i: int, lex: Lex) -> Span | None:
    """The subject of the sentence's opening verb for a cue with none of its own in a time clause
    ("وأثار فلان الفلاني، مستشار ...، جدلًا بعد أن قال إن ...": the adviser said it)."""
    toks = st.toks
    timed = i >= 2 and toks[i - 1][2] == "ان" and toks[i - 2][2] in {"بعد", "وبعد"} or i >= 1 and toks[i - 1][2] in _WHEN
    if not timed or len(toks) < 3 or lex.verbs.get(strip_clitic(toks[0][2])) or toks[0][2].startswith("ال") \
            or toks[0][2] in lex.stop or toks[0][2] in lex.topic or not toks[0][2][0].isalpha():
        return None
    first = toks[1][2]
    if not first[0].isalpha() or first in lex.stop or (first.startswith("ال") and bare(first[2:]) not in lex.speaker_nouns):
        return None
    e = noun_phrase(st, 1, lex)
    return (toks[1][0], toks[e - 1][1]) if 1 < e < i - 1 else None


_NOT_BEFORE_A_CUE = frozenset({"او", "ام", "من", "في", "على", "عن", "الى", "بعد", "قبل", "منذ", "خلال", "رغم"})
_KANA = frozenset({"كان", "كانت", "وكان", "وكانت", "كانوا", "وكانوا"})


def _kana_subject(st: Sent, i: int, lex: Lex) -> Span | None:
    """The subject between "كان/كانت" and "قد" before the verb at i ("وكانت الوزارة قد أعلنت")."""
    toks = st.toks
    if i < 2 or toks[i - 1][2] not in {"قد", "لقد"}:
        return None
    for b in range(i - 2, max(-1, i - 14), -1):
        w = toks[b][2]
        if w in _KANA:
            if b + 1 <= i - 2 and toks[b + 1][2][0].isalnum():
                return toks[b + 1][0], toks[i - 2][1]
            return None
        if not w[0].isalnum() and w not in "«»\"":
            return None
    return None


def _to_complementizer(st: Sent, s0: int, e: int, lex: Lex) -> int:
    """Where a speaker phrase cut short by its length ends: at a title and name before the
    complementizer ("المتحدث باسم قوات تحالف دعم الشرعية في اليمن العميد الركن تركي المالكي بأن")."""
    toks = st.toks
    for m in range(e, min(e + 12, len(toks))):
        w = toks[m][2]
        if w == "في" and m + 1 < len(toks) and toks[m + 1][2][0].isalnum() and bare(toks[m + 1][2]) not in lex.forms:
            continue  # "... في جنوب البلاد العقيد ...": where the body is
        titled = any(toks[k][2] in lex.titles or strip_clitic(toks[k][2]) in lex.titles for k in range(e, m))
        if w in lex.comp:
            joined = any(toks[k][2].startswith("و") and bare(toks[k][2]) in lex.roles for k in range(e, m))  # "والناطق"
            # "قال وزير الصحة في الحكومة المكلفة من مجلس النواب عثمان عبد الجليل إن": a role, its
            # body, then the person's name (not a listener "للصحفيين" or a place "في درنة")
            named = bare(toks[s0][2]) in lex.roles and m - e >= 2 and not toks[m - 1][2].startswith("ل") \
                and toks[m - 2][2] not in lex.stop
            return m if m > e and (titled or joined or named) else e
        if w == "ل" and titled and m > e:
            return m  # "أوضح المتحدث ... الدكتور تميم الشامي لـ(سبأ) أن": the channel ends the name
        if not w[0].isalnum() or w in lex.form_openers or lex.verbs.get(strip_clitic(w)):
            return e
    return e


def _gender(words: list[str]) -> str:
    """Grammatical gender and number of a speaker phrase, for the verb that refers back to it."""
    head = bare(strip_clitic(words[0])) if words else ""
    if head.endswith(("ون", "ين")) or head in {"مصادر", "شهود", "سكان", "اهالي", "عناصر", "قوات"}:
        return "plural"
    return "fem" if head.endswith("ه") else "masc"


def find_ar(text: str, sentences: list[Span], cues: dict) -> list[Attribution]:
    lex = lexicon(cues)
    quotes = quote_spans(text)
    coref = Coreference()
    out: list[Attribution] = []
    seen: list[Sent] = []  # the document's sentences read so far
    for sent in sentences:
        st = Sent(text, sent)
        plat = platform(st, lex)
        sent_norm = st.norm.text
        if len(seen) > _BACK:
            seen.pop(0)
        for c in _sentence_cands(st, lex):
            content = st.orig(*c.content) if c.content and c.content[1] > c.content[0] else sent
            content = trim(text, *content)
            if content[1] <= content[0]:
                content = trim(text, *sent)
            for q in quotes:  # a quotation opened here and closed in a later sentence
                if q[0] == content[0] and q[1] > sent[1]:
                    content = (q[0] + 1, q[1] - 1 if text[q[1] - 1] in "»”\"" else q[1])
            cue_span = st.orig(*c.cue_span)
            if c.cue in lex.stance and any(q[0] < cue_span[0] < q[1] for q in quotes):
                continue  # «إسرائيل تريد توسيع الحرب»: the quoted speaker's words, as in English
            via = c.via or plat
            speaker = speaker_span = mention = None
            anonymous = False
            if c.speaker is not None:
                words = sent_norm[c.speaker[0]:c.speaker[1]].split()
                mention = st.orig(*c.speaker)
                first = strip_clitic(words[0]) if words else ""
                ante = None
                if first in lex.descriptions and len(words) <= 2:
                    head = first[2:] if first.startswith("ال") else first
                    ante = coref.with_head([head])
                    lead = normalize_term(ante[0]).split()[0] if ante is not None else ""
                    if ante is not None and head not in {lead, bare(lead), lead[1:], bare(lead[1:])}:
                        ante = None  # "الحركة" is not "القيادي في حركة حماس ...": the head must lead
                    if ante is None:
                        ante = _named_before(text, seen + [st], mention[0], head)
                        if ante is not None:  # later descriptions and pronouns find it as a speaker
                            coref.add(normalize_term(ante[0]), ante[1], False, _gender(words))
                else:
                    named = [w for w in words if w not in lex.titles]
                    if len(named) == 1 and bare(named[0]) not in lex.speaker_nouns | lex.idafa:
                        # "ووصف رسول", "وأوضح العميد المالكي": the full name given earlier
                        ante = coref.with_surname(normalize_term(text[mention[0]:mention[1]]).split()[-1])
                if ante is not None:
                    _, speaker_span, anonymous = ante
                    speaker = text[speaker_span[0]:speaker_span[1]]
                else:
                    speaker_span = mention
                    speaker = text[speaker_span[0]:speaker_span[1]]
                    anonymous = first in lex.anon_heads or any(p in sent_norm for p in lex.anon_phrases) \
                        or (first in {"احد", "احدي"} and len(words) > 1 and bare(words[1]) in lex.anon_heads)
                    coref.add(normalize_term(speaker), speaker_span, anonymous, _gender(words))
            elif c.cue in lex.explicit_only:
                continue  # "يُعتقد أن" (it is believed): no speaker to continue
            elif c.cue != "أفيد":
                mention = cue_span  # the verb carries the pronoun subject: "وأضاف أن"
                verb = strip_clitic(sent_norm[c.cue_span[0]:c.cue_span[1]])
                kind = ("plural" if verb.endswith(("وا", "ون")) else "fem"
                        if verb.endswith("ت") or (verb.startswith("ت") and verb not in lex.clitic_only) else "masc")
                ante = coref.last((kind,)) or coref.last()  # "وقالت" → the ministry, "وقال" → the spokesman
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
        seen.append(st)
    return out


_BACK = 8  # sentences searched back for the body a description ("المنظمة") names
_NAME_STOP = frozenset({"في", "من", "على", "علي", "الى", "الي", "عن", "ان", "انه", "انها", "التي", "الذي", "التابع", "التابعه",
                        "بعد", "قبل", "منذ", "مع", "خلال", "حول", "لدى", "عند", "بين", "او", "ثم", "قد", "كان", "كانت"})


def _named_before(text: str, sents: list[Sent], before: int, head: str) -> tuple[str, Span, bool] | None:
    """"وأكدت المنظمة" after "مستشفى منظمة أطباء بلا حدود في قندوز": the last body named
    earlier with the description's head word, as written ("منظمة أطباء بلا حدود"), up to a
    preposition or punctuation; None when there is none."""
    for st in reversed(sents):
        toks = st.toks
        for i in range(len(toks) - 1, -1, -1):
            start, _ = st.orig(toks[i][0], toks[i][1])
            word = strip_clitic(toks[i][2])
            # a name in the construct state, without the article: "(ل)منظمة أطباء بلا حدود", not
            # "القيادي في الحركة سالم يوسف" (a person of the body)
            cut = next((len(toks[i][2]) - len(word) + len(p) for p in ("", "ل", "ب") if word.startswith(p)
                        and not word[len(p):].startswith("ال") and bare(word[len(p):]) == head), None)
            if start >= before or cut is None:
                continue
            e = i + 1
            while e < len(toks) and e - i <= 4 and toks[e][2][0].isalpha() and toks[e][2] not in _NAME_STOP:
                e += 1
            if e > i + 1:
                span = st.orig(toks[i][0] + cut, toks[e - 1][1])
                return text[span[0]:span[1]], span, False
    return None
