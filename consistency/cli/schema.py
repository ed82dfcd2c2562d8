"""`consistency schema`: print the JSON Schema of report.json."""

from __future__ import annotations

import json

import typer

from consistency.cli import app


@app.command()
def schema() -> None:
    """Print the JSON Schema of report.json."""
    from consistency.models import Report

    typer.echo(json.dumps(Report.model_json_schema(), indent=2, ensure_ascii=False))
