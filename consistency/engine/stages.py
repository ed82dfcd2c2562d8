"""Worker tasks of the Dask engine: one partition of documents from extraction to its claims'
final annotations. Each task calls the local engine's own stage functions, so the two
engines share every rule; this module only cuts and joins the data.

Actors are the one stage that is not local to a partition: `ActorResolver` gives the first
spelling of a name its id and later spellings of the same person that id, so ids depend on
what was resolved before. Workers therefore resolve with their own resolver (for the values
extraction may look at) but give each claim a placeholder id naming the resolve call; the
client replays every call, in corpus order, through one resolver (exactly the local run's
sequence of calls) and the placeholders are replaced by its answers.

The replay is cheap: of a resolve call only two steps depend on earlier calls, and the
worker records what they were given. `resolve` is a pure function of the phrase (gazetteer
look-ups, anonymity, roles: the costly part) that ends either in `_remember(actor, name)`
(record the actor, merge aliases) or in `_remember(_person(name, tokens, group, left), name)`
(`_person` looks up the persons met so far by spelling skeleton). The worker's `Step` holds
those arguments; the client runs only the two stateful steps with them (`replay`). A call
whose steps do not have that shape (another `ActorResolver`) is replayed whole.
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from consistency.extract.actors import ActorResolver
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
    calls: list[tuple] = field(default_factory=list)  # each resolve call's `Step`, in call order
    texts: dict[str, DocText] | None = None  # dropped once other_incident is known
    other: set[str] = field(default_factory=set)


Step = tuple  # ("actor", id, name, group, written) | ("person", name, tokens, group, left, written) | ("call", name, language, context, anonymous)


_TRACE = threading.local()  # .steps: the steps of the resolve call running in this thread


class TracedResolver(ActorResolver):
    """`ActorResolver` whose two order-dependent steps report their arguments to `_TRACE`
    (thread-local: `ActorResolver` shares its parsed gazetteers between instances by copying
    their attributes, so the trace cannot live on the instance)."""

    def _person(self, name, toks, group, left=None):
        actor = super()._person(name, toks, group, left)
        steps = getattr(_TRACE, "steps", None)
        if steps is not None:
            steps.append(("person", actor, name, toks, group, left))
        return actor

    def _remember(self, actor, written):
        steps = getattr(_TRACE, "steps", None)
        if steps is not None:
            steps.append(("remember", actor, written))
        return super()._remember(actor, written)


class RecordingResolver:
    """Resolves as `ActorResolver` does, records each call's order-dependent steps (`Step`),
    and answers with a placeholder id."""

    def __init__(self, resolver: ActorResolver):
        self.resolver = resolver
        self.calls: list[Step] = []
        self._traced = isinstance(resolver, TracedResolver)

    def resolve(self, name, language, context="", anonymous=None):
        _TRACE.steps = []
        try:
            actor = self.resolver.resolve(name, language, context=context, anonymous=anonymous)
            steps = _TRACE.steps
        finally:
            _TRACE.steps = None
        step = _step(steps, actor) if self._traced else None
        self.calls.append(step or ("call", name, language, context, anonymous))
        return actor.model_copy(update={"id": f"{_MARK}{len(self.calls) - 1}"})

    def __getattr__(self, name):
        return getattr(self.resolver, name)


def _step(steps: list[tuple], answer) -> Step | None:
    """The order-dependent part of one resolve call, or None when its shape is not known."""
    if len(steps) == 1 and steps[0][0] == "remember":
        _, actor, written = steps[0]
        return ("actor", actor.id, actor.name, actor.group, written) if answer.id == actor.id else None
    if len(steps) == 2 and steps[0][0] == "person" and steps[1][0] == "remember" and steps[1][1] is steps[0][1]:
        _, _, name, toks, group, left = steps[0]
        return ("person", name, tuple(toks), group, None if left is None else list(left), steps[1][2])
    return None


def replay(resolver, step: Step) -> str:
    """Client side: the actor id of one recorded call, given every earlier call was replayed."""
    kind = step[0]
    if kind == "call":
        return resolver.resolve(step[1], step[2], context=step[3], anonymous=step[4]).id
    from consistency.models import Actor

    if resolver._entries is None:
        resolver._build()
    if kind == "actor":
        _, actor_id, name, group, written = step
        return resolver._remember(Actor(id=actor_id, name=name, group=group), written).id
    _, name, toks, group, left, written = step
    return resolver._remember(resolver._person(name, toks, group, left), written).id


def _embedder(spec: str, cache_dir: str | None, use_cache: bool):
    key = (spec, cache_dir, use_cache)
    if key not in _EMBEDDERS:
        from consistency.embed import get_embedder

        _EMBEDDERS[key] = get_embedder(spec, cache_dir=cache_dir, use_cache=use_cache)
    return _EMBEDDERS[key]


def extract_partition(gazetteers: list[str], spec: str, cache_dir: str | None, use_cache: bool,
                      *picks: list[Document]) -> Part:
    """Documents (picked from the file reads, in id order) to claims and vectors."""
    from consistency.extract.claims import extract_claims

    documents = sorted((d for p in picks for d in p), key=lambda d: d.id)
    resolver = RecordingResolver(TracedResolver(gazetteers))
    texts: dict[str, DocText] = {}
    claims: list[Claim] = []
    for document in documents:
        texts[document.id] = DocText(document.text, document.language)
        claims.extend(extract_claims(document, resolver, texts[document.id]))
    leads = [f"{d.title or ''}\n{d.text[:400]}" for d in documents]
    vectors = _embedder(spec, cache_dir, use_cache).encode(leads + [c.text for c in claims])
    return Part(documents, claims, vectors[: len(leads)], vectors[len(leads):], resolver.calls, texts)


def calls_of(part: Part) -> tuple[list[tuple], int]:
    """The partition's resolve calls (`Step`s), in order, and its number of documents."""
    return part.calls, len(part.documents)


def apply_actors(part: Part, actor_ids: list[str]) -> Part:
    """Placeholders to the replayed ids."""
    for claim in part.claims:
        if claim.actor_id is not None and claim.actor_id.startswith(_MARK):
            claim.actor_id = actor_ids[int(claim.actor_id[len(_MARK):])]
    part.calls = []
    return part


def leads_of(part: Part, offset: int, window_days: int) -> tuple[np.ndarray, dict[int, list[tuple[int, int]]]]:
    """What document clustering needs of a partition: its lead vectors, and the earlier
    periods (first, last day ordinals) each document's lead recalls, keyed by corpus index."""
    from consistency.group.timing import recalled_days

    found = recalled_days(part.documents, part.texts, window_days)
    return part.doc_vectors, {offset + i: days for i, days in found.items()}


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
