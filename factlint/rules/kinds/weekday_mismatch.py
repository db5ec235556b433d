"""Kind `weekday_mismatch`: a weekday that does not fit its date ("Wednesday, January 28, 2025"
when January 28, 2025 was a Tuesday).

Only dates with a day and a year are checked: a year stated in the text, or the year the
extractor gave a yearless date from the publication date and the tense of its clause ("the
trial began on Monday, January 13" in September is that January, not the next), when it is
within `max_months_from_publication` of publication (further away the year is a guess).
"Thursday (October 15)" and "April 20, a Sunday" are one date with its weekday.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from pydantic import Field

from factlint.dates.lexicon import WEEKDAY_NAMES
from factlint.diagnostics import Finding
from factlint.facts.model import DateFact, DocumentFacts, FactSet
from factlint.rules.base import RuleKind
from factlint.rules.model import KindOptions
from factlint.rules.registry import register


class Options(KindOptions):
    max_months_from_publication: int = Field(
        6,
        description="A date without its year is checked only this close to publication"
        " (further away its year is a guess).",
    )


@register("weekday_mismatch")
class WeekdayMismatch(RuleKind[Options]):
    """A weekday that does not fit its date."""

    message_fields = {
        "date": "the date, e.g. 'March 5, 2025'",
        "stated": "the weekday the text gives",
        "actual": "the weekday of that date",
    }

    def blocking_keys(self, doc: DocumentFacts) -> set[str]:
        return set()  # one document at a time

    def check(self, facts: FactSet) -> Iterable[Finding]:
        for doc in facts.documents:
            for fact in doc.dates:
                day = self._day(doc, fact)
                if day is None or fact.weekday is None or day.weekday() == fact.weekday:
                    continue
                stated = WEEKDAY_NAMES[fact.weekday].title()
                actual = WEEKDAY_NAMES[day.weekday()].title()
                yield self.finding(
                    doc,
                    fact.span,
                    replacement=_replacement(fact.span.text, stated, actual),
                    safe_fix=False,
                    date=day.strftime("%B %-d, %Y"),
                    stated=stated,
                    actual=actual,
                )

    def _day(self, doc: DocumentFacts, fact: DateFact) -> date | None:
        """The day a date with a weekday names, when it is one to check against it."""
        if fact.weekday is None or not fact.value or fact.granularity not in {"day", "time"}:
            return None
        try:
            day = date.fromisoformat(fact.value[:10])
        except ValueError:
            return None
        if fact.year_stated:
            return day
        if doc.published is None:
            return None
        # The year is not written: the extractor took the one its clause points to ("the
        # trial began on Monday, January 13" in September: that January).
        distance = abs((day - doc.published).days) / 30.4
        return None if distance > self.options.max_months_from_publication else day


def _replacement(text: str, stated: str, actual: str) -> str | None:
    """The text with its weekday (whole or abbreviated, first or last) made the actual one."""
    for form in (stated, stated[:3]):
        fitting = actual if form == stated else actual[:3]
        if text.startswith(form):
            return fitting + text[len(form) :]
        if text.endswith(form):  # "April 20, a Sunday"
            return text[: -len(form)] + fitting
    return None
