"""Attribution rules, driven by tests/cases/attribution_<lang>.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from consistency.errors import InputError
from consistency.extract.attribution import Attribution, find_attributions, quote_spans
from consistency.text.segment import sentences

CASES = Path(__file__).parent / "cases"
FIELDS = ("speaker", "cue", "via", "anonymous", "role")


def _cases():
    for lang in ("en", "ar"):
        for case in yaml.safe_load((CASES / f"attribution_{lang}.yaml").read_text(encoding="utf-8")):
            yield pytest.param(lang, case, id=f"{lang}-{case['id']}")


def _view(text: str, a: Attribution) -> dict:
    return {"speaker": a.speaker, "cue": a.cue, "via": a.via, "anonymous": a.anonymous, "role": a.role,
            "content": text[a.content[0]:a.content[1]]}


@pytest.mark.parametrize("lang,case", list(_cases()))
def test_case(lang, case):
    text = case["text"]
    got = [_view(text, a) for a in find_attributions(text, sentences(text, lang), lang)]
    want = case["expect"]
    assert len(got) == len(want), f"got {got}"
    for g, w in zip(got, want):
        for key, value in w.items():
            assert g[key] == value, f"{key}: got {g[key]!r}, want {value!r} in {g}"


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_spans_index_the_original_text(lang):
    text = {"en": "Two people died, the Red Crescent told AFP. It said more were missing.",
            "ar": "وقال مصدرٌ أمنيّ لـ«وكالة الأنباء» إنّ شخصين قُتلا. وأضاف أنّ التحقيق مستمر."}[lang]
    for a in find_attributions(text, sentences(text, lang), lang):
        assert 0 <= a.content[0] < a.content[1] <= len(text)
        assert a.cue_span is not None and text[a.cue_span[0]:a.cue_span[1]].strip()
        if a.speaker_span:
            assert text[a.speaker_span[0]:a.speaker_span[1]] == a.speaker
        if a.via_span:
            assert text[a.via_span[0]:a.via_span[1]] == a.via
        assert a.sentence in sentences(text, lang)


def test_deterministic():
    text = "Police said two died. \u201cIt was chaos,\u201d a witness told the BBC. He added that shops burned."
    s = sentences(text, "en")
    assert find_attributions(text, s, "en") == find_attributions(text, s, "en")


def test_unknown_language_gives_nothing():
    assert find_attributions("Der Minister sagte, dass ...", [(0, 27)], "de") == []


def test_bad_input_raises():
    with pytest.raises(InputError):
        find_attributions("short", [(0, 99)], "en")
    with pytest.raises(InputError):
        find_attributions(None, [], "en")


def test_quote_spans_cross_sentences():
    text = "He said: \u201cFirst. Second.\u201d Then \u00abthird\u00bb."
    assert quote_spans(text) == [(9, 25), (31, 38)]
    assert text[9:25] == "“First. Second.”"


_PIECES = ["said", "told", "Reuters", "according to", "the", "a", "official", ",", ".", "\u201c", "\u201d",
           "\u00ab", "\u00bb", '"', "he", "who", "(", ")", "\u2015", ":", "Maj.", "Gen.", "al-Nujaba", "'s",
           "\u0648\u0642\u0627\u0644", "\u0625\u0646", "\u0645\u0635\u062f\u0631", "\u0644\u0640",
           "\u0648\u0641\u0642\u0627", "\u0639\u0646", "\u0646\u0642\u0644\u062a", "\u060c", "\n\n", "  "]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_never_crashes_on_odd_text(lang):
    from hypothesis import given, settings, strategies as st

    @settings(max_examples=200, deadline=None)
    @given(st.lists(st.sampled_from(_PIECES) | st.text(max_size=4), max_size=40))
    def run(parts):
        text = " ".join(parts)
        for a in find_attributions(text, sentences(text, lang), lang):
            assert 0 <= a.content[0] <= a.content[1] <= len(text)
            for span in (a.speaker_span, a.cue_span, a.via_span, a.mention_span):
                assert span is None or 0 <= span[0] <= span[1] <= len(text)

    run()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_cue_lexicon_is_consistent(lang):
    from collections import Counter

    from consistency.extract.attribution import load_cues
    from consistency.text.normalize import normalize_term

    cues = load_cues(lang)
    forms = Counter(normalize_term(f) for v in cues["verbs"].values() for f in v)
    assert [f for f, n in forms.items() if n > 1] == []  # one form, one lemma
    lemmas = set(cues["verbs"])
    if lang == "en":
        assert set(cues["weak"]["lemmas"]) <= lemmas
        assert set(cues["phrases"].values()) <= lemmas
        assert set(cues["requires"]) <= set(forms)  # conditions on verb forms
    else:
        assert set(cues["object_verbs"]["lemmas"]) <= lemmas
        assert set(cues["requires"]) <= lemmas
