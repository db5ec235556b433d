"""Fixtures for the fact cache: a stand-in NLP pass that counts what it is asked to extract."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from factlint.documents.model import Document
from factlint.facts.model import DocumentFacts


@dataclass
class FakeExtractor:
    """Replaces the spaCy pass: facts carry the word count, so a test can tell texts apart."""

    calls: list[list[str]] = field(default_factory=list)
    model_loads: int = 0

    def extract(self, documents: Iterable[Document], executor: object) -> Iterator[DocumentFacts]:
        documents = list(documents)
        if not documents:
            return
        self.load_model()
        self.calls.append([d.path for d in documents])
        for document in documents:
            yield DocumentFacts(
                path=document.path,
                published=document.published,
                words=len(document.text.split()),
            )

    def load_model(self) -> object:
        self.model_loads += 1
        return object()

    @property
    def extracted(self) -> list[str]:
        return [path for call in self.calls for path in call]


@pytest.fixture
def fake_extractor(monkeypatch: pytest.MonkeyPatch) -> FakeExtractor:
    import factlint.pipeline

    fake = FakeExtractor()
    monkeypatch.setattr(factlint.pipeline, "_extract", fake.extract)
    return fake


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(directory))
    return directory


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Ministers from Norway and Chile met in Oslo on March 3, 2021.\n", encoding="utf-8"
    )
    (folder / "b.txt").write_text(
        "The second summit opened in Santiago with 40 delegates present.\n", encoding="utf-8"
    )
    (folder / "c.txt").write_text("Nothing of note happened here today.\n", encoding="utf-8")
    return folder
