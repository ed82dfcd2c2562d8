"""Claims held compactly between the stages that read them.

A `Claim` as a pydantic model costs about 4.2 KB (a model and a `Facets` of nine lists, each
with its own dict and field set); the same claim as compact JSON is about 0.6 KB. A corpus
of 100,000 documents has some 480,000 claims: 2 GB as models, 0.3 GB as JSON. The pipeline
keeps each document's claims as one JSON blob and makes them models again a document at a
time, when a batch of events or the report needs them.

    store = ClaimStore()
    store.put("doc-1", claims)            # claims in extraction order
    store.get("doc-1") == claims          # new, equal models
    for claim in store.claims(["doc-1", "doc-2"]): ...
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pydantic import TypeAdapter

from consistency.models import Claim, Report

_CLAIMS = TypeAdapter(list[Claim])


def dump_claims(claims: list[Claim]) -> bytes:
    """Claims as the compact JSON the store holds."""
    return _CLAIMS.dump_json(claims)


class ActorRef:
    """One claim's actor id, for `speakers.consolidate`, which reads and rewrites only that."""

    __slots__ = ("actor_id",)

    def __init__(self, actor_id: str | None):
        self.actor_id = actor_id


class ClaimStore:
    """Each document's claims as compact JSON, in the order they were put."""

    def __init__(self):
        self._blobs: dict[str, bytes] = {}
        self._sizes: dict[str, int] = {}

    def put(self, document_id: str, claims: list[Claim]) -> None:
        """Store (or replace) a document's claims."""
        self._blobs.pop(document_id, None)
        self._sizes.pop(document_id, None)
        if claims:
            self._blobs[document_id] = _CLAIMS.dump_json(claims)
            self._sizes[document_id] = len(claims)

    def put_blob(self, document_id: str, blob: bytes, size: int) -> None:
        """Store a document's claims given as `dump_claims` bytes (`size` claims)."""
        self._blobs[document_id] = blob
        self._sizes[document_id] = size

    def get(self, document_id: str) -> list[Claim]:
        """A document's claims as new models, in the order they were put ([] when none)."""
        blob = self._blobs.get(document_id)
        return _CLAIMS.validate_json(blob) if blob is not None else []

    def claims(self, document_ids: Iterable[str]) -> Iterator[Claim]:
        """The claims of these documents, a document at a time."""
        for document_id in document_ids:
            yield from self.get(document_id)

    def __len__(self) -> int:
        return sum(self._sizes.values())


class StoredReport:
    """A report whose claims stay in a `ClaimStore`: written to report.json a claim at a time
    (`write_json`, the bytes of `to_report().to_json()`), or made a whole `Report`."""

    def __init__(self, fields: dict, store: ClaimStore, document_ids: list[str]):
        self.fields = fields  # every field of `Report` but claims
        self.store = store
        self.document_ids = document_ids  # report order of the claims: their documents' order

    def claims(self) -> Iterator[Claim]:
        return self.store.claims(self.document_ids)

    def to_report(self) -> Report:
        return Report(**self.fields, claims=list(self.claims()))

    def quoted(self) -> Report:
        """The report with only the claims its discrepancies quote (enough for report.md)."""
        wanted = {q.claim_id for d in self.fields["discrepancies"] for side in d.sides for q in side.quotes}
        documents = sorted({q.document_id for d in self.fields["discrepancies"] for side in d.sides for q in side.quotes},
                           key={doc_id: i for i, doc_id in enumerate(self.document_ids)}.get)
        claims = [c for c in self.store.claims(documents) if c.id in wanted]
        return Report(**self.fields, claims=claims)

    def write_json(self, path):
        """Stream report.json to `path` (atomically); returns the path."""
        from consistency.render.json_stream import write_report_json

        return write_report_json({**self.fields, "claims": self.claims()}, path)
