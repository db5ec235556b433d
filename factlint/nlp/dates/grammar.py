"""The rule table the normaliser walks: full-match patterns over a cleaned phrase.

A rule is a compiled pattern plus a handler that turns the match into a `Parsed` value. Rules
are tried in registration order and the first handler that returns a value wins, so specific
shapes register before general ones. Handlers always get an anchor; when the document has none
the normaliser passes a placeholder and discards the value of anything marked `relative`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from factlint.nlp.dates.lexicon import spelled_year
from factlint.nlp.dates.values import Direction, Point

Tense = Literal["past", "present", "future"]


@dataclass(frozen=True)
class Context:
    """What the sentence and the text so far say about an expression.

    `tense` is the tense of the clause the expression sits in; `quarter` the fiscal quarter the
    text last named ("the quarter", "a year earlier" refer to it in earnings reports); `last`
    the last date the text stated with its year ("that day", "later that year").
    """

    tense: Tense | None = None
    quarter: Point | None = None
    last: Point | None = None


@dataclass(frozen=True)
class Parsed:
    point: Point | None = None
    token: str | None = None  # PRESENT_REF, PAST_REF, FUTURE_REF
    relative: bool = False  # the value depends on the anchor
    weekday: int | None = None
    year_stated: bool = False
    # Set for a day its month does not have ("February 30"): why, and `point` is None.
    impossible: str | None = None


Handler = Callable[[re.Match[str], date, Context], Parsed | None]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    handler: Handler


RULES: list[Rule] = []


def rule(*patterns: str) -> Callable[[Handler], Handler]:
    """Register a handler for phrases that fully match one of `patterns`."""

    def register(handler: Handler) -> Handler:
        for pattern in patterns:
            RULES.append(Rule(handler.__name__, re.compile(pattern), handler))
        return handler

    return register


def direction(context: Context, default: Direction = "nearest") -> Direction:
    """Which occurrence a yearless date means: past tense the last one, future the next one."""
    if context.tense == "past":
        return "past"
    if context.tense == "future":
        return "future"
    return default


def year_number(text: str, anchor: date) -> int | None:
    """The year a year token names. A two-digit year ('98) takes the century that puts it
    at most twenty years after the anchor."""
    text = text.strip()
    if text.isdigit() and len(text) == 4:
        return int(text)
    if text.startswith("'") and text[1:].isdigit() and len(text) == 3:
        candidate = anchor.year - anchor.year % 100 + int(text[1:])
        return candidate - 100 if candidate > anchor.year + 20 else candidate
    return spelled_year(text)
