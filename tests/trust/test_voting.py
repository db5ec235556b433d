"""Fixes and voting: documents vote, a tie is no majority, suppressed text does not vote."""

from __future__ import annotations

import pytest
from conftest import Folder

pytestmark = pytest.mark.model

BASE = "Russian jets flew from the Khmeimim air base on Monday.\n"
REPEATS = (
    BASE
    + "Officials at Khmeimim said the flights would go on.\nThe Khmeimim base was built in 2015.\n"
)


def by_path(findings: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for finding in findings:
        out.setdefault(finding["path"], []).append(finding)
    return out


def test_a_document_tie_is_no_majority_and_its_fix_is_unsafe(folder: Folder) -> None:
    # Two documents each way; one of them repeats its spelling three times.
    folder.write("a.txt", REPEATS)
    folder.write("b.txt", "The Hmeimim air base stayed open.\n")
    folder.write("c.txt", "Jets left Hmeimim after the storm.\n")
    folder.write("d.txt", "Flights from Khmeimim resumed.\n")
    run = folder.run("check", ".", "--select", "FL301", "--format", "json")
    findings = [f for f in run.json()["findings"] if f["code"] == "FL301"]
    assert findings, run.stderr
    for finding in findings:
        assert "no majority: check which is right" in finding["message"]
        assert finding["fix"]["safe"] is False
    # --fix (safe fixes only) leaves every file as it was.
    before = {name: folder.read(name) for name in ("a.txt", "b.txt", "c.txt", "d.txt")}
    folder.run("check", ".", "--select", "FL301", "--fix")
    assert {name: folder.read(name) for name in before} == before


def test_more_documents_make_a_safe_fix_whatever_the_mentions(folder: Folder) -> None:
    folder.write("a.txt", REPEATS)
    folder.write("b.txt", "The Hmeimim air base stayed open.\n")
    folder.write("c.txt", "Jets left Hmeimim after the storm.\n")
    run = folder.run("check", ".", "--select", "FL301", "--format", "json")
    findings = by_path(run.json()["findings"])
    assert set(findings) == {"a.txt"}
    assert all(f["fix"] == {"replacement": "Hmeimim", "safe": True} for f in findings["a.txt"])
    assert all("majority" not in f["message"] for f in findings["a.txt"])


def test_a_title_tie_says_there_is_no_majority(folder: Folder) -> None:
    folder.write("a.txt", "On Monday, Interim President Maria Lopez opened the session in Lima.\n")
    folder.write("b.txt", "In Lima, Acting President Maria Lopez promised new elections.\n")
    run = folder.run("check", ".", "--select", "FL401", "--format", "json")
    (finding,) = run.json()["findings"]
    assert finding["message"].endswith("(no majority: check which is right)")
