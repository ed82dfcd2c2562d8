"""The pipeline: wiring only. Each stage lives in its own module.

    files -> corpus.load_corpus -> extract.claims -> embed -> group (events, aspects)
          -> compare (one detector per kind) -> models.Report
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

from consistency import __version__
from consistency.compare import DETECTORS, EventContext
from consistency.compare.revisions import find_revisions
from consistency.config import Settings
from consistency.corpus import Corpus, load_corpus
from consistency.extract.claims import extract_claims
from consistency.extract.doctext import DocText
from consistency.extract.speakers import consolidate
from consistency.group.aspects import assign_aspects
from consistency.group.events import (Grouping, claims_by_document, cluster_batches, cluster_documents,
                                      cluster_events)
from consistency.group.timing import incident_days, other_incident_claims, recalled_days
from consistency.models import KINDS, Claim, CreatedFrom, Report, Tool

Progress = Callable[[str, int, int], None]


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


class _Texts:
    """Documents' prepared texts by id, prepared on demand; only the last one is kept. For
    readers that go through claims in document order (`other_incident_claims`)."""

    def __init__(self, docs: dict):
        self.docs = docs
        self.last: tuple[str, DocText] | None = None

    def __getitem__(self, doc_id: str) -> DocText:
        if self.last is None or self.last[0] != doc_id:
            document = self.docs[doc_id]
            self.last = (doc_id, DocText(document.text, document.language))
        return self.last[1]


def report_from_corpus(corpus: Corpus, settings: Settings, progress: Progress, label: str) -> Report:
    documents = corpus.documents
    docs = {d.id: d for d in documents}
    resolver = _resolver(corpus, settings)
    window = settings.event_window_days
    claims: list[Claim] = []
    recalled: dict[int, list[int]] = {}
    for i, document in enumerate(documents):
        # a prepared text (normalised form, its index, tokens, numbers) is several times the
        # size of the text: it serves this document's extraction and is dropped, so memory
        # does not grow with the corpus; the later reads prepare it again (`_Texts`)
        text = DocText(document.text, document.language)
        claims.extend(extract_claims(document, resolver, text))
        days = recalled_days([document], {document.id: text}, window)
        if days:
            recalled[i] = days[0]
        progress("extract", i + 1, len(documents))

    from consistency.embed import get_embedder

    embedder = get_embedder(settings.embedder, cache_dir=settings.cache_dir, use_cache=settings.use_cache)
    thresholds = {**embedder.thresholds, **settings.thresholds}
    leads = [lead_text(d) for d in documents]
    total = len(leads) + len(claims)
    progress("embed", 0, total)
    doc_vectors = embedder.encode(leads) if leads else np.zeros((0, 1), "float32")
    done = len(leads)
    progress("embed", done, total)

    clusters = cluster_documents(documents, doc_vectors, thresholds["same_event"], window, recalled=recalled)
    del doc_vectors
    other = other_incident_claims(claims, docs, _Texts(docs), window, incident_days(documents, clusters))
    # claims are embedded a batch of clusters at a time, used for that batch's events and
    # aspects, then dropped: memory follows the largest event, not the corpus
    by_doc = claims_by_document(claims)
    grouping = Grouping(events=[], event_of={}, main=set())
    same_aspect = thresholds["same_aspect"]
    for batch, batch_claims in cluster_batches(documents, by_doc, clusters):
        claim_vectors = embedder.encode([c.text for c in batch_claims]) if batch_claims else np.zeros((0, 1), "float32")
        done += len(batch_claims)
        progress("embed", done, total)
        row = {c.id: i for i, c in enumerate(batch_claims)}
        by_id = {c.id: c for c in batch_claims}
        # one BLAS thread for the many small products of grouping (as in cluster_documents):
        # two threads spinning for a 20 x 20 product on a busy machine cost ten times more
        with threadpool_limits(1, user_api="blas"):
            for members in batch:
                found = cluster_events(documents, members, by_doc, claim_vectors, row, other, same_aspect)
                grouping.add(found)
                for event in found:
                    mine = [by_id[cid] for cid in event.claim_ids]
                    aspects = assign_aspects(mine, claim_vectors[[row[c.id] for c in mine]], same_aspect)
                    for claim, aspect in zip(mine, aspects):
                        claim.event_id, claim.aspect = event.id, aspect
        del claim_vectors
    grouping.finish()
    by_id = {c.id: c for c in claims}

    actors = consolidate(claims, {a.id: a for a in resolver.actors()})
    main_claims = [c for c in claims if c.event_id in grouping.main]
    revisions, superseded = find_revisions(main_claims, docs, actors, grouping.event_of)
    discrepancies = []
    kinds = [k for k in KINDS if k in settings.kinds] + [k for k in settings.kinds if k not in KINDS]
    main_events = [e for e in grouping.events if e.id in grouping.main]
    for n, event in enumerate(main_events):
        ctx = EventContext(event, [by_id[cid] for cid in event.claim_ids], docs, actors, superseded)
        for kind in kinds:
            if kind in DETECTORS:
                discrepancies.extend(DETECTORS[kind](ctx))
        progress("compare", n + 1, len(main_events))

    used = {c.actor_id for c in claims}
    return Report(
        tool=Tool(version=__version__),
        created_from=CreatedFrom(corpus=label, config_digest=settings.digest()),
        documents=documents,
        actors=[a for a in sorted(actors.values(), key=lambda a: a.id) if a.id in used],
        claims=claims,
        events=grouping.events,
        discrepancies=discrepancies,
        revisions=revisions,
        skipped=corpus.skipped,
    )
