"""Events on a cluster: which documents are about one incident, then each incident grouped
and compared where its claims were shuffled to.

Documents are joined exactly as `group.events.cluster_documents` joins them: within the
date-window block of each day, the same rows multiplied in the same shapes (so the same
floating-point cosines), pairs at or above the `same_event` threshold. Workers compute the
pairs of a run of days; the client joins them into connected components (a component never
crosses a gap of more than the window, so the date window is the blocking key). Each
component is then handed, with its claims and vectors, to `group.events.group_events` with a
threshold every pair passes: it joins the component's own documents into one event and
builds that event and its related events with the local engine's own code.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from consistency.engine.stages import Selection

_JOIN_ALL = float("-inf")


def day_ordinal(d: str | None) -> int | None:
    try:
        return date.fromisoformat(d).toordinal() if d else None
    except ValueError:
        return None


def block_edges(by_day: dict[int, list[int]], days: list[int], index: list[int], window: int,
                threshold: float, *blocks: np.ndarray) -> np.ndarray:
    """Worker task: pairs of documents (global indexes) joined in the blocks of `days`.

    `by_day` holds every document of the days from `days[0] - window` to `days[-1]`;
    `blocks` are their vectors, rows in the order of `index`."""
    vectors = np.concatenate(blocks) if blocks else np.zeros((0, 1), np.float32)
    pos = {g: i for i, g in enumerate(index)}
    pairs: list[tuple[int, int]] = []
    for day in days:
        here = by_day[day]
        near = [j for k in range(day - window, day + 1) for j in by_day.get(k, ())]
        sims = vectors[[pos[i] for i in here]] @ vectors[[pos[j] for j in near]].T
        for a, i in enumerate(here):
            pairs.extend((i, near[b]) for b in np.nonzero(sims[a] >= threshold)[0] if near[b] != i)
    return np.array(pairs, dtype=np.int64).reshape(-1, 2)


def undated_edges(undated: list[int], threshold: float, *blocks: np.ndarray) -> np.ndarray:
    """Worker task: undated documents are compared with every document, as locally."""
    vectors = np.concatenate(blocks)
    sims = vectors[undated] @ vectors.T
    pairs = [(i, int(j)) for a, i in enumerate(undated) for j in np.nonzero(sims[a] >= threshold)[0] if j != i]
    return np.array(pairs, dtype=np.int64).reshape(-1, 2)


def day_runs(days: list[int | None], n_runs: int) -> list[list[int]]:
    """The dated days, sorted, cut into runs of about equal document counts."""
    count: dict[int, int] = defaultdict(int)
    for d in days:
        if d is not None:
            count[d] += 1
    target = sum(count.values()) / max(1, n_runs)
    runs: list[list[int]] = [[]]
    filled = 0
    for day in sorted(count):
        if runs[-1] and filled >= target:
            runs.append([])
            filled = 0
        runs[-1].append(day)
        filled += count[day]
    return [r for r in runs if r]


def components(n: int, edges: list[np.ndarray]) -> list[list[int]]:
    """Connected components of the document graph, each sorted, ordered by first member."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    pairs = np.concatenate(edges) if edges else np.zeros((0, 2), np.int64)
    graph = coo_matrix((np.ones(len(pairs), np.int8), (pairs[:, 0], pairs[:, 1])), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    groups: dict[int, list[int]] = defaultdict(list)
    for i, label in enumerate(labels.tolist()):
        groups[label].append(i)
    return sorted(groups.values(), key=lambda g: g[0])


@dataclass
class BatchResult:
    events: list = field(default_factory=list)
    annotations: dict[int, dict[str, tuple[str, str]]] = field(default_factory=dict)  # partition -> claim id -> (event, aspect)
    compared: list[tuple] = field(default_factory=list)  # (main event, revisions, discrepancies)


def event_batch(batch: list[list[str]], parts: list[int], thresholds: dict[str, float], window: int,
                kinds: list[str], actors: dict, *selections: Selection) -> BatchResult:
    """Worker task: group and compare a batch of components (lists of document ids, corpus
    order); `parts[k]` is the partition `selections[k]` came from."""
    from consistency.compare import DETECTORS, EventContext
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
                                _JOIN_ALL, same_aspect, window)
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
        found = [d for kind in kinds if kind in DETECTORS for d in DETECTORS[kind](ctx)]
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
