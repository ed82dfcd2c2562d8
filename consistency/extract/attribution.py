"""Who said it, through whom: attributions in English and Arabic news text.

    >>> text = 'Two people were killed, a U.S. official told Reuters.'
    >>> [a] = find_attributions(text, [(0, len(text))], "en")
    >>> a.speaker, a.cue, a.via, a.anonymous
    ('a U.S. official', 'tell', 'Reuters', True)

The rules for each language live in `attribution_<lang>.py`; the words they use (cue verbs,
channels, anonymity markers) in `consistency/data/cues_<lang>.toml`. A sentence without a
speaker gets no attribution: it is the publishing outlet's own voice.

Decisions (see also docs/gazetteer.md for actors):
- `via` is an outlet or platform ("Reuters", "Telegram", "شفق نيوز"), never a form such as
  "a statement" or "a news conference".
- "according to AP" / "وفقًا لوكالة أسوشييتد برس": the outlet is the source of the claim, so it
  is both `speaker` and `via`.
- Nesting ("Reuters quoted police sources as saying") is flattened: speaker = the inner
  source, via = the outer reporter; `nested` stays empty.
- "he said" / "وأضاف": speaker and speaker_span are the antecedent's; `mention_span` is where
  the pronoun (or nothing, for a bare Arabic verb: the verb) stands in this sentence.
- "it was reported that ...": an attribution with speaker None and anonymous True (hedged,
  not the outlet's own assertion). A pronoun with no antecedent ("He said ..." opening a
  text) keeps speaker None, anonymous False, and `mention_span` on the pronoun.
- `role` holds an appositive ("Maj. Gen. X, the defence ministry spokesman, said" → speaker
  "Maj. Gen. X", role "the defence ministry spokesman"); pass it to `ActorResolver.resolve`
  as context, so the spokesperson resolves to the body they speak for.
- `sentence` is the first sentence the attribution covers (a quote may open earlier than the
  sentence that names its speaker); `content` may run over several sentences.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from consistency.errors import InputError

Span = tuple[int, int]


@dataclass(frozen=True)
class Attribution:
    sentence: Span
    content: Span
    speaker: str | None
    speaker_span: Span | None
    cue: str | None
    cue_span: Span | None
    via: str | None
    via_span: Span | None
    anonymous: bool
    nested: tuple["Attribution", ...] = ()
    mention_span: Span | None = None  # the speaker's words in this sentence (pronoun included)
    role: str | None = None  # appositive role text: "the defence ministry spokesman"


@lru_cache(maxsize=None)
def load_cues(language: str) -> dict:
    """The cue lexicon of a language, or {} when the language has none."""
    path = resources.files("consistency.data") / f"cues_{language}.toml"
    if not path.is_file():
        return {}
    return tomllib.loads(path.read_text(encoding="utf-8"))


# Opening and closing marks that delimit quoted speech; straight quotes alternate.
_PAIRS = {"“": "”", "«": "»", "„": "“", "‘": "’"}


def quote_spans(text: str) -> list[Span]:
    """Spans of quoted passages, opening mark to closing mark inclusive, across sentences.

    An opening mark never closed runs to the end of its paragraph (news style leaves the last
    paragraph of a multi-paragraph quote open).
    """
    spans: list[Span] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if text.startswith("''", i):  # ''...'' (two apostrophes, as some papers print quotes)
            j = text.find("''", i + 2)
            para = text.find("\n\n", i + 2)
            if j > 0 and (para < 0 or j < para):
                spans.append((i, j + 2))
                i = j + 2
            else:
                i += 2
            continue
        close = _PAIRS.get(ch) or ('"' if ch == '"' else None)
        if ch == "‘" and i > 0 and text[i - 1].isalnum():
            close = None  # an apostrophe, not a quote
        if close is None:
            i += 1
            continue
        j = text.find(close, i + 1)
        para = text.find("\n\n", i + 1)
        if j < 0 or (para >= 0 and para < j and ch != '"'):
            end = para if para >= 0 else n
            if end - i > 3:
                spans.append((i, end))
            i = end
            continue
        if j - i > 2:
            spans.append((i, j + 1))
        i = j + 1
    return spans


def sentence_index(sentences: list[Span], pos: int) -> int:
    for k, (s, e) in enumerate(sentences):
        if s <= pos < e:
            return k
    return max(0, len(sentences) - 1)


def trim(text: str, start: int, end: int, strip: str = " \t\n,;:.—–-،؛") -> Span:
    """The span without surrounding whitespace and punctuation (quotes kept)."""
    while start < end and text[start] in strip:
        start += 1
    while end > start and text[end - 1] in strip:
        end -= 1
    return start, end


def _check(text: str, sentences: list[Span]) -> None:
    if not isinstance(text, str):
        raise InputError("<text>", f"text must be a str, not {type(text).__name__}")
    last = 0
    for pair in sentences:
        if len(pair) != 2:
            raise InputError("<sentences>", f"not a (start, end) pair: {pair!r}")
        s, e = pair
        if not (0 <= s <= e <= len(text)) or s < last:
            raise InputError("<sentences>", f"span {pair!r} is out of order or outside the text")
        last = s


def find_attributions(text: str, sentences: list[Span], language: str) -> list[Attribution]:
    """Attributions of a document, in text order. Languages without a cue lexicon give []."""
    _check(text, sentences)
    lang = (language or "").lower()[:2]
    if lang == "en":
        from consistency.extract.attribution_en import find_en

        found = find_en(text, sentences, load_cues("en"))
    elif lang == "ar":
        from consistency.extract.attribution_ar import find_ar

        found = find_ar(text, sentences, load_cues("ar"))
    else:
        return []
    return sorted(found, key=lambda a: (a.cue_span or a.content, a.content))
