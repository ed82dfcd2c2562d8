"""`consistency check CORPUS`: the CI gate. Exit 0 nothing needs attention, 1 it does, 2 error."""

from __future__ import annotations

from enum import Enum
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


class Format(str, Enum):
    text = "text"
    json = "json"
    junit = "junit"
    sarif = "sarif"
    github = "github"


class Severity(str, Enum):
    low = "low"
    medium = "medium"
    high = "high"


def render(result, fmt: Format) -> str:
    from consistency.render.github import render_github
    from consistency.render.junit import render_junit
    from consistency.render.sarif import render_sarif
    from consistency.render.text import render_text

    renderers = {Format.text: render_text, Format.json: lambda r: r.to_json(), Format.junit: render_junit,
                 Format.sarif: render_sarif, Format.github: render_github}
    return renderers[fmt](result)


@app.command()
def check(
    corpus: Annotated[Path, typer.Argument(help="Corpus file or folder.")],
    config: ConfigOption = None,
    embedder: EmbedderOption = None,
    cache_dir: CacheDirOption = None,
    no_cache: NoCacheOption = False,
    baseline: Annotated[Optional[Path], typer.Option(help="Fail only on findings not in this baseline.")] = None,
    expect: Annotated[Optional[Path], typer.Option(help="gold.json: fail when the checker misses or over-flags.")] = None,
    fail_on: Annotated[Optional[str], typer.Option("--fail-on", help="Only these kinds fail (KIND[,KIND]).")] = None,
    min_severity: Annotated[Optional[Severity], typer.Option(help="Findings below it do not fail.")] = None,
    min_recall: Annotated[Optional[float], typer.Option(min=0.0, max=1.0, help="With --expect.")] = None,
    min_precision: Annotated[Optional[float], typer.Option(min=0.0, max=1.0, help="With --expect.")] = None,
    fail_on_stale: Annotated[Optional[bool], typer.Option("--fail-on-stale/--no-fail-on-stale",
                                                          help="Fail when baseline entries no longer occur.")] = None,
    fmt: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.text,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write the output here "
                                                   "(the text summary still goes to stdout).")] = None,
    debug: DebugOption = False,
) -> None:
    """Check a corpus for discrepancies that need attention (exit 0 none, 1 some, 2 error)."""
    from consistency.gate.check import check as run_check

    if (min_recall is not None or min_precision is not None) and expect is None:
        typer.echo("consistency: error: --min-recall and --min-precision need --expect gold.json", err=True)
        raise typer.Exit(2)
    kinds = [k.strip() for k in fail_on.split(",") if k.strip()] if fail_on is not None else None
    with reported_errors(debug):
        loaded = load_cli_settings(
            corpus, config, embedder=embedder, cache_dir=str(cache_dir) if cache_dir else None,
            use_cache=False if no_cache else None, fail_on=kinds,
            min_severity=min_severity.value if min_severity else None, fail_on_stale=fail_on_stale,
            baseline=str(baseline) if baseline else None,
        )
        result = run_check(corpus, settings=loaded.settings, expect=expect,
                           min_recall=min_recall, min_precision=min_precision)
        text = render(result, fmt)
        if output is not None:
            write_output(output, text)
            if fmt is not Format.text:
                text = render(result, Format.text)
        typer.echo(text, nl=False)
    raise typer.Exit(result.exit_code)
