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

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Annotated, Literal

from pydantic import Field

from factlint.dates.lexicon import MONTH_STEM_RE
from factlint.diagnostics import Finding
from factlint.facts.model import DateFact, DocumentFacts, FactSet
from factlint.nlp.event_classes import EVENT_CLASSES
from factlint.nlp.names import skeleton
from factlint.rules.base import RuleKind, evidence_of
from factlint.rules.linking import (
    actor_keys,
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
from factlint.rules.voting import NO_MAJORITY


class Options(KindOptions):
    flag: Literal["absolute", "relative"] = Field(
        "absolute",
        description="Which dates the rule reports: stated ones (absolute), or relative ones"
        " resolved on the publication date (relative).",
    )
    relative_tolerance_months: int = Field(
        1, description='Slack for relative dates, which are approximate ("ten months ago").'
    )
    classes: Annotated[
        list[str],
        Field(
            description="Event types that happen once to a participant (a founding, a death,"
            " a listing): any two dates differ."
        ),
    ] = [
        "end-of-rule", "start-of-rule", "death", "birth", "founding", "listing",
    ]  # fmt: skip
    recurring_classes: Annotated[
        list[str],
        Field(
            description="Event types that recur (an election, a launch): two dates conflict only"
            ' as a slip of one digit of the day in one month ("September 8" / "September 18").'
        ),
    ] = [
        "election", "launch", "release", "disaster", "agreement", "acquisition", "delivery",
        "crash", "deadline", "attack", "arrest", "trial",
    ]  # fmt: skip
    max_evidence: int = Field(3, description="Documents quoted as evidence, at most.")


# A calendar day written without its year ("June 26", "13 October"): its year comes from the
# publication date, but it is a date the text states, not a relative one like "two years ago".
_CALENDAR_DAY = re.compile(
    rf"\b{MONTH_STEM_RE}[a-z]*\.?\s+\d|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_STEM_RE}",
    re.IGNORECASE,
)
# Words of an event phrase too common to tie two statements to one thing.
_GENERIC_OBJECTS = {
    "year", "month", "week", "day", "time", "today", "people", "thing", "way", "part", "say",
    "new", "first", "last", "company", "official", "government",
}  # fmt: skip


@dataclass(frozen=True)
class Statement:
    doc: DocumentFacts
    fact: DateFact
    index: int
    # The year the other statements of its event state, for a day written without one; for
    # "N years ago", the publication month N years back (compared within a year).
    assumed: str | None = None
    # Which occurrence of a recurring event the statement dates: "the first launch", "its
    # maiden flight" (1); None when it does not say.
    instance: int | None = None

    @property
    def years_ago(self) -> bool:
        """ "three years ago": a year counted back from the publication date, rounded."""
        return self.relative and self.fact.event.relation == "ago" and len(self.value) == 7

    @property
    def value(self) -> str:
        assert self.fact.value is not None
        return self.assumed or self.fact.value

    @property
    def relative(self) -> bool:
        """Counted from the publication date ("two years ago", "last March"), not a stated
        date whose year alone was left out ("June 26")."""
        return self.fact.relative and not _CALENDAR_DAY.search(self.fact.span.text)


# Words that make an occurrence of a recurring event the first one.
_MAIDEN = {"maiden", "inaugural"}


def statements(facts: FactSet) -> list[Statement]:
    found = []
    for doc in facts.documents:
        counted = {
            (o.event.sentence_start, o.noun): o.value
            for o in doc.ordinals
            if o.noun and not o.restricted
        }
        for index, fact in enumerate(doc.dates):
            if not (is_calendar_value(fact.value) and fact.event.classes):
                continue
            event = fact.event
            instance = 1 if _MAIDEN & set(event.words) else None
            if instance is None:
                instance = next(
                    (
                        v
                        for (start, noun), v in counted.items()
                        if start == event.sentence_start and noun == event.trigger
                    ),
                    None,
                )
            assumed = None
            ago = fact.relative and event.relation == "ago" and fact.granularity == "year"
            if ago and doc.published is not None:
                assumed = f"{fact.value}-{doc.published.month:02d}"
            found.append(Statement(doc, fact, index, assumed, instance))
    return found


# Verbs that carry an event named by their object ("went public", "made his debut").
_LIGHT_VERBS = {"go", "make", "come", "take", "hold", "be", "have", "get"}


def _keys(item: Statement, cls: str, objects: bool) -> set[str]:
    """Who or what the event is about: its participants, and (when it names none, or with
    `objects`) the things its phrase names ("the hospital opened three years ago")."""
    event = item.fact.event
    people = participant_keys(event.participants)
    if people and not objects:
        return people
    if objects:
        # A relative date's sentence seldom names its actor where the parser looks: "Delmira,
        # which went public three years ago".
        people |= participant_keys(event.sentence_participants)
    own = EVENT_CLASSES.get(cls, frozenset())
    words = [w for w in event.words if w not in own and w not in _GENERIC_OBJECTS]
    return people | {skeleton(w) for w in words} - {""}


def _relative_about(item: Statement, trigger: str | None, cls: str) -> bool:
    """A relative date about a past event of this type: it hangs from the event word, and it
    counts months or years ("three years ago", "last March"), not the days of the week's
    news ("on Monday", "yesterday"), which are about the story itself."""
    if trigger not in EVENT_CLASSES[cls] | _LIGHT_VERBS:
        return False
    fact = item.fact
    return fact.event.relation == "ago" or fact.granularity not in {"day", "time", "week"}


def events(
    items: list[Statement], wanted: set[str], objects: bool = False, numbered: bool = False
) -> list[tuple[str, list[Statement]]]:
    """Groups of statements about one event: same event type, a shared participant; with
    `numbered`, the same occurrence of a recurring event ("the first launch") too."""
    buckets: dict[tuple[str, str, int], list[Statement]] = defaultdict(list)
    for item in items:
        if numbered and item.instance is None:
            continue
        for cls in item.fact.event.classes:
            if cls not in wanted:
                continue
            # A relative date is checked only where it hangs from the event word itself
            # ("went public three years ago"), not from a neighbour ("grew last year").
            trigger = item.fact.event.trigger
            if item.relative and not _relative_about(item, trigger, cls):
                continue
            for who in _keys(item, cls, objects):
                buckets[(cls, who, item.instance or 0 if numbered else 0)].append(item)
    return [(key[0], buckets[key]) for key in sorted(buckets) if len(buckets[key]) > 1]


def instances(group: list[Statement]) -> list[list[Statement]]:
    """A recurring event's statements that may be about one instance: days of one month."""
    by_month: dict[str, list[Statement]] = defaultdict(list)
    for s in group:
        if len(s.value) == 10 and not s.relative:
            by_month[s.value[:7]].append(s)
    return [by_month[m] for m in sorted(by_month) if len(by_month[m]) > 1]


def with_stated_years(group: list[Statement]) -> list[Statement]:
    """A day written without its year ("June 24") got one from the publication date, which
    may be wrong for a story a year old: it takes the year that the statements of the same
    month write (the most common; when none writes one, the most common year they were
    given), so only what the text states is compared."""
    by_month: dict[str, Counter[str]] = defaultdict(Counter)
    given: dict[str, Counter[str]] = defaultdict(Counter)
    for s in group:
        if not s.relative and len(s.value) > 4:
            (by_month if s.fact.year_stated else given)[s.value[5:7]][s.value[:4]] += 1
    out = []
    for s in group:
        years = by_month.get(s.value[5:7]) or given.get(s.value[5:7])
        if s.fact.year_stated or s.relative or len(s.value) <= 4 or not years:
            out.append(s)
            continue
        year = min(years, key=lambda y: (-years[y], y))
        out.append(replace(s, assumed=year + s.value[4:]))
    return out


def digit_slip(a: str, b: str) -> bool:
    """One digit changed (2014 / 2024, 8 / 18 as 08 / 18) or two swapped (1968 / 1986)."""
    if one_digit_apart(a, b):
        return True
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y]
    return (
        len(a) == len(b)
        and len(diff) == 2
        and diff[1] == diff[0] + 1
        and a[diff[0]] == b[diff[1]]
        and a[diff[1]] == b[diff[0]]
    )


# Verbs named as the event they stand for in messages ("dates the founding", not "the found").
_EVENT_NOUNS = {
    "found": "founding", "establish": "founding", "form": "formation", "open": "opening",
    "reopen": "reopening", "list": "listing", "die": "death", "bear": "birth", "elect":
    "election", "vote": "vote", "sign": "signing", "launch": "launch", "fly": "flight",
    "begin": "start", "start": "start", "deliver": "delivery", "resign": "resignation",
    "oust": "ouster", "fall": "fall", "crash": "crash", "release": "release",
    "go": "listing", "make": "debut",
}  # fmt: skip


def _describe(group: list[Statement], cls: str) -> str:
    for s in group:
        word = event_word(s.fact.event.words, [cls], s.fact.event.trigger)
        if word in _LIGHT_VERBS:
            word = next((w for w in s.fact.event.words if w in EVENT_CLASSES[cls]), word)
        if word != "event":
            return f"the {_EVENT_NOUNS.get(word, word)}"
    return "this event"


def _target(
    s: Statement, ranked: list[str], support: dict[str, set[str]], tolerance: int
) -> str | None:
    """The date this statement is checked against: the majority's, or when it gives the
    majority's date itself, a rival as well supported (no majority: both are reported)."""
    top = ranked[0]
    if not agree(s.value, top, tolerance):
        return top
    if len(ranked) > 1 and len(support[ranked[1]]) == len(support[top]):
        rival = ranked[1]
        if not agree(s.value, rival, tolerance):
            return rival
    return None


@register("date_conflict")
class DateConflict(RuleKind[Options]):
    """One event, different dates: "December 2024" here, "December 2014" there."""

    message_fields = {
        "event": "the event, e.g. 'the death of Hafez al-Assad'",
        "value": "this document's date (YYYY, YYYY-MM or YYYY-MM-DD)",
        "majority": "the date the other documents give",
        "support": "the documents that write the other version, e.g. '2 other documents'",
        "note": "why to check: a tie, or how a relative date was counted; else empty",
    }

    def blocking_keys(self, doc: DocumentFacts) -> set[str]:
        return actor_keys(doc)

    def check(self, facts: FactSet) -> Iterable[Finding]:
        options = self.options
        reported: set[tuple[str, int]] = set()
        found = statements(facts)
        once = set(options.classes)
        # Relative dates seldom name who: "opened three years ago" meets "the regional
        # hospital opened in March 2019" by what the phrases name as well.
        relative = options.flag == "relative"
        groups = [(cls, g, False) for cls, g in events(found, once, relative)]
        # "The first launch", "its maiden flight": one occurrence of a recurring event, which
        # has one date.
        numbered = set(options.recurring_classes) | once
        groups += [(cls, g, False) for cls, g in events(found, numbered, relative, True)]
        for cls, group in events(found, set(options.recurring_classes) - once):
            groups.extend((cls, instance, True) for instance in instances(with_stated_years(group)))
        for cls, group, slips_only in groups:
            for finding, key in self._conflicts(cls, group, slips_only):
                if key not in reported:
                    reported.add(key)
                    yield finding

    def _tolerance(self, a: Statement, b: Statement) -> int:
        return max(self._slack(a), self._slack(b))

    def _slack(self, s: Statement) -> int:
        """Months a statement may be off: "N years ago" is rounded to the year."""
        if s.years_ago:
            return 12
        return self.options.relative_tolerance_months if s.relative else 0

    def _several_events(self, group: list[Statement]) -> bool:
        """A document that itself gives two dates for the "event" is telling of two events
        (two elections, two visits): the group is not one event."""
        by_doc: dict[str, list[Statement]] = defaultdict(list)
        for s in group:
            by_doc[s.doc.path].append(s)
        return any(
            not agree(a.value, b.value, self._tolerance(a, b))
            for items in by_doc.values()
            for a in items
            for b in items
        )

    def _conflicts(
        self, cls: str, group: list[Statement], slips_only: bool = False
    ) -> Iterator[tuple[Finding, tuple[str, int]]]:
        options = self.options
        group = with_stated_years(group)
        if self._several_events(group):
            return
        # Absolute dates decide the majority; relative ones are checked against it.
        anchors = [s for s in group if not s.relative]
        values = sorted({s.value for s in anchors})
        support = {v: {s.doc.path for s in anchors if agree(s.value, v)} for v in values}
        if not support:
            return
        ranked = sorted(values, key=lambda v: (len(support[v]), len(v), v), reverse=True)
        # One evidence statement per backing document, found once per value (a group can hold
        # every document of a large set).
        backings = {
            v: first_per_document(
                (s for s in anchors if agree(s.value, v)), support[v], options.max_evidence + 1
            )
            for v in ranked[:2]
        }
        description = _describe(group, cls)
        for s in group:
            if s.relative != (options.flag == "relative"):
                continue
            tolerance = self._slack(s)
            majority = _target(s, ranked, support, tolerance)
            if majority is None:
                continue
            if slips_only and not digit_slip(s.value, majority):
                continue
            backers, backing = support[majority], backings[majority]
            others = len(backers) - (s.doc.path in backers)
            if not others:
                continue
            evidence = evidence_of(
                ((b.doc, b.fact.span) for b in backing if b.doc.path != s.doc.path),
                options.max_evidence,
            )
            note = _note(s, majority, support.get(s.value, set()), backers)
            majority_text = evidence[0].text if evidence else majority
            replacement = (
                majority_text if not s.relative and len(majority) == len(s.value) else None
            )
            finding = self.finding(
                s.doc,
                s.fact.span,
                evidence,
                replacement=replacement,
                safe_fix=False,
                event=description,
                value=s.fact.value if s.relative else s.value,
                majority=majority,
                support=plural(others, "other document"),
                note=note,
            )
            yield finding, (s.doc.path, s.index)


def _note(s: Statement, majority: str, mine: set[str], backers: set[str]) -> str:
    """What the message adds: a one-digit slip, how the vote stands (`mine`: the documents
    giving this statement's value, `backers`: the majority's), what a relative date counts
    from."""
    note = " (one digit apart: a typo?)" if digit_slip(s.value, majority) else ""
    own = len(mine) - (s.doc.path in mine) if not s.relative else 0
    others = len(backers) - (s.doc.path in backers)
    if not s.relative and own >= others:
        note += f" ({plural(own, 'other document')} agree with this one: check which is right)"
    elif not s.relative and len(mine) >= len(backers):
        note += NO_MAJORITY
    if s.relative:
        note += f" ('{s.fact.span.text}' counts from the publication date {s.doc.published})"
    return note
