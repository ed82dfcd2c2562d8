"""Reading a corpus lazily: the client lists the files, the workers read them.

The client never holds the texts. It lists the corpus files exactly as `load_corpus` does,
hands groups of files to the workers, and receives from them only each file's document ids
and lines (or its error). With those it applies the loader's rules in the loader's order
(a bad or duplicate-id file is an error, or with `skip_bad` is skipped whole), and cuts the
accepted documents, sorted by id as `load_corpus` sorts them, into contiguous id ranges:
the partitions every later stage works on. So partition `p` holds documents
`order[start_p:end_p]` of the corpus the local engine would load.

A corpus larger than one machine's memory should be a folder of many files or JSONL shards:
a single file is read by one worker.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from consistency.corpus.load import SUFFIXES, _folder_files, _read_file, _skip_reason
from consistency.errors import InputError
from consistency.models import Document, Skipped


@dataclass(frozen=True)
class FilePlan:
    """The corpus files in the loader's order, and how messages name them."""

    given: str  # the path as the user gave it
    root: str  # the folder paths are relative to, absolute (workers may run elsewhere)
    shown_root: str  # the same folder as the user named it (for messages)
    is_dir: bool
    files: tuple[str, ...]  # posix paths relative to root, sorted

    def shown(self, rel: str) -> str:
        return str(Path(self.shown_root) / rel) if self.is_dir else self.given


def plan_files(path) -> FilePlan:
    """The files `load_corpus(path)` would read; InputError as it would raise."""
    given = Path(path)
    if not given.exists():
        raise InputError(str(path), "no such file or folder")
    if given.is_dir():
        root, files = given, _folder_files(given)
    else:
        root, files = given.parent, [PurePosixPath(given.name)]
    if not files:
        raise InputError(str(path), f"no corpus files in the folder (expected {' '.join(SUFFIXES)})")
    return FilePlan(str(path), str(root.resolve()), str(root), given.is_dir(), tuple(f.as_posix() for f in files))


@dataclass
class FileRead:
    """One file as read on a worker: its documents, or the error that stopped it."""

    rel: str
    documents: list[Document] = field(default_factory=list)
    error: tuple[str, str, int | None] | None = None  # InputError (path, problem, line)


def read_files(plan: FilePlan, rels: list[str], max_bytes: int) -> list[FileRead]:
    """Worker task: read a group of files."""
    out = []
    for rel in rels:
        try:
            out.append(FileRead(rel, _read_file(Path(plan.root) / rel, plan.shown(rel), rel, max_bytes)))
        except InputError as exc:  # exceptions with custom __init__ do not survive pickling
            out.append(FileRead(rel, error=(exc.path, exc.problem, exc.line)))
    return out


def file_ids(reads: list[FileRead]) -> list[tuple[str, list[tuple], tuple | None]]:
    """Worker task: what the client needs of a group of reads (no texts): per file, its
    documents' (id, line, date), or its error."""
    return [(r.rel, [(d.id, d.line, d.date) for d in r.documents], r.error) for r in reads]


def pick(reads: list[FileRead], accepted: frozenset[str], ids: frozenset[str]) -> list[Document]:
    """Worker task: the documents of accepted files whose id is in `ids`."""
    return [d for r in reads if r.rel in accepted for d in r.documents if d.id in ids]


def accept_files(plan: FilePlan, metas: list[tuple], skip_bad: bool) -> tuple[set[str], list[str], list[Skipped]]:
    """The loader's rules on file metadata in file order: (accepted files, sorted ids, skipped).

    Raises the InputError `load_corpus` would raise first."""
    seen: dict[str, tuple[str, int | None]] = {}
    accepted: set[str] = set()
    skipped: list[Skipped] = []
    by_rel = {m[0]: m for m in metas}
    for rel in plan.files:
        _, ids, error = by_rel[rel]
        try:
            if error is not None:
                raise InputError(*error)
            local: dict[str, tuple[str, int | None]] = {}
            for doc_id, line, _ in ids:
                first = seen.get(doc_id) or local.get(doc_id)
                if first is not None:
                    where = f"{first[0]}" + (f" line {first[1]}" if first[1] else "")
                    raise InputError(plan.shown(rel), f"duplicate document id {doc_id!r} (first in {where})", line=line)
                local[doc_id] = (rel, line)
        except InputError as exc:
            if not skip_bad:
                raise
            skipped.append(Skipped(path=rel, reason=_skip_reason(exc)))
            continue
        seen.update(local)
        accepted.add(rel)
    if not seen:
        first = f"{skipped[0].path}: {skipped[0].reason}"
        raise InputError(plan.given, f"no documents could be read ({len(skipped)} bad files skipped; first {first})")
    return accepted, sorted(seen), skipped


def group_files(plan: FilePlan, n_groups: int) -> list[list[str]]:
    """Files in `n_groups` groups of about equal bytes, each group a run of the sorted list."""
    sizes = [max(1, (Path(plan.root) / rel).stat().st_size) for rel in plan.files]
    target = sum(sizes) / max(1, n_groups)
    groups: list[list[str]] = [[]]
    filled = 0.0
    for rel, size in zip(plan.files, sizes):
        if groups[-1] and filled + size > target * 1.05 and len(groups) < n_groups:
            groups.append([])
            filled = 0.0
        groups[-1].append(rel)
        filled += size
    return groups


def id_ranges(n: int, per_partition: int) -> list[tuple[int, int]]:
    """Contiguous [start, end) ranges of the sorted documents."""
    size = max(1, per_partition)
    return [(i, min(n, i + size)) for i in range(0, n, size)]
