"""Output formats (and the other seams) are plug-ins: a package that declares an entry point
adds a format without touching factlint. The package here is real: a module and its
dist-info on PYTHONPATH, found by importlib.metadata as pip would install it."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from pydantic import ValidationError

from factlint.cache import CacheOptions
from factlint.documents.formats import format_names
from factlint.documents.model import Document
from factlint.errors import ConfigError
from factlint.facts.executors import InProcess, Task, TaskResult
from factlint.pipeline import collect_facts
from factlint.plugins import Registry
from factlint.reporters import REPORTERS, render
from factlint.reporters.base import Report

PLUGIN = """
from factlint.documents.model import Document


def render_count(report):
    return f"{len(report.findings)} finding(s) in {report.documents} document(s)\\n"


def load_rst(path, source, on_error):
    lines = [line for line in source.splitlines() if not line.startswith(".. ")]
    text = "\\n".join(lines)
    return [Document(path=path, text=text, source=text, format="rst")]


def load_mislabelled(path, source, on_error):
    return [Document(path=path, text=source, source=source, format="docx")]
"""


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    info = root / "factlint_count-0.1.dist-info"
    info.mkdir(parents=True)
    (root / "factlint_count.py").write_text(PLUGIN, encoding="utf-8")
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: factlint-count\nVersion: 0.1\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        "[factlint.reporters]\ncount = factlint_count:render_count\n\n"
        "[factlint.loaders]\n.rst = factlint_count:load_rst\n",
        encoding="utf-8",
    )
    return root


def factlint(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    path = os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "PYTHONPATH": path, "FACTLINT_CACHE_DIR": str(cwd / "cache")}
    env.pop("FACTLINT_OUTPUT_FORMAT", None)
    return subprocess.run(
        [sys.executable, "-m", "factlint", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=300,
    )


def test_an_installed_reporter_is_a_format(site: Path, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Nothing to see here.\n", encoding="utf-8")
    run = factlint(site, tmp_path, "check", "--select", "FL901", "--format", "count", "a.txt")
    assert run.returncode == 0, run.stderr
    assert run.stdout == "0 finding(s) in 1 document(s)\n"
    helped = factlint(site, tmp_path, "check", "--help")
    assert "count" in helped.stdout.split("Output format:", 1)[1].split("(also", 1)[0]


def test_an_installed_loader_reads_its_suffix_in_folders(site: Path, tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.rst").write_text(".. comment\nThe summit opened on Monday.\n", "utf-8")
    (folder / "b.unknown").write_text("Not read in a folder.\n", encoding="utf-8")
    run = factlint(site, tmp_path, "facts", "--format", "json", "news")
    assert run.returncode == 0, run.stderr
    assert "a.rst" in run.stdout and "b.unknown" not in run.stdout
    nothing = tmp_path / "void"
    nothing.mkdir()
    warned = factlint(site, tmp_path, "facts", "void")
    assert ".htm, .jsonl and .rst files" in warned.stderr


def test_a_loader_names_its_own_format_and_only_a_registered_one(
    site: Path, tmp_path: Path
) -> None:
    entry_points = site / "factlint_count-0.1.dist-info" / "entry_points.txt"
    with entry_points.open("a", encoding="utf-8") as handle:
        handle.write(".bad = factlint_count:load_mislabelled\n")
    (tmp_path / "a.rst").write_text("The summit opened on Monday.\n", encoding="utf-8")
    (tmp_path / "b.bad").write_text("The summit opened on Monday.\n", encoding="utf-8")
    run = factlint(site, tmp_path, "facts", "--format", "json", "a.rst", "b.bad")
    assert run.returncode == 2
    assert '"path": "a.rst"' in run.stdout and "b.bad" not in run.stdout
    assert run.stderr == (
        "factlint: error: b.bad: the loader returned a document of format 'docx', which no"
        " loader is registered for (known: txt, md, html, jsonl, bad, rst)\n"
    )


def test_a_format_name_is_checked_by_the_model_and_listed_by_the_registry() -> None:
    assert format_names() == ["txt", "md", "html", "jsonl"]
    assert Document(path="a.rst", text="", format="rst").format == "rst"
    with pytest.raises(ValidationError, match="format"):
        Document(path="a.rst", text="", format="Not a name")


def test_an_unknown_format_lists_the_registry(site: Path, tmp_path: Path) -> None:
    run = factlint(site, tmp_path, "check", "--format", "nope", "a.txt")
    assert run.returncode == 2
    assert run.stderr.startswith("factlint: error: --format: unknown format 'nope' (known: text,")
    assert run.stderr.rstrip().endswith("junit, count)")


def test_builtin_reporters_are_imported_when_asked_for() -> None:
    assert list(REPORTERS)[:3] == ["text", "json", "html"]
    report = Report(findings=[], documents=0)
    assert render("json", report) == REPORTERS["json"](report)
    with pytest.raises(ConfigError, match="unknown format 'x'"):
        render("x", report)


def test_a_registry_keeps_builtins_before_entry_points_and_added_ones() -> None:
    registry: Registry[object] = Registry("factlint.none", {"a": "os.path:sep"}, "thing")
    registry.add("b", "os:linesep")
    registry.add("c", 42)
    assert list(registry) == ["a", "b", "c"] and registry["a"] == os.path.sep
    assert registry["b"] == os.linesep and registry["c"] == 42
    with pytest.raises(KeyError):
        registry["d"]
    with pytest.raises(ConfigError, match=r"^--x: unknown thing 'd' \(known: a, b, c\)$"):
        registry.require("d", "--x")


class Counting(InProcess):
    """A real in-process executor that counts the tasks it ran."""

    def __init__(self) -> None:
        super().__init__()
        self.tasks = 0

    def run(self, tasks: Iterable[Task]) -> Iterator[TaskResult]:
        for result in super().run(tasks):
            self.tasks += 1
            yield result


@pytest.mark.model
def test_the_pipeline_runs_on_the_executor_it_is_given(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("The summit opened in Geneva on Monday, March 2, 2026.\n", "utf-8")
    executor = Counting()
    facts = collect_facts([str(article)], options=CacheOptions(enabled=False), executor=executor)
    assert executor.tasks >= 1
    assert [d.path for d in facts.documents] == [str(article)]
