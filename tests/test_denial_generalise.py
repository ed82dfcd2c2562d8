"""Denial rules that generalise across incidents, in both languages: a party that denies
using a weapon ("categorically denied using", "لم ولن تستخدم") denies its own part, against
those who name it as the perpetrator; a speaker never contradicts his own denial, even where
his short and long names were resolved to two actors."""

from __future__ import annotations

import pytest

from consistency.compare import DETECTORS, EventContext
from consistency.compare.revisions import find_revisions
from consistency.extract.actors import ActorResolver
from consistency.extract.claims import extract_claims
from consistency.extract.doctext import DocText
from consistency.extract.targets import denials
from consistency.models import Document, Event

FACETS = [
    ("en", "The army said it categorically denied using any toxic gas in the village.", ["involvement"]),
    ("en", "The ministry said its forces did not use chemical munitions and never will.", ["involvement"]),
    ("ar", "وأكدت القيادة العامة أنها تنفي نفيًا قاطعًا استخدام أي غازات سامة في القرية.", ["involvement"]),
    ("ar", "وشدد الوزير على أن الجيش لم ولن يستخدم هذه الأسلحة في أي مكان.", ["involvement"]),
    ("ar", "وقال الوزير إن القوات لم تستخدم أي ذخائر محرمة.", ["involvement"]),
    ("ar", "وقال المتحدث إن قوات التحالف «لم تنفذ أي عمليات جوية» في المنطقة.", ["involvement"]),
    ("ar", "وقال المتحدث إن القوات نفذت عمليات جوية على مواقع المسلحين.", []),
    # access refused, against those who say they invited investigators in
    ("en", "The aid agency said its teams had asked to reach the detainees but had not been given access.", ["access"]),
    ("ar", "وقالت المنظمة إن فرقها لم يُسمح لها بالوصول إلى المعتقلين حتى الآن.", ["access"]),
    ("en", "The agency said its teams had been given access to the wounded on Monday.", []),
    # a guarantee denied, against those who say the party gave it
    ("en", "The agency said it was not a guarantor of the evacuation deal and gave no guarantees to anyone.",
     ["guarantee"]),
    ("ar", "وقالت المنظمة إنها ليست طرفًا ضامنًا لأي اتفاق بين الطرفين.", ["guarantee"]),
    # a party to the deal, denied in either language
    ("en", "The agency said it was not a party to any agreement between the two sides.", ["guarantee"]),
    ("ar", "وأكدت المنظمة أنها لم تكن طرفًا في الاتفاق الذي خرج بموجبه المقاتلون.", ["guarantee"]),
    ("ar", "وقالت اللجنة إنها ليست ضامنةً لأي اتفاق.", ["guarantee"]),
    # not a party to the conflict is no role in a deal
    ("en", "The agency said it was not a party to the conflict and would help all the wounded.", []),
    ("ar", "وقالت المنظمة إنها ليست طرفًا في النزاع.", []),
    # asking for the strike or supplying the target, denied
    ("en", "Its commanders never requested the strike on the hall, the officer said.", ["instigation"]),
    ("en", "The ministry said its units did not request air support and supplied no information.", ["instigation"]),
    ("ar", "ونفى الضابط أن تكون قيادة الأركان قد طلبت استهداف القاعة.", ["instigation"]),
    ("ar", "وقال المتحدث إن القيادة لم تطلب الدعم الجوي في تلك الليلة.", ["instigation"]),
    # asking for an inquiry, with no denial, is no such role
    ("en", "The two governments asked for an inquiry into the killing.", []),
    # no explosives where a party said there were
    ("en", "The later blast was caused by a gas cylinder in the yard, not by explosives, the general said.",
     ["explosives"]),
    ("ar", "وأظهرت اللقطات أن الرجل كان ينقل عبوات مياه وليس متفجرات.", ["explosives"]),
    ("en", "Officials said secondary explosions showed the truck was laden with explosives.", []),
    # a past negation before a targeting word denies what it targets; a present one states a policy
    ("ar", "وقال المتحدث إن الغارة طالت أهدافًا عسكرية ولم تستهدف حافلة مدرسية.", ["civilians_harmed"]),
    ("en", "The jets never struck the clinic, the ministry said.", ["facility"]),
    ("ar", "وقال المتحدث إن الجيش لا يستهدف المدنيين.", []),
    ("en", "The army says it does not target civilians.", []),
    # "did not and will not" abandon anyone denies no act
    ("ar", "وقال المتحدث إن الحركة لم ولن تتخلى عن أهالي المدينة.", []),
    # asking for access or guarantees affirms neither
    ("en", "The agency said it had asked for access to the detainees and for guarantees from both sides.", []),
    # using something is no denial
    ("en", "Doctors said they were using generators to keep the wards running.", []),
    ("ar", "وقال الأطباء إنهم يواصلون استخدام المولدات لتشغيل الأقسام.", []),
]


@pytest.mark.parametrize("language,text,want", FACETS, ids=[t[:40] for _, t, _ in FACETS])
def test_denial_facets(language, text, want):
    doc = DocText(text, language)
    got = denials(doc, (0, len(text)))
    assert sorted({v.value for v in got}) == want


def _detect(kind: str, documents: list[dict]):
    docs = [Document(**d) for d in documents]
    resolver = ActorResolver()
    claims = [c for d in docs for c in extract_claims(d, resolver)]
    event = Event(id="ev-test", label="test", claim_ids=[c.id for c in claims])
    by_doc = {d.id: d for d in docs}
    actors = {a.id: a for a in resolver.actors()}
    _, superseded = find_revisions(claims, by_doc, actors, {c.id: event.id for c in claims})
    return DETECTORS[kind](EventContext(event, claims, by_doc, actors, superseded))


def _doc(doc_id: str, text: str, language: str = "en", source: str = "Wire") -> dict:
    return {"id": doc_id, "source": source, "date": "2020-03-02", "language": language, "title": "t", "text": text}


def test_denial_of_using_a_weapon_against_those_naming_the_party():
    found = _detect("denial", [
        _doc("wire-a", "The Syrian army said in a statement that it categorically denies using any toxic "
                       "substances in the village of Tell Abyad."),
        _doc("wire-b", "Toxic gas was dropped on Tell Abyad by Syrian government aircraft on Monday, "
                       "the local health directorate said.", source="Monitor"),
    ])
    assert [(d.kind, d.subject) for d in found] == [("denial", "involvement")]
    assert [s.document_ids for s in found[0].sides] == [["wire-a"], ["wire-b"]]


def test_arabic_denial_of_using_a_weapon_against_those_naming_the_party():
    found = _detect("denial", [
        _doc("agency-a", "وأكد وزير الخارجية أن الجيش العربي السوري لم ولن يستخدم الأسلحة الكيميائية.", "ar"),
        _doc("agency-b", "قُتل عشرات المدنيين في قصف بغازات سامة شنته طائرات النظام السوري صباح الاثنين "
                         "على البلدة، وفقًا لمديرية الصحة.", "ar", source="Monitor"),
    ])
    assert [(d.kind, d.subject) for d in found] == [("denial", "involvement")]


def test_a_speaker_does_not_contradict_his_own_denial():
    found = _detect("denial", [
        _doc("interview", "Syrian President Bashar al-Assad said in an interview that the story was a pretext "
                          "for the US air strike on a Syrian base. \"The West, mainly the United States, is "
                          "hand in glove with the terrorists. They fabricated the whole story,\" Assad said."),
    ])
    assert found == []


def test_access_refused_against_an_invitation_in_either_language():
    found = _detect("denial", [
        _doc("agency", "The Red Cross said on Sunday that it had asked to see the prisoners held at the camp, "
                       "but that access had not been granted so far.", source="Red Cross"),
        _doc("ministry", "وأضاف المتحدث أن الوزارة دعت خبراء من الأمم المتحدة إلى زيارة الموقع للاطلاع على ما جرى.",
             "ar", source="Ministry"),
    ])
    assert [(d.kind, d.subject) for d in found] == [("denial", "access")]
    assert [s.document_ids for s in found[0].sides] == [["agency"], ["ministry"]]


def test_access_refused_that_nobody_says_was_offered_is_no_discrepancy():
    found = _detect("denial", [
        _doc("agency", "The Red Cross said on Sunday that access to the prisoners had not been granted so far.",
             source="Red Cross"),
        _doc("ministry", "The ministry said the camp held prisoners of war and that an inquiry had been opened.",
             source="Ministry"),
    ])
    assert found == []


def test_guarantee_denied_against_those_who_say_it_was_given():
    found = _detect("denial", [
        _doc("agency", "The Red Cross said it was not a guarantor of the deal under which the fighters "
                       "surrendered.", source="Red Cross"),
        _doc("regiment", "The regiment said the fighters had left the plant under guarantees from the Red Cross "
                         "and demanded an answer.", source="Regiment"),
        _doc("president", "وطالب الرئيس الصليب الأحمر بالتحرك، لأنه كان ضامنًا لحياة المقاتلين الذين خرجوا من المصنع.",
             "ar", source="Channel"),
    ])
    assert [(d.kind, d.subject) for d in found] == [("denial", "guarantee")]
    assert [s.document_ids for s in found[0].sides] == [["agency"], ["president", "regiment"]]


def test_a_party_speaking_for_itself_does_not_allege_what_it_denies():
    found = _detect("denial", [
        _doc("channel", "نفى تحالف دعم الشرعية، الأحد، أن تكون طائراته قد نفذت أي غارات على قاعة الأفراح في "
                        "البلدة الجبلية.", "ar", source="Channel"),
        _doc("agency", "أعربت قيادة تحالف دعم الشرعية في اليمن عن أسفها وتعاطفها مع ذوي الضحايا إثر الحادثة "
                       "التي وقعت في قاعة الأفراح في البلدة الجبلية، وأعلنت أنها وجهت فريق التقييم بالتحقيق فيها.",
             "ar", source="Agency"),
    ])
    assert found == []


def test_critics_of_a_party_allege_what_it_denies():
    found = _detect("denial", [
        _doc("tv", "Hezbollah leader Hassan Nasrallah on Sunday denied that the group kept any rockets in "
                   "the grain silos and called for an inquiry.", source="TV"),
        _doc("paper", "Some critics of Hezbollah suggested that the Iran-backed group may have kept rockets "
                      "in the grain silos, a claim no evidence supports.", source="Paper"),
    ])
    assert [(d.kind, d.subject) for d in found] == [("denial", "involvement")]


def test_a_party_denying_its_forces_shelled_denies_its_part():
    found = _detect("denial", [
        _doc("ministry", "Russia's defence ministry said Russian aircraft carried out no air strike on the "
                         "town that day.", source="Ministry"),
        _doc("governor", "Russian jets bombed the theatre in the town centre on Wednesday, the regional "
                         "governor said.", source="Governor"),
    ])
    assert [(d.kind, d.subject) for d in found] == [("denial", "involvement")]


def test_no_shelling_said_by_no_party_stays_a_denial_of_shelling():
    found = _detect("denial", [
        _doc("wire", "A military spokesperson said the army knew of no shelling near the bakery.", source="Wire"),
        _doc("clinic", "Doctors said the bakery queue was hit by shelling at dawn.", source="Clinic"),
    ])
    assert [(d.kind, d.subject) for d in found] == [("denial", "shelling")]


def test_arabic_party_denying_its_forces_shelled_denies_its_part():
    found = _detect("denial", [
        _doc("ministry", "وقالت وزارة الدفاع الروسية إن الطيران الروسي لم يقصف أي أهداف أرضية في البلدة ذلك اليوم.",
             "ar", source="Ministry"),
        _doc("governor", "وقال حاكم المنطقة إن الطيران الروسي شنّ غارة على المسرح وسط البلدة صباح الأربعاء.", "ar",
             source="Governor"),
    ])
    assert [(d.kind, d.subject) for d in found] == [("denial", "involvement")]


def test_a_demand_for_guarantees_or_access_affirms_none():
    found = _detect("denial", [
        _doc("agency", "The Red Cross said it was not a guarantor of the deal and that access had not been "
                       "granted.", source="Red Cross"),
        _doc("regiment", "The regiment demanded guarantees from the Red Cross and urged that inspectors be "
                         "allowed to reach the camp.", source="Regiment"),
        _doc("channel", "وطالبت الحكومة بضمانات من الأمم المتحدة لسلامة الأسرى.", "ar", source="Channel"),
    ])
    assert found == []


def test_a_rejected_claim_of_a_guarantee_is_a_denial_of_it():
    found = _detect("denial", [
        _doc("agency", "The agency rejected claims that it had guaranteed the safety of the surrendering fighters.",
             source="Agency"),
        _doc("regiment", "The regiment said the fighters had left the plant under guarantees from the agency.",
             source="Regiment"),
    ])
    assert [(d.kind, d.subject) for d in found] == [("denial", "guarantee")]
    assert [s.document_ids for s in found[0].sides] == [["agency"], ["regiment"]]


def test_a_denied_request_for_the_strike_against_those_who_say_it_was_made():
    found = _detect("denial", [
        _doc("wire", "An officer in the general staff of the army, speaking on condition of anonymity, denied "
                     "that its commanders had asked for the building to be struck.", source="Wire"),
        _doc("team", "وأوضح المتحدث باسم فريق التحقيق أن جهة محسوبة على هيئة الأركان مرّرت معلومات عن تجمع "
                     "للمسلحين في المبنى وأصرّت على استهدافه فورًا.", "ar", source="Team"),
    ])
    assert [(d.kind, d.subject) for d in found] == [("denial", "instigation")]
    assert [s.document_ids for s in found[0].sides] == [["wire"], ["team"]]


def test_a_denied_request_nobody_says_was_made_is_no_discrepancy():
    found = _detect("denial", [
        _doc("wire", "An officer denied that the army's commanders had asked for the building to be struck.",
             source="Wire"),
        _doc("team", "The investigators said the building was struck by two aircraft after midnight.",
             source="Team"),
    ])
    assert found == []


def test_arabic_anonymous_officer_denying_a_request_for_the_strike():
    found = _detect("denial", [
        _doc("agency", "ونفى ضابط في رئاسة الأركان، فضّل عدم الكشف عن هويته، أن يكون القادة قد طلبوا استهداف "
                       "المبنى.", "ar", source="Agency"),
        _doc("team", "The investigators said the strike was based on information supplied by a unit of the "
                     "general staff, which insisted on an immediate strike.", source="Team"),
    ])
    assert [(d.kind, d.subject) for d in found] == [("denial", "instigation")]
    assert [s.document_ids for s in found[0].sides] == [["agency"], ["team"]]


def test_no_explosives_against_secondary_explosions_in_either_language():
    found = _detect("denial", [
        _doc("paper", "Video shows the driver loading water canisters into the car, not explosives, the paper "
                      "found.", source="Paper"),
        _doc("command", "وأكدت القيادة العسكرية أن الغارة استهدفت مركبة محمّلة بالمتفجرات كانت تشكل تهديدًا وشيكًا.",
             "ar", source="Command"),
    ])
    assert [(d.kind, d.subject) for d in found] == [("denial", "explosives")]
    assert [s.document_ids for s in found[0].sides] == [["paper"], ["command"]]


def test_no_explosives_that_nobody_affirms_is_no_discrepancy():
    found = _detect("denial", [
        _doc("paper", "The fire was caused by a gas cylinder, not by explosives, the experts said.", source="Paper"),
        _doc("command", "The command said the strike hit a vehicle near the airport.", source="Command"),
    ])
    assert found == []


def test_a_strike_said_not_to_have_targeted_a_bus_against_its_own_teams_admission():
    found = _detect("denial", [
        _doc("spokesman", "وأكد المتحدث باسم التحالف أن الغارة طالت أهدافًا عسكرية مشروعة ولم تستهدف حافلة مدرسية "
                          "كما تزعم الجماعة.", "ar", source="Agency"),
        _doc("team", "The assessment team said the strike on the bus carrying children in the market was not "
                     "justified.", source="Wire"),
    ])
    assert [(d.kind, d.subject) for d in found] == [("denial", "civilians_harmed")]
    assert [s.document_ids for s in found[0].sides] == [["spokesman"], ["team"]]


def test_the_military_targets_of_a_denial_of_a_civilian_target_stand():
    from consistency.extract.targets import targets

    text = "وأكد المتحدث أن الغارة طالت أهدافًا عسكرية مشروعة ولم تستهدف حافلة مدرسية."
    doc = DocText(text, "ar")
    denied = denials(doc, (0, len(text)))
    assert [v.value for v in targets(doc, (0, len(text)), denied)] == ["militant"]
