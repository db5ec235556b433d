"""Rule families, in one place: the digit after a built-in code's prefix (FL1xx), the folder
of rules/ its files live in, and the name reports give it. A test keeps each built-in rule
file in its family's folder."""

from __future__ import annotations

import re
from dataclasses import dataclass

BUILTIN_PREFIX = "FL"
_CODE = re.compile(r"^([A-Z]+)([0-9])")


@dataclass(frozen=True)
class Family:
    key: str  # "FL1": the code prefix and its first digit
    label: str  # "FL1xx Dates"
    folder: str = ""  # "dates": the rules/ folder of its built-in rule files


FAMILIES = {
    "1": ("dates", "Dates"),
    "2": ("counts", "Ordinals and counts"),
    "3": ("spelling", "Spellings"),
    "4": ("titles", "Titles and sources"),
    "9": ("meta", "Meta"),
}
OTHER = Family("other", "Other rules")


def family_of(code: str) -> Family:
    """The family of a rule code; another prefix's codes (a house rule's HS501) group by
    their first digit under a plain name."""
    match = _CODE.match(code)
    if match is None:
        return OTHER
    prefix, digit = match.groups()
    if prefix == BUILTIN_PREFIX and digit in FAMILIES:
        folder, name = FAMILIES[digit]
        return Family(f"{prefix}{digit}", f"{prefix}{digit}xx {name}", folder)
    return Family(f"{prefix}{digit}", f"{prefix}{digit}xx Rules")


# The family whose findings the HTML report puts on its timeline.
DATES = family_of(f"{BUILTIN_PREFIX}1")
