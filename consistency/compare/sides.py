"""What every detector shares: the event context, building sides, ids and summaries."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field

from consistency.models import Actor, Claim, Discrepancy, Document, Event, Quote, Side


@dataclass
class EventContext:
    """What a detector may read about one event."""

    event: Event
    claims: list[Claim]  # the event's claims, in document/text order
    documents: dict[str, Document]
    actors: dict[str, Actor]
    superseded: set[str] = field(default_factory=set)  # claim ids whose figures were revised later
    texts: dict = field(default_factory=dict)  # document id -> DocText, prepared once per event

    def text(self, document_id: str):
        """The document's prepared text (normalising is the costly part: done once)."""
        if document_id not in self.texts:
            from consistency.extract.doctext import DocText

            doc = self.documents[document_id]
            self.texts[document_id] = DocText(doc.text, doc.language)
        return self.texts[document_id]

    def actor_name(self, claim: Claim) -> str:
        actor = self.actors.get(claim.actor_id or "")
        return actor.name if actor else (claim.speaker or claim.document_id)


@dataclass
class SideBuilder:
    """Accumulates the claims and quoted spans that support one value."""

    value: str
    low: float | None = None
    high: float | None = None
    quotes: "OrderedDict[tuple, Quote]" = field(default_factory=OrderedDict)
    claims: list[Claim] = field(default_factory=list)

    def add(self, claim: Claim, span: tuple[int, int], text: str) -> None:
        if claim not in self.claims:
            self.claims.append(claim)
        key = (claim.id, span)
        if key not in self.quotes:
            self.quotes[key] = Quote(claim_id=claim.id, document_id=claim.document_id, span=span, text=text)

    @property
    def actor_ids(self) -> list[str]:
        return sorted({c.actor_id for c in self.claims if c.actor_id})

    @property
    def document_ids(self) -> list[str]:
        return sorted({c.document_id for c in self.claims})

    def build(self) -> Side:
        return Side(
            value=self.value,
            low=self.low,
            high=self.high,
            claim_ids=sorted({c.id for c in self.claims}, key=_claim_order),
            document_ids=self.document_ids,
            actor_ids=self.actor_ids,
            quotes=list(self.quotes.values()),
        )


def _claim_order(claim_id: str):
    doc, _, n = claim_id.rpartition("#")
    return (doc, int(n) if n.isdigit() else 0)


def make(kind: str, subject: str, severity: str, ctx: EventContext, sides: list[SideBuilder], summary: str) -> Discrepancy:
    """A finding; its id derives from its fingerprint (kind, subject, sides, earliest date),
    so it stays the same when unrelated documents join the event."""
    from consistency.gate.fingerprint import fingerprint

    found = Discrepancy(id="", kind=kind, subject=subject, severity=severity, event_id=ctx.event.id,
                        summary=summary, sides=[s.build() for s in sides])
    # the dates of the finding's own documents only: `ctx.documents` may be the whole corpus
    dates = {d: ctx.documents[d].date for side in found.sides for d in side.document_ids if d in ctx.documents}
    fp = fingerprint(found, dates)
    return found.model_copy(update={"id": f"d-{fp[:12]}", "fingerprint": fp})


def who(ctx: EventContext, side: SideBuilder, limit: int = 3) -> str:
    """'Reuters, EFE and 2 others' for a side's speakers."""
    names = []
    for c in side.claims:
        name = ctx.actor_name(c)
        if name not in names:
            names.append(name)
    if len(names) > limit:
        return ", ".join(names[:limit]) + f" and {len(names) - limit} more"
    if len(names) > 1:
        return ", ".join(names[:-1]) + " and " + names[-1]
    return names[0] if names else "unknown source"


def distinct_actors(sides: list[SideBuilder]) -> int:
    return len({a for s in sides for a in s.actor_ids})


def sides_conflict(sides: list[SideBuilder]) -> bool:
    """At least two sides, and they do not all rest on one and the same speaker."""
    return len(sides) >= 2 and distinct_actors(sides) >= 2
