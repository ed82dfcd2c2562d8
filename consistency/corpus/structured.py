"""Record files to documents: `.jsonl`, `.json` and `.csv`.

- `.jsonl`: one JSON object a line; blank lines allowed. `line` and `text_line` are the
  record's line.
- `.json`: one object, a list of objects, or `{"documents": [...]}`. `line` is the line where
  each object starts.
- `.csv`: a header row, then one document a row; a `text` column is required (header names
  are matched case-insensitively); the delimiter is `,`, `;`, tab or `|`, whichever splits the
  header into a `text` column with the most columns; quoting is strict (a stray quote is
  an error rather than a silently garbled text). `line` is the row's first line.

Fields other than `id source source_type date language title text url` are ignored: scrapers
add their own, and that is not a mistake in the file. Parser exceptions (JSON, CSV, nesting
too deep) become InputError naming the file and line.
"""

from __future__ import annotations

import csv
import io
import json

from consistency.corpus.records import Place, make_document
from consistency.errors import InputError
from consistency.models import Document

_DELIMITERS = (",", ";", "\t", "|")
_WHITESPACE = " \t\n\r"


def _documents(records: list[tuple[object, int | None]], place: Place, stem: str) -> list[Document]:
    if not records:
        raise InputError(place.path, "no records in the file")
    docs = []
    for number, (record, line) in enumerate(records, start=1):
        at = Place(place.path, place.rel, line, line)
        if not isinstance(record, dict):
            raise InputError(place.path, f"record {number} is not a JSON object", line=line)
        default_id = stem if len(records) == 1 else f"{stem}-{number}"
        docs.append(make_document(record, at, default_id))
    return docs


def read_jsonl(text: str, place: Place, stem: str) -> list[Document]:
    records: list[tuple[object, int | None]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            records.append((json.loads(line), number))
        except (ValueError, RecursionError) as exc:
            raise InputError(place.path, f"malformed JSON line: {_reason(exc)}", line=number) from None
    return _documents(records, place, stem)


def _reason(exc: Exception) -> str:
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    return getattr(exc, "msg", None) or str(exc)


def _skip_ws(text: str, i: int) -> int:
    while i < len(text) and text[i] in _WHITESPACE:
        i += 1
    return i


def _element_starts(text: str, i: int) -> list[int] | None:
    """Offsets where each element of the JSON array opening at `i` starts."""
    decoder = json.JSONDecoder()
    starts: list[int] = []
    i = _skip_ws(text, i + 1)
    while i < len(text) and text[i] != "]":
        starts.append(i)
        _, i = decoder.raw_decode(text, i)
        i = _skip_ws(text, i)
        if i < len(text) and text[i] == ",":
            i = _skip_ws(text, i + 1)
    return starts


def _documents_array(text: str, i: int) -> int | None:
    """Offset of the `[` of the top-level "documents" member of the object opening at `i`."""
    decoder = json.JSONDecoder()
    i = _skip_ws(text, i + 1)
    while i < len(text) and text[i] == '"':
        key, i = decoder.raw_decode(text, i)
        i = _skip_ws(text, _skip_ws(text, i) + 1)  # past the ':'
        if key == "documents":
            return i
        _, i = decoder.raw_decode(text, i)
        i = _skip_ws(text, i)
        if i < len(text) and text[i] == ",":
            i = _skip_ws(text, i + 1)
    return None


def _line_numbers(text: str, offsets: list[int]) -> list[int | None]:
    """1-based line of each ascending offset, counting each stretch of text once."""
    lines: list[int | None] = []
    line, at = 1, 0
    for offset in offsets:
        line += text.count("\n", at, offset)
        at = offset
        lines.append(line)
    return lines


def read_json(text: str, place: Place, stem: str) -> list[Document]:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise InputError(place.path, f"malformed JSON: {_reason(exc)}", line=getattr(exc, "lineno", None)) from None
    start = _skip_ws(text, 0)
    if isinstance(data, dict) and isinstance(data.get("documents"), list):
        items, array_at = data["documents"], _documents_array(text, start)
    elif isinstance(data, list):
        items, array_at = data, start
    else:
        return _documents([(data, text.count("\n", 0, start) + 1)], place, stem)
    # The parse above succeeded, so walking the same text again cannot fail.
    starts = _element_starts(text, array_at) if array_at is not None else None
    if starts is None or len(starts) != len(items):
        lines: list[int | None] = [None] * len(items)
    else:
        lines = _line_numbers(text, starts)
    return _documents(list(zip(items, lines)), place, stem)


def _delimiter(header_line: str) -> str:
    def columns(delimiter: str) -> list[str]:
        return [c.strip().strip('"').strip().lower() for c in header_line.split(delimiter)]

    with_text = [d for d in _DELIMITERS if "text" in columns(d)]
    return max(with_text, key=lambda d: len(columns(d))) if with_text else ","


def read_csv(text: str, place: Place, stem: str) -> list[Document]:
    # A long article is one field; the csv module's default cap (128 KiB) would reject it.
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text.split("\n", 1)[0]), strict=True)
    rows: list[tuple[object, int | None]] = []
    try:
        header = [name.strip().lower() for name in next(reader)]
        if "text" not in header:
            shown = ", ".join(repr(h) for h in header)
            raise InputError(place.path, f"CSV has no 'text' column (columns: {shown})", line=1)
        start = reader.line_num + 1
        for row in reader:
            if any(cell.strip() for cell in row):
                if len(row) > len(header):
                    problem = f"row has {len(row)} fields but the header has {len(header)}"
                    raise InputError(place.path, problem, line=start)
                rows.append((dict(zip(header, row)), start))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise InputError(place.path, f"malformed CSV: {exc}", line=reader.line_num or None) from None
    return _documents(rows, place, stem)
