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
    assert hook["entry"] == "factlint check --force-exclude"
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
    # The changed articles come through xargs: `xargs -d '\n' -a changed.txt factlint check`.
    argv = argv[argv.index("factlint") :]
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


def test_github_workflow_checks_changed_articles_against_the_cached_archive() -> None:
    workflow = load(ROOT / "docs" / "github-actions.yml")
    steps = workflow["jobs"]["factlint"]["steps"]
    runs = [shlex.split(step["run"]) for step in steps if "run" in step]
    lint = next(step for step in steps if step.get("id") == "lint")
    argv = shlex.split(lint["run"])
    assert argv[argv.index("--against") + 1] == "articles/"
    assert "changed.txt" in argv
    # factlint is installed from its repository, pinned to a tag or commit.
    assert any(run[:2] == ["pip", "install"] for run in runs)
    assert "git+https://" in workflow["env"]["FACTLINT"] and "@v" in workflow["env"]["FACTLINT"]
    index = next(i for i, run in enumerate(runs) if run[:2] == ["factlint", "index"])
    assert runs[index][2] == "articles/"
    restore = next(s for s in steps if str(s.get("uses", "")).startswith("actions/cache/restore"))
    save = next(s for s in steps if str(s.get("uses", "")).startswith("actions/cache/save"))
    # The store is saved even when the check failed, where factlint looks for it.
    assert save["if"] == "always()"
    assert restore["with"]["path"] == save["with"]["path"]
    assert workflow["env"]["FACTLINT_CACHE_DIR"].endswith(save["with"]["path"])
    assert steps.index(restore) < steps.index(lint) < steps.index(save)
    help_text = CliRunner().invoke(app, ["index", "--help"], env={"COLUMNS": "200"}).stdout
    assert "Keep an archive's facts" in help_text
