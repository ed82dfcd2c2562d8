"""Command-line interface. Each command lives in its own module and only parses, calls one
library function, renders and picks the exit code (0 clean, 1 findings, 2 error)."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="consistency",
    help="Check whether sources agree: typed discrepancies between attributed claims.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)



@app.callback()
def _root() -> None:
    """Check whether sources agree: typed discrepancies between attributed claims."""


from consistency.cli import schema as _schema  # noqa: E402,F401  (registers commands)
from consistency.cli import compare as _compare  # noqa: E402,F401
from consistency.cli import check, baseline, config  # noqa: E402,F401  (registers the CI gate's commands)
from consistency.cli import view  # noqa: E402,F401
from consistency.cli import report as _report, eval as _eval  # noqa: E402,F401


def main() -> None:
    app()
