"""Rule files are validated when loaded; every error names path:line:column and the reason."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from factlint.errors import RuleFileError
from factlint.rules.loader import builtin_rules_dir, load_rules

GOOD = """\
code: XX101
name: house-variant
kind: variant_spelling
severity: warning
message: "'{text}' should be '{canonical}'"
"""


def write(tmp_path: Path, text: str, name: str = "XX101-house.yml") -> Path:
    folder = tmp_path / "house"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def load_error(folder: Path) -> str:
    with pytest.raises(RuleFileError) as info:
        load_rules([folder])
    return str(info.value)


def test_builtin_rules_load_with_unique_codes() -> None:
    rules = load_rules()
    codes = [r.spec.code for r in rules]
    assert len(codes) == len(set(codes)) >= 9
    assert builtin_rules_dir().is_dir()


def test_user_folder_adds_rules(tmp_path: Path) -> None:
    rules = load_rules([write(tmp_path, GOOD)])
    assert "XX101" in [r.spec.code for r in rules]


@pytest.mark.parametrize(
    ("text", "where", "reason"),
    [
        (GOOD.replace("variant_spelling", "no_such_kind"), ":3:7", "unknown kind 'no_such_kind'"),
        (GOOD + "options:\n  min_lenght: 3\n", ":7:3", "unknown key 'options.min_lenght'"),
        (GOOD + "options:\n  min_length: many\n", ":7:15", "options.min_length"),
        (GOOD.replace("severity: warning", "severity: fatal"), ":4:11", "severity"),
        (GOOD + "colour: red\n", ":6:1", "unknown key 'colour'"),
        ("code: XX101\nname: [unclosed\n", ":3:1", "malformed YAML"),
        (GOOD.replace("{canonical}", "{nope}"), ":5:10", "unknown placeholder"),
        (GOOD + "options:\n  local_message: '{text} {nope}'\n", ":7:18", "unknown placeholder"),
    ],
)
def test_bad_rule_files(tmp_path: Path, text: str, where: str, reason: str) -> None:
    folder = write(tmp_path, text)
    message = load_error(folder)
    assert f"XX101-house.yml{where}" in message
    assert reason in message


def test_duplicate_code_names_both_files(tmp_path: Path) -> None:
    folder = write(tmp_path, GOOD)
    write(tmp_path, GOOD, "XX101-again.yml")
    message = load_error(folder)
    assert "duplicate code XX101" in message


def test_missing_rule_folder(tmp_path: Path) -> None:
    assert "rule folder or file does not exist" in load_error(tmp_path / "nowhere")


def test_cli_reports_bad_rule_file_with_exit_2(tmp_path: Path) -> None:
    folder = write(tmp_path, GOOD.replace("variant_spelling", "no_such_kind"))
    doc = tmp_path / "a.txt"
    doc.write_text("Nothing to see.\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "factlint", "check", str(doc), "--rules", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 2
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "XX101-house.yml:3:7" in lines[0]
    assert "Traceback" not in run.stderr
