"""One record (a JSON object, a CSV row, a front-matter header) to a `models.Document`.

Record fields: `id source source_type date language title text url`; only `text` is required.
Empty strings count as absent. Line endings in `text` become "\n" as in files. The language
is kept as its primary subtag, lowercase ("ar-IQ" → "ar", also "Arabic" → "ar"). The date is read by `parse_date` (an unreadable one is an
error, so a typo never silently drops a date); the language, when absent, is detected.

Ids: the record's own id, else the file stem for a file that holds one document, else
`<stem>-<n>` with `n` the 1-based record number. Every id is slugified to `[a-z0-9-]`:
lowercase, accents dropped, other runs of characters become "-". Letters that have no ASCII
form (Arabic, for instance) are dropped too, and a short hash of the original name is
appended, so `تقرير-بغداد` gives a stable `doc-<8 hex>` and two different Arabic names never
collide; `ap-2024-01-04` is unchanged.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from consistency.corpus.dates import parse_date
from consistency.corpus.language import detect_language
from consistency.errors import InputError
from consistency.models import Document

FIELDS = ("id", "source", "source_type", "date", "language", "title", "text", "url")
_NON_SLUG = re.compile(r"[^a-z0-9]+")
# Language names people put in a language field instead of a code.
_LANGUAGE_NAMES = {"arabic": "ar", "english": "en", "عربي": "ar", "العربية": "ar", "الإنجليزية": "en"}


def slugify(name: str) -> str:
    """A stable `[a-z0-9-]` id for `name` (see the module docstring)."""
    decomposed = unicodedata.normalize("NFKD", name)
    ascii_only = "".join(ch for ch in decomposed if ord(ch) < 128).lower()
    slug = _NON_SLUG.sub("-", ascii_only).strip("-")
    lost = any(ch.isalnum() and ord(ch) >= 128 and not unicodedata.combining(ch) for ch in decomposed)
    if lost or not slug:
        digest = hashlib.sha1(unicodedata.normalize("NFC", name).encode("utf-8")).hexdigest()[:8]
        slug = f"{slug or 'doc'}-{digest}"
    return slug


@dataclass(frozen=True)
class Place:
    """Where a record is: the file as named in messages, its corpus-relative path, its line."""

    path: str  # as shown in error messages
    rel: str  # posix path relative to the corpus root (Document.path)
    line: int | None
    text_line: int | None


def _field(place: Place, record: dict, name: str) -> str | None:
    value = record.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise InputError(place.path, f"field '{name}' must be text, got {type(value).__name__}", line=place.line)
    value = str(value).strip()
    return value or None


def _text(place: Place, record: dict) -> str:
    if "text" not in record or record["text"] is None:
        raise InputError(place.path, "record has no 'text' field", line=place.line)
    text = record["text"]
    if not isinstance(text, str):
        raise InputError(place.path, f"'text' must be a string, got {type(text).__name__}", line=place.line)
    if not text.strip():
        raise InputError(place.path, "record has an empty 'text'", line=place.line)
    return text


def _language_code(value: str | None) -> str | None:
    """"AR", "ar-IQ", "en_US", "Arabic" → "ar" / "en": the primary subtag, lowercase."""
    if not value:
        return None
    value = value.strip().lower()
    return _LANGUAGE_NAMES.get(value) or re.split(r"[-_]", value)[0] or None


_SURROGATE = re.compile("[\ud800-\udfff]")


def _clean(value: str | None) -> str | None:
    """A lone surrogate (a JSON "\\ud800" escape) is no character: U+FFFD takes its place, so
    the text can be written out again."""
    return _SURROGATE.sub("\ufffd", value) if value else value


def make_document(record: dict, place: Place, default_id: str) -> Document:
    """The document a record describes; InputError naming `place` when it is not valid."""
    text = _text(place, record)
    fields = {name: _field(place, record, name) for name in FIELDS if name != "text"}
    raw_date = fields["date"]
    date = parse_date(raw_date) if raw_date else None
    if raw_date and date is None:
        raise InputError(place.path, f"cannot parse date {raw_date!r}", line=place.line)
    text = _clean(text.replace("\r\n", "\n").replace("\r", "\n"))
    fields = {name: _clean(value) for name, value in fields.items()}
    language = _language_code(fields["language"]) or detect_language(text)
    return Document(
        id=slugify(fields["id"] or default_id),
        source=fields["source"],
        source_type=fields["source_type"],
        date=date,
        language=language,
        title=fields["title"],
        url=fields["url"],
        text=text,
        path=place.rel,
        line=place.line,
        text_line=place.text_line,
    )
