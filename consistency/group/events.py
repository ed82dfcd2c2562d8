"""Claims into events: documents about one incident form its event; claims that recall
another incident form related events, linked to it and never merged with it.

Documents are compared only within a date window (blocking), on the embedding of their title
and lead; each joins its nearest neighbours above the backend's `same_event` threshold
(union-find). Work and memory follow the busiest window and the largest event, never the
corpus: no corpus-wide similarity matrix is built. Every computation runs in a canonical
order (documents by id, claims by position in their document), so the result is the same
whatever the input order. Event ids derive from content: the event's date and its earliest
document id.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

import numpy as np

from consistency.models import Claim, Document, Event


@dataclass
class Grouping:
    events: list[Event]
    event_of: dict[str, str]  # claim id -> event id
    main: set[str]  # ids of events that are some document's own incident


class _UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _ordinal(d: str | None) -> int | None:
    try:
        return date.fromisoformat(d).toordinal() if d else None
    except ValueError:
        return None


# A lead joins at most its nearest few within the window (besides those that choose it):
# bounded work per document, and one generic lead cannot chain a whole busy week together.
NEIGHBOURS = 16
# Similarities are computed for this many cells at most at once (8 MiB of float32 and the
# 16 MiB of indexes that ranking them takes), so memory follows the busiest date window,
# never the corpus.
_CELLS = 1 << 21


def _canonical(documents: list[Document]) -> list[int]:
    """Indexes of `documents` in the order every computation follows: by id (ids are unique),
    so that the result does not depend on the order the corpus came in."""
    return sorted(range(len(documents)), key=lambda i: documents[i].id)


def _join_nearest(uf: _UnionFind, vectors: np.ndarray, rows: list[int], cols: list[int], threshold: float, k: int) -> None:
    """Join each of `rows` with its `k` most similar `cols` at or above `threshold`."""
    if not rows or not cols:
        return
    pool = vectors[cols]
    position = {j: b for b, j in enumerate(cols)}
    step = max(1, _CELLS // len(cols))
    for start in range(0, len(rows), step):
        chunk = rows[start : start + step]
        sims = vectors[chunk] @ pool.T
        for a, i in enumerate(chunk):
            if i in position:
                sims[a, position[i]] = -np.inf
        if sims.shape[1] > k:
            # ties at the cut fall the same way every run: columns are in canonical order
            best = np.argpartition(sims, sims.shape[1] - k, axis=1)[:, -k:]
        else:
            best = np.broadcast_to(np.arange(sims.shape[1]), sims.shape)
        picked = np.take_along_axis(sims, best, axis=1) >= threshold
        for a, b in zip(*np.nonzero(picked)):
            uf.union(chunk[a], cols[best[a, b]])


def cluster_documents(documents: list[Document], vectors: np.ndarray, threshold: float, window: int,
                      neighbours: int = NEIGHBOURS) -> list[list[int]]:
    """Indexes of documents grouped by incident.

    Blocking: a dated document is compared only with documents dated within `window` days
    of it; an undated one with all. Within its block a document joins its `neighbours`
    nearest leads whose cosine reaches `threshold`; joins are transitive (union-find).
    """
    n = len(documents)
    uf = _UnionFind(n)
    by_day: dict[int, list[int]] = defaultdict(list)
    undated = []
    for i in _canonical(documents):
        d = _ordinal(documents[i].date)
        (undated if d is None else by_day[d]).append(i)
    for day in sorted(by_day):
        near = [j for k in range(day - window, day + window + 1) for j in by_day.get(k, ())]
        _join_nearest(uf, vectors, by_day[day], near, threshold, neighbours)
    if undated:
        _join_nearest(uf, vectors, undated, _canonical(documents), threshold, neighbours)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[uf.find(i)].append(i)
    return sorted(groups.values())


def _event_id(day: str | None, anchor: str) -> str:
    return f"ev-{day or 'undated'}-{hashlib.sha1(anchor.encode('utf-8')).hexdigest()[:6]}"


def group_events(
    documents: list[Document],
    claims: list[Claim],
    doc_vectors: np.ndarray,
    claim_vectors: np.ndarray,
    other_incident: set[str],
    same_event: float,
    same_topic: float,
    window: int,
    clusters: list[list[int]] | None = None,
) -> Grouping:
    """Events for `claims` (rows of `claim_vectors`); any order of documents and claims gives
    the same events, each listing its claims by document id, then position in the text."""
    doc_index = {d.id: i for i, d in enumerate(documents)}
    row = {c.id: i for i, c in enumerate(claims)}
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for c in sorted(claims, key=lambda c: (c.span[0], c.span[1], c.id)):
        by_doc[c.document_id].append(c)
    events, event_of, main = [], {}, set()
    if clusters is None:
        clusters = cluster_documents(documents, doc_vectors, same_event, window)
    for members in clusters:
        docs = sorted((documents[i] for i in members), key=lambda d: (d.date or "9999", d.id))
        first = docs[0]
        main_id = _event_id(first.date, first.id)
        mine = [c for d in sorted(docs, key=lambda d: d.id) for c in by_doc[d.id]]
        inside = [c for c in mine if c.id not in other_incident]
        outside = [c for c in mine if c.id in other_incident]
        related = _related_events(outside, claim_vectors, row, same_topic, documents, doc_index, main_id)
        main_event = Event(
            id=main_id,
            label=first.title or _short(inside[0].text if inside else first.text),
            date=first.date,
            claim_ids=[c.id for c in inside],
            document_ids=sorted({c.document_id for c in inside} | {d.id for d in docs}),
            related_event_ids=[e.id for e in related],
        )
        events.append(main_event)
        main.add(main_id)
        events.extend(related)
        for c in inside:
            event_of[c.id] = main_id
        for e in related:
            for cid in e.claim_ids:
                event_of[cid] = e.id
    events.sort(key=lambda e: (e.date or "9999", e.id))
    return Grouping(events=events, event_of=event_of, main=main)


def _related_events(claims, vectors, row, threshold, documents, doc_index, main_id) -> list[Event]:
    """Background claims of one event, grouped by similarity into related events."""
    if not claims:
        return []
    idx = [row[c.id] for c in claims]
    sims = vectors[idx] @ vectors[idx].T  # one event's background claims: small
    uf = _UnionFind(len(claims))
    for i, j in zip(*np.nonzero(np.triu(sims >= threshold, 1))):
        uf.union(int(i), int(j))
    groups: dict[int, list[Claim]] = defaultdict(list)
    for i, c in enumerate(claims):
        groups[uf.find(i)].append(c)
    out = []
    for members in groups.values():
        out.append(
            Event(
                id=_event_id(None, members[0].id).replace("ev-undated", "ev-related"),
                label=_short(members[0].text),
                date=None,
                claim_ids=[c.id for c in members],
                document_ids=sorted({c.document_id for c in members}),
                related_event_ids=[main_id],
            )
        )
    return sorted(out, key=lambda e: e.id)


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
