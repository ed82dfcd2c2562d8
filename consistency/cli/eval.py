"""`consistency eval CORPUS_DIR`: score a run against the corpus's gold.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

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


@app.command("eval")
def eval_command(
    corpus: Annotated[Path, typer.Argument(help="A corpus folder holding documents and gold.json.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    gold: Annotated[Path | None, typer.Option(help="Gold file (default: CORPUS/gold.json).")] = None,
    config: ConfigOption = None,
    embedder: EmbedderOption = None,
    cache_dir: CacheDirOption = None,
    no_cache: NoCacheOption = False,
    debug: DebugOption = False,
) -> None:
    """Recall and precision per kind, traps flagged and attribution recall against gold.json."""
    from consistency.evaluate import evaluate, format_scores
    from consistency.gate.expect import load_gold
    from consistency.pipeline import build_report

    with reported_errors(debug):
        gold_data = load_gold(gold or corpus / "gold.json")
        settings = load_cli_settings(corpus, config, embedder=embedder, cache_dir=str(cache_dir) if cache_dir else None,
                                     use_cache=False if no_cache else None).settings
        scores = evaluate(build_report(corpus, settings), gold_data)
    if as_json:
        typer.echo(json.dumps(scores.as_dict(), indent=2, ensure_ascii=False))
    else:
        typer.echo(format_scores(scores))
