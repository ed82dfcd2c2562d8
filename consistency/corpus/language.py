"""Language of a text by the script most of its letters are written in.

    >>> detect_language("قال مسؤول أمني إن الهجوم وقع فجراً"), detect_language("Police said two died.")
    ('ar', 'en')

A script-share heuristic, with no model: news in this tool's corpora is Arabic or English, and
a quoted name in the other script ("(Reuters)" in an Arabic report) must not flip the result.
Arabic-script text is told apart from Persian and Urdu by the letters only those use. Latin
script is reported as "en"; a text with no letters at all is "und" (undetermined, ISO 639-2).
"""

from __future__ import annotations

import unicodedata

_SAMPLE = 20_000  # letters counted at most: the start of a long text says enough

# Letters used in Persian (ی ک پ چ ژ گ) or Urdu (ے ٹ ڈ ڑ ں ہ) and not in Arabic, and the
# Arabic forms (ي ك) they replace.
_PERSIAN = frozenset("یکپچژگ")
_URDU = frozenset("ےٹڈڑںہ")
_ARABIC_ONLY = frozenset("يكةى")

# Unicode block (first, last codepoint) → language, for scripts that name one language here.
_SCRIPTS = (
    (0x0370, 0x03FF, "el"),
    (0x0400, 0x04FF, "ru"),
    (0x0590, 0x05FF, "he"),
    (0x0600, 0x06FF, "ar"),
    (0x0750, 0x077F, "ar"),
    (0x08A0, 0x08FF, "ar"),
    (0x0900, 0x097F, "hi"),
    (0x0E00, 0x0E7F, "th"),
    (0x3040, 0x30FF, "ja"),
    (0x4E00, 0x9FFF, "zh"),
    (0xAC00, 0xD7AF, "ko"),
    (0xFB50, 0xFDFF, "ar"),
    (0xFE70, 0xFEFF, "ar"),
)


def _script(ch: str) -> str:
    code = ord(ch)
    if code < 0x0250:
        return "en"
    for low, high, lang in _SCRIPTS:
        if low <= code <= high:
            return lang
    return "other"


def _arabic_script_language(letters: list[str]) -> str:
    persian = sum(ch in _PERSIAN for ch in letters)
    urdu = sum(ch in _URDU for ch in letters)
    arabic = sum(ch in _ARABIC_ONLY for ch in letters)
    if urdu > arabic:
        return "ur"
    if persian > arabic:
        return "fa"
    return "ar"


def detect_language(text: str) -> str:
    """A short language code ("ar", "en", ...) for `text`; "und" when it has no letters."""
    counts: dict[str, int] = {}
    arabic_letters: list[str] = []
    seen = 0
    for ch in text:
        if not ch.isalpha():
            continue
        script = _script(ch)
        counts[script] = counts.get(script, 0) + 1
        if script == "ar":
            arabic_letters.append(unicodedata.normalize("NFKC", ch))
        seen += 1
        if seen >= _SAMPLE:
            break
    counts.pop("other", None)
    if not counts:
        return "und"
    # Ties go to Arabic: a short bilingual line is more likely an Arabic report quoting a name.
    best = max(sorted(counts), key=lambda lang: (counts[lang], lang == "ar"))
    if best == "ar":
        return _arabic_script_language(arabic_letters)
    return best
