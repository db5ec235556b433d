"""Find date expressions in a parsed document and normalise each in its context.

Candidates are spaCy DATE and TIME entities plus a few precompiled patterns for what the
model misses (reference words such as "now", numeric dates, yearless dates). An entity the
rules cannot read is split into the patterns inside it, then given to dateparser; a duration
or an age entity is dropped, keeping only absolute dates inside it ("the first nine months of
1989" keeps "1989"). Candidates are then normalised in text order so that "a year earlier"
can refer to the quarter the text last named and "that year" to the last stated date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Doc

from factlint.dates.fallback import parse_with_dateparser
from factlint.dates.grammar import Context
from factlint.dates.lexicon import MONTH_RE, PART_OF_DAY_RE, WEEKDAY_NAME_RE
from factlint.dates.normalise import Normalised, clean, non_date_kind, normalise
from factlint.dates.patterns import find_spots
from factlint.dates.tense import clause_tense
from factlint.dates.values import DateValue, Point, quarter


@dataclass(frozen=True, slots=True, kw_only=True)
class DateMention(DateValue):
    """A date expression in a text: characters `start` to `end`, and what it says."""

    start: int
    end: int
    text: str


_LABELS = ("DATE", "TIME")
# "the March 11, 2005": a calendar date's article is not part of it (TimeBank leaves it out,
# and a fix that replaces the date would drop or add it). "the 1990s", "the third quarter",
# "the past week", "the decade" keep theirs.
_LEADING_THE = re.compile(rf"the\s+(?=(?:{MONTH_RE}|{WEEKDAY_NAME_RE})\b\.?\s*\d)", re.IGNORECASE)
# Possessives, punctuation and a sentence's full stop ("in March."), not "Sept." or "p.m.".
_TRAILING = re.compile(r"(?:['\u2019]s|['\u2019]|\s|[,;:!?\"()])+$|(?<=\d)\.$|(?<=[a-z]{5})\.$")
# A comma before a digit groups thousands ("5,000,000 years"): it does not split.
_SPLIT = re.compile(r"\s*(?:,(?!\d)|\band\b|\bor\b|\bto\b|\bthrough\b|-|–)\s*")

# "in his 30s" is an age; "night" alone is no date ("the night the plane fell") but joins a
# neighbour ("Wednesday" + "night").
_AGE_BEFORE = re.compile(r"\b(?:his|her|their|my|your|our)\s+(?:(?:early|mid|late)[- ]?)?$", re.I)
_DECADE_OF_AGE = re.compile(r"'?\d0'?s")
_BARE_PART_OF_DAY = re.compile(rf"(?:the\s+)?(?:(?:early|late|mid)[- ]?)?{PART_OF_DAY_RE}", re.I)
_QUARTER_NAMED = re.compile(r"\b(?:first|second|third|fourth|1st|2nd|3rd|4th)\b|\bq[1-4]\b")
_YEAR_AGO = re.compile(r"year[- ]?(?:ago|earlier)|prior[- ]year|previous year|last year")


def _number_start(text: str, start: int) -> int:
    """Where the number that `start` stands in begins: the model may leave out the first
    groups of "5,000,000,000 years ago"."""
    while start > 0 and (
        text[start - 1].isdigit()
        or (text[start - 1] == "," and text[start - 2 : start - 1].isdigit())
    ):
        start -= 1
    return start


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    if start < end and text[start].isdigit():
        start = _number_start(text, start)
    m = _TRAILING.search(text, start, end)
    if m is not None and m.start() > start:
        end = m.start()
    while start < end and text[start] in "\"'( ":
        start += 1
    article = _LEADING_THE.match(text, start, end)
    if article is not None:
        start = article.end()
    return start, end


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass
class _Candidate:
    start: int
    end: int
    # Set when only dateparser could read it: its value is final.
    fixed: Normalised | None = None


def _candidates(doc: Doc, text: str, anchor: date | None) -> list[_Candidate]:  # noqa: C901 (13; to split)
    # Any context works for deciding whether a phrase is a date; anaphoric rules need some
    # quarter and some earlier date to say yes.
    probe = Context(quarter=quarter(2000, 1), last=Point("day", date(2000, 1, 1)))
    chosen: list[_Candidate] = []
    blocked: list[tuple[int, int]] = []
    unread: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ not in _LABELS:
            continue
        start, end = _trim(text, ent.start_char, ent.end_char)
        if start >= end:
            continue
        phrase = text[start:end]
        if normalise(phrase, anchor, probe) is not None:
            chosen.append(_Candidate(start, end))
        elif non_date_kind(clean(phrase)):
            blocked.append((start, end))
        else:
            unread.append((start, end))
    for spot in find_spots(text):
        start, end = span = (spot.start, spot.end)
        if not spot.absolute and any(_overlaps(span, b) for b in blocked):
            continue
        clash = [c for c in chosen if _overlaps(span, (c.start, c.end))]
        # A pattern wins over entities it strictly contains ("Wednesday" in "Wednesday, Jan. 28").
        if any(not (start <= c.start and c.end <= end) or (c.start, c.end) == span for c in clash):
            continue
        if normalise(text[start:end], anchor, probe) is None:
            continue
        chosen = [c for c in chosen if c not in clash]
        chosen.append(_Candidate(start, end))
    for start, end in unread:
        # "the quarter ended Sept. 30": the pattern took the date, the rest is read alone.
        taken = sorted(
            (c.start, c.end) for c in chosen if _overlaps((start, end), (c.start, c.end))
        )
        for piece_start, piece_end in _uncovered(start, end, taken):
            piece_start, piece_end = _strip_connectors(text, piece_start, piece_end)
            if piece_start < piece_end:
                whole = not taken
                chosen.extend(
                    _split_or_fallback(text, piece_start, piece_end, anchor, probe, whole)
                )
    merged = _merge_adjacent(text, sorted(chosen, key=lambda c: c.start), anchor, probe)
    return [c for c in merged if not _is_noise(text, c.start, c.end)]


def _is_noise(text: str, start: int, end: int) -> bool:
    phrase = text[start:end]
    if _BARE_PART_OF_DAY.fullmatch(phrase):
        return True
    return bool(
        _DECADE_OF_AGE.fullmatch(phrase) and _AGE_BEFORE.search(text, max(0, start - 20), start)
    )


def _uncovered(start: int, end: int, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    pieces = []
    cursor = start
    for taken_start, taken_end in taken:
        if taken_start > cursor:
            pieces.append((cursor, min(taken_start, end)))
        cursor = max(cursor, taken_end)
    if cursor < end:
        pieces.append((cursor, end))
    return pieces


_LEADING = re.compile(r"(?:[\s,;]|\b(?:and|or|to|through|of|on|from|until|by|at|in)\b)+")
_TRAILING_WORDS = re.compile(
    r"(?:[\s,;]|\b(?:and|or|to|through|ended|ending|of|on|since|from|until|by|at|in)\b)+$"
)


def _strip_connectors(text: str, start: int, end: int) -> tuple[int, int]:
    m = _LEADING.match(text, start, end)
    if m is not None:
        start = m.end()
    m = _TRAILING_WORDS.search(text, start, end)
    if m is not None:
        end = m.start()
    return start, end


_GAP = re.compile(r"[\s,]*(?:(?:on|at|of|in the)\s+)?")


def _merge_adjacent(
    text: str, candidates: list[_Candidate], anchor: date | None, probe: Context
) -> list[_Candidate]:
    """Join pieces the model split: "9 a.m." + "Tuesday", "Wednesday" + "night"."""
    merged: list[_Candidate] = []
    for candidate in candidates:
        if merged and merged[-1].fixed is None and candidate.fixed is None:
            previous = merged[-1]
            if _GAP.fullmatch(text, previous.end, candidate.start):
                joined = text[previous.start : candidate.end]
                if normalise(joined, anchor, probe) is not None:
                    merged[-1] = _Candidate(previous.start, candidate.end)
                    continue
        merged.append(candidate)
    return merged


def _split_or_fallback(
    text: str, start: int, end: int, anchor: date | None, probe: Context, whole: bool = True
) -> list[_Candidate]:
    """Parts of an unread entity ("Wednesday and Thursday"), or dateparser's reading of it."""
    parts: list[_Candidate] = []
    cursor = start
    for sep in [*_SPLIT.finditer(text, start, end), None]:
        part_end = sep.start() if sep is not None else end
        if part_end > cursor and normalise(text[cursor:part_end], anchor, probe) is not None:
            parts.append(_Candidate(cursor, part_end))
        if sep is not None:
            cursor = sep.end()
    if parts or not whole:
        return parts
    found = parse_with_dateparser(text[start:end], anchor)
    return [_Candidate(start, end, found)] if found is not None else []


_BARE_WEEKDAY = re.compile(WEEKDAY_NAME_RE, re.IGNORECASE)
# "Thursday (October 15)": the weekday first, the date in brackets.
_WEEKDAY_BRACKET = re.compile(r"\s*\(\s*")
_CLOSE_BRACKET = re.compile(r"\s*\)")
# "April 20, a Sunday", "October 3, which was a Friday": the date first, the weekday after.
_WEEKDAY_APPOSITION = re.compile(r"\s*,\s*(?:which was\s+)?an?\s+", re.IGNORECASE)


def _bare_weekday(mention: DateMention) -> bool:
    return mention.weekday is not None and _BARE_WEEKDAY.fullmatch(mention.text) is not None


def _undated_day(mention: DateMention) -> bool:
    return mention.granularity == "day" and mention.weekday is None and mention.value is not None


def _close_bracket(text: str, mention: DateMention) -> DateMention:
    """ "Friday (March 10" read as one entity takes its closing bracket too."""
    close = _CLOSE_BRACKET.match(text, mention.end)
    if mention.text.count("(") <= mention.text.count(")") or close is None:
        return mention
    return replace(mention, end=close.end(), text=text[mention.start : close.end()])


def _join_weekdays(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """One date with its weekday where the weekday stands apart from it: "Thursday (October
    15)" and "April 20, a Sunday" are checked like "Thursday, October 15"."""
    out: list[DateMention] = []
    for mention in mentions:
        previous = out[-1] if out else None
        end = None
        if previous is not None and _bare_weekday(previous) and _undated_day(mention):
            close = _CLOSE_BRACKET.match(text, mention.end)
            if _WEEKDAY_BRACKET.fullmatch(text, previous.end, mention.start) and close:
                end, weekday = close.end(), previous.weekday
        elif (
            previous is not None
            and _undated_day(previous)
            and _bare_weekday(mention)
            and _WEEKDAY_APPOSITION.fullmatch(text, previous.end, mention.start)
        ):
            end, weekday = mention.end, mention.weekday
        if previous is None or end is None:
            out.append(_close_bracket(text, mention))
            continue
        dated = mention if _undated_day(mention) else previous
        out[-1] = replace(
            dated, start=previous.start, end=end, text=text[previous.start : end], weekday=weekday
        )
    return out


def extract_dates(doc: Doc, anchor: date | None, text: str | None = None) -> list[DateMention]:
    """Date mentions in a parsed document, in text order. `text` is the Doc's text when the
    caller has it (spaCy rebuilds `doc.text` from the tokens at every access)."""
    text = doc.text if text is None else text
    mentions: list[DateMention] = []
    reference_quarter: Point | None = None
    last_stated: Point | None = None
    for candidate in _candidates(doc, text, anchor):
        phrase = text[candidate.start : candidate.end]
        result = candidate.fixed
        if result is None:
            context = Context(
                clause_tense(doc, candidate.start, candidate.end), reference_quarter, last_stated
            )
            result = normalise(phrase, anchor, context)
            if result is None:
                continue
            lowered = phrase.lower()
            if (
                result.granularity == "quarter"
                and _QUARTER_NAMED.search(lowered)
                and not _YEAR_AGO.search(lowered)
            ):
                reference_quarter = result.point
        if (
            result.point is not None
            and result.year_stated
            and result.granularity
            in (
                "day",
                "month",
                "year",
            )
        ):
            last_stated = result.point
        mentions.append(
            DateMention(
                start=candidate.start, end=candidate.end, text=phrase, **result.value_fields()
            )
        )
    return _join_weekdays(text, mentions)
