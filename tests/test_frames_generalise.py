"""Framing rules that generalise across incidents (justification facet and detector), in both
languages: a lawful strike on military objects and a strike on wrong information are excuses
against a war-crime frame; people called terrorists, a criminal case or court frame nothing."""

from __future__ import annotations

import pytest

from consistency.compare import DETECTORS, EventContext
from consistency.compare.revisions import find_revisions
from consistency.extract.actors import ActorResolver
from consistency.extract.claims import extract_claims
from consistency.extract.doctext import DocText
from consistency.extract.frames import justification
from consistency.models import Document, Event

FACETS = [
    # a lawful operation on military objects
    ("en", "The army spokesman said the raid was a legitimate military action against the cell that fired the rockets.",
     ["justified"]),
    ("en", "Our forces do not strike homes; strikes are carried out only at military targets, the ministry said.",
     ["justified"]),
    ("en", "The jets hit a terrorist weapons depot on the edge of the village, the command said.", ["justified"]),
    ("ar", "وقال المتحدث إن الغارة عمل عسكري مشروع نُفّذ وفقًا للقانون الدولي الإنساني.", ["justified"]),
    ("ar", "وأكدت الوزارة أن قواتها تضرب أهدافًا عسكرية فقط بأسلحة عالية الدقة.", ["justified"]),
    ("ar", "وقالت القيادة إن الطائرات أصابت مستودعًا للإرهابيين في أطراف البلدة.", ["justified"]),
    ("ar", "وأكد البيان أن لدى القوات تعليمات واضحة بعدم استهداف الأحياء السكنية.", ["justified"]),
    # a strike on wrong information
    ("en", "The review found the jet had struck the house on incorrect information passed on by a local unit.",
     ["accidental"]),
    ("ar", "وخلص التحقيق إلى أن الطائرة استهدفت المبنى بشكل خاطئ بناءً على معلومات غير صحيحة.", ["accidental"]),
    # condemnations
    ("en", "The mayor called the shelling Russian terror and a barbaric attack on sleeping families.", ["condemned"]),
    ("en", "The inquiry concluded that the strike on the market was not justified.", ["condemned"]),
    ("ar", "وقال رئيس الفريق إن قصف السوق لم يكن مبررًا.", ["condemned"]),
    # people called terrorists, a criminal case or court: no frame of the act
    ("en", "The army blamed terrorist groups and those who support them for the deaths.", []),
    ("en", "Prosecutors said they had opened a criminal case and asked the International Criminal Court for help.", []),
    ("ar", "وحمّل البيان المجموعات الإرهابية والدول الداعمة لها المسؤولية.", []),
]


@pytest.mark.parametrize("language,text,want", FACETS, ids=[t[:40] for _, t, _ in FACETS])
def test_frames(language, text, want):
    doc = DocText(text, language)
    got = justification(doc, (0, len(text)))
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


def test_lawful_strike_against_war_crime():
    found = _detect("justification", [
        {"id": "a", "source": "Wire One", "date": "2023-03-02", "language": "en",
         "text": "The defence ministry said its high-precision strikes hit only military targets in the city."},
        {"id": "b", "source": "وكالة ثانية", "date": "2023-03-02", "language": "ar",
         "text": "وقالت منظمة حقوقية في بيان إن قصف المبنى السكني جريمة حرب."},
    ])
    assert [sorted(s.value for s in d.sides) for d in found] == [
        ["condemned as unjustified", "justified (self-defence, necessary, proportionate)"]]


def test_wrong_information_against_massacre():
    found = _detect("justification", [
        {"id": "a", "source": "وكالة أولى", "date": "2023-03-09", "language": "ar",
         "text": "وقال فريق التحقيق إن الطائرة قصفت القاعة بناءً على معلومات غير صحيحة."},
        {"id": "b", "source": "Daily Two", "date": "2023-03-09", "language": "en",
         "text": "The rebel spokesman said the bombing of the hall was a deliberate massacre."},
    ])
    assert [sorted(s.value for s in d.sides) for d in found] == [["a mistake or accident", "condemned as unjustified"]]


def test_enemy_called_terrorists_is_no_condemnation():
    """A party naming its enemy terrorists while calling its own strike lawful is one side."""
    found = _detect("justification", [
        {"id": "a", "source": "Wire One", "date": "2023-03-02", "language": "en",
         "text": "The army said its jets struck terrorist positions and blamed terrorist groups for the deaths."},
        {"id": "b", "source": "Daily Two", "date": "2023-03-02", "language": "en",
         "text": "A local official said the army bombed the terrorist groups' families, residents said."},
    ])
    assert found == []


BLAME = [
    ("en", "The army denied using any toxic gas and blamed terrorist groups and those who support them.",
     ["armed groups (unnamed)"]),
    ("ar", "وحمّل وزير الخارجية المجموعات الإرهابية والدول الداعمة لها المسؤولية عن الهجوم.", ["armed groups (unnamed)"]),
    # the party an act is aimed at is not the one blamed
    ("ar", "وحمّل الوزير الجماعات المسلحة المسؤولية، معتبرًا أن الحملة تمهّد لعدوان على سوريا.", ["armed groups (unnamed)"]),
    ("en", "The minister blamed armed groups, saying the campaign paved the way for an attack on Syria.",
     ["armed groups (unnamed)"]),
    # groups named by kind with no blame cue are not blamed
    ("en", "The strike hit a depot used by armed groups on the edge of the town.", []),
]


@pytest.mark.parametrize("language,text,want", BLAME, ids=[t[:40] for _, t, _ in BLAME])
def test_unnamed_groups_blamed(language, text, want):
    from consistency.extract.claims import extract_facets

    doc = DocText(text, language)
    facets = extract_facets(doc, (0, len(text)), (0, len(text)))
    assert sorted({v.value for v in facets.responsibility}) == want


def test_government_against_unnamed_groups():
    found = _detect("responsibility", [
        {"id": "a", "source": "Wire One", "date": "2023-05-04", "language": "en",
         "text": "The opposition council held the Syrian government responsible for the gas attack on the town."},
        {"id": "b", "source": "وكالة ثانية", "date": "2023-05-04", "language": "ar",
         "text": "وحمّلت القيادة العامة للجيش المجموعات الإرهابية والدول الداعمة لها المسؤولية الكاملة عن الهجوم."},
    ])
    assert [sorted(s.value for s in d.sides) for d in found] == [["Syria", "armed groups (unnamed)"]]


def test_owner_of_the_act_names_no_rival_perpetrator():
    """A party that calls its strike lawful names the doers of what it answered, not of the act."""
    docs = [
        {"id": "a", "source": "Wire One", "date": "2023-06-10", "language": "en",
         "text": "An air strike by the Saudi-led coalition hit a crowded market on Thursday, medics said."},
        {"id": "b", "source": "وكالة ثانية", "date": "2023-06-10", "language": "ar",
         "text": "وقال المتحدث باسم التحالف بقيادة السعودية إن الضربة عمل عسكري مشروع. "
                 "وأضاف التحالف بقيادة السعودية أن الصاروخ الباليستي أطلقه الحوثيون على المدينة الحدودية."},
    ]
    assert _detect("perpetrator", docs) == []
    # without the excuse, the same speaker naming another doer is a rival account
    docs[1]["text"] = "وقال التحالف بقيادة السعودية إن الحوثيين أطلقوا الصاروخ على السوق."
    assert [sorted(s.value for s in d.sides) for d in _detect("perpetrator", docs)] == [["Houthis", "Saudi-led coalition"]]


@pytest.mark.parametrize("language,text", [
    ("en", "The researcher said the coalition's first claim of a \"legitimate military action\" showed its inquiries fail."),
    ("en", "The army spokesman rejected the so-called massacre as propaganda."),
    ("ar", "وقال الباحث إن مزاعم الدفاع عن النفس لا تصمد أمام الأدلة."),
], ids=["claim of", "so-called", "مزاعم"])
def test_reported_frame_is_not_the_speakers(language, text):
    assert justification(DocText(text, language), (0, len(text))) == []
