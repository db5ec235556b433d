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

from factlint.facts.model import DocumentFacts, FactSet
from factlint.findings.model import Finding
from factlint.rules.base import RuleKind
from factlint.rules.model import KindOptions
from factlint.rules.registry import register

WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


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
        options = self.options
        for doc in facts.documents:
            for fact in doc.dates:
                if fact.weekday is None or not fact.value:
                    continue
                if fact.granularity not in {"day", "time"}:
                    continue
                try:
                    day = date.fromisoformat(fact.value[:10])
                except ValueError:
                    continue
                if not fact.year_stated:
                    if doc.published is None:
                        continue
                    # The year is not written: the extractor took the one its clause points to
                    # ("the trial began on Monday, January 13" in September: that January).
                    distance = abs((day - doc.published).days) / 30.4
                    if distance > options.max_months_from_publication:
                        continue
                if day.weekday() == fact.weekday:
                    continue
                stated, actual = WEEKDAY_NAMES[fact.weekday], WEEKDAY_NAMES[day.weekday()]
                text = fact.span.text
                replacement = None
                for form in (stated, stated[:3]):
                    fitting = actual if form == stated else actual[:3]
                    if text.startswith(form):
                        replacement = fitting + text[len(form) :]
                        break
                    if text.endswith(form):  # "April 20, a Sunday"
                        replacement = text[: -len(form)] + fitting
                        break
                yield self.finding(
                    doc,
                    fact.span,
                    replacement=replacement,
                    safe_fix=False,
                    date=day.strftime("%B %-d, %Y"),
                    stated=stated,
                    actual=actual,
                )
