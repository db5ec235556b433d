"""A bad rule file stops `factlint check` before any document is read: one line with
path:line:column and the reason, exit 2, no traceback, and no word about the documents
(a missing path and a binary file among them would otherwise be reported too)."""

from __future__ import annotations

from pathlib import Path

import pytest
from reliability_helpers import run_factlint

GOOD = """\
code: XX101
name: house-variant
kind: variant_spelling
severity: warning
message: "'{text}' should be '{canonical}'"
"""
HOUSE = """\
code: XX501
name: house-words
kind: house_style
severity: info
message: "'{replacement}', not '{text}'"
options:
  swap:
    Kiev: Kyiv
"""


def _folder(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = tmp_path / "house"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


BAD_PATTERN = HOUSE + "    '(?<year>\\d+': x\n"
# Aliases of aliases: ten of the one before, nine deep, a billion values once expanded.
ALIAS_BOMB = (
    GOOD
    + "labels:\n  a0: &a0 ["
    + ", ".join(["lol"] * 10)
    + "]\n"
    + "".join(f"  a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 9))
)
CASES = [
    # (id, rule files, file:line:col expected in the one error line, reason)
    ("malformed-yaml", {"XX101-a.yml": "code: XX101\nname: [unclosed\n"}, "XX101-a.yml:3:1",
     "malformed YAML"),
    ("tab-indented-yaml", {"XX101-a.yml": GOOD + "options:\n\tmin_length: 3\n"},
     "XX101-a.yml:7:1", "malformed YAML"),
    ("not-a-mapping", {"XX101-a.yml": "- just\n- a list\n"}, "XX101-a.yml:1:1",
     "must be a YAML mapping"),
    ("unknown-kind", {"XX101-a.yml": GOOD.replace("variant_spelling", "spell_checker")},
     "XX101-a.yml:3:7", "unknown kind 'spell_checker'"),
    ("wrong-option-type", {"XX101-a.yml": GOOD + "options:\n  min_length: many\n"},
     "XX101-a.yml:7:15", "options.min_length"),
    ("option-list-for-number", {"XX101-a.yml": GOOD + "options:\n  min_length: [4]\n"},
     "XX101-a.yml:7:3", "options.min_length"),
    ("unknown-option", {"XX101-a.yml": GOOD + "options:\n  min_lenght: 4\n"},
     "XX101-a.yml:7:3", "unknown key 'options.min_lenght'"),
    ("duplicate-code", {"XX101-a.yml": GOOD, "XX101-b.yml": GOOD.replace("house-variant", "b")},
     "XX101-b.yml:1:7", "duplicate code XX101"),
    ("duplicate-builtin-code", {"FL301-mine.yml": GOOD.replace("XX101", "FL301")},
     "FL301-mine.yml:1:7", "duplicate code FL301"),
    ("bad-pattern", {"XX501-h.yml": BAD_PATTERN}, "XX501-h.yml:9:5", "invalid regular expression"),
    ("not-utf8", {"XX101-a.yml": "code: XX101\nname: caf\udce9\n"}, "XX101-a.yml",
     "cannot read rule file"),
    # Hostile templates: a gigabyte of padding per finding, or a walk through Python objects.
    ("message-format-spec", {"XX101-a.yml": GOOD.replace("{text}", "{text:>999999999999}")},
     "XX101-a.yml:5:10", "without '!' or ':'"),
    ("message-attribute", {"XX101-a.yml": GOOD.replace("{text}", "{text.__class__}")},
     "XX101-a.yml:5:10", "unknown placeholder 'text.__class__'"),
    ("message-unbalanced", {"XX101-a.yml": GOOD.replace("{text}", "{text")},
     "XX101-a.yml:5:10", "not a valid template"),
    ("alias-bomb", {"XX101-a.yml": ALIAS_BOMB}, "XX101-a.yml:11:7",
     "more than 100000 values once its aliases are expanded"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("files", "where", "reason"), [pytest.param(f, w, r, id=i) for i, f, w, r in CASES]
)
def test_a_bad_rule_file_is_the_only_error_and_no_document_is_read(
    tmp_path: Path, files: dict[str, str], where: str, reason: str
) -> None:
    folder = tmp_path / "house"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_bytes(text.encode("utf-8", "surrogateescape"))
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    run = run_factlint(
        "check", str(tmp_path / "gone.txt"), str(binary), "--rules", str(folder), "--no-cache"
    )
    assert "Traceback" not in run.stderr
    assert run.returncode == 2
    assert run.stdout == ""
    (line,) = run.stderr.splitlines()
    assert line.startswith(f"factlint: error: {folder / where}"), line
    assert reason in line


def test_a_rule_folder_that_does_not_exist(tmp_path: Path) -> None:
    run = run_factlint(
        "check", str(tmp_path / "gone.txt"), "--rules", str(tmp_path / "no-rules"), "--no-cache"
    )
    assert "Traceback" not in run.stderr
    assert run.returncode == 2
    missing = tmp_path / "no-rules"
    assert run.stderr == f"factlint: error: {missing}: rule folder or file does not exist\n"


def test_rules_and_explain_report_the_same_error(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"XX501-h.yml": HOUSE + "    'a{2,1}': x\n"})
    for command in (["rules"], ["explain", "XX501"]):
        run = run_factlint(*command, "--rules", str(folder))
        assert run.returncode == 2
        (line,) = run.stderr.splitlines()
        assert line.startswith(f"factlint: error: {folder / 'XX501-h.yml'}:9:5: ")
