"""English phrase scanning for attribution: tokens, the speaker phrase left or right of a
cue word, and whether a phrase can name a speaker or an anonymous one.

A speaker phrase is scanned outwards from the cue and stops at punctuation, clause words and
verbs (lexicon `stop`), so "Two people died, police said" gives "police".
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

# Zero-width and bidi controls (format characters) are neither words nor punctuation.
_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?:[A-Za-z]\.){2,}|\w+(?:[’'\-]\w+)*|[^\w\s\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
_AGENT = re.compile(r"(?:er|or|ist|ian|ant|ent)s?$")
PARTICLE = re.compile(r"(?:al|el|ad|ash|as|at|az|an|ar|ibn|bin|abu|abd|de|van|von)[-‑][A-Z]")
_OPEN_Q = "“\"‘«"
_CLOSE_Q = "”\"’»"
APPOS_START = {"the", "a", "an", "his", "her", "its", "their", "who", "whose", "speaking", "one",
                "himself", "herself", "itself", "which", "according", "in", "citing", "quoted"}
ADJ_PARTICIPLES = {"armed", "unnamed", "retired", "elected", "acting", "leading", "united", "unidentified",
                    "ruling", "governing", "so-called", "named", "based", "backed", "allied", "concerned"}
_PREPS = {"in", "on", "at", "to", "by", "for", "of", "with", "from", "during", "after", "before", "about"}


@dataclass
class Tok:
    start: int
    end: int
    text: str
    proper: bool = False  # capitalised somewhere in the document other than sentence-initially

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def cap(self) -> bool:
        # "al-Nujaba", "el-Sisi", "bin Salman"'s particles do not hide a name
        return self.text[0].isupper() or bool(PARTICLE.match(self.text))


class Lex:
    def __init__(self, cues: dict):
        self.verbs = {f: lemma for lemma, forms in cues["verbs"].items() for f in forms}
        self.weak = set(cues["weak"]["lemmas"])
        self.preps = cues["prepositions"]
        self.between = set(cues["between"]["words"])
        self.days = set(cues["between"]["days"])
        self.dates = self.days | set(cues["between"]["months"])  # never a speaker: "a poll released in late August"
        self.stop = set(cues["stop"]["words"])
        self.dets = set(cues["determiners"]["words"])
        self.titles = set(cues["titles"]["words"])
        self.person = set(cues["coref"]["person"])
        self.plural = set(cues["coref"]["plural"])
        self.thing = set(cues["coref"]["thing"])
        self.descriptions = list(cues["coref"]["descriptions"])
        self.anon_heads = set(cues["anonymous"]["heads"])
        self.roles = set(cues["anonymous"]["roles"])
        self.anon_phrases = cues["anonymous"]["phrases"]
        self.platforms = cues["channels"]["platforms"]
        self.listeners = set(cues["channels"]["listeners"])
        self.outlet_words = set(cues["channels"]["outlet_words"])
        self.impersonal = cues["impersonal"]["patterns"]
        self.dashes = cues["punctuation"]["dashes"]
        self.noun_cues = set(cues["nouns"]["cues"])
        self.not_verbs = set(cues["nouns"]["not_verbs"])
        self.homographs = set(cues["nouns"]["homographs"])
        self.catenatives = set(cues["between"]["catenatives"])
        self.quantifiers = set(cues["coref"]["quantifiers"])
        self.phrases = sorted(((p.split(), lemma) for p, lemma in cues["phrases"].items()), key=lambda x: -len(x[0]))
        self.requires = {form: set(words) for form, words in cues["requires"].items()}
        self.rejections = set(cues.get("rejections", {}).get("verbs", []))
        self.rejected = set(cues.get("rejections", {}).get("objects", []))
        self.not_speakers = set(cues["punctuation"]["not_speakers"])
        self.media_nouns = set(cues["speaker_nouns"]["media"])
        self.forms = set(cues["speaker_nouns"].get("forms", []))
        self.heads = self.anon_heads | set(cues["speaker_nouns"]["words"]) | set(self.descriptions)
        PLURAL_HEADS.update(h for h in self.heads if h.endswith("s") and not h.endswith("ss"))


_LEX_CACHE: dict[int, Lex] = {}


def lexicon(cues: dict) -> Lex:
    key = id(cues)
    if key not in _LEX_CACHE:
        _LEX_CACHE[key] = Lex(cues)
    return _LEX_CACHE[key]


def tokens(text: str, start: int, end: int, proper: frozenset = frozenset()) -> list[Tok]:
    return [Tok(m.start() + start, m.end() + start, m.group(), m.group() in proper)
            for m in _TOKEN.finditer(text[start:end])]


def proper_words(text: str) -> frozenset:
    """Capitalised words seen after a lowercase word, or capitalised twice or more and never
    written in lowercase: names, so "Trump wants" is a speaker even when every sentence about
    him opens with his name."""
    after = {m.group(1) for m in re.finditer(r"[a-z,]\s+([A-Z][\w’'\-]*)", text)}
    caps = Counter(re.findall(r"\b[A-Z][a-z][\w’'\-]*", text))
    lower = set(re.findall(r"\b[a-z][\w’'\-]*", text))
    return frozenset(after | {w for w, n in caps.items() if n >= 2 and w.lower() not in lower})


def scan_left(toks: list[Tok], j: int, lex: Lex) -> tuple[int, int, bool]:
    """Indices [k, j] of the noun phrase ending at token j, and whether it began at a boundary."""
    k, taken = j, 0
    while k >= 0:
        t = toks[k]
        if not t.word:
            if t.text == "." and k > 0 and toks[k - 1].low in lex.titles:
                k -= 1
                continue
            if t.text == "." and k > 1 and taken and re.fullmatch(r"[A-Z]", toks[k - 1].text) and toks[k - 2].cap:
                k -= 1  # a middle initial: "Gen. Kenneth F. McKenzie Jr."
                continue
            if t.text == ")":  # "Sen. Claire McCaskill (D-Mo.) said"
                m = k - 1
                while m >= 0 and toks[m].text != "(" and k - m < 8:
                    m -= 1
                if m >= 0 and toks[m].text == "(":
                    k = m - 1
                    continue
            if t.text == "&" and taken:  # a lone "-" is a dash ("BAGHDAD, Jan 5 - Prime Minister X")
                k -= 1
                continue
            return k + 1, j, True
        if t.low in {"him", "her", "them"} and k >= 2 and toks[k - 1].low == "to" and toks[k - 2].low in {"close", "near"}:
            k -= 3  # "those close to him", "sources close to them"
            taken += 3
            continue
        if (t.low in lex.stop and not surname(toks, k, j, lex)) or t.low.endswith(("n't", "n’t")):
            return k + 1, j, t.low in {"but", "while", "whereas", "as", "because", "since", "that"}
        if t.low == "and":
            nxt = toks[k - 1] if k > 0 else None
            if not taken or nxt is None or not nxt.word or nxt.low in lex.stop or nxt.low in lex.dets:
                return k + 1, j, True
        attach = t.low in _PREPS and k > 0 and (toks[k - 1].low in lex.heads or toks[k - 1].low in lex.roles
                                                 or toks[k - 1].low.rstrip("s") in lex.heads)
        if taken and t.text.islower() and all(x.cap for x in toks[k + 1:j + 1] if x.word) and not attach \
                and not all(x.low in lex.dates for x in toks[k + 1:j + 1] if x.word) \
                and t.low not in lex.heads and t.low not in lex.roles and t.low not in lex.dets \
                and t.low not in {"and", "of", "for", "s"}:
            return k + 1, j, False  # "During the debate Trump said": the name is the speaker
        taken += 1
        if t.low in lex.dets and k > 1 and toks[k - 1].low in _PREPS and taken < 8 \
                and (toks[k - 2].low in lex.heads or toks[k - 2].low.rstrip("s") in lex.heads or toks[k - 2].low in lex.roles):
            k -= 1  # "a source in the interior ministry": the phrase goes on past "in the"
            continue
        # "an officer in the general staff of the Hadi government": the determiners and
        # prepositions of attached phrases do not count towards the length limit
        content = sum(1 for x in toks[k:j + 1] if x.word and x.low not in lex.dets and x.low not in _PREPS)
        if t.low in lex.dets or content >= 9:
            at_boundary = k == 0 or not toks[k - 1].word or toks[k - 1].low in {"and", "but", "while", "as"}
            return k, j, at_boundary
        k -= 1
    return 0, j, True


def surname(toks: list[Tok], k: int, j: int, lex: Lex) -> bool:
    """A capitalised verb right before the cue is a name ("Lt. Gen. Sami D. Said said", "Said
    told reporters"): two verbs of saying do not follow each other."""
    t = toks[k]
    return k == j and t.text[:1].isupper() and t.low in lex.verbs and j + 1 < len(toks) \
        and (k == 0 or toks[k - 1].cap or not toks[k - 1].word)


def scan_right(toks: list[Tok], i: int, lex: Lex, limit: int = 10) -> int:
    """Index one past the noun phrase starting at token i (i when there is none)."""
    k, n = i, len(toks)
    while k < n and k - i < limit:
        t = toks[k]
        if not t.word:
            if t.text == "." and k > i and toks[k - 1].low in lex.titles:
                k += 1
                continue
            if t.text in "-&" and k > i:
                k += 1
                continue
            break
        low = t.low
        if low in {"of", "for", "at", "in", "from", "with", "to"} and k > i:
            prev = toks[k - 1].low
            if prev in lex.heads or prev in lex.roles or prev in {"head", "director", "chief"}:
                k += 1
                continue
            break
        if low == "and" and k > i and k + 1 < n and toks[k + 1].word and toks[k + 1].low not in lex.stop:
            k += 1
            continue
        if k > i and (low in lex.stop or low in lex.verbs or low in {"on", "by", "as", "after", "during"}):
            break
        if k == i and ((low in lex.stop and low not in lex.dets) or low in _PREPS):
            break
        if k > i and not t.cap and toks[k - 1].cap and low not in lex.heads and low not in lex.roles \
                and not any(x.low in lex.heads for x in toks[k + 1:k + 3] if x.word and not x.cap):
            break  # "Reuters reported" style tails; but "Gaza health officials" goes on
        k += 1
    return k


def is_speakerish(toks: list[Tok], lex: Lex, sent_start: int, strict: bool = False) -> bool:
    """Whether tokens can name a speaker: a pronoun, a speaker noun, or a name. `strict` (for
    verbs that are cues only in some senses) wants a lone sentence-initial word to be a name
    seen elsewhere in the document."""
    if not toks:
        return False
    if len(toks) == 1 and (toks[0].low in lex.person | lex.plural | lex.thing | lex.quantifiers):
        return True  # "he", "they", "some believe", "everyone agreed"
    for t in toks:
        if t.low in lex.heads or any(f in lex.heads for f in _singulars(t.low)):
            return True
        if t is toks[-1] and t.text.islower() and re.search(r"(?:ists|ians)$", t.low):
            return True  # "environmentalists worry", "historians agree"
        if not strict and t is toks[-1] and t.low in lex.media_nouns:
            return True  # "the ad says", but "the video shows" is no statement
        if not strict and t is toks[-1] and len(toks) > 1 and t.text.islower() and _AGENT.search(t.low):
            return True  # "one questioner", "a local historian": people named by what they do
        if t.word and t.cap and t.low not in lex.dets and t.low not in lex.stop:
            if not strict or t.start != sent_start or t.proper or t is not toks[-1] or t.text.isupper():
                return True
    return False


def _singulars(low: str) -> tuple[str, ...]:
    """Singular forms a plural may have: "agencies" → agency, "analyses" → analysis."""
    if not low.endswith("s"):
        return ()
    out = [low[:-1]]
    if low.endswith("ies"):
        out.append(low[:-3] + "y")
    if low.endswith("es"):
        out += [low[:-2], low[:-2] + "is"]
    return tuple(out)


def is_anonymous(phrase: str, lex: Lex, sentence: str) -> bool:
    low = phrase.lower()
    if any(p in sentence.lower() for p in lex.anon_phrases):
        return True
    words = re.findall(r"[\w’'.\-]+", phrase)
    if not words:
        return False
    if len(words) == 1 and low in lex.quantifiers:
        return True  # "some believe", "many said"
    # the head: the last word before a preposition ("a source in the Interior Ministry")
    head_words = re.split(r"\s(?:in|at|from|with|of|for|close to|familiar with|within)\s", low)[0].split()
    head = head_words[-1] if head_words else ""
    first = words[0].lower()
    if head in lex.roles or head.rstrip("s") in lex.roles:
        return first in {"a", "an", "one", "two", "three", "several", "some"}
    return head in lex.anon_heads



# heads of plural speaker phrases, filled from the lexicon ("residents", "officials")
PLURAL_HEADS: set[str] = set()
