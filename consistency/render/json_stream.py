"""report.json written a list item at a time, the same bytes as `Report.to_json()`.

`model_dump_json` of a whole report builds the text of every document and claim as one
string (about 1 GB at 100,000 documents, twice while it is copied out of pydantic's core).
Here the report is dumped with its long lists empty, and each list is written in place of
its `[]` an item at a time: an item of a top-level list is the item's own indented dump,
shifted four spaces (JSON strings hold no raw newline, so shifting lines is exact).

    with open("report.json", "w", encoding="utf-8") as f:
        for piece in iter_report_json({**fields, "claims": iter(claims)}):
            f.write(piece)
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from consistency.models import Report

LISTS = ("documents", "claims", "events", "discrepancies", "revisions")


def iter_report_json(fields: dict) -> Iterator[str]:
    """The pieces of report.json for `Report(**fields)`; the lists named in `LISTS` may be any
    iterables of models (each read once, in order)."""
    lazy = {name: fields[name] for name in LISTS if name in fields}
    rest = Report(**{**fields, **{name: [] for name in lazy}}).to_json()
    for name in Report.model_fields:
        if name not in lazy:
            continue
        marker = f'\n  "{name}": []'  # top-level keys alone are indented by two spaces
        head, rest = rest.split(marker, 1)
        yield head
        yield f'\n  "{name}": '
        yield from _items(lazy[name])
    yield rest


def _items(items: Iterable) -> Iterator[str]:
    first = True
    for item in items:
        yield ("[\n    " if first else ",\n    ") + item.model_dump_json(indent=2).replace("\n", "\n    ")
        first = False
    yield "[]" if first else "\n  ]"


def write_report_json(fields: dict, path: str | os.PathLike) -> Path:
    """Write report.json through a temporary file in the same folder, renamed over `path` once
    whole (a reader sees the old file or the new one, as `atomic.write_bytes`)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            for piece in iter_report_json(fields):
                f.write(piece)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return path
