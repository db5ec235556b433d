"""The publication date printed at the top of an article: `Published: ...` lines and datelines.

A line counts when it is metadata: a date, maybe a label (Published, Posted, Updated...), a
time, a zone, a weekday, a place or agency name, and nothing else that reads like prose.
Such lines are reported with their offsets so the loader can blank them: they describe the
article, they are not facts of its body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factlint.dates.lexicon import WEEKDAY_RE
from factlint.dates.printed import PrintedDate, find_dates

# Labels of the first publication, strongest evidence.
_STRONG = (
    r"first\s+published|originally\s+published|first\s+posted|article\s+posted"
    r"|published(?:\s+time)?|posted|story\s+created|created|pubdate|date(?:line)?"
)
# Labels of a later revision: a fallback when nothing else is printed.
_WEAK = r"last\s+updated|updated|last\s+modified|modified|edited(?:\s+time)?|revised"
_GENERIC_LABELS = {"date", "dateline", "created", "pubdate"}
_LABEL = re.compile(
    rf"(?<![a-z])(?:(?P<strong>{_STRONG})|(?P<weak>{_WEAK}))(?:\s+(?:on|at))?\s*:?",
    re.IGNORECASE,
)
_TIME = (
    r"\d{1,2}\s?[:.]\s?\d{2}(?::\d{2})?\s*(?:[ap]\.?(?:\s?m\.?)?(?![a-z]))?|\d{1,2}\s*[ap]\.?m\.?(?![a-z])"
    r"|\d{4}\s*(?=gmt|utc)"
)
_ZONE = r"(?:gmt|utc)(?:\s*[+-]\s*\d{1,2}(?::\s?\d{1,2})?)?|hrs|local\s+time"
# Zone abbreviations only in capitals: EDT, PST, AKDT, IST, ET, UK.
_ZONE_CAPS = re.compile(r"(?<![A-Za-z])(?:[A-Z]{1,4}T|UK)(?![A-Za-z])")
_AGO = (
    r"(?:\d+|an?|one)\s+(?:second|minute|min|hour|hr|day|week|month|year)s?(?:,\s*\d+\s+\w+)?\s+ago"
)
_FILLER = re.compile(
    rf"(?<![a-z])(?:{_TIME}|{_ZONE}|{_AGO}|{WEEKDAY_RE}\.?|on|at|by|of|the|and|in|as)(?![a-z])"
    r"|[\s,;|@()\[\]\-–—.:/+*•·]+|\d+",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_][\w'’&.-]*")
# "End of Watch: Friday, June 24, 2005": a date under some other label is not a publication.
_OTHER_LABEL = re.compile(r"[A-Za-z]\s*:\s*$")

MAX_LINE = 200  # metadata lines are short; prose lines are not read here
TOP_LINES = 12  # non-blank lines searched for labelled dates
DATELINE_LINES = 6  # non-blank lines searched for a date standing alone


@dataclass(frozen=True)
class Dateline:
    """A metadata line: where it is and the date it gives."""

    start: int  # offset of the line in the text
    end: int
    date: PrintedDate
    rank: int  # 0 strong label, 1 bare dateline, 2 "Updated" label


def _is_label(line: str, match: re.Match[str]) -> bool:
    # "Date:" and "Created:" label a line only at its start: "Closing date:" is something else.
    generic = match.group("strong") and match.group("strong").lower() in _GENERIC_LABELS
    return not generic or not line[: match.start()].strip()


def _residual_words(line: str) -> list[str]:
    return _WORD.findall(_FILLER.sub(" ", _ZONE_CAPS.sub(" ", line)))


def _rank(line: str, found: PrintedDate, labels: list[re.Match[str]]) -> int:
    """0 for a date right after a strong label (`Published:`), 2 after a weak one, else 1."""
    before = [m for m in labels if m.end() <= found.start]
    if not before:
        return 1
    label = before[-1]
    if _residual_words(line[label.end() : found.start]):
        return 1
    return 0 if label.group("strong") else 2


def read_line(line: str, index: int) -> tuple[PrintedDate, int] | None:
    """The date a metadata line gives and its rank, or None when the line is not metadata."""
    if len(line) > MAX_LINE or not any(c.isdigit() for c in line):
        return None
    dates = find_dates(line)
    if not dates:
        return None
    labels = [m for m in _LABEL.finditer(line) if _is_label(line, m)]
    stripped = line
    ranked: list[tuple[int, PrintedDate]] = []
    for found in dates:
        rank = _rank(line, found, labels)
        if rank == 1 and _OTHER_LABEL.search(line[: found.start]):
            return None
        ranked.append((rank, found))
    for span in sorted(
        [(d.start, d.end) for d in dates] + [m.span() for m in labels], reverse=True
    ):
        stripped = stripped[: span[0]] + " " + stripped[span[1] :]
    residual = _residual_words(stripped)
    labelled = any(rank != 1 for rank, _ in ranked)
    if len(residual) > 3:
        return None
    # Without a label, what is left must be a name or two (a place, an agency), not a headline.
    if not labelled and (len(residual) > 2 or any(not w[0].isupper() for w in residual)):
        return None
    if not labelled and index >= DATELINE_LINES:
        return None
    rank, found = min(ranked, key=lambda item: item[0])
    return found, rank


def find_datelines(text: str) -> list[Dateline]:
    """Metadata lines among the first non-blank lines of `text`, in text order."""
    found: list[Dateline] = []
    index = 0
    start = 0
    length = len(text)
    while start <= length and index < TOP_LINES:
        end = text.find("\n", start)
        if end == -1:
            end = length
        line = text[start:end]
        if line.strip():
            result = read_line(line, index)
            if result is not None:
                found.append(Dateline(start, end, result[0], result[1]))
            index += 1
        start = end + 1
    return found


def best_dateline(datelines: list[Dateline]) -> Dateline | None:
    """The strongest evidence of first publication; the first line among equals."""
    if not datelines:
        return None
    return min(datelines, key=lambda d: (d.rank, d.start))
