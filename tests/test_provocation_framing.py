"""An incident framed as a provocation staged by the other side against a war crime, in both
languages: a bare provocation ("a bloody provocation", "مسرحية") is a framing divergence
(justification); a provocation that names who staged it ("staged by the Houthis", "من تدبير
حماس") blames that party, and so does a crime that names who committed it ("a massacre
committed by the coalition", "مجزرة ارتكبها جيش الاحتلال"): a responsibility divergence."""

from __future__ import annotations

from consistency.extract import frames, pinning
from consistency.extract.doctext import DocText
from tests.test_detectors import run_detector


def _doc(id_, source, date, language, text):
    return {"id": id_, "source": source, "date": date, "language": language, "text": text}


def _sides(kind, documents):
    return [sorted(s.value for s in d.sides) for d in run_detector(kind, documents)]


FRAMED = ["a provocation staged by the other side", "condemned as unjustified"]

CRIME_EN = _doc("a", "Opposition Health Directorate", "2019-05-12", "en",
                "The health directorate said the shelling of the vegetable market was a deliberate war crime "
                "against civilians.")
CRIME_AR = _doc("a", "المرصد", "2019-05-12", "ar",
                "وقال مدير المرصد إن قصف سوق الخضار جريمة حرب متعمدة بحق المدنيين العزل.")


def test_a_bare_provocation_against_a_war_crime_is_a_framing_divergence_en():
    docs = [CRIME_EN, _doc("b", "State News Agency", "2019-05-12", "en",
                           "The defence ministry described the explosion at the market as a bloody provocation "
                           "meant to discredit the army before the talks.")]
    assert _sides("justification", docs) == [FRAMED]


def test_a_bare_provocation_against_a_war_crime_is_a_framing_divergence_ar():
    docs = [CRIME_AR, _doc("b", "الوكالة الرسمية", "2019-05-12", "ar",
                           "ووصفت وزارة الدفاع ما جرى في السوق بأنه مسرحية هدفها تشويه سمعة الجيش قبل المفاوضات.")]
    assert _sides("justification", docs) == [FRAMED]


def test_a_provocation_said_of_a_video_frames_no_act():
    # the fake-word is said of a piece of evidence, not of the strike
    docs = [CRIME_AR, _doc("b", "الوكالة الرسمية", "2019-05-12", "ar",
                           "ووصفت الوزارة التسجيل المصور الذي نشره الناشطون بأنه مفبرك ومسرحية مكشوفة.")]
    assert _sides("justification", docs) == []
    docs = [CRIME_EN, _doc("b", "State News Agency", "2019-05-12", "en",
                           "The ministry said the video circulated by activists was staged.")]
    assert _sides("justification", docs) == []


def test_a_provocation_staged_by_a_named_party_is_blame_en():
    docs = [
        _doc("a", "Health Ministry", "2016-08-10", "en",
             "The health ministry said the strike on the wedding hall was a massacre committed by the "
             "Saudi-led coalition."),
        _doc("b", "Coalition Command", "2016-08-10", "en",
             "A coalition spokesman said the explosion was a provocation staged by the Houthis to derail the talks."),
    ]
    assert _sides("responsibility", docs) == [["Houthis", "Saudi-led coalition"]]
    assert _sides("justification", docs) == []


def test_a_provocation_staged_by_a_named_party_is_blame_ar():
    docs = [
        _doc("a", "المكتب الإعلامي", "2024-03-02", "ar",
             "وقال المكتب الإعلامي إن القصف مجزرة ارتكبها جيش الاحتلال بحق النازحين في المدرسة."),
        _doc("b", "إذاعة الجيش", "2024-03-02", "ar",
             "وقال المتحدث العسكري إن ما جرى في المدرسة استفزاز من تدبير حماس لتشويه صورة الجيش."),
    ]
    assert _sides("responsibility", docs) == [["Hamas", "Israel"]]
    assert _sides("justification", docs) == []


def test_framed_blame_is_reported_beside_the_same_perpetrator_dispute():
    # who fired is disputed between the same two parties; the framed blame is still its own finding
    docs = [
        _doc("a", "Wire Service", "2022-09-03", "en",
             "Ukrainian officials said Russian forces struck the bus depot, and the foreign minister called it "
             "an atrocity committed by Russia."),
        _doc("b", "State Television", "2022-09-03", "en",
             "The defence ministry said Ukrainian troops fired the rocket at the depot, calling the strike a "
             "provocation staged by the Kyiv regime."),
    ]
    assert _sides("perpetrator", docs) == [["Russia", "Ukraine"]]
    assert _sides("responsibility", docs) == [["Russia", "Ukraine"]]


def test_the_same_perpetrator_dispute_without_framed_blame_is_reported_once():
    docs = [
        _doc("a", "Wire Service", "2022-09-03", "en", "Ukrainian officials said Russian forces struck the bus depot."),
        _doc("b", "State Television", "2022-09-03", "en",
             "The defence ministry said Ukrainian troops fired the rocket at the depot."),
    ]
    assert _sides("responsibility", docs) == []


def test_a_party_calling_it_a_provocation_and_condemning_its_enemy_is_one_side():
    # the ministry's condemnation of the enemy's crimes is no condemnation of its own side
    docs = [CRIME_AR, _doc("b", "الوكالة الرسمية", "2019-05-12", "ar",
                           "وقالت وزارة الدفاع الروسية إن الانفجار استفزاز دموي، ونددت بجرائم نظام كييف.")]
    found = run_detector("justification", docs)
    assert [sorted(s.value for s in d.sides) for d in found] == [FRAMED]
    condemned = next(s for s in found[0].sides if s.value == "condemned as unjustified")
    assert condemned.document_ids == ["a"]


def _pins(language, text):
    doc = DocText(text, language)
    span = (0, len(text))
    return [p.value for _, p in pinning.pinned(doc, span, frames.justification(doc, span))]


def test_who_a_frame_pins_the_act_on():
    assert _pins("en", "The ministry said it was a bloody Ukrainian provocation.") == ["Ukraine"]
    assert _pins("en", "Russia has committed another war crime, he said.") == ["Russia"]
    assert _pins("ar", "وقال إن روسيا ارتكبت جريمة حرب في المدينة.") == ["Russia"]
    assert _pins("ar", "وقال إن ما حدث جريمة حرب روسية مكتملة الأركان.") == ["Russia"]
    assert _pins("ar", "وقالت الخارجية إن الهجوم استفزاز دبّره الجانب الأوكراني.") == ["Ukraine"]


def test_what_a_frame_does_not_pin():
    # the party the provocation is meant to blame, the victims, the party provoked
    assert _pins("en", "Officials said it was a provocation aimed at blaming Russia.") == []
    assert _pins("en", "Kyiv called it the massacre of Ukrainian prisoners.") == []
    assert _pins("ar", "وقال إن الضربة استفزاز لروسيا.") == []
    assert _pins("ar", "وقال إن الهدف من هذه الاستفزازات هو تحميل روسيا المسؤولية.") == []
