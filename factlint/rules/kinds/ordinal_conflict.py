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
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from pydantic import Field

from factlint.diagnostics import Finding
from factlint.facts.model import DocumentFacts, FactSet, OrdinalFact
from factlint.nlp.event_classes import classes_of
from factlint.nlp.names import skeleton
from factlint.rules.base import RuleKind, evidence_of
from factlint.rules.linking import (
    actor_keys,
    agree,
    first_per_document,
    is_calendar_value,
    participant_blocks,
    participant_keys,
    plural,
    story_keys,
)
from factlint.rules.model import KindOptions
from factlint.rules.registry import register
from factlint.rules.voting import NO_MAJORITY, Ballot

ORDINAL_NAMES = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth"}


class Options(KindOptions):
    classes: list[str] = Field(
        ["meeting", "call", "election", "acquisition", "bid"],
        description="Event types whose ordinals are compared (factlint/nlp/event_classes.py).",
    )
    min_shared_participants: int = Field(
        2, description="Participants two statements must share to be about one series."
    )
    max_evidence: int = Field(3, description="Documents quoted as evidence, at most.")


@dataclass(frozen=True)
class Counted:
    doc: DocumentFacts
    fact: OrdinalFact
    # Counted since or under something: as stated, or as the same document states that
    # value elsewhere (a headline's "Second Meeting" is the body's "second since the fall").
    restricted: bool = False

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
class OrdinalConflict(RuleKind[Options]):
    """The same meeting counted differently: "their second encounter" vs "the first meeting"."""

    message_fields = {
        "noun": "the counted event's noun, e.g. 'meeting'",
        "other": "the ordinal the other documents give, e.g. 'first'",
        "support": "the documents that write the other version, e.g. '2 other documents'",
        "participants": "the participants the statements share",
        "note": "the events' dates when they differ (maybe two events), a tie; else empty",
    }
    compares = ("ordinals",)

    def blocking_keys(self, doc: DocumentFacts) -> set[str]:
        return actor_keys(doc)

    def check(self, facts: FactSet) -> Iterable[Finding]:
        options = self.options
        by_class: dict[str, list[Counted]] = defaultdict(list)
        for doc in facts.documents:
            restricted = {
                (cls, o.value)
                for o in doc.ordinals
                if o.restricted and o.noun
                for cls in classes_of([o.noun])
            }
            for fact in doc.ordinals:
                if fact.noun is None:
                    continue
                for cls in classes_of([fact.noun]):
                    if cls in options.classes:
                        limited = fact.restricted or (cls, fact.value) in restricted
                        by_class[cls].append(Counted(doc, fact, limited))
        story = story_keys(facts)
        for cls in sorted(by_class):
            yield from self._check_class(cls, by_class[cls], story)

    def _blocks(self, items: list[Counted], story: set[str]) -> list[list[Counted]]:
        """Statements that may count one occurrence: they share participants (an ordinal
        whose sentence names none, or only the story's main actors, stands for them: "the
        company's fourth launch"), and their sentences date the event to the same day or
        one next to it, or leave it undated."""
        options = self.options
        blocks: dict[tuple[str, ...], list[Counted]] = defaultdict(list)
        anyone = [i for i in items if not i.people or i.people <= story]
        for item in items:
            for key in participant_blocks(item.people, options.min_shared_participants):
                blocks[key].append(item)
        if anyone:
            for key in list(blocks):
                # By identity: `in` on the list compared statements field by field, which
                # made a block of n cost n² comparisons (45 s of a 60 s check at 3 000).
                present = {id(i) for i in blocks[key]}
                blocks[key].extend(i for i in anyone if id(i) not in present)
            blocks[("",)] = anyone
        return [part for key in sorted(blocks) for part in _occurrences(blocks[key])]

    def _check_class(self, cls: str, items: list[Counted], story: set[str]) -> Iterable[Finding]:
        """Each ordinal is judged in the block where the most documents disagree with it."""
        options = self.options
        blocks = dict(enumerate(self._blocks(items, story)))
        verdicts: dict[int, tuple[int, int, int, int, list[Counted]]] = {}
        # The most documents that agree with an ordinal in any of its blocks: an ordinal is
        # flagged only where more documents disagree with it than agree anywhere.
        agreeing: dict[int, int] = defaultdict(int)
        for key in sorted(blocks):
            ballot = Ballot(blocks[key], _value)
            readings: dict[tuple[int, bool], list[Counted]] = defaultdict(list)
            for b in blocks[key]:
                readings[(b.fact.value, b.restricted)].append(b)
            # Work per reading, not per statement: a block can hold every document of a set.
            for (value, restricted), mine in readings.items():
                same = ballot.documents[value]
                for item in mine:
                    agreeing[id(item)] = max(agreeing[id(item)], len(same))
                against = ballot.rivals(_against(value, restricted))
                if not against:
                    continue
                other = max(against, key=lambda v: (len(against[v].documents), -v))
                backers = against[other].documents - same
                if len(backers) < len(same):
                    continue
                backing = first_per_document(
                    against[other].statements, backers, options.max_evidence
                )
                verdict = (len(backers), len(same), key, other, backing)
                for item in mine:
                    if len(backers) > verdicts.get(id(item), (0,))[0]:
                        verdicts[id(item)] = verdict
        for item in items:
            best = verdicts.get(id(item))
            if best is not None and best[0] >= agreeing[id(item)]:
                yield self._finding(cls, item, *best)

    def _finding(
        self,
        cls: str,
        item: Counted,
        support: int,
        agreeing: int,
        key: int,
        other: int,
        backing: list[Counted],
    ) -> Finding:
        # `backing` holds one statement per disagreeing document, at most max_evidence.
        evidence = evidence_of((b.doc, b.fact.span) for b in backing)
        note = self._dates_note(cls, item, backing)
        if support == agreeing:
            note += NO_MAJORITY
        return self.finding(
            item.doc,
            item.fact.span,
            evidence,
            noun=item.fact.noun,
            other=ORDINAL_NAMES.get(other, str(other)),
            support=plural(support, "other document"),
            more_evidence=support - len(evidence),
            participants=", ".join(_readable(item, _shared(item, backing, key))),
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


def _value(item: Counted) -> int:
    return item.fact.value


def _against(value: int, restricted: bool) -> Callable[[Counted], bool]:
    """Which statements cannot hold with an ordinal read this way."""
    return lambda b: _conflicting(value, restricted, b.fact.value, b.restricted)


def _conflicting(value: int, restricted: bool, other: int, other_restricted: bool) -> bool:
    """Two ordinals of one occurrence that cannot both hold. One counted since or under
    something ("the first election since independence") counts a part of the whole run ("the
    fourth election"): it may be lower than the whole's, never higher."""
    if restricted == other_restricted:
        return value != other
    return value > other if restricted else value < other


def _shared(item: Counted, backing: list[Counted], key: int) -> list[str]:
    """Who the flagged statement and the documents it disagrees with all name."""
    common = set.intersection(item.people, *(b.people for b in backing))
    return sorted(common or item.people)


def _day(item: Counted) -> date | None:
    """The day the ordinal's sentence dates its event to: a date whose phrase names the
    counted noun ("who on Wednesday made his second visit"), whose event word or weekday is
    in the ordinal's phrase, or whose event word is of the same type ("met on Wednesday")."""
    fact = item.fact
    for d in item.doc.dates:
        if d.event.sentence_start != fact.event.sentence_start:
            continue
        if d.granularity not in {"day", "time"} or not is_calendar_value((d.value or "")[:10]):
            continue
        trigger = d.event.trigger or ""
        if (
            fact.noun in d.event.words
            or trigger in fact.event.words
            or d.span.text.split()[0].lower() in fact.event.words
            or set(classes_of([trigger])) & set(classes_of([fact.noun or ""]))
        ):
            return date.fromisoformat((d.value or "")[:10])
    return None


def _occurrences(block: list[Counted]) -> list[list[Counted]]:
    """A block split into occurrences: ordinals dated a day or more apart are different
    visits or launches ("his first visit" on Wednesday, "his second visit" on Saturday);
    undated ones may be about any. A document that gives two values undated in one
    occurrence ("the third flight", "this fourth launch") speaks of several: it is left out."""
    dated = sorted(((d, i) for i in block if (d := _day(i)) is not None), key=lambda p: p[0])
    undated = [i for i in block if _day(i) is None]
    parts: list[list[Counted]] = []
    start: date | None = None
    for day, item in dated:
        if start is None or (day - start).days > 1:
            parts.append([])
            start = day
        parts[-1].append(item)
    out = []
    for part in [p + undated for p in parts] or [undated]:
        values: dict[str, set[int]] = defaultdict(set)
        for i in part:
            values[i.doc.path].add(i.fact.value)
        out.append([i for i in part if len(values[i.doc.path]) == 1])
    return out


def _readable(item: Counted, shared_keys: list[str]) -> list[str]:
    """Participant names as the document writes them, once each, for the message. Nationalities
    count as participants but say little to a reader next to names ("Sharaa, Putin", not
    "Sharaa, Russian, Putin"): they are left out unless nothing else is shared."""
    nationalities = {skeleton(e.canonical) for e in item.doc.entities if e.label == "NORP"}
    names: dict[str, str] = {}
    for key in item.fact.event.sentence_participants:
        last = key.split()[-1] if key.split() else key
        if skeleton(last) in shared_keys:
            names.setdefault(skeleton(last), last.title())
    named = [name for key, name in names.items() if key not in nationalities]
    return named or list(names.values())
