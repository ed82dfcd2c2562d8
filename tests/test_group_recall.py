"""Late follow-ups that recall their incident by month ("in March", "في مارس الماضي") join
its event when exactly one incident fits; claims recalling the incident itself stay with it.

Texts are the project's own; vectors are fake (what the leads' embeddings would say)."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from consistency.extract.doctext import DocText
from consistency.group.events import cluster_documents
from consistency.group.recall import recalls
from consistency.group.timing import is_other_incident, mentioned_days, recalled_days
from consistency.models import Claim, Document


def _periods(text: str, language: str, ref: str) -> list[tuple[str, str, str]]:
    doc = DocText(text, language)
    return [(r.first.isoformat(), r.last.isoformat(), doc.norm[r.start:r.end])
            for r in recalls(doc, (0, len(text)), date.fromisoformat(ref))]


@pytest.mark.parametrize("text, language, ref, want", [
    ("An inquiry found that the shelling of the stadium shelter in March killed twice as many people.",
     "en", "2023-05-10", [("2023-03-01", "2023-03-31", "in march")]),
    ("The drone strike on the wedding hall in late November left 41 dead, the panel said.",
     "en", "2024-01-15", [("2023-11-21", "2023-11-30", "in late november")]),
    ("Investigators said the bombing last month was carried out with a guided bomb.",
     "en", "2023-05-10", [("2023-04-01", "2023-04-30", "last month")]),
    ("The raid earlier this year on the camp has never been acknowledged.",
     "en", "2023-05-10", [("2023-01-01", "2023-05-09", "earlier this year")]),
    ("كشف تقرير حقوقي أن الغارة على سوق الخضار في آذار الماضي أودت بحياة أكثر من مئة شخص.",
     "ar", "2023-05-10", [("2023-03-01", "2023-03-31", "في اذار الماضي")]),
    ("قالت لجنة التحقيق إن القصف الذي طال المدرسة أواخر شباط المنصرم نُفّذ بطائرة مسيّرة.",
     "ar", "2023-05-10", [("2023-02-21", "2023-02-28", "اواخر شباط المنصرم")]),
    ("وأكدت المنظمة أن الهجوم الذي وقع الشهر الماضي استهدف مدنيين.",
     "ar", "2023-05-10", [("2023-04-01", "2023-04-30", "الشهر الماضي")]),
    ("في وقت سابق من هذا العام، قصفت الطائرات المستشفى.",
     "ar", "2023-05-10", [("2023-01-01", "2023-05-09", "في وقت سابق من هذا العام")]),
])
def test_coarse_recalls_are_read_as_periods(text, language, ref, want):
    assert _periods(text, language, ref) == want


@pytest.mark.parametrize("text, language", [
    ("Fighting has raged around the port since March, officials said.", "en"),
    ("The strike on March 16 destroyed the shelter.", "en"),
    ("أعلن المجلس في ١٦ مارس/آذار الجاري أن نحو ٣٠٠ قتلوا.", "ar"),
    ("ويتواصل القصف على المدينة منذ مارس.", "ar"),
])
def test_days_of_the_month_and_open_periods_are_not_coarse_recalls(text, language):
    assert _periods(text, language, "2023-05-10") == []


def test_a_month_named_after_the_report_is_last_years():
    assert _periods("The siege that began in November ended after the strike.", "en", "2023-02-01")[0][:2] == \
        ("2022-11-01", "2022-11-30")


def test_arabic_ordinal_days_of_the_month():
    text = "جاء القصف بعد أسبوع من غارة على مستشفى في التاسع من مارس، والحادي والعشرين من شهر شباط"
    assert mentioned_days(DocText(text, "ar"), (0, len(text)), 2023) == [date(2023, 3, 9), date(2023, 2, 21)]


# A city, two incidents a week apart in March, and follow-ups published in May.
_DOCS = [
    ("hospital-0309", "2023-03-09", "en", "A missile hit the maternity ward of the city hospital, killing four."),
    ("hospital-0310", "2023-03-10", "ar", "قتل أربعة أشخاص في قصف صاروخي استهدف جناح الولادة في مستشفى المدينة."),
    ("stadium-0316", "2023-03-16", "en", "Warplanes bombed the stadium where families had taken shelter."),
    ("stadium-0317", "2023-03-17", "ar", "قصفت طائرات حربية الملعب الذي لجأت إليه عائلات نازحة."),
    ("inquiry-0510", "2023-05-10", "en",
     "The air strike on the stadium in March killed at least 210 people, twice the city's count, an inquiry found."),
    ("inquiry-ar-0511", "2023-05-11", "ar",
     "خلص تحقيق مستقل إلى أن الغارة على الملعب في مارس الماضي قتلت ٢١٠ أشخاص على الأقل، أي ضعف حصيلة البلدية."),
    ("review-0520", "2023-05-20", "en",
     "Rights groups said the strikes on the city in March broke the laws of war, in a joint review."),
]
_HOSPITAL, _STADIUM, _BOTH = [1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.6, 0.6, 0.53]


def _corpus():
    docs = [Document(id=i, date=d, language=lang, text=t) for i, d, lang, t in _DOCS]
    rows = [_HOSPITAL, _HOSPITAL, _STADIUM, _STADIUM, _STADIUM, _STADIUM, _BOTH]
    v = np.array(rows, dtype="float32")
    return docs, v / np.linalg.norm(v, axis=1, keepdims=True)


def _clusters(docs, vectors):
    texts = {d.id: DocText(d.text, d.language) for d in docs}
    recalled = recalled_days(docs, texts, 3)
    return [[docs[i].id for i in c] for c in cluster_documents(docs, vectors, 0.5, 3, recalled=recalled)]


def test_a_follow_up_recalling_its_incident_by_month_joins_it_an_ambiguous_one_stays_apart():
    docs, vectors = _corpus()
    texts = {d.id: DocText(d.text, d.language) for d in docs}
    recalled = recalled_days(docs, texts, 3)
    march = (date(2023, 3, 1).toordinal(), date(2023, 3, 31).toordinal())
    assert recalled == {4: [march], 5: [march], 6: [march]}
    clusters = _clusters(docs, vectors)
    assert ["stadium-0316", "stadium-0317", "inquiry-0510", "inquiry-ar-0511"] in clusters
    assert ["hospital-0309", "hospital-0310"] in clusters
    # the joint review resembles both March incidents: it joins neither
    assert ["review-0520"] in clusters


def test_a_report_that_fits_both_incidents_does_not_hold_back_its_event():
    docs, vectors = _corpus()
    # the review published with the inquiries is part of their coverage: it goes with them
    docs[6] = docs[6].model_copy(update={"date": "2023-05-12"})
    clusters = _clusters(docs, vectors)
    assert ["stadium-0316", "stadium-0317", "inquiry-0510", "inquiry-ar-0511", "review-0520"] in clusters


def test_joining_does_not_depend_on_the_order_of_the_corpus():
    docs, vectors = _corpus()
    order = [6, 3, 0, 5, 2, 4, 1]
    shuffled = _clusters([docs[i] for i in order], vectors[order])
    assert sorted(sorted(c) for c in shuffled) == sorted(sorted(c) for c in _clusters(docs, vectors))


def test_a_follow_up_without_a_recall_or_recalling_nothing_that_fits_stays_apart():
    docs, vectors = _corpus()
    # the May reports recall April (no incident began then) instead of March
    docs[4] = docs[4].model_copy(update={"text": docs[4].text.replace("in March", "last month")})
    docs[5] = docs[5].model_copy(update={"text": docs[5].text.replace("في مارس الماضي", "الشهر الماضي")})
    clusters = _clusters(docs, vectors)
    assert ["inquiry-0510", "inquiry-ar-0511"] in clusters
    docs[4] = docs[4].model_copy(update={"text": "The air strike on the stadium killed at least 210 people."})
    docs[5] = docs[5].model_copy(update={"text": "قتلت الغارة على الملعب ٢١٠ أشخاص على الأقل."})
    assert ["inquiry-0510", "inquiry-ar-0511"] in _clusters(docs, vectors)


def _claim(doc_id: str, text: str, full: str) -> Claim:
    start = full.index(text)
    return Claim(id=f"{doc_id}#1", document_id=doc_id, actor_id="a", speaker=None, text=text,
                 span=(start, start + len(text)))


@pytest.mark.parametrize("text, language, other", [
    ("The air strike on the stadium in March killed at least 210 people, an inquiry found.", "en", False),
    ("خلص تحقيق إلى أن الغارة على الملعب في مارس الماضي قتلت ٢١٠ أشخاص على الأقل.", "ar", False),
    # April is not the incident's month: another incident
    ("A second strike last month killed 12 people near the stadium.", "en", True),
    ("وأسفرت غارة أخرى الشهر الماضي عن مقتل ١٢ شخصا قرب الملعب.", "ar", True),
])
def test_in_a_follow_up_a_recall_of_the_incident_itself_keeps_the_claim_with_it(text, language, other):
    document = Document(id="f", date="2023-05-10", language=language, text=text)
    claim = _claim("f", text, text)
    assert is_other_incident(claim, document, DocText(text, language), 3, date(2023, 3, 16)) is other


def test_a_weekday_dating_an_arabic_statement_is_not_the_incident_day():
    text = "أعلن مجلس المدينة، الجمعة، أن نحو ٢٠٠ شخص قتلوا في القصف الذي استهدف الملعب في ١٦ مارس/آذار الجاري."
    document = Document(id="c", date="2023-03-24", language="ar", text=text)
    claim = _claim("c", text, text)
    assert not is_other_incident(claim, document, DocText(text, "ar"), 3, date(2023, 3, 16))
    shelled = "وشنت طائرة مسيرة، الجمعة، غارة على حي سكني قرب الملعب."
    document = Document(id="s", date="2023-03-24", language="ar", text=shelled)
    assert is_other_incident(_claim("s", shelled, shelled), document, DocText(shelled, "ar"), 3, date(2023, 3, 16))


def test_a_follow_up_goes_to_the_incident_it_resembles_clearly_best():
    # both March incidents are in the same city and of the same kind: the inquiry's lead clears
    # the threshold with the hospital's coverage too, but far less than with the stadium's
    docs, _ = _corpus()
    rows = [_HOSPITAL, _HOSPITAL, _STADIUM, _STADIUM, [0.45, 1.0, 0.0], [0.45, 1.0, 0.0], [1.0, 1.0, 0.0]]
    v = np.array(rows, dtype="float32")
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    texts = {d.id: DocText(d.text, d.language) for d in docs}
    clusters = [[docs[i].id for i in c]
                for c in cluster_documents(docs, v, 0.35, 3, recalled=recalled_days(docs, texts, 3))]
    assert ["stadium-0316", "stadium-0317", "inquiry-0510", "inquiry-ar-0511"] in clusters
    assert ["hospital-0309", "hospital-0310"] in clusters and ["review-0520"] in clusters


# End to end (tfidf, one language per corpus): the health ministry's count on the 25th, a
# monitor's higher count in May and the ministry's own raised count in May, all recalling the
# March strike on a city's stadium; a hospital of the same city was hit a week earlier.
_E2E = {
    "en": [
        ("wire-0316", "2023-03-16", "Wire Agency", "Warplanes bomb Riverside stadium shelter in Eastport",
         "Warplanes bombed the Riverside stadium in the port city of Eastport on Thursday, where hundreds of "
         "displaced families had taken shelter, the city council said. The council said the number of dead was "
         "not yet known."),
        ("daily-0317", "2023-03-17", "Eastport Daily", "Rescuers search rubble of Eastport stadium after air strike",
         "Rescuers searched the rubble of the Riverside stadium in Eastport on Friday after an air strike destroyed "
         "the shelter, the city council said, adding that the toll was still being established."),
        ("wire-0325", "2023-03-25", "Wire Agency", "Health ministry says about 100 killed in Eastport stadium strike",
         "About 100 people were killed in the air strike on the Riverside stadium in Eastport on March 16, the "
         "health ministry said on Saturday."),
        ("monitor-0510", "2023-05-10", "Conflict Monitor", "Inquiry: Eastport stadium air strike killed about 200",
         "The air strike on the Riverside stadium in Eastport in March killed about 200 people, twice the "
         "council's count, a Conflict Monitor inquiry found."),
        ("ministry-0512", "2023-05-12", "Eastport Daily", "Health ministry raises Eastport stadium strike toll",
         "The air strike on the Riverside stadium in March killed about 150 people, the health ministry said on "
         "Friday, raising its toll."),
        ("hospital-0309", "2023-03-09", "Wire Agency", "Missile hits Eastport maternity hospital, four killed",
         "A missile hit the maternity ward of the central hospital in Eastport on Thursday, killing four people, "
         "the city council said."),
    ],
    "ar": [
        ("wire-0316", "2023-03-16", "وكالة الأنباء", "طائرات حربية تقصف ملعب الواحة الذي لجأ إليه نازحون",
         "قصفت طائرات حربية، الخميس، الملعب البلدي في مدينة الواحة حيث لجأت مئات العائلات النازحة، وقال مجلس "
         "المدينة إن عدد القتلى لم يعرف بعد."),
        ("daily-0317", "2023-03-17", "صحيفة الواحة", "فرق الإنقاذ تبحث تحت أنقاض ملعب الواحة بعد الغارة",
         "واصلت فرق الإنقاذ، الجمعة، البحث تحت أنقاض الملعب البلدي في مدينة الواحة بعد الغارة الجوية التي دمرت "
         "الملجأ."),
        ("wire-0325", "2023-03-25", "وكالة الأنباء", "وزارة الصحة: نحو مئة قتيل في غارة ملعب الواحة",
         "أعلنت وزارة الصحة، السبت، أن نحو مئة شخص قتلوا في الغارة الجوية على الملعب البلدي في مدينة الواحة في "
         "١٦ مارس/آذار الجاري."),
        ("monitor-0510", "2023-05-10", "مرصد النزاعات", "تحقيق: غارة ملعب الواحة أودت بحياة نحو مئتي شخص",
         "خلص تحقيق أجراه مرصد النزاعات إلى أن الغارة الجوية على الملعب البلدي في مدينة الواحة في مارس الماضي "
         "قتلت نحو مئتي شخص."),
        ("ministry-0512", "2023-05-12", "صحيفة الواحة", "وزارة الصحة ترفع حصيلة غارة ملعب الواحة",
         "قالت وزارة الصحة، الجمعة، إن الغارة الجوية على الملعب البلدي في مدينة الواحة في مارس الماضي قتلت نحو "
         "١٥٠ شخصا."),
        ("hospital-0309", "2023-03-09", "وكالة الأنباء", "مقتل أربعة في قصف صاروخي على مستشفى الولادة في الواحة",
         "قتل أربعة أشخاص، الخميس، في قصف صاروخي استهدف جناح الولادة في المستشفى المركزي بمدينة الواحة، بحسب "
         "مجلس المدينة."),
    ],
}


@pytest.mark.parametrize("language", sorted(_E2E))
def test_late_figures_another_body_disagrees_the_same_source_revises(tmp_path, language):
    import json

    from consistency.config import Settings
    from consistency.pipeline import build_report

    with open(tmp_path / "documents.jsonl", "w", encoding="utf-8") as f:
        for i, d, source, title, text in _E2E[language]:
            record = dict(id=i, date=d, source=source, language=language, title=title, text=text)
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    report = build_report(tmp_path, Settings(embedder="tfidf", use_cache=False))
    events = {tuple(e.document_ids) for e in report.events}
    assert ("daily-0317", "ministry-0512", "monitor-0510", "wire-0316", "wire-0325") in events
    assert ("hospital-0309",) in events
    # the ministry raising its own count is a revision; the monitor's higher count a discrepancy
    assert [(r.subject, r.values, r.document_ids) for r in report.revisions] == \
        [("killed", ["about 100", "about 150"], ["ministry-0512", "wire-0325"])]
    killed = [d for d in report.discrepancies if d.kind == "casualty_count" and d.subject == "killed"]
    assert len(killed) == 1
    assert sorted(s.document_ids for s in killed[0].sides) == [["ministry-0512"], ["monitor-0510"]]


def test_a_day_recalled_beyond_the_horizon_joins_its_incident():
    # seven weeks later, "the March 16 strike": older than the horizon of ordinary recalls
    docs, vectors = _corpus()
    docs[4] = docs[4].model_copy(update={
        "date": "2023-05-06", "text": "The March 16 air strike on the stadium killed at least 210 people, an inquiry found."})
    docs[5] = docs[5].model_copy(update={"text": "قتلت الغارة على الملعب ٢١٠ أشخاص على الأقل."})
    assert any({"stadium-0316", "inquiry-0510"} <= set(c) for c in _clusters(docs, vectors))


@pytest.mark.parametrize("text, language, revised", [
    # a follow-up sets an inquiry's figure beside the council's: no revision by the outlet
    ("خلص تحقيق مستقل إلى أن الغارة على الملعب أودت بحياة نحو مئتي شخص، أي ضعف الرقم الذي أعلنته بلدية "
     "المدينة والبالغ نحو مئة قتيل.", "ar", False),
    ("The strike killed about 200 people, twice the council's count of about 100 dead, an inquiry found.",
     "en", False),
    # one sentence that says the toll moved is a revision
    ("The ministry said the toll had risen to 57 from 50 killed on Friday.", "en", True),
    ("وكان المحافظ قد أعلن الجمعة مقتل ٥٠ شخصا، ثم تحدث السبت عن ٥٧ قتيلا.", "ar", True),
])
def test_two_figures_of_one_sentence_are_a_revision_only_when_it_says_so(text, language, revised):
    from consistency.compare.revisions import find_revisions
    from consistency.extract.actors import ActorResolver
    from consistency.extract.claims import extract_claims

    document = Document(id="d", date="2023-05-10", language=language, source="Outlet", text=text)
    resolver = ActorResolver()
    claims = extract_claims(document, resolver)
    assert len([k for c in claims for k in c.facets.counts if k.subject == "killed"]) == 2
    actors = {a.id: a for a in resolver.actors()}
    revisions, _ = find_revisions(claims, {"d": document}, actors, {c.id: "ev" for c in claims})
    assert bool(revisions) is revised


@pytest.mark.parametrize("text, language", [
    ("A second air strike on the stadium killed 12 people on Saturday, after the raid there earlier this month.",
     "en"),
    ("قتل ١٢ شخصا اليوم في غارة ثانية على الملعب، بعد القصف الذي طاله في وقت سابق من الشهر الجاري.", "ar"),
])
def test_a_new_incident_that_recalls_an_earlier_one_does_not_join_it(text, language):
    # on the 25th, a report of a second strike on the stadium, recalling the first one
    docs, vectors = _corpus()
    docs[4] = docs[4].model_copy(update={"date": "2023-03-25", "language": language, "text": text})
    docs[5] = docs[5].model_copy(update={"text": "قتلت الغارة على الملعب ٢١٠ أشخاص على الأقل."})
    texts = {d.id: DocText(d.text, d.language) for d in docs}
    assert 4 not in recalled_days(docs, texts, 3)
    assert ["inquiry-0510"] in _clusters(docs, vectors)


def test_every_relative_recall_phrase_holds_a_word_the_screen_looks_for():
    import tomllib
    from importlib import resources

    from consistency.group.recall import _PERIOD_WORDS
    from consistency.text.normalize import normalize

    data = tomllib.loads((resources.files("consistency") / "data" / "recall.toml").read_text(encoding="utf-8"))
    for phrases in data["relative"].values():
        for phrase in phrases:
            assert set(normalize(phrase).text.split()) & _PERIOD_WORDS, phrase


@pytest.mark.parametrize("text, language", [
    ("Amnesty International on Thursday said the March 16 air strike on the stadium was a war crime.", "en"),
    ("قالت منظمة العفو الدولية يوم الخميس إن الغارة على الملعب في ١٦ مارس جريمة حرب.", "ar"),
])
def test_a_weekday_that_dates_the_statement_does_not_make_a_follow_up_a_new_incident(text, language):
    document = Document(id="a", date="2023-06-29", language=language, text=text)
    recalled = recalled_days([document], {"a": DocText(text, language)}, 3)
    assert recalled == {0: [(date(2023, 3, 16).toordinal(), date(2023, 3, 16).toordinal())]}
