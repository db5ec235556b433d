"""`check --diff` names files in its headers as git does: a name with a line break, a quote or
non-ASCII is quoted with C escapes, a name with a space ends in a tab, so `patch` applies
each hunk to the file it belongs to and to no other."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from reliability_helpers import house_rule, run_factlint

pytestmark = pytest.mark.model

INJECTED = "notes\n+++ victim.txt"


def _diff(folder: Path, *names: str) -> str:
    house_rule(folder / "rules", {"Kiev": "Kyiv"})
    run = run_factlint("check", "--rules", "rules", "--select", "HS", "--diff", *names, cwd=folder)
    assert run.returncode == 1, run.stderr
    return run.stdout


def test_a_line_break_in_a_name_is_escaped_in_the_headers(tmp_path: Path) -> None:
    (tmp_path / INJECTED).write_text("Ministers met in Kiev.\n", encoding="utf-8")
    (tmp_path / "é s.txt").write_text("Talks in Kiev.\n", encoding="utf-8")
    headers = [
        line
        for line in _diff(tmp_path, INJECTED, "é s.txt").splitlines()
        if line[:4] in ("--- ", "+++ ")
    ]
    assert headers == [
        '--- "a/notes\\n+++ victim.txt"\t',
        '+++ "b/notes\\n+++ victim.txt"\t',
        '--- "a/\\303\\251 s.txt"\t',
        '+++ "b/\\303\\251 s.txt"\t',
    ]


@pytest.mark.skipif(shutil.which("patch") is None, reason="GNU patch is not installed")
def test_patch_applies_the_diff_to_the_named_files_only(tmp_path: Path) -> None:
    (tmp_path / INJECTED).write_text("Ministers met in Kiev.\n", encoding="utf-8")
    (tmp_path / "victim.txt").write_text("untouched\n", encoding="utf-8")
    (tmp_path / "x y.txt").write_text("Talks in Kiev.\n", encoding="utf-8")
    diff = _diff(tmp_path, INJECTED, "x y.txt")
    applied = subprocess.run(
        ["patch", "-p1", "--no-backup-if-mismatch"],
        input=diff,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert applied.returncode == 0, applied.stdout + applied.stderr
    assert (tmp_path / "victim.txt").read_text(encoding="utf-8") == "untouched\n"
    assert (tmp_path / INJECTED).read_text(encoding="utf-8") == "Ministers met in Kyiv.\n"
    assert (tmp_path / "x y.txt").read_text(encoding="utf-8") == "Talks in Kyiv.\n"
