"""A party denying that it struck a place, against reports of an attack on that place, in both
languages ("denied shelling the market", "نفى الجيش أن يكون قد قصف المخيم", "نفت الوزارة استهداف
السوق"); the dispute of an incident told in passing is found within its own (related) event;
and one denial dispute is one finding: two parties that the same accusers name for one act,
each denying it, stand on one side, with a denier's later admission on the other."""

from __future__ import annotations

import pytest

from consistency.compare import EventContext, compare_event
from consistency.compare.revisions import find_revisions
from consistency.extract.actors import ActorResolver
from consistency.extract.claims import extract_claims
from consistency.extract.doctext import DocText
from consistency.extract.targets import denials
from consistency.models import Document, Event
from tests.test_detectors import run_detector


def _doc(id_, source, date, language, text):
    return {"id": id_, "source": source, "date": date, "language": language, "text": text}


FACETS = [
    ("en", "The army denied shelling the central market in the old town.", "the central market in the old town"),
    ("en", "The ministry denied that its jets had struck the field clinic, saying the pilots hit an arms depot.",
     "the field clinic"),
    ("en", "Officials denied targeting the school and said the building was empty.", "the school"),
    ("ar", "ونفى الجيش أن يكون قد قصف السوق الشعبي في البلدة.", "السوق الشعبي في البلدة"),
    ("ar", "ونفت الوزارة استهداف مخيم النازحين، وقالت إن الضربة أصابت مخزنًا للذخيرة.", "مخيم النازحين"),
    ("ar", "فيما نفت القيادة العسكرية، الأحد، أن تكون طائراتها قد شنت غارات على المستشفى.", "المستشفى"),
    # the attack is granted, only the party's part denied: no place denied struck
    ("en", "The army denied any involvement in the attack on the market.", None),
    ("ar", "ونفى الجيش أي علاقة له بالهجوم الذي استهدف السوق.", None),
    ("en", "The militia denied any role in shelling the camp.", None),
    ("ar", "ونفى الجيش مسؤوليته عن قصف السوق.", None),
    # what is denied is harm to civilians, not a place
    ("en", "The army denied targeting civilians.", None),
    ("ar", "ونفت الوزارة استهداف المدنيين.", None),
    # no denial at all
    ("en", "The army said it struck the depot near the market.", None),
]


@pytest.mark.parametrize("language,text,place", FACETS, ids=[t[:40] for _, t, _ in FACETS])
def test_a_place_denied_struck(language, text, place):
    got = [v for v in denials(DocText(text, language), (0, len(text))) if v.value == "struck_place"]
    assert [v.about for v in got] == ([place] if place else [])
    for v in got:
        assert text[v.span[0] : v.span[1]] == v.text


def _denials(documents):
    return run_detector("denial", documents)


def _quotes(found, documents):
    texts = {d["id"]: d["text"] for d in documents}
    out = []
    for side in found.sides:
        for q in side.quotes:
            assert texts[q.document_id][q.span[0] : q.span[1]] == q.text
        out.append([q.text for q in side.quotes])
    return out


def test_denied_shelling_of_a_market_against_shells_that_hit_it_en():
    docs = [_doc("a", "Wire One", "2024-03-04", "en",
                 "Rescuers said artillery shells hit the central market in Zarqa on Monday, killing nine people."),
            _doc("b", "Wire Two", "2024-03-04", "en", "The army denied shelling the central market in Zarqa.")]
    found = _denials(docs)
    assert len(found) == 1
    assert [s.value for s in found[0].sides] == ["the party did not strike the central market in Zarqa",
                                                 "an attack hit the central market in Zarqa"]
    assert _quotes(found[0], docs) == [["denied shelling the central market in Zarqa"],
                                       ["hit the central market in Zarqa"]]


def test_denied_striking_a_camp_against_a_raid_on_it_ar():
    docs = [_doc("a", "وكالة أولى", "2024-03-04", "ar",
                 "وقالت مصادر طبية إن غارة جوية استهدفت مخيم النازحين غرب البلدة وقتلت سبعة أشخاص."),
            _doc("b", "وكالة ثانية", "2024-03-04", "ar", "ونفى الجيش أن يكون قد قصف مخيم النازحين.")]
    found = _denials(docs)
    assert len(found) == 1
    assert _quotes(found[0], docs) == [["ونفى الجيش أن يكون قد قصف مخيم النازحين"], ["استهدفت مخيم النازحين"]]


def test_a_report_of_another_place_answers_no_denial():
    docs = [_doc("a", "Wire One", "2024-03-04", "en", "Rescuers said shells hit a school in the northern district."),
            _doc("b", "Wire Two", "2024-03-04", "en", "The army denied shelling the central market."),
            _doc("c", "وكالة أولى", "2024-03-04", "ar", "وقال مسعفون إن قذائف سقطت على مدرسة في الحي الشمالي."),
            _doc("d", "وكالة ثانية", "2024-03-04", "ar", "ونفت القيادة استهداف السوق المركزي.")]
    assert _denials(docs) == []


def test_a_party_denying_only_its_part_in_a_granted_attack_is_not_answered_by_the_attack():
    docs = [_doc("a", "Wire One", "2024-03-04", "en", "Rescuers said a missile hit the central market."),
            _doc("b", "Wire Two", "2024-03-04", "en",
                 "The militia denied any involvement in the attack on the central market.")]
    assert _denials(docs) == []


def _contexts(documents, main_ids, related_ids):
    docs = [Document(**d) for d in documents]
    resolver = ActorResolver()
    claims = [c for d in docs for c in extract_claims(d, resolver)]
    by_doc = {d.id: d for d in docs}
    actors = {a.id: a for a in resolver.actors()}

    def context(event_id, ids):
        mine = [c for c in claims if c.document_id in ids]
        event = Event(id=event_id, label=event_id, claim_ids=[c.id for c in mine])
        _, superseded = find_revisions(mine, by_doc, actors, {c.id: event_id for c in mine})
        return EventContext(event, mine, by_doc, actors, superseded)

    return context("ev-main", main_ids), context("ev-related", related_ids)


def test_the_denial_of_an_incident_told_in_passing_is_found_in_its_own_event():
    docs = [_doc("a", "Wire One", "2024-03-05", "en", "A drone strike killed four guards at the border crossing, "
                                                       "the interior ministry said."),
            _doc("b", "Wire One", "2024-03-05", "en",
                 "Separately, civil defence officials said tank shells hit tents in the al-Rimal camp, killing 11 "
                 "people. The army denied striking inside the al-Rimal camp."),
            _doc("c", "Wire Two", "2024-03-06", "en", "Officials put the toll at 15 killed in the al-Rimal camp.")]
    main, related = _contexts(docs, {"a"}, {"b", "c"})
    found = compare_event(main, ["casualty_count", "denial"], (related,))
    # the related event's denial dispute only: its tolls are not compared there
    assert [(d.kind, d.event_id) for d in found] == [("denial", "ev-related")]
    assert _quotes(found[0], docs) == [["denied striking inside the al-Rimal camp"],
                                       ["hit tents in the al-Rimal camp"]]


CO_ACCUSED = [
    _doc("a", "وكالة المتمردين", "2016-05-01", "ar",
         "وقالت الوكالة إن طيران العدوان السعودي الأمريكي قصف قاعة الأفراح في البلدة وقتل ثلاثين شخصًا."),
    _doc("b", "Gulf Daily", "2016-05-01", "en",
         "The Saudi-led coalition denied carrying out any air strikes on the wedding hall."),
    _doc("c", "Wire One", "2016-05-02", "en",
         "The Pentagon denied that American forces had any involvement in the strike."),
]


def test_two_parties_named_by_the_same_accusers_are_one_denial_dispute():
    found = _denials(CO_ACCUSED)
    assert len(found) == 1
    deny, affirm = found[0].sides
    assert deny.document_ids == ["b", "c"] and affirm.document_ids == ["a"]


def test_a_later_admission_stands_with_the_accusers():
    admission = _doc("d", "Wire One", "2016-05-09", "en",
                     "The Saudi-led coalition acknowledged that one of its aircraft bombed the wedding hall by mistake.")
    found = _denials(CO_ACCUSED + [admission])
    assert len(found) == 1
    assert found[0].sides[1].document_ids == ["a", "d"]
    # denial and admission alone: one party changing its account, no dispute
    assert _denials([CO_ACCUSED[1], admission]) == []


def test_parties_blaming_each_other_stay_two_disputes():
    # residents name both parties' fire, but each party blames the other: two disputes
    docs = [_doc("a", "Wire One", "2023-10-02", "en", "Witnesses said an Israeli drone struck the car near the border."),
            _doc("b", "Wire Two", "2023-10-02", "en",
                 "Hezbollah said the blast was an Israeli attack and denied any involvement."),
            _doc("c", "Wire Two", "2023-10-02", "en",
                 "The Israeli military denied involvement and said a Hezbollah rocket had misfired."),
            _doc("d", "Wire Three", "2023-10-03", "en", "Residents said Israeli shelling and Hezbollah rockets hit the village.")]
    found = _denials(docs)
    assert sorted(d.sides[0].claim_ids for d in found) == [["b#1", "b#2"], ["c#1"]]
