"""Allegations that say what a denial denies, by shared wording (compare/denial.py).

    denied:  "Hezbollah denied that the group stored any weapons at the port"
    alleged: "critics suggested that the Iran-backed group may have kept weapons at the port"

The alleging claim names the denying party and shares with the denied clause at least two
words that are rare in the event ("group", "weapons"; not "port", which every account of a
port blast uses). Same-language only: the words are compared as written, Arabic words with
their article and proclitics removed.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from consistency.compare.sides import EventContext
from consistency.extract.lexicon import facet_table
from consistency.models import Claim, FacetValue
from consistency.text.normalize import normalize

_AR_PREFIX = re.compile(r"^(?:وال|بال|فال|كال|لل|ال|و|ب|ل|ف)(?=[\u0621-\u064a]{3})")
_MIN_SHARED = 2
_NEXT_STATEMENT = re.compile(r"[,،]\s*(?:(?:قائل|مضيف|مؤكد|مشير|موضح)[\u064b-\u0652]*[اة]?[\u064b-\u0652]*(?=\s)"
                             r"|(?:saying|adding|stressing|noting)\b)")


@lru_cache(maxsize=None)
def _stop() -> frozenset[str]:
    out = set()
    for lang in ("en", "ar"):
        out |= {normalize(w).text for w in facet_table(lang).get("denial_rebuttal", {}).get("stopwords", [])}
    return frozenset(out)


@lru_cache(maxsize=65536)
def words(text: str) -> frozenset[str]:
    out = set()
    for w in re.findall(r"[a-z]{4,}|[\u0621-\u064a]{3,}", normalize(text).text.lower()):
        w = _AR_PREFIX.sub("", w)
        if len(w) > 4 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        if w not in _stop():
            out.add(w)
    return frozenset(out)


def document_frequency(ctx: EventContext) -> Counter:
    """In how many of the event's claims each word occurs (computed once per event)."""
    return Counter(w for c in ctx.claims for w in words(c.text))


def alleging(ctx: EventContext, denial: tuple[Claim, FacetValue], parties: set[str], df: Counter) -> list[Claim]:
    """Claims of the event (not denials) that allege what `denial` denies; `df` is
    `document_frequency(ctx)`."""
    from consistency.extract.frames import agents

    claim, value = denial
    rest = claim.text[value.span[1] - claim.span[0] :] if claim.span[0] <= value.span[1] else ""
    if rest and claim.speaker_span and value.span[1] <= claim.speaker_span[0]:
        # "نفى نائب رئيس شركة الخطوط ... أن": the speaker's own name is not what is denied
        s, e = (x - value.span[1] for x in claim.speaker_span)
        rest = rest[:s] + " " + rest[e:]
    # "..., قائلًا في مؤتمر صحفي إن ...", "..., adding that ...": the speaker's next statement
    rest = _NEXT_STATEMENT.split(rest, 1)[0]
    denied = words(rest) if rest else frozenset()
    if len(denied) < _MIN_SHARED:
        return []
    rare = {w for w in denied if df[w] <= max(2, len(ctx.claims) // 10)}
    out = []
    for other in ctx.claims:
        if other.facets.denial or other.actor_id == claim.actor_id or other.document_id == claim.document_id:
            continue
        if len(rare & words(other.text)) < _MIN_SHARED:
            continue
        if parties & _named_outside_speaker(ctx, other, agents):
            out.append(other)
    return out


def _named_outside_speaker(ctx: EventContext, claim: Claim, agents) -> set[str]:
    """The parties a claim names, except as its own speaker: "the coalition command expressed
    its regret over the incident at the hall" speaks for the coalition, it alleges nothing
    against it; "critics of Hezbollah said" still names Hezbollah as the one alleged against."""
    from consistency.extract.frames import _hits

    doc = ctx.text(claim.document_id)
    hits = agents(doc, claim.span)
    if claim.speaker_span and not _hits(doc, "denial_rebuttal", claim.speaker_span, "opponents"):
        s, e = doc.norm_span(*claim.speaker_span)
        hits = [h for h in hits if h.end <= s or h.start >= e]
    return {h.label for h in hits}


def answered(ctx: EventContext, denial: tuple[Claim, FacetValue]) -> Claim | None:
    """"Hamas said the pier was used. The US military denied it.": a denial whose object is
    only a pointer ("it", "the claim", "ذلك") answers the claim right before it in the same
    document, when another speaker made that claim."""
    claim, value = denial
    text = ctx.documents[claim.document_id].text
    lo = max(value.span[1], claim.span[0])
    rest = text[lo : claim.span[1]]
    if claim.speaker_span and lo <= claim.speaker_span[0] < claim.span[1]:  # "ونفت القيادة ذلك"
        s, e = claim.speaker_span
        rest = text[lo:s] + " " + text[e : claim.span[1]]
    if words(rest) - _pointers():
        return None
    before = [c for c in ctx.claims if c.document_id == claim.document_id and c.span[1] <= claim.span[0]]
    if not before:
        return None
    prev = max(before, key=lambda c: c.span[1])
    if prev.facets.denial or prev.actor_id == claim.actor_id or prev.actor_id is None:
        return None
    return prev


@lru_cache(maxsize=None)
def _pointers() -> frozenset[str]:
    out = set()
    for lang in ("en", "ar"):
        for w in facet_table(lang).get("denial_rebuttal", {}).get("pointers", []):
            out |= words(w)
    return frozenset(out)
