"""`unused_suppression`: suppression comments that silence nothing."""

from __future__ import annotations

from collections.abc import Iterable

from factlint.facts.model import DocumentFacts, FactSet, Span
from factlint.findings.model import Finding
from factlint.findings.suppressions import Suppression
from factlint.rules.base import RuleKind
from factlint.rules.model import KindOptions
from factlint.rules.registry import register


@register("unused_suppression")
class UnusedSuppression(RuleKind[KindOptions]):
    """Reports `<!-- factlint: ignore ... -->` and `disable` comments that silence no finding.

    Whether a comment is used depends on every other rule's findings, so `factlint check` runs
    this kind last, in the filtering step (`factlint.findings.filters`), and reports only
    comments that name a rule that ran (or no rule). Run on its own, as in rule cases, no
    other rule has reported anything, so every suppression comment is unused. The fix deletes
    the comment.
    """

    message_fields = {
        "codes": "the rule codes the comment names ('factlint' when it names none)",
        "scope": "what the comment covers, e.g. 'this line' or 'lines 3-9'",
    }

    def blocking_keys(self, doc: DocumentFacts) -> set[str]:
        return set()  # one document at a time

    def check(self, facts: FactSet) -> Iterable[Finding]:
        for doc in facts.documents:
            for suppression in doc.suppressions:
                yield self.unused(doc, suppression)

    def unused(self, doc: DocumentFacts, suppression: Suppression) -> Finding:
        span = Span(
            text=suppression.text,
            start=0,
            end=len(suppression.text),
            line=suppression.line,
            column=suppression.column,
            end_line=suppression.end_line,
            end_column=suppression.end_column,
        )
        codes = ", ".join(suppression.codes) if suppression.codes else "factlint"
        return self.finding(doc, span, replacement="", codes=codes, scope=suppression.scope)
