"""Rules for calendar dates: days, months, years, quarters, seasons, decades, centuries,
holidays. A missing year comes from the anchor (nearest occurrence, or the one the tense
points to), which makes the value relative."""

from __future__ import annotations

import calendar
import re
from datetime import date

from factlint.dates import values as v
from factlint.dates.grammar import Context, Parsed, direction, rule, year_number
from factlint.dates.lexicon import (
    DAY_NUMBER_RE,
    DECADE_WORD_RE,
    DECADE_WORDS,
    MONTH_RE,
    MONTHS,
    ORDINAL_WORD_RE,
    ORDINAL_WORDS,
    QUARTER_ORDINAL_RE,
    QUARTER_ORDINALS,
    SEASON_RE,
    SEASONS,
    WEEKDAY_RE,
    WEEKDAYS,
    YEAR_RE,
    day_value,
)

WD = rf"(?:(?:(?P<rel>this coming|this past|this|next|last|coming|past) )?(?P<wd>{WEEKDAY_RE}) )"
MON = rf"(?P<mon>{MONTH_RE})"
DAY = rf"(?P<day>{DAY_NUMBER_RE})"
YEAR = rf"(?P<year>{YEAR_RE})"
REL_YEAR = r"(?:of )?(?P<ryear>this|last|next) year"


def _weekday(m: re.Match[str]) -> int | None:
    wd = m.groupdict().get("wd")
    return WEEKDAYS[wd] if wd else None


# Days in each month of a leap year: "February 30" or "April 31" exist in no year.
_MOST_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _day(y: int, mon: int, d: int, m: re.Match[str], relative: bool, stated: bool) -> Parsed:
    return Parsed(
        v.day(date(y, mon, d)), relative=relative, weekday=_weekday(m), year_stated=stated
    )


def _no_such_day(y: int | None, mon: int, d: int, m: re.Match[str]) -> Parsed | None:
    """A day number its month does not have ("February 30, 2025", "February 29, 2023",
    "April 31"), kept as a date without a value so a rule can say so. None when the numbers
    are no month and day at all (month 13, day 0 or 32), or the day exists."""
    if not (1 <= mon <= 12 and 1 <= d <= 31):
        return None
    name = calendar.month_name[mon]
    if y is not None and 1 <= y <= 9999:
        days = calendar.monthrange(y, mon)[1]
        if d <= days:
            return None
        reason = f"{name} {y} has {days} days"
    else:
        if d <= _MOST_DAYS[mon - 1]:
            return None
        reason = f"{name} has {'28 or 29' if mon == 2 else _MOST_DAYS[mon - 1]} days"
    return Parsed(None, weekday=_weekday(m), year_stated=y is not None, impossible=reason)


def _dated(m: re.Match[str], mon: int, d: int, anchor: date, context: Context) -> Parsed | None:
    """A month and day, with the year stated, relative ("of last year") or left to the anchor."""
    if m.group("year"):
        y = year_number(m.group("year"), anchor)
        if y is None:
            return None
        try:
            return _day(y, mon, d, m, False, True)
        except ValueError:
            return _no_such_day(y, mon, d, m)
    if d > _MOST_DAYS[mon - 1]:
        return _no_such_day(None, mon, d, m)
    if m.groupdict().get("ryear"):
        y = anchor.year + {"this": 0, "last": -1, "next": 1}[m.group("ryear")]
        return _day(y, mon, d, m, True, False)
    default: v.Direction = "nearest"
    if m.groupdict().get("rel") in ("next", "coming", "this coming"):
        default = "future"
    elif m.groupdict().get("rel") in ("last", "past", "this past"):
        default = "past"
    chosen = v.day_year(
        mon, d, anchor, direction(context, default) if default == "nearest" else default
    )
    return None if chosen is None else _day(chosen, mon, d, m, True, False)


@rule(rf"{WD}?(?:the )?{MON} (?:the )?{DAY}(?: {YEAR}| {REL_YEAR})?")
def month_day(m: re.Match[str], anchor: date, context: Context) -> Parsed | None:
    return _dated(m, MONTHS[m.group("mon")], _day_number(m.group("day")), anchor, context)


@rule(rf"{WD}?(?:the )?{DAY} (?:of )?{MON}(?: {YEAR}| {REL_YEAR})?")
def day_month(m: re.Match[str], anchor: date, context: Context) -> Parsed | None:
    return _dated(m, MONTHS[m.group("mon")], _day_number(m.group("day")), anchor, context)


def _day_number(text: str) -> int:
    value = day_value(text)
    return value if value is not None else 0


@rule(rf"{WD}?(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>\d{{4}}|\d{{2}})")
def slashed(m: re.Match[str], anchor: date, context: Context) -> Parsed | None:
    a, b, y_text = int(m.group("a")), int(m.group("b")), m.group("y")
    # Month first (US news); day first only when the first number cannot be a month.
    mon, d = (b, a) if a > 12 >= b else (a, b)
    y = year_number("'" + y_text if len(y_text) == 2 else y_text, anchor)
    return None if y is None else _day(y, mon, d, m, False, True)


@rule(rf"{WD}?(?P<y>\d{{4}})[-/](?P<mo>\d{{1,2}})[-/](?P<d>\d{{1,2}})")
def iso_date(m: re.Match[str], anchor: date, context: Context) -> Parsed | None:
    y, mon, d = int(m.group("y")), int(m.group("mo")), int(m.group("d"))
    try:
        return _day(y, mon, d, m, False, True)
    except ValueError:
        return _no_such_day(y, mon, d, m)


@rule(rf"{WD}?(?P<d>\d{{1,2}})\.(?P<mo>\d{{1,2}})\.(?P<y>\d{{4}})")
def dotted_date(m: re.Match[str], anchor: date, context: Context) -> Parsed | None:
    return _day(int(m.group("y")), int(m.group("mo")), int(m.group("d")), m, False, True)


@rule(rf"(?:the )?(?:month of )?{MON} (?:of )?{YEAR}")
def month_year(m: re.Match[str], anchor: date, context: Context) -> Parsed | None:
    y = year_number(m.group("year"), anchor)
    if y is None:
        return None
    return Parsed(v.month(y, MONTHS[m.group("mon")]), year_stated=True)


@rule(r"(?P<y>\d{4})-(?P<mo>\d{2})|(?P<mo2>\d{1,2})/(?P<y2>\d{4})")
def numeric_month(m: re.Match[str], anchor: date, context: Context) -> Parsed | None:
    y = int(m.group("y") or m.group("y2"))
    mon = int(m.group("mo") or m.group("mo2"))
    return Parsed(v.month(y, mon), year_stated=True) if 1 <= mon <= 12 else None


@rule(rf"(?:the )?(?:month of )?{MON} {REL_YEAR}")
def month_relative_year(m: re.Match[str], anchor: date, context: Context) -> Parsed | None:
    y = anchor.year + {"this": 0, "last": -1, "next": 1}[m.group("ryear")]
    return Parsed(v.month(y, MONTHS[m.group("mon")]), relative=True)


@rule(rf"(?P<rel>this coming|this past|this|next|last|coming|past) {MON}")
def month_relative(m: re.Match[str], anchor: date, context: Context) -> Parsed | None:
    mon = MONTHS[m.group("mon")]
    rel = m.group("rel")
    if rel == "this":
        y = anchor.year
    elif rel in ("last", "past", "this past"):
        # "last December" said in December is a year ago.
        y = anchor.year if mon < anchor.month else anchor.year - 1
    else:
        y = anchor.year if mon > anchor.month else anchor.year + 1
    return Parsed(v.month(y, mon), relative=True)


@rule(rf"(?:the )?(?:month of )?{MON}")
def month_alone(m: re.Match[str], anchor: date, context: Context) -> Parsed | None:
    mon = MONTHS[m.group("mon")]
    return Parsed(v.month(v.month_year(mon, anchor, direction(context)), mon), relative=True)


# --- quarters -------------------------------------------------------------------------------
Q = rf"(?:fiscal )?(?P<q>{QUARTER_ORDINAL_RE}) (?:fiscal )?quarter"


def _quarter_number(m: re.Match[str]) -> int:
    return QUARTER_ORDINALS[m.group("q")]


@rule(rf"(?:the )?(?:fiscal )?{YEAR} {Q}", rf"(?:the )?{Q} (?:of )?(?:fiscal )?{YEAR}")
def quarter_of_year(m: re.Match[str], anchor: date, context: Context) -> Parsed | None:
    y = year_number(m.group("year"), anchor)
    if y is None:
        return None
    return Parsed(v.quarter(y, _quarter_number(m)), year_stated=True)


@rule(r"q(?P<qn>[1-4]) (?:of )?(?P<y>\d{4})|(?P<y2>\d{4}) q(?P<qn2>[1-4])")
def quarter_code(m: re.Match[str], anchor: date, context: Context) -> Parsed | None:
    y = int(m.group("y") or m.group("y2"))
    return Parsed(v.quarter(y, int(m.group("qn") or m.group("qn2"))), year_stated=True)


@rule(
    rf"(?:the )?(?P<ryear>this|last|next) year {Q}",
    rf"(?:the )?{Q} (?:of )?(?P<ryear>this|last|next) year",
)
def quarter_relative_year(m: re.Match[str], anchor: date, context: Context) -> Parsed | None:
    rel = m.group("ryear")
    y = anchor.year + {"this": 0, "last": -1, "next": 1}[rel]
    return Parsed(v.quarter(y, _quarter_number(m)), relative=True)


@rule(
    rf"(?:the )?(?:a |its |their )?(?:current |latest |flat |same |comparable |strong |weak )?{Q}"
)
def quarter_alone(m: re.Match[str], anchor: date, context: Context) -> Parsed | None:
    q = _quarter_number(m)
    # A quarter that has not begun yet is last year's unless the clause looks ahead.
    y = anchor.year
    if q > (anchor.month - 1) // 3 + 1 and context.tense != "future":
        y -= 1
    return Parsed(v.quarter(y, q), relative=True)


# --- years, decades, centuries ----------------------------------------------------------------
@rule(
    rf"(?:the )?(?:fiscal year |fiscal |calendar year |calendar |the year |year |model year )?"
    rf"{YEAR}"
)
def year_alone(m: re.Match[str], anchor: date, context: Context) -> Parsed | None:
    y = year_number(m.group("year"), anchor)
    if y is None:
        return None
    return Parsed(v.year(y), year_stated=True)


@rule(r"(?:the )?(?P<y>1\d\d|20\d)0s")
def decade_digits(m: re.Match[str], anchor: date, context: Context) -> Parsed | None:
    return Parsed(v.decade(int(m.group("y")) * 10), year_stated=True)


@rule(rf"(?:the )?(?:'?(?P<d>\d)0s|(?P<w>{DECADE_WORD_RE}))")
def decade_short(m: re.Match[str], anchor: date, context: Context) -> Parsed | None:
    tens = int(m.group("d")) if m.group("d") else DECADE_WORDS[m.group("w")]
    # The latest such decade that has started by the anchor: "the '80s" is the 1980s.
    start = anchor.year - anchor.year % 100 + tens * 10
    if start > anchor.year:
        start -= 100
    return Parsed(v.decade(start), relative=True, year_stated=True)


_ORDINAL_NUMBER = rf"(?P<n>\d{{1,2}})(?:st|nd|rd|th)|(?P<nw>{ORDINAL_WORD_RE})"


@rule(rf"(?:the )?(?:{_ORDINAL_NUMBER}) century")
def century_ordinal(m: re.Match[str], anchor: date, context: Context) -> Parsed | None:
    n = int(m.group("n")) if m.group("n") else ORDINAL_WORDS[m.group("nw")]
    return Parsed(v.century(n), year_stated=True) if 1 <= n <= 21 else None


# --- seasons -----------------------------------------------------------------------------
SEASON = rf"(?P<season>{SEASON_RE})"


@rule(rf"(?:the )?{SEASON} (?:of )?{YEAR}", rf"{YEAR} {SEASON}")
def season_year(m: re.Match[str], anchor: date, context: Context) -> Parsed | None:
    y = year_number(m.group("year"), anchor)
    if y is None:
        return None
    return Parsed(v.season(y, SEASONS[m.group("season")]), year_stated=True)


@rule(
    rf"(?:the )?(?P<rel>this coming|this past|this|next|last|coming|past) {SEASON}",
    rf"{SEASON} (?:of )?(?P<ryear>this|last|next) year",
)
def season_relative(m: re.Match[str], anchor: date, context: Context) -> Parsed | None:
    code = SEASONS[m.group("season")]
    groups = m.groupdict()
    if groups.get("ryear"):
        y = anchor.year + {"this": 0, "last": -1, "next": 1}[groups["ryear"]]
    else:
        relation = {"this past": "last", "past": "last", "coming": "next", "this coming": "next"}
        y = v.season_year(code, anchor, relation.get(groups["rel"], groups["rel"]))
    return Parsed(v.season(y, code), relative=True)


@rule(rf"(?:the )?{SEASON}")
def season_alone(m: re.Match[str], anchor: date, context: Context) -> Parsed | None:
    code = SEASONS[m.group("season")]
    relation = {"past": "last", "future": "next"}.get(context.tense or "", "this")
    y = v.season_year(code, anchor, relation)
    if relation != "this" and v.season_of(anchor) == (anchor.year, code):
        y = anchor.year
    return Parsed(v.season(y, code), relative=True)


# --- holidays ------------------------------------------------------------------------------
HOLIDAYS = (
    "new year day|new year eve|new year|valentine day|st patrick day|saint patrick day"
    "|independence day|fourth of july|bastille day|halloween|veterans day|armistice day"
    "|christmas eve|christmas day|christmas|boxing day|easter sunday|easter monday|easter day"
    "|easter|good friday|thanksgiving day|thanksgiving|labor day|memorial day"
    "|martin luther king day|presidents day|mother day|father day|columbus day|election day"
)
_HOLIDAY_NAMES = {
    "new year day": "new year's day",
    "new year eve": "new year's eve",
    "new year": "new year's",
    "valentine day": "valentine's day",
    "st patrick day": "st patrick's day",
    "saint patrick day": "st patrick's day",
    "mother day": "mother's day",
    "father day": "father's day",
}


@rule(
    rf"(?:(?P<rel>this coming|this past|this|next|last|coming|past) )?(?P<h>{HOLIDAYS})"
    rf"(?: (?:of )?{YEAR})?"
)
def holiday(m: re.Match[str], anchor: date, context: Context) -> Parsed | None:
    name = _HOLIDAY_NAMES.get(m.group("h"), m.group("h"))
    if m.group("year"):
        y = year_number(m.group("year"), anchor)
        if y is None:
            return None
        found = v.holiday(name, y)
        return Parsed(v.day(found), year_stated=True) if found else None
    rel = m.group("rel")
    want = direction(context, "nearest")
    if rel in ("last", "past", "this past"):
        want = "past"
    elif rel in ("next", "coming", "this coming"):
        want = "future"
    candidates = [d for d in (v.holiday(name, anchor.year + k) for k in (-1, 0, 1)) if d]
    if want == "past":
        candidates = [d for d in candidates if d < anchor or (rel is None and d == anchor)]
    elif want == "future":
        candidates = [d for d in candidates if d > anchor or (rel is None and d == anchor)]
    if not candidates:
        return None
    return Parsed(v.day(min(candidates, key=lambda d: abs((d - anchor).days))), relative=True)
