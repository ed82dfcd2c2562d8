"""Pathological text through the segmenter, the number parser and claim extraction.

The texts are made by `benchmarks/pathological.py`, which also times them per MB at several
sizes (no timing is asserted here). Sizes are chosen to run in seconds: the full sizes of
issue 7 for the segmenter and the number parser, which are fast; a slice for extraction.
Every result is checked: spans inside the text and quoting it exactly, sentences in order
and within their length limit, every figure found.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from consistency.extract.actors import ActorResolver
from consistency.extract.claims import extract_claims
from consistency.models import Document
from consistency.text import find_numbers, sentences
from consistency.text.segment import _rules

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import pathological as texts  # noqa: E402

MAX_CHARS = _rules("en")["max_chars"]


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver()


def check_sentences(text: str, spans: list[tuple[int, int]]) -> None:
    """In order, disjoint, stripped, within the limit, and together covering every
    non-space character of the text."""
    end = 0
    for a, b in spans:
        assert end <= a < b <= len(text)
        assert b - a <= MAX_CHARS
        assert text[a:b] == text[a:b].strip()
        end = b
    covered = "".join(text[a:b] for a, b in spans)
    assert "".join(covered.split()) == "".join(text.split())


def check_numbers(text: str, mentions) -> None:
    end = 0
    for m in mentions:
        assert end <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.high is None or m.low <= m.high
        end = m.end


def claims_of(text: str, language: str, resolver: ActorResolver):
    claims = extract_claims(Document(id="p", language=language, text=text), resolver)
    assert claims
    for claim in claims:
        assert text[slice(*claim.span)] == claim.text
        if claim.speaker_span is not None:
            assert text[slice(*claim.speaker_span)] == claim.speaker
        for facet in claim.facets.model_dump().values():
            for value in facet:
                assert 0 <= value["span"][0] <= value["span"][1] <= len(text)
                assert text[slice(*value["span"])] == value["text"]
    assert len({c.id for c in claims}) == len(claims)
    return claims


def counts(claims) -> list[tuple]:
    return [(c.subject, c.low, c.high, c.qualifier) for claim in claims for c in claim.facets.counts]


def test_five_megabyte_paragraph_without_punctuation(resolver):
    text = texts.no_punctuation(5_000_000)
    spans = sentences(text, "en")
    check_sentences(text, spans)
    assert len(spans) >= len(text) // MAX_CHARS  # cut at whitespace, each under the limit
    assert find_numbers(text, "en") == []
    piece = text[:100_000]
    claims = claims_of(piece, "en", resolver)
    assert counts(claims) == []


def test_a_hundred_thousand_numbers(resolver):
    n = 100_000
    text = texts.many_numbers(n)
    mentions = find_numbers(text, "en")
    check_numbers(text, mentions)
    digits = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
    expected = []
    for i in range(n):
        figure = i % 9000 + 10
        expected.append([f"{figure}", f"{figure:,}", f"{i % 900 + 10}", f"{figure}.5", f"nearly {figure}"][i % 5])
    assert [m.text.translate(digits) for m in mentions] == expected
    check_sentences(text, sentences(text, "en"))
    piece = texts.many_numbers(1_000)
    found = counts(claims_of(piece, "en", resolver))
    assert ("killed", 10.0, 10.0, "exact") in found and ("injured", 11.0, 11.0, "exact") in found


def test_deeply_nested_quotes(resolver):
    text = texts.nested_quotes(1_000)
    check_sentences(text, sentences(text, "en"))
    check_numbers(text, find_numbers(text, "en"))
    claims_of(text, "en", resolver)
    # within the sentence limit the innermost figure is still read (deeper, the sentence is
    # cut at the limit and the figure falls outside the speaker's first sentence)
    shallow = texts.nested_quotes(100)
    assert ("killed", 7.0, 7.0, "exact") in counts(claims_of(shallow, "en", resolver))


def test_ten_thousand_nested_brackets(resolver):
    text = texts.nested_brackets(10_000)
    check_sentences(text, sentences(text, "en"))
    mentions = find_numbers(text, "en")
    check_numbers(text, mentions)
    assert [m.text for m in mentions] == ["12"]
    claims = claims_of(text, "en", resolver)
    assert counts(claims) == [("killed", 12.0, 12.0, "exact")]


def test_one_megabyte_line_of_arabic_with_diacritics(resolver):
    text = texts.arabic_with_diacritics(1_000_000)
    spans = sentences(text, "ar")
    check_sentences(text, spans)  # no whitespace at all: cut at the limit
    assert find_numbers(text, "ar") == []
    claims = claims_of(text[:200_000], "ar", resolver)
    assert counts(claims) == []


REPORTS = {
    "en": "Health officials said at least 12 people were killed and 30 injured in the strike on the camp. "
          "The army denied that its forces had fired on civilians.",
    "ar": "وقال مسؤول في وزارة الصحة إن 12 شخصا قتلوا وأصيب ثلاثون آخرون في الغارة على المخيم. "
          "ونفى الجيش أن تكون قواته أطلقت النار على المدنيين.",
}


def _strip_controls(value: str | None) -> str | None:
    return value if value is None else "".join(ch for ch in value if ch not in texts.CONTROLS)


def _attributions(claims) -> list[tuple]:
    return [(_strip_controls(c.speaker), c.cue) for c in claims]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_controls_everywhere_change_no_figure(resolver, language):
    plain = REPORTS[language]
    text = texts.with_controls(plain)
    check_sentences(text, sentences(text, language))
    mentions = find_numbers(text, language)
    check_numbers(text, mentions)
    assert [(m.low, m.high, m.kind) for m in mentions] == [(m.low, m.high, m.kind) for m in find_numbers(plain, language)]
    assert counts(claims_of(text, language, resolver)) == counts(claims_of(plain, language, resolver))
    big = texts.with_controls(texts.no_punctuation(100_000))
    check_sentences(big, sentences(big, "en"))
    claims_of(big[:40_000], "en", resolver)


def test_controls_between_arabic_words_keep_the_speaker(resolver):
    plain = REPORTS["ar"]
    text = "".join(ch + ("\u200f" if ch == " " else "") for ch in plain)
    assert _attributions(claims_of(text, "ar", resolver)) == _attributions(claims_of(plain, "ar", resolver))


def test_controls_between_english_words_keep_the_speaker(resolver):
    plain = REPORTS["en"]
    for mark in ("\u200b", "\u200f", "\u2066"):
        text = plain.replace(" ", mark + " ")
        assert _attributions(claims_of(text, "en", resolver)) == _attributions(claims_of(plain, "en", resolver))


def test_presentation_forms_are_read_and_quoted_as_written(resolver):
    text = texts.presentation_forms(20_000)
    check_sentences(text, sentences(text, "ar"))
    check_numbers(text, find_numbers(text, "ar"))
    claims = claims_of(text, "ar", resolver)
    found = [c for claim in claims for c in claim.facets.counts]
    assert found and all((c.subject, c.low, c.high, c.qualifier) == ("killed", 12.0, None, "at_least") for c in found)
    assert all(c.text == "ﻻ يقل عن 12" for c in found)
    big = texts.presentation_forms(1_000_000)
    check_sentences(big, sentences(big, "ar"))
    mentions = find_numbers(big, "ar")
    check_numbers(big, mentions)
    assert len(mentions) == big.count("12")
