"""Time per MB of the text stage at 1, 2 and 4 MB, to check that cost grows linearly.

    .venv/bin/python benchmarks/text_cost.py

Prints one line per size and function; near-equal seconds per MB across sizes mean linear
cost. Inputs: ordinary news-like text in both languages, a paragraph with no punctuation,
and text dense with numbers.
"""

from __future__ import annotations

import time

from consistency.text import find_numbers, normalize, sentences

MB = 1_000_000
SAMPLES = {
    "ar-news": "وقال مسؤول أمني إن نحو 115 هجومًا استهدفت القوات منذ 17 تشرين الأول، وأسفر القصف عن مقتل شخصين. ",
    "en-news": "At least 20 people were killed on Jan. 4, U.S. officials said, and dozens more were hurt. ",
    "no-punctuation": "drone strike on a headquarters in Baghdad killed militia commander ",
    "dense-numbers": "12 killed 30,228 wounded ١٠٤ قتلى ",
}


def _text(sample: str, size: int) -> str:
    return (sample * (size // len(sample) + 1))[:size]


def main() -> None:
    print(f"{'input':16} {'MB':>3} {'normalize':>12} {'sentences':>12} {'find_numbers':>14}  (s/MB)")
    for name, sample in SAMPLES.items():
        language = "ar" if name.startswith("ar") else "en"
        for mb in (1, 2, 4):
            text = _text(sample, mb * MB)
            row = []
            for fn in (normalize, lambda t: sentences(t, language), lambda t: find_numbers(t, language)):
                start = time.process_time()
                fn(text)
                row.append((time.process_time() - start) / mb)
            print(f"{name:16} {mb:>3} {row[0]:>12.3f} {row[1]:>12.3f} {row[2]:>14.3f}")


if __name__ == "__main__":
    main()
