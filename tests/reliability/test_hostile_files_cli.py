"""Hostile baselines, config files, case files and house-style patterns: each is one error
line naming the file (and line), exit 2, never a traceback or a run out of memory."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from reliability_helpers import house_rule, run_factlint

ARTICLE = "Nothing happened in Lucerne.\n"


def _baseline(findings: str = "[]", version: str = "1", extra: str = "") -> str:
    return f'{{"version": {version}, "tool": "factlint", "findings": {findings}{extra}}}'


BASELINES = {
    "a 5000-digit number": (_baseline(extra=', "n": ' + "9" * 5000), "a number of 5,000 digits"),
    "deep nesting": (_baseline(extra=', "n": ' + "[" * 100_000 + "]" * 100_000), "nested too"),
    "version true": (_baseline(version="true"), "unsupported baseline version true"),
    "version 1.0": (_baseline(version="1.0"), "unsupported baseline version 1.0"),
}


@pytest.fixture
def article(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("name", list(BASELINES))
def test_a_hostile_baseline_is_one_error_line(article: Path, name: str) -> None:
    content, reason = BASELINES[name]
    (article / "base.json").write_text(content, encoding="utf-8")
    run = run_factlint("check", "a.txt", "--baseline", "base.json", cwd=article)
    assert run.returncode == 2, run.stderr
    assert run.stderr.splitlines() == run.errors and len(run.errors) == 1, run.stderr
    assert run.errors[0].startswith("factlint: error: base.json: ") and reason in run.errors[0]


@pytest.mark.parametrize("option", ["--baseline", "--config"])
def test_an_endless_device_is_refused_as_too_large(article: Path, option: str) -> None:
    run = run_factlint("check", "a.txt", option, "/dev/zero", cwd=article)
    assert run.returncode == 2, run.stderr
    assert run.stderr.splitlines() == run.errors and len(run.errors) == 1, run.stderr
    assert run.errors[0].startswith("factlint: error: /dev/zero: ")
    assert "too large to read" in run.errors[0]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("fail-on = " + "9" * 5000 + "\n", "a number too long to read"),
        ("x = " + "[" * 100_000 + "]" * 100_000 + "\n", "nested too deeply"),
    ],
)
def test_a_hostile_config_is_one_error_line(article: Path, content: str, reason: str) -> None:
    (article / "factlint.toml").write_text(content, encoding="utf-8")
    run = run_factlint("check", "a.txt", cwd=article)
    assert run.returncode == 2, run.stderr
    assert run.stderr.splitlines() == run.errors and len(run.errors) == 1, run.stderr
    assert reason in run.errors[0] and "factlint.toml" in run.errors[0]


@pytest.mark.parametrize(
    "pattern",
    ["(?:a{1000}){1000}", "(?:(?:x{100}){100}){100}", "(?:[ab]|c{1000}){1000}"],
)
def test_a_house_pattern_too_large_to_compile_names_its_line(tmp_path: Path, pattern: str) -> None:
    house_rule(tmp_path / "rules", {"Kiev": "Kyiv", pattern: "x"})
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    run = run_factlint("check", "--rules", "rules", "a.txt", cwd=tmp_path)
    assert run.returncode == 2, run.stderr
    assert run.errors == run.stderr.splitlines() and len(run.errors) == 1, run.stderr
    # Line 9 of the rule file: the second pattern of `swap`, at its key (column 5).
    assert run.errors[0].startswith("factlint: error: rules/HS501-house-words.yml:9:5: ")
    assert "too large to compile" in run.errors[0]


RULE = """\
code: TS501
name: house-words
kind: house_style
severity: warning
message: "'{replacement}', not '{text}'"
options:
  swap: {Kiev: Kyiv}
"""


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        (".", "must name a file"),
        ("a/./b.txt", "must name a file"),
        ("a.txt\x00.md", "must not hold a NUL character"),
        ("x" * 300 + ".txt", "longer than 255 bytes"),
    ],
)
@pytest.mark.model
def test_a_case_document_path_that_names_no_file_is_a_collection_error(
    tmp_path: Path, path: str, reason: str
) -> None:
    (tmp_path / "TS501-house.yml").write_text(RULE, encoding="utf-8")
    cases = (
        "cases:\n"
        "  - name: flagged\n"
        "    documents:\n"
        f"      - path: {json.dumps(path)}\n"
        "        text: Talks in Kiev.\n"
        "    expect: []\n"
    )
    (tmp_path / "TS501-house.cases.yaml").write_text(cases, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "TS501-house.cases.yaml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert run.returncode == 2, run.stdout  # a collection error
    assert "TS501-house.cases.yaml:4:15: document path " in run.stdout, run.stdout
    assert reason in run.stdout and "Traceback" not in run.stdout


@pytest.mark.model
def test_a_case_document_that_is_a_folder_of_another_is_a_collection_error(
    tmp_path: Path,
) -> None:
    (tmp_path / "TS501-house.yml").write_text(RULE, encoding="utf-8")
    cases = (
        "cases:\n"
        "  - name: flagged\n"
        "    documents:\n"
        "      - {path: a, text: Talks in Kiev.}\n"
        "      - {path: a/b.txt, text: Talks in Kiev.}\n"
        "    expect: []\n"
    )
    (tmp_path / "TS501-house.cases.yaml").write_text(cases, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "TS501-house.cases.yaml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert run.returncode == 2, run.stdout
    assert "TS501-house.cases.yaml:5:" in run.stdout and "one is a folder of the other" in (
        run.stdout
    ), run.stdout
