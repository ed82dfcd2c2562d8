"""`consistency report CORPUS -o DIR`: the structured report (json, md, html)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from consistency.cli import app
from consistency.cli.config import (
    CacheDirOption,
    ConfigOption,
    DebugOption,
    EmbedderOption,
    NoCacheOption,
    load_cli_settings,
    reported_errors,
)

FORMATS = ("json", "md", "html")


@app.command()
def report(
    corpus: Annotated[Path, typer.Argument(help="A corpus file or folder.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder to write report.* into.")] = Path("report"),
    formats: Annotated[str, typer.Option("--format", help="Comma-separated: json, md, html.")] = "json,md",
    config: ConfigOption = None,
    embedder: EmbedderOption = None,
    cache_dir: CacheDirOption = None,
    no_cache: NoCacheOption = False,
    skip_bad: Annotated[bool, typer.Option("--skip-bad", help="Skip unreadable files and list them in the report.")] = False,
    debug: DebugOption = False,
    engine: Annotated[str, typer.Option("--engine", help="local, or dask (pip extra 'dask'; docs/dask.md).")] = "local",
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="Dask scheduler address (tcp://host:8786).")] = None,
    workers: Annotated[Optional[int], typer.Option("--workers", help="Dask: worker processes of a local cluster.")] = None,
) -> None:
    """Write DIR/report.json (and report.md, report.html) for a corpus."""
    from consistency.atomic import interrupts_deferred
    from consistency.cli.progress import TerminalProgress
    from consistency.errors import ConfigError, InputError
    from consistency.engine import build_report
    from consistency.render.files import write_report

    wanted = [f.strip() for f in formats.split(",") if f.strip()]
    progress = TerminalProgress()
    with reported_errors(debug):
        bad = [f for f in wanted if f not in FORMATS]
        if bad or not wanted:
            raise ConfigError(f"unknown format {', '.join(bad) or '(none)'}; choose from {', '.join(FORMATS)}")
        overrides = dict(embedder=embedder, cache_dir=str(cache_dir) if cache_dir else None,
                         use_cache=False if no_cache else None, skip_bad=True if skip_bad else None)
        settings = load_cli_settings(corpus, config, **overrides).settings
        try:
            result = build_report(corpus, settings, progress, engine=engine, scheduler=scheduler, workers=workers,
                                  stored=True)
            progress.close()
            with interrupts_deferred():
                try:
                    written = write_report(result, output, wanted)
                except OSError as exc:
                    raise InputError(str(output), f"cannot write the report there ({exc.strerror or exc})") from None
        except KeyboardInterrupt:
            progress.close()
            typer.echo("consistency: interrupted", err=True)
            raise typer.Exit(130) from None
    for path in written:
        typer.echo(str(path))
