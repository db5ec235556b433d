"""Blank character ranges to spaces, keeping newlines, so offsets and line numbers survive."""

from __future__ import annotations

import re
from collections.abc import Iterable

_NOT_NEWLINE = re.compile(r"[^\n]")


def blank_text(piece: str) -> str:
    return _NOT_NEWLINE.sub(" ", piece)


def blank_ranges(text: str, ranges: Iterable[tuple[int, int]]) -> str:
    """`text` with every [start, end) range replaced by spaces (newlines kept)."""
    merged: list[list[int]] = []
    for start, end in sorted(r for r in ranges if r[1] > r[0]):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    if not merged:
        return text
    out: list[str] = []
    cursor = 0
    for start, end in merged:
        out.append(text[cursor:start])
        out.append(blank_text(text[start:end]))
        cursor = end
    out.append(text[cursor:])
    return "".join(out)


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, end excluding the newline."""
    spans = []
    start = 0
    for match in re.finditer("\n", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans
