"""With the real model: cached facts equal fresh ones."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

import factlint.nlp.extract
from factlint.cli import app

pytestmark = pytest.mark.model

TEXTS = [
    "Published: Tuesday, May 4, 2021\nFinance Minister Ingrid Solberg met 12 bankers in Bergen "
    "on Monday, the third meeting since February 2020, according to Reuters.",
    "Two days ago the council in Tromsø approved 7 new ferries. Mayor Lars Dahl called it the "
    "first such order since 2015.",
    "The weather stayed mild and nobody said anything remarkable.",
]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    for index, text in enumerate(TEXTS):
        (folder / f"{index}.txt").write_text(text + "\n", encoding="utf-8")
    return folder


def test_warm_run_prints_what_the_cold_run_printed_without_extracting(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = CliRunner()
    args = ["facts", str(corpus), "-f", "json", "--cache-dir", str(tmp_path / "cache")]
    uncached = runner.invoke(app, [*args, "--no-cache"])
    cold = runner.invoke(app, args)
    assert cold.exit_code == 0, cold.output
    assert '"dates"' in cold.output and "Bergen" in cold.output

    def refuse(*args: object, **kwargs: object) -> Iterator[object]:
        raise AssertionError("the warm run must not extract")

    monkeypatch.setattr(factlint.nlp.extract, "extract", refuse)
    warm = runner.invoke(app, args)
    assert warm.exit_code == 0, warm.output
    assert warm.output == cold.output == uncached.output
