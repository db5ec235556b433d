"""Kind `source_variant`: one outlet named two ways across the set.

Outlet names come from every mention the NLP pass takes for an outlet (cues, credit lines,
reporting verbs, publication nouns). Two names are one outlet written two ways when:

- they are the same letters split into other words: "GAZETADESPORTIVA" / "Gazeta
  Desportiva", "Diario Surandino" / "Diario Sur Andino" (case alone is not a difference);
- one is a single word condensed from the other's initials and last word: "LATIMES" / "Los
  Angeles Times";
- they have the same words but one, and that word is another form of the other's: "Twin City"
  / "Twin Cities", "Orbit" / "Orbital".

A leading "The" never counts. An outlet's own initials ("CNA" for Channel NewsAsia, "AP") are
its short name in normal use, not a variant. The name more documents use is the reference;
on a tie, the one written as separate words.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pydantic import Field
from rapidfuzz.distance import OSA

from factlint.diagnostics import Finding
from factlint.facts.model import DocumentFacts, FactSet, SourceFact
from factlint.nlp.names import fold
from factlint.rules.base import RuleKind, evidence_of
from factlint.rules.model import KindOptions
from factlint.rules.registry import register

_WORDS = re.compile(r"[a-z0-9]+")
_THE = re.compile(r"^the\s+", re.IGNORECASE)
# Endings that make another form of one word: City/Cities, Orbit/Orbital.
_ENDINGS = ("ial", "al", "ian", "an", "ese", "ish", "ic", "es", "s")


class Options(KindOptions):
    max_evidence: int = Field(3, description="Documents quoted as evidence, at most.")


@dataclass(frozen=True)
class Named:
    doc: DocumentFacts
    fact: SourceFact


def words(name: str) -> tuple[str, ...]:
    return tuple(_WORDS.findall(fold(_THE.sub("", name.strip()))))


def compact(name: str) -> str:
    return "".join(words(name))


def _stem(word: str) -> str:
    if word.endswith("ies") and len(word) >= 5:
        return word[:-3] + "y"
    for end in _ENDINGS:
        if word.endswith(end) and len(word) - len(end) >= 4:
            return word[: -len(end)]
    return word


def one_word_apart(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Same words but one, that one another form of the other: Twin City / Twin Cities."""
    if len(a) != len(b) or len(a) < 2:
        return False
    differ = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    if len(differ) != 1:
        return False
    x, y = differ[0]
    if x.isdigit() or y.isdigit():
        return False
    return _stem(x) == _stem(y) or (min(len(x), len(y)) >= 5 and OSA.distance(x, y) == 1)


def condensed(short: str, long: tuple[str, ...]) -> bool:
    """`short`, one word, is `long`'s initials and last word run together (LATIMES)."""
    if len(long) < 3:
        return False
    return short == "".join(w[0] for w in long[:-1]) + long[-1]


@register("source_variant")
class SourceVariant(RuleKind[Options]):
    """One outlet named two ways: "GAZETADESPORTIVA" / "Gazeta Desportiva", "Twin City" /
    "Twin Cities", "LATIMES" / "Los Angeles Times"."""

    message_fields = {
        "canonical": "the name most documents credit the outlet under",
        "count": "how many times that name is written",
    }
    compares = ("sources",)

    def blocking_keys(self, doc: DocumentFacts) -> set[str]:
        # Outlets are compared by condensed forms, re-splits and one-word differences, which
        # no single key captures: every document that credits an outlet meets every other.
        return {"outlet"} if doc.sources else set()

    def check(self, facts: FactSet) -> Iterable[Finding]:
        names: dict[tuple[str, ...], list[Named]] = defaultdict(list)
        for doc in facts.documents:
            for fact in doc.sources:
                key = words(fact.name)
                if key:
                    names[key].append(Named(doc, fact))
        flagged: set[tuple[str, ...]] = set()
        for variant, canonical in self._pairs(names):
            if variant not in flagged:
                flagged.add(variant)
                yield from self._flag(names[variant], names[canonical])

    @staticmethod
    def _rank(items: list[Named], key: tuple[str, ...]) -> tuple[int, int, int]:
        return (len({i.doc.path for i in items}), len(key), len(items))

    def _pairs(
        self, names: dict[tuple[str, ...], list[Named]]
    ) -> Iterator[tuple[tuple[str, ...], tuple[str, ...]]]:
        """(variant, canonical) pairs of names of one outlet."""
        keys = sorted(names)
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                if not self._same_outlet(a, b):
                    continue
                ranked = sorted((a, b), key=lambda k: (self._rank(names[k], k), k))
                yield ranked[0], ranked[1]

    @staticmethod
    def _same_outlet(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
        if "".join(a) == "".join(b):
            return True
        short, long = sorted((a, b), key=len)
        if len(short) == 1 and condensed(short[0], long):
            return True
        return one_word_apart(a, b)

    def _flag(self, variants: list[Named], canonical: list[Named]) -> Iterable[Finding]:
        options = self.options
        evidence = evidence_of(
            ((item.doc, item.fact.span) for item in canonical),
            options.max_evidence,
            one_per_document=True,
        )
        name = canonical[0].fact.name
        for item in variants:
            yield self.finding(
                item.doc,
                item.fact.span,
                evidence,
                replacement=name,
                safe_fix=False,
                canonical=name,
                count=len(canonical),
            )
