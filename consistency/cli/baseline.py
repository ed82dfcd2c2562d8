"""`consistency baseline CORPUS -o FILE`: record today's discrepancies as reviewed."""

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
    write_output,
)


@app.command()
def baseline(
    corpus: Annotated[Path, typer.Argument(help="Corpus file or folder.")],
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Baseline file to write "
                                                   "(default: `baseline` in the settings file).")] = None,
    config: ConfigOption = None,
    embedder: EmbedderOption = None,
    cache_dir: CacheDirOption = None,
    no_cache: NoCacheOption = False,
    debug: DebugOption = False,
) -> None:
    """Write a baseline of the corpus's current discrepancies; reviewers' reasons are kept."""
    from consistency.errors import ConfigError
    from consistency.gate.check import record_baseline

    with reported_errors(debug):
        loaded = load_cli_settings(corpus, config, embedder=embedder,
                                   cache_dir=str(cache_dir) if cache_dir else None,
                                   use_cache=False if no_cache else None)
        target = output or (Path(loaded.settings.baseline) if loaded.settings.baseline else None)
        if target is None:
            raise ConfigError("no baseline file: give -o FILE or set `baseline` in consistency.toml")
        recorded, kept = record_baseline(corpus, settings=loaded.settings, path=target)
        write_output(target, recorded.to_json())
    entries = len(recorded.entries)
    note = f", kept {kept} reviewer reason{'s' if kept != 1 else ''}" if kept else ""
    typer.echo(f"wrote {target}: {entries} discrepanc{'ies' if entries != 1 else 'y'}{note}")
