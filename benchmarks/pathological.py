"""Seconds per MB of pathological text, at several sizes: cost should grow about linearly.

    .venv/bin/python benchmarks/pathological.py                 # 0.25, 0.5, 1 MB
    .venv/bin/python benchmarks/pathological.py --sizes 1,2,5 --stages segment,numbers

For each kind of hostile text (tests/test_pathological.py checks the results on smaller
sizes) it times the segmenter, the number parser and claim extraction (with the actor
resolver), and prints seconds per MB for each size. Roughly equal s/MB across sizes means
linear growth; a figure that doubles with the size is a quadratic step to look at.
"""

from __future__ import annotations

import argparse
import time

WORDS_EN = ("officials said the strike hit a crowded market near the port where families queued for "
            "bread and fuel while rescue crews searched the rubble for survivors through the night").split()
WORDS_AR = ("وقال مسؤولون إن الغارة أصابت سوقا مزدحما قرب الميناء حيث كانت العائلات تنتظر الخبز والوقود "
            "بينما بحثت فرق الإنقاذ بين الأنقاض عن ناجين طوال الليل").split()
CONTROLS = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u061c"
DIACRITICS = "\u064e\u064f\u0650\u0651\u0652\u064b\u064c\u064d"
ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def _fill(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def no_punctuation(size: int) -> str:
    """One paragraph of English and Arabic news words, no punctuation, no line break."""
    unit = " ".join(WORDS_EN) + " " + " ".join(WORDS_AR) + " "
    return _fill(unit, size).strip()


def many_numbers(count: int) -> str:
    """`count` figures in one paragraph: digits, Arabic-Indic digits, thousands and decimals."""
    forms = ("{n} killed", "{n:,} injured", "{ar} قتلى", "{n}.5 percent", "nearly {n}")
    table = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
    return " and ".join(forms[i % len(forms)].format(n=i % 9000 + 10, ar=str(i % 900 + 10).translate(table))
                        for i in range(count))


def nested_quotes(depth: int) -> str:
    """A speaker quoting a speaker quoting ... `depth` levels down, every quote mark kind."""
    opens, closes = "«“\"‘", "»”\"’"
    head = "".join(f"Officials said {opens[i % 4]}" for i in range(depth))
    tail = "".join(closes[(depth - 1 - i) % 4] + "." for i in range(depth))
    return head + "seven people were killed in the strike" + tail


def nested_brackets(depth: int) -> str:
    """`depth` levels of (, [ and { around one sentence."""
    opens, closes = "([{", ")]}"
    return ("".join(opens[i % 3] for i in range(depth)) + "Police said 12 people were killed."
            + "".join(closes[(depth - 1 - i) % 3] for i in range(depth)))


def arabic_with_diacritics(size: int) -> str:
    """One line of Arabic letters, each with a diacritic, and no space at all."""
    unit = "".join(letter + DIACRITICS[i % len(DIACRITICS)] for i, letter in enumerate(ARABIC_LETTERS))
    return _fill(unit, size)


def with_controls(text: str) -> str:
    """A zero-width or bidi control character after every character of `text`."""
    return "".join(ch + CONTROLS[i % len(CONTROLS)] for i, ch in enumerate(text))


def presentation_forms(size: int) -> str:
    """News text written with presentation-form letters and ligatures (ﻻ ﷲ ﺍ ﻟ)."""
    unit = "قال مسؤول ﻓﻲ ﻭﺯﺍﺭﺓ اﻟﺼﺤﺔ إن ﻻ يقل عن 12 شخصا قتلوا ﻓﻲ مخيم عبد ﷲ. "
    return _fill(unit, size)


def attributed_sentences(size: int) -> str:
    """Short attributed sentences, one after another: one attribution per sentence."""
    return _fill("Police said 12 people were killed in the strike on the market. ", size).strip()


# name -> (make text of about `size` characters, language)
KINDS = {
    "no punctuation": (no_punctuation, "en"),
    "numbers": (lambda size: many_numbers(size // 12), "en"),
    "nested quotes": (lambda size: nested_quotes(size // 18), "en"),
    "nested brackets": (lambda size: nested_brackets(size // 2), "en"),
    "arabic diacritics": (arabic_with_diacritics, "ar"),
    "controls": (lambda size: with_controls(no_punctuation(size // 2)), "en"),
    "presentation forms": (presentation_forms, "ar"),
    "attributed": (attributed_sentences, "en"),
}


def stages():
    from consistency.extract.actors import ActorResolver
    from consistency.extract.claims import extract_claims
    from consistency.models import Document
    from consistency.text import find_numbers, sentences

    resolver = ActorResolver()
    return {
        "segment": lambda text, lang: sentences(text, lang),
        "numbers": lambda text, lang: find_numbers(text, lang),
        "extract": lambda text, lang: extract_claims(Document(id="p", language=lang, text=text), resolver),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0.25,0.5,1", help="sizes in MB (millions of characters)")
    parser.add_argument("--kinds", default=",".join(KINDS), help="comma-separated kinds of text")
    parser.add_argument("--stages", default="segment,numbers,extract", help="comma-separated stages")
    args = parser.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    run = {name: call for name, call in stages().items() if name in args.stages.split(",")}
    print(f"{'text':<20} {'stage':<8} " + " ".join(f"{s:>7g}MB" for s in sizes) + "   (seconds per MB)")
    for kind in args.kinds.split(","):
        make, language = KINDS[kind]
        texts = [make(int(size * 1_000_000)) for size in sizes]
        for stage, call in run.items():
            cells = []
            for text in texts:
                began = time.perf_counter()
                call(text, language)
                seconds = time.perf_counter() - began
                cells.append(f"{seconds / (len(text) / 1_000_000):>9.2f}")
            print(f"{kind:<20} {stage:<8} " + " ".join(cells), flush=True)


if __name__ == "__main__":
    main()
