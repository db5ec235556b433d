"""--fix converges, leaves clean text, and suppressed text neither votes nor is evidence."""

from __future__ import annotations

import pytest
from conftest import Folder

pytestmark = pytest.mark.model

QUOTED = (
    "The ministry kept its own spelling.\n"
    "\n"
    "<!-- factlint: disable FL301 -- the agency's wording -->\n"
    "\n"
    'The statement said: "Flights from Hmeimim resume on Monday."\n'
    "\n"
    "<!-- factlint: enable -->\n"
)


def test_suppressed_mentions_neither_vote_nor_serve_as_evidence(folder: Folder) -> None:
    folder.write("a.txt", "Flights left the Khmeimim air base.\n")
    folder.write("b.md", QUOTED)
    folder.write("c.txt", "Jets left Hmeimim after the storm.\n")
    run = folder.run("check", ".", "--select", "FL301", "--format", "json")
    findings = run.json()["findings"]
    assert findings, run.stderr
    for finding in findings:
        assert all(e["path"] != "b.md" for e in finding["evidence"])
        # Without b.md's quoted mention, one document writes each spelling.
        assert "no majority" in finding["message"]
        assert finding["fix"]["safe"] is False


def test_a_suppression_is_judged_by_its_own_document(folder: Folder) -> None:
    # Alone, or with files that disagree with it, the comment covers a name FL301 compares:
    # it is used either way, and --fix never deletes it.
    folder.write("b.md", QUOTED)
    for args in (["b.md"], ["."]):
        run = folder.run("check", *args, "--select", "FL301,FL901", "--format", "json")
        assert [f for f in run.json()["findings"] if f["code"] == "FL901"] == [], args
        folder.write("a.txt", "Flights left the Khmeimim air base.\n")
    folder.run("check", "b.md", "--select", "FL301,FL901", "--fix")
    assert folder.read("b.md") == QUOTED


def test_fix_converges_on_a_repeated_headline(folder: Folder) -> None:
    # The second headline line is skipped as boilerplate until the first one is fixed.
    folder.write(
        "a.txt",
        "Jets leave Khmeimim air base\nJets leave Khmeimim air base\n\n"
        "Russian jets left the Khmeimim air base on Monday.\n",
    )
    folder.write("b.txt", "The Hmeimim air base stayed open.\n")
    folder.write("c.txt", "Jets left Hmeimim after the storm.\n")
    fixed = folder.run("check", ".", "--select", "FL301", "--fix")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert "Khmeimim" not in folder.read("a.txt")
    again = folder.run("check", ".", "--select", "FL301")
    assert again.returncode == 0 and "Found 0 findings" in again.stdout


def test_removing_unused_suppressions_leaves_clean_text(folder: Folder) -> None:
    folder.write(
        "a.md",
        "Officials met on Monday. <!-- factlint: ignore FL102 -->\n"
        "\n"
        "<!-- factlint: disable FL301 -->\n"
        "\n"
        "The talks went on.\n",
    )
    run = folder.run("check", "a.md", "--select", "FL102,FL301,FL901", "--fix")
    assert "fixed 2 finding(s)" in run.stderr, run.stderr
    assert folder.read("a.md") == "Officials met on Monday.\n\nThe talks went on.\n"
