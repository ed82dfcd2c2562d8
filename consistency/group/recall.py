"""Coarse recalls: the period a report names its incident by when it gives no day.

A follow-up published weeks later often dates the incident by month only, or relative to
its own date. Each expression is read as a period of days, resolved against the report's
publication date (a named month is the latest one on or before it):

    "the strike on the theatre in March" (report of 2022-05-04)  -> 2022-03-01 .. 2022-03-31
    "في مارس الماضي"                       (report of 2022-05-05)  -> 2022-03-01 .. 2022-03-31
    "in late March"                                                -> 2022-03-21 .. 2022-03-31
    "last month" / "الشهر الماضي"          (report of 2022-05-04)  -> 2022-04-01 .. 2022-04-30
    "earlier this year" / "مطلع العام الجاري"                      -> 2022-01-01 .. the day before

Periods never reach past the report's date. "since March" is not a recall (it opens a
period that runs to now), nor is a day of the month ("on March 16", "في ١٦ مارس").
"""

from __future__ import annotations

import calendar
import re
import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

from consistency.extract.doctext import DocText
from consistency.text.normalize import normalize


@dataclass(frozen=True)
class Recall:
    first: date
    last: date
    start: int  # span in the normalised text
    end: int

    def holds(self, day: date, slack: int = 0) -> bool:
        return self.first - timedelta(days=slack) <= day <= self.last + timedelta(days=slack)


_WORD = re.compile(r"\w+")
# every relative phrase holds one of these words (tested)
_PERIOD_WORDS = frozenset({"month", "year", "الشهر", "العام"})


@dataclass(frozen=True)
class _Lexicon:
    month: re.Pattern
    relative: re.Pattern
    names: dict[str, int]  # month name -> number
    parts: dict[str, tuple[int, int]]  # part of a month -> first and last day
    past: frozenset[str]  # words that put a month in the past ("last", "الماضي")
    triggers: frozenset[str]  # a text without any of these words names no month


def _alternation(words) -> str:
    """Normalised phrases as a regex alternation, longest first, any spaces between words."""
    forms = sorted({normalize(w).text.strip() for w in words}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(t) for t in form.split()) for form in forms)


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    from consistency.group.timing import _month_regex

    data = tomllib.loads((resources.files("consistency") / "data" / "recall.toml").read_text(encoding="utf-8"))
    _, names = _month_regex()
    parts = {normalize(w).text.strip(): tuple(part["days"]) for part in data["part"]
             for w in part.get("en", []) + part.get("ar", [])}
    before, after = data["before_month"], data["after_month"]
    past = frozenset(normalize(w).text.strip() for w in before.get("past", []) + after.get("past", []))
    month = re.compile(
        rf"(?<!\w)(?:(?P<before>{_alternation(before['en'] + before['ar'] + before.get('past', []))})\s+)?"
        rf"(?:(?P<part>{_alternation(parts)})[\s-]+)?(?:(?:شهر|the month of)\s+)?(?P<month>{_alternation(names)})"
        rf"(?:\s*/\s*(?:{_alternation(names)}))?"  # "مارس/آذار"
        rf"(?:,?\s+(?P<tail>\d{{4}}|{_alternation(after.get('past', []) + after.get('current', []))}))?"
        r"(?!\w|\s*\d|\.\s*\d)"
    )
    relative = data["relative"]
    keys = "|".join(rf"(?P<{key}>{_alternation(relative[key])})" for key in ("last_month", "this_month", "this_year"))
    rel = re.compile(rf"(?<!\w)(?:{keys})(?!\w)")
    triggers = frozenset(n.split()[0] for n in names)
    return _Lexicon(month, rel, names, parts, past, triggers)


def _month_period(month: int, year: int, part: tuple[int, int] | None) -> tuple[date, date]:
    days = calendar.monthrange(year, month)[1]
    lo, hi = part or (1, days)
    return date(year, month, lo), date(year, month, min(hi, days))


def recalls(doc: DocText, span: tuple[int, int], ref: date) -> list[Recall]:
    """The periods `span` names by month or relative to `ref`, each with its span in the
    normalised text, in text order."""
    lex = _lexicon()
    a, b = doc.norm_span(*span)
    out: list[Recall] = []
    words = set(_WORD.findall(doc.norm, a, b))
    # most texts name no month and no "month" or "year": one scan of their words
    months = lex.month.finditer(doc.norm, a, b) if not lex.triggers.isdisjoint(words) else ()
    for m in months:
        if not (m["before"] or m["part"]):
            continue  # "March 16", "since March": no recall of a month
        month = lex.names[_space(m["month"])]
        tail = _space(m["tail"] or "")
        past = tail in lex.past or _space(m["before"] or "") in lex.past
        if tail.isdigit():
            year = int(tail)
        else:
            # the latest such month on or before the report ("last March" in March: a year ago)
            year = ref.year if month < ref.month or (month == ref.month and not past) else ref.year - 1
        first, last = _month_period(month, year, lex.parts.get(_space(m["part"] or "")))
        if first <= ref:
            out.append(Recall(first, min(last, ref), m.start(), m.end()))
    relative = lex.relative.finditer(doc.norm, a, b) if not _PERIOD_WORDS.isdisjoint(words) else ()
    for m in relative:
        if m["last_month"]:
            end = ref.replace(day=1) - timedelta(days=1)
            first, last = end.replace(day=1), end
        elif m["this_month"]:
            first, last = ref.replace(day=1), ref - timedelta(days=1)
        else:
            first, last = date(ref.year, 1, 1), ref - timedelta(days=1)
        if first <= last:
            out.append(Recall(first, last, m.start(), m.end()))
    return sorted(out, key=lambda r: (r.start, r.end))


def _space(text: str) -> str:
    return " ".join(text.split())


_SINGULAR = frozenset({"day", "week", "يوم", "اسبوع"})


@lru_cache(maxsize=1)
def _elapsed_regex() -> tuple[re.Pattern, dict[str, int], frozenset[str], re.Pattern]:
    data = tomllib.loads((resources.files("consistency") / "data" / "recall.toml").read_text(encoding="utf-8"))["elapsed"]
    numbers = {normalize(k).text.strip(): v for k, v in data["numbers"].items()}
    weeks = frozenset(normalize(w).text.strip() for w in data["weeks_en"] + data["weeks_ar"])
    num = rf"(?:\d{{1,2}}|{_alternation(numbers)})"
    en = (rf"(?:(?P<n1>{num})\s+)?(?P<u1>{_alternation(data['days_en'] + data['weeks_en'])})\s+"
          rf"(?:{_alternation(data['after_en'])})\s+the\s+(?:[\w\-]+\s+){{0,2}}?(?:{_alternation(data['nouns_en'])})")
    ar = (rf"(?:و|ف)?(?:{_alternation(data['after_ar'])})\s+(?:(?P<n2>{num})\s+)?(?P<u2>{_alternation(data['days_ar'] + data['weeks_ar'])})"
          rf"\s+(?:{_alternation(data['joiners_ar'])})\s+(?:{_alternation(data['nouns_ar'])})")
    nouns = re.compile(rf"(?<!\w)(?:{_alternation(data['nouns_en'] + data['nouns_ar'])})(?!\w)")
    return re.compile(rf"(?<!\w)(?:{en}|{ar})(?!\w)"), numbers, weeks, nouns


def elapsed(doc: DocText, span: tuple[int, int], ref: date) -> list[Recall]:
    """Incidents dated back from the report by the time since them: "five days after the
    blast" (report of 2022-08-03) -> 2022-07-29; "بعد أسبوع على الانفجار" -> a week before,
    give or take a day; "بعد يومين من القصف" -> two days before."""
    pattern, numbers, weeks, _ = _elapsed_regex()
    a, b = doc.norm_span(*span)
    out = []
    for m in pattern.finditer(doc.norm, a, b):
        unit = _space(m["u1"] or m["u2"])
        word = _space(m["n1"] or m["n2"] or "")
        dual = unit.endswith("ين") and len(unit) > 4  # "يومين", "اسبوعين"
        if not word and not dual and unit not in _SINGULAR:
            continue  # "days after the attack": no count
        n = int(word) if word.isdigit() else numbers.get(word, 2 if dual else 1)
        days = n * 7 if unit in weeks else n
        slack = 1 if unit in weeks else 0
        day = ref - timedelta(days=days)
        out.append(Recall(day - timedelta(days=slack), day + timedelta(days=slack), m.start(), m.end()))
    return out


def names_incident(doc: DocText, span: tuple[int, int], outside: list[Recall]) -> bool:
    """Whether `span` names an incident ("explosion", "الهجوم") other than inside the
    `outside` phrases ("a week after the explosion")."""
    nouns = _elapsed_regex()[3]
    a, b = doc.norm_span(*span)
    return any(not any(r.start <= m.start() and m.end() <= r.end for r in outside) for m in nouns.finditer(doc.norm, a, b))
