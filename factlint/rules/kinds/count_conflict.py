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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from factlint.facts.model import CountFact, DocumentFacts, FactSet
from factlint.findings.model import Finding
from factlint.rules.base import RuleKind, evidence_at
from factlint.rules.linking import first_per_document, participant_blocks, plural
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

    def _stated(self, doc: DocumentFacts) -> Iterator[Stated]:
        options: Options = self.options  # type: ignore[assignment]
        ignored = set(options.ignore_nouns)
        for fact in doc.counts:
            if fact.noun and fact.noun not in ignored and fact.event.classes:
                yield Stated(doc, fact)

    def _blocks(self, item: Stated) -> Iterator[tuple[str, ...]]:
        """Event type and the participants two statements must share."""
        options: Options = self.options  # type: ignore[assignment]
        for cls in item.fact.event.classes:
            for pair in participant_blocks(item.people, options.min_shared_participants):
                yield (cls, *pair)

    def blocking_keys(self, doc: DocumentFacts) -> set[str]:
        return {
            "|".join((item.fact.noun or "", *key))
            for item in self._stated(doc)
            for key in self._blocks(item)
        }

    def check(self, facts: FactSet) -> Iterable[Finding]:
        by_noun: dict[str, list[Stated]] = defaultdict(list)
        for doc in facts.documents:
            for item in self._stated(doc):
                by_noun[item.fact.noun or ""].append(item)
        for noun in sorted(by_noun):
            yield from self._check_noun(noun, by_noun[noun])

    def _check_noun(self, noun: str, items: list[Stated]) -> Iterable[Finding]:
        """Block by event type and the participants two statements must share, so the cost
        follows the number of statements, not their pairs."""
        options: Options = self.options  # type: ignore[assignment]
        blocks: dict[tuple[str, ...], list[Stated]] = defaultdict(list)
        for item in items:
            for key in self._blocks(item):
                blocks[key].append(item)
        confirmed: set[int] = set()  # another document gives the same number
        best: dict[int, tuple[int, float, list[Stated]]] = {}
        for key in sorted(blocks):
            block = blocks[key]
            by_value: dict[float, set[str]] = defaultdict(set)
            members: dict[float, list[Stated]] = defaultdict(list)
            for b in block:
                by_value[b.fact.value].add(b.doc.path)
                members[b.fact.value].append(b)
            # Work per value, not per statement: a block can hold every document of a set.
            for value, docs in by_value.items():
                if len(docs) > 1:
                    confirmed.update(id(item) for item in members[value])
                    continue
                others = [v for v in by_value if v != value]
                if not others:
                    continue
                other = max(others, key=lambda v: (len(by_value[v]), -v))
                backers = by_value[other] - docs
                backing = first_per_document(members[other], backers, options.max_evidence)
                for item in members[value]:
                    if len(backers) > best.get(id(item), (0,))[0]:
                        best[id(item)] = (len(backers), other, backing)
        for item in items:
            verdict = best.get(id(item))
            if id(item) in confirmed or verdict is None:
                continue
            support, other, backing = verdict
            if support < options.min_agreeing_documents:
                continue
            evidence = [evidence_at(b.doc, b.fact.span) for b in backing]
            yield self.finding(
                item.doc,
                item.fact.span,
                evidence,
                noun=noun,
                value=_fmt(item.fact.value),
                other=_fmt(other),
                support=plural(support, "other document"),
            )
