"""Majority voting within a block, for the kinds that compare one value across documents
(`count_conflict`, `ordinal_conflict`): documents vote, not mentions.

A kind groups its statements into blocks (those that may be about one thing) and puts each
block on a `Ballot`. The ballot knows which documents give each value; `rivals` says which
values stand against a statement, with the statements and documents behind each. What
counts as a conflict, how many documents a rival needs and which rival wins stay with the
kind: they are what tells one kind from another.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from factlint.facts.model import DocumentFacts

# What a tie adds to a finding's message: the documents split evenly.
NO_MAJORITY = " (no majority: check which is right)"


class Statement(Protocol):
    """A fact and the document that states it."""

    @property
    def doc(self) -> DocumentFacts: ...


S = TypeVar("S", bound=Statement)
V = TypeVar("V", bound=Hashable)


@dataclass(frozen=True)
class Rival(Generic[S]):
    """The statements of one value that stand against a statement, in block order, and the
    documents that give them."""

    statements: list[S]
    documents: set[str]


class Ballot(Generic[S, V]):
    """The statements of one block by the value each gives, and the documents behind each
    value: a value's weight is how many documents give it, however often each does."""

    def __init__(self, statements: Iterable[S], value: Callable[[S], V]) -> None:
        self.statements: dict[V, list[S]] = {}
        self.documents: dict[V, set[str]] = {}
        for statement in statements:
            key = value(statement)
            self.statements.setdefault(key, []).append(statement)
            self.documents.setdefault(key, set()).add(statement.doc.path)

    def rivals(self, conflicts: Callable[[S], bool]) -> dict[V, Rival[S]]:
        """The values of the statements `conflicts` accepts, each with those statements (in
        the block's order) and their documents; in the order the values first appear."""
        found: dict[V, Rival[S]] = {}
        for key, statements in self.statements.items():
            for statement in statements:
                if conflicts(statement):
                    rival = found.setdefault(key, Rival([], set()))
                    rival.statements.append(statement)
                    rival.documents.add(statement.doc.path)
        return found
