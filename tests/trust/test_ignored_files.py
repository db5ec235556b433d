"""Files a user ignores stay out of folder discovery, as with Ruff: `.gitignore` and `.ignore`
by default (`--no-respect-gitignore` to read them), `exclude` / `extend-exclude` globs, and
`factlint index` and `factlint facts` the same as `check` (issue 16, item 5)."""

from __future__ import annotations

import subprocess

import pytest
from conftest import Folder

pytestmark = pytest.mark.model

HMEIMIM = "The Hmeimim air base stayed open.\n"
KHMEIMIM = "Flights from Khmeimim resumed on Monday.\n"


def story(folder: Folder, under: str = "") -> None:
    """Two articles each way (a tie), and a build copy of the Khmeimim pair under _site/."""
    for name, text in {"a.txt": HMEIMIM, "b.txt": HMEIMIM, "c.txt": KHMEIMIM}.items():
        folder.write(f"{under}{name}", text)
    folder.write(f"{under}d.txt", "Jets left Khmeimim after the storm.\n")
    folder.write(f"{under}_site/c.txt", KHMEIMIM)
    folder.write(f"{under}_site/d.txt", "Jets left Khmeimim after the storm.\n")


def paths(report: dict) -> set[str]:  # type: ignore[type-arg]
    """Every path a report names, flagged or as evidence."""
    return {p for f in report["findings"] for p in [f["path"], *(e["path"] for e in f["evidence"])]}


def test_a_git_ignored_build_copy_does_not_change_the_majority(folder: Folder) -> None:
    subprocess.run(["git", "init", "-q", str(folder.root)], check=True)
    story(folder, "news/")
    folder.write(".gitignore", "_site/\n")  # at the top of the repository, above news/
    run = folder.run("check", "news", "--select", "FL301", "--format", "json")
    findings = run.json()["findings"]
    assert findings and not any("_site" in p for p in paths(run.json())), run.stdout
    # Two documents each way: no majority, so no safe fix.
    assert all(f["fix"]["safe"] is False for f in findings)
    assert run.json()["summary"]["documents"] == 4
    # The copy read too, Khmeimim wins four to two and its fix turns safe.
    read_all = folder.run("check", "news", "--select", "FL301", "--format", "json",
                          "--no-respect-gitignore")  # fmt: skip
    assert read_all.json()["summary"]["documents"] == 6
    fixes = {f["path"]: f["fix"] for f in read_all.json()["findings"]}
    assert fixes["news/a.txt"] == {"replacement": "Khmeimim", "safe": True}


def test_node_modules_and_excluded_globs_stay_out(folder: Folder) -> None:
    story(folder)
    folder.write(".ignore", "_site\n")
    folder.write("node_modules/some-package/README.md", "# Khmeimim\n\nKhmeimim docs.\n")
    folder.write("drafts/e.txt", KHMEIMIM)
    folder.write("archive/2019/f.md", KHMEIMIM)
    folder.write("archive/2020/g.md", HMEIMIM)
    folder.write("factlint.toml", 'extend-exclude = ["drafts", "archive/2019/*.md"]\n')
    run = folder.run("check", ".", "--select", "FL301", "--format", "json")
    assert run.json()["summary"]["documents"] == 5, run.stderr
    seen = paths(run.json())
    assert {"a.txt", "c.txt", "archive/2020/g.md"} <= seen
    assert not [p for p in seen if p.startswith(("node_modules", "drafts", "archive/2019"))]
    # `--exclude` replaces the configured and default globs; extend-exclude still adds.
    replaced = folder.run("check", ".", "--exclude", "_site", "--format", "json")
    assert replaced.json()["summary"]["documents"] == 6  # node_modules' README is back
    # A file given by name is read, unless --force-exclude (for pre-commit hooks).
    named = folder.run("check", "drafts/e.txt", "a.txt", "--format", "json")
    assert named.json()["summary"]["documents"] == 2
    forced = folder.run("check", "drafts/e.txt", "a.txt", "--force-exclude", "--format", "json")
    assert forced.json()["summary"]["documents"] == 1


def test_index_and_facts_honour_the_same_exclusions(folder: Folder) -> None:
    story(folder)
    folder.write(".gitignore", "_site/\n")
    indexed = folder.run("index", ".")
    assert indexed.returncode == 0, indexed.stderr
    assert "indexed 4 document(s)" in indexed.stdout
    facts = folder.run("facts", ".", "--format", "json")
    assert [d["path"] for d in facts.json()["documents"]] == ["a.txt", "b.txt", "c.txt", "d.txt"]
    everything = folder.run("index", ".", "--no-respect-gitignore")
    assert "indexed 6 document(s)" in everything.stdout
