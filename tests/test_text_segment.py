"""Sentence spans: YAML cases and properties that hold for any text."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from consistency.errors import InputError
from consistency.text import sentences
from consistency.text.segment import _rules

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "segment.yaml").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_segment_case(case):
    text = case["text"]
    assert [text[a:b] for a, b in sentences(text, case["language"])] == case["expect"]


def test_rejects_non_text():
    with pytest.raises(InputError):
        sentences(42, "en")


def test_long_sentence_is_cut_at_whitespace():
    limit = _rules("en")["max_chars"]
    text = "word " * 3000  # 15,000 characters, no punctuation
    spans = sentences(text, "en")
    assert len(spans) > 1
    assert all(b - a <= limit for a, b in spans)
    assert all(text[a:b].split() and not text[b - 1].isspace() for a, b in spans)
    assert sum(len(text[a:b].split()) for a, b in spans) == 3000  # no word lost or split


_PIECES = st.sampled_from(["Dr.", "U.S.", " ", "\n", ".", "?", "؟", "!", "\"", "«", "»", "…", "3.5",
                           "Jan.", "word", "كلمة", "د.", "a.m.", "The", "  ", "'", ")"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES | st.text(max_size=5), max_size=40).map("".join), st.sampled_from(["en", "ar", "xx"]))
def test_spans_cover_every_non_blank_character(text, language):
    spans = sentences(text, language)
    last = 0
    covered = set()
    for a, b in spans:
        assert last <= a < b <= len(text)
        assert not text[a].isspace() and not text[b - 1].isspace()
        covered.update(range(a, b))
        last = b
    assert all(k in covered for k, ch in enumerate(text) if not ch.isspace())
