"""A `.txt` or `.md` file to one document.

With YAML front matter (a first line `---`, keys, a closing `---`): the keys are
`id source source_type date language title url`, each read as the string written (the YAML
node is composed, not constructed, so `language: no` stays "no" and dates stay as written); an unknown key is
an error (a typo in a hand-written file should not be ignored). The body is the text.

Without it, the seed layout: the first non-empty line may be a date (any form `parse_date`
reads) and the next non-empty line a headline (the title, if under 20 words); the body follows. When the first
line is not a date, it is the title only if it is short (under 20 words) and followed by a
blank line, with a body after it; otherwise the whole file is the text. In `.md`, a headline's
leading `#` marks are dropped from the title.

`Document.text` is the body from its first non-blank line, trailing whitespace removed;
`text_line` is the 1-based line where it starts, `line` is 1.
"""

from __future__ import annotations

import yaml

from consistency.corpus.dates import parse_date
from consistency.corpus.records import FIELDS, Place, make_document
from consistency.errors import InputError
from consistency.models import Document

FRONT_MATTER_KEYS = tuple(name for name in FIELDS if name != "text")
_TITLE_MAX_WORDS = 20


def _front_matter(place: Place, lines: list[str]) -> tuple[dict[str, str], int]:
    """The header fields and the 0-based index of the first body line."""
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        raise InputError(place.path, "front matter opened with '---' is never closed", line=1)
    block = "\n".join(lines[1:end])
    try:
        node = yaml.compose(block, Loader=yaml.SafeLoader)
    except (yaml.YAMLError, RecursionError) as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        raise InputError(place.path, f"front matter is not valid YAML: {getattr(exc, 'problem', exc)}", line=line) from None
    fields: dict[str, str] = {}
    if node is None:
        return fields, end + 1
    if not isinstance(node, yaml.MappingNode):
        raise InputError(place.path, "front matter must be 'key: value' lines", line=2)
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 2  # +1 for 1-based, +1 for the opening '---'
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if key not in FRONT_MATTER_KEYS:
            allowed = ", ".join(FRONT_MATTER_KEYS)
            raise InputError(place.path, f"unknown front-matter key {key!r} (allowed: {allowed})", line=line)
        if not isinstance(value_node, yaml.ScalarNode):
            raise InputError(place.path, f"front-matter key '{key}' must have a single text value", line=line)
        if not value_node.tag.endswith(":null"):
            fields[key] = value_node.value
    return fields, end + 1


def _next_filled(lines: list[str], start: int) -> int | None:
    return next((i for i in range(start, len(lines)) if lines[i].strip()), None)


def _title_text(line: str, markdown: bool) -> str:
    line = line.strip()
    return line.lstrip("#").strip() if markdown else line


def _seed_layout(lines: list[str], markdown: bool) -> tuple[dict[str, str], int]:
    """Date and title from the first lines, and the index of the first body line."""
    first = _next_filled(lines, 0)
    assert first is not None  # decode_bytes rejects blank files
    fields: dict[str, str] = {}
    date = parse_date(lines[first].strip())
    if date is not None:
        fields["date"] = date
        title_at = _next_filled(lines, first + 1)
        body_at = _next_filled(lines, title_at + 1) if title_at is not None else None
        if body_at is None:  # a date and one paragraph: that paragraph is the text
            return fields, title_at if title_at is not None else first
        if len(lines[title_at].split()) >= _TITLE_MAX_WORDS:  # a lead paragraph, not a headline
            return fields, title_at
        fields["title"] = _title_text(lines[title_at], markdown)
        return fields, body_at
    body_at = _next_filled(lines, first + 1)
    short = len(lines[first].split()) < _TITLE_MAX_WORDS
    blank_after = first + 1 < len(lines) and not lines[first + 1].strip()
    if short and blank_after and body_at is not None:
        fields["title"] = _title_text(lines[first], markdown)
        return fields, body_at
    return fields, first


def read_plain(text: str, place: Place, stem: str, markdown: bool) -> list[Document]:
    """The one document of a text file (front matter or seed layout)."""
    lines = text.split("\n")
    if lines[0].strip() == "---":
        fields, body_at = _front_matter(place, lines)
        body_at = _next_filled(lines, body_at)
        if body_at is None:
            raise InputError(place.path, "no text after the front matter")
    else:
        fields, body_at = _seed_layout(lines, markdown)
    body = "\n".join(lines[body_at:]).rstrip()
    record = dict(fields, text=body)
    place = Place(place.path, place.rel, 1, body_at + 1)
    return [make_document(record, place, default_id=stem)]
