"""The always-available fallback: hashed character n-grams (scikit-learn), same language only.

Why hashing and no IDF: a vector must depend on its own text only, never on the rest of
the corpus, or a cached vector would go stale when a document is added. So the
features are character n-grams inside word boundaries (`char_wb`, 2 to 5 characters),
hashed into a fixed number of buckets, with sublinear term frequency (1 + log tf) to damp
the short n-grams every sentence shares, then L2-normalised. The result is dense
float32 of `dim` columns (4,096 by default: 16 KB a vector; fewer buckets trade
collisions for memory, see docs/embeddings.md).

Arabic text is first put in its matching form (letter variants, diacritics, tatweel,
Arabic-Indic digits) by `consistency.text.normalize` when that module is present.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from consistency.embed.base import Progress, check_texts, clean_text, load_thresholds

DIM = 4096
# `tfidf:<dim>` accepts these bucket counts: fewer than 256 collide on every short text
MIN_DIM, MAX_DIM = 256, 1 << 16
BATCH_SIZE = 4096


def _matching_form():
    """(`consistency.text.normalize` as str -> str, its tag), or identity when absent."""
    try:
        from consistency.text.normalize import normalize
    except ImportError:
        return (lambda text: text), "raw"
    return (lambda text: normalize(text).text), "normalized"


class TfidfEmbedder:
    """`get_embedder("tfidf")`: char_wb 2-5 n-grams hashed into `dim` buckets;
    `get_embedder("tfidf:1024")` into 1,024 (its name carries the width, so its cache key
    and thresholds are its own)."""

    def __init__(self, dim: int = DIM):
        self.dim = dim
        self.name = "tfidf" if dim == DIM else f"tfidf:{dim}"
        self._vectorizer = None
        self._normalize = None

    @property
    def version(self) -> str:
        return f"hash-char_wb-2-5-sublinear-{self.dim}-{_matching_form()[1]}"

    @property
    def thresholds(self) -> dict[str, float]:
        try:
            return load_thresholds(self.name)
        except KeyError:  # a width nobody calibrated: the default width's cosines
            return load_thresholds("tfidf")

    def _load(self):
        if self._vectorizer is None:
            from sklearn.feature_extraction.text import HashingVectorizer

            self._vectorizer = HashingVectorizer(
                analyzer="char_wb",
                ngram_range=(2, 5),
                n_features=self.dim,
                alternate_sign=False,  # signed buckets would let collisions cancel counts
                norm=None,
                lowercase=True,
                dtype=np.float32,
            )
            self._normalize = _matching_form()[0]
        return self._vectorizer

    def encode(self, texts: Sequence[str], progress: Progress | None = None) -> np.ndarray:
        texts = check_texts(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        vectorizer = self._load()
        for start in range(0, len(texts), BATCH_SIZE):
            batch = [self._normalize(clean_text(t)) for t in texts[start : start + BATCH_SIZE]]
            counts = vectorizer.transform(batch)
            counts.data = 1.0 + np.log(counts.data)
            block = counts.toarray()
            norms = np.linalg.norm(block, axis=1)
            # a text with no n-gram (empty, or only spaces) gets one fixed unit vector,
            # so every row keeps unit norm and all such texts are equal to each other
            empty = norms == 0
            block[empty, 0] = 1.0
            norms[empty] = 1.0
            out[start : start + len(batch)] = block / norms[:, None]
            if progress is not None:
                progress(start + len(batch), len(texts))
        return out
