"""dateparser for the candidates no rule takes: English only, a fixed RELATIVE_BASE, cached.

It only sees short candidate phrases (never whole texts) that contain a date word or a
numeric date, because it reads almost anything as a date ("44" is 1944). Whether the result
is relative is found by parsing again from a base a year and a month later: an absolute date
does not move.

It is not a rule of the grammar (`normalise.GRAMMAR`), because the grammar is asked far more
than this is: `spot` normalises every entity, pattern, part and neighbour pair it considers,
and the grammar's own rules parse parts of phrases ("10 pm on <day>") and retry without
modifiers ("early ..."). As a last rule, dateparser would answer all of those (joining
neighbours, accepting entities the patterns should split, reading "early X" before the
modifier is dropped), and the rules see only the cleaned phrase while dateparser needs the
text as written. So `spot` asks it once, for a whole entity no rule reads, and keeps its
answer (a `Normalised` like the grammar's) as final.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Literal, cast

from dateparser.date import DateDataParser

from factlint.dates.lexicon import MONTH_STEM_RE, WEEKDAY_WORDS, alternation
from factlint.dates.normalise import NO_ANCHOR, Normalised, clean, non_date_kind
from factlint.dates.values import Granularity, Point

Prefer = Literal["past", "future"]

# A weekday's abbreviations and its name without "day" ("wednes"), then maybe "day".
_WEEKDAY_STEMS = alternation(
    stem for words in WEEKDAY_WORDS for stem in (words[0].removesuffix("day"), *words[1:])
)
_DATE_WORD = re.compile(
    rf"\b{MONTH_STEM_RE}[a-z]*\b"
    rf"|\b(?:{_WEEKDAY_STEMS})(?:day)?\b"
    r"|\b(?:day|week|fortnight|month|year|ago|today|tomorrow|yesterday|noon|midnight)s?\b"
    r"|\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{1,4})?",
    re.IGNORECASE,
)
# Any fixed base works for telling absolute from relative results.
_BASE = date(2000, 6, 15)
_SHIFT = timedelta(days=397)
# A parsed year this far from the base is a misreading (a count, a code), not a date.
_MAX_YEARS_AWAY = 150


@lru_cache(maxsize=8)
def _parser(base: date, prefer: Prefer) -> DateDataParser:
    settings = {
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
        # News reports what happened: a yearless date is the last one unless the clause looks
        # ahead, which the caller says.
        "PREFER_DATES_FROM": prefer,
        "RETURN_TIME_AS_PERIOD": True,
        "PARSERS": ["relative-time", "absolute-time", "custom-formats"],
    }
    return DateDataParser(languages=["en"], settings=settings)


def _parse(text: str, base: date, prefer: Prefer) -> Point | None:
    data = _parser(base, prefer).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    when = data.date_obj
    if abs(when.year - base.year) > _MAX_YEARS_AWAY:
        return None
    period = data.period or "day"
    d = when.date()
    if period == "year":
        return Point("year", date(d.year, 1, 1))
    if period == "month":
        return Point("month", date(d.year, d.month, 1))
    if period == "week":
        return Point("week", d - timedelta(days=d.weekday()))
    if period == "time":
        return Point("time", d, when.strftime("T%H:%M"))
    return Point("day", d)


_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")


@lru_cache(maxsize=8192)
def parse_with_dateparser(
    text: str, anchor: date | None, prefer: Prefer = "past"
) -> Normalised | None:
    """The value dateparser gives a candidate phrase, or None."""
    if not _DATE_WORD.search(text) or len(text) > 60 or non_date_kind(clean(text)):
        return None
    base = anchor or _BASE
    # dateparser reads "5,000,000,000 years ago" as "000 years ago": give it the whole number.
    text = _THOUSANDS.sub("", text)
    try:
        first = _parse(text, base, prefer)
        if first is None:
            return None
        second = _parse(text, base + _SHIFT, prefer)
    except (ValueError, OverflowError, TypeError):
        return None
    granularity = cast(Granularity, first.granularity)
    relative = second is None or second.value() != first.value()
    if relative and anchor is None:
        return Normalised(value=None, granularity=granularity, relative=True, note=NO_ANCHOR)
    return Normalised(
        value=first.value(), granularity=granularity, relative=relative, year_stated=not relative
    )
