"""house_style has a time budget for the whole run, not only per document: once it is used
up, one warning names the rule, the document where it ran out and the one that took the
most, and the rule checks no further documents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from reliability_helpers import house_rule, run_factlint

pytestmark = pytest.mark.model

# Catastrophic backtracking: (a+)+$ never finishes on a long run of "a" that ends otherwise.
BACKTRACKING = "(a+)+$"
HOSTILE = "a" * 50_000 + "!\n"


def test_the_run_budget_stops_the_rule_and_names_the_documents(tmp_path: Path) -> None:
    house_rule(tmp_path / "rules", {BACKTRACKING: "b"}, timeout=0.4, run_timeout=0.6)
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("a", "b", "c", "d", "e"):
        (docs / f"{name}.txt").write_text(HOSTILE, encoding="utf-8")
    run = run_factlint(
        "check",
        "docs",
        "--rules",
        "rules",
        "--select",
        "HS",
        "--no-cache",
        "--format",
        "json",
        cwd=tmp_path,
    )
    assert run.returncode == 1, run.stderr
    found = [(f["path"], f["message"]) for f in json.loads(run.stdout)["findings"]]
    # Each document takes its own limit (0.4 s, more on a busy machine), so the run's 0.6 s
    # runs out on the first or second: the rule checks none of the others.
    paths = [path for path, _ in found]
    names = [f"docs/{name}.txt" for name in "abcde"]
    assert 1 <= len(found) <= 2 and paths == names[: len(found)], found
    assert all("took longer than 0.4 s on this document" in m for _, m in found[:-1])
    budget = found[-1][1]
    assert budget.startswith("rule HS501 used up its 0.6 s for the run (`run_timeout`)")
    assert f"pattern '{BACKTRACKING}'" in budget
    assert f"{5 - len(found)} document(s) after it were not checked" in budget
    assert any(f"the most time went to {path} (" in budget for path in paths), budget


def test_run_timeout_is_validated(tmp_path: Path) -> None:
    house_rule(tmp_path / "rules", {"Kiev": "Kyiv"}, run_timeout=0)
    (tmp_path / "a.txt").write_text("Talks in Kiev.\n", encoding="utf-8")
    run = run_factlint("check", "a.txt", "--rules", "rules", cwd=tmp_path)
    assert run.returncode == 2 and "options.run_timeout" in run.stderr, run.stderr
