"""Units of extraction work: a document, or a chunk of a long one, and tasks of several.

The NLP pass runs on pieces, not Documents: a piece carries only what extraction reads (the
text, where it stands in the source file, the publication date), so a worker process or a
Dask worker is sent neither the raw file nor a whole long document for each of its chunks.
Workers send back `PieceFacts` (facts without the document's own fields), and the process
that holds the Documents puts each document's pieces together (`assemble`).

A document longer than `CHUNK_CHARS` is split at paragraph boundaries: spaCy's memory grows
with the length of one Doc (about 3 MB per 1 000 characters here), so chunks bound the memory
of the NLP pass, not the length of a document. A sentence never spans a blank line (the
pipeline breaks sentences there), so chunks cut no sentence; what a chunk cannot see is the
year or quarter an earlier chunk last stated, which resolves a later "March 3".

This module must not import spaCy: the process that plans and assembles may not need it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from factlint.documents.model import Anchor, Document
from factlint.facts.model import (
    CountFact,
    DateFact,
    DocumentFacts,
    EntityFact,
    OrdinalFact,
    SourceFact,
    TitleFact,
)
from factlint.nlp.guard import CHUNK_CHARS

# A task (what one worker extracts at a time) holds at most this many pieces and characters:
# one spaCy batch of ordinary articles, small enough to spread the work evenly.
TASK_PIECES = 16
TASK_CHARS = 200_000

_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
_LINE_BREAK = re.compile(r"\n\s*")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Piece:
    """Characters `offset`.. of document `index`'s analysed text, with the source positions of
    that text (`anchors`, offsets relative to `text`) and the publication date."""

    index: int
    offset: int
    text: str
    anchors: tuple[Anchor, ...]
    published: date | None
    last: bool = True  # the document's last piece


@dataclass
class PieceFacts:
    """What the NLP pass found in one piece; spans are offsets in the whole document."""

    index: int
    last: bool
    sentences: int = 0
    words: int = 0
    dates: list[DateFact] = field(default_factory=list)
    entities: list[EntityFact] = field(default_factory=list)
    names: list[EntityFact] = field(default_factory=list)
    ordinals: list[OrdinalFact] = field(default_factory=list)
    counts: list[CountFact] = field(default_factory=list)
    titles: list[TitleFact] = field(default_factory=list)
    sources: list[SourceFact] = field(default_factory=list)


def _cut(text: str, start: int, limit: int) -> int:
    """Where the chunk that starts at `start` ends: after the last paragraph break that keeps
    it within `limit` characters; failing that a line break, a sentence end, a space, and
    only for an unbroken run of `limit` characters, the limit itself."""
    end = start + limit
    if end >= len(text):
        return len(text)
    window = text[start:end]
    for pattern in (_PARAGRAPH_BREAK, _LINE_BREAK, _SENTENCE_END, _SPACE):
        last = None
        for last in pattern.finditer(window):  # noqa: B007 (the last match is wanted)
            pass
        if last is not None and last.end() < len(window):
            return start + last.end()
    return end


def split_text(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """(start, end) of each chunk of `text`, at most `limit` characters, in order."""
    bounds: list[tuple[int, int]] = []
    start = 0
    while start < len(text) or not bounds:
        end = _cut(text, start, limit)
        bounds.append((start, end))
        start = end
    return bounds


def _anchors_from(document: Document, start: int, end: int) -> tuple[Anchor, ...]:
    """The anchors of characters `start`..`end` (inclusive: a span may end at `end`), with
    offsets relative to `start`."""
    line, column = document.position(start)
    offsets = [a.offset for a in document.anchors]
    first, last = bisect.bisect_right(offsets, start), bisect.bisect_right(offsets, end)
    inside = document.anchors[first:last]
    return (
        Anchor(offset=0, line=line, column=column),
        *(Anchor(offset=a.offset - start, line=a.line, column=a.column) for a in inside),
    )


def whole_piece(document: Document, index: int = 0) -> Piece:
    return Piece(index, 0, document.text, tuple(document.anchors), document.published)


def pieces_of(index: int, document: Document, limit: int | None = None) -> list[Piece]:
    text, limit = document.text, limit or CHUNK_CHARS
    if len(text) <= limit:
        return [whole_piece(document, index)]
    bounds = split_text(text, limit)
    return [
        Piece(
            index,
            start,
            text[start:end],
            _anchors_from(document, start, end),
            document.published,
            last=end == len(text),
        )
        for start, end in bounds
    ]


def plan_tasks(
    documents: Sequence[Document],
    chunk_chars: int | None = None,
    task_pieces: int | None = None,
    task_chars: int | None = None,
) -> Iterator[list[Piece]]:
    """The pieces of every document, in order, grouped into tasks (sizes default to the
    module's constants). Lazily: a long document's chunks are cut when its task is due."""
    chunk_chars = chunk_chars or CHUNK_CHARS
    task_pieces = task_pieces or TASK_PIECES
    task_chars = task_chars or TASK_CHARS
    task: list[Piece] = []
    size = 0
    for index, document in enumerate(documents):
        for piece in pieces_of(index, document, chunk_chars):
            if task and (len(task) == task_pieces or size + len(piece.text) > task_chars):
                yield task
                task, size = [], 0
            task.append(piece)
            size += len(piece.text)
    if task:
        yield task


def _published_note(document: Document) -> str | None:
    if document.published is None:
        return "unknown: relative dates stay unresolved (set --reference-date or a Published: line)"
    if document.published_text:
        return f"year inferred from the weekday in '{document.published_text}'"
    return None


def assemble(document: Document, parts: Sequence[PieceFacts]) -> DocumentFacts:
    """A document's facts from the facts of its pieces, in order."""
    facts = DocumentFacts(
        path=document.path,
        id=document.id,
        title=document.title,
        url=document.url,
        published=document.published,
        published_source=document.published_source,
        published_note=_published_note(document),
        record=document.record,
        words=sum(part.words for part in parts),
        text=document.text,
        anchors=document.anchors,
    )
    sentences = 0
    for part in parts:
        facts.dates += part.dates
        facts.ordinals += part.ordinals
        facts.counts += part.counts
        facts.titles += part.titles
        facts.sources += part.sources
        facts.entities += _shifted(part.entities, sentences)
        facts.names += _shifted(part.names, sentences)
        sentences += part.sentences
    return facts


def _shifted(entities: list[EntityFact], sentences: int) -> list[EntityFact]:
    """Entities of a later chunk, their sentence numbers counted from the document's start."""
    if not sentences:
        return entities
    return [replace(e, sentence_index=e.sentence_index + sentences) for e in entities]


def assemble_in_order(
    documents: Sequence[Document], results: Iterable[list[PieceFacts]]
) -> Iterator[DocumentFacts]:
    """Each document's facts as soon as its last piece arrives (results come in task order)."""
    parts: list[PieceFacts] = []
    for result in results:
        for part in result:
            parts.append(part)
            if part.last:
                yield assemble(documents[part.index], parts)
                parts = []
