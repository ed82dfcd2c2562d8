"""Claims into events: documents about one incident form its event; claims that recall
another incident form related events, linked to it and never merged with it.

Documents are compared only within a date window (blocking), on the embedding of their title
and lead; pairs above the backend's `same_event` threshold are joined (union-find), so the
result does not depend on input order. Event ids derive from content: the event's date and
its earliest document id.
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


def cluster_documents(documents: list[Document], vectors: np.ndarray, threshold: float, window: int) -> list[list[int]]:
    """Indexes of documents grouped by incident; blocks of dates `window` days wide."""
    n = len(documents)
    uf = _UnionFind(n)
    days = [_ordinal(d.date) for d in documents]
    by_day: dict[int, list[int]] = defaultdict(list)
    undated = []
    for i, d in enumerate(days):
        (undated if d is None else by_day[d]).append(i)
    dated_days = sorted(by_day)
    for day in dated_days:
        here = by_day[day]
        near = [j for k in range(day - window, day + 1) for j in by_day.get(k, ())]
        sims = vectors[here] @ vectors[near].T
        for a, i in enumerate(here):
            for b in np.nonzero(sims[a] >= threshold)[0]:
                j = near[b]
                if j != i:
                    uf.union(i, j)
    if undated:
        sims = vectors[undated] @ vectors.T
        for a, i in enumerate(undated):
            for j in np.nonzero(sims[a] >= threshold)[0]:
                if j != i:
                    uf.union(i, int(j))
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[uf.find(i)].append(i)
    return [sorted(g) for g in groups.values()]


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
) -> Grouping:
    """Events for `claims` (in corpus order, rows of `claim_vectors`)."""
    doc_index = {d.id: i for i, d in enumerate(documents)}
    row = {c.id: i for i, c in enumerate(claims)}
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_doc[c.document_id].append(c)
    events, event_of, main = [], {}, set()
    for members in cluster_documents(documents, doc_vectors, same_event, window):
        docs = sorted((documents[i] for i in members), key=lambda d: (d.date or "9999", d.id))
        first = docs[0]
        main_id = _event_id(first.date, first.id)
        mine = [c for d in sorted(docs, key=lambda d: doc_index[d.id]) for c in by_doc[d.id]]
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
    sims = vectors[idx] @ vectors[idx].T
    uf = _UnionFind(len(claims))
    for i in range(len(claims)):
        for j in np.nonzero(sims[i] >= threshold)[0]:
            if j > i:
                uf.union(i, int(j))
    groups: dict[int, list[Claim]] = defaultdict(list)
    for i, c in enumerate(claims):
        groups[uf.find(i)].append(c)
    out = []
    for members in groups.values():
        first_doc = documents[doc_index[members[0].document_id]]
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
        del first_doc
    return sorted(out, key=lambda e: e.id)


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
