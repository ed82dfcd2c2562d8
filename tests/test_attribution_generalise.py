"""Attribution rules that must hold on unseen incidents (issue 3): speakers of bodies named in
Arabic found by their English names, and descriptions that point back to them."""

from consistency.extract.attribution import find_attributions
from consistency.extract.identity import english_gloss
from consistency.text.segment import sentences


def _atts(text: str, language: str):
    return find_attributions(text, sentences(text, language), language)


def test_arabic_bodies_get_an_english_name_word_by_word():
    assert english_gloss("خدمة الطوارئ الحكومية الأوكرانية") == "Ukrainian state emergency service"
    assert english_gloss("سلاح الجو الروسي") == "Russian air force"
    assert english_gloss("الائتلاف الوطني السوري") == "Syrian national coalition"
    assert english_gloss("القيادة العامة للجيش والقوات المسلحة") == "Armed forces army general command"
    assert english_gloss("المركز الوطني للأرصاد الجوية") == "Meteorological national centre"
    assert english_gloss("بعثة الأمم المتحدة لرصد حقوق الإنسان") == "Human rights monitoring UN mission"
    # a word with no gloss (a place) leaves the body without an English name
    assert english_gloss("مديرية صحة حماة") is None


def test_a_body_description_refers_back_to_the_body():
    text = ("أعربت قيادة التحالف عن أسفها لسقوط ضحايا في القصف. "
            "وأكدت القيادة في بيان أن قواتها تلتزم بقواعد الاشتباك.")
    atts = _atts(text, "ar")
    assert atts[-1].speaker == "قيادة التحالف"
    text = ("ووفقًا لبعثة المراقبة الدولية في البلاد، قُتل ثلاثون مدنيًا في الهجوم. "
            "وأشارت البعثة إلى أنها وثقت مئات الحالات.")
    atts = _atts(text, "ar")
    assert atts[-1].speaker.startswith("بعثة المراقبة")


def test_arabic_object_verb_keeps_the_persons_name_after_the_role():
    [a] = _atts("واتهم رئيس الوزراء الإيطالي ماريو دراغي الحكومة الروسية بارتكاب جريمة.", "ar")
    assert a.speaker == "رئيس الوزراء الإيطالي ماريو دراغي"
    [a] = _atts("وأدان المفوض السامي لشؤون اللاجئين فيليبو غراندي القصف الذي طال المخيم.", "ar")
    assert a.speaker == "المفوض السامي لشؤون اللاجئين فيليبو غراندي"
    # a one-word "name" after the role is the object
    [a] = _atts("وانتقد الوزير الحكومة السابقة بشدة.", "ar")
    assert a.speaker == "الوزير"


def test_arabic_given_name_ali_is_not_the_preposition():
    [a] = _atts("من جهته، دعا النائب السابق علي حسن السعدي، في كلمة متلفزة، إلى التهدئة.", "ar")
    assert a.speaker.endswith("علي حسن السعدي")
    [a] = _atts("وقال الوزير على هامش المؤتمر إن الوضع خطير.", "ar")
    assert a.speaker == "الوزير"


def test_arabic_speaker_after_a_resumptive_pronoun_runs_to_the_sentence_end():
    atts = _atts("ارتفع عدد القتلى إلى عشرين، وفق ما أفاد به محافظ الإقليم أحمد سليمان.", "ar")
    assert atts[-1].speaker == "محافظ الإقليم أحمد سليمان"
    [a] = _atts("وأعلن الجيش مقتل ثلاثة جنود.", "ar")
    assert a.speaker == "الجيش"


def test_english_middle_initial_stays_in_the_name():
    [a] = _atts("Adm. John R. Harris, head of the naval command, said Monday that two ships were hit.", "en")
    assert a.speaker == "Adm. John R. Harris"


def test_english_surname_that_is_a_verb_of_saying():
    text = ("The raid broke no rule, Ombudsman Karim B. Said said Tuesday. "
            "\"It was a grave error,\" Said told reporters.")
    atts = _atts(text, "en")
    assert [a.speaker for a in atts] == ["Ombudsman Karim B. Said"] * 2
    [a] = _atts("Said told reporters that the review was over.", "en")
    assert a.speaker == "Said"


def test_english_subject_after_a_fronted_adverbial_says_the_second_verb():
    [a] = _atts("At a briefing in Geneva, UN envoy Maria Lopez held up maps of the camp and said the shelling "
                "had come from the east.", "en")
    assert a.speaker == "UN envoy Maria Lopez"
    [a] = _atts("On Sunday, the navy withdrew two frigates and said the blockade was over.", "en")
    assert a.speaker == "the navy"


def test_a_statement_titled_with_its_author_is_the_authors_words():
    from consistency.extract.actors import ActorResolver
    from consistency.extract.claims import extract_claims
    from consistency.models import Document

    resolver = ActorResolver()
    doc = Document(id="pm-address", source="Prime Minister's Office", language="en", date="2024-03-02",
                   title="Address by Prime Minister Anna Berg on the attack on the ferry",
                   text="Last night our country was attacked. Eleven people died on the ferry. The navy said the "
                        "vessel was hit by a drone.")
    claims = extract_claims(doc, resolver)
    own = [c for c in claims if c.speaker is None]
    assert own and all(c.actor_id == own[0].actor_id for c in own)
    author = resolver.resolve("Prime Minister Anna Berg", "en")
    assert own[0].actor_id == author.id
    assert any(c.speaker == "The navy" for c in claims)
    # a statement that names no author stays the publisher's
    plain = doc.model_copy(update={"id": "office", "title": "Statement on the attack on the ferry"})
    office = resolver.resolve("Prime Minister's Office", "en", context="outlet")
    assert {c.actor_id for c in extract_claims(plain, resolver) if c.speaker is None} == {office.id}


def test_a_datelines_state_abbreviation_does_not_end_a_sentence():
    text = "NORFOLK, Va. - The navy said two sailors were hurt. They were taken to a clinic in Norfolk, Va. The ship sailed on."
    assert [text[a:b] for a, b in sentences(text, "en")] == [
        "NORFOLK, Va. - The navy said two sailors were hurt.", "They were taken to a clinic in Norfolk, Va.",
        "The ship sailed on."]


def test_according_to_what_a_source_issued_gives_the_source():
    [a] = _atts("Nine people died, according to an evening statement from Leila Haddad, spokeswoman for the "
                "civil defence.", "en")
    assert (a.speaker, a.role) == ("Leila Haddad", "spokeswoman for the civil defence")
    [a] = _atts("Nine people died, according to figures from the health ministry.", "en")
    assert a.speaker == "the health ministry"
    [a] = _atts("Nine people died, according to the ministry.", "en")
    assert a.speaker == "the ministry"


def test_arabic_written_statements_are_cues_but_writing_a_book_is_not():
    [a] = _atts("وكتب الوزير على تلغرام أن الوضع تحت السيطرة.", "ar")
    assert (a.speaker, a.cue) == ("الوزير", "كتب")
    [a] = _atts("وغردت المتحدثة باسم الوزارة بأن الحصيلة ارتفعت.", "ar")
    assert a.speaker == "المتحدثة باسم الوزارة"
    assert _atts("وكتب الصحفي كتابا عن الحرب.", "ar") == []


def test_he_in_a_sentence_opened_by_a_named_person_is_that_person():
    text = ('"The shells came from the east," police spokesman Omar Lutfi told reporters. '
            'Nadia Hamdan, an aide to the governor whose remark angered residents, apologised on Monday '
            'for what she called "a hasty account".')
    atts = _atts(text, "en")
    assert atts[-1].speaker == "Nadia Hamdan"


def test_a_quotation_announced_as_someones_statement_is_theirs():
    text = ('CAIRO - The ministry released the following statement from its spokesman, Col. Hany Fathy:\n'
            '"Our units returned fire at the crossing. No civilians were hurt."\n'
            'The ministry said an inquiry was under way.')
    atts = _atts(text, "en")
    quoted = [a for a in atts if text[a.content[0]:a.content[1]].startswith("Our units")]
    assert [a.speaker for a in quoted] == ["Hany Fathy"]
    assert atts[-1].speaker == "The ministry"


def test_arabic_according_to_what_a_body_issued_gives_the_body():
    atts = _atts("قتل عشرة أشخاص، بحسب بيان صادر عن الدفاع المدني.", "ar")
    assert atts[-1].speaker == "الدفاع المدني"
    atts = _atts("قتل عشرة أشخاص، وفق أرقام صادرة عن وزارة الصحة.", "ar")
    assert atts[-1].speaker == "وزارة الصحة"


def test_arabic_cue_in_a_time_clause_takes_the_sentence_subject():
    [a] = _atts("وأثار كريم ناصر، مستشار رئيس الوزراء، غضبًا واسعًا بعد أن قال في مقابلة إن الجيش انسحب.", "ar")
    assert a.speaker == "كريم ناصر"
    [a] = _atts("وانسحبت الوزارة من الاتفاق بعد أن قالت إن الشروط لم تتحقق.", "ar")
    assert a.speaker == "الوزارة"
    # a cue with its own subject keeps it
    [a] = _atts("وغادر الأطفال المدرسة بعد أن قال المعلم إن القصف قريب.", "ar")
    assert a.speaker == "المعلم"


def test_a_rejected_claim_is_the_speakers_denial_of_what_follows():
    [a] = _atts("The agency rejected claims that it had guaranteed the safety of the fighters.", "en")
    assert (a.speaker, a.cue) == ("The agency", "deny")
    assert a.content == (a.content[0], len("The agency rejected claims that it had guaranteed the safety of the fighters"))
    [a] = _atts("The ministry on Sunday dismissed media reports that its troops had fired on the crowd.", "en")
    assert (a.speaker, a.cue) == ("The ministry", "deny")


def test_content_before_a_cue_closed_by_a_semicolon():
    text = "It is not a guarantor of any deal, the statement said; it had only registered the prisoners."
    [a] = _atts(text, "en")
    assert text[a.content[0]:a.content[1]] == "It is not a guarantor of any deal"


def test_a_long_anonymous_speaker_with_an_appositive_speaks():
    text = ("An officer in the general staff of the national army, speaking on condition of anonymity because "
            "he was not authorized to brief reporters, denied that commanders had asked for the strike.")
    [a] = _atts(text, "en")
    assert (a.speaker, a.cue, a.anonymous) == ("An officer in the general staff of the national army", "deny", True)
    assert text[a.content[0]:a.content[1]] == "commanders had asked for the strike"


def test_a_demand_that_someone_respond_is_no_reply():
    atts = _atts("The regiment said the fighters had surrendered and demanded that both organizations respond.", "en")
    assert [(a.speaker, a.cue) for a in atts] == [("The regiment", "say"), ("The regiment", "call_for")]


def test_the_organization_refers_back_to_a_body_named_like_a_person():
    text = ("The International Committee of the Red Cross said it had asked to see the prisoners. "
            "\"Our priority is the wounded,\" the organization said.")
    atts = _atts(text, "en")
    assert atts[-1].speaker == "The International Committee of the Red Cross"


def test_arabic_anonymity_clause_is_neither_content_nor_a_cue():
    text = ("وقال ضابط في هيئة الأركان، طلب عدم ذكر اسمه لأنه غير مخول بالحديث لوسائل الإعلام، "
            "إن القادة لم يطلبوا استهداف المبنى.")
    [a] = _atts(text, "ar")
    assert (a.speaker, a.anonymous) == ("ضابط في هيئة الأركان", True)
    assert text[a.content[0]:a.content[1]] == "القادة لم يطلبوا استهداف المبنى"
    text = "وأكد ضابط رفيع في الجيش، تحدث شريطة عدم الكشف عن هويته، أن الطائرات لم تقصف المستشفى."
    [a] = _atts(text, "ar")
    assert a.speaker == "ضابط رفيع في الجيش"
    assert text[a.content[0]:a.content[1]] == "الطائرات لم تقصف المستشفى"


def test_the_party_whose_claim_a_speaker_rejects_is_no_speaker():
    text = "وأكد المتحدث أن الغارة طالت أهدافًا عسكرية ولم تستهدف حافلة مدرسية كما تزعم الجماعة."
    assert [a.speaker for a in _atts(text, "ar")] == ["المتحدث"]
    text = "The spokesman said the strike hit a military site, not a school bus as the group claims."
    atts = _atts(text, "en")
    assert [a.speaker for a in atts] == ["The spokesman"]
    assert text[atts[0].content[0]:atts[0].content[1]].endswith("as the group claims")
    # "as X said" opening a sentence is X's attribution
    assert [a.speaker for a in _atts("As the minister said, the talks failed.", "en")] == ["the minister"]


def test_in_accordance_with_the_law_is_no_source():
    text = "وأكد المتحدث أن العملية نُفّذت وفقًا للقانون الدولي الإنساني."
    assert [a.speaker for a in _atts(text, "ar")] == ["المتحدث"]
