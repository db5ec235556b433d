"""Kind `source_variant`: one news source named two ways ("LATIMES" and "Los Angeles Times").

Source names come from attribution cues ("according to", "reported by", "Credited from:").
Two names are one outlet when one is a condensed form of the other: its initials (LAT), its
initials plus last word (LATimes), or all its words run together (LosAngelesTimes), compared
without case or punctuation.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from factlint.facts.model import DocumentFacts, FactSet, SourceFact
from factlint.findings.model import Finding
from factlint.nlp.names import fold
from factlint.rules.base import RuleKind, evidence_at
from factlint.rules.model import KindOptions
from factlint.rules.registry import register

_WORDS = re.compile(r"[a-z0-9]+")


class Options(KindOptions):
    max_evidence: int = 3


@dataclass(frozen=True)
class Named:
    doc: DocumentFacts
    fact: SourceFact


def compact(name: str) -> str:
    return "".join(_WORDS.findall(fold(name)))


def condensed_forms(name: str) -> set[str]:
    words = _WORDS.findall(fold(re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)))
    if len(words) < 2:
        return set()
    initials = "".join(w[0] for w in words)
    return {initials, initials[:-1] + words[-1], "".join(words)}


@register("source_variant")
class SourceVariant(RuleKind):
    """One outlet named two ways: "LATIMES" and "Los Angeles Times".

    Options: `max_evidence`. Message fields: {canonical}, {count}.
    """

    Options = Options
    message_fields = ("canonical", "count")

    def blocking_keys(self, doc: DocumentFacts) -> set[str]:
        # A name meets the names it condenses to (LAT, LATimes) and the full names of its own.
        keys: set[str] = set()
        for fact in doc.sources:
            key = compact(fact.name)
            if key:
                keys |= {key, *condensed_forms(fact.name)}
        return keys

    def check(self, facts: FactSet) -> Iterable[Finding]:
        names: dict[str, list[Named]] = defaultdict(list)
        for doc in facts.documents:
            for fact in doc.sources:
                key = compact(fact.name)
                if key:
                    names[key].append(Named(doc, fact))
        for short, long in self._pairs(names):
            yield from self._flag(names[short], names[long])

    @staticmethod
    def _pairs(names: dict[str, list[Named]]) -> Iterator[tuple[str, str]]:
        """(variant, canonical) pairs: the full name wins over its condensed form."""
        condensed: dict[str, str] = {}
        for key in sorted(names):
            for form in condensed_forms(names[key][0].fact.name):
                condensed.setdefault(form, key)
        for key in sorted(names):
            full = condensed.get(key)
            if full is not None and full != key:
                yield key, full

    def _flag(self, variants: list[Named], canonical: list[Named]) -> Iterable[Finding]:
        options: Options = self.options  # type: ignore[assignment]
        seen: set[str] = set()
        evidence = []
        for item in canonical:
            if item.doc.path in seen or len(evidence) >= options.max_evidence:
                continue
            seen.add(item.doc.path)
            s = item.fact.span
            evidence.append(evidence_at(item.doc, s))
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
