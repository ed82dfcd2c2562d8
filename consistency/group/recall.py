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
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from consistency.extract.doctext import DocText


@dataclass(frozen=True)
class Recall:
    first: date
    last: date
    start: int  # span in the normalised text
    end: int

    def holds(self, day: date, slack: int = 0) -> bool:
        return self.first - timedelta(days=slack) <= day <= self.last + timedelta(days=slack)


# Part of a month ("early March", "أواخر آذار"): first and last day.
_PARTS = {
    "early": (1, 10), "mid": (11, 20), "late": (21, 31),
    "مطلع": (1, 10), "اوايل": (1, 10), "اواءل": (1, 10), "بدايه": (1, 10), "اوءل": (1, 10),
    "منتصف": (11, 20), "اواسط": (11, 20),
    "اواخر": (21, 31), "نهايه": (21, 31), "اخر": (21, 31),
}
_WORD = re.compile(r"\w+")
_PAST = {"last", "الماضي", "المنصرم", "الفايت", "الفاءت"}


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, dict[str, int], frozenset[str]]:
    from consistency.group.timing import _month_regex

    _, names = _month_regex()
    alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    parts = "|".join(sorted(_PARTS, key=len, reverse=True))
    month = re.compile(
        # English: "in March", "in early March", "in mid-March", "earlier in March", "last March",
        # "during March", with an optional year
        rf"(?<!\w)(?:(?:earlier |later )?in |during |last |(?:in )?(?P<pe>early|mid|late)[\s-]+)"
        rf"(?:(?:the )?(?P<pe2>early|mid|late)[\s-]+)?(?P<me>{alt})(?:,?\s+(?P<ye>\d{{4}}))?(?!\w|\s*\d|\.\s*\d)"
        # Arabic: "في مارس", "في مارس/آذار الماضي", "أواخر آذار", "خلال شهر مارس 2022"
        rf"|(?<!\w)(?:(?:في|خلال)\s+(?:(?P<pa2>{parts})\s+)?|(?P<pa>{parts})\s+)(?:شهر\s+)?(?P<ma>{alt})"
        rf"(?:\s*/\s*(?:{alt}))?(?:\s+(?P<ya>\d{{4}}|الماضي|المنصرم|الفاءت|الجاري))?(?!\w|\s*\d)"
    )
    relative = re.compile(
        r"(?<!\w)(?:(?P<lastmonth>last month|الشهر الماضي|الشهر المنصرم|الشهر الفاءت)"
        r"|(?P<thismonth>earlier this month|earlier in the month|في وقت سابق من (?:هذا )?الشهر(?: الجاري)?|مطلع (?:هذا )?الشهر(?: الجاري)?)"
        r"|(?P<thisyear>earlier this year|earlier in the year|في وقت سابق من (?:هذا )?العام(?: الجاري)?"
        r"|في وقت سابق هذا العام|مطلع (?:هذا )?العام(?: الجاري)?|مطلع العام))(?!\w)"
    )
    triggers = frozenset(n.split()[0] for n in names) | {"month", "year", "الشهر", "العام"}
    return month, relative, names, triggers


def _month_period(month: int, year: int, part: str | None) -> tuple[date, date]:
    days = calendar.monthrange(year, month)[1]
    lo, hi = _PARTS.get(part, (1, days)) if part else (1, days)
    return date(year, month, lo), date(year, month, min(hi, days))


def recalls(doc: DocText, span: tuple[int, int], ref: date) -> list[Recall]:
    """The periods `span` names by month or relative to `ref`, each with its span in the
    normalised text, in text order."""
    month_rx, relative_rx, names, triggers = _patterns()
    a, b = doc.norm_span(*span)
    out: list[Recall] = []
    if triggers.isdisjoint(_WORD.findall(doc.norm, a, b)):
        return out  # no month and no "month" or "year": most texts, at the cost of one scan
    for m in month_rx.finditer(doc.norm, a, b):
        month = names[m["me"] or m["ma"]]
        tail = m["ye"] or m["ya"]
        last_word = m.group(0).split()[0] == "last"
        if tail and tail.isdigit():
            year = int(tail)
        else:
            # the latest such month on or before the report ("last March" in March: a year ago)
            year = ref.year if month < ref.month or (month == ref.month and tail not in _PAST and not last_word) \
                else ref.year - 1
        part = m["pe"] or m["pe2"] or m["pa"] or m["pa2"]
        first, last = _month_period(month, year, part)
        if first <= ref:
            out.append(Recall(first, min(last, ref), m.start(), m.end()))
    for m in relative_rx.finditer(doc.norm, a, b):
        if m["lastmonth"]:
            end = ref.replace(day=1) - timedelta(days=1)
            first, last = end.replace(day=1), end
        elif m["thismonth"]:
            first, last = ref.replace(day=1), ref - timedelta(days=1)
        else:
            first, last = date(ref.year, 1, 1), ref - timedelta(days=1)
        if first <= last:
            out.append(Recall(first, last, m.start(), m.end()))
    return sorted(out, key=lambda r: (r.start, r.end))
