"""Worker tasks of the Dask engine: one partition of documents from extraction to its claims'
final annotations. Each task calls the local engine's own stage functions, so the two
engines share every rule; this module only cuts and joins the data.

Actors are the one stage that is not local to a partition: `ActorResolver` gives the first
spelling of a name its id and later spellings of the same person that id, so ids depend on
what was resolved before. Workers therefore resolve with their own resolver (for the values
extraction may look at) but give each claim a placeholder id naming the resolve call; the
client replays every call, in corpus order, through one resolver (exactly the local run's
sequence of calls) and the placeholders are replaced by its answers.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from consistency.extract.doctext import DocText
from consistency.models import Claim, Document

_MARK = "\x00call:"  # cannot occur in an actor id (ids are ASCII slugs)
_EMBEDDERS: dict[tuple, object] = {}  # one embedder per worker process and spec


@dataclass
class Part:
    """A partition held in a worker's memory between stages."""

    documents: list[Document]
    claims: list[Claim]
    doc_vectors: np.ndarray
    claim_vectors: np.ndarray
    calls: list[tuple] = field(default_factory=list)  # resolve() arguments, in call order
    texts: dict[str, DocText] | None = None  # dropped once other_incident is known
    other: set[str] = field(default_factory=set)


class RecordingResolver:
    """Resolves as `ActorResolver` does, records the call, and answers with a placeholder id."""

    def __init__(self, resolver):
        self.resolver = resolver
        self.calls: list[tuple] = []

    def resolve(self, name, language, context="", anonymous=None):
        actor = self.resolver.resolve(name, language, context=context, anonymous=anonymous)
        self.calls.append((name, language, context, anonymous))
        return actor.model_copy(update={"id": f"{_MARK}{len(self.calls) - 1}"})

    def __getattr__(self, name):
        return getattr(self.resolver, name)


def _embedder(spec: str, cache_dir: str | None, use_cache: bool):
    key = (spec, cache_dir, use_cache)
    if key not in _EMBEDDERS:
        from consistency.embed import get_embedder

        _EMBEDDERS[key] = get_embedder(spec, cache_dir=cache_dir, use_cache=use_cache)
    return _EMBEDDERS[key]


def extract_partition(gazetteers: list[str], spec: str, cache_dir: str | None, use_cache: bool,
                      *picks: list[Document]) -> Part:
    """Documents (picked from the file reads, in id order) to claims and vectors."""
    from consistency.extract.actors import ActorResolver
    from consistency.extract.claims import extract_claims

    documents = sorted((d for p in picks for d in p), key=lambda d: d.id)
    resolver = RecordingResolver(ActorResolver(gazetteers))
    texts: dict[str, DocText] = {}
    claims: list[Claim] = []
    for document in documents:
        texts[document.id] = DocText(document.text, document.language)
        claims.extend(extract_claims(document, resolver, texts[document.id]))
    leads = [f"{d.title or ''}\n{d.text[:400]}" for d in documents]
    vectors = _embedder(spec, cache_dir, use_cache).encode(leads + [c.text for c in claims])
    return Part(documents, claims, vectors[: len(leads)], vectors[len(leads):], resolver.calls, texts)


def calls_of(part: Part) -> tuple[list[tuple], int]:
    """The partition's resolve calls, in order, and its number of documents."""
    return part.calls, len(part.documents)


def apply_actors(part: Part, actor_ids: list[str]) -> Part:
    """Placeholders to the replayed ids."""
    for claim in part.claims:
        if claim.actor_id is not None and claim.actor_id.startswith(_MARK):
            claim.actor_id = actor_ids[int(claim.actor_id[len(_MARK):])]
    part.calls = []
    return part


def recalled_of(part: Part, offset: int, window_days: int) -> dict[int, list[int]]:
    """The earlier days each document's lead recalls (per document), keyed by corpus index."""
    from consistency.group.timing import recalled_days

    found = recalled_days(part.documents, part.texts, window_days)
    return {offset + i: days for i, days in found.items()}


def mark_other(part: Part, incidents: dict, window_days: int) -> Part:
    """Claims about other incidents: needs each document's incident day (from the clusters)
    and the actor ids before `consolidate`, as in the local engine. Texts are dropped after."""
    from consistency.group.timing import other_incident_claims

    docs = {d.id: d for d in part.documents}
    part.other = other_incident_claims(part.claims, docs, part.texts, window_days, incidents)
    part.texts = None
    return part


def counts_of(part: Part) -> Counter:
    """How many claims each actor has, for `consolidate`."""
    return Counter(c.actor_id for c in part.claims)


def remap_actors(part: Part, remap: dict[str, str]) -> Part:
    """Actors merged by `consolidate` (one person named several ways)."""
    for claim in part.claims:
        if claim.actor_id in remap:
            claim.actor_id = remap[claim.actor_id]
    return part


def doc_rows(part: Part, rows: list[int]) -> np.ndarray:
    return part.doc_vectors[rows]


@dataclass
class Selection:
    """The documents of some events and everything grouping and comparing them needs."""

    documents: list[Document]
    claims: list[Claim]
    doc_vectors: np.ndarray
    claim_vectors: np.ndarray
    other: set[str]


def select(part: Part, rows: list[int]) -> Selection:
    """Worker task: documents `rows` of the partition (ascending), with their claims."""
    ids = {part.documents[r].id for r in rows}
    claim_rows = [i for i, c in enumerate(part.claims) if c.document_id in ids]
    claims = [part.claims[i] for i in claim_rows]
    return Selection([part.documents[r] for r in rows], claims, part.doc_vectors[rows],
                     part.claim_vectors[claim_rows], {c.id for c in claims if c.id in part.other})


def finalize(part: Part, *annotations: dict[str, tuple[str, str]]) -> tuple[list[Document], list[Claim]]:
    """Worker task: each claim's event and aspect; the partition as the report lists it."""
    found: dict[str, tuple[str, str]] = {}
    for batch in annotations:
        found.update(batch)
    for claim in part.claims:
        if claim.id in found:
            claim.event_id, claim.aspect = found[claim.id]
    return part.documents, part.claims
