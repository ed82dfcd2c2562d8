"""Hypothesis strategies shared by the fuzz tests and `benchmarks/fuzz.py`.

Random characters alone rarely reach the interesting code (a cue, a figure, a closing quote),
so text is built from pieces of news language, markup and Unicode traps, mixed with random
characters. Lone surrogates are left out of `text`: no decoded file can hold them.
"""

from __future__ import annotations

from hypothesis import strategies as st

CHARS = st.characters(blacklist_categories=("Cs",))
HOSTILE = [
    "</script>", "</SCRIPT >", "<script>", "<!--", "-->", "]]>", "{{DATA}}", "{{SCRIPT}}", "{{CSP}}",
    "<img src=x onerror=alert(1)>", "javascript:alert(1)", "&amp;", "&lt;", "\u2028", "\u2029",
    "\u202e", "\u200f", "\u200b", "\u2066", "\ufeff", "\x00", "\x1b[31m", "\\", '"', "'", "`", "|", "*",
    "#", "_", "[x](http://a)", "\n", "\r\n", "\r", "\t", "$(id)", "%s", "ﷲ", "ﻻ",
]
NEWS_EN = [
    "Police said ", "the ministry said ", "a US official told Reuters ", "according to AP, ", "at least ",
    "nearly ", "more than ", "12", "seven ", "two ", "people were killed", " were injured", ". ", ", ",
    "\u201c", "\u201d", '"', "dozens of ", "between 10 and 15 ", "3,500 ", "2024", "Jan. 4", "Maj. Gen. ",
    "U.S. ", "...", "!", "?", "(", ")", "\n", "denied ", "blamed ", "the army ", "Hamas ", "1.5 million ",
    "40%", "half a dozen ", "He said ", " killed ", "on Monday ",
]
NEWS_AR = [
    "قال مصدر أمني ", "وأكد المتحدث باسم الجيش ", "إن ", "قتلى ", "١٢ ", "نحو ", "لا يقل عن ", "عشرات ",
    "قتيلين ", "«", "»", "، ", ". ", "؟ ", "ﻻ ", "ﷲ ", "\u064e", "ـ", "وزارة الصحة ", "أصيب ", "شخصا ",
    "نفى ", "حمّل ", "ثلاثة ", "مئة ", "٢٠٢٤ ", "\n", "وفقا لـ", "نقلت وكالة رويترز عن ",
]


def text_from(pieces: list[str], max_pieces: int = 30) -> st.SearchStrategy[str]:
    piece = st.one_of(st.sampled_from(pieces), st.text(CHARS, max_size=6))
    return st.lists(piece, max_size=max_pieces).map("".join)


NEWS = text_from(NEWS_EN + NEWS_AR + HOSTILE)
ANY_TEXT = st.one_of(st.text(CHARS, max_size=80), NEWS, text_from(HOSTILE, 12))
LANGUAGES = st.sampled_from(["en", "ar", "und", "fr"])

# Whole attributed sentences, so that fuzzed text reaches the attribution rules too.
SPEAKERS_EN = ["Police", "The health ministry", "A US official", "Hamas", "The army", "Witnesses", "Dr. Ali Hassan"]
CUES_EN = ["said", "told Reuters", "denied that", "confirmed", "blamed Israel, saying", "announced"]
SPEAKERS_AR = ["قال مصدر أمني", "وأكدت وزارة الصحة", "ونفى الجيش", "وقال شهود عيان", "وأعلنت حركة حماس"]
_EN_SENTENCE = st.builds(lambda s, c, body: f"{s} {c} {body}", st.sampled_from(SPEAKERS_EN), st.sampled_from(CUES_EN),
                         text_from(NEWS_EN + HOSTILE, 8))
_AR_SENTENCE = st.builds(lambda s, body: f"{s} إن {body}", st.sampled_from(SPEAKERS_AR), text_from(NEWS_AR + HOSTILE, 8))
ATTRIBUTED = st.lists(st.one_of(_EN_SENTENCE, _AR_SENTENCE), min_size=1, max_size=4).map(". ".join)
