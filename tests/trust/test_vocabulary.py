"""Vocabulary: `accept` silences a spelling, `canonical` pins one, contradictions are errors."""

from __future__ import annotations

import pytest
from conftest import Folder

STORY = {
    "a.txt": "Russian jets flew from the Khmeimim air base on Monday.\n",
    "b.txt": "Flights from Khmeimim resumed.\n",
    "c.txt": "Jets left Hmeimim after the storm.\n",
}


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('canonical = {Hmeimim = "Hmeimim"}', "canonical maps 'Hmeimim' to itself"),
        ('canonical = {Khmeimim = "Hmeimim"}\naccept = ["Khmeimim"]', "'Khmeimim' is accepted"),
        ('canonical = {A = "B", B = "C"}', "canonical spelling 'B' is also a variant"),
    ],
)
def test_a_contradictory_vocabulary_is_a_config_error(
    folder: Folder, table: str, message: str
) -> None:
    folder.write("factlint.toml", f"[vocabulary]\n{table}\n")
    folder.write("a.txt", STORY["a.txt"])
    run = folder.run("check", "a.txt")
    assert run.returncode == 2
    (line,) = run.stderr.splitlines()
    assert line.startswith("factlint: error: "), line
    assert "factlint.toml:1: 'vocabulary': " in line
    assert message in line


@pytest.mark.model
def test_accept_silences_a_spelling_and_pins_nothing(folder: Folder) -> None:
    for name, text in STORY.items():
        folder.write(name, text)
    # The majority writes Khmeimim: c.txt's Hmeimim is flagged.
    plain = folder.run("check", ".", "--select", "FL301", "-f", "json").json()["findings"]
    assert [f["path"] for f in plain] == ["c.txt"]
    # Accepting Hmeimim silences it, and does not turn the majority's Khmeimim into findings.
    folder.write("factlint.toml", '[vocabulary]\naccept = ["Hmeimim"]\n')
    run = folder.run("check", ".", "--select", "FL301", "-f", "json")
    assert run.json()["findings"] == []


@pytest.mark.model
def test_canonical_pins_the_spelling_against_the_majority(folder: Folder) -> None:
    for name, text in STORY.items():
        folder.write(name, text)
    folder.write("factlint.toml", '[vocabulary]\ncanonical = {Khmeimim = "Hmeimim"}\n')
    findings = folder.run("check", ".", "--select", "FL301", "-f", "json").json()["findings"]
    assert sorted(f["path"] for f in findings) == ["a.txt", "b.txt"]
    assert all(f["fix"] == {"replacement": "Hmeimim", "safe": True} for f in findings)
