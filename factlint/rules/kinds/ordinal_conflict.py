"""Kind `ordinal_conflict`: the same event counted differently ("second" meeting here, "first"
there) between the same participants.

An ordinal is tied to the noun it counts ("the first official meeting" -> meeting) and the
people in its sentence. Two ordinals are compared only when their nouns are the same kind of
event (meeting / encounter / summit / talks) and they share at least `min_shared_participants`
participants; "first quarter", "first time" or "the first high-profile engagement" are other
things. When the documents date the events differently, the message says they may describe
different events rather than asserting a contradiction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from factlint.facts.model import DocumentFacts, FactSet, OrdinalFact
from factlint.findings.model import Evidence, Finding
from factlint.nlp.event_classes import classes_of
from factlint.nlp.names import skeleton
from factlint.rules.base import RuleKind
from factlint.rules.linking import agree, is_calendar_value, participant_keys, plural
from factlint.rules.model import KindOptions
from factlint.rules.registry import register

ORDINAL_NAMES = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth"}


class Options(KindOptions):
    # Event types whose ordinals are compared (see factlint/nlp/event_classes.py).
    classes: list[str] = ["meeting", "call", "election", "visit", "summit"]
    min_shared_participants: int = 2
    max_evidence: int = 3


@dataclass(frozen=True)
class Counted:
    doc: DocumentFacts
    fact: OrdinalFact

    @property
    def people(self) -> set[str]:
        return participant_keys(self.fact.event.sentence_participants)


def _event_dates(doc: DocumentFacts, cls: str) -> set[str]:
    return {
        d.value
        for d in doc.dates
        if d.value and is_calendar_value(d.value) and cls in d.event.classes
    }


@register("ordinal_conflict")
class OrdinalConflict(RuleKind):
    """The same meeting counted differently: "their second encounter" vs "the first meeting".

    Options: `classes`, `min_shared_participants`, `max_evidence`.
    Message fields: {noun}, {other}, {support}, {participants}, {note}.
    """

    Options = Options
    message_fields = ("noun", "other", "support", "participants", "note")

    def check(self, facts: FactSet) -> Iterable[Finding]:
        options: Options = self.options  # type: ignore[assignment]
        by_class: dict[str, list[Counted]] = defaultdict(list)
        for doc in facts.documents:
            for fact in doc.ordinals:
                if fact.noun is None:
                    continue
                for cls in classes_of([fact.noun]):
                    if cls in options.classes:
                        by_class[cls].append(Counted(doc, fact))
        for cls in sorted(by_class):
            yield from self._check_class(cls, by_class[cls])

    def _check_class(self, cls: str, items: list[Counted]) -> Iterable[Finding]:
        options: Options = self.options  # type: ignore[assignment]
        for item in items:
            peers = [
                other
                for other in items
                if other.doc.path != item.doc.path
                and len(item.people & other.people) >= options.min_shared_participants
            ]
            if not peers:
                continue
            # Documents that count the event as this one does, and those that don't.
            same = {p.doc.path for p in peers if p.fact.value == item.fact.value} | {item.doc.path}
            differ: dict[str, list[Counted]] = defaultdict(list)
            for p in peers:
                if p.fact.value != item.fact.value:
                    differ[p.doc.path].append(p)
            if not differ:
                continue
            by_value: dict[int, set[str]] = defaultdict(set)
            for p in peers:
                by_value[p.fact.value].add(p.doc.path)
            other_value = max(
                (v for v in by_value if v != item.fact.value), key=lambda v: (len(by_value[v]), -v)
            )
            backers = sorted(by_value[other_value] - same)
            if len(backers) < len(same):
                continue
            evidence = []
            for path in backers[: options.max_evidence]:
                p = next(p for p in differ[path] if p.fact.value == other_value)
                span = p.fact.span
                evidence.append(
                    Evidence(path=path, line=span.line, column=span.column, text=span.text)
                )
            shared = sorted(
                set.intersection(item.people, *(p.people for p in peers if p.doc.path in backers))
            )
            note = self._dates_note(cls, item, [p for p in peers if p.doc.path in backers])
            if len(backers) == len(same):
                note += " (no majority: check which is right)"
            yield self.finding(
                item.doc,
                item.fact.span,
                evidence,
                noun=item.fact.noun,
                other=ORDINAL_NAMES.get(other_value, str(other_value)),
                support=plural(len(backers), "other document"),
                participants=", ".join(_readable(item, shared)),
                note=note,
            )

    @staticmethod
    def _dates_note(cls: str, item: Counted, backers: list[Counted]) -> str:
        mine = _event_dates(item.doc, cls)
        theirs = set().union(*(_event_dates(b.doc, cls) for b in backers))
        if mine and theirs and not any(agree(a, b) for a in mine for b in theirs):
            return (
                f"; the documents date the {item.fact.noun} differently"
                f" ({', '.join(sorted(mine))} vs {', '.join(sorted(theirs))}),"
                " so they may describe different events"
            )
        return ""


def _readable(item: Counted, shared_keys: list[str]) -> list[str]:
    """Participant names as the document writes them, once each, for the message."""
    names: dict[str, str] = {}
    for key in item.fact.event.sentence_participants:
        last = key.split()[-1] if key.split() else key
        if skeleton(last) in shared_keys:
            names.setdefault(skeleton(last), last.title())
    return list(names.values())
