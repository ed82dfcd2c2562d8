"""Coreference for attribution: "he said", "the ministry added", "وأضاف" take an earlier
speaker of the same document.

Deliberately simple: a pronoun takes the last compatible speaker (or, for he/she, a named
person mentioned after it); a definite description ("the spokesman") takes the last speaker
whose text holds its head word.
"""

from __future__ import annotations

import re

Span = tuple[int, int]


class Coreference:
    """The speakers seen so far in a document."""

    def __init__(self) -> None:
        self.speakers: list[tuple[str, Span, bool, str]] = []  # text, span, anonymous, kind

    def add(self, text: str, span: Span, anonymous: bool, kind: str) -> None:
        self.speakers.append((text, span, anonymous, kind))

    def last(self, kinds: tuple[str, ...] = ()) -> tuple[str, Span, bool] | None:
        for text, span, anon, kind in reversed(self.speakers):
            if not kinds or kind in kinds:
                return text, span, anon
        return None

    def with_surname(self, name: str) -> tuple[str, Span, bool] | None:
        """The last speaker of two or more words whose last word is `name`: "Konashenkov" after
        "Major General Igor Konashenkov", "رسول" after "اللواء يحيى رسول"."""
        for text, span, anon, _ in reversed(self.speakers):
            words = text.split()
            if len(words) >= 2 and not anon and words[-1] == name:
                return text, span, anon
        return None

    def with_head(self, heads: list[str]) -> tuple[str, Span, bool] | None:
        for text, span, anon, _ in reversed(self.speakers):
            low = text.lower()
            if any(re.search(rf"(?<!\w){re.escape(h)}", low) for h in heads):
                return text, span, anon
        return None


_ORG = {"ministry", "army", "military", "government", "office", "group", "movement", "agency",
        "forces", "council", "committee", "department", "authority", "militia", "faction",
        "campaign", "commission", "court", "coalition", "embassy", "police", "hospital", "party",
        "company", "administration", "presidency", "statement", "report", "poll", "survey", "study"}




_PERSON_ROLES = {"spokesman", "spokeswoman", "spokesperson", "minister", "official", "source", "secretary",
                 "chairman", "chairwoman", "chair", "head", "chief", "director", "president", "commander",
                 "general", "ambassador", "envoy", "leader", "governor", "mayor", "adviser", "advisor"}


def _org_name(words: list[str], low: list[str]) -> bool:
    """A body's name ending in a proper name: "The International Committee of the Red Cross",
    "the Ministry of Foreign Affairs" (a capitalised body word before "of"/"for"), with no
    person's role in it ("Ministry of Health spokesman Ashraf al-Qudra" is a person)."""
    if any(w in _PERSON_ROLES for w in low):
        return False
    return any(low[k] in _ORG and words[k][:1].isupper() and low[k + 1] in {"of", "for"}
               for k in range(len(words) - 1))


def kind_of(words: list[str], plural_heads: set[str]) -> str:
    """"person", "org" or "plural": which pronouns may refer to this speaker."""
    low = [w.lower() for w in words]
    if low and low[-1] in plural_heads:
        return "plural"
    if len(words) >= 2 and words[-1][:1].isupper() and words[-2][:1].isupper() and low[-1] not in _ORG \
            and not _org_name(words, low):
        return "person"  # ends in a name: "Hospital director Samir Aziz"
    if any(w in _ORG for w in low) and not any(w in {"spokesman", "spokeswoman", "spokesperson",
                                                     "minister", "official", "source"} for w in low):
        return "org"
    head = low[-1] if low else ""
    if "and" in low or (head.endswith("s") and not head.endswith("ss") and not words[-1][0].isupper()):
        return "plural"
    return "person"


_CAPS = re.compile(r"[A-Z][\w'’\-]*(?:\s+(?:(?:al|el|bin|ibn|abu|de|van)[-\s])?[A-Z][\w'’\-]*)+")


def person_names(text: str, sent: Span, lex) -> list[tuple[str, Span, bool]]:
    """Named people of a sentence: the capitalised words after the last title or role word
    ("Foreign Minister Lina Haddad" → "Lina Haddad"), two or three of them."""
    found = []
    for m in _CAPS.finditer(text, sent[0], sent[1]):
        words = [(w.group(), w.start()) for w in re.finditer(r"\S+", m.group())]
        cut = 0
        for k, (w, _) in enumerate(words):
            low = re.sub(r"[’']s$", "", w.lower().rstrip("."))
            if low in lex.heads or low in lex.roles or low in lex.titles or low in lex.dets or low in lex.stop:
                cut = k + 1
        name = words[cut:]
        if 2 <= len(name) <= 3 and not any(re.sub(r"[’']s$", "", w.lower()) in lex.heads for w, _ in name):
            start = m.start() + name[0][1]
            found.append((text[start:m.end()], (start, m.end()), False))
    return found
