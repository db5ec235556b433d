"""The pre-commit hook and the example GitHub workflow are well-formed and run what the docs
say they run."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from typer.testing import CliRunner

from factlint.cli import app
from factlint.documents.discover import SUFFIXES

ROOT = Path(__file__).resolve().parents[2]


def load(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def test_pre_commit_hook() -> None:
    (hook,) = load(ROOT / ".pre-commit-hooks.yaml")
    assert hook["id"] == "factlint"
    assert hook["entry"] == "factlint check"
    assert hook["language"] == "python"
    # Every suffix factlint reads, JSONL included, and nothing else.
    pattern = re.compile(hook["files"])
    for suffix in SUFFIXES:
        assert pattern.search(f"articles/story{suffix}"), suffix
    assert not pattern.search("notes.json") and not pattern.search("build.py")
    # Cross-document checks need every file in one invocation.
    assert hook["require_serial"] is True


def test_github_workflow_uploads_the_sarif_it_writes() -> None:
    workflow = load(ROOT / "docs" / "github-actions.yml")
    assert workflow["permissions"]["security-events"] == "write"
    steps = workflow["jobs"]["factlint"]["steps"]
    lint = next(step for step in steps if step.get("id") == "lint")
    argv = shlex.split(lint["run"])
    assert argv[:2] == ["factlint", "check"]
    assert argv[argv.index("--format") + 1] == "sarif"
    sarif_file = argv[argv.index("--output") + 1]
    assert lint["continue-on-error"] is True
    upload = next(s for s in steps if str(s.get("uses", "")).startswith("github/codeql-action/"))
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert upload["with"]["sarif_file"] == sarif_file
    assert "always()" in upload["if"]
    assert steps[-1]["if"] == "steps.lint.outcome == 'failure'"
    # The options the workflow uses exist on `factlint check`.
    help_text = CliRunner().invoke(app, ["check", "--help"], env={"COLUMNS": "200"}).stdout
    for option in (p for p in argv[2:] if p.startswith("--")):
        assert option in help_text
