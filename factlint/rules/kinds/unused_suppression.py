"""`unused_suppression`: suppression comments that silence nothing."""

from __future__ import annotations

from collections.abc import Iterable

from factlint.diagnostics import Finding
from factlint.documents.suppressions import Suppression
from factlint.facts.model import DocumentFacts, FactSet, Span
from factlint.rules.base import FindingsPhase, RuleKind
from factlint.rules.model import KindOptions
from factlint.rules.registry import register


@register("unused_suppression")
class UnusedSuppression(RuleKind[KindOptions]):
    """Reports `<!-- factlint: ignore ... -->` and `disable` comments that silence no finding.

    Whether a comment is used depends on every other rule's findings, so this kind runs in the
    findings phase (`check_findings`, after the other rules and the inline suppressions) and
    reports only comments that name a rule that ran (or no rule). Run on its own (`check`), as
    in rule cases, no other rule has reported anything, so every suppression comment is
    unused. The fix deletes the comment.
    """

    message_fields = {
        "codes": "the rule codes the comment names ('factlint' when it names none)",
        "scope": "what the comment covers, e.g. 'this line' or 'lines 3-9'",
    }
    phase = "findings"

    def blocking_keys(self, doc: DocumentFacts) -> set[str]:
        return set()  # one document at a time

    def check(self, facts: FactSet) -> Iterable[Finding]:
        for doc in facts.documents:
            for suppression in facts.suppressions_of(doc.path):
                yield self.unused(doc, suppression)

    def check_findings(self, facts: FactSet, run: FindingsPhase) -> Iterable[Finding]:
        code = self.spec.code
        for doc in facts.documents:
            if not run.enabled(code, doc.path):
                continue
            for index, suppression in enumerate(facts.suppressions_of(doc.path)):
                if (doc.path, index) in run.used:
                    continue
                ran = any(
                    suppression.applies_to(other) and run.enabled(other, doc.path)
                    for other in run.codes
                )
                if suppression.codes and not ran:
                    continue
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
