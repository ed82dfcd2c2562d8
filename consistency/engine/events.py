"""Events on a cluster: which documents are about one incident, then each incident grouped
and compared where its claims were shuffled to.

Documents are clustered by `group.events.cluster_documents` itself, in one task that holds
every lead vector (n x dim floats) and no text: its joins depend on each date window's
nearest neighbours, so cutting it would change them. Each cluster is then handed, with its
claims and vectors, to `group.events.group_events(..., clusters=[all of them])`, which builds
the event and its related events with the local engine's own code; clusters travel in
batches by date (the blocking key) to the workers.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np

from consistency.engine.stages import Selection


class DocRef(NamedTuple):
    """What document clustering reads of a document: its id and date (no text)."""

    id: str
    date: str | None


def cluster_task(refs: list[DocRef], threshold: float, window: int,
                 *leads: tuple[np.ndarray, dict[int, list[int]]]) -> list[list[int]]:
    """Worker task: `group.events.cluster_documents` on the whole corpus's lead vectors and
    recalled days (`stages.leads_of` of each partition, in corpus order), exactly as the local
    engine calls it."""
    from consistency.group.events import cluster_documents

    recalled = {i: days for _, found in leads for i, days in found.items()}
    return cluster_documents(refs, _stack([vectors for vectors, _ in leads]), threshold, window, recalled=recalled)


@dataclass
class BatchResult:
    events: list = field(default_factory=list)
    annotations: dict[int, dict[str, tuple[str, str]]] = field(default_factory=dict)  # partition -> claim id -> (event, aspect)
    compared: list[tuple] = field(default_factory=list)  # (main event, revisions, discrepancies)


def event_batch(batch: list[list[str]], parts: list[int], thresholds: dict[str, float], window: int,
                kinds: list[str], actors: dict, *selections: Selection) -> BatchResult:
    """Worker task: group and compare a batch of components (lists of document ids, corpus
    order); `parts[k]` is the partition `selections[k]` came from."""
    from consistency.compare import EventContext, compare_event
    from consistency.compare.revisions import find_revisions
    from consistency.group.aspects import assign_aspects
    from consistency.group.events import group_events

    docs, doc_row, claims_of, claim_row, part_of = {}, {}, defaultdict(list), {}, {}
    other: set[str] = set()
    for k, sel in enumerate(selections):
        for d in sel.documents:
            docs[d.id], doc_row[d.id], part_of[d.id] = d, len(doc_row), parts[k]
        for c in sel.claims:
            claims_of[c.document_id].append(c)
            claim_row[c.id] = len(claim_row)
        other |= sel.other
    doc_stack = _stack([s.doc_vectors for s in selections])
    claim_stack = _stack([s.claim_vectors for s in selections])
    out = BatchResult()
    same_aspect = thresholds["same_aspect"]
    for members in batch:
        cdocs = [docs[i] for i in members]
        cclaims = [c for d in cdocs for c in claims_of[d.id]]
        dv = doc_stack[[doc_row[d.id] for d in cdocs]]
        cv = claim_stack[[claim_row[c.id] for c in cclaims]]
        grouping = group_events(cdocs, cclaims, dv, cv, {c.id for c in cclaims if c.id in other},
                                thresholds["same_event"], same_aspect, window, [list(range(len(cdocs)))])
        if len(grouping.main) != 1:
            raise RuntimeError(f"component of {members[0]!r} gave {len(grouping.main)} main events")
        row = {c.id: i for i, c in enumerate(cclaims)}
        by_id = {c.id: c for c in cclaims}
        for event in grouping.events:
            mine = [by_id[cid] for cid in event.claim_ids]
            aspects = assign_aspects(mine, cv[[row[c.id] for c in mine]], same_aspect)
            for claim, aspect in zip(mine, aspects):
                claim.event_id, claim.aspect = event.id, aspect
                out.annotations.setdefault(part_of[claim.document_id], {})[claim.id] = (event.id, aspect)
        main = next(e for e in grouping.events if e.id in grouping.main)
        cdict = {d.id: d for d in cdocs}
        revisions, superseded = find_revisions([c for c in cclaims if c.event_id == main.id], cdict, actors,
                                               grouping.event_of)
        ctx = EventContext(main, [by_id[cid] for cid in main.claim_ids], cdict, actors, superseded)
        related = tuple(EventContext(e, [by_id[cid] for cid in e.claim_ids], cdict, actors)
                        for e in grouping.events if e.id in main.related_event_ids and e.id not in grouping.main)
        found = compare_event(ctx, kinds, related)
        out.events.extend(grouping.events)
        out.compared.append((main, revisions, found))
    return out


def annotations_of(result: BatchResult, part: int) -> dict[str, tuple[str, str]]:
    return result.annotations.get(part, {})


def compared_of(result: BatchResult) -> tuple[list, list[tuple]]:
    return result.events, result.compared


def _stack(blocks: list[np.ndarray]) -> np.ndarray:
    blocks = [b for b in blocks if len(b)]
    return np.concatenate(blocks) if blocks else np.zeros((0, 1), np.float32)
