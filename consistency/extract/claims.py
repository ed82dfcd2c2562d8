"""The claims of one document: who says what (attribution) and its facets.

Every sentence is a claim: attributed to its speaker when an attribution covers it, and
otherwise the publishing outlet's own claim. Facets are read from the reported content only,
so "..., Iraqi police told Reuters" adds nothing to the facets of what the police said.
A claim that repeats earlier in the same document (same normalised content) is merged.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from consistency.extract import counts, frames, identity, intent, targets
from consistency.extract.doctext import DocText
from consistency.models import Claim, Document, FacetValue, Facets
from consistency.text.segment import sentences

_PUNCT = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class _Unit:
    span: tuple[int, int]  # the claim's text: sentence(s) including the speaker
    content: tuple[int, int]  # what is claimed
    sentence: tuple[int, int]
    attribution: object | None


def _units(document: Document, sents: list[tuple[int, int]]) -> list[_Unit]:
    from consistency.extract.attribution import find_attributions

    atts = find_attributions(document.text, sents, document.language)
    starts = [s[0] for s in sents]

    def at(pos: int) -> int:
        """Index of the sentence holding position `pos` (bisect: linear in the text overall)."""
        return max(0, bisect_right(starts, pos) - 1)

    covered: set[int] = set()
    units = []
    for att in atts:
        if not sents:
            break
        first = min(at(att.content[0]), at(att.sentence[0]))
        last = max(first, at(max(att.content[0], att.content[1] - 1)))
        speaker_sent = at(att.speaker_span[0]) if att.speaker_span else first
        lo = min(first, speaker_sent if att.mention_span is None else first)
        span = (sents[lo][0], sents[last][1])
        covered.update(range(first, last + 1))
        units.append(_Unit(span, att.content, sents[first], att))
    for i, s in enumerate(sents):
        if i not in covered:
            units.append(_Unit(s, s, s, None))
    units.sort(key=lambda u: (u.span[0], u.content[0], u.span[1]))
    return units


def _outlet(resolver, document: Document):
    """The publishing outlet as an actor; a source name with no words ("***") falls back to
    the document id."""
    from consistency.errors import ConsistencyError

    try:
        return resolver.resolve(document.source or document.id, document.language, context="outlet")
    except ConsistencyError:
        return resolver.resolve(document.id, document.language, context="outlet")


# A statement published under its author's name: "Statement by President X on ...", "Address by
# the Prime Minister to the nation", "كلمة الرئيس فلان حول ...". Its unattributed sentences are
# the author's words, not the publishing office's.
_AUTHORED = re.compile(
    r"^(?:Statement|Address|Remarks|Speech|Message)\s+(?:by|from)\s+(?P<en>[^,:;(]+?)(?:\s+(?:on|at|to|about|regarding|following)\s|\s*[,:;(]|\s*$)"
    r"|^(?:كلمة|خطاب|رسالة)\s+(?P<ar>(?:ال)?(?:رئيس|رئيسة|الرئيس|وزير|وزيرة|الأمين|ملك|الملك|أمير|الأمير)[^،:؛(]*?)(?:\s+(?:حول|بشأن|عن|إلى|الى|في)\s|\s*[،:؛(]|\s*$)"
)


def _author(resolver, document: Document):
    """The author named by the title of a statement published in their name, else None."""
    m = _AUTHORED.match((document.title or "").strip())
    if m is None:
        return None
    who = (m["en"] or m["ar"]).strip()
    if len(who.split()) < 2 and not who[:1].isupper():
        return None
    return resolver.resolve(who, document.language, context=document.title)


def extract_claims(document: Document, resolver, doc_text: DocText | None = None) -> list[Claim]:
    """Claims of `document`, ids `<document id>#<n>` in text order."""
    doc = doc_text or DocText(document.text, document.language)
    sents = sentences(document.text, document.language)
    outlet = _author(resolver, document) or _outlet(resolver, document)
    kunya = identity.document_kunya(doc)
    seen: set[str] = set()
    claims = []
    for unit in _units(document, sents):
        key = _PUNCT.sub(" ", doc.norm[slice(*doc.norm_span(*unit.content))]).strip()
        if not key or key in seen:
            continue
        seen.add(key)
        att = unit.attribution
        if att is not None and att.speaker:
            # The appositive role ("the Pentagon press secretary") ties a spokesperson to their
            # body; the sentence holding the speaker gives the rest ("وزارة الصحة" in Gaza).
            where = att.speaker_span or unit.sentence
            around = next((s for s in sents if s[0] <= where[0] < s[1]), unit.sentence)
            context = " ".join(x for x in (att.role, document.text[around[0]:around[1]]) if x)
            actor = resolver.resolve(att.speaker, document.language, context=context)
            speaker, speaker_span = _with_role(document.text, att), att.speaker_span
        else:
            actor, speaker, speaker_span = outlet, None, None
        via = (att.via if att is not None and att.via else None) or document.source
        claims.append(
            Claim(
                id=f"{document.id}#{len(claims) + 1}",
                document_id=document.id,
                actor_id=actor.id,
                speaker=speaker,
                speaker_span=speaker_span,
                via=via,
                cue=att.cue if att is not None else None,
                text=document.text[unit.span[0] : unit.span[1]],
                span=unit.span,
                hedged=frames.hedged(doc, unit.content) or (att is not None and not att.speaker),
                facets=extract_facets(doc, unit.content, unit.sentence, kunya, att.cue if att is not None else None,
                                      speaker_span, att.cue_span if att is not None else None),
            )
        )
    return claims


# Cue lemmas by which a speaker denies what follows ("X denied that ...", "نفت الحركة ...").
DENYING_CUES = frozenset({"deny", "reject", "نفى", "رفض"})


def extract_facets(doc: DocText, content: tuple[int, int], sentence: tuple[int, int], kunya: str | None = None,
                   cue: str | None = None, speaker: tuple[int, int] | None = None,
                   cue_span: tuple[int, int] | None = None) -> Facets:
    denying = cue in DENYING_CUES
    perps = [] if denying else frames.perpetrators(doc, content, speaker)
    frame = frames.justification(doc, content)
    if denying:  # "the army denied that soldiers fired deliberately": the act was not meant
        frame = intent.denied(doc, frame)
    denied = targets.denials(doc, content, cue_span if denying else None)
    places = targets.locations(doc, content)
    if denying:
        # "denied striking inside the humanitarian zone": the place is what is denied.
        places = [p.model_copy(update={"value": "outside_zone"}) if p.value == "inside_zone" else p for p in places]
        # "denied that gunmen fired from the hospital": nothing is placed inside
        places = [p for p in places if p.value != "inside_site"]
        # "denied that the plane had deviated from its course": it kept its course
        places = [p.model_copy(update={"value": "course:normal"}) if p.value == "course:off" else p for p in places]
    if denying and not denied and not places and cue_span is not None:
        # What the speaker denies is the content: by default, their part in the act.
        topics = targets.denial_topics(doc, content)
        denied = topics or [FacetValue(value="involvement", text=doc.text[cue_span[0]:cue_span[1]], span=cue_span,
                                       subject="involvement")]
    return Facets(
        counts=counts.extract_counts(doc, content, sentence),
        perpetrator=perps,
        responsibility=frames.responsibility(doc, content, perps, frame, cue, speaker),
        justification=frame,
        target=targets.targets(doc, content, denied),
        identity=identity.identities(doc, content, kunya) + identity.weapons(doc, content),
        denial=denied,
        location=places,
    )


def _with_role(text: str, att) -> str:
    """The speaker as written with their appositive role, in the text's order: "The White
    House press secretary, Josh Earnest" / "Yehia Rasool, the defence ministry spokesman".
    The actor is still resolved from the name (the role is its context)."""
    if not att.role or att.speaker_span is None:
        return att.speaker
    at = text.rfind(att.role, att.sentence[0], att.speaker_span[0])
    if at >= 0 and not text[at + len(att.role) : att.speaker_span[0]].strip(" ,"):
        return f"{att.role}, {att.speaker}"
    return f"{att.speaker}, {att.role}"

