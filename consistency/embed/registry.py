"""Embedder specs as a user writes them (`--embedder`, `embedder = "..."`) to objects.

    use                     multilingual USE v3 (default; ships with the package)
    tfidf                   hashed character n-grams; same language only
    tfidf:<dim>             the same hashed into <dim> buckets (tfidf:1024: a quarter of the
                            memory, for corpora of 100k documents; docs/embeddings.md)
    e5                      multilingual-e5-small 4-bit (pip extra `e5`)
    st:<model or path>      any sentence-transformers model (pip extra `st`)
    fake                    hashed bag of words, for tests only
"""

from __future__ import annotations

import os

from consistency.embed.base import Embedder
from consistency.errors import ConfigError

VALID_SPECS = ("use", "tfidf", "tfidf:<dim>", "e5", "st:<model name or path>", "fake")

# backends cheaper than a cache look-up: wrapping them would only add disk traffic
_NOT_CACHED = ("tfidf", "fake")


def _build(spec: str) -> Embedder:
    kind, _, arg = spec.partition(":")
    if kind == "use" and not arg:
        from consistency.embed.use import USEEmbedder

        return USEEmbedder()
    if kind == "tfidf" and not arg:
        from consistency.embed.tfidf import TfidfEmbedder

        return TfidfEmbedder()
    if kind == "tfidf" and arg.isdigit():
        from consistency.embed.tfidf import MAX_DIM, MIN_DIM, TfidfEmbedder

        if not MIN_DIM <= int(arg) <= MAX_DIM:
            raise ConfigError(f"unknown embedder {spec!r}: tfidf:<dim> takes {MIN_DIM} to {MAX_DIM} buckets;"
                              f" valid: {', '.join(VALID_SPECS)}")
        return TfidfEmbedder(dim=int(arg))
    if kind == "e5" and not arg:
        from consistency.embed.e5 import E5Embedder, check_available

        check_available()
        return E5Embedder()
    if kind == "st" and arg.strip():
        from consistency.embed.st import STEmbedder, check_available

        check_available()
        return STEmbedder(arg.strip())
    if kind == "fake":
        from consistency.embed.fake import FakeEmbedder

        if not arg:
            return FakeEmbedder()
        if arg.isdigit() and int(arg) > 0:
            return FakeEmbedder(dim=int(arg))
    raise ConfigError(f"unknown embedder {spec!r}; valid: {', '.join(VALID_SPECS)}")


def get_embedder(
    spec: str = "use", *, cache_dir: str | os.PathLike | None = None, use_cache: bool = True
) -> Embedder:
    """The embedder for `spec`, wrapped in the on-disk cache unless `use_cache` is False.

    >>> get_embedder("tfidf").name
    'tfidf'

    Raises ConfigError for an unknown spec and MissingExtraError when the backend's
    optional package is not installed. Models load on the first `encode`, not here.
    """
    if not isinstance(spec, str):
        raise ConfigError(f"embedder spec must be a string, got {type(spec).__name__}")
    embedder = _build(spec.strip())
    if not use_cache or embedder.name.split(":", 1)[0] in _NOT_CACHED:
        return embedder
    from consistency.embed.cache import CachedEmbedder

    return CachedEmbedder(embedder, cache_dir)
