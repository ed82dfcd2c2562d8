"""Grouping rules that must hold on unseen incidents (issue 3): a follow-up that dates its
incident back by the time since it joins that incident."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from consistency.extract.doctext import DocText
from consistency.group.events import cluster_documents
from consistency.group.recall import elapsed
from consistency.group.timing import recalled_days
from consistency.models import Document


def _days(text: str, language: str, ref: date) -> list[tuple[date, date]]:
    return [(r.first, r.last) for r in elapsed(DocText(text, language), (0, len(text)), ref)]


def test_time_since_the_incident_dates_it_back():
    ref = date(2021, 6, 10)
    assert _days("Inspectors were still barred from the site six days after the explosion.", "en", ref) == \
        [(date(2021, 6, 4), date(2021, 6, 4))]
    assert _days("Two weeks after the deadly air strike, families were still waiting.", "en", ref) == \
        [(date(2021, 5, 26), date(2021, 5, 28))]
    assert _days("وبعد أسبوع على التفجير، لم يُعلن أي طرف مسؤوليته.", "ar", ref) == \
        [(date(2021, 6, 2), date(2021, 6, 4))]
    assert _days("وبعد خمسة أيام على القصف، ما زال المفقودون تحت الأنقاض.", "ar", ref) == \
        [(date(2021, 6, 5), date(2021, 6, 5))]
    # no count, or no incident noun: no date
    assert _days("Days after the attack, the mayor resigned.", "en", ref) == []
    assert _days("Five days after the election, the count went on.", "en", ref) == []


_DOCS = [
    ("blast-0601", "2021-06-01", "en", "An explosion tore through a fuel depot in the port on Tuesday, killing 12 workers."),
    ("blast-0602", "2021-06-02", "en", "The toll from Tuesday's explosion at the port fuel depot rose to 15, officials said."),
    ("inquiry-0608", "2021-06-08", "en", "The port authority said on Tuesday it would open an inquiry. Investigators "
                                         "had not been allowed in a week after the explosion, the union said."),
    ("inquiry-ar-0609", "2021-06-09", "ar", "أعلنت سلطة الميناء فتح تحقيق. وبعد ثمانية أيام على الانفجار لم يُسمح "
                                            "للمحققين بدخول الموقع."),
    ("new-0609", "2021-06-09", "en", "A second explosion hit the port today, a week after the explosion at the depot."),
]


def test_a_follow_up_dated_back_by_elapsed_time_joins_its_incident():
    docs = [Document(id=i, date=d, language=lang, text=t) for i, d, lang, t in _DOCS]
    v = np.array([[1, 0]] * 4 + [[0, 1]], dtype="float32")
    texts = {d.id: DocText(d.text, d.language) for d in docs}
    recalled = recalled_days(docs, texts, 3)
    assert 2 in recalled and 3 in recalled
    assert 4 not in recalled  # a new explosion of the report's own day: the old one is background
    clusters = [[docs[i].id for i in c] for c in cluster_documents(docs, v, 0.5, 3, recalled=recalled)]
    assert clusters == [["blast-0601", "blast-0602", "inquiry-0608", "inquiry-ar-0609"], ["new-0609"]]
    # without the elapsed time, the follow-ups (a week later) stay apart from their incident
    plain = [[docs[i].id for i in c] for c in cluster_documents(docs, v, 0.5, 3)]
    assert ["blast-0601", "blast-0602"] in plain


def _claims(doc: Document, parts: list[str]):
    from consistency.models import Claim

    out, at = [], 0
    for k, part in enumerate(parts, 1):
        start = doc.text.index(part, at)
        out.append(Claim(id=f"{doc.id}#{k}", document_id=doc.id, actor_id="a", speaker="x", text=part,
                         span=(start, start + len(part))))
        at = start + len(part)
    return out


def test_a_claim_pointing_back_to_the_attack_given_as_the_cause_is_about_that_attack():
    from consistency.group.timing import other_incident_claims

    parts = ["Warplanes struck a depot in the town on Friday, killing 14 people, residents said.",
             "The army said the raid targeted those responsible for a rocket attack on Haifa on Thursday.",
             "That rocket wounded three people, the army said.",
             "Rescuers said 14 bodies had been recovered."]
    doc = Document(id="en1", date="2022-05-06", language="en", text=" ".join(parts))
    claims = _claims(doc, parts)
    other = other_incident_claims(claims, {doc.id: doc}, {doc.id: DocText(doc.text, "en")}, 3)
    assert other == {"en1#3"}
    parts = ["أعلن الجيش أنه استهدف العناصر التي خططت ونفذت الهجوم على مدينة حيفا أمس بصاروخ.",
             "وأشار إلى أن صاروخ حيفا أسفر عن إصابة ثلاثة أشخاص.",
             "وقال مسعفون إن 14 شخصا قتلوا في الغارة."]
    doc = Document(id="ar1", date="2022-05-06", language="ar", text=" ".join(parts))
    claims = _claims(doc, parts)
    other = other_incident_claims(claims, {doc.id: doc}, {doc.id: DocText(doc.text, "ar")}, 3)
    assert other == {"ar1#2"}


def test_a_strike_answering_the_reported_attack_does_not_make_that_attack_another_incident():
    from consistency.group.timing import other_incident_claims

    parts = ["Warships fired missiles at an airbase on Friday in retaliation for the gas attack on the town.",
             "That attack killed 80 people, doctors said."]
    doc = Document(id="en2", date="2022-05-06", language="en", text=" ".join(parts))
    claims = _claims(doc, parts)
    assert other_incident_claims(claims, {doc.id: doc}, {doc.id: DocText(doc.text, "en")}, 3) == set()


# --- Late follow-ups join their incident; a new action announced as news is another incident ---


def _ids(docs, clusters):
    return [[docs[i].id for i in c] for c in clusters]


def test_a_review_weeks_later_naming_the_day_joins_that_day_beyond_an_events_span():
    docs = [Document(id=i, date=d, language=lang, text=t) for i, d, lang, t in [
        ("raid-0303", "2023-03-03", "en", "A drone strike hit a car in the old quarter on Friday, killing a family of six."),
        ("raid-0304", "2023-03-04", "en", "Relatives buried six people killed in Friday's drone strike on a car in the old quarter."),
        ("review-0320", "2023-03-20", "en", "The army's review of the March 3 drone strike found that no weapons were in the car."),
        ("review-ar-0321", "2023-03-21", "ar", "خلص تحقيق الجيش في الغارة التي نفذت في 3 مارس إلى أن السيارة لم تكن تحمل أسلحة."),
        # three weeks later, resembling it, but naming no earlier day: another incident
        ("strike-0327", "2023-03-27", "en", "A drone strike hit a car near the market on Friday, killing two."),
    ]]
    v = np.array([[1, 0]] * 5, dtype="float32")
    texts = {d.id: DocText(d.text, d.language) for d in docs}
    recalled = recalled_days(docs, texts, 3)
    assert recalled[2] == recalled[3] == [(date(2023, 3, 3).toordinal(),) * 2]
    clusters = _ids(docs, cluster_documents(docs, v, 0.5, 3, recalled=recalled))
    assert clusters == [["raid-0303", "raid-0304", "review-0320", "review-ar-0321"], ["strike-0327"]]
    # two incidents begun that day that the review resembles as much: it joins neither
    docs.append(Document(id="other-0303", date="2023-03-03", language="en", text="A drone strike hit a truck in the hills."))
    v = np.array([[1, 0, 0], [1, 0, 0], [0.7, 0.7, 0], [0.7, 0.7, 0], [1, 0, 0], [0, 1, 0]], dtype="float32")
    clusters = _ids(docs, cluster_documents(docs, v, 0.5, 3, recalled=recalled_days(docs, {
        d.id: DocText(d.text, d.language) for d in docs}, 3)))
    assert ["review-0320", "review-ar-0321"] in clusters


def _about(text: str, language: str, day: str):
    doc = Document(id="x", date=day, language=language, text=text)
    return recalled_days([doc], {"x": DocText(text, language)}, 3).get(0)


def test_a_report_about_an_undated_earlier_incident_recalls_the_month_before_it():
    ref = date(2023, 6, 30)
    month = [((ref - timedelta(days=31)).toordinal(), (ref - timedelta(days=4)).toordinal())]
    assert _about("The air strike on the clinic was caused by a targeting error, the defence ministry said on "
                  "Friday, presenting the results of its investigation.", "en", "2023-06-30") == month
    assert _about("GENEVA, June 30 (Reuters) - The U.N. inquiry into the shelling of the market has found that "
                  "both sides fired into the area.", "en", "2023-06-30") == month
    assert _about("GENEVA, Jun. 30 (Reuters) - The U.N. inquiry into the shelling of the market has found that "
                  "both sides fired into the area.", "en", "2023-06-30") == month
    assert _about("نشرت المنظمة يوم الجمعة نتائج مراجعتها الداخلية للهجوم على العيادة، وقالت إن عدد القتلى ارتفع "
                  "إلى 19.", "ar", "2023-06-30") == month
    assert _about("أقر الجيش بأن الغارة على السوق كانت خطأ.", "ar", "2023-06-30") == month
    # a new action of the report's own day, even beside an inquiry: news of another incident
    assert _about("Jets struck the town again on Friday, as the army opened an investigation into the raid.",
                  "en", "2023-06-30") is None
    assert _about("وقصفت الطائرات البلدة مجددًا اليوم، فيما أعلن الجيش فتح تحقيق في الغارة.", "ar", "2023-06-30") is None
    assert _about("The army said it opened an investigation into the strike on the school that killed 20 people on Friday.",
                  "en", "2023-06-30") is None
    assert _about("أعلن الجيش فتح تحقيق في الغارة على المدرسة التي قتلت 20 شخصًا اليوم.", "ar", "2023-06-30") is None
    # no word of inquiry, finding or admission; or no incident named with an article
    assert _about("The air strike on the clinic killed 19 people, the ministry said.", "en", "2023-06-30") is None
    assert _about("An investigation found that the clinic had been evacuated.", "en", "2023-06-30") is None


def test_a_report_about_an_undated_incident_joins_it():
    docs = [Document(id=i, date=d, language=lang, text=t) for i, d, lang, t in [
        ("clinic-0610", "2023-06-10", "en", "An air strike hit a clinic in the north of the city on Saturday, killing 19."),
        ("clinic-0611", "2023-06-11", "ar", "قتل 19 شخصًا في غارة جوية استهدفت عيادة في شمال المدينة السبت."),
        ("findings-0630", "2023-06-30", "en", "The air strike on the clinic was caused by a targeting error, the defence "
                                               "ministry said on Friday, presenting the results of its investigation."),
        ("findings-ar-0701", "2023-07-01", "ar", "نشرت المنظمة يوم السبت نتائج مراجعتها الداخلية للهجوم على العيادة."),
    ]]
    v = np.array([[1, 0]] * 4, dtype="float32")
    texts = {d.id: DocText(d.text, d.language) for d in docs}
    clusters = _ids(docs, cluster_documents(docs, v, 0.5, 3, recalled=recalled_days(docs, texts, 3)))
    assert clusters == [["clinic-0610", "clinic-0611", "findings-0630", "findings-ar-0701"]]
    assert _ids(docs, cluster_documents(docs, v, 0.5, 3)) == [["clinic-0610", "clinic-0611"],
                                                             ["findings-0630", "findings-ar-0701"]]


def _other(parts: list[str], language: str, day: str, incident: date) -> set[str]:
    from consistency.group.timing import other_incident_claims

    doc = Document(id="d", date=day, language=language, text=" ".join(parts))
    claims = _claims(doc, parts)
    out = other_incident_claims(claims, {doc.id: doc}, {doc.id: DocText(doc.text, language)}, 3, {doc.id: incident})
    return {int(c.split("#")[1]) for c in out}


def test_a_follow_ups_own_days_date_its_news_about_the_incident_not_another_incident():
    incident = date(2023, 6, 10)
    parts = ["The ministry published on Thursday the findings of its review of the air strike on the clinic.",
             "On June 29, the ministry said the strike had been ordered on faulty intelligence.",
             "Jets struck the market again on Thursday, killing four people."]
    assert _other(parts, "en", "2023-06-30", incident) == {3}
    parts = ["نشرت الوزارة يوم الخميس نتائج مراجعتها للغارة على العيادة.",
             "وشنت الطائرات غارة جديدة على السوق يوم الخميس، ما أدى إلى مقتل أربعة أشخاص."]
    assert _other(parts, "ar", "2023-06-30", incident) == {2}


def test_a_new_action_announced_as_news_days_after_the_incident_is_another_incident():
    incident = date(2023, 6, 10)
    parts = ["On Saturday, government aircraft dropped gas bombs on the town, killing 70 people.",
             "Tonight, I ordered a targeted strike on the air base from which the attack was launched.",
             "The gas attack was a crime against the town's children.",
             "Officials said 40 cruise missiles were fired from two warships at the air base.",
             "Doctors said at least 70 people died in the gas attack."]
    assert _other(parts, "en", "2023-06-12", incident) == {2, 4}
    parts = ["وكانت طائرات حكومية قد ألقت السبت قنابل غازية على البلدة ما أدى إلى مقتل 70 شخصًا.",
             "وأطلقت بوارج حربية اليوم عشرات الصواريخ على قاعدة جوية في الجنوب.",
             "وقالت وزارة الدفاع إن 20 صاروخًا فقط سقطت على القاعدة الجوية.",
             "وقال أطباء إن 70 شخصًا على الأقل قتلوا في الهجوم الكيميائي."]
    assert _other(parts, "ar", "2023-06-12", incident) == {2, 3}
    # on the incident's own day or the next, "today" is the incident's day
    assert _other(parts, "ar", "2023-06-11", incident) == set()
    # "said today" dates a statement, not an action
    parts = ["The ministry said today that the strike on the town had used a nerve agent."]
    assert _other(parts, "en", "2023-06-12", incident) == set()


def test_an_agent_coordinated_with_an_attack_noun_is_not_its_perpetrator():
    # a late report that joins its incident brings sentences like these into its comparisons
    from consistency.extract.frames import perpetrators

    def perps(text: str, language: str) -> list[str]:
        return [v.value for v in perpetrators(DocText(text, language), (0, len(text)))]

    assert perps("The clinic treated wounded Hamas and army fighters alike.", "en") == []
    assert perps("وأضاف أن بين المرضى مقاتلين جرحى من طالبان ومن القوات الحكومية.", "ar") == []
    assert perps("Hamas forces fired rockets at the town.", "en") == ["Hamas"]
    assert perps("وقصفت قوات النظام البلدة بالمدفعية.", "ar") == ["Syria"]


def test_claims_naming_the_place_another_incident_hit_go_with_it():
    incident = date(2024, 5, 26)
    parts = ["An air strike on a school in the old town killed 30 people on Sunday, medics said.",
             "On Tuesday, an air strike hit tents in the Al-Bayoud area, killing nine people, residents said.",
             "The army denied firing at tents in Al-Bayoud.",
             "The army said the school strike targeted a command post."]
    assert _other(parts, "en", "2024-05-28", incident) == {2, 3}
    parts = ["قتل 30 شخصًا في غارة على مدرسة في البلدة القديمة الأحد.",
             "وفي يوم الثلاثاء، أصابت قذائف دبابات خيامًا في منطقة البيوض، ما أدى إلى مقتل تسعة أشخاص.",
             "ونفى الجيش إطلاق النار على خيام في البيوض.",
             "وقال الجيش إن الغارة على المدرسة استهدفت مركز قيادة."]
    assert _other(parts, "ar", "2024-05-28", incident) == {2, 3}
    # a place the document named before is no mark of the other incident
    parts = ["An air strike on a school in Al-Bayoud killed 30 people on Sunday, medics said.",
             "On Tuesday, an air strike hit tents in the Al-Bayoud area, killing nine people, residents said.",
             "The army said its strike in Al-Bayoud targeted a command post."]
    assert _other(parts, "en", "2024-05-28", incident) == {2}


def test_a_claim_going_on_about_anothers_incident_shares_its_related_event():
    from consistency.group.events import _told_on

    parts = ["An air strike on a school killed 30 people on Sunday, medics said.",
             "On Tuesday, an air strike hit tents in the Al-Bayoud area, killing nine people, residents said.",
             "The army denied firing at tents in Al-Bayoud.",
             "In March, a raid on a market in Khirbet Qasem killed four, the army said."]
    doc = Document(id="en3", date="2024-05-28", language="en", text=" ".join(parts))
    claims = _claims(doc, parts)
    outside = {c.id for c in claims[1:]}
    assert _told_on(claims, outside, {"en3": "en"}) == [("en3#2", "en3#3")]
    # the next claim names no place the first one's attack hit: no pair
    assert _told_on([claims[0], claims[1], claims[3]], outside, {"en3": "en"}) == []


def test_what_a_background_attack_was_aimed_at_carries_no_later_claim_away():
    # only a new action's target, or the place another incident's attack hit, does
    incident = date(2024, 1, 4)
    parts = ["أكد مسؤول أمريكي تنفيذ الجيش الأمريكي عملية قصف في بغداد أدت إلى مقتل قيادي في فصيل مسلح.",
             "ويأتي القصف بعد أسبوع من قصف أمريكي سابق، ردًا على استهداف القوات الأمريكية في العراق.",
             "وقال المسؤول إن القصف نفذ ضد قيادي يشتبه في وقوفه وراء الهجمات على القوات الأمريكية."]
    assert _other(parts, "ar", "2024-01-04", incident) == {2}
    parts = ["A U.S. official confirmed a strike in Baghdad that killed a militia commander.",
             "It came days after earlier strikes in retaliation for attacks on U.S. troops in Iraq.",
             "The official said the strike targeted a commander suspected of planning attacks on U.S. troops."]
    assert _other(parts, "en", "2024-01-04", incident) == {2}


def test_a_follow_ups_words_for_its_own_incident_keep_its_claims_with_it():
    incident = date(2023, 6, 10)  # a Saturday
    # the day a statement was made, after "told <whom>"
    assert _other(["The general told reporters at the ministry on Tuesday that the June 10 strike was lawful."],
                  "en", "2023-06-13", incident) == set()
    # the day of a toll is the count's, not an attack's
    assert _other(["The death toll from Saturday's strike rose to 40 on Monday, officials said."],
                  "en", "2023-06-12", incident) == set()
    assert _other(["وأعلن المحافظ، الاثنين، ارتفاع حصيلة القصف على السوق إلى 40 قتيلًا."], "ar", "2023-06-12", incident) == set()
    # "a week ago", "five days after the blast" in a report that long after its incident
    assert _other(["The coalition acknowledged that its jets bombed the hall a week ago."], "en", "2023-06-17", incident) == set()
    assert _other(["وأقر التحالف بأن طائراته قصفت القاعة قبل أسبوع."], "ar", "2023-06-17", incident) == set()
    assert _other(["The Red Cross said it had still not been given access five days after the blast."],
                  "en", "2023-06-15", incident) == set()
    # ... but on the incident's own day they name another one
    assert _other(["A week ago, a strike on the market killed five people."], "en", "2023-06-10", incident) == {1}
    assert _other(["وقبل أسبوع، قتل خمسة أشخاص في قصف على السوق."], "ar", "2023-06-10", incident) == {1}


def test_a_past_word_closing_the_incidents_own_date_is_no_other_incident():
    incident = date(2023, 6, 10)
    assert _other(["أقرّ قائد القيادة المركزية، الجمعة، بأن الغارة التي نفذتها طائرة مسيّرة في المدينة يوم 10 "
                   "يونيو/حزيران الماضي كانت خطأ مأساويًا."], "ar", "2023-06-30", incident) == set()
    # another date closed by the same word is another incident
    assert _other(["وكانت غارة مماثلة في 2 مايو/أيار الماضي قد قتلت خمسة أشخاص."], "ar", "2023-06-30", incident) == {1}


def test_a_new_strike_naming_the_earlier_ones_day_does_not_join_it():
    docs = [Document(id=i, date=d, language=lang, text=t) for i, d, lang, t in [
        ("camp-0526", "2024-05-26", "en", "An air strike on a tent camp killed 45 people on Sunday, health officials said."),
        ("camp-0527", "2024-05-27", "ar", "قتل 45 شخصًا في غارة على مخيم للخيام الأحد."),
        ("again-0611", "2024-06-11", "en", "Jets struck the camp again on Tuesday, killing 12, two weeks after the May 26 strike."),
        ("again-ar-0611", "2024-06-11", "ar", "قصفت الطائرات المخيم مجددًا اليوم، ما أسفر عن مقتل 12 شخصًا، بعد الغارة التي "
                                                "نفذت في 26 مايو."),
        ("review-0611", "2024-06-11", "en", "The army's review of the May 26 strike found that a secondary blast caused the fire."),
    ]]
    texts = {d.id: DocText(d.text, d.language) for d in docs}
    recalled = recalled_days(docs, texts, 3)
    assert 2 not in recalled and 3 not in recalled and recalled[4] == [(date(2024, 5, 26).toordinal(),) * 2]
    v = np.array([[1, 0, 0], [1, 0, 0], [0.7, 0.7, 0], [0.7, 0.7, 0], [0.7, 0, 0.7]], dtype="float32")
    clusters = _ids(docs, cluster_documents(docs, v, 0.5, 3, recalled=recalled))
    assert clusters == [["camp-0526", "camp-0527", "review-0611"], ["again-0611", "again-ar-0611"]]
