"""Every built-in rule ships cases: at least one where it fires and one where it must not."""

from __future__ import annotations

from factlint.rules.loader import builtin_rules_dir, rule_files
from factlint.testing.cases import audit_cases


def test_every_built_in_rule_has_positive_and_negative_cases() -> None:
    problems = audit_cases(builtin_rules_dir())
    assert not problems, "rules without enough cases:\n" + "\n".join(problems)


def test_the_audit_sees_the_built_in_rules() -> None:
    # An empty or misplaced rules folder would make the audit above pass vacuously.
    assert rule_files(builtin_rules_dir())
