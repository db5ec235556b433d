"""Spot date expressions and normalise them to TIMEX3-style values.

`spot` finds candidates in a spaCy Doc (DATE/TIME entities plus patterns) and reads the
clause's tense; `normalise` turns one phrase and an anchor (the publication date) into a
value with a granularity, with its own rules first and dateparser (`fallback`) for the rest.
A day is never invented: "December 2024" is `2024-12`, not `2024-12-01`.

What an expression says is a `DateValue`, declared once: `normalise` returns it with its
calendar unit (`Normalised`), `extract_dates` with its place in the text (`DateMention`), and
the fact the rules read (`factlint.facts.model.DateFact`) extends it too. Every month and
weekday pattern is built from the one `lexicon`.
"""

from typing import Any

from factlint.dates.grammar import Context
from factlint.dates.normalise import NO_ANCHOR, Normalised, normalise
from factlint.dates.values import DateValue


def __getattr__(name: str) -> Any:
    # spot needs spaCy; importing it lazily keeps rule kinds that only use the calendar helpers
    # (and warm, fully cached runs) free of the spaCy import.
    if name in {"DateMention", "extract_dates"}:
        from factlint.dates import spot

        return getattr(spot, name)
    raise AttributeError(name)


__all__ = [
    "NO_ANCHOR",
    "Context",
    "DateMention",
    "DateValue",
    "Normalised",
    "extract_dates",
    "normalise",
]
