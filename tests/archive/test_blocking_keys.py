"""Blocking keys lose no finding: on every built-in rule's cases, checking one document
against only the others that share a blocking key with it gives the findings on it that the
whole set gives. That is what lets `check --against` read a sliver of the archive."""

from __future__ import annotations

from pathlib import Path

import pytest

from factlint.facts.model import DocumentFacts, FactSet
from factlint.rules.loader import Rule, builtin_rules_dir
from factlint.testing.cases import load_case_file, load_rule_beside
from factlint.testing.texts import build_documents, extract_facts

pytestmark = pytest.mark.model

CASE_FILES = sorted(builtin_rules_dir().rglob("*.cases.yaml"))


def _sharing(rule: Rule, target: DocumentFacts, others: list[DocumentFacts]) -> list[DocumentFacts]:
    probes = rule.kind.probe_keys(target)
    if probes is None:
        return others
    return [d for d in others if probes & (rule.kind.blocking_keys(d) or set())]


@pytest.mark.parametrize("case_file", CASE_FILES, ids=lambda p: p.name.split(".")[0])
def test_a_document_checked_against_what_shares_a_key_gets_the_same_findings(
    case_file: Path,
) -> None:
    rule = load_rule_beside(case_file)
    for case in load_case_file(case_file).cases:
        documents = build_documents([(d.path, d.text, d.published) for d in case.documents])
        facts = extract_facts(documents)
        whole = list(rule.kind.check(facts))
        for target in facts.documents:
            others = [d for d in facts.documents if d is not target]
            kept = {id(d) for d in [target, *_sharing(rule, target, others)]}
            # In the set's order: some messages name the event as the first document does.
            subset = FactSet(
                documents=[d for d in facts.documents if id(d) in kept],
                suppressions=facts.suppressions,
            )
            found = [f for f in rule.kind.check(subset) if f.path == target.path]
            expected = [f for f in whole if f.path == target.path]
            assert sorted(found, key=repr) == sorted(expected, key=repr), (case.name, target.path)


def test_kinds_that_read_one_document_need_no_archive() -> None:
    from factlint.rules.loader import load_rules

    empty = DocumentFacts(path="a.txt")
    local = {r.spec.kind: r.kind.blocking_keys(empty) for r in load_rules()}
    assert local["weekday_mismatch"] == local["chronology"] == set()
    assert all(keys is not None for keys in local.values())
