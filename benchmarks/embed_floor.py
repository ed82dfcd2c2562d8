"""The physical floor: bare embedding time per 1,000 short sentences, per backend.

    .venv/bin/python benchmarks/embed_floor.py [--backends use,tfidf,e5,st:PATH] [--n 1000]
                                               [--cache-scale 100000]

For each backend: model load time, seconds per 1,000 sentences (half Arabic, half
English, 10 to 25 words, all distinct, generated here) in wall and CPU time,
sentences per second, and the
time to read the same vectors back from a warm on-disk cache. `--cache-scale N` also
fills a cache with N vectors of 512 dimensions and times reading 10,000 of them and all
of them back (what a cached re-run of a large corpus costs).

`floor_seconds(calls, spec)` is the same measurement for the benchmark runner: the
pipeline's own encode calls made again, without the cache.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from consistency.embed import get_embedder  # noqa: E402
from consistency.embed.cache import CachedEmbedder  # noqa: E402

_EN_WHO = ["A security source", "The health ministry", "A US official", "Police", "The army",
           "A spokesman for the group", "Witnesses", "The governor", "Hospital staff", "The UN agency"]
_EN_WHAT = ["said {n} people were killed in the strike on {place}",
            "reported {n} wounded after the shelling near {place}",
            "denied any role in the attack on {place}",
            "blamed the coalition for the explosion at {place}",
            "said a drone hit a vehicle carrying {n} fighters near {place}",
            "put the death toll at {n}, most of them civilians, in {place}"]
_AR_WHO = ["مصدر أمني", "وزارة الصحة", "مسؤول أمريكي", "الشرطة", "الجيش",
           "متحدث باسم الفصيل", "شهود عيان", "المحافظ", "مصادر طبية", "وكالة الأمم المتحدة"]
_AR_WHAT = ["إن {n} أشخاص قتلوا في الغارة على {place}",
            "إن {n} جرحى سقطوا بعد القصف قرب {place}",
            "إنه لا علاقة له بالهجوم على {place}",
            "إن التحالف يتحمل مسؤولية الانفجار في {place}",
            "إن طائرة مسيرة استهدفت سيارة تقل {n} مقاتلين قرب {place}",
            "إن حصيلة القتلى بلغت {n} معظمهم من المدنيين في {place}"]
_PLACES_EN = ["Baghdad", "the airport road", "al-Rashid street", "Gaza City", "the market", "Mosul"]
_PLACES_AR = ["بغداد", "طريق المطار", "شارع الرشيد", "مدينة غزة", "السوق", "الموصل"]


def short_sentences(n: int = 1000) -> list[str]:
    """`n` distinct news-style claims, alternating English and Arabic, deterministic."""
    out = []
    for i in range(n):
        who, what, place = i % 10, (i // 10) % 6, (i // 60) % 6
        figure = 2 + i // 360 * 7 + i % 13
        if i % 2 == 0:
            text = f"{_EN_WHO[who]} {_EN_WHAT[what].format(n=figure, place=_PLACES_EN[place])} on day {i}."
        else:
            text = f"قال {_AR_WHO[who]} {_AR_WHAT[what].format(n=figure, place=_PLACES_AR[place])} في اليوم {i}."
        out.append(text)
    return out


def floor_seconds(calls: list[str] | list[list[str]], spec: str = "use") -> float:
    """Seconds to embed with a loaded model and no cache (the load itself excluded). `calls`:
    the texts of each `encode` call the pipeline made (its leads, then each batch of events'
    claims), made again the same way, so that the backend sees the same batches; a flat list
    of texts is one call."""
    if calls and isinstance(calls[0], str):
        calls = [calls]
    embedder = get_embedder(spec, use_cache=False)
    embedder.encode(["warm up the model"])
    start = time.perf_counter()
    for texts in calls:
        embedder.encode(texts)
    return time.perf_counter() - start


def measure(spec: str, texts: list[str]) -> None:
    start = time.perf_counter()
    embedder = get_embedder(spec, use_cache=False)
    embedder.encode(["warm up the model"])
    load = time.perf_counter() - start
    start, cpu = time.perf_counter(), time.process_time()
    embedder.encode(texts)
    bare, cpu = time.perf_counter() - start, time.process_time() - cpu
    with tempfile.TemporaryDirectory() as tmp:
        cached = CachedEmbedder(embedder, tmp)
        cached.encode(texts)
        start = time.perf_counter()
        cached.encode(texts)
        warm = time.perf_counter() - start
        cached.close()
    per_k = bare * 1000 / len(texts)
    print(f"{embedder.name[:24]:<24} {load:8.2f} {per_k:12.2f} {cpu * 1000 / len(texts):12.2f}"
          f" {len(texts) / bare:10.0f} {warm * 1000 / len(texts):14.3f}")


class _Random:
    """An 'embedder' that makes vectors fast, to fill a cache at scale."""

    name, version, dim = "random", "1", 512
    thresholds = {"same_event": 0.0, "same_aspect": 0.0}

    def encode(self, texts, progress=None):
        rng = np.random.default_rng(len(texts))
        vectors = rng.standard_normal((len(texts), self.dim)).astype(np.float32)
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def cache_scale(n: int) -> None:
    texts = [f"claim {i}" for i in range(n)]
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        CachedEmbedder(_Random(), tmp).encode(texts)
        fill = time.perf_counter() - start
        size = sum(p.stat().st_size for p in Path(tmp).rglob("*") if p.is_file())
        for k in (10_000, n):
            cached = CachedEmbedder(_Random(), tmp)
            start = time.perf_counter()
            cached.encode(texts[:k])
            read = time.perf_counter() - start
            cached.close()
            print(f"cache of {n:,} vectors ({size / 2**20:,.0f} MiB, filled in {fill:.1f} s):"
                  f" read {k:,} back in {read:.2f} s ({read * 1e6 / k:.0f} us a vector)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--backends", default="use,tfidf,e5")
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--cache-scale", type=int, default=0)
    args = parser.parse_args()
    texts = short_sentences(args.n)
    print(f"{platform.processor() or platform.machine()}, Python {platform.python_version()},"
          f" {args.n} sentences averaging {np.mean([len(t) for t in texts]):.0f} characters")
    print(f"{'backend':<24} {'load s':>8} {'s / 1000':>12} {'cpu s / 1000':>12} {'sent/s':>10}"
          f" {'cached s/1000':>14}")
    print(f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores: wall times"
          " stretch when other work shares the machine; cpu time counts all threads)")
    for spec in filter(None, args.backends.split(",")):
        try:
            measure(spec, texts)
        except Exception as exc:  # a missing optional backend is reported, not fatal
            print(f"{spec:<24} skipped: {exc}")
    if args.cache_scale:
        cache_scale(args.cache_scale)


if __name__ == "__main__":
    main()
