"""Words of date expressions: months, weekdays, numbers, seasons, parts of day, holidays.

Tables map lower-case words to values; the `*_RE` strings are regex fragments over the
normalised (lower-case, dot-free) phrase that `grammar.clean` produces.
"""

from __future__ import annotations

from collections.abc import Iterable


def alternation(words: Iterable[str]) -> str:
    """ "sept|sep": every regex alternation built from a table is spelled by this, longest
    first (so that "sept" wins over "sep") and then alphabetical, so the pattern is the same
    in every run (a set's order changes with the hash seed)."""
    return "|".join(sorted(set(words), key=lambda w: (-len(w), w)))


# The one table of month and weekday words: full name first, then the abbreviations (each a
# prefix of the name). Every pattern for month and weekday names is built from these.
MONTH_WORDS = (
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sep", "sept"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)
WEEKDAY_WORDS = (
    ("monday", "mon"),
    ("tuesday", "tue", "tues"),
    ("wednesday", "wed"),
    ("thursday", "thu", "thur", "thurs"),
    ("friday", "fri"),
    ("saturday", "sat"),
    ("sunday", "sun"),
)
# Full names, lower case: MONTH_NAMES[0] is "january", WEEKDAY_NAMES[0] "monday" (as
# `date.weekday()` counts).
MONTH_NAMES = tuple(words[0] for words in MONTH_WORDS)
WEEKDAY_NAMES = tuple(words[0] for words in WEEKDAY_WORDS)
# Every word -> its number: months from 1, weekdays from 0 (Monday).
MONTHS: dict[str, int] = {
    word: number for number, words in enumerate(MONTH_WORDS, start=1) for word in words
}
WEEKDAYS: dict[str, int] = {
    word: number for number, words in enumerate(WEEKDAY_WORDS) for word in words
}

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
NUMBER_WORDS: dict[str, int] = {w: i for i, w in enumerate(_UNITS)}
NUMBER_WORDS.update(_TENS)
NUMBER_WORDS.update({"a": 1, "an": 1, "a couple of": 2, "a couple": 2, "a dozen": 12, "dozen": 12})

_ORDINAL_UNITS = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
ORDINAL_WORDS: dict[str, int] = {w: i for i, w in enumerate(_ORDINAL_UNITS) if i}
ORDINAL_WORDS.update({"twentieth": 20, "thirtieth": 30})
for _unit in range(1, 10):
    ORDINAL_WORDS[f"twenty {_ORDINAL_UNITS[_unit]}"] = 20 + _unit
ORDINAL_WORDS["thirty first"] = 31

# Vague amounts: "several years ago" is a past reference, not a computable date.
VAGUE_AMOUNTS = ("several", "a few", "few", "some", "many", "a number of", "a couple of")

SEASONS: dict[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "fall": "FA",
    "autumn": "FA",
    "winter": "WI",
}
# Month each season starts in (winter starts in December of its year).
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
}

DECADE_WORDS: dict[str, int] = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}


MONTH_RE = rf"(?:{alternation(MONTHS)})"
WEEKDAY_RE = rf"(?:{alternation(WEEKDAYS)})"
# Full weekday names only: "Monday", not "Mon" (alone, "Sun" and "Wed" are other words).
WEEKDAY_NAME_RE = rf"(?:{alternation(WEEKDAY_NAMES)})"
# A month's first three letters, which begin its name and every abbreviation ("sep" for
# "sept", "september" and typos such as "septmber").
MONTH_STEM_RE = rf"(?:{alternation(name[:3] for name in MONTH_NAMES)})"
DECADE_WORD_RE = rf"(?:{alternation(DECADE_WORDS)})"
ORDINAL_WORD_RE = rf"(?:{alternation(ORDINAL_WORDS)})"
SEASON_RE = rf"(?:{alternation(SEASONS)})"
PART_OF_DAY_RE = rf"(?:{alternation(PARTS_OF_DAY)})"
_NUMBER_WORDS_RE = alternation(w for w in NUMBER_WORDS if " " not in w)
# "3", "three", "twenty five", "a", "a couple of"
NUMBER_RE = (
    rf"(?:\d+|a couple of|a dozen|(?:{alternation(_TENS)}) (?:{alternation(_UNITS[1:10])})"
    rf"|{_NUMBER_WORDS_RE})"
)
VAGUE_RE = rf"(?:{alternation(VAGUE_AMOUNTS)})"
DAY_NUMBER_RE = rf"(?:(?:[012]?\d|3[01])(?:st|nd|rd|th)?|{ORDINAL_WORD_RE})"
QUARTER_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4}
QUARTER_ORDINALS.update({"1st": 1, "2nd": 2, "3rd": 3, "4th": 4})
QUARTER_ORDINAL_RE = rf"(?:{alternation(QUARTER_ORDINALS)})"
# A year as digits (1000-2099, or 2-digit with an apostrophe) or spelled out.
_SPELLED_YEAR_RE = (
    r"(?:(?:eighteen|nineteen|twenty) (?:hundred|oh \w+|(?:twenty|thirty|forty|fifty|sixty"
    r"|seventy|eighty|ninety)(?: \w+)?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen)|two thousand(?: and)?(?: \w+)?)"
)
YEAR_RE = rf"(?:1\d{{3}}|20\d{{2}}|'\d\d|{_SPELLED_YEAR_RE})"

TIMEZONE_RE = r"(?:[ecmp][sd]t|gmt|utc|bst|cet|local time)"


def number_value(text: str) -> int | None:
    """3 for "3", "three", "a couple of"; 25 for "twenty five"; None otherwise."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text]
    parts = text.split()
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in NUMBER_WORDS:
        return _TENS[parts[0]] + NUMBER_WORDS[parts[1]]
    return None


def day_value(text: str) -> int | None:
    """28 for "28", "28th", "twenty eighth"."""
    text = text.strip()
    digits = text.rstrip("stndrh")
    if digits.isdigit():
        return int(digits)
    return ORDINAL_WORDS.get(text)


def spelled_year(text: str) -> int | None:
    """1996 for "nineteen ninety six", 2000 for "two thousand", 1905 for "nineteen oh five"."""
    words = text.split()
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        if not rest:
            return 2000
        value = number_value(" ".join(rest))
        return 2000 + value if value is not None and value < 100 else None
    if len(words) < 2 or words[0] not in ("eighteen", "nineteen", "twenty"):
        return None
    century = NUMBER_WORDS[words[0]] * 100
    rest = words[1:]
    if rest == ["hundred"]:
        return century
    if rest[0] == "oh" and len(rest) == 2 and rest[1] in NUMBER_WORDS:
        value = NUMBER_WORDS[rest[1]]
        return century + value if value < 10 else None
    value = number_value(" ".join(rest))
    return century + value if value is not None and 10 <= value < 100 else None
