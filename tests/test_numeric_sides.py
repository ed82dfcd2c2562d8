"""Numeric sides: only ranges that cannot both be true make sides."""

from __future__ import annotations

from consistency.compare.numeric import format_range, numeric_sides
from consistency.models import Claim, Count


def _item(i, low, high, actor):
    text = f"claim {i}"
    c = Claim(id=f"d{i}#1", document_id=f"d{i}", actor_id=actor, speaker=None, text=text, span=(0, len(text)))
    return c, Count(subject="killed", low=low, high=high, qualifier="exact", text=str(low), span=(0, 1))


def test_wide_figure_fitting_two_sides_joins_none():
    sides = numeric_sides([_item(1, 2, 2, "a"), _item(2, 3, 3, "b"), _item(3, 2, None, "c")])
    assert [s.value for s in sides] == ["2", "3"]
    assert all("d3" not in s.document_ids for s in sides)


def test_overlapping_approximations_are_one_side():
    sides = numeric_sides([_item(1, 100, None, "a"), _item(2, 101, None, "b"), _item(3, 108, 120, "c")])
    assert len(sides) == 1


def test_vague_and_open_figures_that_do_not_overlap_are_sides():
    sides = numeric_sides([_item(1, 12, 99, "idf"), _item(2, 118, 118, "moh"), _item(3, 151, None, "pij")])
    assert [s.value for s in sides] == ["12–99", "118", "at least 151"]


def test_format_range():
    assert format_range(2, 2) == "2"
    assert format_range(101, None, "more_than") == "more than 100"
    assert format_range(27, 33, "about") == "about 30"
