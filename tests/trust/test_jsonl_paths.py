"""JSONL findings name the real file; positions are in the file; `document` names the record."""

from __future__ import annotations

import pytest
from conftest import Folder

pytestmark = pytest.mark.model

# Escapes before the flagged word shift its column in the raw line: \" and \u00e9 count as
# the characters they are written with.
FEED = (
    '{"id": "a1", "text": "The \\"Hmeimim\\" air base stayed open. Jets use Hmeimim."}\n'
    '{"text": "Caf\\u00e9 owners near the Hmeimim base were told to leave."}\n'
    '{"id": "c3", "title": "Flights", "text": "Flights left the Khmeimim air base."}\n'
)


def test_findings_name_the_file_the_line_and_the_record(folder: Folder) -> None:
    folder.write("feed.jsonl", FEED)
    run = folder.run("check", "feed.jsonl", "--select", "FL301", "--format", "json")
    (finding,) = run.json()["findings"]
    raw = FEED.splitlines()[2]
    assert finding["path"] == "feed.jsonl"
    assert finding["document"] == "c3"
    assert (finding["line"], finding["column"]) == (3, raw.index("Khmeimim") + 1)
    assert finding["end_column"] == raw.index("Khmeimim") + 1 + len("Khmeimim")
    places = {(e["path"], e["line"], e["column"]) for e in finding["evidence"]}
    line2 = FEED.splitlines()[1]
    assert ("feed.jsonl", 2, line2.index("Hmeimim") + 1) in places
    assert all(path == "feed.jsonl" for path, _, _ in places)


def test_ci_formats_name_the_file(folder: Folder) -> None:
    folder.write("feed.jsonl", FEED)
    sarif = folder.run("check", "feed.jsonl", "--select", "FL301", "--format", "sarif").json()
    result = sarif["runs"][0]["results"][0]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "feed.jsonl"
    github = folder.run("check", "feed.jsonl", "--select", "FL301", "--format", "github").stdout
    assert github.startswith("::warning file=feed.jsonl,line=3,")
    text = folder.run("check", "feed.jsonl", "--select", "FL301").stdout
    assert text.splitlines()[0].startswith("feed.jsonl:3:")
    assert "    document: c3" in text.splitlines()


def test_a_record_without_an_id_is_named_by_its_line(folder: Folder) -> None:
    folder.write("feed.jsonl", FEED.replace('"id": "c3", ', ""))
    run = folder.run("check", "feed.jsonl", "--select", "FL301", "--format", "json")
    assert [f["document"] for f in run.json()["findings"]] == ["3"]
