"""Target and location disputes that generalise across incidents, in both languages: what the
fire or the strike was aimed at (a person, journalists, an aircraft taken for something else),
what kind of place it landed in, the course a craft was on, and where the fire came from."""

from __future__ import annotations

from consistency.extract.claims import extract_facets
from consistency.extract.doctext import DocText
from tests.test_detectors import run_detector


def _doc(id_, source, date, language, text):
    return {"id": id_, "source": source, "date": date, "language": language, "text": text}


def _found(kind, documents):
    return sorted((d.subject, sorted(s.value for s in d.sides)) for d in run_detector(kind, documents))


def _facets(text, language="en"):
    doc = DocText(text, language)
    facets = extract_facets(doc, (0, len(text)), (0, len(text)))
    return sorted(v.value for v in facets.target), sorted(v.value for v in facets.location)


# ---------------------------------------------------------------- what was aimed at

def test_fire_aimed_at_a_gunman_against_fire_at_journalists_en_ar():
    docs = [
        _doc("army", "Army Spokesman", "2023-03-02", "en",
             "The army said a soldier fired from an armoured car at an armed man who was shooting at the patrol."),
        _doc("union", "نقابة الصحفيين", "2023-03-02", "ar",
             "وقالت نقابة الصحفيين إن الجنود أطلقوا النار مباشرة على الصحفيين الذين كانوا يرتدون سترات الصحافة."),
    ]
    assert _found("target", docs) == [("target", ["a military target, a militant or a person accused of attacks",
                                                  "journalists"])]


def test_the_shooters_agent_is_no_target():
    # "hit by gunmen": the gunmen fired, nobody aimed at them
    assert _facets("The photographer was hit by masked gunmen firing from a rooftop.")[0] == []
    assert _facets("A soldier fired twice toward a gunman on the roof.")[0] == ["militant"]
    # a place used by commanders is still aimed at them
    assert _facets("The jets hit a depot used by two senior commanders.")[0] == ["facility", "militant"]


def test_aircraft_taken_for_a_hostile_object_against_a_passenger_plane_en():
    docs = [
        _doc("mod", "Defence Ministry", "2021-09-10", "en",
             "The ministry said a missile crew had mistaken the plane for an enemy drone during the alert."),
        _doc("airline", "Northern Air", "2021-09-10", "en",
             "The airline said its passenger jet was shot down minutes after take-off."),
    ]
    assert _found("target", docs) == [("target", ["a hostile target (what the shooters took it for)", "civilians"])]


def test_aircraft_taken_for_a_hostile_object_ar():
    docs = [
        _doc("mod", "وزارة الدفاع", "2021-09-10", "ar",
             "وقالت وزارة الدفاع إن الطائرة اتخذت مسار هدف معادٍ فأطلقت عليها الدفاعات الجوية صاروخًا."),
        _doc("fam", "رابطة أسر الضحايا", "2021-09-10", "ar",
             "وقالت الرابطة إن الدفاعات الجوية أسقطت طائرة ركاب مدنية تقل ٩٠ مسافرًا."),
    ]
    assert _found("target", docs) == [("target", ["a hostile target (what the shooters took it for)", "civilians"])]


def test_a_weapon_is_no_target_without_a_mistake():
    # "hit by a cruise missile" names the weapon, not what it was aimed at
    assert _facets("The depot was struck with cruise missiles overnight, the governor said.")[0] == ["facility"]
    assert _facets("The strike on the city used cruise missiles.")[0] == []


def test_the_speaker_who_took_it_for_a_hostile_object_is_no_other_side():
    docs = [
        _doc("mod", "Defence Ministry", "2021-09-10", "en",
             "The ministry said the operator had mistaken the airliner for an enemy drone and shot down the airliner."),
    ]
    assert _found("target", docs) == []


def test_commanders_aimed_at_against_tents_of_displaced_families_ar_en():
    docs = [
        _doc("army", "Army", "2024-02-11", "en",
             "The army said it targeted a senior commander of the armed wing in the strike."),
        _doc("wit", "وكالة محلية", "2024-02-11", "ar",
             "وقال شهود إن الغارة استهدفت خيام النازحين قرب الشاطئ."),
    ]
    assert _found("target", docs) == [("target", ["a military target, a militant or a person accused of attacks",
                                                  "civilians"])]


def test_a_press_conference_is_no_target():
    assert _facets("The army struck back, the minister told a press conference.")[0] == []
    assert _facets("ورد الجيش على ذلك في مؤتمر صحفي عقده الوزير.", "ar")[0] == []


# ---------------------------------------------------------------- where

def test_open_area_against_crowded_tents_en_ar():
    docs = [
        _doc("army", "Army Spokesman", "2024-02-11", "en",
             "The spokesman said the strike hit an open field outside the town and that it was not a tent camp."),
        _doc("cd", "الدفاع المدني", "2024-02-11", "ar",
             "وقال الدفاع المدني إن الصاروخ سقط في منطقة مكتظة بالخيام والنازحين."),
    ]
    assert _found("location", docs) == [("site", ["among crowded tents, homes or shelters",
                                                 "in an open, closed-off or empty area, not among tents or homes"])]


def test_not_an_open_area_places_nothing():
    assert _facets("Residents said it was not an open field at all.")[1] == []
    assert _facets("The spokesman said the area was not a tent camp.")[1] == ["setting:unpopulated"]


def test_route_toward_a_military_site_back_to_the_airport_or_normal():
    docs = [
        _doc("staff", "General Staff", "2021-09-11", "en",
             "The General Staff said the aircraft turned toward a sensitive military base shortly after take-off."),
        _doc("aviation", "هيئة الطيران", "2021-09-11", "ar",
             "وقال رئيس هيئة الطيران إن الطائرة استدارت عائدة باتجاه المطار بعد عطل في المحرك."),
        _doc("airline", "شركة الطيران", "2021-09-11", "ar",
             "ونفى مدير الشركة أن تكون الطائرة قد انحرفت عن مسارها، مؤكدًا أنها بقيت في الممر المعتاد."),
    ]
    assert _found("location", docs) == [("route", ["on its normal route", "turning back toward the airport",
                                                  "turning toward a military site"])]


def test_one_course_is_no_dispute():
    docs = [
        _doc("a", "Agency A", "2021-09-11", "en", "Officials said the aircraft turned back toward the airport."),
        _doc("b", "وكالة ب", "2021-09-11", "ar", "وقال مسؤول إن الطائرة عادت باتجاه المطار قبل سقوطها."),
    ]
    assert _found("location", docs) == []


def test_fire_from_the_troops_against_fire_from_gunmen_en_ar():
    docs = [
        _doc("wit", "شهود", "2023-03-02", "ar",
             "وقال مصور كان في المكان إن الرصاص أُطلق من جهة آليات الجيش المتوقفة عند مدخل الحي."),
        _doc("army", "Army Spokesman", "2023-03-02", "en",
             "The army said its patrol had come under heavy fire from gunmen on the rooftops."),
    ]
    assert _found("location", docs) == [("source of fire", ["with the fire coming from gunmen",
                                                           "with the fire coming from the troops' side"])]


def test_no_fire_from_the_troops_places_nothing():
    assert _facets("Witnesses said there was no fire from the soldiers at that point.")[1] == []


def test_a_launch_is_no_source_of_gunfire():
    assert _facets("Rocket fire from militants hit the town overnight.")[1] == []
    assert _facets("وأكدت الوزارة أن الصاروخ أُطلق من منطقة تسيطر عليها قوات المعارضة.", "ar")[1] == []
    assert _facets("The shots were fired from a hill held by the army.")[1] == []


def test_unarmed_people_at_work_or_gathered_are_civilians_en_ar():
    assert _facets("Police fired at protesters outside the ministry.")[0] == ["civilian"]
    assert _facets("وقال الهلال الأحمر إن الغارة الثانية استهدفت المسعفين.", "ar")[0] == ["civilian"]
    docs = [
        _doc("police", "Interior Ministry", "2019-11-05", "en",
             "The ministry said officers fired at armed men who had opened fire on a checkpoint."),
        _doc("wit", "مراسل محلي", "2019-11-05", "ar",
             "وقال شهود إن عناصر الأمن أطلقوا الرصاص الحي على المتظاهرين في الساحة."),
    ]
    assert _found("target", docs) == [("target", ["a military target, a militant or a person accused of attacks",
                                                  "civilians"])]
