"""The pre-commit hook and the example GitHub workflow are well-formed and run what the docs
say they run."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
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
    # factlint is installed from its repository, pinned to one commit by a git submodule.
    checkout = next(s for s in steps if str(s.get("uses", "")).startswith("actions/checkout"))
    assert checkout["with"]["submodules"] is True
    assert ["pip", "install", "./tools/factlint"] in runs
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


def _expressions(script: str, values: dict[str, str]) -> str:
    """A run script with its `${{ ... }}` expressions replaced, as Actions does first."""
    return re.sub(r"\$\{\{\s*([^}]+?)\s*\}\}", lambda m: values[m.group(1)], script)


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
        cwd=repo,
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout.strip()


@pytest.mark.model
def test_github_workflow_steps_run_as_written(tmp_path: Path) -> None:
    """The workflow's shell steps, run by bash in a pull request's checkout: the archive is
    indexed, only the changed articles are checked, and SARIF names them (never an archive
    file) with archive evidence."""
    workflow = load(ROOT / "docs" / "github-actions.yml")
    steps = {
        step.get("name", step.get("id")): step for step in workflow["jobs"]["factlint"]["steps"]
    }
    repo = tmp_path / "newsroom"
    (repo / "articles").mkdir(parents=True)
    for number in ("000", "003", "004"):
        shutil.copy(next((ROOT / "seeds").glob(f"{number}_*.txt")), repo / "articles")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "archive")
    base = _git(repo, "rev-parse", "HEAD")
    for number in ("001", "002"):  # the pull request's two new articles
        shutil.copy(
            next((ROOT / "seeds").glob(f"{number}_*.txt")), repo / "articles" / f"new-{number}.txt"
        )
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "new article")
    output = tmp_path / "github-output"
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "FACTLINT_CACHE_DIR": str(repo / ".factlint-store"),
        "GITHUB_OUTPUT": str(output),
    }
    values = {"github.event.pull_request.base.sha": base}

    def run(name: str) -> int:
        script = _expressions(steps[name]["run"], values)
        return subprocess.run(["bash", "-e", "-c", script], cwd=repo, env=env).returncode

    assert run("Index the archive") == 0
    assert run("List the changed articles") == 0
    assert "count=2" in output.read_text(encoding="utf-8")
    # Findings: factlint exits 1, which xargs reports as 123; the step fails either way.
    assert run("Check the changed articles against the archive") == 123
    sarif = json.loads((repo / "factlint.sarif").read_text(encoding="utf-8"))
    results = sarif["runs"][0]["results"]
    targets = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert targets == {"articles/new-001.txt", "articles/new-002.txt"}
    related = {
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for r in results
        for loc in r.get("relatedLocations", [])
    }
    assert any(uri.startswith("articles/0") for uri in related)
