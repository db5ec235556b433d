"""A document of more than 3 000 000 characters is linted (no length limit), in chunks cut at
paragraph breaks and spread over the worker processes, with findings at the file's lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factlint.cli import app
from factlint.nlp.pieces import CHUNK_CHARS

pytestmark = pytest.mark.model

BLOCKS = 31
# A line of dots between the paragraphs keeps the document long and spaCy's work small: it
# is one token, and the tokenizer gets through it fastest (a run of spaces takes it longer).
FILLER = "." * 97_000


def paragraph(i: int) -> str:
    if i == 17:
        return "Russian aircraft left Khmeimim before dawn, officials in Latakia said."
    if i == 29:
        return "The talks in Geneva began on Monday, March 4, 2025, the ministry said."
    if i % 5 == 0:
        return f"Russian aircraft flew {i + 2} sorties from Hmeimim air base near Latakia."
    return f"Report {i}: the negotiators met again in Geneva and said little."


def test_a_three_million_character_document_has_findings_at_its_lines(tmp_path: Path) -> None:
    # Block i: the paragraph (line 1 + 4i), a blank line, a filler line, a blank line.
    text = "".join(f"{paragraph(i)}\n\n{FILLER}\n\n" for i in range(BLOCKS))
    assert len(text) > 3_000_000 and len(text) > 30 * CHUNK_CHARS
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")

    result = CliRunner().invoke(app, ["check", str(path), "--format", "json", "--no-cache"])
    assert result.exit_code == 1, result.output
    found = {
        (f["code"], f["line"], f["column"], f["text"])
        for f in json.loads(result.stdout)["findings"]
    }
    khmeimim = paragraph(17).index("Khmeimim") + 1
    monday = paragraph(29).index("Monday") + 1
    assert ("FL301", 1 + 4 * 17, khmeimim, "Khmeimim") in found
    assert any(
        code == "FL102" and line == 1 + 4 * 29 and column == monday
        for code, line, column, _ in found
    ), found
    evidence = [
        e["line"]
        for f in json.loads(result.stdout)["findings"]
        if f["code"] == "FL301"
        for e in f["evidence"]
    ]
    assert evidence and all(line in {1 + 4 * i for i in range(0, BLOCKS, 5)} for line in evidence)
