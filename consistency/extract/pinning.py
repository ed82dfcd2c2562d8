"""Who a frame pins the act on: the party named as staging a provocation or committing a crime.

A frame noun of the `frame_pinning` table takes a party from the agent lexicon when the words
between them are the table's markers and fillers only:

    "a 'bloody provocation' staged by the Kiev regime"     provocation -> Ukraine
    "another horrific atrocity committed by Russia"        condemned   -> Russia
    "a bloody Ukrainian provocation", "Russia's crime"     the party before the noun
    "استفزاز دبّره الجانب الأوكراني"، "جرائم نظام كييف"    provocation / condemned -> Ukraine
    "ارتكبت روسيا جريمة حرب"                              a committing verb, the party, the noun

Not pinned: "a provocation aimed at blaming Russia", "a crime against civilians" (no
marker), "the massacre of Ukrainian prisoners" (the victims), "استفزاز لروسيا" (a party
provoked, not provoking), the speaker's own name.
"""

from __future__ import annotations

import re

from consistency.extract.doctext import DocText
from consistency.extract.lexicon import Hit, facet_table, matcher
from consistency.models import FacetValue
from consistency.text.normalize import normalize_term

_REACH = 6  # words at most between a frame noun and the party it names
_QUOTES = re.compile(r"[\"'«»“”‘’`]")


def pinned(doc: DocText, span: tuple[int, int], frames: list[FacetValue],
           speaker: tuple[int, int] | None = None) -> list[tuple[FacetValue, FacetValue]]:
    """(frame, party) pairs: each frame of `frames` whose noun names the party that staged or
    committed the act; the party as a FacetValue whose value is the agent's canonical name."""
    # frames reads frames through this module: its helpers are imported when called
    from consistency.extract.frames import _clause_break, _lang, _token_gap, _value, _within, agents

    lang = _lang(doc.language)
    table = facet_table(lang).get("frame_pinning", {})
    a, b = doc.norm_span(*span)
    nouns = [Hit(h.label, h.start + a, h.end + a, h.phrase)
             for h in matcher(lang, "frame_pinning", "nouns").finditer(doc.norm[a:b])]
    named = [h for h in agents(doc, span) if not _within(doc, h, speaker)]
    committing = [Hit(h.label, h.start + a, h.end + a, h.phrase)
                  for h in matcher(lang, "frame_pinning", "committed").finditer(doc.norm[a:b])]
    out = []
    for frame in frames:
        fs, fe = doc.norm_span(*frame.span)
        noun = next((n for n in nouns if n.start <= fs < n.end or fs <= n.start < fe), None)
        if noun is None:
            continue
        start, end = min(fs, noun.start), max(fe, noun.end)
        for h in named:
            if h.start >= end and _token_gap(doc, end, h.start) <= _REACH:
                ok = (_links(doc.norm[end : h.start], table, lang, after=True)
                      and not (frame.value == "provocation" and _provoked(doc, h)) and not _victims(doc, h, end))
            elif h.end <= start and _token_gap(doc, h.end, start) <= _REACH:
                between = doc.norm[h.end : start]
                # Arabic puts a party before the noun only as the subject of a committing verb,
                # before it ("ارتكبت روسيا جريمة") or after it ("روسيا ارتكبت جريمة")
                ok = _links(between, table, lang, after=False) and (
                    lang != "ar" or bool(between.split())
                    or any(c.end <= h.start and _token_gap(doc, c.end, h.start) == 0 for c in committing))
            else:
                continue
            if ok and not _clause_break(doc, min(end, h.end), max(start, h.start)):
                out.append((frame, _value(doc, h, h.label)))
                break
    return out


def _links(between: str, table: dict, lang: str, after: bool) -> bool:
    """The words between a frame noun and a party are only markers and fillers (after the noun,
    English needs a marker: "by", "of"), or allowed words before the noun."""
    words = " " + " ".join(_QUOTES.sub(" ", between).replace("-", " ").split()) + " "
    if not after:
        allowed = {normalize_term(w) for w in table.get("before", [])}
        return all(w in allowed for w in re.findall(r"\w+", words))
    marked = False
    for m in sorted((normalize_term(p) for p in table.get("markers", [])), key=len, reverse=True):
        if f" {m} " in words:
            words = words.replace(f" {m} ", " ")
            marked = True
    fillers = {normalize_term(w) for w in table.get("fillers", [])}
    rest = re.findall(r"\w+", words)
    return all(w in fillers for w in rest) and (marked or lang == "ar")


def _victims(doc: DocText, hit: Hit, end: int) -> bool:
    """"the massacre of Ukrainian prisoners": after a bare genitive, a party's name that qualifies
    people names the victims, not the doers."""
    if doc.language == "ar" or set(re.findall(r"\w+", doc.norm[end : hit.start])) - {"of", "the"}:
        return False
    nxt = re.match(r"\s*(\w+)", doc.norm[hit.end :])
    from consistency.extract.frames import _table

    return bool(nxt) and nxt.group(1) in set(_table(doc, "count_people").get("words", []))


def _provoked(doc: DocText, hit: Hit) -> bool:
    """"استفزاز لروسيا": a party after the preposition ل is the one provoked or wronged."""
    text = doc.norm[hit.start : hit.end]
    return doc.language == "ar" and text.startswith("ل") and not hit.phrase.startswith("ل")
