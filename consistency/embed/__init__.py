"""Embedding backends behind one protocol, and the on-disk cache.

>>> from consistency.embed import get_embedder
>>> emb = get_embedder("fake")
>>> emb.encode(["two killed", "اثنان قتلى"]).shape
(2, 16)

Backends import their models lazily: importing this package loads no model.
"""

from consistency.embed.base import Embedder
from consistency.embed.cache import CachedEmbedder
from consistency.embed.fake import FakeEmbedder
from consistency.embed.registry import VALID_SPECS, get_embedder

__all__ = ["CachedEmbedder", "Embedder", "FakeEmbedder", "VALID_SPECS", "get_embedder"]
