"""Text patterns for date expressions the model may miss, run over the raw text.

Every pattern starts with a literal or a character class and none starts with `\\b`: that
lets the regex engine skip ahead to possible starts instead of trying every position (ten
times faster on news text). The left word boundary is checked in Python instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factlint.dates.lexicon import MONTH_WORDS, SEASONS, WEEKDAY_WORDS, alternation


def _cased(*words: str) -> str:
    """ "Now|now": both cases spelled out, which keeps the literal prefix the engine scans for
    ("[Nn]ow" does not)."""
    return "|".join(f"{w[0].upper()}{w[1:]}|{w}" for w in words)


def _titled(words: tuple[str, ...], abbreviation: str = "") -> str:
    """ "Jan(?:uary|\\.)": a word of the lexicon capitalised, as the name or an abbreviation
    followed by `abbreviation`. Spelled so that every branch starts with the literal the
    words share ("Jan"), not "January|Jan\\.", so the engine can scan for it."""
    stem = min(words, key=len)
    endings = {words[0][len(stem) :]} | {w[len(stem) :] + abbreviation for w in words[1:]}
    rest = alternation(re.escape(e) for e in endings)
    return stem.title() + (f"(?:{rest})" if len(endings) > 1 else rest)


_MONTH = f"(?:{'|'.join(_titled(words, '.') for words in MONTH_WORDS)})"
_WEEKDAY = f"(?:{'|'.join(_titled(words[:1]) for words in WEEKDAY_WORDS)})"
# Abbreviated, only right before a month and day ("Tue., Mar. 4"): alone, "Sun" and "Wed"
# are other words.
_WEEKDAY_ABBREVIATIONS = alternation(w.title() for words in WEEKDAY_WORDS for w in words[1:])
_WEEKDAY_SHORT = rf"(?:{_WEEKDAY}|(?:{_WEEKDAY_ABBREVIATIONS})\b\.?)"
_YEAR = r"(?:1[6-9]|20)\d\d\b"
_NUMBER = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen"
    r"|twenty|thirty|forty|fifty|sixty|a couple of)"
)
_UNIT_WORDS = (
    r"(?:days?|weeks?|months?|quarters?|years?|decades?|centur(?:y|ies)|summers?|winters?)"
)
_COUNT_AHEAD = rf"\s+(?:{_NUMBER}|few|several|many|couple|{_UNIT_WORDS})\b"
_HOLIDAY_DAYS = (
    r"(?:Thanksgiving|Christmas|New\s+Year's|Easter|Election|Independence|Labor|Memorial"
    r"|Valentine's|Veterans)\s+(?:Day|Eve)\b"
)
_HOLIDAYS = r"(?:Thanksgiving|Christmas|Easter|Halloween)\b(?!\s+(?:Day|Eve)\b)"
# Words before a bare year or holiday that make it a date ("in 1998", "on Thanksgiving").
_YEAR_CUE = re.compile(
    r"(?:\b(?:in|of|since|until|from|during|by|through|fiscal|early|late)\s+|\bmid-)$",
    re.IGNORECASE,
)
# The amount before "months ago", found by looking back from the unit.
# Not the last group of "5,000,000,000" nor the decimals of "1.5".
_AMOUNT = re.compile(rf"(?<![\w,.-]){_NUMBER}\s+$", re.IGNORECASE)
_HOLIDAY_CUE = re.compile(r"\b(?:on|by|since|until|before|after|over)\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class Spot:
    start: int
    end: int
    # Absolute shapes are kept inside a duration entity ("the first nine months of 2025");
    # relative ones and reference words are not ("the past two months").
    absolute: bool


@dataclass(frozen=True)
class _Pattern:
    regex: re.Pattern[str]
    absolute: bool
    # Must match the text just before ("in" before "1998"); checked in Python.
    cue: re.Pattern[str] | None = None
    # The cue is part of the expression ("ten" in "ten months ago").
    cue_in_span: bool = False


def _absolute(pattern: str, cue: re.Pattern[str] | None = None) -> _Pattern:
    return _Pattern(re.compile(pattern), True, cue)


def _relative(
    pattern: str, cue: re.Pattern[str] | None = None, cue_in_span: bool = False
) -> _Pattern:
    return _Pattern(re.compile(pattern), False, cue, cue_in_span)


PATTERNS = [
    _absolute(rf"{_WEEKDAY_SHORT},?\s+{_MONTH}\s*\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR})?"),
    _absolute(rf"{_MONTH}\s*\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR})?"),
    _absolute(rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:,?\s+{_YEAR})?"),
    _absolute(rf"{_MONTH}\s*(?:of\s+)?{_YEAR}"),
    _absolute(r"\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b"),
    _absolute(r"\d{4}-\d{2}-\d{2}\b"),
    _absolute(_YEAR, _YEAR_CUE),
    _absolute(rf"(?:{_cased(*SEASONS)})\s+(?:of\s+)?{_YEAR}"),
    _absolute(r"(?:1[6-9]|20)\d0'?s\b"),
    _absolute(r"(?:1\d|2[01])(?:st|nd|rd|th)[- ]century\b"),
    _relative(rf"{_WEEKDAY}\b"),
    _relative(rf"(?:{_cased('early', 'mid', 'late')})[- ]{_MONTH}"),
    _relative(rf"(?:{_cased('yesterday', 'today', 'tomorrow', 'tonight')})\b"),
    _relative(
        rf"(?:{_cased('this', 'last', 'next')})\s+(?:week(?:end)?|month|year|quarter|spring"
        rf"|summer|fall|autumn|winter|{_MONTH}|{_WEEKDAY}|{_HOLIDAYS})\b"
    ),
    _relative(r"(?:day|week|month|year|decade)s?\s+(?:ago|from\s+now)\b", _AMOUNT, True),
    _relative(
        rf"(?:{_cased('now', 'currently', 'nowadays', 'recently', 'lately')}|Right\s+now"
        r"|right\s+now|As\s+soon\s+as\s+possible|as\s+soon\s+as\s+possible|these\s+days"
        r"|at\s+present)\b"
    ),
    # "soon", but not the conjunction "as soon as" nor "soon after" another event.
    _relative(
        r"(?:Soon|soon)\b(?<!\bas soon)(?<!\bAs soon)(?!\s+(?:after|before|as|afterwards?)\b)"
    ),
    _relative(rf"the\s+past\b(?!{_COUNT_AHEAD})"),
    _relative(r"the\s+(?:near\s+|foreseeable\s+|distant\s+)?future\b"),
    _relative(r"the\s+(?:near|short|long|longer)\s+term\b"),
    _relative(r"(?:recent|coming)\s+(?:days|weeks|months|years|quarters)\b"),
    _relative(
        r"(?:fiscal[- ](?:first|second|third|fourth)|first|second|third|fourth)[- ]"
        r"(?:fiscal[- ])?quarter\b"
    ),
    _relative(
        r"(?:The|the)\s+(?:(?:latest|year-ago|year-earlier|comparable|same)\s+)?(?:quarter|period)"
        r"\b(?!-)"
    ),
    _relative(_HOLIDAY_DAYS),
    _relative(_HOLIDAYS, _HOLIDAY_CUE),
]


def find_spots(text: str) -> list[Spot]:
    """Every pattern match, sorted by start and then longest first."""
    spots = []
    for pattern in PATTERNS:
        for m in pattern.regex.finditer(text):
            start, end = m.span()
            if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
                continue  # not at the start of a word
            if pattern.cue is not None:
                cue = pattern.cue.search(text, max(0, start - 16), start)
                if cue is None:
                    continue
                if pattern.cue_in_span:
                    start = cue.start()
            spots.append(Spot(start, end, pattern.absolute))
    return sorted(spots, key=lambda s: (s.start, -(s.end - s.start)))
