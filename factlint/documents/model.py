"""The Document model: prose to analyse plus the map back to the file the user sees."""

from __future__ import annotations

import bisect
import re
from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, StringConstraints

from factlint.documents.suppressions import Suppression

PublishedSource = Literal[
    "front-matter", "html-meta", "html-time", "published-line", "jsonl", "reference-date"
]

# An input format's name: "txt", "md", "html", "jsonl", or a plug-in loader's (its suffix
# without the dot, "rst"). Which names exist is the loader registry's to say
# (`factlint.documents.formats.format_names`), checked as a loader returns its documents.
FormatName = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$")]


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
    # The decoded file (LF newlines, no BOM) before any blanking: for HTML the markup itself,
    # for JSONL the record's text. Suppression comments are read from it.
    source: str = ""
    anchors: list[Anchor] = Field(default_factory=lambda: [Anchor(offset=0, line=1, column=1)])
    id: str | None = None
    title: str | None = None
    url: str | None = None
    published: date | None = None
    published_source: PublishedSource | None = None
    # Set when the year was inferred from a weekday: the original words ("Wednesday, January 28").
    published_text: str | None = None
    # 1-based source line of the `Published:` line or dateline the date was read from. Such
    # lines are blanked in `text`: they describe the article, they are not facts of its body.
    published_line: int | None = None
    # "Published: Wednesday, January 28": month/day/weekday without a year, resolved set-wide.
    published_partial: tuple[int, int, int] | None = None
    format: FormatName = "txt"
    # A JSONL record: its 1-based line in the file (`path` is then "file.jsonl:LINE", one
    # name per document; findings name the file and this record, see `record_location`).
    record: int | None = None
    # Its `<!-- factlint: ignore/disable -->` comments, parsed from `source` when the document
    # is loaded (`load_path`). They steer which findings are reported, not what the NLP pass
    # finds: the fact cache's key leaves them out (`source` already holds them).
    suppressions: list[Suppression] = Field(default_factory=list)

    _map: SourceMap | None = PrivateAttr(default=None)

    def source_map(self) -> SourceMap:
        """Offsets -> source positions, built on first use (call `forget_positions` after
        editing `text` or `anchors`)."""
        if self._map is None:
            self._map = SourceMap(self.text, self.anchors)
        return self._map

    def forget_positions(self) -> None:
        self._map = None

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the source file of a character offset in `text`."""
        return self.source_map().position(offset)

    def line_text(self, line: int) -> str:
        """The analysed text that stands on a source line (for excerpts)."""
        return self.source_map().line_text(line)


class SourceMap:
    """Where offsets of a document's analysed text stand in its source file.

    A plain class, not part of the model: extraction asks for two positions per fact, and
    pydantic's private-attribute lookups cost more than the arithmetic.
    """

    __slots__ = ("_line_texts", "anchor_offsets", "anchors", "newlines", "text")

    def __init__(self, text: str, anchors: list[Anchor]) -> None:
        self.text = text
        self.anchors = anchors
        self.newlines = [m.start() for m in re.finditer("\n", text)]
        self.anchor_offsets = [a.offset for a in anchors]
        self._line_texts: dict[int, str] | None = None

    def position(self, offset: int) -> tuple[int, int]:
        anchor = self.anchors[max(0, bisect.bisect_right(self.anchor_offsets, offset) - 1)]
        newlines = self.newlines
        first = bisect.bisect_left(newlines, anchor.offset)
        last = bisect.bisect_left(newlines, offset)
        if last == first:
            return anchor.line, anchor.column + offset - anchor.offset
        return anchor.line + (last - first), offset - newlines[last - 1]

    def line_text(self, line: int) -> str:
        if self._line_texts is None:
            self._line_texts = self._map_line_texts()
        return self._line_texts.get(line, "")

    def _map_line_texts(self) -> dict[int, str]:
        text, anchors = self.text, self.anchors
        if len(anchors) == 1:
            first = anchors[0].line
            return {first + i: piece for i, piece in enumerate(text.split("\n"))}
        pieces: dict[int, list[str]] = {}
        bounds = [a.offset for a in anchors[1:]] + [len(text)]
        for anchor, end in zip(anchors, bounds, strict=True):
            for i, piece in enumerate(text[anchor.offset : end].split("\n")):
                pieces.setdefault(anchor.line + i, []).append(piece)
        return {line: " ".join("".join(parts).split()) for line, parts in pieces.items()}
