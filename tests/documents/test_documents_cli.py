"""`factlint check` on a folder with one unreadable file: the others are still linted."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from factlint.cli import app

pytestmark = pytest.mark.model

A = (
    "Storm reaches the coast\n\n"
    "The storm reached the coast on Monday, March 5, 2024, officials said.\n"
    "Mayor Jonathan Smithers visited the shelters.\n"
)
B = (
    "Coast hit by storm\n\n"
    "The storm reached the coast on Tuesday, March 5, 2024, the agency said.\n"
    "Mayor Jonathon Smithers visited the shelters.\n"
)


def _check(*args: str):
    return CliRunner().invoke(app, ["check", "--format", "json", *args])


def test_bad_file_is_reported_and_the_others_are_linted(write, tmp_path):
    a, b = write("a.txt", A), write("b.txt", B)
    clean = _check(str(a), str(b))
    write("c.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")

    result = _check(str(tmp_path))

    assert result.exit_code == 2
    assert f"factlint: error: {tmp_path / 'c.txt'}: binary file (PNG image), not text" in (
        result.stderr
    )
    report = json.loads(result.stdout)
    assert report["summary"]["documents"] == 2
    assert report["findings"] == json.loads(clean.stdout)["findings"]
    assert report["findings"], "the two articles disagree: some finding is expected"


def test_ignore_errors_exits_by_the_findings(write, tmp_path):
    a, b = write("a.txt", A), write("b.txt", B)
    clean = _check(str(a), str(b))
    write("c.txt", b"\x00\x01binary")

    result = _check("--ignore-errors", str(tmp_path))

    assert clean.exit_code in (0, 1)
    assert result.exit_code == clean.exit_code
    assert "binary file" in result.stderr


def test_ignore_errors_on_agreeing_documents_exits_clean(write, tmp_path):
    write("a.txt", "Quiet day\n\nNothing happened in Lucerne on Monday.\n")
    result = _check("--ignore-errors", str(tmp_path), str(tmp_path / "gone.txt"))
    assert "no such file or directory" in result.stderr
    assert result.exit_code == 0
