"""Ordinals ("the second meeting") and counts ("12 agreements") tied to the noun they count."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy
from spacy.attrs import DEP
from spacy.tokens import Doc, Token

from factlint.dates.lexicon import NUMBER_WORDS as _NUMBER_WORDS
from factlint.dates.lexicon import ORDINAL_WORDS as _ORDINAL_WORDS

_ORDINAL_SUFFIX = re.compile(r"^(\d+)(?:st|nd|rd|th)$", re.IGNORECASE)
# Single-word number and ordinal words, shared with the date normaliser.
NUMBER_WORDS = {w: n for w, n in _NUMBER_WORDS.items() if " " not in w and w not in {"a", "an"}}
ORDINAL_WORDS = {w: n for w, n in _ORDINAL_WORDS.items() if " " not in w}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}


@dataclass
class CountedMention:
    tokens: list[Token]
    value: float
    noun: Token | None
    modifiers: list[str] = field(default_factory=list)
    # Ordinals: counted within a stretch of time or a condition ("the first election since
    # independence", "the first poll held under the new president"), not since the start.
    restricted: bool = False
    # Counts: the unit hyphened to the number ("year" in "five-year contract"), or the
    # currency of a sum ("usd"); and whether the number is approximate or a running figure.
    unit: str | None = None
    hedged: bool = False
    # Counts: another count the figure is stated within ("13 homers in 54 games": "54 game").
    scope: str | None = None


def ordinal_value(token: Token) -> int | None:
    lower = token.lower_
    if lower in ORDINAL_WORDS:
        return ORDINAL_WORDS[lower]
    match = _ORDINAL_SUFFIX.match(lower)
    return int(match.group(1)) if match else None


def number_value(text: str) -> float | None:
    cleaned = text.replace(",", "").lower()
    try:
        return float(cleaned)
    except ValueError:
        pass
    if cleaned in NUMBER_WORDS:
        return float(NUMBER_WORDS[cleaned])
    return None


def _counted_noun(token: Token) -> tuple[Token | None, list[str]]:
    """The noun an ordinal or number modifies and the words between them."""
    head = token.head
    if head.i == token.i or head.pos_ not in {"NOUN", "PROPN"} or head.i < token.i:
        return None, []
    between = [t.lower_ for t in token.doc[token.i + 1 : head.i] if t.is_alpha]
    return head, between


ORDINAL_DEPS = ("amod", "compound", "nummod", "advmod", "ROOT")


def _tokens_with_dep(doc: Doc, labels: tuple[str, ...]) -> list[Token]:
    """Tokens whose dependency label is one of `labels`, picked from spaCy's array in one call
    rather than by making a Python Token for every word."""
    ids = [doc.vocab.strings[label] for label in labels]
    return [doc[i] for i in numpy.flatnonzero(numpy.isin(doc.to_array(DEP), ids)).tolist()]


# Words after a counted noun that restrict what is counted to a stretch of time, a condition
# or an opponent: "the first vote since the death of...", "the first poll held under
# President X", "his second victory over Thompson".
RESTRICTORS = {"since", "after", "following", "under", "over", "against"}
# Stretches of time an ordinal can count within: "the fourth acquisition of his tenure", "the
# third in two years", "her second this season".
PERIODS = {
    "tenure", "term", "reign", "presidency", "premiership", "administration", "career",
    "season", "year", "decade", "month", "week", "era", "mandate", "stint", "spell",
}  # fmt: skip


def _restricts(token: Token) -> bool:
    """A word that limits a count to some stretch: a restricting preposition, or a period
    ("of his tenure", "this year", "in two years"). Set off by a comma it only adds a fact
    ("its fourth victory, after wins in 2016, 2020 and 2024")."""
    if token.i > 0 and token.doc[token.i - 1].text == ",":
        return False
    if token.lower_ in RESTRICTORS:
        return True
    return token.lemma_.lower() in PERIODS and token.dep_ in {"pobj", "npadvmod"}


def _restricted(noun: Token | None) -> bool:
    """The noun's own phrase (to its right) counts only the occurrences since, after, under
    or within something: such an ordinal is not the count since the beginning."""
    if noun is None:
        return False
    # The parser often hangs "since ..." from the verb: "held their first meeting since X".
    after = noun.right_edge.i + 1
    if (
        after < len(noun.doc)
        and noun.doc[after].lower_ in RESTRICTORS
        and _restricts(noun.doc[after])
    ):
        return True
    return any(
        child.i > noun.i
        and child.dep_ in {"prep", "acl", "relcl", "npadvmod"}
        and any(_restricts(t) for t in child.subtree)
        for child in noun.children
    )


def find_ordinals(doc: Doc) -> list[CountedMention]:
    found = []
    for token in _tokens_with_dep(doc, ORDINAL_DEPS):
        value = ordinal_value(token)
        if value is None:
            continue
        noun, modifiers = _counted_noun(token)
        found.append(CountedMention([token], value, noun, modifiers, restricted=_restricted(noun)))
    return found


# Words before a number that make it approximate or a running figure, not a count to compare
# ("about 45", "more than 80", "at least 41", "rose to 64", "so far").
HEDGES = {
    "about", "around", "approximately", "roughly", "nearly", "almost", "some", "over", "under",
    "more", "less", "fewer", "least", "most", "up", "close", "estimated", "than", "reach",
    "rise", "climb", "increase", "grow", "jump", "swell", "far", "now", "already", "another",
    "additional", "further", "extra", "other",
}  # fmt: skip
CURRENCY_SYMBOLS = {"$": "usd", "us$": "usd", "s$": "sgd", "€": "eur", "£": "gbp", "¥": "jpy"}
CURRENCY_WORDS = {
    "dollar": "usd", "euro": "eur", "pound": "gbp", "sterling": "gbp", "crown": "nok",
    "krone": "nok", "kroner": "nok", "sol": "pen", "sole": "pen", "yen": "jpy", "yuan": "cny",
    "rupee": "inr", "franc": "chf", "real": "brl", "peso": "mxn", "rouble": "rub", "ruble": "rub",
}  # fmt: skip
_MONEY = re.compile(
    r"(?P<sym>[A-Z]{0,2}\$|€|£|¥)?\s*(?P<num>\d[\d,]*(?:\.\d+)?)\s*"
    r"(?P<scale>million|billion|thousand|trillion|bn|m|k)?\b",
    re.IGNORECASE,
)
_MONEY_SCALES = {**SCALES, "trillion": 10**12, "bn": 10**9, "m": 10**6, "k": 1_000}


# Words anywhere in a sentence that make its figures running totals over several occasions
# ("in their five operations so far", "in a combined 157 games").
TOTALS = re.compile(r"\b(?:so far|to date|thus far|combined|cumulative)\b", re.IGNORECASE)


def _hedged(token: Token) -> bool:
    """A number qualified as approximate or as a running figure ("about", "at least", "rose
    to", "so far" before it, within its clause), or a total its sentence sums up."""
    doc = token.doc
    window = doc[max(token.sent.start, token.i - 3) : token.i]
    if any(t.lower_ in HEDGES or t.lemma_.lower() in HEDGES for t in window):
        return True
    return TOTALS.search(token.sent.text) is not None


# Prepositions that put a figure inside another count: "13 homers in 54 games", "five
# deaths over three days", "two goals from 11 shots".
SCOPE_PREPOSITIONS = {"in", "over", "during", "across", "from", "within"}


def _scopes(found: list[CountedMention]) -> None:
    """Marks each count stated within another count of its sentence ("13 homers and 43 RBIs
    in 54 games"): a figure for part of something is not the figure for the whole."""
    for scope in found:
        noun = scope.noun
        if noun is None or scope.unit is not None:
            continue
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ not in SCOPE_PREPOSITIONS:
            continue
        key = f"{scope.value:g} {noun.lemma_.lower()}"
        # Only counts inside the phrase the preposition hangs from ("hit 13 homers and 43
        # RBIs in 54 games"), not those of another clause ("..., and captained it in 41").
        within = prep.head
        for count in found:
            if count is scope or count.noun is None or count.noun.lemma_ == noun.lemma_:
                continue
            target = count.noun
            if target == within or within in target.ancestors or within in target.conjuncts:
                count.scope = key


def _scaled(token: Token) -> tuple[float | None, list[Token]]:
    """The value of a number token with its scale word: "12 million", "1.4 million" (where
    spaCy makes "million" the number and "1.4" its compound)."""
    doc = token.doc
    if token.lower_ in SCALES:
        first = doc[token.i - 1] if token.i > 0 else None
        value = number_value(first.text) if first is not None else None
        if first is None or value is None:
            return None, []
        return value * SCALES[token.lower_], [first, token]
    value = number_value(token.text)
    if value is None:
        return None, []
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ in SCALES and nxt.head.i == token.head.i:
        return value * SCALES[nxt.lower_], [token, nxt]
    return value, [token]


def _unit(token: Token) -> tuple[Token | None, Token | None]:
    """ "a five-year contract", "a 12-point plan": the number counts a unit ("year") hyphened
    to it, and the noun after is what it is about. Returns (noun, unit) or (None, None)."""
    doc = token.doc
    if token.i + 2 >= len(doc) or doc[token.i + 1].text not in {"-", "\u2010", "\u2011"}:
        return None, None
    unit = doc[token.i + 2]
    noun = unit.head
    if unit.pos_ not in {"NOUN", "PROPN"} or noun.i <= unit.i or noun.pos_ not in {"NOUN"}:
        return None, None
    return noun, unit


def find_counts(doc: Doc) -> list[CountedMention]:
    found = []
    for token in _tokens_with_dep(doc, ("nummod",)):
        if token.ent_type_ in {"MONEY", "PERCENT", "TIME"}:
            continue
        value, tokens = _scaled(token)
        if value is None:
            continue
        noun, unit = _unit(tokens[-1])
        if noun is not None and unit is not None:
            through = list(doc[tokens[0].i : noun.i + 1])
            found.append(
                CountedMention(through, value, noun, [], unit=unit.lemma_.lower(), hedged=False)
            )
            continue
        if token.ent_type_ == "DATE":
            continue
        noun, modifiers = _counted_noun(tokens[-1] if tokens[-1].lower_ in SCALES else token)
        if noun is None:
            continue
        found.append(CountedMention(tokens, value, noun, modifiers, hedged=_hedged(tokens[0])))
    _scopes(found)
    found.extend(_money(doc))
    return found


def _money(doc: Doc) -> list[CountedMention]:
    """Sums of money ("$350 million", "530 million dollars", "S$1.2 billion"): counted in
    their currency, so a figure in euros is never compared with one in dollars."""
    found = []
    for ent in doc.ents:
        if ent.label_ != "MONEY":
            continue
        match = _MONEY.search(ent.text)
        if match is None:
            continue
        currency = CURRENCY_SYMBOLS.get((match.group("sym") or "").lower())
        if currency is None:
            currency = next(
                (
                    CURRENCY_WORDS[t.lemma_.lower()]
                    for t in ent
                    if t.lemma_.lower() in CURRENCY_WORDS
                ),
                None,
            )
        if currency is None:
            continue
        value = float(match.group("num").replace(",", ""))
        scale = (match.group("scale") or "").lower()
        value *= _MONEY_SCALES.get(scale, 1)
        tokens = list(ent)
        # "about $7.8 billion", "$9.7 billion to $9.9 billion": the hedge or range is inside.
        inside = {t.lower_ for t in tokens} & (HEDGES | {"to", "-", "and", "or"})
        hedged = bool(inside) or _hedged(tokens[0])
        found.append(CountedMention(tokens, value, None, [], unit=currency, hedged=hedged))
    return found
