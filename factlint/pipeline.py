"""The data flow in one place: documents -> facts -> rules -> findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from factlint.documents import load_documents
from factlint.documents.published import resolve_published
from factlint.errors import InputError
from factlint.facts.model import FactSet
from factlint.findings.model import Finding, sort_findings
from factlint.rules.loader import Rule


@dataclass
class LintResult:
    facts: FactSet
    findings: list[Finding] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)


def collect_facts(
    paths: list[str], reference_date: date | None = None, errors: list[InputError] | None = None
) -> FactSet:
    from factlint.nlp.extract import extract
    from factlint.nlp.model import load_model

    documents = load_documents(paths, on_error=errors.append if errors is not None else None)
    resolve_published(documents, reference_date)
    if not documents:
        return FactSet()
    return FactSet(documents=list(extract(documents, load_model())))


def run_rules(facts: FactSet, rules: list[Rule]) -> list[Finding]:
    findings: list[Finding] = []
    for rule in rules:
        findings.extend(rule.kind.check(facts))
    return sort_findings(findings)


def lint(paths: list[str], rules: list[Rule], reference_date: date | None = None) -> LintResult:
    errors: list[InputError] = []
    facts = collect_facts(paths, reference_date, errors)
    return LintResult(facts=facts, findings=run_rules(facts, rules), errors=errors)


__all__ = ["LintResult", "collect_facts", "lint", "run_rules"]
