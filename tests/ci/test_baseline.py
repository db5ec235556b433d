"""--baseline / --write-baseline: old findings stay quiet, new ones are reported."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from factlint.diagnostics import Finding, Severity
from factlint.errors import ConfigError
from factlint.findings.baseline import filter_baseline, load_baseline, write_baseline

if TYPE_CHECKING:
    from conftest import Project


def finding(path: str, line: int, text: str = "Khmeimim", code: str = "CI101") -> Finding:
    return Finding(
        code=code,
        rule="test",
        severity=Severity.warning,
        message="m",
        path=path,
        line=line,
        column=1,
        end_line=line,
        end_column=1 + len(text),
        text=text,
    )


def test_round_trip_survives_moved_lines_and_counts_occurrences(tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    today = [finding("a.txt", 2), finding("a.txt", 5), finding("b.txt", 1, "Latakia", "CI102")]
    assert write_baseline(baseline, today) == 3
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert {entry["path"] for entry in data["findings"]} == {"a.txt", "b.txt"}
    assert all("line" not in entry for entry in data["findings"])
    # Ten lines added above: same findings, new lines, nothing reported.
    moved = [finding("a.txt", 12), finding("a.txt", 15), finding("b.txt", 11, "Latakia", "CI102")]
    assert filter_baseline(moved, baseline) == ([], 3)
    # A third Khmeimim in a.txt is new.
    grown = [*moved, finding("a.txt", 30)]
    kept, hidden = filter_baseline(grown, baseline)
    assert [(f.path, f.line) for f in kept] == [("a.txt", 30)] and hidden == 3
    # The same text in another file, or under another rule, is new too.
    other = [finding("c.txt", 2), finding("a.txt", 2, code="CI201")]
    assert len(filter_baseline(other, baseline)[0]) == 2


def test_paths_are_relative_to_the_baseline_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "news").mkdir()
    monkeypatch.chdir(tmp_path)
    baseline = tmp_path / "baseline.json"
    write_baseline(baseline, [finding("news/a.txt", 3)])
    # Run from inside news/: the path reads differently but names the same file.
    monkeypatch.chdir(tmp_path / "news")
    assert filter_baseline([finding("a.txt", 4)], baseline) == ([], 1)
    assert filter_baseline([finding(os.path.abspath("a.txt"), 4)], baseline)[1] == 1


def test_the_write_is_atomic_and_leaves_no_temp_file(tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_text("old", encoding="utf-8")
    write_baseline(baseline, [finding("a.txt", 1)])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["baseline.json"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "baseline is not valid JSON"),
        ('{"version": 99, "findings": []}', "unsupported baseline version 99"),
        ('{"version": 1, "findings": [{"code": "X"}]}', "malformed baseline at 'findings.0"),
    ],
)
def test_bad_baselines_are_config_errors(tmp_path: Path, content: str, message: str) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_baseline(baseline)
    assert message in caught.value.message and caught.value.location == str(baseline)


@pytest.mark.model
def test_cli_round_trip_edit_above_the_finding(project: Project) -> None:
    article = project.write(
        "news/a.md", "# Visit\n\nThe jets left Khmeimim at dawn.\nLater, Moscow.\n"
    )
    args = ["news", "--rules", "rules", "--select", "CI"]
    written = project.check(*args, "--write-baseline", "factlint-baseline.json")
    assert written.exit_code == 0 and written.stdout == ""
    assert "wrote 2 finding(s) to factlint-baseline.json" in written.stderr
    article.write_text(
        "# Visit\n\nA new first paragraph.\n\nAnd another one.\n\n"
        "The jets left Khmeimim at dawn.\nLater, Moscow.\n",
        encoding="utf-8",
    )
    quiet = project.check(*args, "--baseline", "factlint-baseline.json", "--format", "json")
    assert quiet.exit_code == 0
    report = json.loads(quiet.stdout)
    assert report["findings"] == [] and report["summary"]["baselined"] == 2
    # A new finding still shows, at its new line.
    article.write_text(article.read_text(encoding="utf-8") + "Khmeimim again.\n", "utf-8")
    loud = project.check(*args, "--baseline", "factlint-baseline.json", "--format", "json")
    assert loud.exit_code == 1
    assert [(f["code"], f["line"]) for f in json.loads(loud.stdout)["findings"]] == [("CI101", 9)]


def test_cli_missing_baseline_is_an_error(project: Project, tmp_path: Path) -> None:
    project.write("a.txt", "Text.\n")
    out = project.check("a.txt", "--rules", "rules", "--select", "CI", "--baseline", "nope.json")
    assert out.exit_code == 2
    assert out.stderr.strip().endswith("nope.json: cannot read baseline: No such file or directory")
