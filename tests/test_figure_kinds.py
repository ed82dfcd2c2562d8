"""Figures and places of the FIGURE and PLACE kinds: what a number counts (people sheltering,
captives killed, combined tolls), in both languages; the detectors' cases are in
tests/cases/detectors/."""

from __future__ import annotations

import pytest

from consistency.extract.claims import extract_facets
from consistency.extract.doctext import DocText
from consistency.text.numbers import find_numbers


def _counts(text: str, language: str):
    doc = DocText(text, language)
    span = (0, len(text))
    return [(c.subject, c.low, c.high) for c in extract_facets(doc, span, span).counts]


@pytest.mark.parametrize("text,language,want", [
    # what a number counts: people inside a place, not the place
    ("Between 400 and 450 people had been sheltering in the school.", "en", [("sheltering", 400, 450)]),
    ("More than 900 were believed to be in the basement shelter.", "en", [("sheltering", 901, None)]),
    ("وقالت البلدية إن المدرسة كانت تؤوي أكثر من ألفي شخص.", "ar", [("sheltering", 2001, None)]),
    ("أكثر من خمسمئة شخص ما زالوا في الملجأ.", "ar", [("sheltering", 501, None)]),
    ("قالت البلدية إن أكثر من ألف شخص كانوا في المبنى.", "ar", []),
    ("The strike destroyed three buildings.", "en", [("buildings", 3, 3)]),
    # captives killed are not the incident's toll
    ("The group said two hostages were killed in the raid.", "en", [("hostages", 2, 2)]),
    ("أدت العملية إلى مقتل ثلاثة من الأسرى.", "ar", [("hostages", 3, 3)]),
    ("The army said all three were rescued alive.", "en", [("hostages", 0, 0)]),
    ("وأكد الجيش أن الرهائن خرجوا أحياء.", "ar", [("hostages", 0, 0)]),
    ("Rescuers said five people were killed.", "en", [("killed", 5, 5)]),
    # a combined figure, and a life taken with a hedge between the words
    ("The army said several civilians were harmed.", "en", [("casualties", 3, 10)]),
    ("أودت الغارة على الأرجح بحياة نحو مئتي شخص.", "ar", [("killed", 180, 220)]),
    ("وهو ضعف الرقم الرسمي البالغ قرابة مئة قتيل.", "ar", [("killed", 90, 100)]),
])
def test_what_a_number_counts(text, language, want):
    assert _counts(text, language) == [(s, float(lo), None if hi is None else float(hi)) for s, lo, hi in want]


def test_amounting_to_is_not_an_age():
    assert [m.kind for m in find_numbers("والبالغ نحو ثلاثمئة قتيل", "ar")] == ["count"]
    assert [m.kind for m in find_numbers("الطفل البالغ من العمر ١٢ عاما", "ar")] == ["age"]


def test_said_after_a_figure_with_thousands_separators():
    from consistency.extract.attribution import find_attributions
    from consistency.text.segment import sentences

    text = ("Between 2,000 and 2,500 people had been sheltering in the stadium, said Anna Petrova, "
            "the city's deputy mayor, many of them from villages nearby.")
    (att,) = find_attributions(text, sentences(text, "en"), "en")
    assert att.speaker == "Anna Petrova"
    assert text[att.content[0]:att.content[1]] == "Between 2,000 and 2,500 people had been sheltering in the stadium"


@pytest.mark.parametrize("text,language,want", [
    ("The official said the missile was launched from Russian-controlled territory.", "en", ["launch:Russia"]),
    ("He said the rocket had been fired from a village 20 kilometres west, where a Ukrainian unit was deployed.",
     "en", ["launch:Ukraine"]),
    ("وأكدت الوزارة أن الصاروخ أُطلق من منطقة تسيطر عليها القوات الأوكرانية.", "ar", ["launch:Ukraine"]),
    ("The missile was launched from a field near the border.", "en", []),
])
def test_who_holds_the_launch_site(text, language, want):
    doc = DocText(text, language)
    span = (0, len(text))
    assert [v.value for v in extract_facets(doc, span, span).location] == want


@pytest.mark.parametrize("text,language,want", [
    ("He said the missile had been launched from the north.", "en", [("missiles", 1, 1)]),
    ("Officials said the army had fired a short-range ballistic missile at the depot.", "en", [("missiles", 1, 1)]),
    ("وقالت واشنطن إن القوات أطلقت صاروخًا باليستيًا على المحطة.", "ar", [("missiles", 1, 1)]),
    ("A missile strike hit the depot.", "en", []),
    ("The drone fired three missiles at the car.", "en", [("missiles", 3, 3)]),
])
def test_one_missile_named_as_what_was_fired(text, language, want):
    assert _counts(text, language) == [(s, float(lo), float(hi)) for s, lo, hi in want]


@pytest.mark.parametrize("text,language,want", [
    ("The army said its fire caused no more than 5 casualties.", "en", [("gunshot", 0, 5)]),
    ("Ninety wounded were brought in, 60 of them with gunshot wounds.", "en", [("injured", 90, 90), ("gunshot", 60, 60)]),
    ("استقبل المستشفى ٩٠ جريحًا، ٦٠ منهم بأعيرة نارية.", "ar", [("injured", 90, 90), ("gunshot", 60, 60)]),
    ("At least 40 people were killed by gunfire.", "en", [("killed", 40, None)]),
])
def test_people_shot_are_counted_apart_only_when_the_cause_restricts_the_count(text, language, want):
    assert _counts(text, language) == [(s, float(lo), None if hi is None else float(hi)) for s, lo, hi in want]


@pytest.mark.parametrize("text,language,want", [
    ("وقال المكتب إن الهجوم غير المبرر على قوة أمنية عراقية يعد تصعيدا.", "ar", ["state_security"]),
    ("The group found no evidence that the school was used as a base by fighters.", "en", []),
    ("The strike did not hit the hospital itself.", "en", []),
    ("قالت الوزارة إن الطائرات استهدفت مواقع غير عسكرية.", "ar", []),
    ("The army said the building was used as a command post by fighters.", "en", ["militant"]),
])
def test_what_was_struck_under_negation(text, language, want):
    doc = DocText(text, language)
    span = (0, len(text))
    assert sorted({v.value for v in extract_facets(doc, span, span).target}) == want
