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


def _vague(i, low, high, actor):
    c, k = _item(i, low, high, actor)
    return c, k.model_copy(update={"qualifier": "vague"})


def test_open_figure_beyond_a_range_founds_a_side_and_a_looser_one_joins_neither():
    sides = numeric_sides([_item(1, 1000, 1200, "deputy"), _item(2, 1301, None, "ombudsman"),
                           _item(3, 1001, None, "council")])
    assert [s.value for s in sides] == ["1,000–1,200", "at least 1,301"]
    assert all("d3" not in s.document_ids for s in sides)


def test_small_vague_quantity_far_below_a_toll_is_a_side():
    sides = numeric_sides([_vague(1, 3, 10, "army"), _item(2, 45, 45, "ministry")])
    assert [s.value for s in sides] == ["3–10", "45"]


def test_small_vague_quantity_against_none_is_a_side():
    sides = numeric_sides([_vague(1, 2, 10, "group"), _item(2, 0, 0, "army")])
    assert [s.value for s in sides] == ["0", "2–10"]


def test_dozens_founds_no_side_even_far_from_a_toll():
    sides = numeric_sides([_vague(1, 12, 99, "witness"), _item(2, 274, 274, "ministry")])
    assert [s.value for s in sides] == ["274"]


def _part(i, low, actor):
    c, k = _item(i, low, None, actor)
    return c, k.model_copy(update={"qualifier": "part_of"})


def test_a_part_of_the_toll_joins_no_side_it_merely_fits():
    sides = numeric_sides([_item(1, 115, 115, "ministry"), _item(2, 151, None, "group"), _part(3, 116, "hospital")])
    assert [s.value for s in sides] == ["115", "at least 151"]
    assert all("d3" not in s.document_ids for s in sides)


def test_a_part_of_the_toll_is_a_side_only_against_a_ceiling():
    ceiling = _item(1, 0, 10, "army")
    ceiling = (ceiling[0], ceiling[1].model_copy(update={"qualifier": "at_most"}))
    assert [s.value for s in numeric_sides([ceiling, _part(2, 142, "hospital")])] == ["0–10", "at least 142"]
    assert [s.value for s in numeric_sides([_item(1, 100, 100, "ministry"), _part(2, 142, "hospital")])] == ["100"]
