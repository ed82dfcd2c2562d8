"""A deterministic stand-in embedder for unit tests: no model, no randomness across runs.

Each word gets a fixed pseudo-random vector derived from its sha256; a text is the
normalised sum of its words' vectors. Texts that share words are therefore close and
texts with no word in common are near-orthogonal (for a large enough `dim`).

>>> emb = FakeEmbedder(dim=16)
>>> v = emb.encode(["two people killed", "two people were killed", "markets rose"])
>>> bool(v[0] @ v[1] > v[0] @ v[2])
True
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from consistency.embed.base import Progress, check_texts, l2_normalise, load_thresholds

_WORD = re.compile(r"\w+")


class FakeEmbedder:
    """Hash-based bag-of-words vectors; `FakeEmbedder(dim=16)`."""

    version = "fake-1"

    def __init__(self, dim: int = 16):
        self.dim = dim
        self.name = "fake" if dim == 16 else f"fake:{dim}"

    @property
    def thresholds(self) -> dict[str, float]:
        return load_thresholds("fake")

    def encode(self, texts: Sequence[str], progress: Progress | None = None) -> np.ndarray:
        texts = check_texts(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            words = _WORD.findall(text.casefold())
            if not words:
                # an empty text still needs a unit vector: the same fixed one every time
                out[i, 0] = 1.0
                continue
            for word in words:
                out[i] += _word_vector(word, self.dim)
        if progress is not None:
            progress(len(texts), len(texts))
        out = l2_normalise(out)
        # a sum that cancels to zero (vanishingly rare) falls back to the empty-text vector
        out[np.linalg.norm(out, axis=1) < 0.5, 0] = 1.0
        return out


@lru_cache(maxsize=65536)
def _word_vector(word: str, dim: int) -> np.ndarray:
    seed = int.from_bytes(hashlib.sha256(word.encode("utf-8", "surrogatepass")).digest()[:8], "big")
    return np.random.default_rng(seed).standard_normal(dim).astype(np.float32)
