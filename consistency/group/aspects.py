"""Aspects within an event: what a claim is about (casualties, perpetrator, ...).

A claim with facets takes the aspect of its first facet kind; the others are clustered by
embedding within their event (leader clustering in claim order: deterministic and linear),
so that an analyst can read an event by topic.
"""

from __future__ import annotations

import numpy as np

from consistency.models import Claim

_ORDER = ("counts", "perpetrator", "responsibility", "justification", "target", "denial", "identity")
_NAMES = {"counts": "casualties and counts"}


def facet_aspect(claim: Claim) -> str | None:
    for name in _ORDER:
        if getattr(claim.facets, name):
            return _NAMES.get(name, name)
    return None


def assign_aspects(claims: list[Claim], vectors: np.ndarray, threshold: float) -> list[str]:
    """An aspect label for each claim of one event (rows of `vectors`)."""
    labels: list[str | None] = [facet_aspect(c) for c in claims]
    # leaders' vectors kept in one growing block: each claim costs one product with the
    # leaders so far, never a copy of them
    block = np.empty((8, vectors.shape[1] if vectors.ndim == 2 else 0), dtype=vectors.dtype)
    leaders: list[int] = []
    for i, label in enumerate(labels):
        if label is not None:
            continue
        if leaders:
            sims = block[: len(leaders)] @ vectors[i]
            best = int(np.argmax(sims))
            if sims[best] >= threshold:
                labels[i] = labels[leaders[best]]
                continue
        if len(leaders) == len(block):
            block = np.concatenate([block, np.empty_like(block)])
        block[len(leaders)] = vectors[i]
        leaders.append(i)
        labels[i] = f"topic {len(leaders)}"
    return [str(x) for x in labels]
