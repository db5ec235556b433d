"""Ordinals ("the second meeting") and counts ("12 agreements") tied to the noun they count."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy
from spacy.attrs import DEP
from spacy.tokens import Doc, Token

from factlint.nlp.dates.lexicon import NUMBER_WORDS as _NUMBER_WORDS
from factlint.nlp.dates.lexicon import ORDINAL_WORDS as _ORDINAL_WORDS

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


def find_ordinals(doc: Doc) -> list[CountedMention]:
    found = []
    for token in _tokens_with_dep(doc, ORDINAL_DEPS):
        value = ordinal_value(token)
        if value is None:
            continue
        noun, modifiers = _counted_noun(token)
        found.append(CountedMention([token], value, noun, modifiers))
    return found


def find_counts(doc: Doc) -> list[CountedMention]:
    found = []
    for token in _tokens_with_dep(doc, ("nummod",)):
        if token.ent_type_ in {"DATE", "TIME", "MONEY", "PERCENT"}:
            continue
        value = number_value(token.text)
        if value is None:
            continue
        # "12 million people": fold the scale word into the value.
        tokens = [token]
        nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if nxt is not None and nxt.lower_ in SCALES and nxt.head.i == token.head.i:
            value *= SCALES[nxt.lower_]
            tokens.append(nxt)
        noun, modifiers = _counted_noun(token)
        if noun is None:
            continue
        found.append(CountedMention(tokens, value, noun, modifiers))
    return found
