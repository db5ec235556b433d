"""Publication dates across the set: years inferred from weekdays, the reference-date fallback."""

from __future__ import annotations

import re
from datetime import date

from factlint.documents.model import Document

_YEAR = re.compile(r"\b(19[0-9]{2}|20[0-9]{2})\b")


def latest_year(documents: list[Document]) -> int | None:
    years = [int(m.group(1)) for d in documents for m in _YEAR.finditer(d.text)]
    return max(years) if years else None


def infer_year(month: int, day: int, weekday: int, not_before: int | None) -> int | None:
    """The nearest year, not before the latest year the set mentions, where the day fits."""
    base = not_before if not_before is not None else None
    if base is None:
        return None
    for year in range(base, base + 29):
        try:
            if date(year, month, day).weekday() == weekday:
                return year
        except ValueError:
            return None
    return None


def resolve_published(documents: list[Document], reference_date: date | None = None) -> None:
    """Fill in the publication date of every document that can have one."""
    floor = latest_year(documents)
    for document in documents:
        if document.published is None and document.published_partial is not None:
            month, day, weekday = document.published_partial
            year = infer_year(month, day, weekday, floor)
            if year is not None:
                document.published = date(year, month, day)
        if document.published is None and reference_date is not None:
            document.published = reference_date
            document.published_source = "reference-date"
