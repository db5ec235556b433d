"""Runs that would pass in silence without checking anything say so instead: an empty rule
selection is a usage error (exit 2), and paths that hold no readable document give a
warning (exit 0, as Ruff's "No Python files found")."""

from __future__ import annotations

from pathlib import Path

import pytest
from reliability_helpers import house_rule, run_factlint

pytestmark = pytest.mark.model

NO_RULE = "selects no rule"
NO_DOCUMENTS = "factlint: warning: no documents found under the given path(s)"


@pytest.fixture
def flagged(tmp_path: Path) -> Path:
    """A folder with a house rule (Kiev -> Kyiv) and an article it flags."""
    house_rule(tmp_path / "rules", {"Kiev": "Kyiv"})
    (tmp_path / "a.txt").write_text("Ministers met in Kiev.\n", encoding="utf-8")
    return tmp_path


def test_the_article_is_flagged_without_a_selection(flagged: Path) -> None:
    run = run_factlint("check", "--rules", "rules", "--select", "HS", "a.txt", cwd=flagged)
    assert run.returncode == 1 and "HS501" in run.stdout, run.stderr


@pytest.mark.parametrize("value", ["", ",", " ", " , "])
def test_an_empty_select_option_is_a_usage_error(flagged: Path, value: str) -> None:
    run = run_factlint("check", "--rules", "rules", "--select", value, "a.txt", cwd=flagged)
    assert run.returncode == 2, run.stdout
    assert run.errors == [run.stderr.strip()]
    assert run.errors[0].startswith("factlint: error: --select: ") and NO_RULE in run.errors[0]
    assert run.stdout == ""


@pytest.mark.parametrize("name", ["factlint.toml", "pyproject.toml"])
def test_an_empty_select_list_in_config_names_the_file_and_line(flagged: Path, name: str) -> None:
    table = "[tool.factlint]\n" if name == "pyproject.toml" else ""
    (flagged / name).write_text(f'{table}fail-on = "info"\nselect = []\n', encoding="utf-8")
    run = run_factlint("check", "--rules", "rules", "a.txt", cwd=flagged)
    assert run.returncode == 2, run.stdout
    line = 3 if table else 2
    assert run.errors == [run.stderr.strip()]
    assert run.errors[0].startswith(f"factlint: error: {flagged / name}:{line}: ")
    assert NO_RULE in run.errors[0]


def test_a_folder_with_nothing_readable_says_so_and_exits_0(tmp_path: Path) -> None:
    folder = tmp_path / "scans"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "page.pdf").write_bytes(b"%PDF-1.4\n")
    (folder / ".hidden.txt").write_text("Ministers met in Kiev.\n", encoding="utf-8")
    for command in ("check", "facts"):
        run = run_factlint(command, str(folder), cwd=tmp_path)
        assert run.returncode == 0, run.stderr
        assert run.stderr.splitlines() == [
            f"{NO_DOCUMENTS}; factlint reads .txt, .md, .markdown, .html, .htm and .jsonl files"
        ]


def test_an_unreadable_input_and_nothing_else_is_still_status_2(tmp_path: Path) -> None:
    run = run_factlint("check", str(tmp_path / "missing"), cwd=tmp_path)
    assert run.returncode == 2
    assert run.errors == [f"factlint: error: {tmp_path / 'missing'}: no such file or directory"]
    assert NO_DOCUMENTS in run.stderr


def test_a_folder_with_a_document_gives_no_warning(flagged: Path) -> None:
    run = run_factlint("check", "--rules", "rules", "a.txt", cwd=flagged)
    assert run.returncode == 1 and NO_DOCUMENTS not in run.stderr
