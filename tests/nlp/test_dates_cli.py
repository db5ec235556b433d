"""Dates read through the whole command: grouped numbers and abbreviated weekdays."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.model

PUBLISHED = "Published: March 10, 2024\n\n"


def _run(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "factlint", *args, "--no-cache"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def _dates(folder: Path, text: str) -> list[dict[str, Any]]:
    (folder / "a.txt").write_text(PUBLISHED + text, encoding="utf-8")
    run = _run(folder, "facts", "a.txt", "--format", "json")
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)["documents"][0]["dates"]


def test_a_number_with_thousands_separators_is_read_whole(tmp_path: Path) -> None:
    # Five billion years is no calendar year: not "000 years ago", read as this year.
    assert _dates(tmp_path, "The rocks formed 5,000,000,000 years ago, experts said.\n") == []
    dates = _dates(tmp_path, "The town was founded 1,500 years ago.\n")
    assert [(d["text"], d["value"]) for d in dates] == [("1,500 years ago", "0524")]
    dates = _dates(tmp_path, "They first met 2,000 days ago.\n")
    assert [(d["text"], d["value"]) for d in dates] == [("2,000 days ago", "2018-09-18")]


@pytest.mark.parametrize(
    ("weekday", "wrong"),
    [("Tue.", "Tuesday"), ("Tues.", "Tuesday"), ("Thu.", "Thursday"), ("Sun,", "Sunday")],
)
def test_an_abbreviated_weekday_is_checked_against_its_date(
    tmp_path: Path, weekday: str, wrong: str
) -> None:
    text = f"The vote was held on {weekday} Mar. 4, 2024, officials said.\n"
    (tmp_path / "a.txt").write_text(PUBLISHED + text, encoding="utf-8")
    run = _run(tmp_path, "check", "a.txt", "--format", "json")
    assert run.returncode == 1, run.stderr
    [finding] = json.loads(run.stdout)["findings"]
    assert finding["code"] == "FL102" and finding["line"] == 3
    assert finding["text"].startswith(weekday.rstrip(","))
    assert f"March 4, 2024 is a Monday, not a {wrong}" in finding["message"]


def test_an_abbreviated_weekday_that_fits_is_silent(tmp_path: Path) -> None:
    text = "The vote was held on Mon., Mar. 4, 2024. The Sun reported it on March 5.\n"
    (tmp_path / "a.txt").write_text(PUBLISHED + text, encoding="utf-8")
    run = _run(tmp_path, "check", "a.txt", "--format", "json", "--select", "FL102")
    assert run.returncode == 0, run.stdout


def test_a_day_its_month_does_not_have_is_reported(tmp_path: Path) -> None:
    text = (
        "The ceasefire was signed on February 30, 2025, in Doha.\n"
        "Voting closed on Thursday, February 29, 2023, after a week of delays.\n"
        "The vote was held on February 29, 2024, as planned.\n"
    )
    (tmp_path / "a.txt").write_text(PUBLISHED + text, encoding="utf-8")
    run = _run(tmp_path, "check", "a.txt", "--format", "json")
    assert run.returncode == 1, run.stderr
    found = [
        (f["code"], f["line"], f["text"], f["message"]) for f in json.loads(run.stdout)["findings"]
    ]
    assert found == [
        (
            "FL105",
            3,
            "February 30, 2025",
            "'February 30, 2025' is not a date: February 2025 has 28 days",
        ),
        (
            "FL105",
            4,
            "Thursday, February 29, 2023",
            "'Thursday, February 29, 2023' is not a date: February 2023 has 28 days",
        ),
    ]
    dates = _dates(tmp_path, text)
    assert [(d["text"], d["value"], d["impossible"]) for d in dates] == [
        ("February 30, 2025", None, True),
        ("Thursday, February 29, 2023", None, True),
        ("February 29, 2024", "2024-02-29", False),
    ]
