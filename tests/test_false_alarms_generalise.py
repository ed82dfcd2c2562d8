"""False alarms that generalise across incidents, in both languages: a party named in a
person's post ("the group's military chief") or as the owner of what was hit ("struck a
fortified Hezbollah tunnel") did not do the act; a party in another phrase of the sentence
is not the agent of its verb; "confirm or deny" is no denial; in "وكانت قد وصفت X بأنه ..."
X is what is described, not who speaks."""

from __future__ import annotations

from consistency.extract.actors import ActorResolver
from consistency.extract.attribution import find_attributions
from consistency.extract.claims import extract_claims
from consistency.models import Document
from consistency.text.segment import sentences
from tests.test_detectors import run_detector


def _doc(id_, source, date, language, text):
    return {"id": id_, "source": source, "date": date, "language": language, "text": text}


def _claims(text, language):
    return extract_claims(Document(id="d", source="Wire", language=language, text=text), ActorResolver())


def _perpetrators(text, language):
    return sorted({v.value for c in _claims(text, language) for v in c.facets.perpetrator})


# ---------------------------------------------------------------- who did it


def test_a_partys_military_chief_is_a_post_not_an_act_en():
    text = ("The defence minister said on Sunday there was no certainty yet that Hezbollah military chief "
            "Ali Hamdan had been killed, but that the campaign would go on.")
    assert "Hezbollah" not in _perpetrators(text, "en")


def test_a_force_noun_before_spokesman_names_no_act_en():
    text = "A Russian army spokesman told reporters that the convoy had been hit near the bridge."
    assert "Russia" not in _perpetrators(text, "en")


def test_a_force_noun_doing_the_act_is_still_the_agent_en():
    assert _perpetrators("Russian forces shelled the bridge overnight, the governor said.", "en") == ["Russia"]


def test_the_owner_of_what_was_struck_is_no_perpetrator_en():
    text = "The army said its jets struck a fortified Hezbollah tunnel near the border on Tuesday."
    assert "Hezbollah" not in _perpetrators(text, "en")


def test_a_party_in_another_phrase_is_not_the_agent_of_the_verb_ar():
    text = ("أعلن الجيش الإسرائيلي مقتل حسن يوسف، القيادي في حزب الله، في الغارة التي استهدفت بلدة "
            "في الجنوب أمس.")
    assert "Hezbollah" not in _perpetrators(text, "ar")


def test_an_army_commanders_title_names_no_act_ar():
    text = "وقال قائد الجيش اللبناني إن الوحدات انتشرت في البلدة بعد الغارة."
    assert "Lebanon" not in _perpetrators(text, "ar")


def test_perpetrator_detector_ignores_posts_and_owners():
    docs = [
        _doc("a", "Wire", "2023-03-02", "en",
             "Israeli jets struck a house in the town, killing six people, medics said."),
        _doc("b", "Network", "2023-03-02", "en",
             "The prime minister said it was not yet certain that Hezbollah military chief Ali Hamdan had been killed."),
        _doc("c", "قناة", "2023-03-03", "ar",
             "أعلن الجيش الإسرائيلي مقتل حسن يوسف، القيادي في حزب الله، في الغارة التي استهدفت البلدة."),
    ]
    assert [sorted(s.value for s in d.sides) for d in run_detector("perpetrator", docs)] == []


# ---------------------------------------------------------------- who denies what


def _ar_atts(text):
    return find_attributions(text, sentences(text, "ar"), "ar")


def test_confirm_or_deny_is_no_denial_ar():
    text = "وقال المتحدث باسم الحركة إن تأكيد أو نفي مقتل أي من القادة أمر يخص القيادة العسكرية وحدها."
    assert not any(a.cue == "نفى" for a in _ar_atts(text))
    assert not any(c.facets.denial for c in _claims(text, "ar"))


def test_neither_confirms_nor_denies_in_an_alternative_ar():
    text = "ولم يؤكد الجيش أو ينفي وجود جنود في المكان."
    assert not any(a.cue == "نفى" for a in _ar_atts(text))


def test_after_kana_qad_with_no_subject_the_object_follows_the_verb_ar():
    text = ("ولم يعلق الجيش على مصير الأسرى، وكان قد وصف التقارير عن وجود أسرى في المبنى بأنها "
            "ادعاءات كاذبة.")
    speakers = [text[a.speaker_span[0]:a.speaker_span[1]] for a in _ar_atts(text) if a.speaker_span]
    assert not any("التقارير" in s for s in speakers)


def test_a_subject_between_kana_and_qad_still_speaks_ar():
    text = "وكانت الوزارة قد وصفت التقارير بأنها ادعاءات كاذبة."
    speakers = [text[a.speaker_span[0]:a.speaker_span[1]] for a in _ar_atts(text) if a.speaker_span]
    assert speakers == ["الوزارة"]


def test_after_a_preposition_a_denying_word_is_a_verbal_noun_ar():
    text = "واعترفت الحكومة بمسؤوليتها بعد يومين من نفي مسؤوليها المتكرر."
    assert not any(a.cue == "نفى" for a in _ar_atts(text))


# ---------------------------------------------------------------- a craft hit, taking part in an inquiry


def test_a_craft_that_was_hit_is_no_perpetrator_ar():
    text = "وأكد رئيس هيئة الطيران أنه لا يمكن أن تكون الطائرة الروسية قد أصيبت بصاروخ."
    assert "Russia" not in _perpetrators(text, "ar")


def test_a_craft_that_was_hit_is_no_perpetrator_en():
    text = "Officials said the Russian aircraft was hit by a missile minutes after take-off."
    assert "Russia" not in _perpetrators(text, "en")


def test_taking_part_in_the_inquiry_is_no_part_in_the_act():
    assert "Russia" not in _perpetrators("وقال الوزير إن المحققين الروس يشاركون في التحقيق في طهران.", "ar")
    assert "Russia" not in _perpetrators("The minister said Russian experts took part in the investigation.", "en")


def test_a_ruled_out_frame_is_no_frame_en():
    text = "The embassy said a technical fault, not terrorism, caused the crash."
    assert not any(v.value == "condemned" for c in _claims(text, "en") for v in c.facets.justification)


def test_a_denial_is_not_answered_by_the_deniers_own_name_or_next_statement_ar():
    docs = [
        _doc("a", "قناة", "2021-02-03", "ar",
             "ونفى مدير شركة الخطوط الجوية الوطنية الروسية أن تكون الطائرة قد غيرت مسارها، قائلًا في مؤتمر صحفي "
             "إن الرحلة كانت طبيعية."),
        _doc("b", "وكالة", "2021-02-03", "ar",
             "وقال مسؤول في مؤتمر صحفي إن صاروخًا أصاب طائرة شركة الخطوط الجوية الوطنية الروسية بعد إقلاعها."),
    ]
    assert run_detector("denial", docs) == []


# ---------------------------------------------------------------- who the people at the site were


def _people(documents):
    """Per people finding, which of the two accounts each side gives."""
    return [sorted("armed" if "armed group" in s.value else "civilian" if s.value.startswith("civilians") else s.value
                   for s in d.sides) for d in run_detector("identity", documents) if d.subject == "people"]


def test_those_present_said_to_be_armed_against_civilian_dead():
    docs = [
        _doc("a", "Army", "2023-05-02", "en",
             "The army spokesman said most of those present at the site were militants."),
        _doc("b", "وكالة", "2023-05-02", "ar",
             "وقالت وزارة الصحة إن الضحايا من النازحين، معظمهم من النساء والأطفال."),
    ]
    assert _people(docs) == [["armed", "civilian"]]


def test_most_of_those_at_the_site_were_members_of_the_group_ar():
    docs = [
        _doc("a", "قناة", "2023-05-02", "ar",
             "وقال المتحدث باسم الجيش إن معظم من كانوا في الموقع من عناصر التنظيم."),
        _doc("b", "Wire", "2023-05-02", "en",
             "Medics said the dead were civilians sheltering in tents, among them women and children."),
    ]
    assert _people(docs) == [["armed", "civilian"]]


def test_harm_to_civilians_says_nothing_of_who_was_there():
    text = "The spokesman said the group hides among civilians and bears responsibility for any harm to civilians."
    assert not [v for c in _claims(text, "en") for v in c.facets.identity if v.value == "civilian"]


# ---------------------------------------------------------------- one dispute, one finding


def _finding(kind, subject, sides):
    from consistency.models import Discrepancy, Side

    return Discrepancy(id=f"d-{kind}", kind=kind, subject=subject, severity="medium", event_id="ev", summary=".",
                       sides=[Side(value=v, claim_ids=c, document_ids=sorted({x.split("#")[0] for x in c}),
                                   actor_ids=[]) for v, c in sides])


def test_what_exploded_is_reported_once_with_the_denial_of_explosives():
    from consistency.compare.duplicates import one_per_dispute

    denial = _finding("denial", "explosives", [("no explosives", ["a#2", "b#1"]),
                                               ("explosives present", ["c#1", "d#3", "e#1"])])
    material = _finding("identity", "material", [("fuel", ["b#4"]), ("explosive_material", ["c#1", "d#3"])])
    assert [d.kind for d in one_per_dispute([denial, material])] == ["denial"]


def test_a_dispute_with_a_source_of_its_own_is_kept():
    from consistency.compare.duplicates import one_per_dispute

    denial = _finding("denial", "explosives", [("no explosives", ["a#2"]), ("explosives present", ["c#1"])])
    material = _finding("identity", "material", [("fuel", ["f#1"]), ("explosive_material", ["c#1"])])
    perpetrator = _finding("perpetrator", "perpetrator", [("X", ["a#2"]), ("Y", ["c#1"])])
    responsibility = _finding("responsibility", "blame", [("X", ["a#2"]), ("Y", ["c#1"])])
    found = [denial, material, perpetrator, responsibility]
    assert one_per_dispute(found) == found
