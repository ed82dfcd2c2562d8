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
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

import numpy as np
from threadpoolctl import threadpool_limits

from consistency.group.timing import RECALL_HORIZON
from consistency.models import Claim, Document, Event
from consistency.text.normalize import normalize


@dataclass
class Grouping:
    events: list[Event]
    event_of: dict[str, str]  # claim id -> event id
    main: set[str]  # ids of events that are some document's own incident

    def add(self, events: list[Event]) -> None:
        """One cluster's events (`cluster_events`: its main event first)."""
        self.main.add(events[0].id)
        for event in events:
            self.events.append(event)
            for cid in event.claim_ids:
                self.event_of[cid] = event.id

    def finish(self) -> None:
        """Events in report order: by date, then id."""
        self.events.sort(key=lambda e: (e.date or "9999", e.id))


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
# An incident's coverage fades within a few date windows; an event spans at most this many.
SPAN_WINDOWS = 3
# Similarities are computed for this many cells at most at once (8 MiB of float32 and the
# 16 MiB of indexes that ranking them takes), so memory follows the busiest date window,
# never the corpus.
_CELLS = 1 << 21


def _canonical(documents: list[Document]) -> list[int]:
    """Indexes of `documents` in the order every computation follows: by id (ids are unique),
    so that the result does not depend on the order the corpus came in."""
    return sorted(range(len(documents)), key=lambda i: documents[i].id)


def _nearest(vectors: np.ndarray, rows: list[int], cols: list[int], threshold: float, k: int) -> list[np.ndarray]:
    """Edges (cosine, i, j) from each of `rows` to its `k` most similar `cols` at or above
    `threshold`, as three arrays."""
    if not rows or not cols:
        return []
    pool = vectors[cols]
    cols_a = np.asarray(cols, dtype=np.int64)
    position = {j: b for b, j in enumerate(cols)}
    step = max(1, _CELLS // len(cols))
    out = []
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
        cos = np.take_along_axis(sims, best, axis=1)
        a, b = np.nonzero(cos >= threshold)
        out.append((cos[a, b], np.asarray(chunk, dtype=np.int64)[a], cols_a[best[a, b]]))
    return out


def cluster_documents(documents: list[Document], vectors: np.ndarray, threshold: float, window: int,
                      neighbours: int = NEIGHBOURS, recalled: dict[int, list[int]] | None = None) -> list[list[int]]:
    """Indexes of documents grouped by incident.

    Blocking: a dated document is compared only with documents dated within `window` days
    of it; an undated one with all. Within its block a document links to its `neighbours`
    nearest leads whose cosine reaches `threshold`. Links join events most similar first
    (union-find), except a link that would stretch an event's dates over more than
    `SPAN_WINDOWS` windows: a busy week of look-alike reports never chains into one event.
    `recalled` gives, for a follow-up report, the earlier periods its lead names, as
    (first, last) day ordinals (`group.timing.recalled_days`). A day at most
    `RECALL_HORIZON` days back (an inquiry published a week later "into the deaths on February
    29") is compared around like the day's own coverage, within the span an event may have;
    beyond that span (CENTCOM's review on 17 September of "the Aug. 29 strike") it joins the
    incident begun that day as older recalls do. An older day ("the March 16 strike" in May) or a coarse period ("the strike in March",
    "في مارس الماضي") joins the report's event to the one incident that began in it and whose coverage
    the report's lead resembles; when two incidents fit (a strike on a hospital and another
    on a theatre of the same city, that month) it joins neither (`_join_recalls`).
    """
    # one BLAS thread: the blocks are small, and threads spinning for them on a busy machine
    # made each product forty times slower (measured: 3 ms vs 140 ms for 20 x 140 x 4096)
    with threadpool_limits(1, user_api="blas"):
        return _cluster(documents, vectors, threshold, window, neighbours, recalled)


def _cluster(documents, vectors, threshold, window, neighbours, recalled) -> list[list[int]]:
    n = len(documents)
    uf = _UnionFind(n)
    order = _canonical(documents)
    days = [_ordinal(d.date) for d in documents]
    by_day: dict[int, list[int]] = defaultdict(list)
    undated = []
    for i in order:
        (undated if days[i] is None else by_day[days[i]]).append(i)
    parts = []
    for day in sorted(by_day):
        near = [j for k in range(day - window, day + window + 1) for j in by_day.get(k, ())]
        parts += _nearest(vectors, by_day[day], near, threshold, neighbours)
    older: dict[int, list[tuple[int, int]]] = {}
    for i in sorted(recalled or {}):
        for first, last in sorted({tuple(p) for p in recalled[i]}):  # pairs, as lists once serialised
            if first == last and days[i] is not None and days[i] - first <= RECALL_HORIZON:
                near = [j for k in range(first - window, first + window + 1) for j in by_day.get(k, ())]
                parts += _nearest(vectors, [i], near, threshold, neighbours)
                # a review weeks later of "the Aug. 29 strike": when its links cannot join that
                # day's coverage within an event's span, it joins the incident begun that day
                older.setdefault(i, []).append((first, last))
            else:
                older.setdefault(i, []).append((first, last))
    if undated:
        parts += _nearest(vectors, undated, order, threshold, neighbours)
    if parts:
        rank = np.empty(n, dtype=np.int64)
        rank[order] = np.arange(n)
        cos, i, j = (np.concatenate(x) for x in zip(*parts))
        lo, hi = np.minimum(rank[i], rank[j]), np.maximum(rank[i], rank[j])
        span = SPAN_WINDOWS * window
        first = {i: d for i, d in enumerate(days) if d is not None}  # root -> earliest, latest day
        last = dict(first)
        for e in np.lexsort((hi, lo, -cos)):
            a, b = uf.find(int(i[e])), uf.find(int(j[e]))
            if a == b:
                continue
            if a in first and b in first and max(last[a], last[b]) - min(first[a], first[b]) > span:
                continue
            uf.union(a, b)
            root, other = (a, b) if uf.find(a) == a else (b, a)
            if other in first:
                first[root] = min(first[root], first[other]) if root in first else first[other]
                last[root] = max(last[root], last[other]) if root in last else last[other]
    if older:
        _join_recalls(documents, vectors, threshold, window, neighbours, uf, days, by_day, older)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[uf.find(i)].append(i)
    return sorted(groups.values())


def _join_recalls(documents, vectors, threshold, window, neighbours, uf, days, by_day, older) -> None:
    """Joins each follow-up's event to the one incident its older recalls can mean.

    An incident fits a recalled period when it began in it (its earliest document is dated
    within the period, or up to the window before: coverage starts the day of the incident)
    and one of its documents in the period has a lead as similar to the follow-up's as
    `threshold`. A report points its event to the incident that fits it best, unless another
    fits about as well (`AMBIGUOUS`): a review of "the strikes on the city in March" that
    resembles the hospital struck on the 9th as much as the theatre struck on the 16th
    points nowhere, while the theatre's inquiry, that names the theatre, points to it. A
    follow-up event joins the incident its reports point to, whatever the dates span, unless
    they point to different ones. Every decision is taken on the events as the ordinary
    links left them, so the result does not depend on the order of the reports.
    """
    first_day: dict[int, int] = {}
    for i, d in enumerate(days):
        if d is not None:
            root = uf.find(i)
            first_day[root] = min(first_day.get(root, d), d)
    pointed: dict[int, set[int]] = defaultdict(set)  # follow-up event (root) -> incidents
    for i in older:
        own = uf.find(i)
        fits: dict[int, float] = {}  # incident (root) -> its best similarity to the report
        for first, last in older[i]:
            if own in first_day and first_day[own] <= last:
                continue  # the report's own event already covers the period
            near = [j for k in range(first, last + 1) for j in by_day.get(k, ())]
            for cos, _i, found in _nearest(vectors, [i], near, threshold, neighbours):
                for c, j in zip(cos.tolist(), found.tolist()):
                    root = uf.find(j)
                    if root != own and first - window <= first_day.get(root, first) <= last:
                        fits[root] = max(fits.get(root, c), c)
        best = _clear_best(fits, threshold)
        if best is not None:
            pointed[own].add(best)
    for own in sorted(pointed):
        if len(pointed[own]) == 1:
            uf.union(own, next(iter(pointed[own])))


# Two incidents fit a report about as well when the second's similarity clears the threshold
# by at least this share of the best one's margin (relative to the threshold, so that it
# holds whatever the backend's scale of similarities).
AMBIGUOUS = 0.5


def _clear_best(fits: dict[int, float], threshold: float) -> int | None:
    """The incident that fits clearly best, or None."""
    if not fits:
        return None
    ranked = sorted(fits.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(ranked) > 1 and ranked[1][1] - threshold >= AMBIGUOUS * (ranked[0][1] - threshold):
        return None
    return ranked[0][0]


def _event_id(day: str | None, anchor: str) -> str:
    return f"ev-{day or 'undated'}-{hashlib.sha1(anchor.encode('utf-8')).hexdigest()[:6]}"


def claims_by_document(claims: list[Claim]) -> dict[str, list[Claim]]:
    """Each document's claims in the order grouping reads them: by position in the text."""
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for c in sorted(claims, key=lambda c: (c.span[0], c.span[1], c.id)):
        by_doc[c.document_id].append(c)
    return by_doc


def cluster_claims(documents: list[Document], members: list[int], by_doc: dict[str, list[Claim]]) -> list[Claim]:
    """The claims of one document cluster: by document id, then position in the text."""
    return [c for d in sorted((documents[i] for i in members), key=lambda d: d.id) for c in by_doc[d.id]]


# Claims embedded together when events are built cluster by cluster (`cluster_batches`): a
# multiple of the backends' batch sizes and of the cache's store chunk, big enough to keep
# a backend's batches full, small beside the corpus (1,024 x 512 floats = 2 MiB with use).
CLAIM_BATCH = 1024


def cluster_batches(documents: list[Document], by_doc: dict[str, list[Claim]], clusters: list[list[int]],
                    min_claims: int | None = None):
    """Yields (clusters, their claims): the clusters in canonical order (by their first
    document id), cut into batches of at least `min_claims` claims (`CLAIM_BATCH`; the last
    may be smaller),
    so that claim vectors can be made, used and dropped a batch at a time. Which clusters
    share a batch depends on the clusters only, never on the input order."""
    min_claims = CLAIM_BATCH if min_claims is None else min_claims
    keyed = sorted(clusters, key=lambda m: min(documents[i].id for i in m))
    batch: list[list[int]] = []
    claims: list[Claim] = []
    for members in keyed:
        batch.append(members)
        claims.extend(cluster_claims(documents, members, by_doc))
        if len(claims) >= min_claims:
            yield batch, claims
            batch, claims = [], []
    if batch:
        yield batch, claims


def cluster_events(documents: list[Document], members: list[int], by_doc: dict[str, list[Claim]],
                   claim_vectors: np.ndarray, row: dict[str, int], other_incident: set[str],
                   same_topic: float) -> list[Event]:
    """The events of one document cluster, its main event first, then its related events.
    `claim_vectors[row[claim id]]` must hold the vector of each of the cluster's claims."""
    docs = sorted((documents[i] for i in members), key=lambda d: (d.date or "9999", d.id))
    first = docs[0]
    main_id = _event_id(first.date, first.id)
    mine = cluster_claims(documents, members, by_doc)
    inside = [c for c in mine if c.id not in other_incident]
    outside = [c for c in mine if c.id in other_incident]
    language = {d.id: d.language for d in docs}
    related = _related_events(outside, claim_vectors, row, same_topic, main_id,
                              _told_on(mine, {c.id for c in outside}, language) if outside else [])
    main_event = Event(
        id=main_id,
        label=first.title or _short(inside[0].text if inside else first.text),
        date=first.date,
        claim_ids=[c.id for c in inside],
        document_ids=sorted({c.document_id for c in inside} | {d.id for d in docs}),
        related_event_ids=[e.id for e in related],
    )
    return [main_event, *related]


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
    row = {c.id: i for i, c in enumerate(claims)}
    by_doc = claims_by_document(claims)
    grouping = Grouping(events=[], event_of={}, main=set())
    if clusters is None:
        clusters = cluster_documents(documents, doc_vectors, same_event, window)
    for members in clusters:
        grouping.add(cluster_events(documents, members, by_doc, claim_vectors, row, other_incident, same_topic))
    grouping.finish()
    return grouping


def _told_on(claims: list[Claim], outside: set[str], language: dict[str, str]) -> list[tuple[str, str]]:
    """Pairs of background claims where the second goes on telling of the first one's incident:
    the next claim of the same document names a place where the first one's attack hit and
    that the document had not named before ("... a strike hit tents in the al-Mawasi area,
    killing 21." / "The military denied striking inside the zone in al-Mawasi."). `claims`
    are in document order; `language` gives each document's."""
    from consistency.extract.doctext import DocText
    from consistency.group.timing import _bare_noun, _placed_in

    out = []
    before: set[str] = set()
    for k, claim in enumerate(claims):
        if k and claims[k - 1].document_id != claim.document_id:
            before = set()
        lang = language.get(claim.document_id, "en")
        nxt = next((c for c in claims[k + 1:] if c.span != claim.span), None)
        if claim.id in outside and nxt is not None and nxt.id in outside and nxt.document_id == claim.document_id:
            places = _placed_in(DocText(claim.text, lang), (0, len(claim.text)), attack=True) - before
            if places and not places.isdisjoint(_placed_in(DocText(nxt.text, lang), (0, len(nxt.text)))):
                out.append((claim.id, nxt.id))
        before |= {_bare_noun(w) for w in re.findall(r"[\w\-]+", normalize(claim.text).text)}
    return out


def _related_events(claims, vectors, row, threshold, main_id, told_on=()) -> list[Event]:
    """Background claims of one event, grouped by similarity, or by one going on about another
    (`_told_on`), into related events."""
    if not claims:
        return []
    idx = [row[c.id] for c in claims]
    sims = vectors[idx] @ vectors[idx].T  # one event's background claims: small
    uf = _UnionFind(len(claims))
    for i, j in zip(*np.nonzero(np.triu(sims >= threshold, 1))):
        uf.union(int(i), int(j))
    at = {c.id: i for i, c in enumerate(claims)}
    for a, b in told_on:
        uf.union(at[a], at[b])
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
