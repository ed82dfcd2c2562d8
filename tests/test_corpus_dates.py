"""parse_date on the data-driven cases in tests/cases/dates.yaml."""

from pathlib import Path

import pytest
import yaml

from consistency.corpus import parse_date

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "dates.yaml").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["text"] or "(empty)" for c in CASES])
def test_parse_date(case):
    assert parse_date(case["text"]) == case["iso"], case.get("why", "")


def test_cases_cover_both_languages_and_rejections():
    texts = [c["text"] for c in CASES]
    assert any("كانون" in t for t in texts) and any("يناير" in t for t in texts)
    assert sum(c["iso"] is None for c in CASES) >= 10


def test_long_text_is_not_a_date():
    assert parse_date("4 January 2024 " * 20) is None
