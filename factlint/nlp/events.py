"""Event context: which event a date, ordinal or count is about, and who takes part in it."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from factlint.facts.model import EventContext
from factlint.nlp.names import canonical_key

PARTICIPANT_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "EVENT"}
CONTENT_POS = {"NOUN", "VERB", "ADJ"}


def trigger_of(tokens: list[Token]) -> Token | None:
    """The nearest noun or verb the expression hangs from, skipping prepositions."""
    if not tokens:
        return None
    span_ids = {t.i for t in tokens}
    root = next((t for t in tokens if t.head.i not in span_ids or t.head.i == t.i), tokens[0])
    head = root.head
    for _ in range(6):
        if head.i in span_ids:
            break
        if head.pos_ in {"NOUN", "VERB"}:
            return head
        if head.head.i == head.i:
            return head if head.pos_ in {"NOUN", "VERB", "PROPN"} else None
        head = head.head
    return None


def event_context(sentence: SpacySpan, tokens: list[Token]) -> EventContext:
    trigger = trigger_of(tokens)
    span_ids = {t.i for t in tokens}
    words = sorted(
        {
            t.lemma_.lower()
            for t in sentence
            if t.pos_ in CONTENT_POS and not t.is_stop and t.i not in span_ids and t.is_alpha
        }
    )
    participants = sorted(
        {
            canonical_key(ent.text)
            for ent in sentence.ents
            if ent.label_ in PARTICIPANT_LABELS and canonical_key(ent.text)
        }
    )
    return EventContext(
        trigger=trigger.lemma_.lower() if trigger is not None else None,
        words=words,
        participants=participants,
        sentence=sentence.text.strip(),
        sentence_start=sentence.start_char,
    )
