"""The report contract: pydantic models that are the schema of report.json.

Field names and meanings follow DESIGN.md and do not change; new optional fields may be
added. `consistency schema` prints the JSON Schema of `Report`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

KINDS = (
    "casualty_count",
    "count",
    "perpetrator",
    "responsibility",
    "justification",
    "target",
    "identity",
    "denial",
    "location",
)
Severity = Literal["low", "medium", "high"]
Span = tuple[int, int]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Tool(_Model):
    name: str = "consistency"
    version: str


class CreatedFrom(_Model):
    corpus: str
    config_digest: str


class Document(_Model):
    """One input document. `text` is the exact text every span indexes."""

    id: str
    source: str | None = None
    source_type: str | None = None
    date: str | None = None  # ISO date, YYYY-MM-DD
    language: str  # "ar", "en", ...
    title: str | None = None
    url: str | None = None
    text: str
    path: str | None = None  # file it was read from, relative to the corpus root
    line: int | None = None  # 1-based line in `path` where the record or text starts
    text_line: int | None = None  # 1-based line in `path` where `text` starts (for annotations)


class Actor(_Model):
    id: str
    name: str
    group: str  # "US government", "Iraqi government", "armed group", "media", ...
    aliases: list[str] = Field(default_factory=list)


class Count(_Model):
    """A counted quantity: `[low, high]`, high None when open-ended ("at least 2")."""

    subject: str  # killed, injured, missing, detained, missiles, attacks, ...
    low: float
    high: float | None
    qualifier: str  # exact, at_least, more_than, at_most, less_than, about, vague, range
    text: str
    span: Span
    scope: Literal["event", "cumulative", "partial"] = "event"


class FacetValue(_Model):
    """A non-numeric facet: canonical `value`, as written in `text` at `span`."""

    value: str
    text: str
    span: Span
    subject: str | None = None  # e.g. identity: "name" / "role"; denial: what is denied
    about: str | None = None  # e.g. identity: the person the value describes


class Facets(_Model):
    counts: list[Count] = Field(default_factory=list)
    perpetrator: list[FacetValue] = Field(default_factory=list)
    responsibility: list[FacetValue] = Field(default_factory=list)
    justification: list[FacetValue] = Field(default_factory=list)
    target: list[FacetValue] = Field(default_factory=list)
    identity: list[FacetValue] = Field(default_factory=list)
    denial: list[FacetValue] = Field(default_factory=list)
    location: list[FacetValue] = Field(default_factory=list)
    time: list[FacetValue] = Field(default_factory=list)


class Claim(_Model):
    id: str
    document_id: str
    actor_id: str | None  # canonical actor; the publishing outlet for unattributed claims
    speaker: str | None  # as written in the text; None for the outlet's own voice
    speaker_span: Span | None = None
    via: str | None = None  # outlet or channel ("Reuters", "Telegram")
    cue: str | None = None  # said, confirmed, denied, قال ...
    text: str
    span: Span
    hedged: bool = False
    event_id: str | None = None
    aspect: str | None = None
    facets: Facets = Field(default_factory=Facets)


class Event(_Model):
    id: str
    label: str
    date: str | None = None
    claim_ids: list[str]
    document_ids: list[str] = Field(default_factory=list)
    related_event_ids: list[str] = Field(default_factory=list)


class Quote(_Model):
    """The exact text a side rests on."""

    claim_id: str
    document_id: str
    span: Span
    text: str


class Side(_Model):
    value: str
    low: float | None = None
    high: float | None = None
    claim_ids: list[str]
    document_ids: list[str]
    actor_ids: list[str]
    quotes: list[Quote] = Field(default_factory=list)


class Discrepancy(_Model):
    id: str
    kind: str  # one of KINDS (new kinds may be added)
    subject: str
    severity: Severity
    event_id: str
    summary: str  # why, in one sentence
    sides: list[Side]
    fingerprint: str = ""


class Revision(_Model):
    claim_ids: list[str]
    subject: str
    values: list[str]
    document_ids: list[str] = Field(default_factory=list)
    actor_id: str | None = None
    event_id: str | None = None


class Skipped(_Model):
    path: str
    reason: str


class Report(_Model):
    schema_version: str = SCHEMA_VERSION
    tool: Tool
    created_from: CreatedFrom
    documents: list[Document]
    actors: list[Actor]
    claims: list[Claim]
    events: list[Event]
    discrepancies: list[Discrepancy]
    revisions: list[Revision]
    skipped: list[Skipped] = Field(default_factory=list)

    def to_json(self) -> str:
        """Deterministic JSON text (the bytes of report.json)."""
        return self.model_dump_json(indent=2) + "\n"
