"""Kind `impossible_date`: a day its month does not have ("February 30, 2025", "February 29,
2023", "April 31").

The date extractor keeps such a date without a value (no other rule can compare it) and notes
why; this kind reports each one rather than let it pass in silence. Numeric dates that cannot
be a day at all ("13/45/2024", "2024-13-01") are not dates and are not reported.
"""

from __future__ import annotations

from collections.abc import Iterable

from factlint.facts.model import DocumentFacts, FactSet
from factlint.findings.model import Finding
from factlint.rules.base import RuleKind
from factlint.rules.model import KindOptions
from factlint.rules.registry import register

NOTE_PREFIX = "no such day: "


@register("impossible_date")
class ImpossibleDate(RuleKind[KindOptions]):
    """A day its month does not have."""

    message_fields = {"reason": "why it is no date, e.g. 'February 2023 has 28 days'"}

    def blocking_keys(self, doc: DocumentFacts) -> set[str]:
        return set()  # one document at a time

    def check(self, facts: FactSet) -> Iterable[Finding]:
        for doc in facts.documents:
            for fact in doc.dates:
                if fact.impossible:
                    reason = (fact.note or "").removeprefix(NOTE_PREFIX)
                    yield self.finding(doc, fact.span, reason=reason)
