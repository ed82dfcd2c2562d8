"""A report as JSONL shards plus an index: for reports too large to hold as one JSON text.

    folder/index.json                 everything but the three long lists, and where they are
    folder/documents-00000.jsonl      one `Document` per line, in report order
    folder/claims-00000.jsonl         one `Claim` per line
    folder/discrepancies-00000.jsonl  one `Discrepancy` per line

`index.json` holds `format` ("consistency-report-shards"), `format_version`, the report's
`schema_version`, `tool`, `created_from`, `actors`, `events`, `revisions`, `skipped`,
`counts` (documents, claims, discrepancies) and `shards` (the file names of each list, in
order). Concatenating the shards of a list gives the list of report.json, so
`read_report_shards` returns a `Report` equal to the one written. Each line is the model's
compact JSON (`model_dump_json()`), so a shard can be read with any JSONL tool.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from consistency.atomic import write_text
from consistency.errors import InputError
from consistency.models import Report

FORMAT = "consistency-report-shards"
FORMAT_VERSION = 1
LISTS = ("documents", "claims", "discrepancies")
_HEADER = ("schema_version", "tool", "created_from", "actors", "events", "revisions", "skipped")


class _ShardWriter:
    def __init__(self, folder: Path, name: str, per_shard: int):
        self.folder, self.name, self.per_shard = folder, name, per_shard
        self.files: list[str] = []
        self.count = 0
        self._lines: list[str] = []

    def add(self, items: Iterable) -> None:
        for item in items:
            self._lines.append(item.model_dump_json())
            self.count += 1
            if len(self._lines) >= self.per_shard:
                self.flush()

    def flush(self) -> None:
        if self._lines:
            name = f"{self.name}-{len(self.files):05d}.jsonl"
            write_text(self.folder / name, "\n".join(self._lines) + "\n")
            self.files.append(name)
            self._lines = []


def write_shards(folder, header: Report | dict, parts: Iterable[tuple[list, list]], discrepancies: Iterable,
                 per_shard: int = 10_000) -> Path:
    """Write the shards from `(documents, claims)` pieces as they come (a partition at a time)
    and the index last; `header` gives the other fields. Returns the index path."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    writers = {name: _ShardWriter(folder, name, per_shard) for name in LISTS}
    for documents, claims in parts:
        writers["documents"].add(documents)
        writers["claims"].add(claims)
    writers["discrepancies"].add(discrepancies)
    for w in writers.values():
        w.flush()
    data = header.model_dump(mode="json", include=set(_HEADER)) if isinstance(header, Report) else header
    index = {"format": FORMAT, "format_version": FORMAT_VERSION, **{k: data[k] for k in _HEADER},
             "counts": {name: w.count for name, w in writers.items()},
             "shards": {name: w.files for name, w in writers.items()}}
    path = folder / "index.json"
    write_text(path, json.dumps(index, ensure_ascii=False, indent=2) + "\n")
    return path


def write_report_shards(report: Report, folder, per_shard: int = 10_000) -> Path:
    """`report` as shards in `folder` (see the module docstring); returns the index path."""
    return write_shards(folder, report, [(report.documents, report.claims)], report.discrepancies, per_shard)


def read_report_shards(folder) -> Report:
    """The `Report` a shard folder holds (the whole report in memory)."""
    folder = Path(folder)
    index_path = folder / "index.json"
    try:
        index = json.loads(index_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(str(index_path), f"cannot read the shard index: {exc}") from None
    if index.get("format") != FORMAT:
        raise InputError(str(index_path), f"not a report shard index (format {index.get('format')!r})")
    data = {k: index[k] for k in _HEADER}
    for name in LISTS:
        items = []
        for file in index["shards"][name]:
            with open(folder / file, encoding="utf-8") as lines:
                items.extend(json.loads(line) for line in lines if line.strip())
        if len(items) != index["counts"][name]:
            raise InputError(str(folder), f"{name}: the index counts {index['counts'][name]}, the shards hold {len(items)}")
        data[name] = items
    return Report.model_validate(data)
