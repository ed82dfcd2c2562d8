"""The `st:<model>` backend: any sentence-transformers model, by hub name or local path.

Offline by default: the tool makes no network call at run time, so `HF_HUB_OFFLINE`
is set to 1 unless the user set it. A hub model must therefore already be in the local
Hugging Face cache (fetch it once with `HF_HUB_OFFLINE=0`), or be given as a folder.
For Arabic and English together pick a multilingual model, e.g.
`st:sentence-transformers/paraphrase-multilingual-MiniLM-L12-v2` (see docs/embeddings.md).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from importlib.util import find_spec
from pathlib import Path

import numpy as np

from consistency.embed.base import Progress, encode_batched, load_thresholds
from consistency.errors import ConfigError, MissingExtraError

BATCH_SIZE = 32


def check_available() -> None:
    """Raise MissingExtraError now if sentence-transformers is not installed."""
    if find_spec("sentence_transformers") is None:
        raise MissingExtraError("the st backend", "st")


def _folder_digest(folder: Path) -> str:
    """A digest of a local model's files (names, sizes, times): changes when the model does."""
    parts = []
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            stat = path.stat()
            parts.append(f"{path.relative_to(folder)}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


class STEmbedder:
    """`get_embedder("st:all-MiniLM-L6-v2")`; the model is loaded on first use."""

    def __init__(self, model: str, batch_size: int = BATCH_SIZE, device: str = "cpu"):
        if not model:
            raise ConfigError("st: needs a model name or path, e.g. st:all-MiniLM-L6-v2")
        self.model = model
        self.batch_size = batch_size
        self.device = device
        self.name = "st:" + model
        self._model = None

    @property
    def version(self) -> str:
        from importlib.metadata import version

        local = Path(self.model).expanduser()
        where = _folder_digest(local) if local.is_dir() else "hub"
        return f"sentence-transformers-{version('sentence-transformers')}-{where}"

    @property
    def thresholds(self) -> dict[str, float]:
        # calibration.toml keys models by the name a user types; a local copy of a
        # calibrated model (a folder named after it) shares its numbers
        try:
            return load_thresholds(self.name)
        except KeyError:
            pass
        return load_thresholds("st:" + Path(self.model.rstrip("/")).name)

    @property
    def dim(self) -> int:
        return int(self._load().get_embedding_dimension())

    def _load(self):
        if self._model is None:
            check_available()
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging as hf_logging

            # the tool prints nothing of its own on a library call: no weight-loading bar
            hf_logging.disable_progress_bar()

            local = Path(self.model).expanduser()
            source = str(local) if local.is_dir() else self.model
            try:
                self._model = SentenceTransformer(source, device=self.device)
            except (OSError, ValueError) as exc:
                raise ConfigError(
                    f"cannot load sentence-transformers model {self.model!r} offline: {exc}. "
                    "Give a local folder, or fetch it once with HF_HUB_OFFLINE=0."
                ) from exc
        return self._model

    def _encode_batch(self, batch: list[str]) -> np.ndarray:
        return self._load().encode(
            batch,
            batch_size=len(batch),
            convert_to_numpy=True,
            normalize_embeddings=True,
            show_progress_bar=False,
        )

    def encode(self, texts: Sequence[str], progress: Progress | None = None) -> np.ndarray:
        return encode_batched(texts, self._encode_batch, self.dim, self.batch_size, progress)
