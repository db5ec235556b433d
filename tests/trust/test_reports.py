"""Reports CI tools render: SARIF GitHub shows fully, evidence never cut silently."""

from __future__ import annotations

import re

import pytest
from conftest import Folder

pytestmark = pytest.mark.model

BACKING = {
    "b.txt": "The Hmeimim air base stayed open.\n",
    "c.txt": "Jets left Hmeimim after the storm.\n",
    "d.txt": "Flights from Hmeimim resumed on Tuesday.\n",
    "e.txt": "Officials at Hmeimim said the runway was repaired.\n",
}
VARIANT = "Russian jets flew from the Khmeimim air base on Monday.\n"


def test_sarif_links_evidence_and_is_relative_to_the_repository(folder: Folder) -> None:
    (folder.root / ".git").mkdir()
    folder.write("news/a.txt", VARIANT)
    folder.write("news/b.txt", BACKING["b.txt"])
    folder.write("news/c.txt", BACKING["c.txt"])
    # Run from inside news/: paths are still relative to the repository root.
    log = folder.run("check", ".", "--select", "FL301", "-f", "sarif", cwd="news").json()
    run = log["runs"][0]
    assert run["originalUriBaseIds"]["SRCROOT"]["uri"] == folder.root.resolve().as_uri() + "/"
    (result,) = run["results"]
    location = result["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "news/a.txt", "uriBaseId": "SRCROOT"}
    related = result["relatedLocations"][0]
    assert related["physicalLocation"]["artifactLocation"]["uri"] == "news/b.txt"
    assert f"[Hmeimim]({related['id']})" in result["message"]["text"]
    rule = run["tool"]["driver"]["rules"][0]
    short = rule["shortDescription"]["text"]
    assert not short.startswith("#") and "\n" not in short and short.endswith(".")
    assert short.startswith("Finds names spelled two ways") and "Teixeira)" in short
    assert "## What it leaves alone" in rule["fullDescription"]["text"]
    assert "## What it leaves alone" in rule["help"]["markdown"]


def test_evidence_is_never_cut_silently(folder: Folder) -> None:
    folder.write("a.txt", VARIANT)
    for name, text in BACKING.items():
        folder.write(name, text)
    text = folder.run("check", ".", "--select", "FL301").stdout.splitlines()
    assert "in 4 other documents" in text[0]
    evidence = [line for line in text if line.startswith("    evidence:")]
    assert len(evidence) == 4 and evidence[-1] == "    evidence: +1 more"
    html = folder.run("check", ".", "--select", "FL301", "-f", "html").stdout
    counts = re.findall(r"“([^”]+)”</span> <span class=\"form-count\">(\d+) documents?", html)
    assert ("Hmeimim", "4") in counts
