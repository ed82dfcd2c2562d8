"""Pathological text: results stay right on inputs built to be slow. Timings are measured by
benchmarks/text_cost.py, never asserted here."""

from __future__ import annotations

from consistency.text import find_numbers, normalize, sentences
from consistency.text.segment import _rules

FIVE_MB = 5_000_000


def test_five_megabytes_without_punctuation():
    words = ("قصف", "strike", "بغداد", "drone", "مسؤول", "official")
    text = " ".join(words[k % len(words)] for k in range(FIVE_MB // 6))
    assert len(text) >= FIVE_MB
    spans = sentences(text, "ar")
    limit = _rules("ar")["max_chars"]
    assert all(0 < b - a <= limit for a, b in spans)
    assert sum(b - a for a, b in spans) + len(spans) - 1 == len(text)  # one space between pieces
    assert find_numbers(text, "ar") == []
    assert len(normalize(text).text) == len(text)


def test_one_hundred_thousand_numbers():
    text = " ".join(f"{k} قتيلا و{k + 1} جريحا" for k in range(50_000))
    found = find_numbers(text, "ar")
    assert len(found) == 100_000
    assert [m.value for m in found[:4]] == [0, 1, 1, 2]
    assert all(m.kind == "count" for m in found)


def test_runs_that_could_backtrack():
    digits = "1" * 1_000_000  # one giant figure: read in bounded pieces, never re-scanned
    found = find_numbers(digits, "en")
    assert found and all(digits[m.start : m.end] == m.text for m in found)
    separators = "1," + "000," * 200_000 + "5"
    found = find_numbers(separators, "en")
    assert found and found[0].start == 0
    dots = "." * 1_000_000 + " end"
    assert sentences(dots, "en")[-1] == (1_000_001, 1_000_004)


def test_deeply_nested_quotes():
    text = "«" * 200_000 + "قال. " * 1000 + "»" * 200_000
    spans = sentences(text, "ar")
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    quotes = '"' * 300_000 + " He said. " * 1000
    assert sentences(quotes, "en")
