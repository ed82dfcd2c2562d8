"""Figures that generalise across incidents, in both languages: a toll that rises over days
(any official, any outlet) against rival counts, ceilings, initial tolls, relayed figures,
the children among a toll, what a hospital took in, single strikes, and numbers that count
nothing (storeys) or another scope (a war, a country, a day)."""

from __future__ import annotations

import pytest

from consistency.extract.claims import extract_facets
from consistency.extract.doctext import DocText
from consistency.text.numbers import find_numbers
from tests.test_detectors import run_detector


def _doc(id_, source, date, language, text):
    return {"id": id_, "source": source, "date": date, "language": language, "text": text}


def _sides(kind, documents):
    return sorted((d.subject, sorted(s.value for s in d.sides)) for d in run_detector(kind, documents))


def _counts(text, language):
    doc = DocText(text, language)
    span = (0, len(text))
    return [(c.subject, c.low, c.high, c.scope) for c in extract_facets(doc, span, span).counts]


RISING = [
    _doc("a", "Wire One", "2024-03-02", "en",
         "A missile hit a tower block in the port city on Saturday, killing 14 people, the regional governor said."),
    _doc("b", "قناة ثانية", "2024-03-03", "ar",
         "وقالت خدمة الطوارئ إن عدد القتلى ارتفع إلى 25 شخصًا مع استمرار البحث تحت الأنقاض."),
    _doc("c", "Civil Defence Service", "2024-03-05", "en",
         "According to the final figures, 31 people were killed in the collapse, the service said."),
]


def test_a_toll_that_rises_over_days_is_one_running_count():
    assert _sides("casualty_count", RISING) == []


def test_the_running_count_is_reported_as_a_revision():
    from consistency.compare.revisions import find_revisions
    from consistency.extract.actors import ActorResolver
    from consistency.extract.claims import extract_claims
    from consistency.models import Document

    docs = [Document(**d) for d in RISING]
    resolver = ActorResolver()
    claims = [c for d in docs for c in extract_claims(d, resolver)]
    revisions, _ = find_revisions(claims, {d.id: d for d in docs}, {a.id: a for a in resolver.actors()},
                                  {c.id: "ev" for c in claims})
    assert [(r.subject, r.values) for r in revisions] == [("killed", ["14", "25", "31"])]


def test_without_a_word_of_rise_later_figures_stay_rivals():
    plain = [RISING[0], _doc("b", "قناة ثانية", "2024-03-03", "ar",
                             "وقالت خدمة الطوارئ إن 25 شخصًا قتلوا في الهجوم على البرج.")]
    assert _sides("casualty_count", plain) == [("killed", ["14", "25"])]


def test_a_rise_of_something_else_is_no_rise_of_the_toll():
    docs = [_doc("a", "Wire One", "2024-03-02", "en", "Twelve people were killed in the shelling, police said."),
            _doc("b", "Daily Two", "2024-03-03", "en",
                 "The number of people displaced by the fighting rose to 5,000, the agency said. "
                 "A local official said 20 people were killed in the shelling.")]
    assert _sides("casualty_count", docs) == [("killed", ["12", "20"])]


def test_a_rise_the_same_day_by_another_source_is_a_rival_count():
    docs = [_doc("a", "Wire One", "2024-03-02", "en", "Two people were killed in the drone strike, police said."),
            _doc("b", "Daily Two", "2024-03-02", "en",
                 "The death toll from the drone strike has risen to four, a police spokesman said.")]
    assert _sides("casualty_count", docs) == [("killed", ["2", "4"])]


def test_a_ceiling_is_never_left_behind_by_a_later_rise():
    docs = [_doc("a", "قناة أولى", "2024-03-02", "ar",
                 "ونقلت القناة عن مصدر حكومي قوله إن عدد القتلى لا يتجاوز 20 شخصًا معظمهم من المسلحين."),
            _doc("b", "Wire One", "2024-03-03", "en",
                 "The health ministry raised the death toll to 51 on Sunday, its spokesman said.")]
    assert _sides("casualty_count", docs) == [("killed", ["0–20", "51"])]


def test_an_initial_toll_stands_against_another_sources_figure():
    docs = [_doc("a", "وكالة محلية", "2024-03-02", "ar",
                 "وقال المتحدث باسم وزارة الصحة إن الحصيلة الأولية للغارة بلغت 30 قتيلًا."),
            _doc("b", "UN Office", "2024-03-02", "en",
                 "Initial reports indicate that more than 70 people were killed, the UN coordinator said.")]
    assert _sides("casualty_count", docs) == [("killed", ["30", "more than 70"])]


def test_an_outlets_initial_toll_gives_way_to_its_own_update():
    docs = [_doc("a", "City Wire", "2024-03-02", "ar",
                 "وقال مصدر أمني إن الهجوم أسفر وفق حصيلة أولية عن مقتل شخص واحد."),
            _doc("b", "City Wire", "2024-03-02", "en",
                 "The death toll from the attack has risen to three, a medical source told City Wire."),
            _doc("c", "Daily Two", "2024-03-02", "en", "Three people were killed in the attack, a police officer said.")]
    assert _sides("casualty_count", docs) == []


def test_figures_relayed_the_day_their_source_revised_them_go_with_them():
    docs = [_doc("a", "قناة أولى", "2024-03-02", "ar",
                 "قالت وزارة الدفاع الروسية إن القصف على السجن أدى إلى مقتل 40 سجينًا وإصابة 75 آخرين."),
            _doc("b", "قناة ثانية", "2024-03-02", "ar",
                 "أعلنت وزارة الدفاع الروسية مساء الجمعة ارتفاع عدد قتلى القصف على السجن إلى 50 سجينًا، فيما بلغ عدد المصابين 73."),
            _doc("c", "Kyiv Daily", "2024-03-02", "en",
                 "A state television channel reported that 40 prisoners were killed and 75 wounded in the shelling.")]
    assert _sides("casualty_count", docs) == []


def test_children_among_the_dead_are_compared_with_each_other():
    docs = [_doc("a", "Wire One", "2024-03-02", "en",
                 "The strike killed nine people, six of them children, relatives said."),
            _doc("b", "قناة ثانية", "2024-03-02", "ar",
                 "وقالت مصادر طبية إن الغارة أدت إلى مقتل تسعة أشخاص بينهم سبعة أطفال.")]
    assert _sides("casualty_count", docs) == [("children killed", ["6", "7"])]


def test_up_to_seven_children_fits_both_breakdowns():
    docs = [_doc("a", "Wire One", "2024-03-02", "en",
                 "The strike killed nine people, six of them children, relatives said."),
            _doc("b", "Command", "2024-03-02", "en",
                 "The general said the strike killed as many as nine civilians, including up to seven children.")]
    assert _sides("casualty_count", docs) == []


def test_what_a_hospital_received_is_part_of_the_toll():
    docs = [_doc("a", "Aid Group", "2024-03-02", "en",
                 "The district hospital received the bodies of 12 children, all under ten, as well as 40 wounded people, "
                 "the aid group said."),
            _doc("b", "Wire One", "2024-03-02", "en", "The health ministry said 60 people were wounded in the strike.")]
    assert _sides("casualty_count", docs) == []


def test_a_single_bomb_that_struck_is_one_strike_against_two_raids():
    docs = [_doc("a", "قناة محلية", "2024-03-02", "ar", "وقال مراسلنا إن الطيران شن غارتين على الحافلة في السوق."),
            _doc("b", "Wire One", "2024-03-03", "en",
                 "Survivors said the bus had stopped at the market when a single bomb struck it.")]
    assert _sides("count", docs) == [("attacks", ["1", "2"])]


@pytest.mark.parametrize("text,language,want", [
    ("Not a single missile of this type has been shot down, the spokesman said.", "en", []),
    ("A missile slammed into a nine-storey apartment building.", "en", []),
    ("The navy said 40 cruise missiles were fired from two warships.", "en", [("missiles", 40.0, 40.0, "event")]),
    ("أصاب الصاروخ مبنى من تسعة طوابق.", "ar", []),
    ("More than 10,000 people have been killed in the war, according to the United Nations.", "en",
     [("killed", 10001.0, None, "cumulative")]),
    ("The air force said Russia fired 28 cruise missiles at the country during the day.", "en",
     [("missiles", 28.0, 28.0, "cumulative")]),
    ("Rescuers said 39 people were rescued from under the rubble, including six children.", "en",
     [("rescued", 39.0, 39.0, "event"), ("rescued", 6.0, 6.0, "partial")]),
    ("وبلغت الحصيلة النهائية 51 شهيدًا بينهم 40 طفلًا و79 جريحًا.", "ar",
     [("killed", 51.0, 51.0, "event"), ("children killed", 40.0, 40.0, "event"), ("injured", 79.0, 79.0, "event")]),
])
def test_what_a_figure_counts(text, language, want):
    assert [c for c in _counts(text, language) if c[0] != "missing"] == want


@pytest.mark.parametrize("text,language", [
    ("وأكد المصدر أن عدد القتلى لا يتجاوز 20 شخصًا.", "ar"),
    ("وأكد المصدر أن عدد القتلى لم يتجاوز عشرين.", "ar"),
    ("The official said the toll did not exceed 20.", "en"),
])
def test_a_negated_exceeding_is_a_ceiling(text, language):
    (m,) = find_numbers(text, language)
    assert (m.low, m.high, m.qualifier) == (0, 20, "at_most")


def test_a_part_of_a_total_is_no_count_of_what_was_fired():
    # those that reached or were downed are a part of the total given right after them
    en = _counts("The ministry said only 17 missiles out of 40 reached their targets.", "en")
    assert all(c[1] != 17 for c in en) and any(c[1] == 40 for c in en)
    ar = _counts("وقالت الوزارة إن 17 صاروخًا فقط من أصل 40 صاروخًا أصابت أهدافها.", "ar")
    assert all(c[1] != 17 for c in ar) and any(c[1] == 40 for c in ar)
    # people keep their toll: the part killed among those present is the incident's toll
    en = _counts("The strike killed 30 out of the 200 people sheltering in the school.", "en")
    assert ("killed", 30, 30) in [c[:3] for c in en]


def test_women_among_the_dead_are_no_children():
    en = _counts("The group documented 64 deaths, including 21 children and 12 women, in the shelling.", "en")
    ar = _counts("ووثقت المنظمة مقتل 64 شخصًا، بينهم 21 طفلًا و12 سيدة، جراء القصف.", "ar")
    for found in (en, ar):
        subjects = {c[1]: c[0] for c in found}
        assert subjects[21] == "children killed" and subjects[12] == "killed", found
