"""CLI conventions users bring from Ruff and Vale, run as users run them."""

from __future__ import annotations

import json
import re

import pytest
from conftest import Folder

from factlint import __version__

HOUSE_RULE = """\
code: HS501
name: house-words
kind: house_style
severity: warning
message: "house style: '{replacement}', not '{text}'"
description: House spellings.
options:
  swap: {Kiev: Kyiv}
"""

STORY = {
    "a.txt": "Russian jets flew from the Khmeimim air base on Monday.\n",
    "b.txt": "The Hmeimim air base stayed open.\n",
    "c.txt": "Jets left Hmeimim after the storm.\n",
}
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def story(folder: Folder) -> None:
    for name, text in STORY.items():
        folder.write(f"news/{name}", text)


# Every command reads the same configuration ------------------------------------------------


def test_rules_and_explain_know_the_rules_the_config_adds(folder: Folder) -> None:
    folder.write("factlint.toml", 'rules = ["house"]\n')
    folder.write("house/HS501-house-words.yml", HOUSE_RULE)
    listed = folder.run("rules")
    assert listed.returncode == 0, listed.stderr
    assert any(line.startswith("HS501") for line in listed.stdout.splitlines())
    explained = folder.run("explain", "HS501")
    assert explained.returncode == 0, explained.stderr
    assert explained.stdout.startswith("HS501 house-words")


# Usage errors are one line ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--fail-on", "bogus"],
            "factlint: error: --fail-on: 'bogus' is not one of error, warning, info, none",
        ),
        (["--bogus"], "factlint: error: no such option: --bogus"),
        (["--jobs"], "factlint: error: option '--jobs' requires an argument"),
        (["--ignore", "ZZ999"], "factlint: error: --ignore: ignore: 'ZZ999' matches no rule"),
        (["--select", "ZZ999"], "factlint: error: --select: select: 'ZZ999' matches no rule"),
    ],
)  # fmt: skip
def test_usage_errors_are_one_line(folder: Folder, args: list[str], message: str) -> None:
    folder.write("a.txt", "Text.\n")
    run = folder.run("check", "a.txt", *args)
    assert run.returncode == 2
    assert len(run.stderr.splitlines()) == 1, run.stderr
    assert run.stderr.startswith(message), run.stderr
    assert "╭" not in run.stderr and "Usage:" not in run.stderr


def test_a_missing_argument_is_one_line(folder: Folder) -> None:
    run = folder.run("check")
    assert (run.returncode, run.stderr) == (2, "factlint: error: missing argument PATH\n")


def test_help_has_plain_metavars_and_no_panels(folder: Folder) -> None:
    text = folder.run("check", "--help", env={"COLUMNS": "120"}).stdout
    assert "╭" not in text
    options = text.split("Options:", 1)[1]
    assert "<list[" not in options and "<path>" not in options and "<str>" not in options
    assert "--output FILE" in text and "--rules PATH" in text and "--fail-on LEVEL" in text


def test_rules_takes_a_single_rule_file(folder: Folder) -> None:
    rule = folder.write("HS501-house-words.yml", HOUSE_RULE)
    run = folder.run("rules", "--rules", str(rule))
    assert run.returncode == 0, run.stderr
    assert any(line.startswith("HS501") for line in run.stdout.splitlines())


def test_output_into_a_missing_folder_fails_before_the_lint(folder: Folder) -> None:
    # The input does not exist either: only the --output error shows, the lint never ran.
    run = folder.run("check", "missing.txt", "--output", "nowhere/report.json")
    assert run.returncode == 2
    assert run.stderr.splitlines() == [
        "factlint: error: --output: cannot write 'nowhere/report.json':"
        " the folder 'nowhere' does not exist"
    ]


def test_short_version_flag(folder: Folder) -> None:
    run = folder.run("-V")
    assert (run.returncode, run.stdout) == (0, f"factlint {__version__}\n")


# Options that need findings ------------------------------------------------------------------


@pytest.mark.model
def test_exit_zero_and_fail_on_none(folder: Folder) -> None:
    story(folder)
    assert folder.run("check", "news").returncode == 1
    assert folder.run("check", "news", "--exit-zero").returncode == 0
    assert folder.run("check", "news", "--fail-on", "none").returncode == 0


@pytest.mark.model
def test_output_format_alias_and_environment(folder: Folder) -> None:
    story(folder)
    alias = folder.run("check", "news", "--output-format", "json")
    assert json.loads(alias.stdout)["findings"]
    env = folder.run("check", "news", env={"FACTLINT_OUTPUT_FORMAT": "json"})
    assert json.loads(env.stdout) == json.loads(alias.stdout)


@pytest.mark.model
def test_quiet_prints_the_findings_only(folder: Folder) -> None:
    story(folder)
    run = folder.run("check", "news", "--quiet")
    assert run.stdout.startswith("news/a.txt:1:")
    assert "Found" not in run.stdout


@pytest.mark.model
def test_extend_select_adds_to_the_configured_selection(folder: Folder) -> None:
    story(folder)
    folder.write("factlint.toml", 'select = ["FL1"]\n')
    assert json.loads(folder.run("check", "news", "-f", "json").stdout)["findings"] == []
    run = folder.run("check", "news", "-f", "json", "--extend-select", "FL301")
    assert {f["code"] for f in json.loads(run.stdout)["findings"]} == {"FL301"}


@pytest.mark.model
def test_stdin_filename_names_standard_input(folder: Folder) -> None:
    story(folder)
    run = folder.run(
        "check",
        "news/b.txt",
        "news/c.txt",
        "-",
        "--stdin-filename",
        "news/a.txt",
        "-f",
        "json",
        stdin=STORY["a.txt"],
    )
    (finding,) = json.loads(run.stdout)["findings"]
    assert finding["path"] == "news/a.txt"


@pytest.mark.model
def test_gitlab_and_rdjson_formats(folder: Folder) -> None:
    story(folder)
    issues = json.loads(folder.run("check", "news", "-f", "gitlab").stdout)
    (issue,) = issues
    assert issue["check_name"].startswith("FL301")
    assert issue["location"]["path"] == "news/a.txt"
    assert issue["location"]["positions"]["begin"] == {"line": 1, "column": 28}
    assert issue["severity"] == "minor" and len(issue["fingerprint"]) == 32
    rdjson = json.loads(folder.run("check", "news", "-f", "rdjson").stdout)
    (diagnostic,) = rdjson["diagnostics"]
    assert diagnostic["code"]["value"] == "FL301"
    assert diagnostic["location"]["range"]["start"] == {"line": 1, "column": 28}
    assert diagnostic["suggestions"][0]["text"] == "Hmeimim"


@pytest.mark.model
def test_the_terminal_excerpt_fits_the_terminal(folder: Folder) -> None:
    long_line = (
        "Officials said on Monday that " * 8
        + "Russian jets flew from the Khmeimim air base "
        + "while talks went on in the capital, " * 8
    )
    folder.write("news/a.txt", long_line + "\n")
    for name in ("b.txt", "c.txt"):
        folder.write(f"news/{name}", STORY[name])
    run = folder.run("check", "news", env={"FORCE_COLOR": "1", "COLUMNS": "60"})
    lines = [ANSI.sub("", line) for line in run.stdout.splitlines()]
    quoted = next(i for i, line in enumerate(lines) if line.startswith("    1 │ "))
    assert len(lines[quoted]) <= 60 and len(lines[quoted + 1]) <= 60
    column = lines[quoted + 1].index("^")
    assert lines[quoted][column : column + len("Khmeimim")] == "Khmeimim"
