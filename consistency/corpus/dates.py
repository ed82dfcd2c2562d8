"""Dates as people write them in Arabic and English news, read into ISO `YYYY-MM-DD`.

    >>> parse_date("04-يناير-2024"), parse_date("Jan 4, 2024"), parse_date("٤ كانون الثاني ٢٠٢٤")
    ('2024-01-04', '2024-01-04', '2024-01-04')

The whole text must be a date: a weekday, an ordinal suffix, a time of day and the Arabic
era mark may stand beside it, but any other word means "not a date" (None). Month names,
weekdays and the other allowed words live in `consistency/data/months.toml`.

All-digit dates: year first is year-month-day; year last is day/month/year (the order used
in Arabic and British news), read as month/day/year only when the first number cannot be a
month-day pair the other way (`01/24/2024`). Two-digit years and Hijri dates are not read.
"""

from __future__ import annotations

import datetime as _dt
import re
import tomllib
import unicodedata
from functools import lru_cache
from importlib import resources

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# Arabic letter forms that writers use interchangeably in month names (أيار / ايار).
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ـ": None})
_ISO_TIMESTAMP = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?"
)
_TIME = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")
_TOKEN = re.compile(r"\d+|[^\W\d_]+")
_MAX_CHARS = 80  # a date line is short; longer text is not parsed at all


def _fold(text: str) -> str:
    """Lowercase, Arabic forms folded, combining marks (harakat) dropped."""
    text = unicodedata.normalize("NFKC", text).translate(_DIGITS).lower().translate(_ARABIC_FOLD)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[tuple[str, ...], int], frozenset[str], frozenset[str]]:
    raw = tomllib.loads((resources.files("consistency") / "data" / "months.toml").read_text("utf-8"))
    months: dict[tuple[str, ...], int] = {}
    for entry in raw["month"]:
        for names in (entry.get("en", []), entry.get("ar", [])):
            for name in names:
                months[tuple(_fold(name).split())] = int(entry["number"])
    filler = frozenset(_fold(w) for lang in raw["filler"].values() for w in lang)
    other = frozenset(_fold(w) for lang in raw["other_calendar"].values() for w in lang)
    return months, filler, other


def _tokens(text: str) -> list[str | int] | None:
    """Numbers as str, month names as int; None when a word is neither a month nor filler."""
    months, filler, other = _lexicon()
    words = _TOKEN.findall(_TIME.sub(" ", text))
    longest = max(len(key) for key in months)
    out: list[str | int] = []
    i = 0
    while i < len(words):
        word = words[i]
        if word.isdigit():
            out.append(word)
            i += 1
            continue
        for size in range(min(longest, len(words) - i), 0, -1):
            month = months.get(tuple(words[i : i + size]))
            if month is not None:
                out.append(month)
                i += size
                break
        else:
            if word in other or word not in filler:
                return None
            i += 1
    return out


def _valid(year: int, month: int, day: int) -> str | None:
    if not 1800 <= year <= 2200:
        return None
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _numeric(numbers: list[str]) -> str | None:
    if len(numbers) != 3:
        return None
    a, b, c = numbers
    if len(a) == 4 and len(b) <= 2 and len(c) <= 2:
        return _valid(int(a), int(b), int(c))
    if len(c) == 4 and len(a) <= 2 and len(b) <= 2:
        day_first = _valid(int(c), int(b), int(a))
        return day_first if day_first is not None else _valid(int(c), int(a), int(b))
    return None


def _named(numbers: list[str], month: int) -> str | None:
    years = [n for n in numbers if len(n) == 4]
    days = [n for n in numbers if len(n) <= 2]
    if len(numbers) != 2 or len(years) != 1 or len(days) != 1:
        return None
    return _valid(int(years[0]), month, int(days[0]))


def parse_date(text: str | None) -> str | None:
    """The ISO date `text` spells, or None when it is not (only) a date."""
    if not text or len(text) > _MAX_CHARS:
        return None
    folded = _fold(text).strip()
    stamp = _ISO_TIMESTAMP.fullmatch(folded.upper())
    if stamp:
        return _valid(int(stamp[1]), int(stamp[2]), int(stamp[3]))
    tokens = _tokens(folded)
    if not tokens:
        return None
    numbers = [t for t in tokens if isinstance(t, str)]
    named = {t for t in tokens if isinstance(t, int)}
    if not named:
        return _numeric(numbers)
    if len(named) != 1:  # "يناير/شباط" names two different months
        return None
    return _named(numbers, named.pop())
