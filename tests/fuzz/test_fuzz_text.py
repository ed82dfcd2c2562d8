"""Fuzz the text stage: the number parser and the segmenter take any text and give spans
that quote it; they raise nothing (InputError only for what is not text at all)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consistency.text import find_numbers, sentences
from consistency.text.segment import _rules
from strategies import ANY_TEXT, LANGUAGES, NEWS

QUALIFIERS = {"exact", "at_least", "more_than", "nearly", "about", "up_to", "at_most", "fewer_than", "range", "vague"}
KINDS = {"count", "year", "date", "time", "percent", "money", "age", "duration", "measure", "id", "ordinal"}
TEXTS = st.tuples(st.one_of(NEWS, ANY_TEXT), LANGUAGES)


def check_numbers(case: tuple[str, str]) -> str:
    text, language = case
    mentions = find_numbers(text, language)
    end = 0
    for m in mentions:
        assert end <= m.start < m.end <= len(text), (m, end)
        assert text[m.start : m.end] == m.text
        assert m.qualifier in QUALIFIERS and m.kind in KINDS, m
        assert m.low == m.low and (m.high is None or m.low <= m.high), m  # no NaN, ordered
        end = m.end
    assert find_numbers(text, language) == mentions  # deterministic
    return f"{min(len(mentions), 3)}+ numbers" if mentions else "no number"


def check_sentences(case: tuple[str, str]) -> str:
    text, language = case
    spans = sentences(text, language)
    limit = _rules("en")["max_chars"]  # the limits are the same for every language
    end = 0
    for a, b in spans:
        assert end <= a < b <= len(text), (a, b, end)
        assert b - a <= limit
        assert text[a:b] == text[a:b].strip()
        end = b
    covered = "".join(text[a:b] for a, b in spans)
    assert "".join(covered.split()) == "".join(text.split()), "a non-space character is in no sentence"
    return f"{min(len(spans), 3)}+ sentences" if spans else "no sentence"


TARGETS = {"numbers": (TEXTS, check_numbers), "segmenter": (TEXTS, check_sentences)}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_number_spans_quote_the_text(case):
    check_numbers(case)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_sentences_cover_the_text_in_order(case):
    check_sentences(case)
