"""Calendar values and the arithmetic relative expressions need.

A `Point` is a calendar unit (a year, a month, a day, an ISO week, a quarter, a season, a
decade, a century or a time of a day) held as the date it starts on; `Point.value()` writes
it as a TIMEX3 value. Directions say which occurrence of a yearless date is meant: "past" the
latest one not after the anchor, "future" the first one not before it, "nearest" the closest.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, timedelta
from typing import Any, Literal

from factlint.dates.lexicon import SEASON_START

Unit = Literal["century", "decade", "year", "season", "quarter", "month", "week", "day", "time"]
Direction = Literal["past", "future", "nearest"]
# A date fact's precision: a unit, or "ref" for reference words ("now", "the past").
Granularity = Literal[
    "century", "decade", "year", "season", "quarter", "month", "week", "day", "time", "ref"
]


@dataclass(frozen=True, slots=True, kw_only=True)
class DateValue:
    """What a date expression says. The one declaration of these fields: the normaliser's
    result (`Normalised`), a date found in a text (`DateMention`) and the fact the rules read
    (`DateFact`) each add to it only where they stand."""

    # TIMEX3-style value: "2024", "2024-12", "2024-12-15", "2024-W03", "PAST_REF"; None when
    # the expression is relative and the document has no publication date to anchor it.
    value: str | None
    granularity: Granularity | None
    # The value depends on the anchor (the publication date) or on the text before it.
    relative: bool = False
    # Why `value` is None, e.g. "no publication date to anchor a relative date".
    note: str | None = None
    # Weekday named in the expression (0 = Monday), for weekday/date checks.
    weekday: int | None = None
    # True when the year was stated in the text (not inferred from the publication date).
    year_stated: bool = False
    # A day its month does not have ("February 30, 2025"): `value` is None, `note` says why.
    impossible: bool = False

    def value_fields(self) -> dict[str, Any]:
        """The value alone, to give it to a record of another kind (`DateFact(**...)`)."""
        return {name: getattr(self, name) for name in _VALUE_FIELDS}


_VALUE_FIELDS = tuple(f.name for f in fields(DateValue))


@dataclass(frozen=True)
class Point:
    granularity: Unit
    start: date
    # Season code ("FA"), "WE" for a week's weekend, or a time suffix ("T22:00", "TNI").
    code: str = ""

    def value(self) -> str:
        d = self.start
        if self.granularity == "century":
            return f"{d.year // 100:02d}"
        if self.granularity == "decade":
            return f"{d.year // 10:03d}"
        if self.granularity == "year":
            return f"{d.year:04d}"
        if self.granularity == "season":
            return f"{d.year:04d}-{self.code}"
        if self.granularity == "quarter":
            return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
        if self.granularity == "month":
            return f"{d.year:04d}-{d.month:02d}"
        if self.granularity == "week":
            year, week, _ = d.isocalendar()
            return f"{year:04d}-W{week:02d}" + (f"-{self.code}" if self.code else "")
        if self.granularity == "time":
            return d.isoformat() + self.code
        return d.isoformat()


def year(y: int) -> Point:
    return Point("year", date(y, 1, 1))


def month(y: int, m: int) -> Point:
    return Point("month", date(y, m, 1))


def day(d: date) -> Point:
    return Point("day", d)


def week(d: date, weekend: bool = False) -> Point:
    return Point("week", d - timedelta(days=d.weekday()), "WE" if weekend else "")


def quarter(y: int, q: int) -> Point:
    return Point("quarter", date(y, 3 * (q - 1) + 1, 1))


def quarter_of(d: date) -> Point:
    return quarter(d.year, (d.month - 1) // 3 + 1)


def season(y: int, code: str) -> Point:
    return Point("season", date(y, SEASON_START[code], 1), code)


def decade(y: int) -> Point:
    return Point("decade", date(y - y % 10 or 10, 1, 1))


def century(number: int) -> Point:
    """The 20th century is `19` in TIMEX3 (the years 19xx)."""
    return Point("century", date(max(1, (number - 1) * 100), 1, 1))


def add_months(d: date, months: int) -> date:
    total = d.year * 12 + d.month - 1 + months
    return date(total // 12, total % 12 + 1, 1)


def shift(anchor: date, amount: int, unit: str) -> Point:
    """The unit `amount` units from the anchor: (-10, "month") from 2025-10-15 is 2024-12."""
    if unit == "day":
        return day(anchor + timedelta(days=amount))
    if unit in ("week", "fortnight"):
        return week(anchor + timedelta(days=amount * (14 if unit == "fortnight" else 7)))
    if unit == "month":
        start = add_months(anchor, amount)
        return month(start.year, start.month)
    if unit == "quarter":
        start = add_months(quarter_of(anchor).start, 3 * amount)
        return quarter_of(start)
    if unit == "season":
        return season_shift(anchor, amount)
    factor = {"year": 1, "decade": 10, "century": 100}[unit]
    return year(anchor.year + amount * factor)


def shift_point(point: Point, amount: int, unit: str) -> Point:
    """`point` moved by whole units, keeping its granularity ("a year earlier" than 1989-Q3)."""
    if unit == "year":
        start = point.start
        moved = date(start.year + amount, start.month, min(start.day, 28))
        if point.granularity == "day":
            try:
                moved = start.replace(year=start.year + amount)
            except ValueError:  # 29 February
                moved = start.replace(year=start.year + amount, day=28)
        return Point(point.granularity, moved, point.code)
    return shift(point.start, amount, unit)


def month_year(m: int, anchor: date, direction: Direction) -> int:
    """The year of the occurrence of month `m` meant from the anchor."""
    if direction == "past":
        return anchor.year if m <= anchor.month else anchor.year - 1
    if direction == "future":
        return anchor.year if m >= anchor.month else anchor.year + 1
    past = month_year(m, anchor, "past")
    future = month_year(m, anchor, "future")
    here = anchor.year * 12 + anchor.month
    return future if _ahead_wins(here - (past * 12 + m), future * 12 + m - here) else past


def day_year(m: int, d: int, anchor: date, direction: Direction) -> int | None:
    """The year of the occurrence of month/day meant from the anchor; None if never valid."""
    candidates = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(date(y, m, d))
        except ValueError:
            continue
    before = [c for c in candidates if c <= anchor]
    after = [c for c in candidates if c >= anchor]
    if (direction == "past" and before) or not after:
        return max(before).year if before else None
    if direction == "future":
        # Reported plans are often dated a few days before publication ("by Jan. 14" in a
        # story of Jan. 15): a date that recent still counts as the coming one.
        recent = [c for c in candidates if anchor - _RECENT <= c <= anchor]
        return min(recent or after).year
    if not before:
        return min(after).year
    back, ahead = (anchor - max(before)).days, (min(after) - anchor).days
    return min(after).year if _ahead_wins(back, ahead) else max(before).year


_RECENT = timedelta(days=7)


def _ahead_wins(back: int, ahead: int) -> bool:
    """For a yearless date with no tense to go by: news mostly reports the past, so the next
    occurrence wins only when it is much closer than the last one."""
    return ahead * 3 < back * 2


def weekday_date(weekday: int, anchor: date, direction: Direction, strict: bool = False) -> date:
    """The named weekday around the anchor: the anchor itself when it is that day, unless
    `strict` ("last Monday" said on a Monday is a week ago)."""
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if strict:
        back, ahead = back or 7, ahead or 7
    if direction == "future" or (direction == "nearest" and ahead < back):
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=back)


def season_of(d: date) -> tuple[int, str]:
    """The season a date falls in, with the year it started in (January is last year's winter)."""
    if d.month in (12, 1, 2):
        return (d.year if d.month == 12 else d.year - 1), "WI"
    code = {3: "SP", 6: "SU", 9: "FA"}[(d.month - 3) // 3 * 3 + 3]
    return d.year, code


def season_shift(anchor: date, amount: int) -> Point:
    y, code = season_of(anchor)
    order = ["SP", "SU", "FA", "WI"]
    index = y * 4 + order.index(code) + amount
    return season(index // 4, order[index % 4])


def season_year(code: str, anchor: date, relation: str) -> int:
    """Year of "last fall" (relation "last"), "next spring" ("next"), "this summer" ("this")."""
    if relation == "this":
        current_year, current = season_of(anchor)
        return current_year if current == code else anchor.year
    start = date(anchor.year, SEASON_START[code], 1)
    end = add_months(start, 3)
    if relation == "last":
        return anchor.year if end <= anchor else anchor.year - 1
    return anchor.year if start > anchor else anchor.year + 1


def holiday(name: str, y: int) -> date | None:
    """The date of a named holiday in year `y` (US holidays for the movable ones)."""
    fixed = {
        "new year's day": (1, 1),
        "new year's": (1, 1),
        "new year's eve": (12, 31),
        "valentine's day": (2, 14),
        "st patrick's day": (3, 17),
        "independence day": (7, 4),
        "fourth of july": (7, 4),
        "bastille day": (7, 14),
        "halloween": (10, 31),
        "veterans day": (11, 11),
        "armistice day": (11, 11),
        "christmas eve": (12, 24),
        "christmas": (12, 25),
        "christmas day": (12, 25),
        "boxing day": (12, 26),
    }
    if name in fixed:
        m, d = fixed[name]
        return date(y, m, d)
    if name in ("easter", "easter sunday", "easter day"):
        return easter(y)
    if name == "good friday":
        return easter(y) - timedelta(days=2)
    if name == "easter monday":
        return easter(y) + timedelta(days=1)
    nth = {
        "thanksgiving": (11, 3, 4),
        "thanksgiving day": (11, 3, 4),
        "labor day": (9, 0, 1),
        "memorial day": (5, 0, -1),
        "martin luther king day": (1, 0, 3),
        "presidents day": (2, 0, 3),
        "mother's day": (5, 6, 2),
        "father's day": (6, 6, 3),
        "columbus day": (10, 0, 2),
    }
    if name in nth:
        m, weekday, n = nth[name]
        return nth_weekday(y, m, weekday, n)
    if name == "election day":
        return nth_weekday(y, 11, 0, 1) + timedelta(days=1)
    return None


def easter(y: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_offset = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * weekday_offset) // 433
    month_number = (h + weekday_offset - 7 * m + 90) // 25
    return date(y, month_number, (h + weekday_offset - 7 * m + 33 * month_number + 19) % 32)


def nth_weekday(y: int, m: int, weekday: int, n: int) -> date:
    """The n-th (or, for n = -1, last) given weekday of a month."""
    if n > 0:
        first = date(y, m, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = add_months(date(y, m, 1), 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)
