"""Rules for expressions that count from the anchor or from the text: "yesterday", "last
week", "ten months ago", "Thursday", "the quarter", "that year", "10 p.m. Wednesday"."""

from __future__ import annotations

import re
from datetime import date, timedelta

from factlint.dates import values as v
from factlint.dates.grammar import Context, Parse, Parsed, parts_rule, rule, year_number
from factlint.dates.lexicon import (
    NUMBER_RE,
    PART_OF_DAY_RE,
    PARTS_OF_DAY,
    QUARTER_ORDINAL_RE,
    QUARTER_ORDINALS,
    TIMEZONE_RE,
    VAGUE_RE,
    WEEKDAY_RE,
    WEEKDAYS,
    YEAR_RE,
    alternation,
    number_value,
)
from factlint.dates.values import Point

# --- days around the anchor --------------------------------------------------------------------
_DAY_WORDS = {
    "today": 0,
    "tonight": 0,
    "yesterday": -1,
    "tomorrow": 1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
}


@rule(alternation(_DAY_WORDS))
def day_word(m: re.Match[str], anchor: date, context: Context) -> Parsed | None:
    return Parsed(v.day(anchor + timedelta(days=_DAY_WORDS[m.group(0)])), relative=True)


@rule(rf"(?P<w>this|last) (?P<pod>{PART_OF_DAY_RE})")
def this_part_of_day(m: re.Match[str], anchor: date, context: Context) -> Parsed | None:
    if m.group("w") == "last" and m.group("pod") != "night":
        return None
    d = anchor - timedelta(days=1) if m.group("w") == "last" else anchor
    return Parsed(Point("time", d, "T" + PARTS_OF_DAY[m.group("pod")]), relative=True)


# --- weekdays -------------------------------------------------------------------------------
_STRICT_PAST = {"last", "past", "this past", "previous", "the previous", "the last"}
_STRICT_FUTURE = {"next", "coming", "this coming", "following", "the following", "the next"}


@rule(
    rf"(?:(?P<rel>{alternation([*_STRICT_PAST, *_STRICT_FUTURE, 'this'])}) )?"
    rf"(?P<wd>{WEEKDAY_RE})"
)
def weekday(m: re.Match[str], anchor: date, context: Context) -> Parsed | None:
    wd = WEEKDAYS[m.group("wd")]
    rel = m.group("rel")
    if rel in _STRICT_PAST:
        found = v.weekday_date(wd, anchor, "past", strict=True)
    elif rel in _STRICT_FUTURE:
        found = v.weekday_date(wd, anchor, "future", strict=True)
    else:
        # News convention: a bare weekday is the last one (or today) unless the clause looks
        # ahead ("will meet Monday", "is to resume Tuesday", "is scheduled for Monday").
        ahead = context.tense == "future" or (rel == "this" and context.tense != "past")
        found = v.weekday_date(wd, anchor, "future" if ahead else "past")
    return Parsed(v.day(found), relative=True, weekday=wd)


# --- parts of day and clock times attached to a day -----------------------------------------------
_CLOCK = (
    r"(?P<h>\d{1,2})(?::(?P<mi>\d{2}))? ?(?P<ap>am|pm|a m|p m)"
    r"|(?P<h24>\d{1,2}):(?P<mi24>\d{2})(?: ?(?:h|hrs|hours))?"
    r"|(?P<named>noon|midday|midnight)"
    r"|(?P<hpod>\d{1,2}) (?:o'clock )?in the (?P<pod_of_h>morning|afternoon|evening|night)"
)
CLOCK = rf"(?:{_CLOCK})(?: {TIMEZONE_RE})?"


def _clock_code(m: re.Match[str]) -> str | None:
    if m.group("named"):
        return {"noon": "T12:00", "midday": "T12:00", "midnight": "T24:00"}[m.group("named")]
    if m.group("hpod"):
        h = int(m.group("hpod"))
        if m.group("pod_of_h") in ("afternoon", "evening") or (
            m.group("pod_of_h") == "night" and h >= 6
        ):
            h = h % 12 + 12
        return f"T{h:02d}:00" if h < 24 else None
    if m.group("h24"):
        h, mi = int(m.group("h24")), int(m.group("mi24"))
    else:
        h, mi = int(m.group("h")), int(m.group("mi") or 0)
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if m.group("ap").startswith("p") else 0)
    return f"T{h:02d}:{mi:02d}" if h < 24 and mi < 60 else None


def _on_day(rest: str | None, anchor: date, context: Context, parse: Parse) -> Parsed | None:
    """The day a time or part of day is attached to ("Wednesday", "yesterday", "Nov 9")."""
    if not rest:
        return Parsed(v.day(anchor), relative=True)
    parsed = parse(rest, anchor, context)
    if parsed is None or parsed.point is None or parsed.point.granularity != "day":
        return None
    return parsed


@parts_rule(rf"(?:at |around |about |by |until )?{CLOCK}(?: (?:on |of )?(?P<rest>.+))?")
def clock_then_day(m: re.Match[str], anchor: date, context: Context, parse: Parse) -> Parsed | None:
    code = _clock_code(m)
    on = _on_day(m.group("rest"), anchor, context, parse)
    if code is None or on is None or on.point is None:
        return None
    return Parsed(
        Point("time", on.point.start, code),
        relative=on.relative,
        weekday=on.weekday,
        year_stated=on.year_stated,
    )


@parts_rule(rf"(?P<rest>.+?) (?:at |around |about )?{CLOCK}")
def day_then_clock(m: re.Match[str], anchor: date, context: Context, parse: Parse) -> Parsed | None:
    return clock_then_day(m, anchor, context, parse)


@parts_rule(
    rf"(?P<rest>.+?) (?:in the )?(?P<pod>{PART_OF_DAY_RE})",
    rf"(?:the )?(?P<pod>{PART_OF_DAY_RE})(?: (?:of )?(?P<rest>.+))?",
)
def day_part(m: re.Match[str], anchor: date, context: Context, parse: Parse) -> Parsed | None:
    rest, pod = m.group("rest"), m.group("pod")
    if rest in ("today", "tonight"):
        rest = None
    on = _on_day(rest, anchor, context, parse)
    if on is None or on.point is None:
        return None
    return Parsed(
        Point("time", on.point.start, "T" + PARTS_OF_DAY[pod]),
        relative=on.relative,
        weekday=on.weekday,
        year_stated=on.year_stated,
    )


# --- quarters the text refers back to -----------------------------------------------------------
def _base_quarter(anchor: date, context: Context) -> Point:
    """The quarter an earnings report is about: the one it last named, else the last one ended."""
    if context.quarter is not None:
        return context.quarter
    return v.quarter_of(v.add_months(v.quarter_of(anchor).start, -3))


_YEAR_AGO = r"(?:a )?year (?:ago|earlier|before)|prior year|previous year|last year"
_QUARTER_WORD = r"(?:fiscal )?(?:quarter|period)"


# A bare "quarter" or "period" is too often something else ("a quarter-century low").
@rule(rf"(?:the|its|their) (?:(?:same|flat|strong|weak|fiscal|reporting) )*{_QUARTER_WORD}")
def the_quarter(m: re.Match[str], anchor: date, context: Context) -> Parsed | None:
    return Parsed(_base_quarter(anchor, context), relative=True)


@rule(
    r"(?:the |its |their )?(?:latest|most recent|recent|just ended|just completed)"
    r"(?: fiscal)? (?:quarter|period)"
)
def latest_quarter(m: re.Match[str], anchor: date, context: Context) -> Parsed | None:
    return Parsed(_base_quarter(anchor, Context()), relative=True)


@rule(r"(?:the |its )?(?:current|present) (?:fiscal )?quarter|this (?:fiscal )?quarter")
def current_quarter(m: re.Match[str], anchor: date, context: Context) -> Parsed | None:
    return Parsed(v.quarter_of(anchor), relative=True)


@rule(r"(?:the )?(?P<rel>last|previous|prior|preceding|next|coming|following) (?:fiscal )?quarter")
def neighbour_quarter(m: re.Match[str], anchor: date, context: Context) -> Parsed | None:
    step = 1 if m.group("rel") in ("next", "coming", "following") else -1
    return Parsed(v.shift(anchor, step, "quarter"), relative=True)


@rule(
    rf"(?:the |its )?(?:(?:comparable|corresponding|same|year ago|year earlier|prior year"
    rf"|previous year|fiscal|prior) )*(?:year ago|year earlier|prior year|previous year)"
    rf"(?: (?:comparable|corresponding|same|fiscal) )?(?: ?(?P<q>{QUARTER_ORDINAL_RE}))?"
    rf" ?{_QUARTER_WORD}"
    rf"|(?:the )?(?:same |corresponding |comparable )?{_QUARTER_WORD} (?:of )?(?:{_YEAR_AGO})"
    rf"|last year (?P<q2>{QUARTER_ORDINAL_RE} )?quarter"
    r"|(?:the )?year (?:ago|earlier)"
)
def year_ago_quarter(m: re.Match[str], anchor: date, context: Context) -> Parsed | None:
    base = _base_quarter(anchor, context)
    q = m.groupdict().get("q") or m.groupdict().get("q2")
    if q:
        base = v.quarter(anchor.year, QUARTER_ORDINALS[q.strip()])
    elif m.group(0).endswith(("ago", "earlier")) and context.quarter is None:
        return Parsed(v.year(anchor.year - 1), relative=True)
    return Parsed(v.shift_point(base, -1, "year"), relative=True)


@rule(rf"(?:the )?(?P<year>{YEAR_RE}) {_QUARTER_WORD}")
def year_quarter(m: re.Match[str], anchor: date, context: Context) -> Parsed | None:
    y = year_number(m.group("year"), anchor)
    if y is None:
        return None
    if context.quarter is None:
        return Parsed(v.year(y), year_stated=True)
    # "the 1988 quarter": the quarter the report is about, in that year.
    q = (context.quarter.start.month - 1) // 3 + 1
    return Parsed(v.quarter(y, q), relative=True, year_stated=True)


# --- this / last / next unit ---------------------------------------------------------------
_DEICTIC = {
    "this": 0,
    "the current": 0,
    "the present": 0,
    "current": 0,
    "the": 0,
    "the full": 0,
    "the whole": 0,
    "the entire": 0,
    "last": -1,
    "the past": -1,
    "past": -1,
    "this past": -1,
    "the last": -1,
    "next": 1,
    "the coming": 1,
    "coming": 1,
    "this coming": 1,
    "the upcoming": 1,
}
# Relative to the time the text is talking about, not to the publication date.
_ANAPHORIC = {
    "the previous": -1,
    "the prior": -1,
    "the preceding": -1,
    "previous": -1,
    "prior": -1,
    "the following": 1,
    "the next": 1,
    "following": 1,
    "that": 0,
    "the same": 0,
    "that same": 0,
}


_COARSER = {
    "year": {"year", "season", "quarter", "month", "week", "day", "time"},
    "month": {"month", "day", "time"},
    "week": {"week", "day", "time"},
    "day": {"day", "time"},
}


@rule(
    rf"(?P<rel>{alternation([*_DEICTIC, *_ANAPHORIC])}) (?:fiscal |calendar )?"
    r"(?P<unit>day|week|weekend|month|year|decade|century)"
)
def relative_unit(m: re.Match[str], anchor: date, context: Context) -> Parsed | None:
    rel, unit = m.group("rel"), m.group("unit")
    if rel in _ANAPHORIC:
        last = context.last
        if last is None or unit not in _COARSER or last.granularity not in _COARSER[unit]:
            return None
        return Parsed(v.shift(last.start, _ANAPHORIC[rel], unit), relative=True)
    step = _DEICTIC[rel]
    if unit == "day":
        return None  # "the day", "this day": too vague to place
    if unit == "weekend":
        on_weekend = anchor.weekday() >= 5
        if step == 0:
            # "the weekend" in a news story is the one just past unless the clause looks ahead.
            ahead = on_weekend or context.tense == "future"
            target = anchor if ahead else anchor - timedelta(days=7)
        elif step < 0:
            target = anchor - timedelta(days=7)
        else:
            target = anchor + timedelta(days=7) if on_weekend else anchor
        return Parsed(v.week(target, weekend=True), relative=True)
    if unit == "decade":
        return Parsed(v.decade(anchor.year + 10 * step), relative=True)
    if unit == "century":
        return Parsed(v.century(anchor.year // 100 + 1 + step), relative=True)
    return Parsed(v.shift(anchor, step, unit), relative=True)


# --- counted units before or after the anchor ---------------------------------------------------
_AGO = {"ago": -1, "earlier": -1, "before": -1, "back": -1, "previously": -1}
_HENCE = {"from now": 1, "hence": 1, "later": 1, "after": 1, "from today": 1}
# "Two years later" counts from the time the text is telling about, not from publication.
_FROM_STORY = {"later", "after"}
_UNIT = r"(?P<unit>day|week|fortnight|month|quarter|year|decade|centur(?:y|ie))s?"


@rule(
    rf"(?P<n>{NUMBER_RE})(?P<half> and a half)? {_UNIT}(?P<half2> and a half)? "
    rf"(?P<dir>{alternation([*_AGO, *_HENCE])})"
)
def counted(m: re.Match[str], anchor: date, context: Context) -> Parsed | None:
    n = number_value(m.group("n"))
    if n is None:
        return None
    unit = m.group("unit").replace("ie", "y")
    sign = _AGO.get(m.group("dir"), 1)
    if m.group("half") or m.group("half2"):
        if unit not in ("year", "decade"):
            return None
        months = 12 if unit == "year" else 120
        return Parsed(v.shift(anchor, sign * (n * months + months // 2), "month"), relative=True)
    if m.group("dir") in _FROM_STORY:
        if context.last is None:
            return None
        return Parsed(v.shift(context.last.start, n, unit), relative=True)
    if unit == "year" and n == 1 and sign < 0 and context.quarter is not None:
        # "a year earlier" in an earnings report: the same quarter of the year before.
        return Parsed(v.shift_point(context.quarter, -n, "year"), relative=True)
    return Parsed(v.shift(anchor, sign * n, unit), relative=True)


@rule(r"(?:the )?(?:fiscal )?year end")
def year_end(m: re.Match[str], anchor: date, context: Context) -> Parsed | None:
    return Parsed(v.year(anchor.year), relative=True)


@rule(
    rf"(?:{VAGUE_RE} )?(?:days|weeks|months|quarters|years|decades)"
    r" (?P<dir>ago|earlier|back|from now|hence)"
)
def vaguely_counted(m: re.Match[str], anchor: date, context: Context) -> Parsed | None:
    return Parsed(
        token="FUTURE_REF" if m.group("dir") in ("from now", "hence") else "PAST_REF", relative=True
    )
