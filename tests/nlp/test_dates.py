"""The date normaliser on its own: phrase + anchor (+ clause tense) -> TIMEX3 value.

No spaCy here; `test_date_spotting.py` covers finding the phrases in text.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

import pytest

from factlint.dates import NO_ANCHOR, Context, normalise
from factlint.dates.fallback import parse_with_dateparser
from factlint.dates.values import easter, holiday, quarter, year

WED = date(2026, 1, 28)  # a Wednesday
PAST, FUTURE = Context(tense="past"), Context(tense="future")

ABSOLUTE = [
    ("December 2024", "2024-12", "month"),
    ("Dec. 2024", "2024-12", "month"),
    ("December of 2024", "2024-12", "month"),
    ("in 2015", "2015", "year"),
    ("fiscal 2019", "2019", "year"),
    ("5 January 2013", "2013-01-05", "day"),
    ("the 5th of January, 2013", "2013-01-05", "day"),
    ("Jan. 5, 2013", "2013-01-05", "day"),
    ("March 3rd 2011", "2011-03-03", "day"),
    ("11/28/05", "2005-11-28", "day"),
    ("28/11/2005", "2005-11-28", "day"),
    ("2008-12-01", "2008-12-01", "day"),
    ("2024-12", "2024-12", "month"),
    ("Q3 2024", "2024-Q3", "quarter"),
    ("the third quarter of 2021", "2021-Q3", "quarter"),
    ("the 2020 fourth quarter", "2020-Q4", "quarter"),
    ("fall 1998", "1998-FA", "season"),
    ("the winter of 1994", "1994-WI", "season"),
    ("spring 2003", "2003-SP", "season"),
    ("early 2009", "2009", "year"),
    ("the end of 2012", "2012", "year"),
    ("mid-2016", "2016", "year"),
    ("the 1990s", "199", "decade"),
    ("the mid-1970s", "197", "decade"),
    ("1960's", "196", "decade"),
    ("the 20th century", "19", "century"),
    ("the twenty first century", "20", "century"),
    ("nineteen ninety-six", "1996", "year"),
    ("the year two thousand", "2000", "year"),
    ("January nineteen eighty-four", "1984-01", "month"),
    ("Christmas Day 2019", "2019-12-25", "day"),
]


@pytest.mark.parametrize(("text", "value", "granularity"), ABSOLUTE)
def test_absolute_expressions_need_no_anchor(text: str, value: str, granularity: str) -> None:
    for anchor in (WED, None):
        result = normalise(text, anchor)
        assert result is not None, text
        assert (result.value, result.granularity) == (value, granularity)
        assert result.year_stated and not result.relative and result.note is None


RELATIVE = [
    # (text, anchor, context, value, granularity)
    ("last December", date(2026, 1, 28), None, "2025-12", "month"),
    ("ten months ago", date(2025, 10, 15), None, "2024-12", "month"),
    ("last December", date(2026, 12, 10), None, "2025-12", "month"),
    ("next April", WED, None, "2026-04", "month"),
    ("this September", WED, None, "2026-09", "month"),
    ("June last year", WED, None, "2025-06", "month"),
    ("mid-December", WED, None, "2025-12", "month"),
    ("late November", WED, FUTURE, "2026-11", "month"),
    ("April", WED, PAST, "2025-04", "month"),
    ("April", WED, FUTURE, "2026-04", "month"),
    ("January 28", WED, None, "2026-01-28", "day"),
    ("Jan. 5", WED, None, "2026-01-05", "day"),
    ("Dec. 30", WED, None, "2025-12-30", "day"),
    ("Dec. 30", WED, FUTURE, "2026-12-30", "day"),
    ("March eighth", WED, None, "2026-03-08", "day"),
    ("yesterday", WED, None, "2026-01-27", "day"),
    ("today", WED, None, "2026-01-28", "day"),
    ("tomorrow", WED, None, "2026-01-29", "day"),
    ("the day before yesterday", WED, None, "2026-01-26", "day"),
    ("three days ago", WED, None, "2026-01-25", "day"),
    ("Wednesday", WED, None, "2026-01-28", "day"),
    ("Thursday", WED, None, "2026-01-22", "day"),
    ("Thursday", WED, PAST, "2026-01-22", "day"),
    ("Thursday", WED, FUTURE, "2026-01-29", "day"),
    ("next Thursday", WED, PAST, "2026-01-29", "day"),
    ("last Wednesday", WED, None, "2026-01-21", "day"),
    ("Friday's", WED, None, "2026-01-23", "day"),
    ("this week", WED, None, "2026-W05", "week"),
    ("last week", WED, None, "2026-W04", "week"),
    ("two weeks ago", WED, None, "2026-W03", "week"),
    ("the weekend", WED, PAST, "2026-W04-WE", "week"),
    ("next month", WED, None, "2026-02", "month"),
    ("earlier this month", WED, None, "2026-01", "month"),
    ("a month ago", WED, None, "2025-12", "month"),
    ("a year and a half ago", WED, None, "2024-07", "month"),
    ("last year", WED, None, "2025", "year"),
    ("this year", WED, None, "2026", "year"),
    ("early next year", WED, None, "2027", "year"),
    ("five years ago", WED, None, "2021", "year"),
    ("a decade ago", WED, None, "2016", "year"),
    ("the end of the year", WED, None, "2026", "year"),
    ("year-end", WED, None, "2026", "year"),
    ("the third quarter", WED, None, "2025-Q3", "quarter"),
    ("the third quarter", WED, FUTURE, "2026-Q3", "quarter"),
    ("this quarter", WED, None, "2026-Q1", "quarter"),
    ("last quarter", WED, None, "2025-Q4", "quarter"),
    ("last quarter", date(2026, 8, 5), None, "2026-Q2", "quarter"),
    ("the latest quarter", WED, None, "2025-Q4", "quarter"),
    ("this year's second quarter", WED, None, "2026-Q2", "quarter"),
    ("this spring", WED, None, "2026-SP", "season"),
    ("last fall", WED, None, "2025-FA", "season"),
    ("this past summer", WED, None, "2025-SU", "season"),
    ("the last decade", WED, None, "201", "decade"),
    ("Thanksgiving Day", WED, None, "2025-11-27", "day"),
    ("last Christmas", WED, None, "2025-12-25", "day"),
    ("10 p.m. Wednesday", WED, None, "2026-01-28T22:00", "time"),
    ("noon Thursday", WED, FUTURE, "2026-01-29T12:00", "time"),
    ("Wednesday night", WED, None, "2026-01-28TNI", "time"),
    ("last night", WED, None, "2026-01-27TNI", "time"),
    ("this morning", WED, None, "2026-01-28TMO", "time"),
    ("mid-afternoon yesterday", WED, None, "2026-01-27TAF", "time"),
]


@pytest.mark.parametrize(("text", "anchor", "context", "value", "granularity"), RELATIVE)
def test_relative_expressions_count_from_the_anchor(
    text: str, anchor: date, context: Context | None, value: str, granularity: str
) -> None:
    result = normalise(text, anchor, context or Context())
    assert result is not None, text
    assert (result.value, result.granularity) == (value, granularity)
    assert result.relative and not result.year_stated and result.note is None


@pytest.mark.parametrize(
    ("text", "token"),
    [
        ("now", "PRESENT_REF"),
        ("right now", "PRESENT_REF"),
        ("currently", "PRESENT_REF"),
        ("these days", "PRESENT_REF"),
        ("recently", "PAST_REF"),
        ("the past", "PAST_REF"),
        ("in recent years", "PAST_REF"),
        ("several years ago", "PAST_REF"),
        ("the future", "FUTURE_REF"),
        ("the near future", "FUTURE_REF"),
        ("soon", "FUTURE_REF"),
        ("the coming months", "FUTURE_REF"),
        ("the short term", "FUTURE_REF"),
    ],
)
def test_reference_words_get_timeml_tokens_with_or_without_anchor(text: str, token: str) -> None:
    for anchor in (WED, None):
        result = normalise(text, anchor)
        assert result is not None
        assert (result.value, result.granularity) == (token, "ref")


@pytest.mark.parametrize(
    ("text", "granularity"),
    [
        ("last December", "month"),
        ("ten months ago", "month"),
        ("January 28", "day"),
        ("yesterday", "day"),
        ("Thursday", "day"),
        ("next week", "week"),
        ("the third quarter", "quarter"),
        ("this spring", "season"),
    ],
)
def test_relative_without_anchor_has_no_value_and_says_why(text: str, granularity: str) -> None:
    result = normalise(text, None)
    assert result is not None
    assert result.value is None
    assert result.relative
    assert result.granularity == granularity
    assert result.note == NO_ANCHOR


def test_a_month_and_year_never_gets_an_invented_day() -> None:
    for text in ("December 2024", "last December", "ten months ago", "mid-December"):
        result = normalise(text, date(2025, 10, 15))
        assert result is not None and result.value is not None
        assert result.granularity == "month"
        assert result.value.count("-") == 1


def test_weekday_with_date_keeps_the_weekday_for_rules() -> None:
    stated = normalise("Wednesday, January 28, 2026", None)
    assert stated is not None
    assert (stated.value, stated.weekday, stated.year_stated) == ("2026-01-28", 2, True)
    # A mismatched weekday is kept as written: the rule, not the normaliser, judges it.
    wrong = normalise("Thursday, January 28, 2026", None)
    assert wrong is not None
    assert (wrong.value, wrong.weekday) == ("2026-01-28", 3)
    yearless = normalise("Wed., Jan. 28", date(2026, 2, 3))
    assert yearless is not None
    assert (yearless.value, yearless.weekday, yearless.year_stated) == ("2026-01-28", 2, False)


@pytest.mark.parametrize(
    "text",
    [
        "three years",
        "decades",
        "the years",
        "the past two months",
        "the first nine months",
        "two-year",
        "24 hours",
        "a week",
        "all week",
        "several months",
        "61-year-old",
        "a 6-year-old",
        "52 years old",
        "quarterly",
        "every year",
        "twice a month",
        "44",
        "80486",
        "",
        "the committee",
        "13/45/2020",
        "2024-13-01",
    ],
)
def test_durations_ages_frequencies_and_junk_are_not_dates(text: str) -> None:
    assert normalise(text, WED) is None
    assert normalise(text, None) is None


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("February 30, 2024", "February 2024 has 29 days"),
        ("Thursday, February 29, 2023", "February 2023 has 28 days"),
        ("31 April 2026", "April 2026 has 30 days"),
        ("2025-02-30", "February 2025 has 28 days"),
        ("April 31", "April has 30 days"),
        ("February 30", "February has 28 or 29 days"),
    ],
)
def test_a_day_its_month_does_not_have_is_a_date_without_a_value(text: str, note: str) -> None:
    for anchor in (WED, None):
        found = normalise(text, anchor)
        assert found is not None and found.impossible, (text, anchor)
        assert (found.value, found.granularity, found.note) == (None, "day", f"no such day: {note}")


@pytest.mark.parametrize("text", ["February 29, 2024", "April 30", "31 December 2025"])
def test_days_that_exist_are_not_impossible(text: str) -> None:
    found = normalise(text, WED)
    assert found is not None and not found.impossible and found.value is not None


def test_a_year_earlier_follows_the_quarter_the_text_is_about() -> None:
    about_q3 = Context(tense="past", quarter=quarter(2025, 3))
    assert _value("a year earlier", WED, about_q3) == "2024-Q3"
    assert _value("the year-ago quarter", WED, about_q3) == "2024-Q3"
    assert _value("the quarter", WED, about_q3) == "2025-Q3"
    # Without a quarter in view it is just last year.
    assert _value("a year earlier", WED, Context()) == "2025"


def test_two_digit_decades_and_years_take_the_century_of_the_anchor() -> None:
    assert _value("the '80s", WED, Context()) == "198"
    assert _value("the '20s", WED, Context()) == "202"
    assert _value("the '20s", date(1995, 5, 1), Context()) == "192"
    assert _value("Jan. 5, '98", WED, Context()) == "1998-01-05"
    assert _value("3/4/09", WED, Context()) == "2009-03-04"


def test_that_year_refers_to_the_last_stated_date_or_stays_unread() -> None:
    assert _value("that year", WED, Context(last=year(2019))) == "2019"
    assert _value("the following year", WED, Context(last=year(2019))) == "2020"
    assert normalise("that year", WED, Context()) is None
    # "later" counts from the story's time, "ago" from publication.
    assert _value("two years later", WED, Context(last=year(2019))) == "2021"
    assert normalise("two years later", WED, Context()) is None
    assert _value("two years ago", WED, Context(last=year(2019))) == "2024"


def test_movable_holidays() -> None:
    assert easter(2024) == date(2024, 3, 31)
    assert easter(2025) == date(2025, 4, 20)
    assert holiday("thanksgiving", 2025) == date(2025, 11, 27)
    assert holiday("memorial day", 2026) == date(2026, 5, 25)
    assert holiday("election day", 2024) == date(2024, 11, 5)


def test_dateparser_reads_leftovers_and_tells_relative_from_absolute() -> None:
    absolute = parse_with_dateparser("June 5th, 1998", WED)
    assert absolute is not None
    assert (absolute.value, absolute.granularity, absolute.relative) == ("1998-06-05", "day", False)
    relative = parse_with_dateparser("the 3rd of next month", WED)
    assert relative is not None
    assert (relative.value, relative.granularity, relative.relative) == ("2026-02-03", "day", True)
    unanchored = parse_with_dateparser("the 3rd of next month", None)
    assert unanchored is not None
    assert (unanchored.value, unanchored.note) == (None, NO_ANCHOR)
    timed = parse_with_dateparser("2016-03-05T10:00", None)
    assert timed is not None
    assert (timed.value, timed.granularity) == ("2016-03-05T10:00", "time")
    # It reads bare numbers as years; the guard keeps them away from it.
    assert parse_with_dateparser("44", WED) is None
    assert parse_with_dateparser("three years", WED) is None


def _value(text: str, anchor: date, context: Context) -> str | None:
    result = normalise(text, anchor, context)
    assert result is not None, text
    return result.value


# Every regex the dates package builds, as the process that built it spells them.
_DUMP_PATTERNS = """
from factlint.dates import fallback, patterns
from factlint.dates.normalise import RULES
print([rule.pattern.pattern for rule in RULES])
print([p.regex.pattern for p in patterns.PATTERNS])
print(fallback._DATE_WORD.pattern)
"""


def test_every_date_pattern_is_spelled_the_same_whatever_the_hash_seed() -> None:
    # Alternations built from sets came out in the set's order, which the hash seed changes.
    spelled = {
        subprocess.run(
            [sys.executable, "-c", _DUMP_PATTERNS],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(spelled) == 1
