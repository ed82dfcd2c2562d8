"""The Dask engine: the local engine's report, computed on a `dask.distributed` cluster.

    from consistency.engine.dask import build_report_dask
    report = build_report_dask("corpus/", settings, workers=4)             # a LocalCluster
    report = build_report_dask("corpus/", settings, scheduler="tcp://head:8786")

Stages (docs/dask.md): workers read groups of files; the client, from ids alone, applies the
loader's rules and cuts the id-sorted documents into partitions; workers extract and embed
each partition; the client replays the actor resolutions in corpus order (see
`engine.stages`) and merges actors; workers find the same-event pairs per run of days; the
client joins them into components; workers group and compare batches of components (the
shuffle by date window); the client assembles the report in the local engine's order.
The result is byte-identical to `pipeline.build_report`.
"""

from __future__ import annotations

import math
import os
from collections import Counter, defaultdict
from contextlib import contextmanager
from pathlib import Path

from consistency import __version__
from consistency.config import Settings
from consistency.engine import events as ev
from consistency.engine import reading, stages
from consistency.errors import MissingExtraError
from consistency.models import KINDS, CreatedFrom, Report, Tool
from consistency.pipeline import Progress, corpus_label


def _quiet(stage: str, done: int, total: int) -> None:
    pass


@contextmanager
def dask_client(scheduler: str | None = None, workers: int | None = None):
    """A Client of the cluster at `scheduler`, or of a new LocalCluster of `workers` processes."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise MissingExtraError("the Dask engine", "dask") from None
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with LocalCluster(n_workers=workers or 2, processes=True, threads_per_worker=1,
                      dashboard_address=":0") as cluster, Client(cluster) as client:
        yield client


def build_report_dask(corpus_path: str | os.PathLike, settings: Settings | None = None,
                      progress: Progress | None = None, *, scheduler: str | None = None,
                      workers: int | None = None, client=None, partition_size: int | None = None) -> Report:
    """Read a corpus and report where its sources disagree, on a Dask cluster: `client` (an
    existing `distributed.Client`), else the scheduler at `scheduler`, else a LocalCluster."""
    settings = settings or Settings()
    if client is not None:
        return _DaskRun(client, settings, progress or _quiet, partition_size).report(corpus_path)
    with dask_client(scheduler, workers) as own:
        return _DaskRun(own, settings, progress or _quiet, partition_size).report(corpus_path)


def write_report_shards_dask(corpus_path: str | os.PathLike, folder, settings: Settings | None = None,
                             progress: Progress | None = None, *, scheduler: str | None = None,
                             workers: int | None = None, client=None, per_shard: int = 10_000) -> Path:
    """The report written as JSONL shards plus index.json (engine/shards.py), one partition
    at a time: the client never holds all documents and claims. Returns the index path."""
    settings = settings or Settings()
    if client is not None:
        return _DaskRun(client, settings, progress or _quiet, None).shards(corpus_path, folder, per_shard)
    with dask_client(scheduler, workers) as own:
        return _DaskRun(own, settings, progress or _quiet, None).shards(corpus_path, folder, per_shard)


class _Clock:
    """Wall time per stage (`_DaskRun.timings`, logged at INFO): where a run's time goes."""

    def __init__(self):
        import time

        self._now = time.perf_counter
        self._last = self._now()
        self.spent: dict[str, float] = {}

    def __call__(self, stage: str) -> None:
        import logging

        now = self._now()
        self.spent[stage] = round(now - self._last, 2)
        self._last = now
        logging.getLogger(__name__).info("%s: %.2f s", stage, self.spent[stage])


class _Ref:
    """Stands for every claim of one actor in `consolidate`, which reads and rewrites only
    `actor_id`: one shared object per actor, repeated once per claim."""

    def __init__(self, actor_id):
        self.actor_id = actor_id


class _DaskRun:
    def __init__(self, client, settings: Settings, progress: Progress, partition_size: int | None):
        self.client, self.settings, self.progress = client, settings, progress
        self.partition_size = partition_size
        self.n_workers = max(1, len(client.scheduler_info().get("workers", {})))

    def submit(self, fn, *args, priority: int = 0):
        return self.client.submit(fn, *args, pure=False, priority=priority)

    def run(self, corpus_path):
        """(the report without documents, claims and discrepancies; per-partition futures of
        (documents, claims); the discrepancies)."""
        s = self.settings
        clock = _Clock()
        plan = reading.plan_files(corpus_path)
        parts, order, dates, skipped, size = self._load_and_extract(plan)
        clock("read")
        refs = [ev.DocRef(i, dates[i]) for i in order]
        clusters = self._clusters(parts, refs, size)  # a future: runs while actors are replayed
        parts = self._replay_actors(plan, parts, len(order))
        clock("extract, embed, replay actors")
        clusters = clusters.result()
        clock("cluster documents")
        parts = self._mark_other(parts, refs, clusters, size)
        actors, used, parts = self._consolidate(plan, parts)
        clock("other incidents, consolidate")
        finals, batches = self._compare(parts, clusters, order, dates, size, actors)
        events, compared = [], []
        for found_events, found in self.client.gather(batches):
            events.extend(found_events)
            compared.extend(found)
        events.sort(key=lambda e: (e.date or "9999", e.id))
        compared.sort(key=lambda m: (m[0].date or "9999", m[0].id))
        head = Report(
            tool=Tool(version=__version__),
            created_from=CreatedFrom(corpus=corpus_label(corpus_path), config_digest=s.digest()),
            documents=[],
            actors=[a for a in sorted(actors.values(), key=lambda a: a.id) if a.id in used],
            claims=[],
            events=events,
            discrepancies=[],
            revisions=[r for _, revs, _ in sorted(compared, key=lambda m: m[0].id) for r in revs],
            skipped=skipped,
        )
        clock("group and compare")
        self.timings = clock.spent
        return head, finals, [d for _, _, found in compared for d in found]

    def report(self, corpus_path) -> Report:
        head, finals, discrepancies = self.run(corpus_path)
        documents, claims = [], []
        for docs, part_claims in self.client.gather(finals):
            documents.extend(docs)
            claims.extend(part_claims)
        return Report(**{**dict(head), "documents": documents, "claims": claims, "discrepancies": discrepancies})

    def shards(self, corpus_path, folder, per_shard: int) -> Path:
        from consistency.engine.shards import write_shards

        head, finals, discrepancies = self.run(corpus_path)
        return write_shards(folder, head, (f.result() for f in finals), discrepancies, per_shard)

    def _gazetteers(self, plan: reading.FilePlan) -> list[str]:
        """The files `pipeline._resolver` gives the resolver, named the same way."""
        files = list(self.settings.gazetteers)
        root = Path(plan.shown_root)
        if root.is_dir():
            files += sorted(str(p) for p in root.glob("gazetteer*.toml"))
        return files

    def _load_and_extract(self, plan):
        s = self.settings
        groups = reading.group_files(plan, min(len(plan.files), 4 * self.n_workers))
        reads = [self.submit(reading.read_files, plan, g, s.max_file_bytes) for g in groups]
        metas = self.client.gather([self.submit(reading.file_ids, r) for r in reads])
        flat = [m for group in metas for m in group]
        accepted, order, skipped = reading.accept_files(plan, flat, s.skip_bad)
        group_of, dates = {}, {}
        for g, group in enumerate(metas):
            for rel, ids, _ in group:
                if rel in accepted:
                    for doc_id, _, day in ids:
                        group_of[doc_id], dates[doc_id] = g, day
        n_parts = max(4 * self.n_workers, math.ceil(len(order) / 5000))
        size = self.partition_size or max(1, math.ceil(len(order) / n_parts))
        gazetteers = [str(Path(f).resolve()) for f in self._gazetteers(plan)]
        done = frozenset(accepted)
        parts = []
        for start, end in reading.id_ranges(len(order), size):
            ids = order[start:end]
            picks = [self.submit(reading.pick, reads[g], done, frozenset(ids)) for g in sorted({group_of[i] for i in ids})]
            parts.append(self.submit(stages.extract_partition, gazetteers, s.embedder, s.cache_dir, s.use_cache, *picks))
        return parts, order, dates, skipped, size

    def _replay_actors(self, plan, parts, n_docs):
        """Replay every resolve call in corpus order through one resolver, as the local run
        makes them (only their order-dependent steps: `stages.replay`), partition by
        partition as extraction finishes them, and give the claims the ids it returns."""
        import time

        from consistency.extract.actors import ActorResolver

        self.resolver = ActorResolver(self._gazetteers(plan))
        done, out, spent, cpu = 0, [], 0.0, 0.0
        kinds: Counter = Counter()
        for part in parts:
            # ahead of the queued extractions (tasks run in submission order otherwise), so
            # the replay of a partition starts as soon as it is extracted
            steps, n = self.submit(stages.calls_of, part, priority=10).result()
            start, start_cpu = time.perf_counter(), time.thread_time()
            ids = [stages.replay(self.resolver, step) for step in steps]
            spent += time.perf_counter() - start
            cpu += time.thread_time() - start_cpu
            kinds.update(step[0] for step in steps)
            out.append(self.submit(stages.apply_actors, part, ids))
            done += n
            self.progress("extract", done, n_docs)
        # wall and CPU seconds of the replay; calls by kind of step ("call": replayed whole)
        self.replayed = {"seconds": round(spent, 2), "cpu_seconds": round(cpu, 2), **kinds}
        return out

    def _clusters(self, parts, refs, size):
        """Documents by incident: the local engine's `cluster_documents`, in one task that
        starts as soon as every partition is extracted (the client replays actors meanwhile)."""
        window = self.settings.event_window_days
        leads = [self.submit(stages.leads_of, part, p * size, window) for p, part in enumerate(parts)]
        return self.submit(ev.cluster_task, refs, self._thresholds()["same_event"], window, *leads)

    def _mark_other(self, parts, refs, clusters, size):
        from consistency.group.timing import incident_days

        incidents = incident_days(refs, clusters)
        window = self.settings.event_window_days
        return [self.submit(stages.mark_other, part, {r.id: incidents[r.id] for r in refs[p * size:(p + 1) * size]}, window)
                for p, part in enumerate(parts)]

    def _consolidate(self, plan, parts):
        """Merge actors naming one person, as the local engine does after grouping (no rule
        between here and there reads actor ids)."""
        from consistency.extract.speakers import consolidate

        counts: Counter = Counter()
        for c in self.client.gather([self.submit(stages.counts_of, part) for part in parts]):
            counts.update(c)
        refs = {a: _Ref(a) for a in counts}
        standins = [refs[a] for a in sorted(counts, key=str) for _ in range(counts[a])]
        actors = consolidate(standins, {a.id: a for a in self.resolver.actors()})
        remap = {a: r.actor_id for a, r in refs.items() if r.actor_id != a}
        used = {remap.get(a, a) for a in counts}
        return actors, used, [self.submit(stages.remap_actors, part, remap) for part in parts]

    def _rows_by_part(self, indexes: list[int], size: int) -> dict[int, list[int]]:
        rows: dict[int, list[int]] = defaultdict(list)
        for g in indexes:
            rows[g // size].append(g % size)
        return rows

    def _thresholds(self) -> dict[str, float]:
        from consistency.embed import get_embedder

        return {**get_embedder(self.settings.embedder, use_cache=False).thresholds, **self.settings.thresholds}

    def _compare(self, parts, comps, order, dates, size, actors):
        """Components in batches by date (the blocking key), each batch on one worker."""
        s = self.settings
        kinds = [k for k in KINDS if k in s.kinds] + [k for k in s.kinds if k not in KINDS]
        actors_f = self.client.scatter([actors], broadcast=True)[0]
        thresholds = self._thresholds()
        comps = sorted(comps, key=lambda c: (min((dates[order[g]] or "9999") for g in c), c[0]))
        target = len(order) / max(1, len(parts))
        batches, current, filled = [], [], 0
        for comp in comps:
            current.append(comp)
            filled += len(comp)
            if filled >= target:
                batches.append(current)
                current, filled = [], 0
        batches += [current] if current else []
        annotations: dict[int, list] = defaultdict(list)
        results = []
        for batch in batches:
            rows = sorted(self._rows_by_part(sorted(g for c in batch for g in c), size).items())
            selections = [self.submit(stages.select, parts[p], r) for p, r in rows]
            ids = [[order[g] for g in comp] for comp in batch]
            result = self.submit(ev.event_batch, ids, [p for p, _ in rows], thresholds, s.event_window_days,
                                 kinds, actors_f, *selections)
            for p, _ in rows:
                annotations[p].append(self.submit(ev.annotations_of, result, p))
            results.append(self.submit(ev.compared_of, result))
        finals = [self.submit(stages.finalize, part, *annotations[p]) for p, part in enumerate(parts)]
        return finals, results
