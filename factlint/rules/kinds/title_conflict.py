"""Kind `title_conflict`: one person's title differs across documents ("Transitional
President" here, "interim President" there).

Titles are the role noun written right before a name and its qualifiers; nationality words
("Syrian", "Russian") are left out, they say where the role is. A title is flagged when the
same person has the same role with other, non-empty qualifiers elsewhere; a bare title
("President Putin") never conflicts with a qualified one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from factlint.facts.model import DocumentFacts, FactSet, TitleFact, sub_span
from factlint.findings.model import Evidence, Finding
from factlint.nlp.names import skeleton
from factlint.rules.base import RuleKind
from factlint.rules.linking import plural
from factlint.rules.model import KindOptions
from factlint.rules.registry import register


class Options(KindOptions):
    # Words that qualify the office itself; descriptive words ("slain", "longtime") and
    # affiliations ("Customs", "Palmer") say nothing about the title and are ignored.
    qualifiers: list[str] = [
        "interim", "transitional", "acting", "caretaker", "provisional", "temporary",
        "deputy", "vice", "assistant", "associate", "senior", "junior", "chief", "executive",
        "honorary", "elected", "designate", "emeritus", "general", "principal", "lead",
    ]  # fmt: skip
    max_evidence: int = 3


@dataclass(frozen=True)
class Titled:
    doc: DocumentFacts
    fact: TitleFact
    qualifiers: tuple[str, ...]

    @property
    def words(self) -> str:
        # The title as written, without the name.
        return self.fact.span.text[: len(self.fact.span.text) - len(self.fact.person_text)].strip()


def person_key(fact: TitleFact) -> str:
    parts = fact.person.split()
    return skeleton(parts[-1]) if parts else ""


@register("title_conflict")
class TitleConflict(RuleKind):
    """One person's title differs across documents: "Transitional President" vs "interim President".

    Options: `qualifiers`, `max_evidence`.
    Message fields: {title}, {other}, {person}, {support}, {note} (" (no majority: check which
    is right)" when as many documents write each title).
    """

    Options = Options
    message_fields = ("title", "other", "person", "support", "note")

    def check(self, facts: FactSet) -> Iterable[Finding]:
        options: Options = self.options  # type: ignore[assignment]
        known = set(options.qualifiers)
        groups: dict[tuple[str, str], list[Titled]] = defaultdict(list)
        for doc in facts.documents:
            for fact in doc.titles:
                qualifiers = tuple(q for q in fact.qualifiers if q in known)
                if qualifiers:
                    groups[(person_key(fact), fact.role)].append(Titled(doc, fact, qualifiers))
        for key in sorted(groups):
            yield from self._check(groups[key])

    def _check(self, items: list[Titled]) -> Iterable[Finding]:
        options: Options = self.options  # type: ignore[assignment]
        docs: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for item in items:
            docs[item.qualifiers].add(item.doc.path)
        if len(docs) < 2:
            return
        # The title most documents use stays; on a tie the one met first is offered, as a guess.
        order = sorted(docs, key=lambda q: (-len(docs[q]), min(docs[q]), q))
        main = order[0]
        tie = len(docs[order[1]]) == len(docs[main])
        main_items = [i for i in items if i.qualifiers == main]
        for item in items:
            if item.qualifiers == main:
                continue
            evidence = []
            for path in sorted(docs[main])[: options.max_evidence]:
                first = next(i for i in main_items if i.doc.path == path)
                s = first.fact.span
                evidence.append(Evidence(path=path, line=s.line, column=s.column, text=first.words))
            yield self.finding(
                item.doc,
                # Flag the title words only: the name is not what differs.
                sub_span(item.fact.span, 0, len(item.words)),
                evidence,
                title=item.words,
                other=main_items[0].words,
                person=item.fact.person_text,
                support=plural(len(docs[main]), "other document"),
                note=" (no majority: check which is right)" if tie else "",
            )
