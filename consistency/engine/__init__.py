"""Engines that build a report: `local` (one process, `pipeline.build_report`) and `dask`
(a `dask.distributed` cluster, `engine.dask.build_report_dask`). Both give the same bytes.

    from consistency.engine import build_report
    report = build_report("corpus/", settings, engine="dask", workers=4)
"""

from __future__ import annotations

import os

from consistency.config import Settings
from consistency.errors import ConfigError
from consistency.claimstore import StoredReport
from consistency.models import Report

ENGINES = ("local", "dask")


def build_report(corpus_path: str | os.PathLike, settings: Settings | None = None, progress=None, *,
                 engine: str = "local", scheduler: str | None = None, workers: int | None = None,
                 stored: bool = False) -> Report | StoredReport:
    """The report of a corpus, built by `engine`; `scheduler` / `workers` are for `dask`.
    `stored`: the local engine returns a `StoredReport` (claims held compactly, report.json
    written in a stream by `render.files.write_report`)."""
    if engine == "local":
        if scheduler or workers:
            raise ConfigError("--scheduler and --workers need --engine dask")
        from consistency.pipeline import build_report as local, build_stored_report

        return (build_stored_report if stored else local)(corpus_path, settings, progress)
    if engine == "dask":
        if scheduler and workers:
            raise ConfigError("give either --scheduler (an existing cluster) or --workers (a local one), not both")
        if workers is not None and workers < 1:
            raise ConfigError(f"--workers must be at least 1, got {workers}")
        from consistency.engine.dask import build_report_dask

        return build_report_dask(corpus_path, settings, progress, scheduler=scheduler, workers=workers)
    raise ConfigError(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")


__all__ = ["ENGINES", "build_report"]
