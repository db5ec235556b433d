"""Fuzz the normaliser: arbitrary phrases and anchors never raise, and what comes back is
well-formed (a TIMEX3-shaped value of a known granularity, or no value with a note)."""

from __future__ import annotations

import re
from datetime import date
from typing import get_args

from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.dates import Context, normalise
from factlint.dates.values import Granularity, quarter, year

_WORDS = " ".join(
    [
        "january feb. march may june sept. dec. monday tue. thursday sunday",
        "today yesterday tomorrow tonight now recently soon future past ago earlier later",
        "last next this coming previous following the a an of in on at by early mid late",
        "day days week weekend month months quarter year years decade century",
        "spring fall winter morning night noon p.m. a.m. EST 's - , .",
        "1 5 12 28 29 30 31 99 '98 1900 1989 2000 2024 9999 0000 10:30 11/28/05",
        "first third fourth twenty ninety-six nineteen thousand half and or",
        "Thanksgiving Christmas Easter fiscal year-ago year-earlier 1990s '80s",
    ]
).split()
_VALUE = re.compile(
    r"\d{2,4}(?:-(?:\d{2}(?:-\d{2}(?:T(?:\d{2}:\d{2}|MO|AF|EV|NI))?)?|Q[1-4]|SP|SU|FA|WI"
    r"|W\d{2}(?:-WE)?))?"
    r"|PRESENT_REF|PAST_REF|FUTURE_REF"
)
_GRANULARITIES = set(get_args(Granularity))

anchors = st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
contexts = st.builds(
    Context,
    tense=st.sampled_from([None, "past", "present", "future"]),
    quarter=st.one_of(st.none(), st.builds(quarter, st.integers(1, 9999), st.integers(1, 4))),
    last=st.one_of(st.none(), st.builds(year, st.integers(1, 9999))),
)
phrases = st.one_of(
    st.text(max_size=40),
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6).map(" ".join),
)


@settings(max_examples=400, deadline=None)
@given(text=phrases, anchor=anchors, context=contexts)
def test_normalise_never_raises_and_returns_well_formed_values(
    text: str, anchor: date | None, context: Context
) -> None:
    result = normalise(text, anchor, context)
    if result is None:
        return
    assert result.granularity in _GRANULARITIES
    if result.value is None:
        assert result.relative and result.note
        assert anchor is None
    else:
        assert _VALUE.fullmatch(result.value), result.value
        assert (result.granularity == "ref") == result.value.endswith("_REF")
    if result.weekday is not None:
        assert 0 <= result.weekday <= 6
