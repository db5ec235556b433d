"""Helpers shared by the documents tests."""

from __future__ import annotations

from factlint.documents import Document, load_documents
from factlint.errors import InputError


def position_of(document: Document, word: str, nth: int = 0) -> tuple[int, int]:
    """Source (line, column) of the nth occurrence of `word` in the analysed text."""
    start = -1
    for _ in range(nth + 1):
        start = document.text.find(word, start + 1)
        assert start != -1, f"{word!r} not in the analysed text: {document.text!r}"
    return document.position(start)


def load_collecting(paths: list[str]) -> tuple[list[Document], list[InputError]]:
    errors: list[InputError] = []
    return load_documents(paths, on_error=errors.append), errors


def source_position(source: str, word: str) -> tuple[int, int]:
    """(line, column) of the unique `word` in a source string, counted independently."""
    assert source.count(word) == 1, word
    start = source.index(word)
    line = source.count("\n", 0, start) + 1
    return line, start - (source.rfind("\n", 0, start) + 1) + 1
