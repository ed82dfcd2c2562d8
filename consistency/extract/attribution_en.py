"""English attribution rules: "X said", "said X", "X told Reuters", "according to X",
appositives, "Reuters quoted police sources as saying", "WALLACE: ...", pronouns referring back.

Cue words come from consistency/data/cues_en.toml; cue finding is in attribution_en_cues.py,
phrase scanning in attribution_en_phrases.py, coreference in coref.py.
"""

from __future__ import annotations

import re
from contextvars import ContextVar

from consistency.extract.attribution import Attribution, Span, quote_spans, sentence_index, trim
from consistency.extract.attribution_en_cues import (
    QUOTES,
    Cand,
    noun_cue,
    prep_cue,
    punctuation_cues,
    scan_right,
    span_of,
    verb_cue,
)
from consistency.extract.attribution_en_phrases import (
    PARTICLE,
    PLURAL_HEADS,
    Lex,
    is_anonymous,
    lexicon,
    proper_words,
    scan_left,
    tokens,
)
from consistency.extract.coref import Coreference, kind_of, person_names

_NAMES: ContextVar[list] = ContextVar("_NAMES", default=[])  # named people seen so far in the document

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


def _phrase_at(toks: list, i: int, lex: Lex) -> tuple[str, int] | None:
    """(lemma, length) of a multi-word cue starting at token i ("put it", "made it clear")."""
    for words, lemma in lex.phrases:
        if [x.low for x in toks[i:i + len(words)]] == words:
            return lemma, len(words)
    return None


_SMALL = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "by", "with", "as", "from"}


def _bare_subject(text: str, span: Span, lex: Lex) -> bool:
    """Whether the words before an unknown "-s that" word are a subject, so that the word is a
    verb ("Trump insists that"), not a noun with a relative clause ("the mines that",
    "Patriot's mines that", "European countries that")."""
    words = text[span[0]:span[1]].split()
    if len(words) == 1 and words[0].lower() in lex.person | lex.thing:
        return True
    last = words[-1].lower()
    head = last in lex.heads or last.rstrip("s") in lex.heads or re.sub(r"ies$", "y", last) in lex.heads
    if head and len(words) > 1:
        return True  # "U.S. intelligence agencies assess that"
    return words[0].lower() not in lex.dets and words[-1][:1].isupper() \
        and not any(re.search(r"[’']s$", w) for w in words)


# what may stand between a cue and its content: a form ("in a statement on X"), a time, "that"
_FORM = re.compile(r"(?:(?:in|during|at|on|via|through)\s+(?:a|an|its|his|her|their|the)\s+(?:[\w'’-]+\s+){0,3}?"
                   r"(?:statement|interview|post|video|speech|letter|briefing|conference|message|address|"
                   r"remarks|comments|tweet|account|channel|page)(?:\s+(?:on|to|with)\s+[\w.'’-]+(?:\s+[A-Z][\w.-]*)?)?"
                   r"\s*,?\s*)?(?:(?:on|late|early)\s+\w+day\s*,?\s*)?(?:that\s+)?", re.I)


# "BAGHDAD, Jan 4 (Reuters) - ", "Baghdad, Jan 4 (EFE).- ", "WASHINGTON - ", "Shafaq News/ "
_DATELINE = re.compile(r"\s*(?:[A-Z][\w .,'’/-]{0,40}\([A-Z][\w .-]{0,25}\)\s*\.?\s*[-–—]+|[A-Z]{3,}[A-Z ,.]*\s[-–—]|"
                       r"[A-Z][\w ]{2,25}/)\s+")


_NAMED_BACK = 1500  # characters searched back for the body a description names


def _named_before(text: str, before: int, head: str) -> tuple[str, Span, bool] | None:
    """"The coalition said" after "... blamed the Saudi-led coalition": the last body named
    earlier whose name ends in the description's head ("Saudi-led coalition", "Libyan Red
    Crescent Society"), written with capitals or "-led"; None when there is none."""
    pat = re.compile(rf"\b((?:(?:[A-Z][\w'’.&-]*|[a-z]+-led)\s+){{1,5}})(?i:{re.escape(head)})\b")
    found = None
    for m in pat.finditer(text, max(0, before - _NAMED_BACK), before):
        found = m
    if found is None:
        return None
    words = found.group(1).split()
    while words and words[0] in {"The", "A", "An", "In", "On", "At", "But", "And"}:
        words = words[1:]  # a sentence's first word is capitalised anyway
    if not words:
        return None
    start = found.start(1) + found.group(1).index(words[0])
    return text[start:found.end()], (start, found.end()), False


def _content(text: str, sent: Span, c: Cand, cands: list[Cand], quotes: list[Span]) -> Span:
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
    if c.speaker and c.cue_span[0] < c.speaker[0] and \
            text[sent[0]:f0].rstrip().endswith(",") and len(text[b0:b1].split()) >= 3:
        return b0, b1  # "<content>, said X, the deputy mayor, ...": what follows X is about X
    if text[f1:hi].lstrip().startswith(";") and text[sent[0]:f0].rstrip().endswith(",") \
            and len(text[b0:b1].split()) >= 3:
        return b0, b1  # "<content>, the statement said; <another clause>": the words before are said
    if len(text[a0:a1].split()) >= 3:
        return a0, a1
    if b1 > b0:
        return b0, b1
    r0, r1 = trim(text, f1, sent[1])
    if len(text[r0:r1].split()) >= 3:
        return r0, r1  # "X who ... said they saw ...": the nested cue's clause is what X said
    return trim(text, *sent)


def find_en(text: str, sentences: list[Span], cues: dict) -> list[Attribution]:
    lex = lexicon(cues)
    quotes = quote_spans(text)
    QUOTES.set(quotes)
    _NAMES.set([])
    coref = Coreference()
    proper = proper_words(text)
    out: list[Attribution] = []
    for sent in sentences:
        toks = tokens(text, *sent, proper)
        words = [x for x in toks if x.word and x.text[0].isalpha()]
        # a headline in title case ("Lindsey Graham Says Trump Could Embrace Clean Energy")
        title = len(words) >= 4 and sum(1 for x in words if x.text[0].isupper() or x.low in _SMALL) == len(words) \
            and sum(1 for x in words if x.text[0].isupper()) >= 0.6 * len(words)
        cands: list[Cand] = []
        i = 0
        while i < len(toks):
            t = toks[i]
            c, step = prep_cue(text, toks, i, lex, sent)
            if c is None and t.low in {"citing", "quoting"} and i > 0 and toks[i - 1].text == "," and cands \
                    and cands[-1].speaker and cands[-1].frame()[1] <= toks[i - 1].start:
                # "X said on Monday, citing the release of prisoners": X goes on, citing a thing
                c = Cand("cite", (t.start, t.end))
                c.speaker, c.role = cands[-1].speaker, "continuation"
                cands.append(c)
                i += 1
                continue
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
            k = _rejected_object(toks, i, lex)
            if k is not None:
                c = verb_cue(text, toks, i, "deny", lex, sent, cands, obj=k - i)
                if c is not None:
                    c.cue_span = (t.start, toks[k].end)
                    cands.append(c)
                    i = k + 1
                    continue
            lemma = lex.verbs.get(t.low) if t.text[0].islower() or (title and i > 0) else None
            if lemma in lex.weak and not t.text[0].islower():
                lemma = None  # a headline's "Trump Plans ..." may be a noun; "Says", "Warns" are verbs
            phrase = _phrase_at(toks, i, lex) if t.text.islower() else None
            if phrase is not None:
                lemma = phrase[0]  # "as X put it", "X made it clear that", "X weighed in"
            need = lex.requires.get(t.low)
            if need and lemma is not None and not any(x.low in need for x in toks[i + 1:i + 7]):
                lemma = None  # "issued" a statement, not "issued" visas
            if lemma is None and t.text.islower() and re.fullmatch(r"[a-z]{3,}(?:ed|es|s)", t.text) \
                    and i + 1 < len(toks) and toks[i + 1].low == "that" and t.low not in lex.stop \
                    and t.low not in lex.not_verbs:
                lemma = t.low  # any "<verb> that ...": "X conceded that", "she figured that"
                c = verb_cue(text, toks, i, lemma, lex, sent, cands)
                if c is not None and c.speaker and c.speaker[1] <= t.start \
                        and (t.low.endswith("ed") or _bare_subject(text, c.speaker, lex)):
                    cands.append(c)
                i += 1
                continue
            if lemma is None and t.low in lex.noun_cues and i > 0:
                c = noun_cue(text, toks, i, lex)
                if c is not None:
                    cands.append(c)
                i += 1
                continue
            if lemma == "quote":
                # "Reuters quoted police sources as saying"
                e = scan_right(toks, i + 1, lex)
                if e + 1 < len(toks) and toks[e].low == "as" and toks[e + 1].low in lex.verbs:
                    a, b, _ = scan_left(toks, i - 1, lex) if i > 0 else (0, -1, True)
                    c = Cand(lex.verbs[toks[e + 1].low], (toks[e + 1].start, toks[e + 1].end))
                    c.speaker = span_of(toks, i + 1, e)
                    if a <= b:
                        c.via = span_of(toks, a, b + 1)
                    cands.append(c)
                    i = e + 2
                    continue
                lemma = "cite"  # "Clinton cited it as an example": a weak cue of its own
            if lemma is not None:
                c = verb_cue(text, toks, i, lemma, lex, sent, cands)
                if c is not None:
                    if phrase is not None:
                        c.cue_span = (t.start, toks[i + phrase[1] - 1].end)
                    cands.append(c)
                    if phrase is not None:
                        i += phrase[1] - 1
            i += 1
        cands += punctuation_cues(text, sent, lex, cands)
        low = text[sent[0]:sent[1]].lower()
        if not cands:
            for pat in lex.impersonal:
                k = low.find(pat)
                if k >= 0:
                    c = Cand("report", (sent[0] + k, sent[0] + k + len(pat)))
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
    extra = _announced(text, sentences, quotes, out, lex)
    return sorted(out + extra, key=lambda a: a.sentence[0]) if extra else out


def _rejected_object(toks: list, i: int, lex: Lex) -> int | None:
    """Index of the object of "X rejected claims that ...", "X dismissed media reports that ..."
    (a rejection verb at i, then up to two modifiers, a claim noun and "that"), or None: the
    verb and its object are one denying cue, and "claims" is no verb of its own."""
    if not toks[i].text.islower() or toks[i].low not in lex.rejections:
        return None
    for k in range(i + 1, min(i + 4, len(toks) - 1)):
        if toks[k].low in lex.rejected and toks[k + 1].low == "that":
            between = toks[i + 1:k]
            if all(x.word and x.low not in lex.stop and x.low not in lex.verbs for x in between):
                return k
            return None
    return None


# "X released the following statement from its spokesman, Capt. Y:" announces a quotation
_ANNOUNCE = re.compile(r"\bthe following (?:statement|update|remarks|message|comments|announcement)\b"
                       r"(?:.*?\b(?:from|by|of)\b)?", re.IGNORECASE)


def _announced(text: str, sentences: list[Span], quotes: list[Span], found: list[Attribution],
               lex: Lex) -> list[Attribution]:
    """The sentences of a quotation that a sentence announces ("U.S. Central Command released
    the following statement from its spokesman, Navy Capt. Bill Urban:" then '"We are aware
    ..."') are the announced speaker's, when they have no speaker of their own."""
    out: list[Attribution] = []
    for k, sent in enumerate(sentences):
        m = _ANNOUNCE.search(text, sent[0], sent[1])
        if m is None:
            continue
        names = [n for n in person_names(text, (m.end(), sent[1]), lex)]
        if names:
            speaker, span = names[0][0], names[0][1]
        else:
            own = next((a for a in found if a.sentence == sent and a.speaker), None)
            if own is None:
                continue
            speaker, span = own.speaker, own.speaker_span
        quote = next((q for q in quotes if sent[1] <= q[0] <= sent[1] + 3), None)
        if quote is None:
            continue
        taken = {a.sentence for a in found if a.speaker}
        for s in sentences[k + 1:]:
            if s[0] >= quote[1] or s in taken:
                break
            out.append(Attribution(sentence=s, content=trim(text, *s, strip=' \t\n,;:.—–-،؛"“”'), speaker=speaker,
                                   speaker_span=span, cue="issue", cue_span=(m.start(), m.end()), via=None,
                                   via_span=None, anonymous=False, mention_span=s))
    return out


_LEADING_CAPS = re.compile(r"[\s\"“‘]*(?:[A-Z][\w.’'\-]*\s+)*")


def _subject_name(text: str, sent: Span, before: int, lex: Lex) -> tuple[str, Span, bool] | None:
    """The person a sentence opens with (after titles: "Gen. Kenneth F. McKenzie Jr., ..."), when
    named before `before` outside any quotation."""
    names = person_names(text, sent, lex)
    if not names or names[0][1][1] > before or any(q[0] <= before < q[1] for q in QUOTES.get()):
        return None
    return names[0] if _LEADING_CAPS.fullmatch(text, sent[0], names[0][1][0]) else None


def _finish(text, sent, sentences, c: Cand, lex: Lex, coref: Coreference) -> Attribution:
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
        if low in {"he", "she"} and _subject_name(text, sent, c.speaker[0], lex) is not None:
            # "Oleksiy Arestovych, an adviser ..., apologised for what he called ...": the
            # sentence's named subject, not the last speaker
            ante = _subject_name(text, sent, c.speaker[0], lex)
        elif low in lex.person:
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
            if ante is None and heads and len(words) == 2:
                ante = _named_before(text, c.speaker[0], words[1])
            if ante is None and any(h in {"statement", "report", "organization", "organisation"} for h in heads):
                # "according to the statement": the body that issued it; "the organization said":
                # the last body that spoke, whatever its name ("the Red Cross")
                ante = coref.last(("org",))
        elif len(words) == 1 and words[0][:1].isupper() and low not in lex.heads:
            ante = coref.with_surname(speaker)  # "Konashenkov said" after "Maj. Gen. Igor Konashenkov"
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
