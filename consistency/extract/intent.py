"""Intent frames: whether the act was meant, as a source says or denies it.

A word of intent ("deliberately", "in cold blood", "متعمد", "بدم بارد") condemns the act; the
same word negated or rejected is an excuse, the act was not meant ("unintended"):

    "a soldier deliberately shot the reporter"                      condemned
    "the shooting was not deliberate", "لم يكن متعمدًا"            unintended
    "any claim that troops intentionally harm civilians is a lie"   unintended
    "نفى الجيش أن يكون الجنود قد أطلقوا النار عمدًا"                  unintended

Other frames negated right before them frame nothing: "not terrorism", "not a crime", "no
active combat", "not stray bullets" (the speaker says what the act was not).
"""

from __future__ import annotations

from consistency.extract.doctext import DocText
from consistency.extract.lexicon import Hit, facet_table, matcher
from consistency.models import FacetValue
from consistency.text.normalize import normalize

UNINTENDED = "unintended"
_NEGATION_REACH = 1  # words between a negation and the frame it negates ("was not deliberate")
_CLAIM_REACH = 12  # words from "claim that" to the intent word it reports
_VERDICT_REACH = 12  # words from the intent word to "is a lie"
_REJECT_REACH = 10  # words from "denied" / "نفى" to the intent word


def relabel(doc: DocText, span: tuple[int, int], hits: list[Hit]) -> list[Hit]:
    """`hits` of the justification table with intent denied: a negated or rejected intent word
    becomes `unintended`; any other negated frame is dropped."""
    from consistency.extract.frames import _clause_break, _hits, _token_gap

    table = facet_table(doc.language if doc.language in ("ar", "en") else "en").get("intent", {})
    if not table:
        return hits
    intent = _hits(doc, "intent", span, "words")
    negs = _hits(doc, "intent", span, "negations")
    claims = _hits(doc, "intent", span, "claims")
    verdicts = _hits(doc, "intent", span, "verdicts")
    rejects = _hits(doc, "intent", span, "rejects")

    def negated(h: Hit) -> bool:
        return any(n.end <= h.start and _token_gap(doc, n.end, h.start) <= _NEGATION_REACH
                   and not _clause_break(doc, n.end, h.start) for n in negs)

    def rejected(h: Hit) -> bool:
        reported = any(c.end <= h.start and _token_gap(doc, c.end, h.start) <= _CLAIM_REACH for c in claims)
        judged = any(v.start >= h.end and _token_gap(doc, h.end, v.start) <= _VERDICT_REACH for v in verdicts)
        refused = any(r.end <= h.start and _token_gap(doc, r.end, h.start) <= _REJECT_REACH
                      and not any(ch in ".;؛" for ch in doc.norm[r.end:h.start]) for r in rejects)
        return (reported and judged) or refused

    def of_intent(h: Hit) -> bool:
        return any(i.start < h.end and h.start < i.end for i in intent)

    out = []
    for h in hits:
        if h.label == "condemned" and of_intent(h) and (negated(h) or rejected(h)):
            out.append(Hit(UNINTENDED, h.start, h.end, h.phrase))
        elif h.label in ("condemned", UNINTENDED, "justified") and negated(h):
            continue  # "not terrorism", "no active combat", "not stray bullets"
        else:
            out.append(h)
    return out


def denied(doc: DocText, frames: list[FacetValue]) -> list[FacetValue]:
    """Frames of a clause the speaker denies ("X denied that ..."): its words of intent are
    denied, the act was not meant."""
    lang = doc.language if doc.language in ("ar", "en") else "en"
    words = matcher(lang, "intent", "words")
    return [f.model_copy(update={"value": UNINTENDED})
            if f.value == "condemned" and words.finditer(normalize(f.text).text) else f for f in frames]
