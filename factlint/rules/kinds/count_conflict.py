"""Kind `count_conflict`: numbers stated for the same thing that disagree ("12 agreements" here,
"14 agreements" there; a "10-point agreement" against a "12-point agreement"; "$530 million"
of savings against "$350 million").

A count is a number, the noun it counts (with the unit hyphened to it: "five-year contract"
counts years of a contract) or a sum's currency, and the participants of its event. Counts of
one noun are compared across the documents of a set when their participants do not tell them
apart: they share one, one of them names none ("the company", "the sides"), or one names only
the story's main actors. A count is flagged when `min_agreeing_documents` other documents
agree on another value and none agrees with it, or when one other document gives the same
digits in another order (a typo). Approximate and running figures ("about", "at least",
"rose to"), a document that itself gives two values (two different things), and a larger
figure in a later publication (an update) are left alone. A noun the story uses for more
than `max_values` figures ("seats" won, needed, held) counts several things: only swapped
digits are flagged there, as for sums of money. Without a typo, a bare noun ("three boats")
also needs a backer that names one of its participants (or, when it names none, backers
that name the same one).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Annotated

from pydantic import Field

from factlint.diagnostics import Finding
from factlint.facts.model import CountFact, DocumentFacts, FactSet
from factlint.rules.base import RuleKind, evidence_of
from factlint.rules.linking import (
    actor_keys,
    counted,
    participant_names,
    plural,
    story_actors,
)
from factlint.rules.model import KindOptions
from factlint.rules.registry import register
from factlint.rules.voting import NO_MAJORITY, Ballot

CURRENCY_NAMES = {"usd": "dollars", "eur": "euros", "gbp": "pounds", "sgd": "Singapore dollars"}


class Options(KindOptions):
    ignore_nouns: Annotated[
        list[str],
        Field(description="Nouns whose counts legitimately differ (units, time spans, tolls)."),
    ] = [
        "year", "month", "week", "day", "hour", "minute", "second", "time", "percent", "people",
        "person", "dollar", "point", "mile", "kilometer", "foot", "meter", "inch", "pound",
        "dead", "death", "injury", "casualty", "victim", "body",
    ]  # fmt: skip
    min_agreeing_documents: int = Field(
        2, description="Documents that must write the other figure before one is flagged."
    )
    max_values: int = Field(
        2,
        description="More distinct figures than this for one noun in a set: it counts several"
        " things, and none is flagged.",
    )
    max_evidence: int = Field(3, description="Documents quoted as evidence, at most.")


@dataclass(frozen=True)
class Stated:
    doc: DocumentFacts
    fact: CountFact
    people: frozenset[str]


def _compatible(a: Stated, b: Stated, story: set[str]) -> bool:
    """Nothing in the two statements' participants tells their counts apart."""
    if not a.people or not b.people or a.people & b.people:
        return True
    return a.people <= story or b.people <= story


def _tied(item: Stated, backers: list[Stated]) -> bool:
    """A backer names one of the statement's participants; or the statement names none ("the
    sides signed 13 contracts") and its backers name the same participant."""
    if item.people:
        return any(item.people & b.people for b in backers)
    return any(a.people & b.people for a in backers for b in backers if a is not b)


def _value(item: Stated) -> float:
    return item.fact.value


def _digits(value: float) -> str:
    return f"{value:.6g}".replace(".", "").replace("e+", "e")


def transposed(a: float, b: float) -> bool:
    """The same digits in another order (48 / 84, 350 / 530): a typo more likely than a fact."""
    da, db = _digits(a), _digits(b)
    return da != db and len(da) == len(db) >= 2 and sorted(da) == sorted(db)


def _fmt(value: float) -> str:
    for size, word in ((10**9, "billion"), (10**6, "million")):
        if value >= size:
            return f"{value / size:g} {word}"
    return f"{value:g}"


def _plural(noun: str) -> str:
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es" if not noun.endswith("s") else noun
    if noun.endswith("y") and noun[-2:-1] not in {"a", "e", "o", "u"}:
        return noun[:-1] + "ies"
    return noun + "s"


def _is_update(item: Stated, other: float, backers: list[Stated]) -> bool:
    """A larger figure published later (or a smaller one earlier) reads as an update."""
    mine = item.doc.published
    theirs = [b.doc.published for b in backers]
    if mine is None or any(t is None for t in theirs):
        return False
    if item.fact.value > other:
        return all(mine > t for t in theirs if t is not None)
    return all(mine < t for t in theirs if t is not None)


@register("count_conflict")
class CountConflict(RuleKind[Options]):
    """Numbers for the same thing that disagree: "12 agreements" vs "14 agreements"."""

    message_fields = {
        "counted": "this document's figure with its noun in agreement, e.g. '12 agreements'",
        "other_counted": "the other documents' figure with its noun, e.g. '14 agreements'",
        "noun": "the counted noun",
        "value": "this document's figure",
        "other": "the other documents' figure",
        "support": "the documents that write the other version, e.g. '2 other documents'",
        "note": "' (the same digits in another order: a typo?)' when it looks like one",
    }

    def blocking_keys(self, doc: DocumentFacts) -> set[str]:
        return actor_keys(doc)

    def check(self, facts: FactSet) -> Iterable[Finding]:
        options = self.options
        groups: dict[tuple[str, str, str], list[Stated]] = defaultdict(list)
        ignored = set(options.ignore_nouns)
        for doc in facts.documents:
            for fact in doc.counts:
                if fact.hedged or (fact.noun is None and fact.unit is None):
                    continue
                if fact.noun in ignored and fact.unit is None:
                    continue
                people = frozenset(participant_names(fact.event.participants))
                # "13 homers in 54 games" is a part: compared only with figures for the same.
                key = (fact.noun or "", fact.unit or "", fact.scope or "")
                groups[key].append(Stated(doc, fact, people))
        story = story_actors(facts)
        for key in sorted(groups):
            yield from self._check_group(groups[key], story)

    def _check_group(self, items: list[Stated], story: set[str]) -> Iterable[Finding]:
        options = self.options
        ballot = Ballot(items, _value)
        several = len(ballot.statements) > options.max_values or items[0].fact.noun is None
        for value in sorted(ballot.statements):
            if len(ballot.documents[value]) > 1:
                continue  # another document gives the same figure
            for item in ballot.statements[value]:
                verdict = self._verdict(item, value, ballot, story, several)
                if verdict is not None:
                    yield self._finding(item, *verdict)

    def _verdict(
        self,
        item: Stated,
        value: float,
        ballot: Ballot[Stated, float],
        story: set[str],
        several: bool,
    ) -> tuple[float, list[Stated], bool] | None:
        """The other figure this statement disagrees with, its backers, and whether the two
        are a digit typo; None when nothing stands against it."""
        options = self.options
        best: tuple[tuple[bool, int], float, list[Stated], bool] | None = None
        path = item.doc.path
        # A document that gives both figures counts two different things with them.
        rivals = ballot.rivals(
            lambda b: b.fact.value != value and path not in ballot.documents[b.fact.value]
        )
        for other in sorted(rivals):
            backers = [b for b in rivals[other].statements if _compatible(item, b, story)]
            first = {b.doc.path: b for b in sorted(backers, key=lambda b: b.doc.path)}
            typo = transposed(value, other)
            need = 1 if typo else options.min_agreeing_documents
            if len(first) < need or (several and not typo):
                continue
            # Without a typo, a bare noun ("three boats") needs a backer naming the same
            # participant; a unit ("a four-year contract") is specific enough on its own.
            if not typo and not item.fact.unit and not _tied(item, backers):
                continue
            if not typo and _is_update(item, other, list(first.values())):
                continue
            rank = (typo, len(first))
            if best is None or rank > best[0]:
                best = (rank, other, list(first.values()), typo)
        return None if best is None else best[1:]

    def _finding(self, item: Stated, other: float, backers: list[Stated], typo: bool) -> Finding:
        options = self.options
        fact = item.fact
        evidence = evidence_of(((b.doc, b.fact.span) for b in backers), options.max_evidence)
        if fact.noun is None:
            noun = CURRENCY_NAMES.get(fact.unit or "", (fact.unit or "").upper())
            value, other_text = _fmt(fact.value), _fmt(other)
            mine, theirs = f"{value} {noun}", f"{other_text} {noun}"
        elif fact.unit:
            noun = fact.noun  # "a 4-year contract": the noun stays singular
            value, other_text = f"{_fmt(fact.value)}-{fact.unit}", f"{_fmt(other)}-{fact.unit}"
            mine, theirs = f"{value} {noun}", f"{other_text} {noun}"
        else:
            noun, value, other_text = _plural(fact.noun), _fmt(fact.value), _fmt(other)
            # "1 agreement", "14 agreements": the noun agrees with each figure.
            mine, theirs = counted(value, fact.noun), counted(other_text, fact.noun)
        return self.finding(
            item.doc,
            fact.span,
            evidence,
            more_evidence=len(backers) - len(evidence),
            noun=noun,
            value=value,
            other=other_text,
            counted=mine,
            other_counted=theirs,
            support=plural(len(backers), "other document"),
            note=(" (the same digits in another order: a typo?)" if typo else "")
            + (NO_MAJORITY if len(backers) == 1 else ""),
        )
