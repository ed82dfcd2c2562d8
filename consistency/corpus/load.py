"""A corpus (a file or a folder) to documents.

Which files a folder contributes: every `*.txt *.md *.jsonl *.json *.csv` below it, visited in
sorted order of their relative paths, except
- hidden files and anything in a hidden folder (name starting with "."),
- anything under a folder named `reports` (the tool's own output),
- `gold.json`, `README*`, `LICENSE*`, `consistency.toml`, `pyproject.toml`, and files whose name
  starts with `gazetteer` or `baseline` (a corpus's annotations and settings, not documents).
Names are compared case-insensitively. A file given directly is always read, whatever its name.
Symbolic links to folders are not followed (no loops, nothing outside the corpus).

Every problem is an `InputError` naming the file (and line): missing path, no readable files,
empty, binary or undecodable file, file over `max_bytes`, malformed records, duplicate ids.
With `skip_bad=True` a bad file is left out and listed in `Corpus.skipped`, and the rest loads;
a file with a duplicate id is left out whole, so a file is either loaded or skipped.
Documents are sorted by id, so the same input always gives the same list.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from consistency.corpus.encoding import decode_bytes
from consistency.corpus.plaintext import read_plain
from consistency.corpus.records import Place
from consistency.corpus.structured import read_csv, read_json, read_jsonl
from consistency.errors import InputError
from consistency.models import Document, Skipped

SUFFIXES = (".txt", ".md", ".jsonl", ".json", ".csv")
_EXCLUDED_NAMES = ("gold.json", "consistency.toml", "pyproject.toml")
_EXCLUDED_PREFIXES = ("readme", "license", "gazetteer", "baseline")


@dataclass
class Corpus:
    """The documents of a corpus (sorted by id, ids unique) and the files left out."""

    documents: list[Document]
    skipped: list[Skipped] = field(default_factory=list)
    root: str = "."


def is_corpus_file(rel: PurePosixPath) -> bool:
    """Whether a file at `rel` (relative to the corpus folder) is read as documents."""
    name = rel.name.lower()
    if any(part.startswith(".") for part in rel.parts):
        return False
    if any(part.lower() == "reports" for part in rel.parts[:-1]):
        return False
    if name in _EXCLUDED_NAMES or name.startswith(_EXCLUDED_PREFIXES):
        return False
    return rel.suffix.lower() in SUFFIXES


def _folder_files(folder: Path) -> list[PurePosixPath]:
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        base = PurePosixPath(Path(dirpath).relative_to(folder).as_posix())
        found.extend(base / name for name in filenames)
    return sorted(rel for rel in found if is_corpus_file(rel))


def _read_file(file: Path, shown: str, rel: str, max_bytes: int) -> list[Document]:
    try:
        if not file.is_file():  # a FIFO or device would block or never end
            raise InputError(shown, "not a regular file")
        size = file.stat().st_size
        if size > max_bytes:
            raise InputError(shown, f"file is {size:,} bytes, over the limit of {max_bytes:,} bytes")
        data = file.read_bytes()
    except OSError as exc:
        raise InputError(shown, f"cannot read the file: {exc.strerror or exc}") from None
    suffix = file.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(shown, f"unsupported file type {suffix or '(none)'!r} (expected {' '.join(SUFFIXES)})")
    text = decode_bytes(shown, data)
    place = Place(shown, rel, None, None)
    stem = file.stem
    if suffix == ".jsonl":
        return read_jsonl(text, place, stem)
    if suffix == ".json":
        return read_json(text, place, stem)
    if suffix == ".csv":
        return read_csv(text, place, stem)
    return read_plain(text, place, stem, markdown=suffix == ".md")


def _check_ids(docs: list[Document], seen: dict[str, Document], shown: str) -> None:
    local: dict[str, Document] = {}
    for doc in docs:
        first = seen.get(doc.id) or local.get(doc.id)
        if first is not None:
            where = f"{first.path}" + (f" line {first.line}" if first.line else "")
            raise InputError(shown, f"duplicate document id {doc.id!r} (first in {where})", line=doc.line)
        local[doc.id] = doc


def _skip_reason(error: InputError) -> str:
    return f"line {error.line}: {error.problem}" if error.line is not None else error.problem


def load_corpus(path: str | os.PathLike, *, skip_bad: bool = False, max_bytes: int = 50_000_000) -> Corpus:
    """Read every document of the corpus at `path` (a file or a folder)."""
    given = Path(path)
    if not given.exists():
        raise InputError(str(path), "no such file or folder")
    if given.is_dir():
        root, files = given, _folder_files(given)
    else:
        root, files = given.parent, [PurePosixPath(given.name)]
    if not files:
        raise InputError(str(path), f"no corpus files in the folder (expected {' '.join(SUFFIXES)})")
    seen: dict[str, Document] = {}
    skipped: list[Skipped] = []
    for rel in files:
        shown = str(root / rel) if given.is_dir() else str(path)
        try:
            docs = _read_file(root / rel, shown, rel.as_posix(), max_bytes)
            _check_ids(docs, seen, shown)
        except InputError as error:
            if not skip_bad:
                raise
            skipped.append(Skipped(path=rel.as_posix(), reason=_skip_reason(error)))
            continue
        seen.update((doc.id, doc) for doc in docs)
    if not seen:
        first = f"{skipped[0].path}: {skipped[0].reason}"
        raise InputError(str(path), f"no documents could be read ({len(skipped)} bad files skipped; first {first})")
    documents = sorted(seen.values(), key=lambda doc: doc.id)
    return Corpus(documents=documents, skipped=skipped, root=root.as_posix())
