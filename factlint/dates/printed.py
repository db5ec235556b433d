"""Calendar dates as news sites print them: "Thu Nov 10, 2011", "28 November 2005", "11/28/05".

Deterministic and local: no wall clock, no relative dates ("1 hour ago" is not a date here).

This is not the date grammar (`normalise`) and cannot be: it reads the lines that give the
publication date, the anchor the grammar needs, so it has none itself; it keeps a yearless
date's month, day and weekday as parts ("Published: Wednesday, January 28" is resolved
against the set's other publication dates later), where a grammar value would need a year;
and it accepts what only metadata lines print (a misspelt "Novemer 5, 2011", "Nov 27-2005",
"2012.08. 08", a two-digit year pivoting at 2070), which in the body of an article would
make dates out of typos and number ranges.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime

from rapidfuzz.distance import Levenshtein

from factlint.dates.lexicon import MONTH_NAMES, MONTHS, WEEKDAY_RE, WEEKDAYS

_WD = rf"(?:(?P<wd>{WEEKDAY_RE})\.?,?\s+)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# A month word is validated in code, so typos such as "Novemer" still count.
_MON = r"(?P<mon>[a-z]{3,9})\.?"

_PATTERNS = [
    # Thu Nov 10, 2011 / December 15th, 2008 / Dec .7, 2009 / Nov 27-2005 / Wednesday, January 28
    re.compile(
        rf"(?<![a-z0-9]){_WD}{_MON}\s*\.?\s*{_DAY}(?![0-9:])(?:(?:\s*[,.\-]\s*|\s+){_YEAR})?(?!\d)",
        re.IGNORECASE,
    ),
    # Monday, 28 November 2005 / 27 NOVEMBER, 2005 / Wednesday 28 January
    re.compile(
        rf"(?<![a-z0-9:.]){_WD}{_DAY}\s+{_MON}(?![a-z])(?:,?\s*{_YEAR})?(?!\d)", re.IGNORECASE
    ),
    # 2013-09-26 / 2012.08. 08
    re.compile(
        rf"(?<![\d.]){_YEAR}(?P<sep>[-./])\s?(?P<month>[01]?\d)(?P=sep)\s?(?P<day>[0-3]?\d)(?![\d:])",
        re.IGNORECASE,
    ),
    # 11/28/05 / 27/09/2013 (day first only when the first number cannot be a month)
    re.compile(
        rf"(?<![\d/.:]){_WD}(?P<first>[01]?\d|[23]\d)/(?P<second>[0-3]?\d)/(?P<year2>\d\d(?:\d\d)?)(?![\d/])",
        re.IGNORECASE,
    ),
    # 08.07. 2012 (European day.month.year)
    re.compile(
        rf"(?<![\d.]){_WD}(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.\s?{_YEAR}(?!\d)", re.IGNORECASE
    ),
]


@dataclass(frozen=True)
class PrintedDate:
    """A calendar date printed in a line; `year` is None for "Wednesday, January 28"."""

    start: int
    end: int
    year: int | None
    month: int
    day: int
    weekday: int | None
    text: str

    def to_date(self) -> date | None:
        if self.year is None:
            return None
        return date(self.year, self.month, self.day)


def month_number(word: str) -> int | None:
    """A month word's number; a word of five letters or more one edit from a month's name
    (a typo: "Novemer", "Febuary") counts as that month."""
    word = word.lower().rstrip(".")
    if word in MONTHS:
        return MONTHS[word]
    if len(word) >= 5 and word[:3] in MONTHS:
        number = MONTHS[word[:3]]
        if Levenshtein.distance(word, MONTH_NAMES[number - 1], score_cutoff=1) <= 1:
            return number
    return None


def weekday_number(word: str | None) -> int | None:
    if not word:
        return None
    word = word.lower().rstrip(".")
    return WEEKDAYS.get(word)


def _valid(year: int | None, month: int, day: int) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    # Without a year, allow 29 February: the inferred year will have to be a leap year.
    return day <= calendar.monthrange(year if year is not None else 2000, month)[1]


def _from_match(match: re.Match[str]) -> PrintedDate | None:
    groups = match.groupdict()
    weekday = weekday_number(groups.get("wd"))
    year: int | None
    if groups.get("mon") is not None:
        month = month_number(groups["mon"])
        if month is None:
            return None
        day = int(groups["day"])
        year = int(groups["year"]) if groups.get("year") else None
    elif groups.get("first") is not None:
        first, second = int(groups["first"]), int(groups["second"])
        month, day = (first, second) if first <= 12 else (second, first)
        raw_year = groups["year2"]
        year = int(raw_year) if len(raw_year) == 4 else 2000 + int(raw_year)
        if len(raw_year) == 2 and year > 2069:
            year -= 100
    else:
        month, day, year = int(groups["month"]), int(groups["day"]), int(groups["year"])
    if year is None and weekday is None:
        return None  # "January 28" alone says too little to be a publication date
    if not _valid(year, month, day):
        return None
    return PrintedDate(match.start(), match.end(), year, month, day, weekday, match.group(0))


def find_dates(line: str) -> list[PrintedDate]:
    """Non-overlapping dates in `line`, left to right (the longer wins where two start together)."""
    found: list[PrintedDate] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(line):
            parsed = _from_match(match)
            if parsed is not None:
                found.append(parsed)
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    kept: list[PrintedDate] = []
    for item in found:
        if kept and item.start < kept[-1].end:
            continue
        kept.append(item)
    return kept


def parse_date_value(value: object) -> date | None:
    """A metadata value (front matter, JSON, HTML attribute) as a date, or None."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    iso = re.match(r"((?:19|20)\d\d)-(\d\d)-(\d\d)", text)
    if iso:
        try:
            return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        except ValueError:
            return None
    for found in find_dates(text):
        parsed = found.to_date()
        if parsed is not None:
            return parsed
    return None
