"""--fix / --diff: spans replaced in place, verified first, written atomically."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from factlint.diagnostics import Finding, Fix, Severity
from factlint.findings.fixes import plan_fixes, render_diff, write_fixes

if TYPE_CHECKING:
    from conftest import Project  # the fixture's type; pytest provides the value


def fixable(
    path: Path | str, line: int, column: int, text: str, replacement: str, safe: bool = True
) -> Finding:
    return Finding(
        code="CI101",
        rule="test",
        severity=Severity.warning,
        message="m",
        path=str(path),
        line=line,
        column=column,
        end_line=line,
        end_column=column + len(text),
        text=text,
        fix=Fix(replacement=replacement, safe=safe),
    )


def test_fixes_replace_spans_and_keep_crlf_and_bom(tmp_path: Path) -> None:
    file = tmp_path / "a.txt"
    file.write_bytes("\ufeffOne Khmeimim.\r\nTwo Khmeimim and Latakia.\r\n".encode())
    plan = plan_fixes(
        [
            fixable(file, 1, 5, "Khmeimim", "Hmeimim"),
            fixable(file, 2, 5, "Khmeimim", "Hmeimim"),
            fixable(file, 2, 18, "Latakia", "Lattakia", safe=False),
        ]
    )
    assert [len(f.applied) for f in plan.files] == [2]  # the unsafe fix waits for --unsafe-fixes
    assert write_fixes(plan) == []
    assert file.read_bytes() == "\ufeffOne Hmeimim.\r\nTwo Hmeimim and Latakia.\r\n".encode()


def test_unsafe_fixes_apply_when_asked(tmp_path: Path) -> None:
    file = tmp_path / "a.md"
    file.write_text("# T\n\nIn Latakia.\n", encoding="utf-8")
    plan = plan_fixes([fixable(file, 3, 4, "Latakia", "Lattakia", safe=False)], unsafe=True)
    write_fixes(plan)
    assert file.read_text(encoding="utf-8") == "# T\n\nIn Lattakia.\n"


def test_a_span_that_no_longer_holds_the_text_is_skipped(tmp_path: Path) -> None:
    file = tmp_path / "a.txt"
    file.write_text("Someone edited this line.\nKhmeimim\n", encoding="utf-8")
    plan = plan_fixes(
        [fixable(file, 1, 1, "Khmeimim", "Hmeimim"), fixable(file, 9, 1, "Khmeimim", "x")]
    )
    assert plan.files == []
    reasons = [str(s) for s in plan.skipped]
    assert reasons == [
        f"{file}:1:1: CI101 fix skipped: the file no longer has 'Khmeimim' at that span",
        f"{file}:9:1: CI101 fix skipped: the file no longer has 'Khmeimim' at that span",
    ]


def test_overlapping_fixes_apply_once(tmp_path: Path) -> None:
    file = tmp_path / "a.txt"
    file.write_text("Khmeimim base\n", encoding="utf-8")
    plan = plan_fixes(
        [fixable(file, 1, 1, "Khmeimim", "Hmeimim"), fixable(file, 1, 1, "Khmeimim base", "X")]
    )
    write_fixes(plan)
    assert file.read_text(encoding="utf-8") == "Hmeimim base\n"
    assert len(plan.skipped) == 1 and "overlaps" in plan.skipped[0].reason


def test_jsonl_and_stdin_are_not_fixed_and_say_why(tmp_path: Path) -> None:
    file = tmp_path / "set.jsonl"
    file.write_text('{"text": "Khmeimim"}\n', encoding="utf-8")
    plan = plan_fixes(
        [fixable(file, 1, 11, "Khmeimim", "Hmeimim"), fixable("<stdin>", 1, 1, "Khmeimim", "H")]
    )
    assert plan.files == []
    assert any("JSONL" in note for note in plan.notes)
    assert any("standard input" in note for note in plan.notes)
    assert file.read_text(encoding="utf-8") == '{"text": "Khmeimim"}\n'


def test_diff_is_unified_and_writes_nothing(tmp_path: Path) -> None:
    file = tmp_path / "a.txt"
    file.write_text("One.\nKhmeimim air base.\nThree.\n", encoding="utf-8")
    before = file.stat().st_mtime_ns
    diff = render_diff(plan_fixes([fixable(file, 2, 1, "Khmeimim", "Hmeimim")]))
    assert f"--- a/{file}" in diff and f"+++ b/{file}" in diff
    assert "-Khmeimim air base.\n+Hmeimim air base.\n" in diff
    assert file.read_text(encoding="utf-8") == "One.\nKhmeimim air base.\nThree.\n"
    assert file.stat().st_mtime_ns == before


def test_a_failed_replace_leaves_the_file_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    original = "Khmeimim one.\nKhmeimim two.\n"
    for file in (first, second):
        file.write_text(original, encoding="utf-8")
    real_replace = os.replace

    def failing_replace(src: str, dst: str) -> None:
        if Path(dst) == first:
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing_replace)
    plan = plan_fixes(
        [fixable(f, line, 1, "Khmeimim", "Hmeimim") for f in (first, second) for line in (1, 2)]
    )
    errors = write_fixes(plan)
    assert errors == [f"{first}: cannot write fixes: No space left on device"]
    # The failed file is byte for byte what it was, the other fully fixed, no temp file left.
    assert first.read_text(encoding="utf-8") == original
    assert second.read_text(encoding="utf-8") == "Hmeimim one.\nHmeimim two.\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]
    assert [len(f.applied) for f in plan.files] == [0, 2]


# Through the CLI (the NLP pass runs, so the model is needed) -----------------------------

TEXT = "The jets left Khmeimim at dawn.\nThey landed in Latakia.\n"
OTHER = "Hmeimim is the base the ministry named.\n"


@pytest.mark.model
def test_cli_diff_prints_and_writes_nothing(project: Project) -> None:
    article = project.write("news/a.txt", TEXT)
    project.write("news/b.txt", OTHER)
    out = project.check("news", "--rules", "rules", "--select", "CI1", "--diff")
    assert out.exit_code == 1
    assert "-The jets left Khmeimim at dawn.\n+The jets left Hmeimim at dawn.\n" in out.stdout
    assert "Lattakia" not in out.stdout  # unsafe
    assert article.read_text(encoding="utf-8") == TEXT
    clean = project.check("news/b.txt", "--rules", "rules", "--select", "CI1", "--diff")
    assert (clean.exit_code, clean.stdout) == (0, "")


@pytest.mark.model
def test_cli_fix_applies_safe_fixes_and_reports_the_rest(project: Project) -> None:
    article = project.write("news/a.txt", TEXT)
    out = project.check("news/a.txt", "--rules", "rules", "--select", "CI1", "--fix")
    assert article.read_text(encoding="utf-8") == TEXT.replace("Khmeimim", "Hmeimim")
    assert "factlint: fixed 1 finding(s) in 1 file(s)" in out.stderr
    # The unsafe one is still reported, and fails the run.
    assert [line.split(" ")[1] for line in out.stdout.splitlines()[:-1] if ": CI" in line] == [
        "CI102"
    ]
    assert out.exit_code == 1
    again = project.check(
        "news/a.txt", "--rules", "rules", "--select", "CI1", "--fix", "--unsafe-fixes"
    )
    assert again.exit_code == 0
    assert article.read_text(encoding="utf-8") == (
        "The jets left Hmeimim at dawn.\nThey landed in Lattakia.\n"
    )


@pytest.mark.model
def test_cli_fix_that_cannot_be_written_exits_2_and_leaves_the_file(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = project.write("news/a.txt", TEXT)

    def no_space(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", no_space)
    out = project.check("news/a.txt", *("--rules", "rules", "--select", "CI1", "--fix"))
    assert out.exit_code == 2
    assert f"factlint: error: {Path('news/a.txt')}: cannot write fixes" in out.stderr
    assert article.read_text(encoding="utf-8") == TEXT
    assert sorted(p.name for p in article.parent.iterdir()) == ["a.txt"]
    # Nothing was fixed, so the findings are all still reported.
    assert out.stdout.count(": CI10") == 2
