"""Find date expressions in a parsed document and normalise each in its context.

Candidates are spaCy DATE and TIME entities plus a few precompiled patterns for what the
model misses (reference words such as "now", numeric dates, yearless dates). An entity the
rules cannot read is split into the patterns inside it, then given to dateparser; a duration
or an age entity is dropped, keeping only absolute dates inside it ("the first nine months of
1989" keeps "1989"). Candidates are then normalised in text order so that "a year earlier"
can refer to the quarter the text last named and "that year" to the last stated date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Token

from factlint.nlp.dates.fallback import parse_with_dateparser
from factlint.nlp.dates.grammar import Context, Tense
from factlint.nlp.dates.normalise import Normalised, clean, non_date_kind, normalise
from factlint.nlp.dates.patterns import find_spots
from factlint.nlp.dates.values import Point, quarter


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    value: str | None
    granularity: str | None
    relative: bool = False
    note: str | None = None
    weekday: int | None = None
    year_stated: bool = False


_LABELS = ("DATE", "TIME")
_TRAILING = re.compile(r"(?:'s|'|\s|[,;:!?\"()])+$|(?<=\d)\.$|(?<=[a-z]{4})\.$")
_SPLIT = re.compile(r"\s*(?:,|\band\b|\bor\b|\bto\b|\bthrough\b|-|–)\s*")

_FUTURE_AUX = {"will", "'ll", "wo", "shall", "would", "might", "may", "must", "should", "'d"}
# Passive verbs whose dates lie ahead even in the past tense ("is set for Tuesday", "was
# planned for early March"; not a bare participle: "the record set on Aug. 6").
_PLANNED = {"schedule", "plan", "expect", "due", "slate", "intend", "postpone", "set"}
# Words just before a date that fix its direction: start dates ahead, "since" behind.
_FUTURE_CUES = {"payable", "effective", "starting"}
_PAST_CUES = {"since"}
_MOVED_TO = {"extend", "postpone", "delay", "move", "adjourn", "push", "defer", "reschedule"}
_QUARTER_NAMED = re.compile(r"\b(?:first|second|third|fourth|1st|2nd|3rd|4th)\b|\bq[1-4]\b")
_YEAR_AGO = re.compile(r"year[- ]?(?:ago|earlier)|prior[- ]year|previous year|last year")
# A date that modifies a noun ("Wednesday's ruling", "the Feb. 23 accord") says nothing
# about the tense of the verb further up.
_NOUN_MODIFIER = {"poss", "compound", "nmod", "amod", "case"}


def clause_tense(doc: Doc, start: int, end: int) -> Tense | None:
    """Tense of the verb the expression depends on, from tags, auxiliaries and cue words."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    cue = _cue(doc, span.start)
    if cue is not None:
        return cue
    token = span.root
    if token.dep_ in _NOUN_MODIFIER:
        return None
    verb = _governing_verb(token)
    if verb is None:
        return None
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxiliaries}
    if words & _FUTURE_AUX:
        return "future"
    if "to" in words and verb.tag_ == "VB":
        return _infinitive_tense(verb)
    if verb.tag_ == "VBN" and words and verb.lemma_ in _PLANNED and "had" not in words:
        return "future"  # "is scheduled for Monday", "was planned for early March"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxiliaries):
        return "past"
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxiliaries):
        return "past"
    if verb.tag_ in ("VBZ", "VBP", "VBG") or any(a.tag_ in ("VBZ", "VBP") for a in auxiliaries):
        return "present"
    return None


def _governing_verb(token: Token) -> Token | None:
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head is token:
            return None
        token = token.head
    return None


def _infinitive_tense(verb: Token) -> Tense | None:
    """An infinitive looks ahead of the verb it completes ("planned to leave Thursday",
    "agreed to buy it in February"), unless that verb is in the past perfect ("had been
    scheduled to expire Friday")."""
    head = _governing_verb(verb.head) if verb.head is not verb else None
    if head is None:
        return None
    head_aux = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
    if "had" in head_aux:
        return "past"
    return "future"


def _cue(doc: Doc, first: int) -> Tense | None:
    """ "payable Dec. 7", "extended to Nov. 16", "as soon as Tuesday", "since Jan. 13"."""
    before = [t for t in doc[max(0, first - 4) : first] if t.lower_ not in ("on", "the")]
    if not before:
        return None
    last = before[-1]
    if last.lower_ in _PAST_CUES:
        return "past"
    if last.lower_ in _FUTURE_CUES:
        return "future"
    if last.lower_ in ("to", "until", "through", "till"):
        sentence_start = doc[first].sent.start if doc.has_annotation("SENT_START") else 0
        if any(t.lemma_ in _MOVED_TO for t in doc[max(sentence_start, first - 12) : first]):
            return "future"
    words = [t.lower_ for t in before[-3:]]
    if words in (["as", "soon", "as"], ["as", "early", "as"]) or words[-2:] == ["of", "record"]:
        return "future"  # "holders of record Nov. 15": dividend record dates lie ahead
    return None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    m = _TRAILING.search(text, start, end)
    if m is not None and m.start() > start:
        end = m.start()
    while start < end and text[start] in "\"'( ":
        start += 1
    return start, end


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass
class _Candidate:
    start: int
    end: int
    # Set when only dateparser could read it: its value is final.
    fixed: Normalised | None = None


def _candidates(doc: Doc, text: str, anchor: date | None) -> list[_Candidate]:
    # Any context works for deciding whether a phrase is a date; anaphoric rules need some
    # quarter and some earlier date to say yes.
    probe = Context(quarter=quarter(2000, 1), last=Point("day", date(2000, 1, 1)))
    chosen: list[_Candidate] = []
    blocked: list[tuple[int, int]] = []
    unread: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ not in _LABELS:
            continue
        start, end = _trim(text, ent.start_char, ent.end_char)
        if start >= end:
            continue
        phrase = text[start:end]
        if normalise(phrase, anchor, probe) is not None:
            chosen.append(_Candidate(start, end))
        elif non_date_kind(clean(phrase)):
            blocked.append((start, end))
        else:
            unread.append((start, end))
    for spot in find_spots(text):
        start, end = span = (spot.start, spot.end)
        if not spot.absolute and any(_overlaps(span, b) for b in blocked):
            continue
        clash = [c for c in chosen if _overlaps(span, (c.start, c.end))]
        # A pattern wins over entities it strictly contains ("Wednesday" in "Wednesday, Jan. 28").
        if any(not (start <= c.start and c.end <= end) or (c.start, c.end) == span for c in clash):
            continue
        if normalise(text[start:end], anchor, probe) is None:
            continue
        chosen = [c for c in chosen if c not in clash]
        chosen.append(_Candidate(start, end))
    for start, end in unread:
        # "the quarter ended Sept. 30": the pattern took the date, the rest is read alone.
        taken = sorted(
            (c.start, c.end) for c in chosen if _overlaps((start, end), (c.start, c.end))
        )
        for piece_start, piece_end in _uncovered(start, end, taken):
            piece_start, piece_end = _strip_connectors(text, piece_start, piece_end)
            if piece_start < piece_end:
                whole = not taken
                chosen.extend(
                    _split_or_fallback(text, piece_start, piece_end, anchor, probe, whole)
                )
    return _merge_adjacent(text, sorted(chosen, key=lambda c: c.start), anchor, probe)


def _uncovered(start: int, end: int, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    pieces = []
    cursor = start
    for taken_start, taken_end in taken:
        if taken_start > cursor:
            pieces.append((cursor, min(taken_start, end)))
        cursor = max(cursor, taken_end)
    if cursor < end:
        pieces.append((cursor, end))
    return pieces


_LEADING = re.compile(r"(?:[\s,;]|\b(?:and|or|to|through|of|on|from|until|by|at|in)\b)+")
_TRAILING_WORDS = re.compile(
    r"(?:[\s,;]|\b(?:and|or|to|through|ended|ending|of|on|since|from|until|by|at|in)\b)+$"
)


def _strip_connectors(text: str, start: int, end: int) -> tuple[int, int]:
    m = _LEADING.match(text, start, end)
    if m is not None:
        start = m.end()
    m = _TRAILING_WORDS.search(text, start, end)
    if m is not None:
        end = m.start()
    return start, end


_GAP = re.compile(r"[\s,]*(?:(?:on|at|of|in the)\s+)?")


def _merge_adjacent(
    text: str, candidates: list[_Candidate], anchor: date | None, probe: Context
) -> list[_Candidate]:
    """Join pieces the model split: "9 a.m." + "Tuesday", "Wednesday" + "night"."""
    merged: list[_Candidate] = []
    for candidate in candidates:
        if merged and merged[-1].fixed is None and candidate.fixed is None:
            previous = merged[-1]
            if _GAP.fullmatch(text, previous.end, candidate.start):
                joined = text[previous.start : candidate.end]
                if normalise(joined, anchor, probe) is not None:
                    merged[-1] = _Candidate(previous.start, candidate.end)
                    continue
        merged.append(candidate)
    return merged


def _split_or_fallback(
    text: str, start: int, end: int, anchor: date | None, probe: Context, whole: bool = True
) -> list[_Candidate]:
    """Parts of an unread entity ("Wednesday and Thursday"), or dateparser's reading of it."""
    parts: list[_Candidate] = []
    cursor = start
    for sep in [*_SPLIT.finditer(text, start, end), None]:
        part_end = sep.start() if sep is not None else end
        if part_end > cursor and normalise(text[cursor:part_end], anchor, probe) is not None:
            parts.append(_Candidate(cursor, part_end))
        if sep is not None:
            cursor = sep.end()
    if parts or not whole:
        return parts
    found = parse_with_dateparser(text[start:end], anchor)
    return [_Candidate(start, end, found)] if found is not None else []


def extract_dates(doc: Doc, anchor: date | None) -> list[DateMention]:
    """Date mentions in a parsed document, in text order."""
    text = doc.text  # built from the tokens on every access: once only
    mentions: list[DateMention] = []
    reference_quarter: Point | None = None
    last_stated: Point | None = None
    for candidate in _candidates(doc, text, anchor):
        phrase = text[candidate.start : candidate.end]
        result = candidate.fixed
        if result is None:
            context = Context(
                clause_tense(doc, candidate.start, candidate.end), reference_quarter, last_stated
            )
            result = normalise(phrase, anchor, context)
            if result is None:
                continue
            if result.granularity == "quarter" and result.value:
                lowered = phrase.lower()
                if _QUARTER_NAMED.search(lowered) and not _YEAR_AGO.search(lowered):
                    reference_quarter = _quarter_point(result.value)
        if result.year_stated and result.value and result.granularity in ("day", "month", "year"):
            last_stated = Point(result.granularity, _start_of(result.value))  # type: ignore[arg-type]
        mentions.append(
            DateMention(
                start=candidate.start,
                end=candidate.end,
                text=phrase,
                value=result.value,
                granularity=result.granularity,
                relative=result.relative,
                note=result.note,
                weekday=result.weekday,
                year_stated=result.year_stated,
            )
        )
    return mentions


def _quarter_point(value: str) -> Point | None:
    m = re.fullmatch(r"(\d{4})-Q([1-4])", value)
    return quarter(int(m.group(1)), int(m.group(2))) if m else None


def _start_of(value: str) -> date:
    parts = [int(p) for p in value[:10].split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
