"""Name skeletons meet across scripts and across the usual Latin spellings of Arabic names."""

import pytest

from consistency.evaluate import _attribution_found
from consistency.extract.identity import english_gloss, latin_name, person_alias, skeleton
from consistency.models import Actor, Claim, Document, Report


@pytest.mark.parametrize("latin, arabic", [
    ("Ghaithi", "الغيثي"),          # "gh" is غ, not a "g"/ج
    ("Ghazi", "غازي"),
    ("Pentagon", "البنتاغون"),      # a foreign "g" written غ
    ("Abdulmenam", "عبدالمنعم"),    # "Abd al-" joined in both scripts
    ("Abdel-Moneim", "عبدالمنعم"),
    ("Abduljaleel", "الجليل"),      # joined Latin against split Arabic "عبد الجليل"
    ("Abdulsalam", "عبد السلام".split()[1]),
    ("Abdulqader", "عبدالقادر"),
    ("Abdullah", "الله"),
    ("Hussein", "حسين"),            # "-ein"/"-in"
    ("Othman", "عثمان"),
    ("Qudra", "القدرة"),
])
def test_skeleton_meets_across_scripts(latin, arabic):
    assert skeleton(latin) == skeleton(arabic) != ""


def test_abd_alone_has_no_skeleton_but_abdi_keeps_one():
    assert skeleton("Abd") == skeleton("Abdel") == skeleton("عبد") == ""
    assert skeleton("Abdi") == skeleton("Abdo") == "bd"


def _report(speaker):
    doc = Document(id="d1", language="ar", source="x", text="")
    claim = Claim(id="c1", document_id="d1", speaker=speaker, actor_id=None, text="", span=(0, 0))
    return Report.model_construct(documents=[doc], claims=[claim], actors=[], discrepancies=[])


def test_gold_latin_name_found_on_arabic_speaker():
    assert _attribution_found(_report("وزير الصحة عثمان عبد الجليل"), {"document": "d1", "speaker": "Othman Abduljaleel"})
    assert _attribution_found(_report("عبد المنعم الغيثي"), {"document": "d1", "speaker": "Abdulmenam al-Ghaithi"})
    assert not _attribution_found(_report("عبد المنعم الغيثي"), {"document": "d1", "speaker": "Othman Abduljaleel"})


@pytest.mark.parametrize("phrase, latin", [
    ("وزير الداخلية في الحكومة المؤقتة عثمان عبد الجليل", "Othman Abduljalil"),
    ("الناطق الرسمي باسم الهلال الأحمر توفيق الشكري", "Tufiq al-Shakri"),
    ("الرئيس السابق علي عبدالله صالح", "Ali Abdullah Saleh"),
    ("المتحدث باسم الوزارة الدكتور أشرف القدرة", "Ashraf al-Qadra"),
])
def test_latin_name_of_an_arabic_speaker(phrase, latin):
    got = latin_name(phrase)
    assert got == latin
    # what a Latin search compares: the same skeletons as the Arabic name words
    assert skeleton(got.split()[-1]) == skeleton(phrase.split()[-1])


@pytest.mark.parametrize("phrase", ["وزير الصحة", "الهلال الأحمر الليبي", "مجلس النواب", "Hamas", "وزارة الصحة في غزة"])
def test_no_latin_name_without_a_person_name(phrase):
    assert latin_name(phrase) is None


def test_person_actor_carries_its_latin_name():
    from consistency.extract.actors import ActorResolver

    r = ActorResolver()
    a = r.resolve("وزير الصحة عثمان عبد الجليل", "ar")
    aliases = next(x.aliases for x in r.actors() if x.id == a.id)
    assert "Health minister Othman Abduljalil" in aliases


def test_latin_name_meets_the_news_spelling():
    got = latin_name("عميد بلدية المدينة عبد المنعم الغيثي")
    assert [skeleton(w) for w in got.split()] == [skeleton(w) for w in "Abdulmenam al-Ghaithi".split()]


@pytest.mark.parametrize("body, english", [
    ("القيادة العسكرية الأوكرانية", "Ukrainian military command"),
    ("وزارة الخارجية السعودية", "Saudi foreign ministry"),
    ("الهلال الأحمر الليبي", "Libyan Red Crescent"),
    ("مصادر أمنية عراقية", "Iraqi security sources"),
])
def test_english_gloss_of_an_arabic_body(body, english):
    assert english_gloss(body) == english


@pytest.mark.parametrize("name", ["المقاومة الإسلامية", "الجيش", "كتائب حزب الله", "Ministry of Health"])
def test_no_gloss_for_a_word_without_one(name):
    assert english_gloss(name) is None


def test_body_actor_carries_its_english_gloss():
    from consistency.extract.actors import ActorResolver

    r = ActorResolver()
    a = r.resolve("القيادة العسكرية الأوكرانية", "ar")
    assert "Ukrainian military command" in next(x.aliases for x in r.actors() if x.id == a.id)


@pytest.mark.parametrize("phrase, alias", [
    ("رئيس الوزراء البريطاني بوريس جونسون", "British prime minister Buris Junsun"),
    ("الناطق باسم وزارة الصحة الدكتور أشرف القدرة", "Health ministry spokesman Dr. Ashraf al-Qadra"),
    ("الرئيس السابق علي عبدالله صالح", "Former president Ali Abdullah Saleh"),
    ("محمد شياع السوداني", "Mohammed Shya al-Sudani"),  # no role: the name alone
    ("وزير الصحة", None),
])
def test_person_alias_glosses_the_role(phrase, alias):
    assert person_alias(phrase) == alias
