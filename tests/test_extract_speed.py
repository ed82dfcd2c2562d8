"""The extraction speed-ups give the answers of the plain computation: the lexicon's literal
screen and memo, and the actor resolver's kept answers and phrase index."""

from __future__ import annotations

from consistency.extract.actors import ActorResolver, _contains, tokens
from consistency.extract.lexicon import _MEMO, _SUBSETS, PhraseMatcher, facet_table, matcher
from consistency.text.normalize import normalize

SENTENCES = {
    "en": [
        "The health ministry said 14 people were killed and 30 wounded in an Israeli air strike on the camp.",
        "A security source denied that troops had fired on the crowd, calling it a legitimate military target.",
        "Witnesses said a drone strike hit a car near the airport road; no group claimed responsibility.",
        "The army said the explosion was caused by a misfired rocket, a claim that could not be independently verified.",
        "Police said nothing about the toll.",
    ],
    "ar": [
        "وقالت وزارة الصحة إن 14 شخصا قتلوا وأصيب 30 آخرون في غارة جوية إسرائيلية على المخيم.",
        "ونفى مصدر أمني أن تكون القوات قد أطلقت النار على الحشد، مؤكدا أن الموقع هدف عسكري مشروع.",
        "وأفاد شهود عيان بأن طائرة مسيرة استهدفت سيارة قرب طريق المطار، ولم تعلن أي جهة مسؤوليتها.",
        "وحمّلت الحكومة التحالف بقيادة الولايات المتحدة المسؤولية عن الانفجار، بينما لم يتسن التحقق من الحصيلة.",
        "وقال المحافظ إن الوضع هادئ.",
    ],
}


def _plain(m: PhraseMatcher) -> PhraseMatcher:
    """The same matcher without its screen and memo."""
    bare = PhraseMatcher.__new__(PhraseMatcher)
    bare.__dict__.update(m.__dict__)
    bare._screen, bare._memo = None, {}
    return bare


def test_screen_and_memo_give_the_hits_of_the_full_pattern_in_both_languages():
    checked = found = 0
    for lang, sentences in SENTENCES.items():
        for table, entries in facet_table(lang).items():
            if not isinstance(entries, dict):
                continue
            keys = [k for k, v in entries.items() if isinstance(v, list) and all(isinstance(x, str) for x in v)]
            keys = ([None] if len(keys) == len(entries) else []) + keys
            for key in keys:
                m = matcher(lang, table, key)
                for text in sentences:
                    norm = normalize(text).text
                    for _ in range(2):  # the second read comes from the memo
                        hits = m.finditer(norm, text if len(norm) == len(text) else None)
                        assert hits == _plain(m).finditer(norm, text if len(norm) == len(text) else None)
                    checked += 1
                    found += bool(hits)
    assert checked > 200 and found > 20


def test_a_text_is_matched_against_the_phrases_whose_core_it_holds():
    m = PhraseMatcher({"killed": ["killed", "dead", "قتل", "لقي حتفه"], "wounded": ["wounded", "جرح*"],
                       "strike": ["air strike", "غارة جوية"]}, "ar")
    text = normalize("وقتل ثلاثة وجرحى آخرون في غارة جوية; two were killed").text
    hits = m.finditer(text)
    assert [h.label for h in hits] == _plain_labels(m, text) == ["killed", "wounded", "strike", "killed"]
    assert len(m._subsets) == 1 and len(next(iter(m._subsets))) == 4  # قتل, جرح*, غارة جوية, killed
    many = PhraseMatcher({"place": [f"town{i:04d}" for i in range(_SUBSETS + 20)]}, "en")
    for i in range(_SUBSETS + 20):
        assert [h.phrase for h in many.finditer(f"shelling in town{i:04d} today")] == [f"town{i:04d}"]
    assert len(many._subsets) == _SUBSETS  # bounded


def _plain_labels(m, text):
    return [h.label for h in _plain(m).finditer(text)]


def test_an_arabic_phrase_with_clitics_passes_the_screen():
    m = PhraseMatcher({"killed": ["قتل"], "strike": ["غارة جوية"]}, "ar")
    norm = normalize("وبغارة جوية قتلهم الجيش").text
    assert [h.label for h in m.finditer(norm)] == ["strike", "killed"]
    assert m.finditer(normalize("لا شيء هنا").text) == []


def test_memo_is_bounded_and_callers_cannot_change_it():
    m = PhraseMatcher({"killed": ["killed", "dead"]}, "en")
    first = m.finditer("two were killed")
    first.clear()
    assert [h.label for h in m.finditer("two were killed")] == ["killed"]
    for i in range(_MEMO + 50):
        m.finditer(f"{i} were killed")
    assert len(m._memo) == _MEMO


CALLS = [
    ("a security source", "en", "A security source said 14 people were killed in Gaza.", None),
    ("the health ministry", "en", "The health ministry in Gaza said 14 people were killed.", None),
    ("the health ministry", "en", "The health ministry said 3 were wounded in Baghdad.", None),
    ("Pat Ryder", "en", "the Pentagon press secretary", None),
    ("Akram al-Kaabi", "en", "The leader Akram al-Kaabi said the strike was an aggression.", None),
    ("أكرم الكعبي", "ar", "وقال أكرم الكعبي إن الضربة عدوان.", None),
    ("وزارة الصحة", "ar", "وقالت وزارة الصحة في غزة إن 14 قتلوا.", None),
    ("وزارة الصحة", "ar", "وقالت وزارة الصحة إن 3 أصيبوا.", None),
    ("مصدر أمني", "ar", "", None),
    ("a Pentagon spokesman", "en", "", None),
    ("a Pentagon spokesman", "en", "", True),
    ("an official", "en", "An official in Iraq said the base was hit.", None),
]


def test_kept_answers_are_those_computed_afresh():
    kept, fresh = ActorResolver(), ActorResolver()
    for _ in range(2):
        for name, lang, ctx, anon in CALLS:
            a = kept.resolve(name, lang, ctx, anon)
            fresh._answers.clear()
            b = fresh.resolve(name, lang, ctx, anon)
            assert a == b, name
    assert kept.actors() == fresh.actors()
    # answers are reused: twelve distinct calls, asked twice
    assert len(kept._answers) <= len(CALLS)
    ids = {c[0]: kept.resolve(c[0], c[1], c[2]).id for c in CALLS}
    assert ids["أكرم الكعبي"] == ids["Akram al-Kaabi"]  # the person is still joined across scripts
    assert ids["وزارة الصحة"] != "unknown"


def test_phrase_index_answers_as_the_slice_search():
    r = ActorResolver()
    r.resolve("police", "en")  # builds the gazetteer
    lists = [r._state, r._spokes, r._member, *r._anon_heads.values(), *r._sectors.values(),
             *(w for _, w in r._rules), *(w for _, _, w in r._nations)]
    names = ["a senior US defence official", "المتحدث باسم وزارة الدفاع", "spokesman for the Iraqi army",
             "مصدر طبي في مستشفى الشفاء", "Hamas-run health ministry", "witnesses", "قوات الأمن العراقية"]
    hits = 0
    for name in names:
        toks = tokens(name)
        for phrases in lists:
            expected = any(_contains(toks, p) for p in phrases)
            assert r._has(toks, phrases) == expected
            hits += expected
    assert hits > 5


def _person_full_scan(self, name, toks, group, left=None):
    """`ActorResolver._person` as it was: every known key scanned in order."""
    from consistency.extract.actors import skeleton, slug
    from consistency.models import Actor

    core = left if left else [t for t in toks if t not in self._ignore]
    key = tuple(k for k in (skeleton(t) for t in core or toks) if len(k) > 1)
    if len(key) >= 2:
        for other, actor_id in self._skeletons.items():
            if key == other or set(key) <= set(other) or (len(other) >= 2 and set(other) <= set(key)):
                if actor_id in self._seen:
                    return Actor(id=actor_id, name=name.strip(), group=group)
    actor = Actor(id="actor:" + slug(" ".join(core or toks)), name=name.strip(), group=group)
    if len(key) >= 2:
        self._skeletons.setdefault(key, actor.id)
    return actor


def test_person_index_joins_the_persons_a_full_scan_joins():
    import types

    names = ["Mohammed Hassan", "محمد حسن", "Mohammed al-Hassan Ali", "Ali Hassan", "علي حسن", "Karim Haddad",
             "كريم حداد", "Mohammed Karim", "Hassan Mohammed", "Akram al-Kaabi", "أكرم الكعبي", "Akram Kaabi Yehia",
             "Yehia Sinwar", "يحيى السنوار", "Omar Ali", "عمر علي", "Ali Omar Hassan", "Hassan"]
    indexed, scanned = ActorResolver(), ActorResolver()
    scanned._person = types.MethodType(_person_full_scan, scanned)
    got, want = [], []
    for name in names + names[::-1]:
        got.append(indexed.resolve(name, "ar" if name[0] > "\u0600" else "en"))
        want.append(scanned.resolve(name, "ar" if name[0] > "\u0600" else "en"))
    assert got == want
    assert indexed.actors() == scanned.actors()
    assert len({a.id for a in got}) < len(set(names))  # some spellings were joined
