"""The on-disk cache: round trip, no recompute, concurrent writers, corrupt files."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import numpy as np

from consistency.embed import CachedEmbedder, FakeEmbedder, get_embedder

TEXTS = [
    "A security source said an unidentified drone hit the vehicle.",
    "قال مصدر أمني إن طائرة مسيّرة مجهولة استهدفت السيارة.",
    "The ministry put the toll at 112 killed and 760 injured.",
    "",
]


class CountingEmbedder(FakeEmbedder):
    """Counts the texts it is asked to embed."""

    def __init__(self):
        super().__init__(dim=32)
        self.name = "counting"
        self.embedded: list[str] = []

    def encode(self, texts, progress=None):
        self.embedded.extend(texts)
        return super().encode(texts, progress)


def test_round_trip_returns_the_inner_vectors(tmp_path):
    inner = CountingEmbedder()
    cached = CachedEmbedder(inner, tmp_path)
    first = cached.encode(TEXTS)
    second = CachedEmbedder(CountingEmbedder(), tmp_path).encode(TEXTS)
    assert first.tobytes() == FakeEmbedder(dim=32).encode(TEXTS).tobytes()
    assert second.tobytes() == first.tobytes()
    assert cached.dim == 32 and cached.name == "counting"


def test_rerun_on_unchanged_texts_embeds_nothing(tmp_path):
    CachedEmbedder(CountingEmbedder(), tmp_path).encode(TEXTS)
    again = CountingEmbedder()
    CachedEmbedder(again, tmp_path).encode(list(reversed(TEXTS)) + TEXTS)
    assert again.embedded == []


def test_only_new_texts_are_embedded_once_each(tmp_path):
    CachedEmbedder(CountingEmbedder(), tmp_path).encode(TEXTS[:2])
    inner = CountingEmbedder()
    CachedEmbedder(inner, tmp_path).encode(TEXTS + [TEXTS[2]])
    assert sorted(inner.embedded) == sorted(TEXTS[2:])


def test_another_model_version_does_not_reuse_vectors(tmp_path):
    CachedEmbedder(CountingEmbedder(), tmp_path).encode(TEXTS)
    newer = CountingEmbedder()
    newer.version = "fake-2"
    CachedEmbedder(newer, tmp_path).encode(TEXTS)
    assert sorted(newer.embedded) == sorted(TEXTS)


def test_progress_counts_cached_texts_as_done(tmp_path):
    CachedEmbedder(CountingEmbedder(), tmp_path).encode(TEXTS[:2])
    calls = []
    CachedEmbedder(CountingEmbedder(), tmp_path).encode(TEXTS, progress=lambda d, t: calls.append((d, t)))
    assert calls == [(2, 4), (4, 4)]


def test_truncated_cache_file_is_rebuilt(tmp_path):
    cached = CachedEmbedder(CountingEmbedder(), tmp_path)
    expected = cached.encode(TEXTS)
    cached.close()
    path = cached.path
    path.write_bytes(path.read_bytes()[:100])  # as if the disk lost the end of the file
    inner = CountingEmbedder()
    assert CachedEmbedder(inner, tmp_path).encode(TEXTS).tobytes() == expected.tobytes()
    assert sorted(inner.embedded) == sorted(TEXTS)
    assert CachedEmbedder(CountingEmbedder(), tmp_path).encode(TEXTS).tobytes() == expected.tobytes()


def test_garbage_cache_file_is_moved_aside(tmp_path):
    cached = CachedEmbedder(CountingEmbedder(), tmp_path)
    cached.path.parent.mkdir(parents=True)
    cached.path.write_bytes(b"not a database at all" * 100)
    vectors = cached.encode(TEXTS)
    assert vectors.shape == (4, 32)
    assert list(cached.path.parent.glob("vectors-v1.sqlite3.corrupt-*"))
    again = CountingEmbedder()
    CachedEmbedder(again, tmp_path).encode(TEXTS)
    assert again.embedded == []


def test_unusable_cache_directory_is_skipped(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    vectors = CachedEmbedder(CountingEmbedder(), blocker).encode(TEXTS)
    assert vectors.tobytes() == FakeEmbedder(dim=32).encode(TEXTS).tobytes()


_WRITER = textwrap.dedent(
    """
    import sys
    from consistency.embed import CachedEmbedder, FakeEmbedder
    offset = int(sys.argv[2])
    texts = [f"claim number {i} about the strike" for i in range(offset, offset + 3000)]
    CachedEmbedder(FakeEmbedder(dim=32), sys.argv[1]).encode(texts)
    """
)


def test_two_processes_write_the_same_cache(tmp_path):
    script = tmp_path / "writer.py"
    script.write_text(_WRITER)
    cache = tmp_path / "cache"
    procs = [
        subprocess.Popen([sys.executable, str(script), str(cache), str(offset)])
        for offset in (0, 1500)
    ]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]

    class Refuses(FakeEmbedder):
        def encode(self, texts, progress=None):
            assert not texts, f"{len(texts)} texts were not cached"
            return super().encode(texts, progress)

    texts = [f"claim number {i} about the strike" for i in range(4500)]
    got = CachedEmbedder(Refuses(dim=32), cache).encode(texts)
    np.testing.assert_array_equal(got, FakeEmbedder(dim=32).encode(texts))


def test_get_embedder_caches_model_backends_only(tmp_path):
    assert isinstance(get_embedder("use", cache_dir=tmp_path), CachedEmbedder)
    assert not isinstance(get_embedder("use", use_cache=False), CachedEmbedder)
    assert not isinstance(get_embedder("tfidf", cache_dir=tmp_path), CachedEmbedder)


def test_backend_names_become_safe_folders(tmp_path):
    inner = CountingEmbedder()
    inner.name = "st:/models/my model"
    cached = CachedEmbedder(inner, tmp_path)
    cached.encode(TEXTS[:1])
    assert cached.path.parent.parent == tmp_path
    assert " " not in cached.path.parent.name and "/" not in cached.path.parent.name


def test_index_collision_is_a_miss_not_a_wrong_vector(tmp_path):
    from consistency.embed.cache import VectorStore

    store = VectorStore(tmp_path / "v.sqlite3", dim=4)
    first = bytes(range(32))
    twin = first[:8] + bytes(24)  # same 8-byte index key, different digest
    store.put([first], np.ones((1, 4), dtype=np.float32))
    seen = []
    store.get([twin], lambda keys, data: seen.append(keys))
    assert seen == []
    store.get([first], lambda keys, data: seen.append((keys, np.frombuffer(data, np.float32).tolist())))
    assert seen == [([first], [1.0, 1.0, 1.0, 1.0])]


_CRASHER = textwrap.dedent(
    """
    import os, sys
    from consistency.embed import CachedEmbedder, FakeEmbedder, cache

    first_put = cache.VectorStore.put

    def put(self, keys, vectors):
        if getattr(self, "stored_once", False):
            # second chunk: open a transaction, write part of it, and die inside it
            conn = self._connect()
            conn.execute("BEGIN")
            conn.executemany(
                "INSERT OR REPLACE INTO vectors (h, key, vec) VALUES (?, ?, ?)",
                [(cache._short(k), k, v.tobytes()) for k, v in zip(keys[:100], vectors[:100])],
            )
            os._exit(3)
        self.stored_once = True
        first_put(self, keys, vectors)

    cache.VectorStore.put = put
    texts = [f"claim number {i} about the strike" for i in range(3000)]
    CachedEmbedder(FakeEmbedder(dim=32), sys.argv[1]).encode(texts)
    """
)


def test_a_run_killed_mid_write_leaves_a_usable_cache(tmp_path):
    from consistency.embed.cache import STORE_CHUNK, canonical_order

    script = tmp_path / "crasher.py"
    script.write_text(_CRASHER)
    cache = tmp_path / "cache"
    assert subprocess.run([sys.executable, str(script), str(cache)], timeout=120).returncode == 3

    texts = [f"claim number {i} about the strike" for i in range(3000)]
    inner = CountingEmbedder()
    inner.name = "fake:32"  # the name the crashed run wrote under
    got = CachedEmbedder(inner, cache).encode(texts)
    np.testing.assert_array_equal(got, FakeEmbedder(dim=32).encode(texts))
    # the first chunk was committed, the half-written second one was rolled back
    committed = canonical_order(texts)[0][:STORE_CHUNK]
    assert sorted(inner.embedded) == sorted(set(texts) - set(committed))


def test_duplicates_and_partial_hits_land_on_the_right_rows(tmp_path):
    CachedEmbedder(FakeEmbedder(dim=32), tmp_path).encode(TEXTS[1:3])
    texts = [TEXTS[2], TEXTS[0], TEXTS[2], TEXTS[3], TEXTS[1], TEXTS[0]]
    got = CachedEmbedder(FakeEmbedder(dim=32), tmp_path).encode(texts)
    assert got.tobytes() == FakeEmbedder(dim=32).encode(texts).tobytes()


def test_fully_cached_run_does_not_ask_the_model_its_width(tmp_path):
    CachedEmbedder(FakeEmbedder(dim=32), tmp_path).encode(TEXTS)

    class Unloadable(FakeEmbedder):
        @property
        def dim(self):
            raise AssertionError("the model was loaded")

        @dim.setter
        def dim(self, value):
            pass

    got = CachedEmbedder(Unloadable(dim=32), tmp_path).encode(TEXTS)
    assert got.shape == (4, 32)


def test_an_embedder_without_version_is_cached_by_name(tmp_path):
    class Minimal:
        name, dim = "minimal", 8
        thresholds = {"same_event": 0.3, "same_aspect": 0.5}

        def __init__(self):
            self.calls = 0

        def encode(self, texts, progress=None):
            self.calls += len(texts)
            return FakeEmbedder(dim=8).encode(texts)

    first, second = Minimal(), Minimal()
    CachedEmbedder(first, tmp_path).encode(TEXTS)
    CachedEmbedder(second, tmp_path).encode(TEXTS)
    assert (first.calls, second.calls) == (4, 0)
