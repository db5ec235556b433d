"""`--format html`: one self-contained page a fact-checker can scan instead of read.

All grouping and sorting happens here; the Jinja2 template (autoescaped, so document text can
never inject markup) only lays out the view model built below. The page needs no network: CSS
and JS are inlined from the templates folder at render time.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import PurePath

from jinja2 import Environment, PackageLoader, StrictUndefined

from factlint.diagnostics import Evidence, Finding, Severity
from factlint.facts.model import (
    CountFact,
    DocumentFacts,
    EntityFact,
    FactSet,
    OrdinalFact,
    SourceFact,
    Span,
    TitleFact,
)
from factlint.nlp.context import EventContext
from factlint.reporters.base import Report
from factlint.rules.families import DATES, Family, family_of

SEVERITY_ORDER = [Severity.error, Severity.warning, Severity.info]
# Excerpts longer than this many characters either side of the form are cut at a word boundary.
EXCERPT_RADIUS = 180
# A sentence ends at . ! or ? (and a closing quote) followed by space and a capital or quote.
_SENTENCE_END = re.compile(r"[.!?]([\"”’)]?)\s+(?=[A-Z\"“‘(])")
_VALUE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# What one place of the per-document view lists of the other places of its conflicts: so
# many documents per form, so many lines per document; the card lists them all. Without a
# cap, N documents of one conflict list N places each, and the page grows as N squared.
RELATED_DOCUMENTS = 8
RELATED_LINES = 8
# Dated conflicts the "Dates by document" table has a column for (the first, in card order).
TABLE_COLUMNS = 24

PlaceKey = tuple[str, int, int]


@dataclass(frozen=True)
class Excerpt:
    """Text around a form, split so the template can wrap the form in <mark>."""

    before: str
    form: str
    after: str
    trimmed: bool = False

    @property
    def text(self) -> str:
        return self.before + self.form + self.after

    @property
    def empty(self) -> bool:
        return not self.text


@dataclass(eq=False)  # identity: one Place per position, hashed and compared by identity
class Place:
    """One position in one document that a card's findings point at (flagged or evidence)."""

    key: PlaceKey
    anchor: str
    doc_label: str
    text: str
    sentence: Excerpt
    line_excerpt: Excerpt
    line_full: str
    # The sentence shown is only part of the line: offer the whole line too.
    show_line: bool = False
    date_value: str | None = None
    date_note: str | None = None
    trigger: str | None = None
    findings: list[Finding] = field(default_factory=list)  # findings flagged at this place

    @property
    def path(self) -> str:
        return self.key[0]

    @property
    def line(self) -> int:
        return self.key[1]

    @property
    def column(self) -> int:
        return self.key[2]

    @property
    def flagged(self) -> bool:
        return bool(self.findings)


@dataclass
class Form:
    """One competing wording inside a card, with every place that uses it."""

    text: str
    places: list[Place]
    # Documents that use this form beyond the places listed (rules cut their evidence).
    unlisted: int = 0

    # Cached: the template asks for each of its places (complete when the Form is made).
    @cached_property
    def flagged(self) -> bool:
        return any(p.flagged for p in self.places)

    @cached_property
    def documents(self) -> int:
        return len({p.path for p in self.places}) + self.unlisted

    @cached_property
    def mixed(self) -> bool:
        """Some places of this form are flagged and some are not: mark each flagged one."""
        return self.flagged and not all(p.flagged for p in self.places)


@dataclass(eq=False)
class Card:
    anchor: str
    code: str
    rule: str
    family: Family
    severity: Severity
    findings: list[Finding]
    forms: list[Form]

    @property
    def title(self) -> str:
        return " vs ".join(f"“{f.text}”" for f in self.forms) or self.rule

    @property
    def messages(self) -> list[str]:
        return sorted({f.message for f in self.findings})

    @property
    def fixes(self) -> list[tuple[str, bool]]:
        return sorted({(f.fix.replacement, f.fix.safe) for f in self.findings if f.fix})

    @property
    def places(self) -> list[Place]:
        return [p for form in self.forms for p in form.places]


@dataclass
class TimelineMark:
    label: str  # the form as written, or the publication date
    documents: list[tuple[str, str]]  # (document label, anchor to jump to)
    position: float | None  # percent along the axis; None when the date has no value
    lane: int = 0
    flagged: bool = False
    value: str | None = None
    note: str | None = None
    # False for "unknown" publication dates: there is no place to jump to.
    link: bool = True

    @property
    def at_end(self) -> bool:
        """Near the right edge of the axis: the label goes to the left of the dot."""
        return (self.position or 0.0) > 60


@dataclass
class TimelineRow:
    label: str
    detail: str
    card: Card | None
    marks: list[TimelineMark]
    # What the axis shows: the placed marks, or for publication dates, clusters of them.
    axis: list[TimelineMark] = field(default_factory=list)

    @property
    def placed(self) -> list[TimelineMark]:
        """Marks on the axis in time order (the reading order of the row)."""
        return sorted(self.axis, key=lambda m: (m.position or 0.0, m.label))

    @property
    def unplaced(self) -> list[TimelineMark]:
        return [m for m in self.marks if m.position is None]

    @property
    def lanes(self) -> int:
        return 1 + max((m.lane for m in self.placed), default=0)


@dataclass
class TimelineCell:
    """What one document states for one timeline row: marks with the anchor in that document."""

    marks: list[tuple[TimelineMark, str]]

    @property
    def flagged(self) -> bool:
        return any(m.flagged for m, _ in self.marks)


@dataclass
class Timeline:
    ticks: list[tuple[str, float]]
    rows: list[TimelineRow]
    # The same facts as a table: one row per document, one column per timeline row of
    # `columns` (the first TABLE_COLUMNS dated conflicts; `hidden` more are left out).
    table: list[tuple[str, str, list[TimelineCell]]]
    columns: list[TimelineRow] = field(default_factory=list)
    hidden: int = 0


@dataclass
class RelatedDocument:
    label: str
    links: list[tuple[str, Place]]  # (link text, place)
    more: int = 0  # places of the form in this document not linked


@dataclass
class Related:
    """The places of one form in the same cards as an entry, by document; `more` documents
    are left to the card (`card`: its anchor), which lists them all."""

    text: str
    documents: list[RelatedDocument]
    more: int = 0
    card: str = ""


@dataclass
class DocEntry:
    place: Place
    cards: list[Card]
    related: list[Related]  # the other places of the same cards, to jump between


@dataclass
class DocView:
    anchor: str
    path: str
    label: str
    published: str | None
    published_note: str | None
    entries: list[DocEntry]

    @property
    def published_text(self) -> str:
        if self.published is None:
            return self.published_note or "unknown"
        return self.published + (f" ({self.published_note})" if self.published_note else "")


@dataclass
class Page:
    version: str
    summary: dict[str, object]
    errors: list[str]
    families: list[tuple[Family, int]]
    severities: list[tuple[str, int]]
    cards: list[Card]
    timeline: Timeline | None
    documents: list[DocView]


# --- excerpts -----------------------------------------------------------------------------


def _trim(before: str, after: str, radius: int | None) -> tuple[str, str, bool]:
    if radius is None:
        return before, after, False
    trimmed = len(before) > radius or len(after) > radius
    if len(before) > radius:
        cut = before[-radius:]
        space = cut.find(" ")
        before = "…" + (cut[space + 1 :] if 0 <= space < radius // 3 else cut)
    if len(after) > radius:
        cut = after[:radius]
        space = cut.rfind(" ")
        after = (cut[:space] if space > radius * 2 // 3 else cut) + "…"
    return before, after, trimmed


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence of a line (a paragraph, often) that holds text[start:end]."""
    first, last = 0, len(text)
    for match in _SENTENCE_END.finditer(text):
        if match.end() <= start:
            first = match.end()
        elif match.start() >= end:
            last = match.start() + 1 + len(match.group(1))
            break
    return first, last


def _excerpt(
    context: str, offset: int, form: str, radius: int | None = EXCERPT_RADIUS, narrow: bool = False
) -> Excerpt:
    """`form` inside `context`, at `offset` if it stands there, else at its nearest occurrence.

    `narrow` cuts a line down to the sentence around the form; `radius` caps what is left.
    """
    if not context:
        return Excerpt("", form, "")
    if not form or context[offset : offset + len(form)] != form:
        hits = [m.start() for m in re.finditer(re.escape(form), context)] if form else []
        if not hits:
            # The form is not in this context (e.g. a span across lines): show the context plain.
            _, after, trimmed = _trim("", context, radius)
            return Excerpt("", "", after, trimmed)
        offset = min(hits, key=lambda h: abs(h - offset))
    end = offset + len(form)
    first, last = _sentence_bounds(context, offset, end) if narrow else (0, len(context))
    before, after, trimmed = _trim(context[first:offset], context[end:last], radius)
    return Excerpt(before, form, after, trimmed or first > 0 or last < len(context))


@dataclass(frozen=True)
class _FactAt:
    span: Span
    event: EventContext | None
    value: str | None = None
    note: str | None = None


def _located(finding: Finding) -> list[Finding | Evidence]:
    """Where a finding stands: itself, then its evidence."""
    return [finding, *finding.evidence]


def _facts_by_place(doc: DocumentFacts) -> dict[tuple[int, int], _FactAt]:
    index: dict[tuple[int, int], _FactAt] = {}
    for d in doc.dates:
        index.setdefault((d.span.line, d.span.column), _FactAt(d.span, d.event, d.value, d.note))
    numbered: list[OrdinalFact | CountFact] = [*doc.ordinals, *doc.counts]
    for fact in numbered:
        index.setdefault((fact.span.line, fact.span.column), _FactAt(fact.span, fact.event))
    named: list[EntityFact | TitleFact | SourceFact] = [*doc.entities, *doc.titles, *doc.sources]
    for other in named:
        index.setdefault((other.span.line, other.span.column), _FactAt(other.span, None))
    return index


class _Places:
    """Builds one Place per (path, line, column), with its sentence and line excerpts."""

    def __init__(self, facts: FactSet | None, paths: list[str]) -> None:
        self.docs: dict[str, DocumentFacts] = {d.path: d for d in facts.documents} if facts else {}
        self.index = {path: _facts_by_place(doc) for path, doc in self.docs.items()}
        self.order: list[str] = []
        self.numbers: dict[str, int] = {}
        self.extend_order([*paths, *self.docs])
        self.places: dict[PlaceKey, Place] = {}

    def extend_order(self, paths: Iterable[str]) -> None:
        for path in paths:
            if path not in self.numbers:
                self.order.append(path)
                self.numbers[path] = len(self.order)

    def doc_number(self, path: str) -> int:
        self.extend_order([path])
        return self.numbers[path]

    def labels(self) -> dict[str, str]:
        """File names, or whole paths where two documents share a file name."""
        names = Counter(PurePath(p).name for p in self.order)
        return {p: PurePath(p).name if names[PurePath(p).name] == 1 else p for p in self.order}

    def key_of(self, path: str, line: int) -> str:
        """The document a place names: a JSONL file's record is the file at its line."""
        if path not in self.docs and f"{path}:{line}" in self.docs:
            return f"{path}:{line}"
        return path

    def get(self, path: str, line: int, column: int, text: str) -> Place:
        path = self.key_of(path, line)
        key = (path, line, column)
        if key in self.places:
            return self.places[key]
        doc = self.docs.get(path)
        fact = self.index.get(path, {}).get((line, column))
        line_text = doc.line_text(line) if doc else ""
        line_excerpt = _excerpt(line_text, column - 1, text, radius=None)
        sentence = _excerpt(line_text, column - 1, text, narrow=True)
        if fact is not None and fact.event is not None and fact.event.sentence:
            sentence = _excerpt(
                fact.event.sentence, fact.span.start - fact.event.sentence_start, text
            )
        place = Place(
            key=key,
            anchor=f"d{self.doc_number(path)}-l{line}-c{column}",
            doc_label=path,
            text=text,
            sentence=sentence,
            line_excerpt=line_excerpt,
            line_full=line_text,
            show_line=bool(line_text) and sentence.text != line_text,
            date_value=fact.value if fact else None,
            date_note=fact.note if fact else None,
            trigger=fact.event.trigger if fact and fact.event else None,
        )
        self.places[key] = place
        return place


# --- cards --------------------------------------------------------------------------------


def _group(findings: list[Finding]) -> list[list[Finding]]:
    """Findings of one code that share a place or their whole set of forms form one group."""
    parent = list(range(len(findings)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    seen: dict[tuple[object, ...], int] = {}
    for i, f in enumerate(findings):
        forms = frozenset([f.text, *(e.text for e in f.evidence)])
        keys: list[tuple[object, ...]] = [(f.code, "forms", forms)]
        keys += [(f.code, p.path, p.line, p.column) for p in _located(f)]
        for key in keys:
            if key in seen:
                parent[root(i)] = root(seen[key])
            else:
                seen[key] = i
    groups: dict[int, list[Finding]] = defaultdict(list)
    for i, f in enumerate(findings):
        groups[root(i)].append(f)
    return list(groups.values())


def _card(group: list[Finding], places: _Places) -> Card:
    group = sorted(group, key=Finding.sort_key)
    by_form: dict[str, dict[PlaceKey, Place]] = defaultdict(dict)
    unlisted: dict[str, int] = defaultdict(int)
    for f in group:
        if f.more_evidence and f.evidence:
            text = f.evidence[0].text
            unlisted[text] = max(unlisted[text], f.more_evidence)
        place = places.get(f.path, f.line, f.column, f.text)
        if f not in place.findings:
            place.findings.append(f)
        by_form[place.text][place.key] = place
        for e in f.evidence:
            evidence = places.get(e.path, e.line, e.column, e.text)
            by_form[evidence.text][evidence.key] = evidence
    forms = [
        Form(
            text,
            sorted(ps.values(), key=lambda p: (places.doc_number(p.path), p.key)),
            unlisted[text],
        )
        for text, ps in by_form.items()
    ]
    # The wording most documents use first; flagged wordings after it, then alphabetical.
    forms.sort(key=lambda form: (-form.documents, form.flagged, form.text))
    first = group[0]
    return Card(
        anchor="",
        code=first.code,
        rule=first.rule,
        family=family_of(first.code),
        severity=max((f.severity for f in group), key=lambda s: s.rank),
        findings=group,
        forms=forms,
    )


def build_cards(findings: list[Finding], places: _Places) -> list[Card]:
    cards = [_card(group, places) for group in _group(findings)]

    def order(card: Card) -> tuple[object, ...]:
        first = min((places.doc_number(p.path), p.line, p.column) for p in card.places)
        return (-card.severity.rank, card.code, first, card.title)

    cards.sort(key=order)
    for number, card in enumerate(cards, 1):
        card.anchor = f"card-{number}"
    return cards


# --- timeline -----------------------------------------------------------------------------


def year_fraction(value: str | None) -> float | None:
    """ "2024" -> 2024.5, "2024-12" -> 2024.96, "2024-12-15" -> 2024.95...; None for the rest."""
    match = _VALUE.match(value or "")
    if match is None:
        return None
    year, month, day = match.groups()
    if month is None:
        return int(year) + 0.5
    if day is None:
        return int(year) + (int(month) - 0.5) / 12
    return int(year) + (int(month) - 1) / 12 + (int(day) - 0.5) / 365


def _ticks(low: float, high: float) -> list[int]:
    span = high - low
    step = next(s for s in (1, 2, 5, 10, 25, 50, 100, 1000) if span / s <= 12)
    first = int(low // step * step)
    return [y for y in range(first, int(high) + step + 1, step) if low <= y <= high]


def _lay_out(marks: list[TimelineMark], min_gap: float = 28.0) -> None:
    """Stack marks whose labels would overlap into lanes (percent gap along the axis)."""
    last: list[float] = []
    for mark in sorted((m for m in marks if m.position is not None), key=lambda m: m.position or 0):
        position = mark.position or 0.0
        lane = next((i for i, end in enumerate(last) if position - end >= min_gap), len(last))
        if lane == len(last):
            last.append(position)
        last[lane] = position
        mark.lane = lane


def _cluster(marks: list[TimelineMark], gap: float = 14.0) -> list[TimelineMark]:
    """Publication dates close together on the axis become one mark spanning them: a few
    hundred articles would otherwise stack into a few hundred lanes."""
    groups: list[list[TimelineMark]] = []
    for mark in sorted(marks, key=lambda m: (m.position or 0.0, m.label)):
        if groups and (mark.position or 0.0) - (groups[-1][0].position or 0.0) < gap:
            groups[-1].append(mark)
        else:
            groups.append([mark])
    clusters = []
    for group in groups:
        if len(group) == 1:
            clusters.append(group[0])
            continue
        position = sum(m.position or 0.0 for m in group) / len(group)
        documents = [d for m in group for d in m.documents]
        label = f"{group[0].label} to {group[-1].label}"
        clusters.append(TimelineMark(label, documents, round(position, 2)))
    return clusters


def _published_row(places: _Places, labels: dict[str, str]) -> list[TimelineMark]:
    """The marks of the publication dates: one per day, then the documents without one."""
    by_day: dict[str, list[str]] = defaultdict(list)
    unknown: list[str] = []
    for path in places.order:
        published = places.docs[path].published if path in places.docs else None
        if published:
            by_day[published.isoformat()].append(path)
        elif path in places.docs:
            unknown.append(path)

    def doc_links(paths: list[str]) -> list[tuple[str, str]]:
        return [(labels[p], f"doc-{places.doc_number(p)}") for p in paths]

    marks = [
        TimelineMark(day, doc_links(ps), None, value=day) for day, ps in sorted(by_day.items())
    ]
    if unknown:
        marks.append(
            TimelineMark(
                "unknown", doc_links(unknown), None, note="no publication date found", link=False
            )
        )
    return marks


def _card_row(card: Card, labels: dict[str, str]) -> tuple[str, str, Card, list[TimelineMark]]:
    """A date conflict's row: one mark per form and value, and the events it is about."""
    marks: list[TimelineMark] = []
    for form in card.forms:
        for value in sorted({p.date_value or "" for p in form.places}):
            ps = [p for p in form.places if (p.date_value or "") == value]
            note = next((p.date_note for p in ps if p.date_note), None)
            marks.append(
                TimelineMark(
                    form.text,
                    [(labels[p.path], p.anchor) for p in ps],
                    None,
                    flagged=any(p.flagged for p in ps),
                    value=value or None,
                    note=note,
                )
            )
    triggers = Counter(p.trigger for p in card.places if p.trigger)
    detail = ", ".join(t for t, _ in sorted(triggers.items(), key=lambda kv: (-kv[1], kv[0])))
    return card.title, f"event: {detail}" if detail else card.rule, card, marks


def build_timeline(cards: list[Card], places: _Places, labels: dict[str, str]) -> Timeline | None:
    date_cards = [c for c in cards if c.family == DATES]
    if not date_cards and not places.docs:
        return None
    raw_rows: list[tuple[str, str, Card | None, list[TimelineMark]]] = [
        ("Published", "publication dates", None, _published_row(places, labels)),
        *(_card_row(card, labels) for card in date_cards),
    ]
    values = [year_fraction(m.value) for *_, ms in raw_rows for m in ms]
    known = [v for v in values if v is not None]
    low, high = (min(known), max(known)) if known else (0.0, 1.0)
    low, high = float(int(low)), float(int(high) + 1)
    rows = []
    for label, detail, card, marks in raw_rows:
        for mark in marks:
            fraction = year_fraction(mark.value)
            if fraction is not None and known:
                mark.position = round((fraction - low) / (high - low) * 100, 2)
        axis = [m for m in marks if m.position is not None]
        axis = axis if card is not None else _cluster(axis)
        _lay_out(axis)
        rows.append(TimelineRow(label, detail, card, marks, axis))
    ticks = [(str(y), round((y - low) / (high - low) * 100, 2)) for y in _ticks(low, high)]
    columns = rows[: TABLE_COLUMNS + 1]  # publication dates, then the first conflicts
    table = _date_table(columns, places, labels)
    return Timeline(ticks if known else [], rows, table, columns, len(rows) - len(columns))


def _date_table(
    columns: list[TimelineRow], places: _Places, labels: dict[str, str]
) -> list[tuple[str, str, list[TimelineCell]]]:
    """One row per document that states a date of a conflict (the others have only a
    publication date), one cell per column: built in one pass over the marks."""
    cells: dict[str, list[list[tuple[TimelineMark, str]]]] = {}
    for at, row in enumerate(columns):
        for mark in row.marks:
            for label, anchor in mark.documents:
                cells.setdefault(label, [[] for _ in columns])[at].append((mark, anchor))
    table = []
    for path in places.order:
        mine = cells.get(labels[path])
        if mine is not None and any(mine[1:]):
            anchor = f"doc-{places.doc_number(path)}"
            table.append((labels[path], anchor, [TimelineCell(marks) for marks in mine]))
    return table


# --- per-document view --------------------------------------------------------------------


class _RelatedIndex:
    """The places of the cards at an entry, by form and document, built once per set of
    cards (thousands of entries of one conflict share it): each entry then lists a bounded
    number of them, so the page stays linear in the number of places."""

    def __init__(self) -> None:
        self.built: dict[tuple[int, ...], dict[str, dict[str, list[Place]]]] = {}

    def forms(self, cards: list[Card]) -> dict[str, dict[str, list[Place]]]:
        key = tuple(id(card) for card in cards)
        if key not in self.built:
            by_form: dict[str, dict[str, list[Place]]] = defaultdict(lambda: defaultdict(list))
            for place in dict.fromkeys(p for card in cards for p in card.places):
                by_form[place.text][place.doc_label].append(place)
            self.built[key] = by_form
        return self.built[key]

    def related(self, place: Place, cards: list[Card]) -> list[Related]:
        """Other places grouped by form (competing forms first), then by document."""
        by_form = self.forms(cards)
        related = []
        for text in sorted(by_form, key=lambda t: t == place.text):
            documents: list[RelatedDocument] = []
            # The entry's own document, when the entry is its only place of the form.
            alone = text == place.text and by_form[text].get(place.doc_label) == [place]
            total = len(by_form[text]) - alone
            for label, ps in by_form[text].items():
                if len(documents) == RELATED_DOCUMENTS:
                    break
                if ps == [place]:
                    continue
                mine = text == place.text and label == place.doc_label
                documents.append(_related_document(label, ps, place if mine else None))
            if documents:
                more = total - len(documents)
                related.append(Related(text, documents, more, cards[0].anchor))
        return related


def _related_document(label: str, ps: list[Place], skip: Place | None) -> RelatedDocument:
    """The first lines of a document's places (but `skip`, the entry itself)."""
    shown = [p for p in ps[: RELATED_LINES + 1] if p is not skip][:RELATED_LINES]
    lines = Counter(p.line for p in shown)
    links = [(f"{p.line}:{p.column}" if lines[p.line] > 1 else str(p.line), p) for p in shown]
    return RelatedDocument(label, links, len(ps) - (skip is not None) - len(shown))


def build_documents(cards: list[Card], places: _Places, labels: dict[str, str]) -> list[DocView]:
    cards_at: dict[PlaceKey, list[Card]] = defaultdict(list)
    for card in cards:
        for place in card.places:
            if card not in cards_at[place.key]:
                cards_at[place.key].append(card)
    entries: dict[str, list[DocEntry]] = defaultdict(list)
    index = _RelatedIndex()
    for key in sorted(cards_at, key=lambda k: (places.doc_number(k[0]), k[1], k[2])):
        place = places.places[key]
        related = index.related(place, cards_at[key])
        entries[key[0]].append(DocEntry(place, cards_at[key], related))
    views = []
    for path in places.order:
        doc = places.docs.get(path)
        views.append(
            DocView(
                anchor=f"doc-{places.doc_number(path)}",
                path=path,
                label=labels[path],
                published=doc.published.isoformat() if doc and doc.published else None,
                published_note=doc.published_note if doc else None,
                entries=entries.get(path, []),
            )
        )
    return views


# --- rendering ----------------------------------------------------------------------------


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("factlint.reporters", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["SEVERITY_ORDER"] = [s.value for s in SEVERITY_ORDER]
    return env


def build_page(report: Report) -> Page:
    # Paths only findings name (not read in this run) go last, sorted, so input order never shows.
    places = _Places(report.facts, report.paths)
    named = {places.key_of(p.path, p.line) for f in report.findings for p in _located(f)}
    places.extend_order(sorted(named - set(places.numbers)))
    cards = build_cards(list(report.findings), places)
    labels = places.labels()
    for place in places.places.values():
        place.doc_label = labels[place.path]
        place.findings.sort(key=lambda f: (f.code, f.message))
    families = Counter(card.family for card in cards)
    severities = Counter(card.severity.value for card in cards)
    return Page(
        version=report.version,
        summary=report.summary(),
        errors=list(report.errors),
        families=sorted(families.items(), key=lambda kv: kv[0].key),
        severities=[(s.value, severities[s.value]) for s in SEVERITY_ORDER if severities[s.value]],
        cards=cards,
        timeline=build_timeline(cards, places, labels),
        documents=build_documents(cards, places, labels),
    )


def _data_cards(cards: Iterable[Card]) -> str:
    return " ".join(dict.fromkeys(c.anchor for c in cards))


def render_html(report: Report) -> str:
    page = build_page(report)
    template = _environment().get_template("report.html.j2")
    return template.render(page=page, data_cards=_data_cards)
