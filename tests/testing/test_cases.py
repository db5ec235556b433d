"""Case files without the NLP pass: loading, validation errors, matching, reports, the audit."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from factlint.diagnostics import Evidence, Finding, Fix, Severity
from factlint.errors import RuleFileError
from factlint.rules.loader import Rule
from factlint.rules.model import RuleSpec
from factlint.testing.cases import (
    CaseResult,
    ExpectedFinding,
    audit_cases,
    load_case_file,
    rule_beside,
)
from factlint.testing.matching import differences, match_findings

RULE = "code: TS301\nname: t\nkind: k\nseverity: info\nmessage: m\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def finding(path: str = "b.txt", line: int = 2, text: str = "Khmeimim", **extra: object) -> Finding:
    fields: dict[str, object] = {
        "code": "TS301",
        "rule": "t",
        "severity": Severity.warning,
        "message": f"'{text}' is spelled 'Hmeimim'",
        "path": path,
        "line": line,
        "column": 5,
        "end_line": line,
        "end_column": 5 + len(text),
        "text": text,
    }
    fields.update(extra)
    return Finding.model_validate(fields)


def expect(**fields: object) -> ExpectedFinding:
    return ExpectedFinding.model_validate(fields)


def test_a_case_file_loads_with_dates_and_case_lines(tmp_path: Path) -> None:
    path = write(
        tmp_path / "X.cases.yaml",
        """
        cases:
          - name: first
            documents:
              - path: a.txt
                published: 2026-01-28
                text: |
                  One.
            expect: []
          - name: second
            documents: [{path: b.md, text: "Two."}]
            expect:
              - path: b.md
                fix: null
        """,
    )
    cases = load_case_file(path).cases
    assert [c.name for c in cases] == ["first", "second"]
    assert [c.line for c in cases] == [2, 9]
    assert str(cases[0].documents[0].published) == "2026-01-28"
    assert cases[0].documents[0].text == "One.\n"
    assert cases[1].expect[0].checks_fix and cases[1].expect[0].fix is None
    assert not expect(path="b.md").checks_fix


@pytest.mark.parametrize(
    ("text", "location", "reason"),
    [
        ("", "1:1", "a case file must be a YAML mapping"),
        ("cases: []\n", "1:1", "'cases': List should have at least 1 item"),
        (
            "cases:\n  - name: a\n    documents: []\n    expect: []\n",
            "3:5",
            "'documents': List should have at least 1 item",
        ),
        (
            "cases:\n  - name: a\n    documents: [{path: a.txt, text: x, date: 2024-01-01}]\n"
            "    expect: []\n",
            "3:40",
            "unknown key 'date' (allowed: path, published, text)",
        ),
        (
            "cases:\n  - name: a\n    documents: [{path: a.txt, text: x}]\n"
            "    expect: [{path: a.txt, message: '(unclosed'}]\n",
            "4:37",
            "'message': not a valid regular expression",
        ),
        (
            "cases:\n  - name: a\n    documents: [{path: a.txt, text: x}, {path: a.txt, text: y}]\n"
            "    expect: []\n",
            "3:48",
            "duplicate document path 'a.txt'",
        ),
        (
            "cases:\n  - name: a\n    documents: [{path: ../a.txt, text: x}]\n    expect: []\n",
            "3:24",
            "document path '../a.txt' must be relative",
        ),
        (
            "cases:\n  - name: a\n    documents: [{path: a.txt, text: x}]\n    expect: []\n"
            "  - name: a\n    documents: [{path: a.txt, text: x}]\n    expect: []\n",
            "5:11",
            "duplicate case name 'a'",
        ),
        (
            "cases:\n  - name: a\n    documents: [{path: a.txt, text: x}]\n"
            "    expect: [{path: a.txt, evidence: [c.txt:3]}]\n",
            "4:39",
            "evidence 'c.txt:3' is not 'path' or 'path:line' of a document",
        ),
        (
            "cases:\n  - name: a\n    documents: [{path: a.txt, text: 2024}]\n    expect: []\n",
            "3:37",
            "'text': Input should be a valid string",
        ),
    ],
)
def test_malformed_case_files_name_line_column_and_reason(
    tmp_path: Path, text: str, location: str, reason: str
) -> None:
    path = write(tmp_path / "X.cases.yaml", text)
    with pytest.raises(RuleFileError) as caught:
        load_case_file(path)
    assert caught.value.location == f"{path}:{location}"
    assert reason in caught.value.message


def test_the_rule_file_beside_a_case_file(tmp_path: Path) -> None:
    cases = write(tmp_path / "X1-a.cases.yaml", "cases: []\n")
    with pytest.raises(RuleFileError, match=r"no rule file X1-a\.yml beside"):
        rule_beside(cases)
    rule = write(tmp_path / "X1-a.yaml", RULE)
    assert rule_beside(cases) == rule


def test_differences_name_each_field_that_does_not_match() -> None:
    actual = finding(
        evidence=[Evidence(path="a.txt", line=1, column=5, text="Hmeimim")],
        fix=Fix(replacement="Hmeimim"),
    )
    assert differences(expect(path="b.txt"), actual) == []
    full = expect(
        path="b.txt",
        line=2,
        column=5,
        text="Khmeimim",
        evidence=["a.txt:1"],
        fix="Hmeimim",
        message=r"spelled '\w+'",
    )
    assert differences(full, actual) == []
    wrong = expect(
        path="b.txt",
        line=3,
        text="Hmeimim",
        evidence=["b.txt"],
        fix=None,
        message="misspelt",
    )
    assert differences(wrong, actual) == [
        "line: expected 3, got 2",
        "text: expected 'Hmeimim', got 'Khmeimim'",
        "fix: expected None, got 'Hmeimim'",
        "message: \"'Khmeimim' is spelled 'Hmeimim'\" does not match /misspelt/",
        "evidence: expected ['b.txt'], got ['a.txt:1']",
    ]


def test_evidence_must_cover_and_be_covered_by_the_expected_refs() -> None:
    two = finding(
        evidence=[
            Evidence(path="a.txt", line=1, column=1, text="Hmeimim"),
            Evidence(path="a.txt", line=4, column=1, text="Hmeimim"),
        ]
    )
    assert differences(expect(path="b.txt", evidence=["a.txt"]), two) == []
    assert differences(expect(path="b.txt", evidence=["a.txt:1", "a.txt:4"]), two) == []
    assert differences(expect(path="b.txt", evidence=["a.txt:1"]), two)  # a.txt:4 unexplained
    assert differences(expect(path="b.txt", evidence=["a.txt", "c.txt"]), two)  # c.txt missing
    assert differences(expect(path="b.txt", evidence=[]), two)
    assert differences(expect(path="b.txt", evidence=[]), finding()) == []


def test_matching_is_one_to_one_and_finds_a_full_matching_when_one_exists() -> None:
    actual = [finding(line=1), finding(line=2)]
    # The loose expectation comes first and fits both; greedy would take line 1 from the other.
    expected = [expect(path="b.txt"), expect(path="b.txt", line=1)]
    assert match_findings(expected, actual) == {0: 1, 1: 0}
    assert match_findings([expect(path="b.txt"), expect(path="b.txt")], [finding()]) == {0: 0}
    assert match_findings([expect(path="a.txt")], actual) == {}


def _result(tmp_path: Path, expected: list[ExpectedFinding], actual: list[Finding]) -> CaseResult:
    path = write(
        tmp_path / "X.cases.yaml",
        """
        cases:
          - name: variants
            documents:
              - path: a.txt
                text: |
                  The Hmeimim airbase.
              - path: b.txt
                text: |
                  First line.
                  The Khmeimim airbase.
                  Last line.
            expect: []
        """,
    )
    case = load_case_file(path).cases[0]
    case.expect = expected
    spec = RuleSpec(code="TS301", name="t", kind="k", severity=Severity.warning, message="m")
    rule = Rule(spec=spec, kind=None, path=tmp_path / "X.yml")  # type: ignore[arg-type]
    return CaseResult(case, rule, actual, match_findings(expected, actual))


def test_a_report_marks_missing_and_unexpected_findings_with_their_lines(tmp_path: Path) -> None:
    result = _result(tmp_path, [expect(path="b.txt", line=3, text="Khmeimim")], [finding()])
    assert not result.passed
    assert result.missing == [0] and result.unexpected == [0]
    report = result.report("X.cases.yaml", "X.yml")
    assert report.splitlines()[:3] == [
        "TS301 t: case 'variants' failed: 1 expected finding missing, 1 unexpected finding",
        "  case: X.cases.yaml:2",
        "  rule: X.yml",
    ]
    assert "  - b.txt:3 text='Khmeimim'   <- missing" in report
    assert (
        "  + TS301 b.txt:2:5 'Khmeimim': 'Khmeimim' is spelled 'Hmeimim'   <- unexpected" in report
    )
    assert "nearest unexpected: TS301 b.txt:2:5 'Khmeimim'; line: expected 3, got 2" in report
    # The unexpected finding, underlined in its line, between its neighbours.
    assert "    1 | First line.\n  > 2 | The Khmeimim airbase.\n      |     ^^^^^^^^" in report
    assert "  > 3 | Last line." in report


def test_a_passing_result(tmp_path: Path) -> None:
    result = _result(tmp_path, [expect(path="b.txt", line=2)], [finding()])
    assert result.passed and result.pairs == {0: 0}


def test_audit_flags_rules_without_cases_or_without_positive_or_negative_ones(
    tmp_path: Path,
) -> None:
    positive = "  - name: p\n    documents: [{path: a.txt, text: x}]\n    expect: [{path: a.txt}]\n"
    negative = "  - name: n\n    documents: [{path: a.txt, text: x}]\n    expect: []\n"
    write(tmp_path / "f" / "TS301-ok.yml", RULE)
    write(tmp_path / "f" / "TS301-ok.cases.yaml", "cases:\n" + positive + negative)
    write(tmp_path / "f" / "TS302-none.yml", RULE)
    write(tmp_path / "g" / "TS303-pos.yml", RULE)
    write(tmp_path / "g" / "TS303-pos.cases.yaml", "cases:\n" + positive)
    write(tmp_path / "g" / "TS304-neg.yml", RULE)
    write(tmp_path / "g" / "TS304-neg.cases.yaml", "cases:\n" + negative)
    write(tmp_path / "g" / "TS305-bad.yml", RULE)
    write(tmp_path / "g" / "TS305-bad.cases.yaml", "cases: {}\n")
    assert audit_cases(tmp_path) == [
        f"{tmp_path}/f/TS302-none.yml: no case file TS302-none.cases.yaml beside it",
        f"{tmp_path}/g/TS303-pos.cases.yaml: no negative case (one with 'expect: []')",
        f"{tmp_path}/g/TS304-neg.cases.yaml: no positive case (one with findings in 'expect')",
        f"{tmp_path}/g/TS305-bad.cases.yaml:1:1: 'cases': Input should be a valid list",
    ]


def test_jsonl_records_are_named_by_their_record_paths(tmp_path: Path) -> None:
    path = write(
        tmp_path / "X.cases.yaml",
        """
        cases:
          - name: records
            documents:
              - path: feed.jsonl
                text: |
                  {"text": "One."}
                  {"text": "Two."}
            expect:
              - path: feed.jsonl:2
                evidence: ["feed.jsonl:1"]
        """,
    )
    expected = load_case_file(path).cases[0].expect[0]
    record = finding(
        path="feed.jsonl:2",
        evidence=[Evidence(path="feed.jsonl:1", line=1, column=11, text="One")],
    )
    assert differences(expected, record) == []
    elsewhere = finding(
        path="feed.jsonl:2",
        evidence=[Evidence(path="feed.jsonl:3", line=3, column=11, text="One")],
    )
    assert differences(expected, elsewhere)


def test_a_line_in_the_path_of_a_text_document_is_refused(tmp_path: Path) -> None:
    path = write(
        tmp_path / "X.cases.yaml",
        "cases:\n  - name: a\n    documents: [{path: a.txt, text: x}]\n"
        "    expect: [{path: 'a.txt:3'}]\n",
    )
    with pytest.raises(RuleFileError, match=r"'a\.txt:3' is not a document of this case"):
        load_case_file(path)
