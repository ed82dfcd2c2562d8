"""The default multilingual backend on real sentences (the model loads in about a second)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import yaml

from consistency.embed import get_embedder

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "embed_pairs.yaml").read_text("utf-8"))


@pytest.fixture(scope="module")
def use():
    return get_embedder("use", use_cache=False)


@pytest.mark.parametrize("case", CASES, ids=[c["english"][:30] for c in CASES])
def test_translation_is_closer_than_unrelated(use, case):
    en, ar, other = use.encode([case["english"], case["arabic"], case["unrelated"]])
    assert en @ ar > en @ other + 0.2
    assert en @ ar > use.thresholds["same_aspect"]


def test_numbers_are_kept(use):
    # denoise is off: a sentence with another figure is a different vector
    a, b = use.encode(["Health officials said 104 people were killed.",
                       "Health officials said 12 people were killed."])
    assert a.tobytes() != b.tobytes()
    assert a @ b < 0.999


def test_same_text_gives_same_bytes_in_any_batch(use):
    texts = [c[k] for c in CASES for k in ("english", "arabic", "unrelated")]
    whole = use.encode(texts)
    halves = np.vstack([use.encode(texts[:5]), use.encode(texts[5:])])
    np.testing.assert_allclose(whole, halves, atol=1e-6)
    assert use.encode(texts).tobytes() == whole.tobytes()


def test_cold_cached_run_computes_the_bytes_of_an_uncached_run(use, tmp_path, monkeypatch):
    from consistency.embed import CachedEmbedder, cache

    # a small store chunk (still a multiple of the batch size) so the test crosses chunks
    monkeypatch.setattr(cache, "STORE_CHUNK", 2 * use.batch_size)
    texts = [f"{c['english']} ({i})" for i in range(40) for c in CASES]
    cold = CachedEmbedder(use, tmp_path).encode(texts)
    assert cold.tobytes() == use.encode(texts).tobytes()


def test_store_chunk_lines_up_with_every_backend_batch():
    from consistency.embed import cache, e5, st, use

    for module in (use, e5, st):
        assert cache.STORE_CHUNK % module.BATCH_SIZE == 0, module.__name__
