"""English cue finding for attribution: verbs of saying with their speaker left, right or in
an appositive ("X, the ministry spokesman, said"), "according to X", "Reuters quoted police
sources as saying", "his claim that", and punctuation cues ("WALLACE: ...", '"..." ― Name').

Each function returns a `Cand` (an attribution under construction) or None; attribution_en
turns candidates into `Attribution`s.
"""

from __future__ import annotations

import re
from contextvars import ContextVar

from consistency.extract.attribution import Span
from consistency.extract.attribution_en_phrases import (
    ADJ_PARTICIPLES,
    APPOS_START,
    Lex,
    Tok,
    is_speakerish,
    scan_left,
    scan_right,
    surname,
    tokens,
)

INVERTED_END = {"in", "on", "at", "to", "by", "for", "of", "with", "from", "during", "after", "before", "who",
                "told", "adding", "according", "late", "early", "last", "yesterday", "today", "and", "citing",
                "while", "but", "as", "when", "tonight", "this", "earlier", "later"}
QUOTES: ContextVar[list] = ContextVar("QUOTES", default=[])  # quote spans of the current document


class Cand:
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
        if low in lex.between or (low.endswith("ly") and toks[j].text.islower() and len(low) > 4
                                  and low not in lex.heads):  # "the family said" is no adverb
            j -= 1
        elif low in lex.days and j > 0 and toks[j - 1].low in {"on", "late", "early", "last"}:
            j -= 2
        elif low in {"week", "month", "year", "morning", "afternoon", "evening", "weekend"} and j > 0 \
                and toks[j - 1].low in {"this", "last", "next", "earlier", "later"}:
            j -= 2  # "Wells Fargo just this month announced"
        elif low in lex.days:
            j -= 1
        elif re.fullmatch(r"(?:19|20)\d\d", low) and j > 0 and toks[j - 1].low in {"in", "since", "during"}:
            j -= 2  # "McConnell, who in 2010 said"
        else:
            break
    return j


_DO_AUX = {"did", "does", "do", "has", "have", "had", "will", "would", "could", "can", "should", "might", "may",
           "wo", "ca", "sha"}  # "won't", "can't", "shan't"


def _negating(aux: str, form: str) -> bool:
    """Whether `aux` + not before `form` negates an active verb ("did not say", "is not saying"),
    not a passive ("was not confirmed")."""
    return aux in _DO_AUX or (aux in {"is", "are", "was", "were", "am"} and form.endswith("ing"))


def _catenative(toks: list[Tok], k: int, lex: Lex) -> int:
    """Index of the subject's last token before a verb chain ending in "to" at k + 1 ("went on
    to", "has yet to", "appeared to"), or k + 1 (the "to" itself) when the chain is not one."""
    m = k
    if m >= 0 and toks[m].low in {"on", "yet", "off"}:
        m -= 1
    if m >= 0 and toks[m].low in lex.catenatives:
        return _skip_between(toks, m - 1, lex)
    return k + 1


def _new_clause(toks: list[Tok], prev: Cand, i: int) -> bool:
    """Whether a clause of its own opens between `prev`'s cue and token i: after a closing
    quotation mark ('..., “...,” the union wrote') or a contrast (", but analysts agreed")."""
    between = [x for x in toks[:i] if x.start >= prev.cue_span[1]]
    for k, x in enumerate(between):
        if x.text in "”\"»" and k > 0:
            return True
        if x.text in ",;" and k + 1 < len(between) and between[k + 1].low in {"but", "while", "whereas", "although"}:
            return True
    return False


def _coordinated(toks: list[Tok], j: int, prev: Cand) -> bool:
    """Whether "and" at token j joins a second verb to the clause of `prev`'s cue, not to a
    clause inside what was said ("X said police arrived and denied ..." is not X denying)."""
    between = [x for x in toks if prev.cue_span[1] <= x.start < toks[j].start]
    return not any(x.low in {"that", "said", "says", "told"} or x.text in "“\"«" for x in between) \
        and prev.speaker[1] <= prev.cue_span[0]


_FRONTED = {"at", "in", "on", "during", "after", "before", "speaking", "addressing", "earlier", "later"}


def _after_fronted(toks: list[Tok]) -> int:
    """Index of the subject after a fronted adverbial closed by a comma ("At a news conference,
    X ..."), or 0."""
    if not toks or toks[0].low not in _FRONTED:
        return 0
    comma = next((k for k in range(1, min(len(toks), 14)) if toks[k].text == ","), None)
    return comma + 1 if comma is not None and comma + 1 < len(toks) and toks[comma + 1].word else 0


def span_of(toks: list[Tok], a: int, b: int) -> Span:
    return toks[a].start, toks[b - 1].end


def verb_cue(text, toks, i, lemma, lex, sent, cands, obj: int = 0) -> Cand | None:
    """The cue at token i with its speaker; `obj` object tokens after the verb belong to the cue
    ("rejected claims" that ...)."""
    n = len(toks)
    t = toks[i]
    form = t.low
    nxt = toks[i + 1 + obj] if i + 1 + obj < n else None
    if form in {"pointed"} and not (nxt and nxt.low in {"out", "to"}):
        return None
    if form in {"called", "calls", "call", "calling"} and nxt and nxt.low in {"for", "on"}:
        lemma = "call_for"
    if nxt is not None and nxt.text.islower() and lex.verbs.get(nxt.low) not in (None, *lex.weak):
        return None  # "which advocates say ...": a noun subject of the next cue
    if lemma in lex.weak and any(q[0] < t.start < q[1] for q in QUOTES.get()):
        return None  # '"Hamas wants to provoke us," the minister said': the minister's words, not Hamas's
    j = _skip_between(toks, i - 1, lex)
    if j >= 0 and toks[j].low in {"having", "let", "let's", "let’s", "lets"}:
        return None  # "Having said that", "Let's say you think ...": no speaker says it
    if j >= 1 and toks[j].low.endswith("ly") and toks[j - 1].low in lex.dets and nxt is not None and nxt.cap \
            and t.low.endswith("ed"):
        return None  # "the internationally recognised government": an adjective, not a cue
    if j >= 1 and toks[j].low == "to" and not form.endswith("ing"):
        j = _catenative(toks, j - 1, lex)  # "X went on to explain", "X appeared to suggest": X's cue
    progressive = False  # the be-auxiliary before an -ing form has been read already
    asserted = nxt is not None and (nxt.low == "that" or nxt.text in ":“\"«")
    if asserted and j >= 0 and (toks[j].low == "not" or re.fullmatch(r"\w+n[’']t", toks[j].low)):
        return None  # "X did not say that ...": what follows is not X's claim
    if j >= 1 and toks[j].low == "not" and _negating(toks[j - 1].low, form):
        progressive = form.endswith("ing")
        j = _skip_between(toks, j - 2, lex)  # "X did not say", "X has not commented": still X's stance
    elif j >= 0 and re.fullmatch(r"\w+n[’']t", toks[j].low) and _negating(re.sub(r"n[’']t$", "", toks[j].low), form):
        progressive = form.endswith("ing")
        j = _skip_between(toks, j - 1, lex)  # "X haven't said", "X isn't saying"
    if form in lex.homographs and j >= 0 and (
            toks[j].low in lex.dets or re.search(r"[’']s$", toks[j].text) or toks[j].text.isdigit()
            or toks[j].low in {"percent", "tv", "show"} or (nxt is not None and nxt.low in {"of", "among", "for"})
            or (j >= 1 and toks[j - 1].low in {"of", "in", "for", "with", "among", "by"})):
        return None  # a noun: "Oz's show", "85 percent support", "of Republican claims", "in support of"
    if j >= 0 and toks[j].low in {"and", "but", "yet"} and cands and cands[-1].speaker \
            and cands[-1].speaker[1] <= t.start and not form.endswith("ing") and _coordinated(toks, j, cands[-1]):
        # "X urged Republicans to act, and criticized the party": the same subject
        c = Cand(lemma, (t.start, t.end))
        c.speaker, c.role = cands[-1].speaker, "continuation"
        return c
    participle = form.endswith("ing") and j >= 0 and toks[j].text in ",—–;" and bool(cands) \
        and cands[-1].speaker is not None and cands[-1].frame()[1] <= toks[j].start
    if lemma in lex.weak and not participle and any(x.speaker and x.speaker[1] <= t.start and x.cue_span[1] <= t.start
                                                    and x.role != "relative" and not _new_clause(toks, x, i) for x in cands):
        return None  # "the army said it knew of no shelling": "knew" is inside what was said
    if j >= 0 and toks[j].text == ")":  # "Rep. Stephen Lynch (D-Mass.) said"
        m = j - 1
        while m >= 0 and toks[m].text != "(" and j - m < 8:
            m -= 1
        if m > 0 and toks[m].text == "(":
            j = m - 1
    if form.endswith("ing"):
        prev = toks[j] if j >= 0 else None
        if progressive:
            pass
        elif prev is not None and prev.low in {"is", "are", "was", "were", "am"}:
            j = _skip_between(toks, j - 1, lex)  # progressive: "Trump is demanding"
        elif prev is not None and re.fullmatch(r"\w+[’']s", prev.text) and prev.cap:
            c = Cand(lemma, (t.start, t.end))  # "He’s claiming"
            c.speaker = (prev.start, prev.end - 2)
            return c
        elif prev is not None and not (prev.text in ",—–;" or prev.low in {"and", "while", "before", "after", "by"}
                                       or (lemma == "say" and (prev.low in lex.media_nouns or prev.low in lex.days))):
            return None  # "a series of tweets early Friday saying that ..." goes on below
        elif cands and cands[-1].speaker:
            c = Cand(lemma, (t.start, t.end))
            c.speaker, c.role = cands[-1].speaker, "continuation"
            return c
        else:
            # a participle clause takes the sentence's subject: "Trump tweeted, saying ...", after
            # any dateline ("DERNA, Libya (AP) - Hundreds of people rallied ..., demanding")
            s0 = _after_dateline(toks)
            e = scan_right(toks, s0, lex, limit=6)
            e = next((k for k in range(s0 + 1, e) if toks[k].text.islower() and toks[k].low.endswith("ed")
                      and toks[k].low not in lex.heads and toks[k].low not in ADJ_PARTICIPLES), e)
            if s0 < e < i and is_speakerish(toks[s0:e], lex, sent[0]) and toks[s0].cap:
                c = Cand(lemma, (t.start, t.end))
                c.speaker, c.role = span_of(toks, s0, e), "continuation"
                return c
            return None
    if j >= 0 and toks[j].low in {"was", "were", "is", "are", "been", "be", "being"} and form.endswith("ed") \
            and nxt is not None and nxt.low == "by":
        # passive with its agent: "the toll was confirmed by the ministry", "is backed by unions"
        k = next((m for m in range(j - 1, max(-1, j - 15), -1) if not toks[m].word), None)
        if k is not None and toks[k].text == "," and k + 1 < j and toks[k + 1].low in {"which", "who", "that"}:
            return None  # "X, which controls the city and is backed by Y, ...": Y describes X, says nothing
        e = scan_right(toks, i + 2, lex)
        if e > i + 2 and is_speakerish(toks[i + 2:e], lex, -1):
            c = Cand(lemma, (toks[j].start, t.end))
            c.speaker = span_of(toks, i + 2, e)
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
    c = Cand(lemma, (t.start, t.end))
    if j >= 0 and toks[j].low == "and" and cands and cands[-1].speaker and cands[-1].speaker[1] <= t.start:
        # "X acknowledged the operation and said ...": the same subject
        c.speaker, c.role = cands[-1].speaker, "continuation"
        return c
    if j >= 0 and toks[j].low in {"and", "but", "yet"} and not cands and toks[0].cap:
        # "Hamas rejected the assessment and said ...": the sentence's subject says it, also after
        # a fronted adverbial ("At an emergency meeting, the ambassador held up photos and said")
        s0 = _after_fronted(toks)
        e = scan_right(toks, s0, lex, limit=6)
        # the subject ends where its verb begins: "The army withdrew ...", "Residents buried ..."
        e = next((k for k in range(s0 + 1, e) if toks[k].text.islower() and toks[k].low not in lex.heads
                  and toks[k].low not in lex.dets and toks[k].low not in {"of", "and", "for", "in"}
                  and (toks[k - 1].cap and toks[k - 1].low not in lex.dets or toks[k - 1].low in lex.heads)), e)
        if s0 < e < j and is_speakerish(toks[s0:e], lex, sent[0], strict=lemma in lex.weak) and toks[e].word \
                and toks[e].text.islower() and toks[e].low not in lex.stop:
            c.speaker, c.role = span_of(toks, s0, e), "continuation"
            return c
    if j >= 0 and toks[j].word:
        first_person = re.sub(r"[’'](?:ve|d|ll|m|re)$", "", toks[j].low) in {"i", "we", "you"}
        if first_person and any(q[0] < t.start < q[1] for q in QUOTES.get()):
            return None  # "I think ..." inside a quotation is the quoted speaker's own aside
        if toks[j].low == "who" and not (j >= 1 and toks[j - 1].text == ","):
            if lemma in lex.weak or j < 1:
                return None  # "a reporter who asked about ...": no statement
            a, b, _ = scan_left(toks, j - 1, lex)  # "an architect who said he was not paid"
            if a <= b and is_speakerish(toks[a:b + 1], lex, sent[0]):
                c.speaker, c.role = span_of(toks, a, b + 1), "relative"
                c.mention = (toks[j].start, toks[j].end)
                return c
            return None
        if toks[j].low in lex.person | lex.plural | lex.thing:
            if toks[j].low == "who" and j >= 2 and toks[j - 1].text == ",":
                a, b, _ = scan_left(toks, j - 2, lex)
                if a <= b and is_speakerish(toks[a:b + 1], lex, sent[0]):
                    c.speaker, c.role = span_of(toks, a, b + 1), "relative"
                    c.mention = (toks[j].start, toks[j].end)
                    return c
            c.speaker = (toks[j].start, toks[j].end)
            return c
        a, b, _ = scan_left(toks, j, lex)
        after_quote = a > 0 and toks[a - 1].text in "”\"’" or (a > 1 and toks[a - 1].text == ","
                                                              and toks[a - 2].text in "”\"’")
        after_quote = after_quote and a <= b and toks[a].low not in INVERTED_END and toks[b].low not in INVERTED_END
        _restrictive_relative(text, toks, j, lex, sent, c)
        if c.speaker is None and a <= b and (is_speakerish(toks[a:b + 1], lex, sent[0]) or after_quote
                                             or surname(toks, j, j, lex)):
            c.speaker = span_of(toks, a, b + 1)  # '"...," the driver said': any noun phrase speaks
    elif j >= 2 and toks[j].text in "-—–":
        # "Kall -- co-editor of a book on the debates -- said": the appositive between dashes
        d = j - 1 if toks[j].text == "-" and toks[j - 1].text == "-" else j
        k = next((m for m in range(d - 1, max(-1, d - 40), -1) if toks[m].text in "—–" or (
            toks[m].text == "-" and m > 0 and toks[m - 1].text == "-")), None)
        if k is not None and k + 1 < d:
            e0 = k - 1 if toks[k].text == "-" else k
            a, b, bound = scan_left(toks, e0 - 1, lex)
            if a <= b and bound and is_speakerish(toks[a:b + 1], lex, sent[0]) and toks[a].cap:
                c.speaker = span_of(toks, a, b + 1)
                c.role = text[toks[k + 1].start:toks[d - 1].end]
    elif j >= 1 and toks[j].text == ",":
        # "X, the defence ministry spokesman, said"
        k = j - 1
        while k >= 0 and toks[k].text not in ",“”\"(:;" and j - k < 40:
            k -= 1  # an appositive may hold a verb: "X, who also spoke on condition of anonymity, said"
        if k >= 1 and toks[k].text == "," and k + 1 < j:
            first = toks[k + 1]
            a, b, bound = scan_left(toks, k - 1, lex)
            if first.low in APPOS_START or not first.cap or first.text.isdigit():
                if a <= b and bound and toks[a].low not in INVERTED_END and is_speakerish(toks[a:b + 1], lex, sent[0]):
                    c.speaker = span_of(toks, a, b + 1)
                    c.role = text[toks[k + 1].start:toks[j - 1].end]
            elif a <= b and bound and is_speakerish(toks[a:b + 1], lex, sent[0]) \
                    and is_speakerish(toks[k + 1:j], lex, -1):
                # "The Pentagon's press secretary, Maj. Gen. Pat Ryder, said": the name speaks
                c.speaker = span_of(toks, k + 1, j)
                c.role = text[toks[a].start:toks[b].end]
        if c.speaker is None and k >= 1 and toks[k].text == "," and k + 1 < j:
            _role_before_name(text, toks, k, j, lex, c)
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
                    c.speaker = span_of(toks, a, b + 1)
                    c.role = text[toks[k + 1].start:toks[j - 1].end]
                    break

    if c.speaker is None and nxt is not None and (j < 0 or not toks[j].word):
        # inverted: '"...," said Maj. Gen. Pat Ryder' / "..., said a spokesman"
        s = i + 1 + obj
        if toks[s].low in lex.days and s + 1 < n:
            s += 1
        e = scan_right(toks, s, lex)
        # '"...," said a teacher who gave his name only as Ahmed': the relative clause is about X
        rel = next((k for k in range(s + 1, e) if toks[k].low in {"who", "whose"}), None)
        if rel is not None:
            e = rel
        # an inverted speaker ends the clause: '..., said X.', 'said X on Monday', 'said X, who ...'
        followed_by_verb = e < n and toks[e].word and toks[e].low not in INVERTED_END and toks[e].low not in lex.days
        # "said most of the deaths could have been avoided": a quantifier of what was said
        partitive = e == s + 1 and toks[s].low in lex.quantifiers and e < n and toks[e].low == "of"
        if e > s and is_speakerish(toks[s:e], lex, -1) and lemma != "tell" and not followed_by_verb and not partitive:
            c.speaker = span_of(toks, s, e)
            if rel is not None:
                stop = next((k for k in range(rel, n) if not toks[k].word and toks[k].text not in "'’-"), n)
                c.role = text[toks[rel].start:toks[stop - 1].end]  # "who gave his name only as Ahmed"
            elif e + 1 < n and toks[e].text == ",":
                # '"...," said Basheer Omar, ICRC spokesperson in Yemen': the role after the name
                stop = next((k for k in range(e + 1, min(n + 1, e + 13)) if k == n or toks[k].text in ",;"
                             or (toks[k].text == "." and toks[k - 1].low not in lex.titles)), None)
                role = toks[e + 1:stop] if stop is not None else []
                if role and any(x.low in lex.roles or x.low in lex.heads for x in role) \
                        and (role[0].low in lex.dets or role[0].cap or role[0].low in lex.roles):
                    c.role = text[role[0].start:role[-1].end]
    if c.speaker is None:
        return None
    sp = [x for x in toks if c.speaker[0] <= x.start and x.end <= c.speaker[1]]
    k = next((m for m, x in enumerate(toks) if x is sp[0]), 0) if sp else 0
    if k >= 2 and toks[k - 1].low == "that" and lex.verbs.get(toks[k - 2].low) in {"call_for", "ask"} \
            and c.speaker[1] <= t.start:
        return None  # "demanded that both organizations respond": a demand, not their reply
    if k >= 1 and toks[k - 1].low == "as" and c.speaker[1] <= t.start and any(
            x.speaker and x.cue_span[1] <= toks[k - 1].start for x in cands):
        return None  # "..., not a school bus as the militia claims": the claim the speaker rejects
    for k in range(1, len(sp)):
        if sp[k].text.islower() and sp[k].low.endswith(("ed", "en")) and sp[k - 1].low.rstrip("s") in lex.heads:
            c.speaker = (sp[0].start, sp[k - 1].end)  # "a survey released on Monday found": the survey
            break
    if lemma in lex.weak:
        after = toks[i + 1] if i + 1 < n else None
        inverted = c.speaker[0] > t.start
        signal = after is not None and (after.low == "that" or after.text in ":“\"«")
        words = tokens(text, *c.speaker, frozenset(w.text for w in toks if w.proper))
        # a participle after a head noun modifies it: "a poll released Friday found"
        verbal = any(w.text.islower() and w.low.endswith(("ing", "ed")) and w.low not in lex.heads
                     and w.low not in ADJ_PARTICIPLES
                     and not (w.low.endswith("ed") and k > 0 and words[k - 1].low.rstrip("s") in lex.heads)
                     for k, w in enumerate(words))
        if verbal or not (inverted or signal or (is_speakerish(words, lex, sent[0], strict=True)
                                                 and words[-1].low not in lex.thing)):
            return None
    if lemma == "tell" and nxt is not None:
        e = scan_right(toks, i + 1, lex)
        if e > i + 1:
            c.listener = span_of(toks, i + 1, e)
            if _outletish(text[toks[i + 1].start:toks[e - 1].end], lex):
                c.via = c.listener
    return c



def prep_cue(text, toks, i, lex, sent) -> tuple[Cand | None, int]:
    """'according to X' / 'citing X' at token i; returns the candidate and tokens consumed."""
    for phrase, lemma in lex.preps.items():
        words = phrase.split()
        if [t.low for t in toks[i:i + len(words)]] != words:
            continue
        s = i + len(words)
        e = scan_right(toks, s, lex)
        issued = _issued_by(toks, s, e, lex)
        if issued is not None:
            s, e = issued  # "according to a statement from X": X
        if e <= s or not is_speakerish(toks[s:e], lex, -1):
            return None, len(words)
        c = Cand(lemma, (toks[i].start, toks[s - 1].end))
        c.speaker = span_of(toks, s, e)
        if issued is not None and e + 1 < len(toks) and toks[e].text == ",":
            # "..., according to a statement from X, spokesman for the ministry"
            stop = next((k for k in range(e + 1, min(len(toks) + 1, e + 13)) if k == len(toks)
                         or toks[k].text in ",;" or (toks[k].text == "." and toks[k - 1].low not in lex.titles)), None)
            role = toks[e + 1:stop] if stop is not None else []
            if role and any(x.low in lex.roles or x.low in lex.heads for x in role) and not any(
                    x.low in lex.verbs for x in role):
                c.role = text[role[0].start:role[-1].end]
        who = text[c.speaker[0]:c.speaker[1]]
        if lemma == "according to" and any(w in who.split() for w in lex.outlet_words):
            c.via = c.speaker
        return c, e - i
    return None, 1


def _issued_by(toks: list[Tok], s: int, e: int, lex: Lex) -> tuple[int, int] | None:
    """The issuer in "a statement from X" / "figures from the ministry" / "a report by X" at
    tokens s..e (the phrase may stop at the preposition): X's tokens, or None."""
    k = next((m for m in range(s, min(len(toks), e + 1)) if toks[m].low in {"from", "by", "of"}), None)
    if k is None or k == s or k + 1 >= len(toks) or toks[k - 1].low not in lex.forms:
        return None
    if not all(x.low in lex.dets or x.low in lex.forms or x.text.islower() for x in toks[s:k]):
        return None  # a name before the form: "the ministry's statement" is read as written
    e2 = scan_right(toks, k + 1, lex)
    return (k + 1, e2) if e2 > k + 1 else None


_NAME = r"[A-Z][\w.’'\-]*(?:\s+(?:[A-Z][\w.’'\-]*|de|al|bin|van|von|da))" + "{0,4}"


def punctuation_cues(text: str, sent: Span, lex: Lex, cands: list[Cand]) -> list[Cand]:
    """'WALLACE: ...' at the start of a sentence and '"..." ― Carlos Ruiz' after a quote."""
    chunk = text[sent[0]:sent[1]]
    taken = [c.speaker for c in cands if c.speaker]
    found = []
    m = re.match(rf"\s*[\"“]?\(?({_NAME})\)?\s*:\s+\S", chunk)
    if m and m.group(1).lower().rstrip(".") not in lex.not_speakers and not re.search(r"\d", m.group(1)):
        c = Cand(":", (sent[0] + m.end(1), sent[0] + m.end(1) + 1))
        c.speaker = (sent[0] + m.start(1), sent[0] + m.end(1))
        found.append(c)
    dashes = "".join(lex.dashes)
    for m in re.finditer(rf"(?:^|[”\"’.!?])\s*[{dashes}]\s*({_NAME})", chunk):
        span = (sent[0] + m.start(1), sent[0] + m.end(1))
        if not any(t[0] < span[1] and span[0] < t[1] for t in taken):
            c = Cand("―", (sent[0] + m.start(1) - 1, sent[0] + m.start(1)))
            c.speaker = span
            found.append(c)
    return found


def noun_cue(text: str, toks: list[Tok], i: int, lex: Lex) -> Cand | None:
    """"his claim that ...", "Trump's remarks", "the ministry's earlier statement": the possessor
    (up to two modifiers before the noun) is the speaker."""
    if i + 1 >= len(toks) or toks[i + 1].low not in _NOUN_NEXT:
        return None
    p = i - 1
    while p > 0 and i - p <= 2 and toks[p].text.islower() and toks[p].word and toks[p].low not in lex.dets \
            and not re.search(r"[’']s?$", toks[p].text) and toks[p].low not in lex.stop:
        p -= 1  # "his twisted message", "police's earlier claim", "Trump's own admission"
    prev = toks[p]
    c = Cand(toks[i].low, (toks[i].start, toks[i].end))
    if prev.low in {"his", "her", "their", "its"}:
        c.speaker = (prev.start, prev.end)
    elif re.fullmatch(r"[\w.-]+[’']s", prev.text) or (re.fullmatch(r"[\w.-]+s[’']", prev.text) and p > 0):
        a, b, _ = scan_left(toks, p, lex)
        end = prev.end - (2 if prev.text.endswith("s") else 1)
        start = toks[a].start if a < p else prev.start
        words = tokens(text, start, end)
        if not words or not is_speakerish(words, lex, -1):
            return None
        c.speaker = (start, end)
    else:
        return None
    return c


# what may follow a claim noun: "his claim that", "Trump's view of", "her plan to", "the ministry's statement:"
_NOUN_NEXT = {"that", ":", "“", "\"", "about", "on", "of", "to", "for", "notwithstanding"}


_OPENING_PREPS = {"on", "in", "at", "from", "after", "before", "during", "late", "early"}


def _restrictive_relative(text, toks, j: int, lex, sent, c: Cand) -> None:
    """"Explosives experts who reviewed photos of the scene told The Times ...": the noun phrase
    before a relative clause (no comma) speaks; the clause, with no cue or punctuation in it, is its role."""
    w = next((m for m in range(j - 1, max(-1, j - 16), -1) if not toks[m].word or toks[m].low == "who"), None)
    if w is None or w < 1 or toks[w].low != "who" or w + 1 > j:
        return
    if any(lex.verbs.get(t.low) for t in toks[w + 1:j + 1]):
        return  # "a reporter who asked ... said": the clause holds a cue of its own
    a, b, bound = scan_left(toks, w - 1, lex)
    if a <= b and bound and toks[a].low not in INVERTED_END and is_speakerish(toks[a:b + 1], lex, sent[0]):
        c.speaker, c.role = span_of(toks, a, b + 1), text[toks[w].start:toks[j].end]


def _role_before_name(text, toks, k: int, j: int, lex, c: Cand) -> None:
    """"On Thursday the head of the World Meteorological Organization, Petteri Taalas, said",
    "In Tripoli, the prime minister of the Government of National Unity, Abdul Hamid Dbeibah,
    said": a capitalised name between the last two commas speaks, and the phrase before it
    (after an opening place or day, up to 20 words) is their role."""
    name = toks[k + 1:j]
    if not name or not all(x.cap for x in name if x.word) or not is_speakerish(name, lex, -1):
        return
    p = k - 1
    while p >= 0 and toks[p].text not in ",“”\"(:;" and k - p <= 20:
        p -= 1
    if p >= 0 and toks[p].text != ",":
        return
    s = p + 1
    if s + 1 < k and toks[s].low in _OPENING_PREPS and toks[s + 1].low in lex.days:
        s += 2  # "On Thursday the head of ..."
    role = toks[s:k]
    if not role or role[0].low in _OPENING_PREPS or not (role[0].low in lex.dets or role[0].cap):
        return
    if not any(x.low in lex.roles or x.low in lex.heads for x in role):
        return
    c.speaker = span_of(toks, k + 1, j)
    c.role = text[role[0].start:role[-1].end]


def _after_dateline(toks) -> int:
    """Index of the first token after a dateline ("DERNA, Libya (AP) -", "KABUL -"), else 0."""
    for k in range(1, min(len(toks), 14)):
        if toks[k].text in "-–—" and (toks[k - 1].text == ")" or all(
                x.text.isupper() or not x.word for x in toks[:k])):
            return k + 1 if k + 1 < len(toks) else 0
    return 0

