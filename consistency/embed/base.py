"""The `Embedder` protocol and the helpers every backend shares.

Backends embed each *distinct* text once, in a canonical order (sorted by length, then by
text) and in fixed-size batches, then scatter the rows back to the caller's order. So the
result does not depend on the order of the input or on duplicates: `encode([a, b])` is
`encode([b, a])` with its rows swapped, byte for byte.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Sequence
from functools import cache
from importlib import resources
from typing import Protocol, runtime_checkable

import numpy as np

Progress = Callable[[int, int], None]


@runtime_checkable
class Embedder(Protocol):
    """What the pipeline needs from an embedding backend.

    `encode` returns a float32 array of shape (len(texts), dim) whose rows have unit L2
    norm; the same text always gives the same row. `thresholds` holds the backend's
    calibrated cosines (`same_event`, `same_aspect`). Every backend here also has
    `version`, naming the model build so that a cache never mixes vectors of two builds;
    an embedder written elsewhere may leave it out (the cache then keys by name only).
    """

    name: str

    @property
    def dim(self) -> int: ...

    @property
    def thresholds(self) -> dict[str, float]: ...

    def encode(self, texts: Sequence[str], progress: Progress | None = None) -> np.ndarray: ...


def check_texts(texts: Sequence[str]) -> list[str]:
    """The texts as a list of str; a bare string is a mistake (it would embed characters)."""
    if isinstance(texts, (str, bytes)):
        raise TypeError("encode() takes a sequence of texts, not a single string")
    out = list(texts)
    for i, text in enumerate(out):
        if not isinstance(text, str):
            raise TypeError(f"text {i} is {type(text).__name__}, not str")
    return out


def clean_text(text: str) -> str:
    """Text every backend can take: lone surrogates replaced, NUL (a C string end) dropped."""
    return text.encode("utf-8", "replace").decode("utf-8").replace("\x00", " ")


def l2_normalise(matrix: np.ndarray) -> np.ndarray:
    """Rows scaled to unit norm, in float32; a zero row stays zero (callers avoid them)."""
    matrix = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    np.maximum(norms, np.float32(1e-12), out=norms)
    return (matrix / norms).astype(np.float32, copy=False)


def canonical_order(texts: Sequence[str]) -> tuple[list[str], np.ndarray]:
    """Distinct texts sorted by (length, text), and for each input the row it maps to.

    Sorting by length keeps padding and token budgets tight inside a batch; sorting by
    the text itself breaks ties so the batches depend only on the set of texts.
    """
    unique = sorted(set(texts), key=lambda t: (len(t), t))
    position = {text: i for i, text in enumerate(unique)}
    return unique, np.fromiter((position[t] for t in texts), dtype=np.int64, count=len(texts))


class Scatter:
    """Puts the vector of each distinct text at every row where the caller has that text.

    Writing straight into the output, instead of building the distinct vectors and then
    indexing them, keeps one (n, dim) matrix in memory rather than two.
    """

    def __init__(self, rows: np.ndarray, n_unique: int):
        self.order = np.argsort(rows, kind="stable")
        self.counts = np.bincount(rows, minlength=n_unique)
        self.bounds = np.zeros(n_unique + 1, dtype=np.int64)
        np.cumsum(self.counts, out=self.bounds[1:])

    def write(self, out: np.ndarray, unique_ids, vectors: np.ndarray) -> None:
        """out[every row of text u] = vectors[i] for the i-th u in `unique_ids`."""
        unique_ids = np.asarray(unique_ids, dtype=np.int64)
        counts = self.counts[unique_ids]
        source = np.repeat(np.arange(len(unique_ids)), counts)
        offsets = np.arange(len(source)) - np.repeat(np.cumsum(counts) - counts, counts)
        out[self.order[self.bounds[unique_ids][source] + offsets]] = vectors[source]


def encode_batched(
    texts: Sequence[str],
    encode_batch: Callable[[list[str]], np.ndarray],
    dim: int,
    batch_size: int,
    progress: Progress | None = None,
) -> np.ndarray:
    """Embed `texts` through `encode_batch`, one canonical batch at a time.

    Returns float32 (len(texts), dim), rows unit-normalised, in the caller's order.
    `progress(done, total)` counts distinct texts.
    """
    texts = check_texts(texts)
    if not texts:
        return np.zeros((0, dim), dtype=np.float32)
    unique, rows = canonical_order(texts)
    scatter = Scatter(rows, len(unique))
    out = np.empty((len(texts), dim), dtype=np.float32)
    for start in range(0, len(unique), batch_size):
        batch = [clean_text(t) for t in unique[start : start + batch_size]]
        scatter.write(out, range(start, start + len(batch)), l2_normalise(encode_batch(batch)))
        if progress is not None:
            progress(start + len(batch), len(unique))
    return out


@cache
def _calibration() -> dict[str, dict[str, float]]:
    data = resources.files("consistency.embed").joinpath("calibration.toml").read_text("utf-8")
    table = tomllib.loads(data)
    return {
        name: {k: float(v) for k, v in section.items() if isinstance(v, (int, float))}
        for name, section in table.items()
    }


def load_thresholds(name: str) -> dict[str, float]:
    """Calibrated thresholds for a backend name, e.g. "use" or "st:all-MiniLM-L6-v2".

    An uncalibrated sentence-transformers model gets the generic "st:*" section; run
    benchmarks/calibrate.py to measure its own.
    """
    table = _calibration()
    if name in table:
        return dict(table[name])
    family = name.split(":", 1)[0] + ":*"
    if family in table:
        return dict(table[family])
    raise KeyError(f"no calibration for embedder {name!r}")
