"""The seeds hold every kind of conflict factlint exists for: all must be found, nothing else."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def findings() -> list[dict]:
    run = subprocess.run(
        [sys.executable, "-m", "factlint", "check", "seeds", "--format", "json", "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1, run.stderr
    return json.loads(run.stdout)["findings"]


def flagged(findings: list[dict], code: str) -> set[str]:
    return {f["text"] for f in findings if f["code"] == code}


def test_variant_spellings(findings: list[dict]) -> None:
    texts = flagged(findings, "FL301")
    assert {"Khmeimim", "Tartous"} <= texts
    # Ahmed/Ahmad: one of the two spellings is flagged with the other as evidence.
    ahmad = [f for f in findings if f["code"] == "FL301" and f["text"] in {"Ahmed", "Ahmad"}]
    assert ahmad and all({e["text"] for e in f["evidence"]} & {"Ahmed", "Ahmad"} for f in ahmad)
    for finding in findings:
        if finding["code"] == "FL301":
            assert finding["evidence"], finding
            assert all(":" not in e["path"] or e["line"] >= 1 for e in finding["evidence"])


def test_no_must_not_pairs(findings: list[dict]) -> None:
    texts = {f["text"] for f in findings}
    for legitimate in (
        "Assad",
        "al-Assad",
        "Putin",
        "Syria",
        "Syrian",
        "Russia",
        "Russian",
        "Moscow",
    ):
        assert legitimate not in texts


def test_date_conflict_and_chronology(findings: list[dict]) -> None:
    fl101 = [f for f in findings if f["code"] == "FL101"]
    assert [f["text"] for f in fl101] == ["December 2014"]
    assert {e["text"] for e in fl101[0]["evidence"]} == {"December 2024"}
    assert "typo" in fl101[0]["message"]
    assert flagged(findings, "FL104") == {"December 2014"}
    # The 2015 intervention is another event: never compared with the fall.
    assert "2015" not in flagged(findings, "FL101")


def test_ordinal_conflict(findings: list[dict]) -> None:
    fl201 = [f for f in findings if f["code"] == "FL201"]
    assert {f["text"].lower() for f in fl201} == {"second"}
    assert all({e["text"] for e in f["evidence"]} == {"first"} for f in fl201)


def test_titles_and_sources(findings: list[dict]) -> None:
    fl401 = [f for f in findings if f["code"] == "FL401"]
    assert len(fl401) == 1
    assert {"Transitional", "interim"} <= set((fl401[0]["message"]).replace("'", " ").split())
    assert flagged(findings, "FL402") == {"LATIMES"}


def test_every_finding_is_actionable(findings: list[dict]) -> None:
    assert len(findings) <= 16
    for f in findings:
        assert f["path"].startswith("seeds/") and f["line"] >= 1 and f["column"] >= 1
        assert f["message"] and f["rule"] and f["severity"] in {"error", "warning", "info"}
