"""Number mentions: data-driven cases (tests/cases/numbers.yaml) and properties."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from consistency.errors import InputError
from consistency.text import NumberMention, find_numbers

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "numbers.yaml").read_text("utf-8"))
KINDS = {"count", "year", "date", "time", "percent", "money", "age", "duration", "measure", "id", "ordinal"}
QUALIFIERS = {"exact", "at_least", "more_than", "nearly", "about", "up_to", "at_most", "fewer_than",
              "range", "vague"}


def _same(got: list, want: list) -> bool:
    if len(got) != len(want):
        return False
    for g, w in zip(got, want):
        for a, b in zip(g, w):
            if isinstance(b, float) and isinstance(a, float):
                if abs(a - b) > 1e-6:
                    return False
            elif a != b:
                return False
    return True


def _row(m: NumberMention) -> list:
    return [m.text, m.low, m.high, m.qualifier, m.kind]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_number_case(case):
    found = find_numbers(case["text"], case["language"])
    got = [_row(m) for m in found]
    want = [[t, float(lo), None if hi is None else float(hi), q, k] for t, lo, hi, q, k in case["expect"]]
    assert _same(got, want), f"{case['text']!r}\n got:  {got}\n want: {want}"
    for m in found:
        assert case["text"][m.start : m.end] == m.text


def test_cases_cover_both_languages():
    langs = [c["language"] for c in CASES]
    assert len(CASES) >= 80 and langs.count("en") >= 35 and langs.count("ar") >= 35


def test_value_conventions():
    exact, about, dozens, span = find_numbers("14 died, about 20 fled, dozens hurt, 3-5 missing", "en")
    assert exact.value == 14
    assert about.value == 20 and (about.low, about.high) == (18, 22)
    assert dozens.value == 12  # ACLED's code for "dozens"
    assert span.value is None and (span.low, span.high) == (3, 5)


def test_rejects_non_text():
    with pytest.raises(InputError):
        find_numbers(b"12 killed", "en")


def test_many_numbers_are_all_found():
    text = " ".join(f"{k} people" for k in range(1, 20001))
    found = find_numbers(text, "en")
    assert len(found) == 20000
    assert [m.value for m in found[:3]] == [1, 2, 3] and found[-1].value == 20000


_ALPHABET = st.sampled_from(list("0123456789٠١٢٣٤٥ ,.-:%/$ ") + ["two", "hundred", "and", "at least",
                            "ثلاثة", "آلاف", "قتيلين", "نحو", "عام", "و", "between", "عشر", "ﻻ", "ً", "²", "①", "٫"])
_TEXT = st.lists(_ALPHABET | st.text(max_size=3), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.sampled_from(["en", "ar", "fr"]))
def test_any_text_gives_well_formed_mentions(text, language):
    found = find_numbers(text, language)
    last = -1
    for m in found:
        assert 0 <= m.start < m.end <= len(text) and text[m.start : m.end] == m.text
        assert m.start >= last
        last = m.end
        assert m.kind in KINDS and m.qualifier in QUALIFIERS
        assert m.high is None or m.low <= m.high
