"""Text that makes spaCy's tokenizer quadratic (long punctuation runs, brackets nested
thousands deep) is linted in time linear in its length, with every position exact."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BENCHMARKS = ROOT / "benchmarks"

pytestmark = pytest.mark.model


def test_check_time_grows_linearly_with_punctuation_runs(tmp_path: Path) -> None:
    # Every hostile shape in one article, at N and 4N characters per line: linear time is a
    # ratio of about 4 (less while fixed costs weigh), quadratic about 16. A run at 4N gives
    # up once it has used 8 times the CPU time of N, so a regression fails in minutes.
    out = tmp_path / "figures.json"
    command = [sys.executable, str(BENCHMARKS / "hostile.py"), "--shape", "all", "--size", "2000"]
    run = subprocess.run(
        [*command, "--give-up", "8", "--json", str(out)],
        capture_output=True,
        text=True,
        timeout=1800,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr
    [figures] = json.loads(out.read_text(encoding="utf-8"))
    assert not figures["gave_up"] and figures["ratio"] < 8, run.stdout


def test_findings_after_a_hostile_run_keep_their_exact_columns(tmp_path: Path) -> None:
    separator = "=" * 5000
    nested = "(" * 3000 + "Kiev" + ")" * 3000
    text = (
        "Vote count\n\n"
        f"{separator} The vote on Tuesday, March 4, 2024 was close.\n"
        f"{nested} Officials met on Friday, March 4, 2024.\n"
    )
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "factlint", "check", "a.txt", "--no-cache", "--format", "json"],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
    )
    assert run.returncode == 1, run.stderr
    found = [
        (f["code"], f["line"], f["column"], f["text"]) for f in json.loads(run.stdout)["findings"]
    ]
    assert found == [
        ("FL102", 3, len(separator) + len(" The vote on ") + 1, "Tuesday, March 4, 2024"),
        ("FL102", 4, len(nested) + len(" Officials met on ") + 1, "Friday, March 4, 2024"),
    ]
