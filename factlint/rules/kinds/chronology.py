"""Kind `chronology`: inside one document, something ended before a state the document says has
continued "since" a later date.

001: the rule of the Assad family ended "in December 2014", yet "since its military
intervention in 2015, Russia has been the Assad regime's most prominent ally". An end-type
event (fall, ouster, death, resignation...) dated D with participant P, and a "since" date
later than D in a sentence about P, cannot both be right.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import Field

from factlint.facts.model import DocumentFacts, FactSet
from factlint.findings.model import Finding
from factlint.rules.base import RuleKind, evidence_at
from factlint.rules.linking import agree, event_word, is_calendar_value, participant_keys
from factlint.rules.model import KindOptions
from factlint.rules.registry import register


class Options(KindOptions):
    end_classes: list[str] = Field(
        ["end-of-rule", "death", "departure"],
        description="Event types that end what a participant was (factlint/nlp/event_classes.py).",
    )


def _later(a: str, b: str) -> bool:
    """`a` is strictly after `b` at their common granularity."""
    width = min(len(a), len(b))
    return not agree(a, b) and a[:width] > b[:width]


@register("chronology")
class Chronology(RuleKind[Options]):
    """An end dated before something the same document says continued "since" a later date."""

    message_fields = {
        "event": "the ending, e.g. 'the end of rule'",
        "since": 'the later "since" date, as written',
        "since_line": 'the line of the "since" date',
        "who": "the participant both sentences are about",
    }

    def blocking_keys(self, doc: DocumentFacts) -> set[str]:
        return set()  # one document at a time

    def check(self, facts: FactSet) -> Iterable[Finding]:
        options = self.options
        ends = set(options.end_classes)
        for doc in facts.documents:
            dated = [d for d in doc.dates if is_calendar_value(d.value) and not d.relative]
            for end in dated:
                if not ends & set(end.event.classes):
                    continue
                who = participant_keys(end.event.participants)
                for since in dated:
                    if "since" not in since.event.scope and since.event.relation != "since":
                        continue
                    shared = who & participant_keys(since.event.sentence_participants)
                    if not shared or not _later(since.value or "", end.value or ""):
                        continue
                    name = next(
                        (
                            k.split()[-1].title()
                            for k in end.event.participants
                            if participant_keys([k]) & shared
                        ),
                        "",
                    )
                    yield self.finding(
                        doc,
                        end.span,
                        [evidence_at(doc, since.span)],
                        event="the "
                        + event_word(
                            end.event.words,
                            sorted(ends & set(end.event.classes)),
                            end.event.trigger,
                        ),
                        since=since.span.text,
                        since_line=since.span.line,
                        who=name,
                    )
                    break
