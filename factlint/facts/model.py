"""The FactSet: what the NLP pass pulled out of every document, with provenance.

Rules see only these models, never raw files, so a rule can be tested on facts alone and the
facts can be cached.

The rules need every document's facts at once, a few hundred facts per article, so the facts
are slotted, frozen pydantic dataclasses with tuples rather than models with a `__dict__` and
lists: about a quarter of the memory (10 000 articles must fit in well under 1.5 GB), still
validated when read from the cache or built.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from datetime import date

from pydantic import BaseModel, Field, PrivateAttr
from pydantic.dataclasses import dataclass

from factlint.dates.values import DateValue
from factlint.documents.model import Anchor, Document, SourceMap
from factlint.documents.suppressions import Suppression
from factlint.nlp.context import NO_EVENT, EventContext


@dataclass(slots=True, frozen=True)
class Span:
    """Where a fact stands: character offsets in the analysed text and the source position."""

    text: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(slots=True, frozen=True)
class EntityFact:
    span: Span
    label: str
    # Key that groups the forms of one name: case, diacritics, al-/Al- and possessive 's folded.
    canonical: str
    sentence_index: int = 0


@dataclass(slots=True, frozen=True, kw_only=True)
class DateFact(DateValue):
    """A date expression: where it stands, what it says (the fields of `DateValue`) and the
    event its sentence tells of."""

    span: Span
    event: EventContext = NO_EVENT


@dataclass(slots=True, frozen=True)
class OrdinalFact:
    """ "the second meeting": an ordinal tied to the event noun it counts."""

    span: Span
    value: int
    noun: str | None
    # Modifiers between the ordinal and its noun ("such", "official", "high-level").
    modifiers: tuple[str, ...] = ()
    event: EventContext = NO_EVENT
    # Counted within a stretch or condition ("the first election since independence"): it
    # is compared only with ordinals counted that way too.
    restricted: bool = False


@dataclass(slots=True, frozen=True)
class CountFact:
    """ "12 agreements": a number stated for a counted noun."""

    span: Span
    value: float
    noun: str | None
    modifiers: tuple[str, ...] = ()
    event: EventContext = NO_EVENT
    # The unit hyphened to the number ("year" in "a five-year contract"; the noun is
    # "contract"), or a sum's currency ("usd", "eur"; the noun is None).
    unit: str | None = None
    # "about 45", "more than 80", "at least 41", "rose to 64": approximate or running.
    hedged: bool = False
    # Another count the figure is stated within ("13 homers in 54 games": "54 game"): it is
    # compared only with figures stated within the same.
    scope: str | None = None


@dataclass(slots=True, frozen=True)
class TitleFact:
    """ "Transitional President Ahmed al-Sharaa", "Nadia Farouk, its chief executive": a
    person's title, before the name or in apposition to it. `span` is the title's words."""

    span: Span
    person: str  # canonical key of the person
    person_text: str
    role: str  # lemma of the role noun, lower case
    qualifiers: tuple[str, ...] = ()
    # The title's words, lower case: "minister of trade and industry", "secretary-general".
    title: str = ""
    # Its words tagged as adjectives in lower case ("seasoned director"): rules keep only
    # those they list as part of a title.
    adjectives: tuple[str, ...] = ()
    # Offices the sentence gives the person for another time ("As president, Senator ...").
    periods: tuple[str, ...] = ()


@dataclass(slots=True, frozen=True)
class SourceFact:
    """A news source the text attributes information to ("according to Los Angeles Times")."""

    span: Span
    name: str
    cue: str


class DocumentFacts(BaseModel):
    path: str
    id: str | None = None
    title: str | None = None
    url: str | None = None
    published: date | None = None
    published_source: str | None = None
    published_note: str | None = None
    # A JSONL record's line in its file (`path` is "file.jsonl:LINE"); None for a whole file.
    record: int | None = None
    words: int = 0
    dates: list[DateFact] = Field(default_factory=list)
    entities: list[EntityFact] = Field(default_factory=list)
    # Proper nouns the entity recogniser left unlabelled (label "PROPN"): more names to compare.
    names: list[EntityFact] = Field(default_factory=list)
    ordinals: list[OrdinalFact] = Field(default_factory=list)
    counts: list[CountFact] = Field(default_factory=list)
    titles: list[TitleFact] = Field(default_factory=list)
    sources: list[SourceFact] = Field(default_factory=list)
    # The analysed text and where its pieces stand in the source (`Document.text`/`anchors`),
    # for kinds that match the wording itself (house_style); `Document.position` maps offsets.
    text: str = ""
    anchors: list[Anchor] = Field(default_factory=lambda: [Anchor(offset=0, line=1, column=1)])

    _map: SourceMap | None = PrivateAttr(default=None)

    @property
    def file(self) -> str:
        """The file the document was read from: `path` without a JSONL record's `:LINE`."""
        if self.record is None:
            return self.path
        return self.path.removesuffix(f":{self.record}")

    @property
    def label(self) -> str | None:
        """How findings name a JSONL record in its file: its id, else its line; None for a file."""
        if self.record is None:
            return None
        return self.id if self.id is not None else str(self.record)

    def line_text(self, line: int) -> str:
        """The analysed text on a source line (excerpts for reports); "" for no such line."""
        if self._map is None:
            self._map = SourceMap(self.text, self.anchors)
        return self._map.line_text(line)


class FactSet(BaseModel):
    documents: list[DocumentFacts] = Field(default_factory=list)
    # The documents' suppression comments by path, as they were loaded (`Document.suppressions`):
    # what a run is told about its findings, not facts, so never in the fact cache. Documents
    # without comments are left out.
    suppressions: dict[str, list[Suppression]] = Field(default_factory=dict)

    @classmethod
    def of(cls, facts: Iterable[DocumentFacts], documents: Iterable[Document]) -> FactSet:
        """The facts of `documents`, with the suppression comments they were loaded with."""
        return cls(
            documents=list(facts),
            suppressions={d.path: d.suppressions for d in documents if d.suppressions},
        )

    def suppressions_of(self, path: str) -> list[Suppression]:
        """The suppression comments of the document at `path`, in order (refs index them)."""
        return self.suppressions.get(path, [])


def span_between(document: Document, start: int, end: int) -> Span:
    """The source span of characters `start`..`end` of a document's analysed text."""
    return span_in(document.text, document.source_map(), start, end)


def span_in(text: str, positions: SourceMap, start: int, end: int, offset: int = 0) -> Span:
    """`span_between` for a caller that asks for many spans of one text and keeps its map.
    `text` may be a chunk that starts at character `offset` of the document's text."""
    line, column = positions.position(start)
    end_line, end_column = positions.position(end)
    words = text[start:end]
    return Span(
        # Names and dates recur across thousands of documents: one string each (as cache
        # reads get from pydantic, which shares strings up to 64 characters).
        text=sys.intern(words) if len(words) <= 64 else words,
        start=start + offset,
        end=end + offset,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
    )


def sub_span(span: Span, start: int, end: int) -> Span:
    """The part of `span` from character `start` to `end` (offsets relative to the span text)."""

    def locate(offset: int) -> tuple[int, int]:
        before = span.text[:offset]
        newlines = before.count("\n")
        if not newlines:
            return span.line, span.column + offset
        return span.line + newlines, offset - before.rfind("\n")

    line, column = locate(start)
    end_line, end_column = locate(end)
    return Span(
        text=span.text[start:end],
        start=span.start + start,
        end=span.start + end,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
    )
