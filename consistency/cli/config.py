"""`consistency config [CORPUS]`: the effective settings and where each one came from.

Also the helpers the gate's commands share: the options that build settings, and turning the
library's errors into exit code 2 with a message naming the file and the problem.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from consistency.cli import app
from consistency.errors import ConsistencyError

ConfigOption = Annotated[
    Optional[Path],
    typer.Option("--config", help="Settings file (default: consistency.toml or pyproject.toml's "
                 "tool.consistency table in the corpus folder, then the current directory)."),
]
EmbedderOption = Annotated[Optional[str], typer.Option(help="Embedding backend: use, tfidf, e5, st:<model>.")]
CacheDirOption = Annotated[Optional[Path], typer.Option("--cache-dir", help="Where embeddings are cached.")]
NoCacheOption = Annotated[bool, typer.Option("--no-cache", help="Do not read or write the embedding cache.")]
DebugOption = Annotated[bool, typer.Option("--debug", help="Show the traceback of an error.")]


@contextmanager
def reported_errors(debug: bool) -> Iterator[None]:
    """Exit 2 with the message on stderr for the tool's own errors (traceback only with --debug)."""
    try:
        yield
    except ConsistencyError as exc:
        if debug:
            raise
        typer.echo(f"consistency: error: {exc}", err=True)
        raise typer.Exit(2) from None


def load_cli_settings(corpus: Path | None, config: Path | None, **overrides: Any):
    """Defaults < config file < these command-line values (None: not given)."""
    from consistency.config import load_settings

    return load_settings(corpus, config_file=config, overrides=overrides)


def write_output(path: Path, text: str) -> None:
    """Write a rendered output atomically; a path that cannot be written is an input error."""
    from consistency.atomic import write_text
    from consistency.errors import InputError

    try:
        write_text(path, text)
    except OSError as exc:
        raise InputError(str(path), f"cannot write output ({exc.strerror or exc})") from None


@app.command("config")
def config_command(
    corpus: Annotated[Optional[Path], typer.Argument(help="Corpus whose settings to show.")] = None,
    config: ConfigOption = None,
    embedder: EmbedderOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of TOML.")] = False,
    debug: DebugOption = False,
) -> None:
    """Print the effective settings and where each came from (default, file, command line)."""
    with reported_errors(debug):
        loaded = load_cli_settings(corpus, config, embedder=embedder)
    values = loaded.settings.model_dump(mode="json")
    if as_json:
        data = {"config_file": str(loaded.config_path) if loaded.config_path else None,
                "settings": values, "sources": loaded.sources}
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    where = str(loaded.config_path) if loaded.config_path else "none found"
    typer.echo(f"# effective settings{f' for {corpus}' if corpus else ''} (config file: {where})")
    for key, value in values.items():
        source = loaded.sources[key]
        if value is None:
            typer.echo(f"# {key} is not set ({source})")
        else:
            typer.echo(f"{key} = {_toml(value)}  # {source}")


def _toml(value: Any) -> str:
    """A TOML literal for a settings value, so the output can be pasted into consistency.toml."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, dict):
        items = ", ".join(f"{json.dumps(k, ensure_ascii=False)} = {_toml(v)}" for k, v in value.items() if v is not None)
        return "{" + items + "}"
    raise TypeError(f"no TOML form for {type(value).__name__}")
