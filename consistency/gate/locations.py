"""Where each side of a finding is written: file, line and column of its quoted spans.

Spans index `Document.text`. A document read from a `.txt`/`.md` file starts at
`Document.text_line`, so a span's line is that plus the newlines before its start. A text
held inside a JSON or CSV record is escaped on one line (or quoted over several), so its
spans are located at the record's line, without a column.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import PurePath

from consistency.models import Claim, Document, Report, Side

_RECORD_SUFFIXES = {".jsonl", ".json", ".csv"}


@dataclass(frozen=True)
class Location:
    document_id: str
    path: str | None  # relative to where `consistency check` ran (the corpus as given + Document.path)
    line: int | None
    column: int | None  # 1-based, in characters (Unicode code points)
    end_line: int | None
    end_column: int | None
    quote: str
    context: str = ""  # the claim's sentence, when the quote is only part of it (a figure)


class Locator:
    """Finds the locations of sides in one report read from `corpus_root`."""

    def __init__(self, report: Report, corpus_root: str | None = None):
        self.documents: dict[str, Document] = {d.id: d for d in report.documents}
        self.claims: dict[str, Claim] = {c.id: c for c in report.claims}
        self.corpus_root = corpus_root

    def side(self, side: Side) -> list[Location]:
        """One location per quote of `side` (its claims' spans when it carries no quotes)."""
        spans = [(q.document_id, q.span, q.text, self._context(q.claim_id, q.text)) for q in side.quotes]
        if not spans:
            for claim_id in side.claim_ids:
                claim = self.claims.get(claim_id)
                if claim is not None:
                    spans.append((claim.document_id, claim.span, claim.text, ""))
        if not spans:
            spans = [(doc_id, None, "", "") for doc_id in side.document_ids]
        return [self._locate(*span) for span in spans]

    def _context(self, claim_id: str, quote: str) -> str:
        claim = self.claims.get(claim_id)
        if claim is None or " ".join(claim.text.split()) == " ".join(quote.split()):
            return ""
        return claim.text

    def path_of(self, document: Document | None) -> str | None:
        if document is None or document.path is None:
            return None
        root = self.corpus_root
        if root is None:
            return document.path
        # A corpus given as one file: Document.path is that file's own name.
        if PurePath(root).name == document.path and PurePath(root).suffix:
            return PurePath(root).as_posix()
        joined = posixpath.normpath(posixpath.join(PurePath(root).as_posix(), document.path))
        return joined.removeprefix("./")

    def _locate(self, doc_id: str, span: tuple[int, int] | None, quote: str, context: str) -> Location:
        document = self.documents.get(doc_id)
        path = self.path_of(document)
        if document is None or span is None:
            line = (document.text_line or document.line) if document is not None else None
            return Location(doc_id, path, line, None, None, None, quote, context)
        first = document.text_line or document.line or 1
        if document.path and PurePath(document.path).suffix.lower() in _RECORD_SUFFIXES:
            line = document.line or first
            return Location(doc_id, path, line, None, None, None, quote, context)
        start, end = span
        line, column = _line_column(document.text, start, first)
        end_line, end_column = _line_column(document.text, end, first)
        return Location(doc_id, path, line, column, end_line, end_column, quote, context)


def _line_column(text: str, offset: int, first_line: int) -> tuple[int, int]:
    offset = max(0, min(offset, len(text)))
    before = text[:offset]
    line_start = before.rfind("\n") + 1
    return first_line + before.count("\n"), offset - line_start + 1
