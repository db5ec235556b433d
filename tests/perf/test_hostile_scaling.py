"""Text that makes spaCy's tokenizer quadratic (long punctuation runs, brackets nested
thousands deep) is linted in time linear in its length, with every position exact."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

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


def _figures(tmp_path: Path, *args: str) -> dict[str, Any]:
    """hostile.py's figures for one shape at N and 4N (sizes where N takes a tenth of a
    second or more: shorter runs are too noisy); a 4N run gives up at 8 times N."""
    out = tmp_path / "figures.json"
    command = [sys.executable, str(BENCHMARKS / "hostile.py"), *args, "--give-up", "8"]
    run = subprocess.run(
        [*command, "--json", str(out)], capture_output=True, text=True, timeout=1800, cwd=tmp_path
    )
    assert run.returncode == 0, run.stderr
    [figures] = json.loads(out.read_text(encoding="utf-8"))
    return figures  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("shape", "stage", "size"),
    [
        # Sentence starts at line breaks were set one token at a time, each a pass over the
        # whole document: 10 000 lines took 56 s in the component alone.
        ("lines", "sentences", 8000),
        # The HTML loader asked each element for its text, and the parser checks the open
        # elements at each tag: N nested elements cost N squared.
        ("html-nested", "load", 4000),
        ("html-furniture", "load", 4000),
        ("html-times", "load", 10000),
        ("html-paragraphs", "load", 10000),
    ],
)
def test_document_structure_costs_time_linear_in_its_size(
    tmp_path: Path, shape: str, stage: str, size: int
) -> None:
    figures = _figures(tmp_path, "--shape", shape, "--stage", stage, "--size", str(size))
    assert not figures["gave_up"] and figures["ratio"] < 8, figures


def test_the_html_report_grows_linearly_with_the_documents(tmp_path: Path) -> None:
    # N documents of one story, every fourth flagged against the others: each place used
    # to list every other place of its conflict, N squared links (5 000 documents, 1.3 GB).
    figures = _figures(tmp_path, "--shape", "report", "--size", "200")
    assert figures["chars_4n"] < 6 * figures["chars_n"], figures
    assert not figures["gave_up"] and figures["ratio"] < 8, figures
