"""Steps every format shares once it has prose: blank page debris, read the publication line."""

from __future__ import annotations

import re

from factlint.documents.blank import blank_ranges
from factlint.documents.boilerplate import boilerplate_ranges
from factlint.documents.datelines import best_dateline, find_datelines
from factlint.documents.model import Document

_DIRECTIVE = re.compile(r"<!--\s*factlint:.*?-->", re.DOTALL)


def clean_prose(document: Document) -> Document:
    """Blank boilerplate and metadata lines in `document.text`; take the publication date from
    a `Published:` line or dateline unless the format's metadata already gave one."""
    text = blank_ranges(document.text, boilerplate_ranges(document.text))
    # Suppression comments are instructions to factlint, not prose (plain text keeps them).
    text = blank_ranges(text, [m.span() for m in _DIRECTIVE.finditer(text)])
    datelines = find_datelines(text)
    best = best_dateline(datelines)
    if best is not None and document.published is None:
        found = best.date
        document.published_line = document.position(best.start)[0]
        if found.year is not None:
            document.published = found.to_date()
            document.published_source = "published-line"
        elif found.weekday is not None:
            document.published_partial = (found.month, found.day, found.weekday)
            # resolve_published() infers the year across the set and sets the source then.
            document.published_text = " ".join(found.text.split()).strip(" ,.")
    text = blank_ranges(text, [(d.start, d.end) for d in datelines])
    document.text = text
    # Blanking keeps newlines, but the map also holds the old text for line excerpts.
    document.forget_positions()
    if document.title is None and document.format in ("txt", "md"):
        document.title = guess_title(text)
    return document


def guess_title(text: str) -> str | None:
    """The first line of 3+ words when it reads like a headline (short, no closing full stop)."""
    for line in text.split("\n", 40)[:40]:
        line = " ".join(line.split())
        if len(line.split()) < 3:
            continue  # blank, or a section label such as "World"
        if len(line.split()) <= 20 and not line.endswith("."):
            return line
        return None
    return None
