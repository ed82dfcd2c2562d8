"""English attribution rules: "X said", "said X", "X told Reuters", "according to X",
appositives, "Reuters quoted police sources as saying", "WALLACE: ...", pronouns referring back.

Cue words come from consistency/data/cues_en.toml; the phrase scanning is in
attribution_en_phrases.py, coreference in coref.py.
"""

from __future__ import annotations

import re
from contextvars import ContextVar

from consistency.extract.attribution import Attribution, Span, quote_spans, sentence_index, trim
from consistency.extract.attribution_en_phrases import (
    ADJ_PARTICIPLES,
    APPOS_START,
    PARTICLE,
    PLURAL_HEADS,
    Lex,
    Tok,
    is_anonymous,
    is_speakerish,
    lexicon,
    proper_words,
    scan_left,
    scan_right,
    tokens,
)
from consistency.extract.coref import Coreference, kind_of, person_names

_INVERTED_END = {"in", "on", "at", "to", "by", "for", "of", "with", "from", "during", "after", "before", "who",
                 "told", "adding", "according", "late", "early", "last", "yesterday", "today", "and", "citing",
                 "while", "but", "as", "when", "tonight", "this", "earlier", "later"}
_QUOTES: ContextVar[list] = ContextVar("_QUOTES", default=[])  # quote spans of the current document
_NAMES: ContextVar[list] = ContextVar("_NAMES", default=[])  # named people seen so far in it


class _Cand:
    """One attribution under construction, in token indices of its sentence."""

    def __init__(self, cue: str, cue_span: Span):
        self.cue, self.cue_span = cue, cue_span
        self.speaker: Span | None = None  # char span of the speaker words in this sentence
        self.via: Span | None = None
        self.role: str | None = None
        self.content: Span | None = None
        self.mention: Span | None = None
        self.listener: Span | None = None  # "told reporters": not a channel, not content

    def frame(self) -> Span:
        spans = [s for s in (self.cue_span, self.speaker, self.via, self.listener) if s]
        return min(s[0] for s in spans), max(s[1] for s in spans)


def _outletish(text: str, lex: Lex) -> bool:
    if not text or not text[0].isupper() or text.lower() in lex.listeners:
        return False
    return True


def _skip_between(toks: list[Tok], j: int, lex: Lex) -> int:
    while j >= 0:
        low = toks[j].low
        if low in lex.between or (low.endswith("ly") and toks[j].text.islower() and len(low) > 4):
            j -= 1
        elif low in lex.days and j > 0 and toks[j - 1].low in {"on", "late", "early", "last"}:
            j -= 2
        elif low in lex.days:
            j -= 1
        else:
            break
    return j


def _span(toks: list[Tok], a: int, b: int) -> Span:
    return toks[a].start, toks[b - 1].end


def _verb_cue(text, toks, i, lemma, lex, sent, cands) -> _Cand | None:
    n = len(toks)
    t = toks[i]
    form = t.low
    nxt = toks[i + 1] if i + 1 < n else None
    if form in {"pointed"} and not (nxt and nxt.low in {"out", "to"}):
        return None
    if form in {"called", "calls"} and nxt and nxt.low in {"for", "on"}:
        lemma = "call_for"
    if lemma in lex.weak and any(x.speaker and x.speaker[1] <= t.start and x.cue_span[1] <= t.start
                                 and not x.role for x in cands):
        return None  # "the army said it knew of no shelling": "knew" is inside what was said
    j = _skip_between(toks, i - 1, lex)
    if j >= 0 and toks[j].text == ")":  # "Rep. Stephen Lynch (D-Mass.) said"
        m = j - 1
        while m >= 0 and toks[m].text != "(" and j - m < 8:
            m -= 1
        if m > 0 and toks[m].text == "(":
            j = m - 1
    if form.endswith("ing"):
        prev = toks[j] if j >= 0 else None
        if prev is not None and prev.low in {"is", "are", "was", "were", "am"}:
            j = _skip_between(toks, j - 1, lex)  # progressive: "Trump is demanding"
        elif prev is not None and re.fullmatch(r"\w+[’']s", prev.text) and prev.cap:
            c = _Cand(lemma, (t.start, t.end))  # "He’s claiming"
            c.speaker = (prev.start, prev.end - 2)
            return c
        elif prev is not None and not (prev.text in ",—–;" or prev.low in {"and", "while", "before", "after"}
                                       or (lemma == "say" and (prev.low in lex.media_nouns or prev.low in lex.days))):
            return None  # "a series of tweets early Friday saying that ..." goes on below
        elif cands and cands[-1].speaker:
            c = _Cand(lemma, (t.start, t.end))
            c.speaker, c.role = cands[-1].speaker, "continuation"
            return c
        else:
            # a participle clause takes the sentence's subject: "Trump tweeted, saying ..."
            e = scan_right(toks, 0, lex, limit=6)
            if 0 < e < i and is_speakerish(toks[:e], lex, sent[0]) and toks[0].cap:
                c = _Cand(lemma, (t.start, t.end))
                c.speaker, c.role = _span(toks, 0, e), "continuation"
                return c
            return None
    if j >= 0 and toks[j].low in {"was", "were", "is", "are", "been", "be", "being", "to", "not", "get", "got"}:
        return None  # passive or infinitive: "was denied entry", "refused to say"
    rest = text[t.end:t.end + 40].lower()
    if any(rest.lstrip(" ,").startswith(p.split(" ", 1)[1] if p.startswith(("who ", "speaking ")) else p)
           for p in lex.anon_phrases) or rest.lstrip().startswith("anonymously"):
        return None  # "who spoke on condition of anonymity": how the source spoke, not what
    if lemma == "oppose" and nxt is not None and nxt.low == "to":
        return None  # "declined to comment", "refused to say": no claim
    c = _Cand(lemma, (t.start, t.end))
    if j >= 0 and toks[j].low == "and" and cands and cands[-1].speaker and cands[-1].speaker[1] <= t.start:
        # "X acknowledged the operation and said ...": the same subject
        c.speaker, c.role = cands[-1].speaker, "continuation"
        return c
    if j >= 0 and toks[j].low == "and" and not cands and lemma not in lex.weak and toks[0].cap:
        # "Hamas rejected the assessment and said ...": the sentence's subject says it
        e = scan_right(toks, 0, lex, limit=6)
        if 0 < e < j and is_speakerish(toks[:e], lex, sent[0]) and toks[e].word and toks[e].text.islower():
            c.speaker, c.role = _span(toks, 0, e), "continuation"
            return c
    if j >= 0 and toks[j].word:
        if toks[j].low in {"i", "we", "you"} and any(q[0] < t.start < q[1] for q in _QUOTES.get()):
            return None  # "I think ..." inside a quotation is the quoted speaker's own aside
        if toks[j].low == "who" and not (j >= 1 and toks[j - 1].text == ","):
            return None  # restrictive "a man who says ...": not a reported statement
        if toks[j].low in lex.person | lex.plural | lex.thing:
            if toks[j].low == "who" and j >= 2 and toks[j - 1].text == ",":
                a, b, _ = scan_left(toks, j - 2, lex)
                if a <= b and is_speakerish(toks[a:b + 1], lex, sent[0]):
                    c.speaker, c.role = _span(toks, a, b + 1), "relative"
                    c.mention = (toks[j].start, toks[j].end)
                    return c
            c.speaker = (toks[j].start, toks[j].end)
            return c
        a, b, _ = scan_left(toks, j, lex)
        after_quote = a > 0 and toks[a - 1].text in "”\"’" or (a > 1 and toks[a - 1].text == ","
                                                              and toks[a - 2].text in "”\"’")
        after_quote = after_quote and a <= b and toks[a].low not in _INVERTED_END and toks[b].low not in _INVERTED_END
        if a <= b and (is_speakerish(toks[a:b + 1], lex, sent[0]) or after_quote):
            c.speaker = _span(toks, a, b + 1)  # '"...," the driver said': any noun phrase speaks
    elif j >= 1 and toks[j].text == ",":
        # "X, the defence ministry spokesman, said"
        k = j - 1
        while k >= 0 and toks[k].text not in ",“”\"(:;" and j - k < 25:
            k -= 1  # an appositive may hold a verb: "X, who also spoke on condition of anonymity, said"
        if k >= 1 and toks[k].text == "," and k + 1 < j:
            first = toks[k + 1]
            a, b, bound = scan_left(toks, k - 1, lex)
            if first.low in APPOS_START or not first.cap or first.text.isdigit():
                if a <= b and bound and toks[a].low not in _INVERTED_END and is_speakerish(toks[a:b + 1], lex, sent[0]):
                    c.speaker = _span(toks, a, b + 1)
                    c.role = text[toks[k + 1].start:toks[j - 1].end]
            elif a <= b and bound and is_speakerish(toks[a:b + 1], lex, sent[0]) \
                    and is_speakerish(toks[k + 1:j], lex, -1):
                # "The Pentagon's press secretary, Maj. Gen. Pat Ryder, said": the name speaks
                c.speaker = _span(toks, k + 1, j)
                c.role = text[toks[a].start:toks[b].end]
        if c.speaker is None and k >= 1 and toks[k].text == ",":
            # appositives with commas inside: "X, 59, of Ashton, who watched it, said"
            for _ in range(3):
                k -= 1
                while k >= 0 and toks[k].text not in ",“”\"(:;" and j - k < 40:
                    k -= 1
                if k < 1 or toks[k].text != ",":
                    break
                a, b, bound = scan_left(toks, k - 1, lex)
                if a <= b and bound and (a == 0 or not toks[a - 1].word) and toks[a].cap \
                        and is_speakerish(toks[a:b + 1], lex, sent[0]) and not any(
                            x.low in lex.verbs for x in toks[a:b + 1]):
                    c.speaker = _span(toks, a, b + 1)
                    c.role = text[toks[k + 1].start:toks[j - 1].end]
                    break

    if c.speaker is None and nxt is not None and (j < 0 or not toks[j].word):
        # inverted: '"...," said Maj. Gen. Pat Ryder' / "..., said a spokesman"
        s = i + 1
        if toks[s].low in lex.days and s + 1 < n:
            s += 1
        e = scan_right(toks, s, lex)
        # an inverted speaker ends the clause: '..., said X.', 'said X on Monday', 'said X, who ...'
        followed_by_verb = e < n and toks[e].word and toks[e].low not in _INVERTED_END and toks[e].low not in lex.days
        if e > s and is_speakerish(toks[s:e], lex, -1) and lemma != "tell" and not followed_by_verb:
            c.speaker = _span(toks, s, e)
    if c.speaker is None:
        return None
    if lemma in lex.weak:
        after = toks[i + 1] if i + 1 < n else None
        inverted = c.speaker[0] > t.start
        signal = after is not None and (after.low == "that" or after.text in ":“\"«")
        words = tokens(text, *c.speaker, frozenset(w.text for w in toks if w.proper))
        verbal = any(w.text.islower() and w.low.endswith(("ing", "ed")) and w.low not in lex.heads
                     and w.low not in ADJ_PARTICIPLES for w in words)
        if verbal or not (inverted or signal or (is_speakerish(words, lex, sent[0], strict=True)
                                                 and words[-1].low not in lex.thing)):
            return None
    if lemma == "tell" and nxt is not None:
        e = scan_right(toks, i + 1, lex)
        if e > i + 1:
            c.listener = _span(toks, i + 1, e)
            if _outletish(text[toks[i + 1].start:toks[e - 1].end], lex):
                c.via = c.listener
    return c



def _prep_cue(text, toks, i, lex, sent) -> tuple[_Cand | None, int]:
    """'according to X' / 'citing X' at token i; returns the candidate and tokens consumed."""
    for phrase, lemma in lex.preps.items():
        words = phrase.split()
        if [t.low for t in toks[i:i + len(words)]] != words:
            continue
        s = i + len(words)
        e = scan_right(toks, s, lex)
        if e <= s or not is_speakerish(toks[s:e], lex, -1):
            return None, len(words)
        c = _Cand(lemma, (toks[i].start, toks[s - 1].end))
        c.speaker = _span(toks, s, e)
        who = text[c.speaker[0]:c.speaker[1]]
        if lemma == "according to" and any(w in who.split() for w in lex.outlet_words):
            c.via = c.speaker
        return c, e - i
    return None, 1


def _platform(text: str, sent: Span, lex: Lex) -> Span | None:
    """'on its Telegram channel', 'on X', 'in an interview with CNN' -> the platform's span."""
    chunk = text[sent[0]:sent[1]]
    for name in lex.platforms:
        m = re.search(rf"\b(?:on|via|through|to)\s+(?:(?:its|his|her|their|the|an?)\s+)?(?:official\s+)?"
                      rf"({re.escape(name)})\b", chunk)
        if m and not (name == "X" and re.search(r"\bon X\s+(?:of|in)\b", chunk)):
            return sent[0] + m.start(1), sent[0] + m.end(1)
    m = re.search(r"\b(?:in an interview with|speaking to|in comments to|in a statement to)\s+"
                  r"((?:the\s+)?[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*)*)", chunk)
    if m:
        return sent[0] + m.start(1), sent[0] + m.end(1)
    return None


# what may stand between a cue and its content: a form ("in a statement on X"), a time, "that"
_FORM = re.compile(r"(?:(?:in|during|at|on|via|through)\s+(?:a|an|its|his|her|their|the)\s+(?:[\w'’-]+\s+){0,3}?"
                   r"(?:statement|interview|post|video|speech|letter|briefing|conference|message|address|"
                   r"remarks|comments|tweet|account|channel|page)(?:\s+(?:on|to|with)\s+[\w.'’-]+(?:\s+[A-Z][\w.-]*)?)?"
                   r"\s*,?\s*)?(?:(?:on|late|early)\s+\w+day\s*,?\s*)?(?:that\s+)?", re.I)


# "BAGHDAD, Jan 4 (Reuters) - ", "Baghdad, Jan 4 (EFE).- ", "WASHINGTON - ", "Shafaq News/ "
_DATELINE = re.compile(r"\s*(?:[A-Z][\w .,'’/-]{0,40}\([A-Z][\w .-]{0,25}\)\s*\.?\s*[-–—]+|[A-Z]{3,}[A-Z ,.]*\s[-–—]|"
                       r"[A-Z][\w ]{2,25}/)\s+")


def _content(text: str, sent: Span, c: _Cand, cands: list[_Cand], quotes: list[Span]) -> Span:
    f0, f1 = c.frame()
    # a quotation right before the frame ('"...," he said') or right after ('said: "..."')
    before = text[sent[0]:f0].rstrip(" ,—–")
    after = text[f1:sent[1]].lstrip(" ,:—–")
    for q in quotes:
        if before and q[1] == sent[0] + len(before) and before[-1] in "”\"’»":
            return q[0] + 1, q[1] - 1
        if after and q[0] == sent[1] - len(after) and after[0] in "“\"‘«":
            return q[0] + 1, q[1] - 1 if q[1] > q[0] + 1 and text[q[1] - 1] in "”\"’»" else q[1]
    others = [o.frame() for o in cands if o is not c and o.role != "continuation"]
    lo = max([e for s, e in others if e <= f0] + [sent[0]])
    hi = min([s for s, e in others if s >= f1] + [sent[1]])
    a0, a1 = trim(text, f1, hi)
    b_dateline = _DATELINE.match(text, lo, f0)
    if b_dateline:
        lo = b_dateline.end()
    m = _FORM.match(text, a0, a1)
    if m:
        a0 = m.end()
    b0, b1 = trim(text, lo, f0)
    if len(text[a0:a1].split()) >= 3:
        return a0, a1
    if b1 > b0:
        return b0, b1
    return trim(text, *sent)


_NAME = r"[A-Z][\w.’'\-]*(?:\s+(?:[A-Z][\w.’'\-]*|de|al|bin|van|von|da))" + "{0,4}"


def _punctuation_cues(text: str, sent: Span, lex: Lex, cands: list[_Cand]) -> list[_Cand]:
    """'WALLACE: ...' at the start of a sentence and '"..." ― Carlos Ruiz' after a quote."""
    chunk = text[sent[0]:sent[1]]
    taken = [c.speaker for c in cands if c.speaker]
    found = []
    m = re.match(rf"\s*[\"“]?\(?({_NAME})\)?\s*:\s+\S", chunk)
    if m and m.group(1).lower().rstrip(".") not in lex.not_speakers and not re.search(r"\d", m.group(1)):
        c = _Cand(":", (sent[0] + m.end(1), sent[0] + m.end(1) + 1))
        c.speaker = (sent[0] + m.start(1), sent[0] + m.end(1))
        found.append(c)
    dashes = "".join(lex.dashes)
    for m in re.finditer(rf"(?:^|[”\"’.!?])\s*[{dashes}]\s*({_NAME})", chunk):
        span = (sent[0] + m.start(1), sent[0] + m.end(1))
        if not any(t[0] < span[1] and span[0] < t[1] for t in taken):
            c = _Cand("―", (sent[0] + m.start(1) - 1, sent[0] + m.start(1)))
            c.speaker = span
            found.append(c)
    return found


def _noun_cue(text: str, toks: list[Tok], i: int, lex: Lex) -> _Cand | None:
    """"his claim that ...", "Trump's remarks": the possessor is the speaker."""
    prev = toks[i - 1]
    if i + 1 >= len(toks) or toks[i + 1].low not in {"that", ":", "“", "\"", "about", "on", "of"}:
        return None
    c = _Cand(toks[i].low, (toks[i].start, toks[i].end))
    if prev.low in {"his", "her", "their", "its"}:
        c.speaker = (prev.start, prev.end)
    elif re.fullmatch(r"[A-Z][\w.-]*[’']s", prev.text):
        a, b, _ = scan_left(toks, i - 1, lex)
        c.speaker = (toks[a].start if a < i - 1 else prev.start, prev.end - 2)
    else:
        return None
    return c


def find_en(text: str, sentences: list[Span], cues: dict) -> list[Attribution]:
    lex = lexicon(cues)
    quotes = quote_spans(text)
    _QUOTES.set(quotes)
    _NAMES.set([])
    coref = Coreference()
    proper = proper_words(text)
    out: list[Attribution] = []
    for sent in sentences:
        toks = tokens(text, *sent, proper)
        cands: list[_Cand] = []
        i = 0
        while i < len(toks):
            t = toks[i]
            c, step = _prep_cue(text, toks, i, lex, sent)
            if c is not None:
                if c.cue == "citing" and cands:
                    # "..., Reuters reported, citing police sources": the source speaks via Reuters
                    outer = cands.pop()
                    c.via = outer.speaker
                    c.cue_span, c.cue = outer.cue_span, outer.cue
                    c.speaker = c.speaker
                elif c.cue in {"citing", "quoting"}:
                    c.cue = "according to"
                cands.append(c)
                i += step
                continue
            lemma = lex.verbs.get(t.low) if t.text[0].islower() else None
            if lemma is None and t.text.islower() and re.fullmatch(r"[a-z]{3,}(?:ed|es|s)", t.text) \
                    and i + 1 < len(toks) and toks[i + 1].low == "that" and t.low not in lex.stop \
                    and t.low not in lex.not_verbs:
                lemma = t.low  # any "<verb> that ...": "X conceded that", "she figured that"
                c = _verb_cue(text, toks, i, lemma, lex, sent, cands)
                if c is not None and c.speaker and c.speaker[1] <= t.start:
                    cands.append(c)
                i += 1
                continue
            if lemma is None and t.low in lex.noun_cues and i > 0:
                c = _noun_cue(text, toks, i, lex)
                if c is not None:
                    cands.append(c)
                i += 1
                continue
            if lemma == "quote":
                # "Reuters quoted police sources as saying"
                e = scan_right(toks, i + 1, lex)
                if e + 1 < len(toks) and toks[e].low == "as" and toks[e + 1].low in lex.verbs:
                    a, b, _ = scan_left(toks, i - 1, lex) if i > 0 else (0, -1, True)
                    c = _Cand(lex.verbs[toks[e + 1].low], (toks[e + 1].start, toks[e + 1].end))
                    c.speaker = _span(toks, i + 1, e)
                    if a <= b:
                        c.via = _span(toks, a, b + 1)
                    cands.append(c)
                    i = e + 2
                    continue
                lemma = "cite"  # "Clinton cited it as an example": a weak cue of its own
            if lemma is not None:
                c = _verb_cue(text, toks, i, lemma, lex, sent, cands)
                if c is not None:
                    cands.append(c)
            i += 1
        cands += _punctuation_cues(text, sent, lex, cands)
        low = text[sent[0]:sent[1]].lower()
        if not cands:
            for pat in lex.impersonal:
                k = low.find(pat)
                if k >= 0:
                    c = _Cand("report", (sent[0] + k, sent[0] + k + len(pat)))
                    cands.append(c)
                    break
        platform = _platform(text, sent, lex)
        for c in cands:
            if c.via is None and platform is not None:
                c.via = platform
            c.content = _content(text, sent, c, cands, quotes)
        for c in cands:
            out.append(_finish(text, sent, sentences, c, lex, coref))
        _NAMES.get().extend(person_names(text, sent, lex))
    return out


def _finish(text, sent, sentences, c: _Cand, lex: Lex, coref: Coreference) -> Attribution:
    sentence_text = text[sent[0]:sent[1]]
    speaker = speaker_span = None
    mention = c.mention or c.speaker
    anonymous = c.speaker is None
    if c.speaker is not None:
        speaker_span = c.speaker
        speaker = text[c.speaker[0]:c.speaker[1]]
        words = speaker.split()
        low = speaker.lower()
        ante = None
        low = {"his": "he", "her": "she", "their": "they", "its": "it"}.get(low, low)
        if low in lex.person:
            ante = coref.last(("person",))
            if ante is None:  # "Karim Nasser visited the camp. He said ...": the last named person
                ante = next((n for n in reversed(_NAMES.get()) if n[1][1] <= c.speaker[0]), None)
            ante = ante or coref.last(("org",))
        elif low in lex.plural:
            ante = coref.last(("plural", "org"))
        elif low in lex.thing:
            ante = coref.last(("org",)) or coref.last(("person",))
        elif words[0].lower() == "the" and len(words) <= 4 \
                and not any(w[0].isupper() or PARTICLE.match(w) for w in words[1:]):
            heads = [h for h in lex.descriptions if h in low.split() or h == " ".join(low.split()[1:])]
            ante = coref.with_head(heads) if heads else None
            if ante is None and any(h in {"statement", "report"} for h in heads):
                ante = coref.last(("org",))  # "according to the statement": the body that issued it
        if ante is not None:
            speaker, speaker_span, anonymous = ante
        elif low in lex.person | lex.plural | lex.thing:
            speaker, speaker_span, anonymous = None, None, False
        else:
            anonymous = is_anonymous(speaker, lex, sentence_text)
            if c.role is not None and c.role not in {"continuation", "relative"}:
                anonymous = anonymous or any(p in c.role.lower() for p in lex.anon_phrases)
            coref.add(speaker, speaker_span, anonymous, kind_of(words, PLURAL_HEADS))
    first = min(sentence_index(sentences, c.content[0]), sentence_index(sentences, c.cue_span[0]))
    role = c.role if c.role not in {"continuation", "relative"} else None
    return Attribution(
        sentence=sentences[first] if sentences else sent,
        content=c.content,
        speaker=speaker,
        speaker_span=speaker_span,
        cue=c.cue,
        cue_span=c.cue_span,
        via=text[c.via[0]:c.via[1]] if c.via else None,
        via_span=c.via,
        anonymous=anonymous,
        mention_span=mention,
        role=role,
    )
