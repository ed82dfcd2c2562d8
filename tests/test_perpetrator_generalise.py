"""Perpetrator disputes that generalise across incidents, in both languages: a strike said to
have hit the other side's store of chemical munitions is a rival account of who released the
agent; a party named as doing the act the incident was a pretext for did another act; a party
said to have carried out no strikes is no perpetrator."""

from __future__ import annotations

from tests.test_detectors import run_detector


def _doc(id_, source, date, language, text):
    return {"id": id_, "source": source, "date": date, "language": language, "text": text}


def _sides(documents):
    return [sorted(s.value for s in d.sides) for d in run_detector("perpetrator", documents)]


ACCUSERS = [
    _doc("a", "Monitor Network", "2021-06-02", "en",
         "Government warplanes dropped bombs loaded with poison gas on the village at dawn, killing 40 people, "
         "the monitor said, adding that Ethiopian jets carried out the raid."),
    _doc("b", "قناة المعارضة", "2021-06-02", "ar",
         "وقال الدفاع المدني إن طائرات حربية إثيوبية قصفت القرية بغازات سامة فجر اليوم."),
]


def test_a_strike_on_a_store_of_chemical_munitions_is_a_rival_account_en():
    depot = _doc("c", "Defence Ministry", "2021-06-03", "en",
                 "The ministry said an Ethiopian air strike had hit an insurgent depot holding chemical munitions "
                 "on the edge of the village, releasing the gas.")
    assert _sides(ACCUSERS + [depot]) == [["Ethiopia", "struck chemical munitions store"]]


def test_a_strike_on_a_store_of_chemical_munitions_is_a_rival_account_ar():
    depot = _doc("c", "وكالة رسمية", "2021-06-03", "ar",
                 "وقال وزير الخارجية إن الطيران الإثيوبي استهدف مستودعًا للمسلحين يحتوي على أسلحة كيميائية "
                 "في أطراف القرية.")
    assert _sides(ACCUSERS + [depot]) == [["Ethiopia", "struck chemical munitions store"]]


def test_a_negated_store_names_no_cause():
    # residents deny any such depot: they side with no store account, the striker is kept
    negated = _doc("c", "Wire Service", "2021-06-03", "en",
                   "A resident said Ethiopian jets bombed the houses and that there was no depot holding chemical "
                   "weapons anywhere in the village.")
    assert _sides(ACCUSERS + [negated]) == []


def test_a_stockpile_given_up_is_no_struck_store():
    background = _doc("c", "وكالة رسمية", "2021-06-03", "ar",
                      "وقال الوزير إن إثيوبيا سلّمت مخزونها الكيميائي كاملًا قبل سنوات وإن الطيران الإثيوبي قصف مواقع للمسلحين.")
    assert _sides(ACCUSERS + [background]) == []


def test_the_act_the_incident_was_a_pretext_for_is_another_act_en():
    docs = ACCUSERS + [
        _doc("c", "News Agency", "2021-06-10", "en",
             "The president said the gas attack was staged and used as a pretext for the American strike on an air "
             "base in the north.")]
    assert _sides(docs) == []


def test_the_act_the_incident_was_a_pretext_for_is_another_act_ar():
    docs = ACCUSERS + [
        _doc("c", "وكالة رسمية", "2021-06-10", "ar",
             "وقال الرئيس إن الهجوم الكيميائي مفبرك واستُخدم ذريعة للضربة الأمريكية على القاعدة الجوية.")]
    assert _sides(docs) == []


def test_a_party_that_carried_out_no_strikes_is_no_perpetrator_en():
    docs = ACCUSERS + [
        _doc("c", "Defence Ministry", "2021-06-03", "en",
             "The spokesman stressed that the Turkish air force had carried out no strikes in the province that day.")]
    assert _sides(docs) == []


def test_a_party_that_carried_out_no_strikes_is_no_perpetrator_ar():
    docs = ACCUSERS + [
        _doc("c", "وزارة الدفاع", "2021-06-03", "ar",
             "وأكد المتحدث أن الطيران التركي في تلك المنطقة لم ينفذ أي غارات يوم الهجوم.")]
    assert _sides(docs) == []


def test_without_the_rules_a_rival_party_still_stands():
    # the rules drop only what they describe: a rival party named as the striker stays a rival
    docs = ACCUSERS + [
        _doc("c", "Defence Ministry", "2021-06-03", "en",
             "The ministry said Turkish jets carried out the raid on the village.")]
    assert _sides(docs) == [["Ethiopia", "Turkey"]]


def _causes(text, language):
    from consistency.extract.claims import extract_facets
    from consistency.extract.doctext import DocText

    doc = DocText(text, language)
    span = (0, len(text))
    return sorted({v.value for v in extract_facets(doc, span, span).perpetrator})


def test_a_store_of_chemicals_is_no_store_of_munitions():
    # an industrial warehouse holds chemicals, not weapons: no struck store is read
    assert "struck chemical munitions store" not in _causes(
        "The blaze spread to a warehouse storing chemicals near the port, the fire service said.", "en")
    assert "struck chemical munitions store" not in _causes(
        "وقال الدفاع المدني إن الحريق امتد إلى مستودع يحتوي على مواد كيميائية قرب الميناء.", "ar")
    assert "struck chemical munitions store" in _causes(
        "The ministry said the jets hit a warehouse containing chemical weapons belonging to the insurgents.", "en")
    assert "struck chemical munitions store" in _causes(
        "وقالت الوزارة إن الغارة أصابت مخزنًا للأسلحة الكيميائية تابعًا للمسلحين.", "ar")


def test_an_act_justified_may_be_this_one():
    # "to justify" is no mark of another act: the strike justified is the one in dispute
    docs = ACCUSERS + [
        _doc("c", "Wire Service", "2021-06-04", "en",
             "Officials in Ankara sought to justify the Turkish raid on the village, the agency reported.")]
    assert _sides(docs) == [["Ethiopia", "Turkey"]]


def test_a_store_housing_chemical_weapons():
    assert "struck chemical munitions store" in _causes(
        "Officials said the raid struck a depot housing chemical weapons that the rebels ran.", "en")
    assert "struck chemical munitions store" in _causes(
        "وقال المسؤولون إن الغارة أصابت مستودعًا يضم أسلحة كيميائية تابعًا للمسلحين.", "ar")
