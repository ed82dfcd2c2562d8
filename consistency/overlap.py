"""Extraction beside the embedding: documents' claims extracted in a forked worker process
while the parent embeds the documents' leads.

Extraction is pure Python and holds the GIL, so a thread would not run beside the embedder
(whose numpy glue needs the GIL between its matrix products); a process does. The worker
extracts in corpus order with the resolver it inherited, exactly as the parent would, and
sends each document's claims as compact JSON (`ClaimStore`), a chunk of documents at a
time; a thread of the parent receives them while its main thread embeds. The worker sends
the resolver's actors last. Same bytes as extracting in the parent
(tests/test_pipeline_overlap.py).

    job = ExtractionProcess(documents, resolver, window, store, progress).start()
    vectors = embedder.encode(leads)           # meanwhile
    refs, recalled, actors = job.join()

While the worker runs, an embedder that can (`set_threads`, the USE backend) is given one
BLAS thread: two would spin waiting for each other whenever the worker holds a core (the
leads of 10,000 documents took 80 s that way, against 36 s alone), and the vectors are the
same bit for bit whatever the thread count. It gets its threads back as soon as the worker
is done.

`Forked` runs one function in a forked worker the same way: the pipeline groups and compares
each batch of clusters in one while it embeds the next batch.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import threading
import traceback

from consistency.claimstore import ActorRef, ClaimStore, dump_claims
from consistency.extract.claims import extract_claims
from consistency.extract.doctext import DocText
from consistency.group.timing import recalled_days

CHUNK = 32  # documents a message


def extract_document(document, resolver, window: int):
    """(claims, recalled days or None) of one document, as the pipeline extracts it."""
    # a prepared text (normalised form, its index, tokens, numbers) is several times the size
    # of the text: it serves this document's extraction and is dropped, so memory does not
    # grow with the corpus; later reads prepare it again
    text = DocText(document.text, document.language)
    claims = extract_claims(document, resolver, text)
    days = recalled_days([document], {document.id: text}, window)
    return claims, (days[0] if days else None)


def can_fork() -> bool:
    # Linux only: on macOS a fork after the BLAS or system libraries started threads may crash
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def _worker(conn, documents, resolver, window: int) -> None:
    try:
        chunk = []
        for i, document in enumerate(documents):
            claims, days = extract_document(document, resolver, window)
            chunk.append((i, dump_claims(claims) if claims else None, [c.actor_id for c in claims], days))
            if len(chunk) >= CHUNK:
                conn.send(("documents", chunk))
                chunk = []
        conn.send(("documents", chunk))
        conn.send(("actors", resolver.actors()))
    except BaseException:  # noqa: BLE001 - the parent raises it
        try:
            conn.send(("error", traceback.format_exc()))
        except Exception:  # noqa: BLE001 - the parent sees the pipe closed
            pass
    finally:
        conn.close()
        os._exit(0)  # no atexit handlers, no flushing of buffers inherited from the parent


class ExtractionProcess:
    """Every document's claims extracted in a forked process, into `store`."""

    def __init__(self, documents, resolver, window: int, store: ClaimStore, progress, on_finish=None):
        self.documents, self.resolver, self.window = documents, resolver, window
        self.store, self.progress = store, progress
        self.on_finish = on_finish  # called (in the reading thread) once the worker is done
        self.refs: list[ActorRef] = []
        self.recalled: dict[int, list] = {}
        self.actors = None
        self.error: str | None = None

    def start(self) -> ExtractionProcess:
        ctx = multiprocessing.get_context("fork")
        receive, send = ctx.Pipe(duplex=False)
        self._process = ctx.Process(target=_worker, args=(send, self.documents, self.resolver, self.window),
                                    daemon=True)
        self._process.start()
        send.close()
        self._reader = threading.Thread(target=self._read, args=(receive,), daemon=True)
        self._reader.start()
        return self

    def _read(self, conn) -> None:
        total, done = len(self.documents), 0
        try:
            while True:
                kind, payload = conn.recv()
                if kind == "documents":
                    for i, blob, actor_ids, days in payload:
                        if blob is not None:
                            self.store.put_blob(self.documents[i].id, blob, len(actor_ids))
                        self.refs.extend(ActorRef(a) for a in actor_ids)
                        if days is not None:
                            self.recalled[i] = days
                    done += len(payload)
                    self.progress("extract", done, total)
                elif kind == "actors":
                    self.actors = payload
                    return
                else:
                    self.error = payload
                    return
        except EOFError:
            self.error = "the extraction process ended without its results"
        finally:
            conn.close()
            if self.on_finish is not None:
                self.on_finish()

    def join(self):
        """(actor refs of every claim in corpus order, recalled days, the resolver's actors)."""
        try:
            self._reader.join()
        finally:
            if self._process.is_alive() and self.actors is None:
                self._process.terminate()
            self._process.join()
        if self.actors is None:
            raise RuntimeError(f"extraction failed in its worker process:\n{self.error}")
        return self.refs, self.recalled, self.actors


def _run_forked(conn, fn) -> None:
    # a collection would walk (and so copy) every page of objects shared with the parent;
    # the worker lives for one batch
    gc.disable()
    try:
        conn.send(("result", fn()))
    except BaseException:  # noqa: BLE001 - the parent raises it
        try:
            conn.send(("error", traceback.format_exc()))
        except Exception:  # noqa: BLE001 - the parent sees the pipe closed
            pass
    finally:
        conn.close()
        os._exit(0)


class Forked:
    """`fn()` run in a forked process (which sees the parent's memory as it was), its picklable
    result received by a thread of the parent; `on_finish` is called there when it arrives.
    The pipeline compares a batch's events this way while it embeds the next batch."""

    def __init__(self, fn, on_finish=None):
        self.fn, self.on_finish = fn, on_finish
        self._result, self._error = None, None

    def start(self) -> Forked:
        ctx = multiprocessing.get_context("fork")
        receive, send = ctx.Pipe(duplex=False)
        self._process = ctx.Process(target=_run_forked, args=(send, self.fn), daemon=True)
        self._process.start()
        send.close()
        self._reader = threading.Thread(target=self._read, args=(receive,), daemon=True)
        self._reader.start()
        return self

    def _read(self, conn) -> None:
        try:
            kind, payload = conn.recv()
            if kind == "result":
                self._result = (payload,)
            else:
                self._error = payload
        except EOFError:
            self._error = "the worker process ended without its result"
        finally:
            conn.close()
            if self.on_finish is not None:
                self.on_finish()

    def result(self):
        try:
            self._reader.join()
        finally:
            if self._process.is_alive() and self._result is None:
                self._process.terminate()
            self._process.join()
        if self._result is None:
            raise RuntimeError(f"a worker process failed:\n{self._error}")
        return self._result[0]
