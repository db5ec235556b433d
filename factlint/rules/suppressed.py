"""Suppressed text does not vote: the facts a cross-document rule compares, minus those on lines
a suppression comment silences for that rule.

A rule that compares documents (the majority spelling, the date most documents give) would
otherwise count a quoted passage under `disable FL301` towards the canonical form and list it as
evidence. The facts it never saw are also what makes such a comment *used*: FL901 then judges it
by the document it stands in, not by which other files happen to be in the run.
"""

from __future__ import annotations

from collections.abc import Iterable

from factlint.documents.suppressions import Suppression
from factlint.facts.model import DocumentFacts, FactSet

# (document path, index of the suppression in `FactSet.suppressions_of(path)`)
SuppressionRef = tuple[str, int]


def _kept(
    doc: DocumentFacts,
    comments: list[Suppression],
    code: str,
    items: Iterable[object],
    used: set[SuppressionRef],
) -> list[object]:
    kept = []
    for item in items:
        span = item.span  # type: ignore[attr-defined]
        hits = [
            index
            for index, suppression in enumerate(comments)
            if suppression.covers(code, span.line, span.end_line)
        ]
        if hits:
            used.update((doc.path, index) for index in hits)
        else:
            kept.append(item)
    return kept


def without_suppressed(
    facts: FactSet, code: str, fields: tuple[str, ...]
) -> tuple[FactSet, set[SuppressionRef]]:
    """`facts` without the facts in `fields` that suppressions silence for `code`, and the
    suppressions that silenced some."""
    used: set[SuppressionRef] = set()
    documents = []
    for doc in facts.documents:
        comments = facts.suppressions_of(doc.path)
        if not any(s.applies_to(code) for s in comments):
            documents.append(doc)
            continue
        update = {name: _kept(doc, comments, code, getattr(doc, name), used) for name in fields}
        documents.append(doc.model_copy(update=update))
    if not used:
        return facts, used
    return facts.model_copy(update={"documents": documents}), used
