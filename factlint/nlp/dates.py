"""Spot date expressions and normalise them to TIMEX3-style values.

Candidates come from spaCy DATE entities plus patterns; values come from our own rules for
the common shapes, and dateparser (fixed RELATIVE_BASE, English only) for the rest. A day is
never invented: "December 2024" is `2024-12`, not `2024-12-01`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc

MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for name in names
}
WEEKDAYS = {
    name: i
    for i, names in enumerate(
        [
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        ]
    )
    for name in names
}


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    value: str | None
    granularity: str | None
    relative: bool = False
    note: str | None = None
    weekday: int | None = None
    year_stated: bool = False


_MONTH_RE = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
PATTERN = re.compile(
    rf"(?:(?P<wd>{_WEEKDAY_RE}),?\s+)?(?P<mon>{_MONTH_RE})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>\d{{4}}))?\b"
    rf"|(?P<mon2>{_MONTH_RE})\s+(?P<y2>\d{{4}})\b"
    rf"|\b(?:in|since|by|until|of|from|during)\s+(?P<y3>(?:19|20)\d{{2}})\b"
    rf"|\blast\s+(?P<lastmon>{_MONTH_RE})\b"
    rf"|\b(?P<num>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?P<unit>day|week|month|year)s?\s+ago\b"
)
NUMBERS = {
    w: i + 1
    for i, w in enumerate(
        [
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
        ]
    )
}


def _shift_months(anchor: date, months: int) -> tuple[int, int]:
    total = anchor.year * 12 + anchor.month - 1 - months
    return total // 12, total % 12 + 1


def _normalise(m: re.Match[str], anchor: date | None) -> DateMention:
    text = m.group(0)
    start, end = m.span()
    if m.group("mon"):
        month = MONTHS[
            m.group("mon").lower()[:3] if m.group("mon").lower()[:4] != "sept" else "sep"
        ]
        day = int(m.group("day"))
        weekday = WEEKDAYS[m.group("wd").lower()] if m.group("wd") else None
        if m.group("y1"):
            return DateMention(
                start,
                end,
                text,
                f"{int(m.group('y1')):04d}-{month:02d}-{day:02d}",
                "day",
                weekday=weekday,
                year_stated=True,
            )
        if anchor is None:
            return DateMention(
                start,
                end,
                text,
                None,
                "day",
                True,
                "no publication date to anchor the year",
                weekday,
            )
        return DateMention(
            start,
            end,
            text,
            f"{anchor.year:04d}-{month:02d}-{day:02d}",
            "day",
            True,
            weekday=weekday,
        )
    if m.group("mon2"):
        month = MONTHS[m.group("mon2").lower()[:3]]
        return DateMention(
            start, end, text, f"{int(m.group('y2')):04d}-{month:02d}", "month", year_stated=True
        )
    if m.group("y3"):
        year_start = m.start("y3")
        return DateMention(year_start, end, m.group("y3"), m.group("y3"), "year", year_stated=True)
    if m.group("lastmon"):
        month = MONTHS[m.group("lastmon").lower()[:3]]
        if anchor is None:
            return DateMention(
                start,
                end,
                text,
                None,
                "month",
                True,
                "no publication date to anchor a relative date",
            )
        year = anchor.year if month < anchor.month else anchor.year - 1
        return DateMention(start, end, text, f"{year:04d}-{month:02d}", "month", True)
    num = m.group("num")
    n = int(num) if num.isdigit() else NUMBERS[num.lower()]
    unit = m.group("unit")
    if anchor is None:
        return DateMention(
            start, end, text, None, None, True, "no publication date to anchor a relative date"
        )
    if unit == "year":
        return DateMention(start, end, text, f"{anchor.year - n:04d}", "year", True)
    if unit == "month":
        y, mo = _shift_months(anchor, n)
        return DateMention(start, end, text, f"{y:04d}-{mo:02d}", "month", True)
    from datetime import timedelta

    days = n * (7 if unit == "week" else 1)
    d = anchor - timedelta(days=days)
    return DateMention(start, end, text, d.isoformat(), "day", True)


def extract_dates(doc: Doc, anchor: date | None) -> list[DateMention]:
    """Date mentions in a parsed document, in text order."""
    return [_normalise(m, anchor) for m in PATTERN.finditer(doc.text)]
