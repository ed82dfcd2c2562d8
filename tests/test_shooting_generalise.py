"""A shooting, not an air strike: who fired, whether there were gunmen or an exchange of fire,
and whether the shot was meant, in both languages. The sentences are this file's own: a
checkpoint, a raid, a protest.

- perpetrator: gunmen named by their people ("armed Palestinians firing wildly", "مسلحون
  فلسطينيون أطلقوا النار") are a rival shooter; the gunmen the troops fought ("came under fire
  from", "تبادلوا إطلاق النار مع"), what was hit ("the Ukrainian airliner was shot down") and those
  in the inquiry are not;
- denial "firefight": "there were no gunmen", "لم تكن هناك أي اشتباكات" against "came under fire
  and fired back", "تبادلت إطلاق النار مع مسلحين";
- justification: "deliberately", "in cold blood", "بدم بارد" condemn; the same words negated or
  rejected ("any claim that soldiers intentionally shoot children is a lie", "نفى ... عمدًا") and
  "killed in an active combat situation" excuse ("unintended"); "came under fire and returned
  fire" justifies the act only from a party that says it did it.
"""

from __future__ import annotations

from tests.test_detectors import run_detector


def _doc(id_, source, date, language, text):
    return {"id": id_, "source": source, "date": date, "language": language, "text": text}


def _sides(kind, documents):
    return [sorted(s.value for s in d.sides) for d in run_detector(kind, documents)]


def _subjects(kind, documents):
    return sorted(d.subject for d in run_detector(kind, documents))


def _facets(text, language, cue=None, cue_span=None):
    from consistency.extract.claims import extract_facets
    from consistency.extract.doctext import DocText

    doc = DocText(text, language)
    span = (0, len(text))
    return extract_facets(doc, span, span, cue=cue, cue_span=cue_span)


# --- perpetrator -------------------------------------------------------------------------

WITNESSES_EN = _doc("w", "Wire Service", "2023-03-02", "en",
                    "Two witnesses said Israeli soldiers opened fire on the car at the checkpoint, killing the driver.")
WITNESSES_AR = _doc("v", "وكالة محلية", "2023-03-02", "ar",
                    "وقال شهود إن قناصًا إسرائيليًا أطلق النار على المتظاهرين قرب السياج فقتل فتى في السادسة عشرة.")


def test_gunmen_named_by_their_people_are_a_rival_shooter_en():
    army = _doc("a", "Army Radio", "2023-03-02", "en",
                "The prime minister said armed Palestinians, who were firing from a rooftop, were most likely "
                "responsible for the driver's death.")
    assert _sides("perpetrator", [WITNESSES_EN, army]) == [["Israel", "Palestinian armed groups"]]


def test_gunmen_named_by_their_people_are_a_rival_shooter_ar():
    army = _doc("a", "إذاعة الجيش", "2023-03-02", "ar",
                "وقال المتحدث العسكري إن مسلحين فلسطينيين أطلقوا النار عشوائيًا على الحشد من أحد الأزقة.")
    assert _sides("perpetrator", [WITNESSES_AR, army]) == [["Israel", "Palestinian armed groups"]]


def test_a_faction_and_its_people_s_gunmen_are_one_account():
    hamas = _doc("h", "Army Radio", "2023-03-02", "en",
                 "An army spokesman said Hamas gunmen fired at the car from an alley.")
    gunmen = _doc("g", "Daily Paper", "2023-03-03", "en",
                  "A police officer said the driver was hit by Palestinian gunfire.")
    sides = _sides("perpetrator", [WITNESSES_EN, hamas, gunmen])
    assert sides == [["Hamas + Palestinian armed groups", "Israel"]]


def test_the_gunmen_the_troops_fought_are_not_the_shooter_en():
    army = _doc("a", "Army Radio", "2023-03-02", "en",
                "The army said its soldiers were fired upon by Palestinian gunmen near the checkpoint and "
                "returned fire.")
    assert _sides("perpetrator", [WITNESSES_EN, army]) == []


def test_the_gunmen_the_troops_fought_are_not_the_shooter_ar():
    army = _doc("a", "إذاعة الجيش", "2023-03-02", "ar",
                "وقال الجيش إن جنوده تبادلوا إطلاق النار مع مسلحين فلسطينيين في أطراف البلدة.")
    assert _sides("perpetrator", [WITNESSES_AR, army]) == []


def test_but_a_party_that_says_the_victims_were_hit_by_the_gunmen_names_them():
    # the army that fought gunmen and says the driver may have been hit by their fire
    army = _doc("a", "Army Radio", "2023-03-02", "en",
                "The army said its soldiers came under heavy fire from gunmen and fired back. It said the driver "
                "may have been hit by Palestinian gunfire.")
    assert _sides("perpetrator", [WITNESSES_EN, army]) == [["Israel", "Palestinian armed groups"]]


def test_what_was_hit_and_those_in_the_inquiry_are_not_doers():
    for text, language in [
        ("Officials said the Ukrainian airliner was shot down minutes after take-off.", "en"),
        ("وقال المسؤول إن الطائرة الأوكرانية قد أصيبت بصاروخ بعد إقلاعها بدقائق.", "ar"),
        ("وأكد الوزير أن المحققين الأوكرانيين موجودون في العاصمة ويشاركون في التحقيق.", "ar"),
    ]:
        assert "Ukraine" not in {v.value for v in _facets(text, language).perpetrator}, text
    # ... while a party that fired stays one
    assert "Ukraine" in {v.value for v in _facets("A Ukrainian missile hit the airliner, the minister said.",
                                                  "en").perpetrator}


def test_plural_shooting_verbs_name_the_shooters_ar():
    text = "وقال الأهالي إن جنودًا إثيوبيين فتحوا النار على الحافلة عند الحاجز."
    assert "Ethiopia" in {v.value for v in _facets(text, "ar").perpetrator}


# --- denial: gunmen and an exchange of fire ----------------------------------------------

def test_no_gunmen_against_an_exchange_of_fire_en():
    docs = [
        _doc("r", "Local Radio", "2023-05-10", "en",
             "Residents said there were no gunmen in the street when the boy was shot outside the bakery."),
        _doc("p", "Police Service", "2023-05-10", "en",
             "The police said officers came under fire from gunmen in the street and fired back."),
    ]
    assert _subjects("denial", docs) == ["firefight"]


def test_no_gunmen_against_an_exchange_of_fire_ar():
    docs = [
        _doc("r", "إذاعة محلية", "2023-05-10", "ar",
             "وقال شهود إنه لم تكن هناك أي اشتباكات في الحي لحظة إطلاق النار على الفتى."),
        _doc("p", "وكالة رسمية", "2023-05-10", "ar",
             "وقال الجيش إن قواته تبادلت إطلاق النار مع مسلحين في الحي خلال عملية اعتقال."),
    ]
    assert _subjects("denial", docs) == ["firefight"]


def test_no_gunmen_that_nobody_contradicts_is_no_finding():
    docs = [
        _doc("r", "Local Radio", "2023-05-10", "en",
             "Residents said there were no gunmen in the street when the boy was shot outside the bakery."),
        _doc("p", "Police Service", "2023-05-10", "en",
             "The police said the boy was taken to hospital and an investigation had been opened."),
    ]
    assert _subjects("denial", docs) == []


# --- justification: intent ----------------------------------------------------------------

FAMILY_EN = _doc("f", "Rights Group", "2023-07-01", "en",
                 "The family said soldiers shot the teenager deliberately, in cold blood, as he walked home.")
FAMILY_AR = _doc("f", "منظمة حقوقية", "2023-07-01", "ar",
                 "وقالت العائلة إن الجنود قتلوا الفتى بدم بارد أثناء عودته إلى منزله.")


def test_a_rejected_claim_of_intent_is_an_excuse_en():
    minister = _doc("m", "Defence Ministry", "2023-07-02", "en",
                    '"Any claim that our soldiers intentionally shoot children is a lie," the defence minister said.')
    assert _sides("justification", [FAMILY_EN, minister]) == [
        ["condemned as unjustified", "not deliberate (no intent, hit in an exchange of fire or by a stray round)"]]


def test_a_denied_intent_is_an_excuse_ar():
    army = _doc("a", "وكالة رسمية", "2023-07-02", "ar",
                "ونفى الجيش أن يكون الجنود قد أطلقوا النار على الفتى عمدًا.")
    assert _sides("justification", [FAMILY_AR, army]) == [
        ["condemned as unjustified", "not deliberate (no intent, hit in an exchange of fire or by a stray round)"]]


def test_a_combat_situation_is_an_excuse_ar():
    army = _doc("a", "وكالة رسمية", "2023-07-02", "ar",
                "وقالت النيابة العسكرية إن الفتى قتل خلال وضع قتالي نشط ولا يوجد اشتباه بارتكاب جريمة.")
    assert _sides("justification", [FAMILY_AR, army]) == [
        ["condemned as unjustified", "not deliberate (no intent, hit in an exchange of fire or by a stray round)"]]


def test_negated_frames_frame_nothing():
    values = {v.value for v in _facets("The embassy said engine failure, not terrorism, caused the crash.",
                                       "en").justification}
    assert "condemned" not in values
    values = {v.value for v in _facets("The expert said the marks showed aimed fire, not stray bullets.",
                                       "en").justification}
    assert "unintended" not in values
    values = {v.value for v in _facets("The shooting was not deliberate, the officer said.", "en").justification}
    assert values == {"unintended"}


def test_returned_fire_justifies_only_the_party_that_says_it_did_it():
    # the army tells of an exchange of fire but does not say its fire killed him: no justification
    army = _doc("a", "Army Radio", "2023-07-02", "en",
                "The army said its troops came under fire during the raid and returned fire.")
    assert _sides("justification", [FAMILY_EN, army]) == []
    # the army that says its troops killed him while returning fire justifies the act
    owning = _doc("a", "Army Radio", "2023-07-02", "en",
                  "The army said Israeli troops came under fire during the raid and returned fire, killing him.")
    assert _sides("justification", [FAMILY_EN, owning]) == [
        ["condemned as unjustified", "justified (self-defence, necessary, proportionate)"]]


def test_no_evidence_of_intent_is_an_excuse():
    values = {v.value for v in _facets(
        "The inquiry found no evidence that the officer fired deliberately at the protesters.", "en").justification}
    assert values == {"unintended"}
    values = {v.value for v in _facets(
        "وقالت اللجنة إنها لم تجد أي دليل على أن الشرطي أطلق النار على المحتجين عمدًا.", "ar").justification}
    assert values == {"unintended"}
    values = {v.value for v in _facets("وقال الضابط إن الجندي أطلق النار دون قصد.", "ar").justification}
    assert values == {"unintended"}
    values = {v.value for v in _facets("وقال شهود إن الجندي أطلق النار عن قصد على الفتى.", "ar").justification}
    assert values == {"condemned"}


def test_an_exchange_the_victims_were_in_names_the_shooter():
    # the troops are not the subject: the party after the marker fired on the victims
    for text, language in [
        ("The driver said the car came under fire from Israeli soldiers near the gate.", "en"),
        ("A militant was killed in a gunfight with Ethiopian troops, residents said.", "en"),
        ("وقالت الوزارة إن شابًا استشهد خلال مواجهات مع قوات الاحتلال الإسرائيلي في البلدة.", "ar"),
    ]:
        assert {v.value for v in _facets(text, language).perpetrator} & {"Israel", "Ethiopia"}, text
