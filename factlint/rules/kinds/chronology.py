"""Kind `chronology`: inside one document, two dated events in an order that cannot be.

Four orders are checked, each between events the document ties together:

- an ending before a "since" the document gives later for the same participant (001: the
  Assad rule ended "in December 2014", yet Russia has been the regime's ally "since its
  military intervention in 2015");
- an ending after the start of a state the document says still goes on ("has represented
  Khentii since 2016", "since losing his seat in the 2024 election");
- a death before something the same person is said to do ("he died in February 2014"; "Teles
  bought the club in 2016"), the person named, or a pronoun or role ("its founder") taken as
  the person last named;
- an outcome dated before the start of the work that led to it ("the restoration began in
  2017", then "the church reopened in 2014"; development begun in 2023, first test in 2021).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pydantic import Field

from factlint.diagnostics import Finding
from factlint.facts.model import DateFact, DocumentFacts, FactSet
from factlint.rules.base import RuleKind, evidence_of
from factlint.rules.linking import agree, event_word, is_calendar_value, participant_keys
from factlint.rules.model import KindOptions
from factlint.rules.registry import register

DEATH_WORDS = {"die", "death", "dead"}
# Outcome words named as events in messages ("the reopening", not "the reopen").
OUTCOME_NOUNS = {
    "reopen": "reopening", "rededicate": "rededication", "complete": "completion",
    "inaugurate": "inauguration", "sign": "signing", "unveil": "unveiling",
}  # fmt: skip
START_WORDS = {"begin", "start", "commence", "launch"}


class Options(KindOptions):
    end_classes: list[str] = Field(
        ["end-of-rule", "death", "departure"],
        description="Event types that end what a participant was (factlint/nlp/event_classes.py).",
    )
    losses: list[str] = Field(
        ["seat", "office", "power", "post", "job", "position", "majority", "title"],
        description='What "losing" ends as a state the document may say goes on ("lost his seat").',
    )
    outcomes: dict[str, list[str]] = Field(
        {
            "restoration": ["reopen", "reopening", "rededicate", "completion", "complete"],
            "renovation": ["reopen", "reopening", "completion", "complete"],
            "reconstruction": ["reopen", "reopening", "completion", "complete"],
            "rebuilding": ["reopen", "reopening", "completion", "complete"],
            "construction": ["opening", "inauguration", "inaugurate", "completion", "complete"],
            "development": ["test", "prototype", "unveil", "debut", "release"],
            "talk": ["signing", "sign", "agreement", "accord"],
            "negotiation": ["signing", "sign", "agreement", "accord"],
            "investigation": ["charge", "indictment", "arrest"],
            "trial": ["verdict", "conviction", "acquittal", "sentence"],
        },
        description="Work that begins (its noun) and what it leads to: an outcome dated before "
        "the work's start, later in the same document, is flagged.",
    )


@dataclass(frozen=True)
class Order:
    """One impossible order: the flagged date, the date it cannot precede or follow, and
    the words of the message."""

    flagged: DateFact
    other: DateFact
    event: str
    order: str
    reason: str


def _later(a: str, b: str) -> bool:
    """`a` is strictly after `b` at their common granularity."""
    width = min(len(a), len(b))
    return not agree(a, b) and a[:width] > b[:width]


def _name(key: str) -> str:
    return key.split()[-1].title() if key.split() else key


def _is_since(d: DateFact) -> bool:
    return "since" in d.event.scope or d.event.relation == "since"


def _same_person(a: str | None, b: str | None) -> bool:
    return bool(a and b and participant_keys([a]) & participant_keys([b]))


@register("chronology")
class Chronology(RuleKind[Options]):
    """Two dated events of one document in an order that cannot be."""

    message_fields = {
        "event": "the flagged event, with who takes part, e.g. 'the death (Teles)'",
        "order": "'before' or 'after'",
        "other": "the other date, as written",
        "other_line": "the line of the other date",
        "reason": "why the order cannot be, e.g. ', yet the document has Teles buy then'",
    }

    def blocking_keys(self, doc: DocumentFacts) -> set[str]:
        return set()  # one document at a time

    def check(self, facts: FactSet) -> Iterable[Finding]:
        for doc in facts.documents:
            dated = [d for d in doc.dates if is_calendar_value(d.value) and not d.relative]
            seen: set[int] = set()
            for found in (
                *self._ends_before_since(dated),
                *self._ends_while_ongoing(dated, doc),
                *self._deaths_before_acts(dated),
                *self._outcomes_before_starts(dated),
            ):
                if found.flagged.span.start in seen:
                    continue
                seen.add(found.flagged.span.start)
                yield self._finding(doc, found)

    def _finding(self, doc: DocumentFacts, found: Order) -> Finding:
        evidence = evidence_of([(doc, found.other.span)])
        return self.finding(
            doc,
            found.flagged.span,
            evidence,
            event=found.event,
            order=found.order,
            other=found.other.span.text,
            other_line=found.other.span.line,
            reason=found.reason,
        )

    def _is_end(self, d: DateFact) -> bool:
        if set(self.options.end_classes) & set(d.event.classes):
            return True
        return "lose" in d.event.words and bool(set(self.options.losses) & set(d.event.words))

    def _end_word(self, d: DateFact) -> str:
        if "lose" in d.event.words and not set(self.options.end_classes) & set(d.event.classes):
            return "the loss"
        classes = sorted(set(self.options.end_classes) & set(d.event.classes))
        return "the " + event_word(list(d.event.words), classes, d.event.trigger)

    def _ends_before_since(self, dated: list[DateFact]) -> Iterator[Order]:
        """An ending dated before a later "since" about the same participant."""
        for end in dated:
            if not self._is_end(end):
                continue
            who = participant_keys(end.event.participants)
            for since in dated:
                if not _is_since(since) or since is end:
                    continue
                shared = who & participant_keys(since.event.sentence_participants)
                if shared and _later(since.value or "", end.value or ""):
                    name = next(
                        (
                            _name(k)
                            for k in end.event.participants
                            if participant_keys([k]) & shared
                        ),
                        "",
                    )
                    yield Order(
                        end,
                        since,
                        f"{self._end_word(end)} ({name})",
                        "before",
                        ", yet the document says it went on since then",
                    )
                    break

    def _ends_while_ongoing(self, dated: list[DateFact], doc: DocumentFacts) -> Iterator[Order]:
        """An ending after the start of a state the document says still goes on ("has
        represented Khentii since 2016"; "lost his seat in 2024")."""
        ongoing = [d for d in dated if _is_since(d) and d.event.ongoing]
        for end in dated:
            if not self._is_end(end) or end.event.ongoing:
                continue
            if doc.published is not None and (end.value or "") > doc.published.isoformat():
                continue  # a planned ending
            who = participant_keys(end.event.sentence_participants)
            for since in ongoing:
                if since.event.sentence_start == end.event.sentence_start:
                    continue
                shared = who & participant_keys(since.event.sentence_participants)
                if shared and _later(end.value or "", since.value or ""):
                    name = _name(sorted(shared)[0])
                    yield Order(
                        end,
                        since,
                        f"{self._end_word(end)} ({name})",
                        "after",
                        ", yet the document says what it ended still goes on since then",
                    )
                    break

    def _deaths_before_acts(self, dated: list[DateFact]) -> Iterator[Order]:
        """A death dated before something the same person does."""
        for death in dated:
            agent = death.event.agent
            if not agent or death.event.trigger not in DEATH_WORDS:
                continue
            for act in dated:
                if act.event.trigger in DEATH_WORDS or "death" in act.event.classes:
                    continue
                if not _same_person(act.event.agent, agent):
                    continue
                if _later(act.value or "", death.value or ""):
                    name = _name(agent)
                    yield Order(
                        death,
                        act,
                        f"the death ({name})",
                        "before",
                        f", yet the document has {name} {act.event.trigger} then",
                    )
                    break

    def _outcomes_before_starts(self, dated: list[DateFact]) -> Iterator[Order]:
        """An outcome, told after the start of the work that led to it, dated before it."""
        outcomes = {k: set(v) for k, v in self.options.outcomes.items()}
        for start in dated:
            words = set(start.event.words)
            if not words & START_WORDS:
                continue
            for work in sorted(words & set(outcomes)):
                for outcome in dated:
                    if outcome.span.start <= start.span.start or outcome is start:
                        continue
                    hit = sorted(set(outcome.event.words) & outcomes[work])
                    if hit and _later(start.value or "", outcome.value or ""):
                        yield Order(
                            outcome,
                            start,
                            f"the {OUTCOME_NOUNS.get(hit[0], hit[0])}",
                            "before",
                            f" when the {work} that led to it began",
                        )
                        break
