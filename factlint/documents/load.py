"""Discover input files and read them into Documents (minimal: plain text only)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from factlint.documents.model import Document
from factlint.errors import InputError

SUFFIXES = {".txt"}


def discover(paths: list[str]) -> list[Path]:
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES and p.is_file()))
        elif path.exists():
            found.append(path)
        else:
            raise InputError("no such file or directory", raw)
    return found


def load_documents(
    paths: list[str], on_error: Callable[[InputError], None] | None = None
) -> list[Document]:
    documents = []
    for path in discover(paths):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            error = InputError(f"cannot read: {exc}", str(path))
            if on_error is None:
                raise error from None
            on_error(error)
            continue
        documents.append(Document(path=str(path), text=text.replace("\r", "\n")))
    return documents
