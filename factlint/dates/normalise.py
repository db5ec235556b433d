"""Normalise one date expression to a TIMEX3-style value: pure, no spaCy, cached.

`normalise("last December", date(2026, 1, 28))` is `2025-12` (month). The phrase is cleaned
(lower case, no dots after letters, no possessive 's, word hyphens to spaces), then the rule
table is walked; a phrase no rule takes is retried without a leading modifier ("early",
"the end of", "about") or trailing one ("or later"), which do not change the value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import cast

from factlint.dates import rules_calendar, rules_reference, rules_relative
from factlint.dates.grammar import Context, Parsed, Rule, rules_of
from factlint.dates.lexicon import NUMBER_RE, VAGUE_RE
from factlint.dates.values import DateValue, Granularity, Point

# The grammar, in the order it is tried: reference tokens first ("the past" is not "the past
# <unit>"), then calendar expressions, then those relative to the anchor or the text.
GRAMMAR = (rules_reference, rules_calendar, rules_relative)
RULES: list[Rule] = [entry for module in GRAMMAR for entry in rules_of(module)]

NO_CONTEXT = Context()
NO_ANCHOR = "no publication date to anchor a relative date"
# Stands in for a missing anchor so rules still report a granularity; values computed from
# it are dropped.
_PLACEHOLDER = date(2000, 6, 15)


@dataclass(frozen=True, slots=True, kw_only=True)
class Normalised(DateValue):
    """The value of a phrase, with the calendar unit behind it for expressions that later
    ones refer back to ("a year earlier" to the quarter the text last named)."""

    point: Point | None = field(default=None, compare=False, repr=False)


_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u2013": "-", "\u2014": " "})
_CLEANUPS = [
    (re.compile(r"(?<=\d),(?=\d{3}(?!\d))"), ""),  # 5,000,000 -> 5000000
    (re.compile(r"(?<=[a-z])\."), ""),  # jan. -> jan, p.m. -> pm
    (re.compile(r"(?<=[a-z])'s\b|(?<=[a-z]s)'(?=\s|$)"), ""),  # friday's, years'
    (re.compile(r"(?<=\d)'s\b"), "s"),  # 1990's -> 1990s
    (re.compile(r"(?<=[a-z])-(?=[a-z0-9'])|(?<=\d)-(?=[a-z])"), " "),  # third-quarter
    (re.compile(r"(?<!\bo)'(?!\d)"), " "),  # quotes, but not '80s or o'clock
    (re.compile(r"[^a-z0-9'/:.\- ]+"), " "),  # commas, brackets
    (re.compile(r"(?<!\d)\.|\.(?!\d)"), " "),  # dots not inside 28.11.2005
    (re.compile(r"\b(?:or so|or thereabouts)\b"), " "),
    (re.compile(r"\s+"), " "),
]


def clean(text: str) -> str:
    """The form rules match: "Wednesday, Jan. 28" -> "wednesday jan 28"."""
    cleaned = text.lower().translate(_QUOTES)
    for pattern, replacement in _CLEANUPS:
        cleaned = pattern.sub(replacement, cleaned)
    return cleaned.strip(" -/:")


_AGE = re.compile(
    rf"(?:an? )?(?:{NUMBER_RE}|\d+) (?:year|month|week|day)s? old"
    r"|aged? \d+|\d+ (?:year|yr)s? of age"
)
_FREQUENCY = re.compile(
    r"(?:bi|semi)?(?:daily|weekly|monthly|quarterly|annually|annual|yearly|hourly|nightly)"
    r"|seasonally|(?:every|each|per|once a|twice a|\w+ times a) .+"
    r"|(?:a|per) (?:day|night|week|month|quarter|year)"
)
_DURATION_PREFIX = (
    r"for|about|around|nearly|almost|over|more than|less than|fewer than|at least|at most|up to"
    r"|some|roughly|approximately|only|just|barely|all|the|past|last|next|first|final|previous"
    r"|following|coming|recent|remaining|entire|whole|full|other|of|its|their|his|her|our"
    r"|within|in|after|during|those|these|same|latest|initial|early|late"
)
_DURATION_ADJECTIVE = (
    r"additional|extra|more|full|whole|entire|long|short|straight|consecutive|further|trading"
    r"|business|working|calendar|fiscal"
)
_DURATION = re.compile(
    rf"(?P<prefix>(?:(?:{_DURATION_PREFIX}) )*)"
    # A year is not an amount: "the 1988 quarter" is a date.
    r"(?P<amount>(?!(?:1\d|20)\d\d )(?:(?:a|an|another) )?"
    rf"(?:{NUMBER_RE}|{VAGUE_RE}|another|\d+(?:\.\d+)?|half an?|a half|one and a half) )?"
    rf"(?:and a half )?(?:(?:{_DURATION_ADJECTIVE}) )*"
    r"(?P<unit>(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade"
    r"|centur(?:y|ie)|semester|weekend)s?)(?: and a half)?(?: long)?"
)
_WHOLE = re.compile(r"\b(?:all|entire|whole|for|within)\b")


def non_date_kind(cleaned: str) -> str | None:
    """ "age", "frequency" or "duration" when a cleaned phrase is one of those, not a date."""
    if _AGE.fullmatch(cleaned):
        return "age"
    if _FREQUENCY.fullmatch(cleaned):
        return "frequency"
    m = _DURATION.fullmatch(cleaned)
    if m is None:
        return None
    if m.group("amount") or m.group("unit").endswith("s") or _WHOLE.search(m.group("prefix")):
        return "duration"
    return None


_PREFIX_MODIFIER = re.compile(
    r"(?:(?:the |at the |by the |until the |in the )?(?:very )?(?:early|earlier|mid|middle|late"
    r"|later|end|start|beginning|close|turn|first half|second half|last half|latter half"
    r"|latter part|early part|later part|middle part|first part|last part)(?: of)?"
    r"|sometime|some time|around|about|approximately|roughly|nearly|almost|just|only|precisely"
    r"|exactly|at least|as early as|as late as|as soon as|no later than|no earlier than"
    r"|not until|until|till|through|since|by|before|after|on|in|at|during|from|of|to"
    r"|throughout|more than|less than|over|under|post|pre|circa|ca|effective|starting|beginning"
    r"|again|also|then|even|already|still|late in|early in|earlier in|later in|between|both"
    r"|either|within|for) (?P<rest>.+)"
)
_SUFFIX_MODIFIER = re.compile(
    r"(?P<rest>.+?) (?:or later|or earlier|and beyond|and later|and earlier|at the latest"
    r"|at the earliest|or before|or after|onward|onwards|on|and after)"
)


def parse_clean(cleaned: str, anchor: date, context: Context) -> Parsed | None:
    """Walk the rules over a cleaned phrase, then retry without modifiers."""
    for entry in RULES:
        m = entry.pattern.fullmatch(cleaned)
        if m is not None:
            parsed = entry.apply(m, anchor, context, parse_clean)
            if parsed is not None:
                return parsed
    for modifier in (_PREFIX_MODIFIER, _SUFFIX_MODIFIER):
        m = modifier.fullmatch(cleaned)
        if m is not None:
            parsed = parse_clean(m.group("rest"), anchor, context)
            if parsed is not None:
                return parsed
    return None


@lru_cache(maxsize=16384)
def normalise(text: str, anchor: date | None, context: Context = NO_CONTEXT) -> Normalised | None:
    """The value of a date expression, or None when it is not one the rules know (durations,
    ages and frequencies are not dates). Without an anchor a relative expression keeps its
    granularity but gets no value, and a note says why."""
    cleaned = clean(text)
    if not cleaned or len(cleaned) > 80:
        return None
    # "recent years", "coming months" are reference tokens although shaped like durations.
    if non_date_kind(cleaned) and not rules_reference.REFERENCE.fullmatch(cleaned):
        return None
    try:
        parsed = parse_clean(cleaned, anchor or _PLACEHOLDER, context)
    except (ValueError, OverflowError):  # February 30, year 0, year 10000
        return None
    if parsed is None:
        return None
    if parsed.token is not None:
        return Normalised(value=parsed.token, granularity="ref", relative=True)
    weekday, year_stated = parsed.weekday, parsed.year_stated
    if parsed.impossible is not None:
        note = f"no such day: {parsed.impossible}"
        return Normalised(
            value=None,
            granularity="day",
            note=note,
            weekday=weekday,
            year_stated=year_stated,
            impossible=True,
        )
    point = parsed.point
    if point is None:
        return None
    granularity = cast(Granularity, point.granularity)
    if anchor is None and parsed.relative:
        return Normalised(
            value=None,
            granularity=granularity,
            relative=True,
            note=NO_ANCHOR,
            weekday=weekday,
            year_stated=year_stated,
        )
    try:
        value = point.value()
    except (ValueError, OverflowError):
        return None
    return Normalised(
        value=value,
        granularity=granularity,
        relative=parsed.relative,
        weekday=weekday,
        year_stated=year_stated,
        point=point,
    )
