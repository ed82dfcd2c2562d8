"""Language of a text by the script most of its letters are written in.

    >>> detect_language("قال مسؤول أمني إن الهجوم وقع فجراً"), detect_language("Police said two died.")
    ('ar', 'en')

A script-share heuristic, with no model: news in this tool's corpora is Arabic or English, and
a quoted name in the other script ("(Reuters)" in an Arabic report) must not flip the result.
Arabic-script text is told apart from Persian and Urdu by the letters only those use. Latin
script is reported as "en"; a text with no letters at all is "und" (undetermined, ISO 639-2).
"""

from __future__ import annotations

import re

_SAMPLE = 5_000  # characters read at most: the start of a long text says enough

# Letters used in Persian (ی ک پ چ ژ گ) or Urdu (ے ٹ ڈ ڑ ں ہ) and not in Arabic, and the
# Arabic forms (ي ك ة ى) they replace.
_PERSIAN = "یکپچژگ"
_URDU = "ےٹڈڑںہ"
_ARABIC_ONLY = "يكةى"

# Letters of each script (digits and punctuation of a block left out), by language code.
_SCRIPTS = {
    "ar": "\u0620-\u064a\u066e-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06ff\u0750-\u077f\u08a0-\u08c9"
    "\ufb50-\ufdfb\ufe70-\ufefc",
    "en": "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f",
    "el": "\u0370-\u03ff",
    "ru": "\u0400-\u04ff",
    "he": "\u05d0-\u05ea",
    "hi": "\u0900-\u097f",
    "th": "\u0e00-\u0e7f",
    "ja": "\u3040-\u30ff",
    "zh": "\u4e00-\u9fff",
    "ko": "\uac00-\ud7af",
}
# Runs of characters outside a script: deleting them leaves the script's letters to count
# (a few matches a text, where matching each letter would cost one match per letter).
_OUTSIDE = {lang: re.compile(f"[^{letters}]+") for lang, letters in _SCRIPTS.items()}
# Runs of ASCII and Arabic-script characters: deleting them leaves the characters of other
# scripts, an upper bound on the letters any other script can have.
_FOREIGN = re.compile("[\x00-\x7f\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]+")


def _letters(sample: str, lang: str) -> int:
    return len(_OUTSIDE[lang].sub("", sample))


def _occurrences(text: str, letters: str) -> int:
    return sum(text.count(ch) for ch in letters)


def _arabic_script_language(sample: str) -> str:
    persian = _occurrences(sample, _PERSIAN)
    urdu = _occurrences(sample, _URDU)
    arabic = _occurrences(sample, _ARABIC_ONLY)
    if urdu > arabic:
        return "ur"
    if persian > arabic:
        return "fa"
    return "ar"


def detect_language(text: str) -> str:
    """A short language code ("ar", "en", ...) for `text`; "und" when it has no letters."""
    sample = text[:_SAMPLE]
    # Arabic and Latin first: when one holds most letters, no other script can beat it.
    counts = {lang: _letters(sample, lang) for lang in ("ar", "en")}
    if max(counts.values()) <= len(_FOREIGN.sub("", sample)):
        counts.update((lang, _letters(sample, lang)) for lang in _SCRIPTS)
    if not any(counts.values()):
        return "und"
    # Ties go to Arabic: a short bilingual line is more likely an Arabic report quoting a name.
    best = max(counts, key=lambda lang: (counts[lang], lang == "ar"))
    if best == "ar":
        return _arabic_script_language(sample)
    return best
