"""Spot date expressions and normalise them to TIMEX3-style values.

`spot` finds candidates in a spaCy Doc (DATE/TIME entities plus patterns) and reads the
clause's tense; `normalise` turns one phrase and an anchor (the publication date) into a
value with a granularity, with its own rules first and dateparser (`fallback`) for the rest.
A day is never invented: "December 2024" is `2024-12`, not `2024-12-01`.
"""

from factlint.nlp.dates.grammar import Context
from factlint.nlp.dates.normalise import NO_ANCHOR, Normalised, normalise
from factlint.nlp.dates.spot import DateMention, extract_dates

__all__ = ["NO_ANCHOR", "Context", "DateMention", "Normalised", "extract_dates", "normalise"]
