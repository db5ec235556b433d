"""Publication dates across the set: years inferred from weekdays, the reference-date fallback."""

from __future__ import annotations

import re
from datetime import date

from factlint.documents.model import Document

_YEAR = re.compile(r"(?<!\d)(19[0-9]{2}|20[0-9]{2})(?!\d)")
# A weekday and a day of a month recur within 28 years (40 covers the century rule).
_SEARCH_YEARS = 40


def latest_year(documents: list[Document]) -> int | None:
    """The latest year the set's texts mention or its known publication dates carry."""
    years = [int(m.group(1)) for d in documents for m in _YEAR.finditer(d.text)]
    years.extend(d.published.year for d in documents if d.published is not None)
    return max(years) if years else None


def infer_year(month: int, day: int, weekday: int, not_before: int | None) -> int | None:
    """The nearest year from `not_before` on whose calendar puts `weekday` on month/day."""
    if not_before is None:
        return None
    for year in range(not_before, not_before + _SEARCH_YEARS):
        try:
            if date(year, month, day).weekday() == weekday:
                return year
        except ValueError:
            continue  # 29 February in a common year
    return None


def nearest_year(month: int, day: int, weekday: int, around: int) -> int | None:
    """The year nearest `around` (the earlier of two as near) whose calendar puts `weekday` on
    month/day."""
    for distance in range(_SEARCH_YEARS):
        for year in (around - distance, around + distance):
            try:
                if date(year, month, day).weekday() == weekday:
                    return year
            except ValueError:
                continue
    return None


def resolve_published(documents: list[Document], reference_date: date | None = None) -> None:
    """Fill in the publication date of every document that can have one. Never reads the clock:
    a document without a date of its own gets `reference_date`, or stays without.

    A yearless "Published: Friday, July 4" takes the fitting year nearest the set's other
    publication dates when it has some (the articles of one story appear within days of each
    other, while their texts may name later years: "a contract until June 2030"); otherwise the
    first fitting year from the latest year the texts name."""
    known = sorted(d.published for d in documents if d.published is not None)
    floor = latest_year(documents)
    if floor is None and reference_date is not None:
        floor = reference_date.year  # no year anywhere in the set: the user's date is the clue
    for document in documents:
        if document.published is None and document.published_partial is not None:
            month, day, weekday = document.published_partial
            if known:
                year = nearest_year(month, day, weekday, known[len(known) // 2].year)
            else:
                year = infer_year(month, day, weekday, floor)
            if year is not None:
                document.published = date(year, month, day)
                document.published_source = "published-line"
        if document.published is None and reference_date is not None:
            document.published = reference_date
            document.published_source = "reference-date"
            document.published_text = None  # it names the inferred date's words only
