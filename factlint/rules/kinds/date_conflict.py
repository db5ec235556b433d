"""Kind `date_conflict`: one event given different dates, across documents or inside one.

Dates are linked to events by their context, not by equal strings: two dates are about the
same event when their event phrases share an event type (fall / removal / "brought an end"
are all the end of a rule) and a participant (Assad). Dates of different events (the 2015
intervention, the 2024 fall) are never compared. Within each event the value most documents
give is the majority; a date that disagrees with it is flagged, with the agreeing documents as
evidence and a note when the two differ by one digit.

With `flag: relative` the kind checks relative dates ("ten months ago", "last December")
resolved against the document's publication date instead; a document without a publication
date has no resolved relative dates, so nothing is said about them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from factlint.facts.model import DateFact, DocumentFacts, FactSet
from factlint.findings.model import Finding
from factlint.rules.base import RuleKind, evidence_at
from factlint.rules.linking import (
    agree,
    event_word,
    first_per_document,
    is_calendar_value,
    one_digit_apart,
    participant_keys,
    plural,
)
from factlint.rules.model import KindOptions
from factlint.rules.registry import register


class Options(KindOptions):
    # Which dates this rule reports: stated ones, or relative ones resolved on publication.
    flag: Literal["absolute", "relative"] = "absolute"
    # Slack for relative dates, which are approximate ("ten months ago").
    relative_tolerance_months: int = 1
    # Event types compared: those that happen once to a participant. Recurring ones (a
    # meeting, an election, hosting a ceremony) have a date per instance.
    classes: list[str] = ["end-of-rule", "start-of-rule", "death", "birth"]
    max_evidence: int = 3


@dataclass(frozen=True)
class Statement:
    doc: DocumentFacts
    fact: DateFact
    index: int

    @property
    def value(self) -> str:
        assert self.fact.value is not None
        return self.fact.value


def document_statements(doc: DocumentFacts) -> Iterator[Statement]:
    for index, fact in enumerate(doc.dates):
        if is_calendar_value(fact.value) and fact.event.classes and fact.event.participants:
            yield Statement(doc, fact, index)


def statements(facts: FactSet) -> list[Statement]:
    return [s for doc in facts.documents for s in document_statements(doc)]


def event_keys(item: Statement, wanted: set[str]) -> Iterator[tuple[str, str]]:
    """The events a statement may be about: (event type, participant)."""
    for cls in item.fact.event.classes:
        if cls in wanted:
            for who in participant_keys(item.fact.event.participants):
                yield cls, who


def events(items: list[Statement], wanted: set[str]) -> list[tuple[str, list[Statement]]]:
    """Groups of statements about one event: same event type, a shared participant."""
    buckets: dict[tuple[str, str], list[Statement]] = defaultdict(list)
    for item in items:
        for key in event_keys(item, wanted):
            buckets[key].append(item)
    return [(key[0], buckets[key]) for key in sorted(buckets) if len(buckets[key]) > 1]


def _describe(group: list[Statement], cls: str) -> str:
    for s in group:
        word = event_word(s.fact.event.words, [cls], s.fact.event.trigger)
        if word != "event":
            return f"the {word}"
    return "this event"


@register("date_conflict")
class DateConflict(RuleKind):
    """One event, different dates: "December 2024" here, "December 2014" there.

    Options: `flag` (absolute | relative), `relative_tolerance_months`, `classes`,
    `max_evidence`. Message fields: {event}, {value}, {majority}, {support}, {note}.
    """

    Options = Options
    message_fields = ("event", "value", "majority", "support", "note")

    def blocking_keys(self, doc: DocumentFacts) -> set[str]:
        wanted = set(self.options.classes)  # type: ignore[attr-defined]
        return {
            f"{cls}|{who}" for s in document_statements(doc) for cls, who in event_keys(s, wanted)
        }

    def check(self, facts: FactSet) -> Iterable[Finding]:
        options: Options = self.options  # type: ignore[assignment]
        reported: set[tuple[str, int]] = set()
        for cls, group in events(statements(facts), set(options.classes)):
            for finding, key in self._conflicts(cls, group):
                if key not in reported:
                    reported.add(key)
                    yield finding

    def _tolerance(self, a: Statement, b: Statement) -> int:
        options: Options = self.options  # type: ignore[assignment]
        return options.relative_tolerance_months if a.fact.relative or b.fact.relative else 0

    def _conflicts(
        self, cls: str, group: list[Statement]
    ) -> Iterator[tuple[Finding, tuple[str, int]]]:
        options: Options = self.options  # type: ignore[assignment]
        # A document that itself gives two dates for the "event" is telling of two events
        # (two elections, two visits): the group is not one event.
        by_doc: dict[str, list[Statement]] = defaultdict(list)
        for s in group:
            by_doc[s.doc.path].append(s)
        for items in by_doc.values():
            if any(
                not agree(a.value, b.value, self._tolerance(a, b)) for a in items for b in items
            ):
                return
        # Absolute dates decide the majority; relative ones are checked against it.
        anchors = [s for s in group if not s.fact.relative]
        values = sorted({s.value for s in anchors})
        support = {v: {s.doc.path for s in anchors if agree(s.value, v)} for v in values}
        if not support:
            return
        majority = max(values, key=lambda v: (len(support[v]), len(v), v))
        backers = support[majority]
        # One evidence statement per backing document, found once for the whole group (a
        # group can hold every document of a large set).
        backing = first_per_document(
            (s for s in anchors if agree(s.value, majority)), backers, options.max_evidence + 1
        )
        description = _describe(group, cls)
        for s in group:
            if s.fact.relative != (options.flag == "relative"):
                continue
            tolerance = options.relative_tolerance_months if s.fact.relative else 0
            if agree(s.value, majority, tolerance):
                continue
            others = len(backers) - (s.doc.path in backers)
            if not others:
                continue
            mine = support.get(s.value, set())
            own = len(mine) - (s.doc.path in mine) if not s.fact.relative else 0
            evidence = [
                evidence_at(b.doc, b.fact.span) for b in backing if b.doc.path != s.doc.path
            ][: options.max_evidence]
            note = ""
            if one_digit_apart(s.value, majority):
                note = " (one digit apart: a typo?)"
            elif own >= others:
                note = (
                    f" ({plural(own, 'other document')} agree with this one: check which is right)"
                )
            if s.fact.relative:
                note += (
                    f" ('{s.fact.span.text}' counts from the publication date {s.doc.published})"
                )
            majority_text = evidence[0].text if evidence else majority
            replacement = (
                majority_text if not s.fact.relative and len(majority) == len(s.value) else None
            )
            finding = self.finding(
                s.doc,
                s.fact.span,
                evidence,
                replacement=replacement,
                safe_fix=False,
                event=description,
                value=s.value,
                majority=majority,
                support=plural(others, "other document"),
                note=note,
            )
            yield finding, (s.doc.path, s.index)
