"""dateparser for the candidates no rule takes: English only, a fixed RELATIVE_BASE, cached.

It only sees short candidate phrases (never whole texts) that contain a date word or a
numeric date, because it reads almost anything as a date ("44" is 1944). Whether the result
is relative is found by parsing again from a base a year and a month later: an absolute date
does not move.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Literal, cast

from dateparser.date import DateDataParser

from factlint.facts.model import Granularity
from factlint.nlp.dates.normalise import NO_ANCHOR, Normalised, clean, non_date_kind
from factlint.nlp.dates.values import Point

Prefer = Literal["past", "future"]

_DATE_WORD = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
    r"|\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b"
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
        return Normalised(None, granularity, True, NO_ANCHOR)
    return Normalised(first.value(), granularity, relative, year_stated=not relative)
