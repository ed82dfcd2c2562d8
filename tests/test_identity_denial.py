"""Identity facets about people and things (extract/roles.py) and the denial facets of
extract/targets.py, on our own sentences in both languages."""

from __future__ import annotations

import pytest

from consistency.extract import roles
from consistency.extract.doctext import DocText


def _facets(fn, text: str, language: str, start: int = 0):
    doc = DocText(text, language)
    return [(v.subject, v.value, v.about) for v in fn(doc, (start, len(text)))]


def test_role_of_a_pronoun_takes_the_person_named_before():
    text = ("Two captives were held in the home of Karim Nasser, whom the army described as a militant. "
            "Nasser had worked for the Valley Post, which described him in an obituary as a photographer.")
    start = text.index("him in")
    assert _facets(roles.roles, text, "en", start) == [("role", "protected", "nsr")]
    assert _facets(roles.roles, text[: text.index(".") + 1], "en") == [("role", "armed", "krm nsr")]


def test_role_after_he_was_takes_the_person_named_before():
    text = "The strike killed Karim Nasser and his wife. The army said he was a militia commander."
    assert _facets(roles.roles, text, "en", text.index("The army")) == [("role", "armed", "krm nsr")]
    text = "The strike killed Karim Nasser and his wife. Spokesman Daniel Hagari said he was a militia commander."
    assert _facets(roles.roles, text, "en", text.index("Spokesman")) == [("role", "armed", "krm nsr")]


def test_arabic_role_of_a_pronoun_takes_the_person_named_with_a_role_before():
    text = "قتل الصحفي كريم ناصر في الغارة مع عائلته. ووصفه الجيش في بيان بأنه عنصر في الجناح المسلح."
    start = text.index("ووصفه")
    got = _facets(roles.roles, text, "ar", start)
    assert [(s, v) for s, v, _ in got] == [("role", "armed")] and "nsr" in got[0][2].split()


def test_role_before_an_arabic_name_and_no_role_for_an_adjective():
    got = _facets(roles.roles, "وقالت النقابة إن الصحفي كريم ناصر قتل في الغارة.", "ar")
    assert [(s, v) for s, v, _ in got] == [("role", "protected")] and got[0][2].split()[:2] == ["krm", "nsr"]
    assert _facets(roles.roles, "وقال القائد العام للقوات المسلحة كريم ناصر إن التحقيق مستمر.", "ar") == []


@pytest.mark.parametrize("text,language,want", [
    ("The army said no civilians were harmed in the raid.", "en", []),
    ("Rescuers said the dead were civilians waiting for flour.", "en", ["civilian"]),
    ("The army said the crowd, including residents, began looting the lorries and dozens died.", "en", ["looters"]),
    ("Residents later looted the ruined shops.", "en", ["civilian"]),
    ("وقالت الوزارة إن المسلحين يحتجزون مدنيين رهائن في المبنى.", "ar", ["human_shields"]),
    ("The group rejected the army's account that blamed looters for the deaths.", "en", []),
    ("ورفضت الحركة رواية الجيش التي تتهم لصوصا بنهب الشاحنات.", "ar", []),
])
def test_people_categories(text, language, want):
    assert sorted({v for _, v, _ in _facets(roles.people, text, language)}) == want


def test_material_only_in_a_clause_about_a_blast_and_not_when_negated():
    assert _facets(roles.materials, "The explosion was caused by ammonium nitrate.", "en") == [
        ("material", "explosive_material", None)]
    assert _facets(roles.materials, "The port stored ammonium nitrate for years.", "en") == []
    assert _facets(roles.materials, "وقال إن الانفجار لا يتعلق بمفرقعات.", "ar") == []


@pytest.mark.parametrize("text,language,want", [
    ("Hezbollah leader Hassan Nasrallah spoke on Friday.", "en", [("hezbollah", "Hassan Nasrallah")]),
    ("Hassan Nasrallah is one of the leaders of Hezbollah, and the deputy leader of Hezbollah Naim Qassem spoke.",
     "en", []),
    ("قال إن حركة «النجباء» بزعامة أكرم الكعبي، سترد.", "ar", [("harakat-al-nujaba", "أكرم الكعبي")]),
    ("Akram al-Kaabi, the leader of al-Nujaba, vowed revenge.", "en", [("harakat-al-nujaba", "Akram al-Kaabi")]),
])
def test_leaders(text, language, want):
    assert [(about, value) for _, value, about in _facets(roles.leaders, text, language)] == want


def test_each_partys_denial_is_its_own_side():
    import yaml
    from pathlib import Path

    from tests.test_detectors import run_detector

    cases = yaml.safe_load((Path(__file__).parent / "cases" / "detectors" / "denial.yaml").read_text(encoding="utf-8"))
    case = next(c for c in cases if c["name"] == "each party's denial of its own part is its own side")
    [found] = run_detector("denial", case["documents"])
    assert [s.document_ids for s in found.sides] == [["b"], ["c"]]


def test_rebuttal_names_the_denier_or_the_party_the_claim_is_about():
    from consistency.extract.targets import rebuttals

    def parties(text, language):
        return [sorted(p) for _, p in rebuttals(DocText(text, language), (0, len(text)))]

    assert parties("Critics said Hezbollah stored weapons at the port, which the group denies.", "en") == [["Hezbollah"]]
    assert parties("Critics said Hezbollah stored weapons there, a charge local officials denied.", "en") == []
    assert parties("وقالت مصادر إن الرصيف استخدم في العملية، وهو ما نفته القيادة المركزية الأمريكية.", "ar") == [
        ["United States"]]
