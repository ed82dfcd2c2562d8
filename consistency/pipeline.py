"""The pipeline: wiring only. Each stage lives in its own module.

    files -> corpus.load_corpus -> extract.claims -> embed -> group (events, aspects)
          -> compare (one detector per kind) -> models.Report

Claims are held as compact JSON between stages (`claimstore`), made models a batch of
document clusters at a time, and the report can be written in a stream
(`build_stored_report(...).write_json`). With a costly embedder, extraction runs in a forked
worker beside the embedding of the leads, and each batch is grouped and compared in one
beside the embedding of the next (`overlap`). The bytes are the same either way.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

from consistency import __version__
from consistency.claimstore import ActorRef, ClaimStore, StoredReport
from consistency.compare import EventContext, compare_event
from consistency.compare.revisions import find_revisions
from consistency.config import Settings
from consistency.corpus import Corpus, load_corpus
from consistency.extract.doctext import DocText
from consistency.extract.speakers import consolidate
from consistency.group.aspects import assign_aspects
from consistency.group.events import Grouping, claims_by_document, cluster_batches, cluster_documents, cluster_events
from consistency.group.timing import incident_days, other_incident_claims
from consistency.models import KINDS, Claim, CreatedFrom, Report, Tool
from consistency.overlap import ExtractionProcess, Forked, can_fork, extract_document

Progress = Callable[[str, int, int], None]
OVERLAP_MIN_DOCUMENTS = 200  # below it, forking a worker costs more than it gives
COMPARE_IN_WORKER = True  # when overlapping: each batch grouped and compared in a worker beside the next's embedding


def _quiet(stage: str, done: int, total: int) -> None:
    pass


def corpus_label(path: str | os.PathLike) -> str:
    """The corpus as named in the report: relative to the working directory when inside it,
    so that a report regenerated elsewhere from the same checkout is byte-identical."""
    p = Path(path).resolve()
    try:
        return p.relative_to(Path.cwd().resolve()).as_posix() or "."
    except ValueError:
        return p.name


def lead_text(document) -> str:
    """What a document is embedded by for clustering: its title and the start of its text."""
    return f"{document.title or ''}\n{document.text[:400]}"


def build_report(corpus_path: str | os.PathLike, settings: Settings | None = None, progress: Progress | None = None) -> Report:
    """Read a corpus and report where its sources disagree."""
    settings = settings or Settings()
    progress = progress or _quiet
    corpus = load_corpus(corpus_path, skip_bad=settings.skip_bad, max_bytes=settings.max_file_bytes)
    return report_from_corpus(corpus, settings, progress, corpus_label(corpus_path))


def _resolver(corpus: Corpus, settings: Settings):
    from consistency.extract.actors import ActorResolver

    files = list(settings.gazetteers)
    root = Path(corpus.root)
    if root.is_dir():
        files += sorted(str(p) for p in root.glob("gazetteer*.toml"))
    return ActorResolver(files)


def build_stored_report(corpus_path: str | os.PathLike, settings: Settings | None = None,
                        progress: Progress | None = None, overlap: bool | None = None) -> StoredReport:
    """As `build_report`, with the claims held compactly: for corpora whose report would not
    fit in memory as models. `.write_json(path)` streams report.json (the same bytes).
    `overlap`: see `stored_report_from_corpus`."""
    settings = settings or Settings()
    corpus = load_corpus(corpus_path, skip_bad=settings.skip_bad, max_bytes=settings.max_file_bytes)
    return stored_report_from_corpus(corpus, settings, progress or _quiet, corpus_label(corpus_path), overlap)


def report_from_corpus(corpus: Corpus, settings: Settings, progress: Progress, label: str) -> Report:
    return stored_report_from_corpus(corpus, settings, progress, label).to_report()


def _extract(documents: list, resolver, store: ClaimStore, window: int, progress: Progress):
    """Every document's claims into `store`: (actor refs of the claims, recalled days)."""
    refs: list[ActorRef] = []
    recalled: dict[int, list] = {}
    for i, document in enumerate(documents):
        claims, days = extract_document(document, resolver, window)
        store.put(document.id, claims)
        refs.extend(ActorRef(c.actor_id) for c in claims)
        if days is not None:
            recalled[i] = days
        progress("extract", i + 1, len(documents))
    return refs, recalled


def _overlaps(documents: list, settings: Settings, overlap: bool | None) -> bool:
    """Whether to extract in a worker process beside the embedding of the leads: by default
    for a corpus of some size and an embedder whose work is worth sharing the cores with."""
    if overlap is not None:
        return overlap and can_fork()
    cheap = settings.embedder in ("tfidf", "fake") or settings.embedder.startswith("tfidf:")
    return can_fork() and not cheap and len(documents) >= OVERLAP_MIN_DOCUMENTS and (os.cpu_count() or 1) > 1


class _BatchClaims(Mapping):
    """Documents' claims as models, by document id, for the batches of clusters being grouped:
    made from the store when first asked for, stored back and dropped by `release`."""

    def __init__(self, store: ClaimStore):
        self.store = store
        self.extracted: dict[str, list[Claim]] = {}  # in extraction order (the report's)
        self.by_text: dict[str, list[Claim]] = {}  # by position in the text (grouping's)

    def __getitem__(self, doc_id: str) -> list[Claim]:
        if doc_id not in self.by_text:
            claims = self.store.get(doc_id)
            self.extracted[doc_id] = claims
            self.by_text[doc_id] = claims_by_document(claims)[doc_id] if claims else []
        return self.by_text[doc_id]

    def __iter__(self):
        return iter(self.by_text)

    def __len__(self) -> int:
        return len(self.by_text)

    def release(self, doc_ids: list[str]) -> None:
        for doc_id in doc_ids:
            self.store.put(doc_id, self.extracted.pop(doc_id))
            del self.by_text[doc_id]


def stored_report_from_corpus(corpus: Corpus, settings: Settings, progress: Progress, label: str,
                              overlap: bool | None = None) -> StoredReport:
    """`overlap`: extract in a worker process while the leads are embedded (None: decide by
    the corpus and the embedder, `_overlaps`); the same report either way."""
    from consistency.embed import get_embedder

    documents = corpus.documents
    docs = {d.id: d for d in documents}
    position = {d.id: i for i, d in enumerate(documents)}
    resolver = _resolver(corpus, settings)
    window = settings.event_window_days
    store = ClaimStore()
    leads = [lead_text(d) for d in documents]
    overlapping = _overlaps(documents, settings, overlap)
    set_threads = None
    if overlapping:
        embedder = get_embedder(settings.embedder, cache_dir=settings.cache_dir, use_cache=settings.use_cache)
        # one BLAS thread for the embedder while the worker holds the other core (overlap.py)
        set_threads = (getattr(embedder, "set_threads", None) or getattr(getattr(embedder, "inner", None), "set_threads", None)
                       or (lambda n: None))
        set_threads(1)
        job = ExtractionProcess(documents, resolver, window, store, progress, on_finish=lambda: set_threads(None))
        job.start()
        progress("embed", 0, len(leads))
        doc_vectors = embedder.encode(leads) if leads else np.zeros((0, 1), "float32")
        refs, recalled, found_actors = job.join()
    else:
        refs, recalled = _extract(documents, resolver, store, window, progress)
        found_actors = resolver.actors()
        embedder = get_embedder(settings.embedder, cache_dir=settings.cache_dir, use_cache=settings.use_cache)
        progress("embed", 0, len(leads))
        doc_vectors = embedder.encode(leads) if leads else np.zeros((0, 1), "float32")
    del leads
    total = len(documents) + len(store)
    done = len(documents)
    progress("embed", done, total)
    thresholds = {**embedder.thresholds, **settings.thresholds}
    # merging actors that name one person reads only the claims' actor ids: done now, applied
    # to each batch's claims once grouped (grouping reads the ids as extracted)
    extracted_ids = [r.actor_id for r in refs]
    actors = consolidate(refs, {a.id: a for a in found_actors})
    merged_into = {a: r.actor_id for a, r in zip(extracted_ids, refs) if a != r.actor_id}
    used = {r.actor_id for r in refs}
    del refs, extracted_ids

    clusters = cluster_documents(documents, doc_vectors, thresholds["same_event"], window, recalled=recalled)
    del doc_vectors
    incidents = incident_days(documents, clusters)
    kinds = [k for k in KINDS if k in settings.kinds] + [k for k in settings.kinds if k not in KINDS]
    # claims are made models, embedded, grouped and compared a batch of clusters at a time,
    # then stored back compactly: memory follows the largest batch, not the corpus
    batch_claims_of = _BatchClaims(store)
    grouping = Grouping(events=[], event_of={}, main=set())
    same_aspect = thresholds["same_aspect"]
    found_in: dict[str, list] = {}  # main event id -> its discrepancies
    revised: dict[str, list] = {}  # main event id -> its revisions
    pending = None  # when overlapping: the previous batch, grouped and compared in a forked worker
    for batch, batch_claims in cluster_batches(documents, batch_claims_of, clusters):
        doc_ids = [documents[i].id for members in batch for i in members]
        claim_vectors = embedder.encode([c.text for c in batch_claims]) if batch_claims else np.zeros((0, 1), "float32")
        done += len(batch_claims)
        progress("embed", done, total)
        work = partial(_group_and_compare, documents, docs, batch, batch_claims,
                       {d: batch_claims_of.extracted[d] for d in doc_ids}, batch_claims_of, claim_vectors, incidents,
                       window, same_aspect, merged_into, position, actors, kinds)
        if pending is not None:
            _take(*pending, batch_claims_of, merged_into, grouping, found_in, revised)
            pending = None
        if overlapping and COMPARE_IN_WORKER:
            # grouped and compared in a worker while the next batch is embedded on one thread
            set_threads(1)
            pending = (Forked(work, on_finish=lambda: set_threads(None)).start(), batch_claims, doc_ids)
        else:
            _take(_Done(work()), batch_claims, doc_ids, batch_claims_of, merged_into, grouping, found_in, revised)
        del claim_vectors, work
    if pending is not None:
        _take(*pending, batch_claims_of, merged_into, grouping, found_in, revised)
    grouping.finish()

    main_events = [e for e in grouping.events if e.id in grouping.main]
    fields = dict(
        tool=Tool(version=__version__),
        created_from=CreatedFrom(corpus=label, config_digest=settings.digest()),
        documents=documents,
        actors=[a for a in sorted(actors.values(), key=lambda a: a.id) if a.id in used],
        events=grouping.events,
        discrepancies=[d for e in main_events for d in found_in.get(e.id, [])],
        # revisions in `find_revisions`' order: by event id, then subject and source
        revisions=[r for event_id in sorted(revised) for r in revised[event_id]],
        skipped=corpus.skipped,
    )
    return StoredReport(fields, store, [d.id for d in documents])


class _Done:
    """A result at hand, read like `Forked`'s."""

    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value


def _take(job, batch_claims, doc_ids, claims_of, merged_into, grouping, found_in, revised) -> None:
    """A batch's grouping and comparison (`_group_and_compare`) into the report's state; its
    claims, with their events, aspects and merged actors, stored back."""
    clusters_events, assigned, found, revisions = job.result()
    for found_events in clusters_events:
        grouping.add(found_events)
    for claim in batch_claims:
        claim.event_id, claim.aspect = assigned.get(claim.id, (None, None))
        claim.actor_id = merged_into.get(claim.actor_id, claim.actor_id)
    found_in.update(found)
    revised.update(revisions)
    claims_of.release(doc_ids)


def _group_and_compare(documents, docs, batch, batch_claims, extracted, claims_of, claim_vectors, incidents, window,
                       same_aspect, merged_into, position, actors, kinds):
    """One batch of clusters: (each cluster's events, claim id -> (event, aspect),
    discrepancies and revisions by main event id). Reads nothing of other batches, so it
    may run in a forked worker."""
    grouping = Grouping(events=[], event_of={}, main=set())
    clusters_events = _group_batch(documents, docs, batch, batch_claims, extracted, claims_of, claim_vectors, incidents,
                                   window, same_aspect, grouping)
    assigned = {c.id: (c.event_id, c.aspect) for c in batch_claims}
    for claim in batch_claims:  # the merged actors' ids, from now on
        claim.actor_id = merged_into.get(claim.actor_id, claim.actor_id)
    events = [e for found in clusters_events for e in found]
    found, revisions = _compare_batch(events, batch_claims, extracted, docs, position, actors, kinds, grouping)
    return clusters_events, assigned, found, revisions


def _group_batch(documents, docs, batch, batch_claims, extracted, claims_of, claim_vectors, incidents, window,
                 same_aspect, grouping) -> list[list]:
    """Events and aspects of a batch of clusters (sets each claim's event and aspect); the
    events of each cluster, its main event first."""
    other: set[str] = set()
    for doc_id, doc_claims in extracted.items():
        # which claims recall another incident is read within each document alone
        other |= other_incident_claims(doc_claims, docs, {doc_id: DocText(docs[doc_id].text, docs[doc_id].language)},
                                       window, incidents)
    row = {c.id: i for i, c in enumerate(batch_claims)}
    by_id = {c.id: c for c in batch_claims}
    events = []
    # one BLAS thread for the many small products of grouping (as in cluster_documents):
    # two threads spinning for a 20 x 20 product on a busy machine cost ten times more
    with threadpool_limits(1, user_api="blas"):
        for members in batch:
            found = cluster_events(documents, members, claims_of, claim_vectors, row, other, same_aspect)
            grouping.add(found)
            events.append(found)
            for event in found:
                mine = [by_id[cid] for cid in event.claim_ids]
                aspects = assign_aspects(mine, claim_vectors[[row[c.id] for c in mine]], same_aspect)
                for claim, aspect in zip(mine, aspects):
                    claim.event_id, claim.aspect = event.id, aspect
    return events


def _compare_batch(events, batch_claims, extracted, docs, position, actors, kinds, grouping) -> tuple[dict, dict]:
    """(discrepancies, revisions) of the batch's main events, by event id."""
    found_in, revised = {}, {}
    by_id = {c.id: c for c in batch_claims}
    order = {c.id: (position[doc_id], k) for doc_id, claims in extracted.items() for k, c in enumerate(claims)}
    for event in events:
        if event.id not in grouping.main:
            continue
        # in corpus order, as `find_revisions` would read them among all claims: each of its
        # series is one event's, and so is each figure it marks superseded
        mine = sorted((by_id[cid] for cid in event.claim_ids), key=lambda c: order[c.id])
        revisions, superseded = find_revisions(mine, docs, actors, grouping.event_of)
        if revisions:
            revised[event.id] = revisions
        ctx = EventContext(event, [by_id[cid] for cid in event.claim_ids], docs, actors, superseded)
        related = tuple(EventContext(e, [by_id[cid] for cid in e.claim_ids], docs, actors)
                        for e in events if e.id in event.related_event_ids and e.id not in grouping.main)
        found_in[event.id] = compare_event(ctx, kinds, related)
    return found_in, revised
