"""Target, identity and location rules that generalise across incidents, in both languages:
civilian and military framings of what was hit (homes, funerals, car bombs, military command),
armed men said to be on board or among the dead, and the part of town the impact is placed in."""

from __future__ import annotations

import pytest

from consistency.compare import DETECTORS, EventContext
from consistency.compare.revisions import find_revisions
from consistency.extract.actors import ActorResolver
from consistency.extract.claims import extract_claims
from consistency.extract.doctext import DocText
from consistency.extract.identity import identities
from consistency.extract.targets import denials, targets
from consistency.models import Document, Event

TARGETS = [
    # homes and gatherings of mourners are civilian targets
    ("en", "A cruise missile slammed into a twelve-storey apartment block on the river bank overnight.", ["civilian"]),
    ("en", "The jets struck a funeral in the old quarter as relatives received condolences.", ["civilian"]),
    ("ar", "وأدانت المفوضية الضربة التي دمّرت مبنى سكنيًا في وسط المدينة.", ["civilian"]),
    ("ar", "وقال الشهود إن الطائرة استهدفت منزلًا في حي سكني قرب السوق.", ["civilian"]),
    ("ar", "وقال زعيم الجماعة إن الطيران تعمّد استهداف تجمع مدني للعزاء.", ["civilian"]),
    # a car bomb, a suicide bomber, military command are military targets
    ("en", "The command said the drone strike hit a vehicle loaded with explosives heading for the airport.",
     ["militant", "vehicle"]),
    ("en", "Officials said the strike targeted a suicide bomber preparing to attack the gate.", ["militant"]),
    ("ar", "وأكدت القيادة أن الغارة استهدفت مركبة محمّلة بالمتفجرات كانت تشكل تهديدًا.", ["militant"]),
    ("ar", "وقالت الوزارة إن قواتها نفذت ضربة مكثفة على منظومة القيادة العسكرية للعدو.", ["militant"]),
    ("ar", "وأصرت الجهة على استهداف الموقع فورًا بوصفه هدفًا عسكريًا مشروعًا.", ["facility", "militant"]),
    # the target as the subject of a passive targeting verb
    ("en", "The charity said its clinic was hit three times during the night.", ["hospital"]),
    ("ar", "وقالت المنظمة إن المستشفى تعرض لقصف متكرر لأكثر من ساعة.", ["hospital"]),
    ("en", "No civilians were hit, the army said.", []),
    # a home mentioned without a targeting word, or a denied one, is no target
    ("en", "Residents returned home after the sirens stopped.", []),
    ("en", "The ministry said its forces do not strike residential buildings.", []),
]


@pytest.mark.parametrize("language,text,want", TARGETS, ids=[t[:40] for _, t, _ in TARGETS])
def test_target_categories(language, text, want):
    doc = DocText(text, language)
    span = (0, len(text))
    got = targets(doc, span, denials(doc, span))
    assert sorted({v.value for v in got}) == want


PEOPLE = [
    ("en", "The official said the bus had been carrying militia recruits on their way to the front.", ["armed"]),
    ("en", "He added that at least one of those killed was an ISIS facilitator.", ["armed"]),
    ("en", "Witnesses said gunmen were aboard the pickup when it was hit.", ["armed"]),
    ("ar", "وأضاف المصدر أن الحافلة كانت تقلّ مجندين في طريقهم إلى الجبهة.", ["armed"]),
    ("ar", "وأكد المصدر أن عدد القتلى لا يتجاوز 20 شخصًا وأن معظمهم من عناصر الميليشيا.", ["armed"]),
    ("ar", "وقال المتحدث إن القتلى بينهم عناصر من الدفاع المدني.", []),  # rescuers are no armed group
    ("ar", "وقال الجيش إن الطائرة كانت تقل انتحاريين يعدّون لهجوم.", ["armed"]),
    # negated or left open: nobody is called armed
    ("en", "There were no fighters on board, only our pupils, the teacher said.", []),
    ("en", "The raid was carried out by fighter jets, killing those inside the car.", []),
    ("en", "None of the dead were fighters, the family said.", []),
    ("en", "The army said it knew of fewer than 100 casualties, without saying how many were militants.", []),
    ("ar", "وقال الأهالي إن القتلى لم يكونوا من المسلحين.", ["civilian"]),  # الأهالي: residents
]


@pytest.mark.parametrize("language,text,want", PEOPLE, ids=[t[:40] for _, t, _ in PEOPLE])
def test_armed_people(language, text, want):
    doc = DocText(text, language)
    got = [v for v in identities(doc, (0, len(text)), None) if v.subject == "people"]
    assert sorted({v.value for v in got}) == want
    for v in got:
        assert text[v.span[0] : v.span[1]] == v.text


def _detect(kind: str, documents: list[dict]):
    docs = [Document(**d) for d in documents]
    resolver = ActorResolver()
    claims = [c for d in docs for c in extract_claims(d, resolver)]
    event = Event(id="ev-test", label="test", claim_ids=[c.id for c in claims])
    by_doc = {d.id: d for d in docs}
    actors = {a.id: a for a in resolver.actors()}
    _, superseded = find_revisions(claims, by_doc, actors, {c.id: event.id for c in claims})
    return DETECTORS[kind](EventContext(event, claims, by_doc, actors, superseded))


def test_car_bomb_against_family_home():
    found = _detect("target", [
        {"id": "a", "source": "وكالة أولى", "date": "2022-08-29", "language": "ar",
         "text": "وأكدت القيادة العسكرية أن الغارة استهدفت مركبة محمّلة بالمتفجرات كانت تهدد المطار."},
        {"id": "b", "source": "Daily Two", "date": "2022-08-29", "language": "en",
         "text": "Neighbours said the missile struck a house where children were playing in the yard."},
    ])
    assert [sorted(s.value for s in d.sides) for d in found] == [
        ["a military target, a militant or a person accused of attacks", "civilians"]]


def test_recruits_on_board_against_schoolboys():
    found = _detect("identity", [
        {"id": "a", "source": "قناة أولى", "date": "2022-08-10", "language": "ar",
         "text": "وقال مصدر حكومي إن الحافلة كانت تقلّ مجندين في طريقهم إلى جبهات القتال."},
        {"id": "b", "source": "Wire Two", "date": "2022-08-10", "language": "en",
         "text": "The aid agency said the dead were civilians, most of them boys on a school trip."},
    ])
    assert [sorted(s.value for s in d.sides) for d in found] == [
        ["a member of an armed group", "civilians (residents, sheltering or seeking aid)"]]


def test_armed_and_civilian_dead_by_one_speaker_is_no_dispute():
    found = _detect("identity", [
        {"id": "a", "source": "Wire One", "date": "2022-08-10", "language": "en",
         "text": "The army said one of those killed was a militant commander. "
                 "The army said it regretted any harm to civilians."},
    ])
    assert found == []


SECTORS = [
    ("en", "The ministry said jets carried out a strike on an arms depot on the eastern outskirts of the town.",
     ["sector:east"]),
    ("en", "Residents said the planes struck at dawn, while families slept in the residential northern neighbourhood.",
     ["sector:north"]),
    ("en", "Shells hit the north-eastern districts overnight, the mayor said.", ["sector:north+east"]),
    ("ar", "وقال المرصد إن طائرات حربية نفذت غارات على الحي الشمالي من البلدة.", ["sector:north"]),
    ("ar", "وأكدت الوزارة أن الطائرات استهدفت مستودعًا على الأطراف الشرقية للبلدة.", ["sector:east"]),
    # a region, a direction from a landmark, no targeting word, or a denied strike place nothing
    ("en", "Fighting raged in northern Gaza on Tuesday.", []),
    ("en", "A rocket struck a house in the old neighbourhood, northwest of the airport.", []),
    ("en", "Families fled to the western suburbs.", []),
    ("en", "The army said it did not strike the western suburbs.", []),
    ("ar", "وقُتل مدنيون في ريف المحافظة الجنوبي.", []),
]


@pytest.mark.parametrize("language,text,want", SECTORS, ids=[t[:40] for _, t, _ in SECTORS])
def test_sectors(language, text, want):
    from consistency.extract.targets import sectors

    doc = DocText(text, language)
    got = sectors(doc, (0, len(text)))
    assert [v.value for v in got] == want
    for v in got:
        assert text[v.span[0] : v.span[1]] == v.text


def test_eastern_outskirts_against_northern_neighbourhood():
    docs = [
        {"id": "a", "source": "Ministry Wire", "date": "2021-04-04", "language": "en",
         "text": "The defence ministry said jets carried out a strike on an arms depot on the eastern outskirts of the town."},
        {"id": "b", "source": "وكالة ثانية", "date": "2021-04-04", "language": "ar",
         "text": "وقال المرصد إن طائرات حربية نفذت غارات على الحي الشمالي من البلدة."},
    ]
    found = _detect("location", docs)
    assert [sorted(s.value for s in d.sides) for d in found] == [
        ["the eastern part of the town", "the northern part of the town"]]
    # a quarter shared ("north-eastern" and "eastern") is no dispute
    docs[1]["text"] = "وقال المرصد إن طائرات حربية نفذت غارات على الأحياء الشمالية الشرقية من البلدة."
    assert _detect("location", docs) == []
