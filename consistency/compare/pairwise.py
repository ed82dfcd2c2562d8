"""Do two statements agree, contradict each other, or talk about different things?

    >>> r = compare_pair("Two people were killed in the strike on Monday",
    ...                  "Five people were killed in the strike on Monday", embedder=False)
    >>> r.label, r.kind
    ('contradict', 'number')

The statements are aligned word by word (`lexical.align`); what is left over on each side is
tested for the contrasts of `contrast.py` (figures whose ranges do not overlap, negation on
one side only, opposites, swapped entities or roles, an unknown against a named perpetrator).
With no contrast, the pair is `unrelated` when both the embedding cosine and the word overlap
are low, else `agree`. Lexicons are read once; an embedder is built once and reused.

`embedder`: None uses the package default (multilingual USE, loaded on first use); False
uses word overlap only; any object with `encode(texts)` and `thresholds` is used as is.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from consistency.compare import contrast, pair_entities, pair_figures
from consistency.compare.lexical import (Token, align, detect_language, is_content, lex_for,
                                         lookup, tokenize)
from consistency.errors import InputError

LABELS = ("agree", "contradict", "unrelated")
# Without an embedder, "unrelated" rests on the share of content words both sides have.
UNRELATED_OVERLAP = 0.2
# Word overlap above which two statements are taken to describe the same thing, so that their
# only two places (or actors) are compared even when the words around them differ.
SHARED_WORDING = 0.4
# Order in which contrasts are reported when several apply: the most specific first.
_ORDER = ("number", "date", "role_swap", "negation", "antonym", "perpetrator", "location",
          "entity_swap")


@dataclass(frozen=True)
class PairResult:
    label: str  # "agree" | "contradict" | "unrelated"
    kind: str | None  # "number", "negation", "antonym", "entity_swap", "role_swap", ...
    reason: str  # one sentence
    spans: list[dict] = field(default_factory=list)  # {"side", "start", "end", "text"}
    similarity: float | None = None

    def to_dict(self) -> dict:
        return {"label": self.label, "kind": self.kind, "reason": self.reason,
                "spans": list(self.spans), "similarity": self.similarity}


def compare_pair(a: str, b: str, *, embedder=None, language: str | None = None,
                 similarity: float | None = None) -> PairResult:
    """Compare two statements. `similarity` skips the embedder when the caller has vectors."""
    _check(a, "a")
    _check(b, "b")
    if similarity is None:
        similarity = _similarities([(a, b)], embedder)[0]
    return _decide(a, b, similarity, _thresholds(embedder), language)


def compare_pairs(pairs: Iterable[tuple[str, str]], *, embedder=None,
                  language: str | None = None) -> list[PairResult]:
    """Compare many pairs, embedding all their texts in one batch."""
    pairs = list(pairs)
    for a, b in pairs:
        _check(a, "a")
        _check(b, "b")
    sims = _similarities(pairs, embedder)
    thresholds = _thresholds(embedder)
    return [_decide(a, b, s, thresholds, language) for (a, b), s in zip(pairs, sims)]


def _check(text, name: str) -> None:
    if not isinstance(text, str):
        raise InputError(f"statement {name}", f"expected text, got {type(text).__name__}")
    if not text.strip():
        raise InputError(f"statement {name}", "is empty")


def _decide(a: str, b: str, similarity: float | None, thresholds: dict[str, float],
            language: str | None) -> PairResult:
    ta, tb = tokenize(a), tokenize(b)
    pairs = align(ta, tb)
    overlap = content_overlap(ta, tb, pairs)
    lang_a = language or detect_language(a)
    lang_b = language or detect_language(b)
    finding = _contrast(a, b, ta, tb, pairs, overlap, lang_a, lang_b)
    cross = lang_a != lang_b  # word overlap means nothing across languages
    related = _above(similarity, thresholds, "same_aspect") or (
        not cross and overlap >= UNRELATED_OVERLAP)
    # a contrast is itself a sign the two speak of one thing: the same event is enough
    comparable = related or _above(similarity, thresholds, "same_event") or (
        cross and similarity is None)
    if finding is not None and comparable:
        return PairResult("contradict", finding.kind, finding.reason, _spans(finding, a, b),
                          similarity)
    if not related:
        return PairResult("unrelated", None, _unrelated_reason(overlap, similarity), [],
                          similarity)
    hedged = _hedge(ta, tb) or _hedge(tb, ta)
    if hedged is not None:  # agreement, but not with the same certainty: say so and where
        side, token = hedged
        span = {"side": "a" if side is ta else "b", "start": token.start, "end": token.end,
                "text": token.text}
        return PairResult("agree", None, f"{_agree_reason(overlap, similarity)}; only one side "
                                         f"hedges (“{token.text}”)", [span], similarity)
    return PairResult("agree", None, _agree_reason(overlap, similarity), [], similarity)


def _hedge(this: list[Token], other: list[Token]) -> tuple[list[Token], Token] | None:
    """A hedge ("reportedly", "يُعتقد") in `this` when `other` has none."""
    mine = [t for t in this if lookup(t, lex_for(t).hedges)]
    if mine and not any(lookup(t, lex_for(t).hedges) for t in other):
        return this, mine[0]
    return None


def _contrast(a, b, ta, tb, pairs, overlap, lang_a, lang_b) -> contrast.Finding | None:
    side_a = contrast.Side(ta, pairs)
    side_b = contrast.Side(tb, {j: i for i, j in pairs.items()})
    found = [f for f in (
        pair_figures.number_conflict(a, b, ta, tb, lang_a, lang_b),
        pair_entities.role_swap(side_a, side_b),
        contrast.negation(side_a, side_b),
        contrast.antonym(side_a, side_b),
        pair_entities.unknown_agent(side_a, side_b),
        pair_entities.entity_swap(side_a, side_b, overlap >= SHARED_WORDING or lang_a != lang_b),
    ) if f is not None]
    found.sort(key=lambda f: _ORDER.index(f.kind) if f.kind in _ORDER else len(_ORDER))
    return found[0] if found else None


def content_overlap(ta: list[Token], tb: list[Token], pairs: dict[int, int]) -> float:
    """Dice coefficient of the two sides' content words (aligned words count once each)."""
    ca = [t for t in ta if is_content(t)]
    cb = [t for t in tb if is_content(t)]
    if not ca or not cb:
        return 0.0
    shared = sum(1 for t in ca if t.index in pairs and is_content(tb[pairs[t.index]]))
    return 2 * shared / (len(ca) + len(cb))


def _spans(f: contrast.Finding, a: str, b: str) -> list[dict]:
    """Each side's differing words, adjacent ones merged ("did not", not "did", "not")."""
    out = []
    for side, toks, text in (("a", f.a, a), ("b", f.b, b)):
        runs: list[list[Token]] = []
        for t in sorted(set(toks), key=lambda t: t.index):
            if runs and t.index == runs[-1][-1].index + 1:
                runs[-1].append(t)
            else:
                runs.append([t])
        for run in runs:
            start, end = run[0].start, run[-1].end
            out.append({"side": side, "start": start, "end": end, "text": text[start:end]})
    return out


def _agree_reason(overlap: float, similarity: float | None) -> str:
    sim = f", embedding cosine {similarity:.2f}" if similarity is not None else ""
    return f"no contrast found between the aligned statements (word overlap {overlap:.2f}{sim})"


def _unrelated_reason(overlap: float, similarity: float | None) -> str:
    sim = f" and embedding cosine {similarity:.2f}" if similarity is not None else ""
    return f"the statements share little: word overlap {overlap:.2f}{sim}"


# --- similarity ------------------------------------------------------------------------------

def _resolve(embedder):
    """None → the package default (USE); a string → that backend; False → none."""
    if embedder is False:
        return None
    if embedder is None or isinstance(embedder, str):
        return _named_embedder(embedder or "use")
    return embedder


@lru_cache(maxsize=4)
def _named_embedder(spec: str):
    from consistency.embed import get_embedder  # lazily: importing pairwise loads no model

    return get_embedder(spec)


def _similarities(pairs: list[tuple[str, str]], embedder) -> list[float | None]:
    model = _resolve(embedder)
    if model is None or not pairs:
        return [None] * len(pairs)
    texts = sorted({t for pair in pairs for t in pair})
    vectors = np.asarray(model.encode(texts), dtype=np.float32)
    row = {t: i for i, t in enumerate(texts)}
    return [round(float(vectors[row[a]] @ vectors[row[b]]), 4) for a, b in pairs]


def _thresholds(embedder) -> dict[str, float]:
    """The backend's calibrated cosines: `same_aspect` (below it, two claims are about
    different things) and `same_event` (above it, they may be about one incident)."""
    model = _resolve(embedder)
    return dict(getattr(model, "thresholds", {}) or {}) if model is not None else {}


def _above(similarity: float | None, thresholds: dict[str, float], name: str) -> bool:
    return similarity is not None and name in thresholds and similarity >= thresholds[name]
