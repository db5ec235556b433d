"""Kind `count_conflict`: numbers stated for the same thing that disagree ("12 agreements" here,
"14 agreements" there).

A count is tied to the noun it counts and the participants and event type of its sentence.
Two counts are compared only when the noun is the same, the sentences share an event type and
at least one participant. Counts that change over time (death tolls, injured) disagree in
honest coverage, so a count is flagged only when at least `min_agreeing_documents` other
documents agree on another value and none of them agrees with it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from factlint.facts.model import CountFact, DocumentFacts, FactSet
from factlint.findings.model import Evidence, Finding
from factlint.rules.base import RuleKind
from factlint.rules.linking import plural
from factlint.rules.model import KindOptions
from factlint.rules.registry import register


class Options(KindOptions):
    # Nouns whose counts legitimately differ (units, time spans, running tolls).
    ignore_nouns: list[str] = [
        "year", "month", "week", "day", "hour", "minute", "second", "time", "percent", "people",
        "person", "dollar", "point", "mile", "kilometer", "foot", "meter", "inch", "pound",
        "dead", "death", "injury", "casualty", "victim", "body",
    ]  # fmt: skip
    min_agreeing_documents: int = 2
    # Named participants both sentences must share ("Lula", "Scholz", "Berlin").
    min_shared_participants: int = 2
    max_evidence: int = 3


@dataclass(frozen=True)
class Stated:
    doc: DocumentFacts
    fact: CountFact

    @property
    def people(self) -> set[str]:
        # Whole names: "Royal Navy" and "Indian Navy" are not one participant.
        return set(self.fact.event.sentence_participants)


def _fmt(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


@register("count_conflict")
class CountConflict(RuleKind):
    """Numbers for the same thing that disagree: "12 agreements" vs "14 agreements".

    Options: `ignore_nouns`, `min_agreeing_documents`, `max_evidence`.
    Message fields: {noun}, {value}, {other}, {support}.
    """

    Options = Options
    message_fields = ("noun", "value", "other", "support")

    def check(self, facts: FactSet) -> Iterable[Finding]:
        options: Options = self.options  # type: ignore[assignment]
        by_noun: dict[str, list[Stated]] = defaultdict(list)
        ignored = set(options.ignore_nouns)
        for doc in facts.documents:
            for fact in doc.counts:
                if fact.noun and fact.noun not in ignored and fact.event.classes:
                    by_noun[fact.noun].append(Stated(doc, fact))
        for noun in sorted(by_noun):
            yield from self._check_noun(noun, by_noun[noun])

    def _check_noun(self, noun: str, items: list[Stated]) -> Iterable[Finding]:
        options: Options = self.options  # type: ignore[assignment]
        for item in items:
            peers = [
                p
                for p in items
                if p.doc.path != item.doc.path
                and len(item.people & p.people) >= options.min_shared_participants
                and set(item.fact.event.classes) & set(p.fact.event.classes)
            ]
            if any(p.fact.value == item.fact.value for p in peers):
                continue
            by_value: dict[float, set[str]] = defaultdict(set)
            for p in peers:
                by_value[p.fact.value].add(p.doc.path)
            if not by_value:
                continue
            other = max(by_value, key=lambda v: (len(by_value[v]), -v))
            backers = sorted(by_value[other])
            if len(backers) < options.min_agreeing_documents:
                continue
            evidence = []
            for path in backers[: options.max_evidence]:
                p = next(p for p in peers if p.doc.path == path and p.fact.value == other)
                s = p.fact.span
                evidence.append(Evidence(path=path, line=s.line, column=s.column, text=s.text))
            yield self.finding(
                item.doc,
                item.fact.span,
                evidence,
                noun=noun,
                value=_fmt(item.fact.value),
                other=_fmt(other),
                support=plural(len(backers), "other document"),
            )
