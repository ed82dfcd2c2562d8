"""detect_language: the script most letters are in, Arabic told apart from Persian and Urdu."""

import pytest

from consistency.corpus import detect_language

CASES = [
    ("قال شهود عيان إن المبنى انهار بالكامل بعد الغارة (Reuters).", "ar"),
    ("Residents said the building collapsed after the strike, قال شهود.", "en"),
    ("ﻻ تعليق", "ar"),
    ("مردم گفتند که ساختمان پس از حمله کاملاً فرو ریخت.", "fa"),
    ("لوگوں نے بتایا کہ عمارت حملے کے بعد گر گئی۔", "ur"),
    ("Жители сообщили, что здание обрушилось.", "ru"),
    ("התושבים אמרו שהבניין קרס.", "he"),
    ("12345 -- !!!", "und"),
    ("", "und"),
]


@pytest.mark.parametrize(("text", "language"), CASES)
def test_detect_language(text, language):
    assert detect_language(text) == language


def test_long_text_is_decided_by_its_start_in_bounded_time():
    text = "قال المتحدث إن الوضع هادئ. " * 5000 + "English " * 100_000
    assert detect_language(text) == "ar"
