"""The Document model: prose to analyse plus the map back to the file the user sees."""

from __future__ import annotations

import bisect
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

PublishedSource = Literal[
    "front-matter", "html-meta", "html-time", "published-line", "jsonl", "reference-date"
]


class Anchor(BaseModel):
    """Text offset `offset` stands at 1-based `line`/`column` of the source file."""

    model_config = ConfigDict(frozen=True)

    offset: int
    line: int
    column: int


class Document(BaseModel):
    """One article.

    `text` is what the NLP pass reads. Loaders keep it aligned with the source: either the
    source itself with non-prose (front matter, markup, boilerplate) blanked to spaces, so
    offsets equal source offsets, or, for formats where text is pieced together (HTML,
    JSONL), with `anchors` saying where each piece starts in the source. Columns advance one
    per character after an anchor and reset after a newline in `text`.
    """

    path: str
    text: str
    anchors: list[Anchor] = Field(default_factory=lambda: [Anchor(offset=0, line=1, column=1)])
    id: str | None = None
    title: str | None = None
    url: str | None = None
    published: date | None = None
    published_source: PublishedSource | None = None
    # Set when the year was inferred from a weekday: the original text, e.g. "Wednesday, January 28".
    published_text: str | None = None
    # "Published: Wednesday, January 28": month/day/weekday without a year, resolved set-wide.
    published_partial: tuple[int, int, int] | None = None
    format: Literal["txt", "md", "html", "jsonl", "stdin"] = "txt"

    _newlines: list[int] | None = PrivateAttr(default=None)
    _anchor_offsets: list[int] | None = PrivateAttr(default=None)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the source file of a character offset in `text`."""
        if self._newlines is None:
            self._newlines = [i for i, ch in enumerate(self.text) if ch == "\n"]
            self._anchor_offsets = [a.offset for a in self.anchors]
        assert self._anchor_offsets is not None
        anchor = self.anchors[max(0, bisect.bisect_right(self._anchor_offsets, offset) - 1)]
        first = bisect.bisect_left(self._newlines, anchor.offset)
        last = bisect.bisect_left(self._newlines, offset)
        if last == first:
            return anchor.line, anchor.column + offset - anchor.offset
        return anchor.line + (last - first), offset - self._newlines[last - 1]

    def line_text(self, line: int) -> str:
        """The text of a source line as the analysed text has it (for excerpts)."""
        lines = self.text.split("\n")
        first_line = self.anchors[0].line
        index = line - first_line
        return lines[index] if 0 <= index < len(lines) else ""
