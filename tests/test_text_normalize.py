"""Matching form and its index back to the original: YAML cases and properties."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from consistency.errors import InputError
from consistency.text import normalize

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "normalize.yaml").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_normalize_case(case):
    n = normalize(case["text"])
    assert n.text == case["expect"]
    assert len(n.index) == len(n.text) + 1 and n.index[-1] == len(case["text"])
    for start, end, original in case.get("spans", []):
        a, b = n.span(start, end)
        assert case["text"][a:b] == original


def test_rejects_non_text():
    with pytest.raises(InputError):
        normalize(None)


def test_span_outside_raises():
    with pytest.raises(ValueError):
        normalize("abc").span(2, 5)


# Characters that exercise every mapping: Latin, Arabic letters and forms, marks, tatweel,
# digits, presentation forms (one to many), controls (one to none).
_CHARS = st.sampled_from(
    list("aZİ éÉ.,؟،٫٬") + list("ابتثأإآٱىةؤئءلاه") + ["\u064e", "\u0651", "\u0670", "\u0640"]
    + list("٠١٩۰۹0") + ["ﻻ", "ﷲ", "ﷺ", "ﺑ", "ﻼ", "\u200b", "\u200f", "\u2067", "\ufeff", "\u00a0"]
) | st.characters(codec="utf-8")


@settings(max_examples=400, deadline=None)
@given(st.lists(_CHARS, max_size=30).map("".join), st.data())
def test_index_maps_back_and_renormalises(text, data):
    n = normalize(text)
    assert len(n.index) == len(n.text) + 1
    assert n.index[-1] == len(text)
    assert all(n.index[k] <= n.index[k + 1] for k in range(len(n.text)))
    size = len(n.text)
    start = data.draw(st.integers(0, size))
    end = data.draw(st.integers(start, size))
    a, b = n.span(start, end)
    assert 0 <= a <= b <= len(text)
    # At character boundaries (not inside one ligature's expansion) the original slice
    # renormalises to exactly the normalised slice.
    def boundary(k):
        return k in (0, size) or n.index[k - 1] != n.index[k]

    if boundary(start) and boundary(end):
        assert normalize(text[a:b]).text == n.text[start:end]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=50))
def test_normalising_twice_changes_nothing(text):
    once = normalize(text).text
    assert normalize(once).text == once


def test_lone_surrogate_from_escaped_bytes_is_kept():
    text = "قُتل \udc80 5"  # what bytes.decode(errors="surrogateescape") leaves in text
    n = normalize(text)
    assert n.text == "قتل \udc80 5"
    assert n.span(4, 5) == (5, 6)


def test_docstring_examples_hold():
    import doctest
    import sys

    for name in ("normalize", "segment", "numbers"):
        result = doctest.testmod(sys.modules[f"consistency.text.{name}"])
        assert result.attempted > 0 and result.failed == 0, name
