"""The pytest plugin, run on throwaway projects (pytester) with a rule kind of their own."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tests.testing.conftest import RuleProject

POSITIVE = """
cases:
  - name: a 2023 date is flagged
    documents:
      - path: a.txt
        published: 2024-03-05
        text: |
          The summit was held on March 3, 2024.
      - path: b.txt
        text: |
          Leaders met on
          and signed a pact on March 4, 2023.
    expect:
      - path: b.txt
        line: 2
        text: March 4, 2023
        evidence: ["a.txt:1"]
        fix: "2024"
        message: is in 2023
  - name: other years stay quiet
    documents:
      - path: a.txt
        text: |
          The summit was held on March 3, 2024.
    expect: []
"""


@pytest.mark.model
def test_passing_cases_are_collected_with_readable_ids(rule_project: RuleProject) -> None:
    rule_project.cases(POSITIVE)
    result = rule_project.run("-v")
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(
        [
            "rules/dates/TS101-flag-year.cases.yaml::a 2023 date is flagged PASSED*",
            "rules/dates/TS101-flag-year.cases.yaml::other years stay quiet PASSED*",
        ]
    )


@pytest.mark.model
def test_a_failing_case_shows_expected_actual_and_the_document_line(
    rule_project: RuleProject,
) -> None:
    rule_project.cases(POSITIVE.replace("line: 2", "line: 1"))
    result = rule_project.run()
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*TS101 flag-year: case 'a 2023 date is flagged' failed: "
            "1 expected finding missing, 1 unexpected finding",
            "  case: rules/dates/TS101-flag-year.cases.yaml:2",
            "expected (1):",
            "  - b.txt:1 text='March 4, 2023'*<- missing",
            "actual (1):",
            "  + TS101 b.txt:2:22 'March 4, 2023': 'March 4, 2023' is in 2023*<- unexpected",
            "      evidence: a.txt:1:24 'March 3, 2024'",
            "*nearest unexpected: *line: expected 1, got 2",
            "+ unexpected: TS101 b.txt:2:22*",
            "  b.txt",
            "    1 | Leaders met on",
            "  > 2 | and signed a pact on March 4, 2023.",
            "      |                      ^^^^^^^^^^^^^",
        ]
    )
    # A diff, not a traceback into factlint.
    result.stdout.no_fnmatch_line("*Traceback*")
    result.stdout.no_fnmatch_line("*factlint/testing/*")


@pytest.mark.model
def test_an_empty_expect_fails_when_the_rule_fires(rule_project: RuleProject) -> None:
    rule_project.cases(
        """
        cases:
          - name: must stay quiet
            documents:
              - path: a.txt
                text: |
                  Talks began.
                  They ended on March 3, 2023.
            expect: []
        """
    )
    result = rule_project.run()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "*case 'must stay quiet' failed: 1 unexpected finding",
            "expected (0): none (expect: [])",
            "  + TS101 a.txt:2:15 'March 3, 2023'*<- unexpected",
            "    1 | Talks began.",
            "  > 2 | They ended on March 3, 2023.",
            "      |               ^^^^^^^^^^^^^",
        ]
    )


@pytest.mark.model
def test_each_expected_finding_needs_its_own_actual_finding(rule_project: RuleProject) -> None:
    rule_project.cases(
        """
        cases:
          - name: one finding cannot satisfy two expectations
            documents:
              - path: a.txt
                text: |
                  It happened on March 3, 2023.
            expect:
              - path: a.txt
              - path: a.txt
        """
    )
    result = rule_project.run()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*1 expected finding missing", "  - a.txt   <- missing"])


@pytest.mark.model
def test_a_wrong_fix_or_evidence_fails(rule_project: RuleProject) -> None:
    rule_project.cases(
        POSITIVE.replace('fix: "2024"', 'fix: "2025"').replace('["a.txt:1"]', '["b.txt"]')
    )
    result = rule_project.run()
    result.assert_outcomes(passed=1, failed=1)
    assert (
        "fix: expected '2025', got '2024'; evidence: expected ['b.txt'], got ['a.txt:1']"
        in result.stdout.str()
    )


@pytest.mark.model
def test_cases_in_any_folder_the_user_points_at(
    make_rule_project: Callable[[str], RuleProject],
) -> None:
    project = make_rule_project("my_rules")
    project.cases(POSITIVE)
    result = project.run("my_rules", "-m", "model")
    result.assert_outcomes(passed=2)


def test_cases_carry_the_model_marker(rule_project: RuleProject) -> None:
    rule_project.cases(POSITIVE)
    result = rule_project.run("-m", "not model", "--strict-markers")
    result.assert_outcomes(deselected=2)


@pytest.mark.parametrize(
    ("yaml", "location", "reason"),
    [
        (
            """
            cases:
              - name: typo
                documents:
                  - path: a.txt
                    text: hi
                expected: []
            """,
            "6:5",
            "unknown key 'expected' (allowed: name, documents, expect)",
        ),
        (
            """
            cases:
              - name: bad line
                documents:
                  - path: a.txt
                    text: hi
                expect:
                  - path: a.txt
                    line: first
            """,
            "8:15",
            "'line': Input should be a valid integer*",
        ),
        (
            """
            cases:
              - name: unknown document
                documents:
                  - path: a.txt
                    text: hi
                expect:
                  - path: c.txt
            """,
            "7:15",
            "'c.txt' is not a document of this case (documents: a.txt)",
        ),
        (
            """
            cases:
              - name: broken yaml
                documents: [
            """,
            "4:1",
            "malformed YAML*",
        ),
    ],
)
def test_a_malformed_case_file_is_a_collection_error_naming_file_and_line(
    rule_project: RuleProject, yaml: str, location: str, reason: str
) -> None:
    rule_project.cases(yaml)
    result = rule_project.run()
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(
        [
            "*ERROR collecting rules/dates/TS101-flag-year.cases.yaml*",
            f"rules/dates/TS101-flag-year.cases.yaml:{location}: {reason}",
        ]
    )
    result.stdout.no_fnmatch_line("*Traceback*")


def test_a_case_file_of_aliases_of_aliases_is_refused_at_collection(
    rule_project: RuleProject,
) -> None:
    # 16 KB: a case that is a thousand aliases of one document, repeated as a thousand
    # aliases of the case, expanded to a million documents when validated (36 s, 0.5 GB).
    many = 1000
    documents = "[&doc {path: a.txt, text: hi}" + ", *doc" * (many - 1) + "]"
    lines = ["cases:", "  - &case", "    name: x", f"    documents: {documents}", "    expect: []"]
    rule_project.cases("\n".join([*lines, *["  - *case"] * (many - 1)]) + "\n")
    result = rule_project.pytester.runpytest_subprocess("-p", "no:cacheprovider", timeout=60)
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(
        [
            "rules/dates/TS101-flag-year.cases.yaml:2:3: malformed YAML: more than 100000 values"
            " once its aliases are expanded"
        ]
    )


def test_a_case_file_without_a_rule_beside_it_is_a_collection_error(
    rule_project: RuleProject,
) -> None:
    (rule_project.folder / "TS999-orphan.cases.yaml").write_text(
        "cases:\n  - name: x\n    documents: [{path: a.txt, text: hi}]\n    expect: []\n"
    )
    rule_project.cases(POSITIVE)
    result = rule_project.run("--collect-only")
    result.stdout.fnmatch_lines(
        ["rules/dates/TS999-orphan.cases.yaml:1:1: no rule file TS999-orphan.yml beside*"]
    )


def test_a_malformed_rule_file_is_a_collection_error_naming_the_rule_file(
    rule_project: RuleProject,
) -> None:
    rule = rule_project.folder / "TS101-flag-year.yml"
    rule.write_text(rule.read_text().replace("kind: plugin_test_year", "kind: no_such_kind"))
    rule_project.cases(POSITIVE)
    result = rule_project.run()
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(
        ["rules/dates/TS101-flag-year.yml:3:7: unknown kind 'no_such_kind'*"]
    )


@pytest.mark.model
def test_a_user_error_while_running_a_case_is_one_line(rule_project: RuleProject) -> None:
    rule = rule_project.folder / "TS101-flag-year.yml"
    rule.write_text(rule.read_text() + '  error: "cannot read: no such file"\n')
    rule_project.cases(POSITIVE)
    result = rule_project.run()
    result.assert_outcomes(failed=2)
    result.stdout.fnmatch_lines(["factlint: error: vocabulary.txt: cannot read: no such file"])
    result.stdout.no_fnmatch_line("*Traceback*")
