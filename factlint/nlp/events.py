"""Event context: which event a date, ordinal or count is about, and who takes part in it."""

from __future__ import annotations

import sys

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from factlint.nlp.context import EventContext
from factlint.nlp.doc_index import PARTICIPANT_LABELS, DocIndex, lemma
from factlint.nlp.event_classes import classes_of
from factlint.nlp.names import canonical_key

CONTENT_POS = {"NOUN", "VERB", "ADJ", "PROPN"}
# Words that relate one event to another: the expression below them belongs to the lower event.
RELATIONS = {"since", "after", "before", "following", "until", "till", "amid", "ahead", "prior"}
MAX_CHAIN = 6
LEFT_WINDOW = 10


def _root(tokens: list[Token]) -> Token:
    ids = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in ids or t.head.i == t.i), tokens[0])


def _relation(root: Token) -> str | None:
    head = root.head
    if head.pos_ == "ADP" or head.dep_ == "prep":
        return sys.intern(head.lower_)
    if root.lower_ == "ago" or any(c.lower_ == "ago" for c in root.children):
        return "ago"
    return None


def event_chain(tokens: list[Token]) -> list[Token]:
    """The nouns the expression hangs from (up through prepositions), or the verb it modifies."""
    chain: list[Token] = []
    ids = {t.i for t in tokens}
    node = _root(tokens)
    for _ in range(MAX_CHAIN):
        head = node.head
        if head.i == node.i or head.i in ids or head.lower_ in RELATIONS:
            break
        if head.pos_ == "VERB" or head.pos_ == "AUX":
            if not chain:
                chain.append(head)
            break
        if head.pos_ in {"NOUN", "PROPN"}:
            chain.append(head)
        node = head
    return chain


def _left_window(sentence: SpacySpan, tokens: list[Token]) -> list[Token]:
    """Words just before the expression, back to the nearest relation word."""
    first = tokens[0].i
    window = list(sentence.doc[max(sentence.start, first - LEFT_WINDOW) : first])
    cut = max((k for k, t in enumerate(window) if t.lower_ in RELATIONS), default=-1)
    return window[cut + 1 :]


def _phrase(
    sentence: SpacySpan, chain: list[Token], tokens: list[Token]
) -> tuple[list[Token], set[int]]:
    """The event phrase: the chain nouns with their dependents (a verb: its arguments), the
    words just before the expression, and relative clauses on any of them. Also returns the
    token ids only the relative clauses brought in."""
    ids = {t.i for t in tokens}
    phrase: dict[int, Token] = {}
    for head in chain:
        if head.pos_ in {"VERB", "AUX"}:
            phrase[head.i] = head
            for child in head.children:
                if child.dep_ in {"nsubj", "nsubjpass", "dobj", "attr", "agent"}:
                    _add_subtree(phrase, ids, child)
        else:
            _add_subtree(phrase, ids, head)
    for t in _left_window(sentence, tokens):
        phrase.setdefault(t.i, t)
    core = set(phrase)
    for t in list(phrase.values()) + tokens:
        for child in t.children:
            if child.dep_ in {"relcl", "acl"}:
                _add_subtree(phrase, ids, child, clauses=True)
    return [phrase[i] for i in sorted(phrase)], set(phrase) - core


def _add_subtree(
    phrase: dict[int, Token], ids: set[int], token: Token, clauses: bool = False
) -> None:
    """Add `token` and what hangs under it to `phrase` (but the tokens in `ids`): not into
    another event a relation word introduces, nor, unless `clauses`, into relative clauses."""
    stack = [token]
    while stack:
        t = stack.pop()
        if t.i not in ids:
            phrase.setdefault(t.i, t)
        stack.extend(
            c
            for c in t.children
            if c.lower_ not in RELATIONS and (clauses or c.dep_ not in {"relcl", "acl"})
        )


def _content(tokens: list[Token]) -> list[str]:
    return sorted(
        {lemma(t) for t in tokens if t.pos_ in CONTENT_POS and t.is_alpha and not t.is_stop}
    )


# Words that stand for a person named earlier: "he died in 2014", "its founder stepped down".
PRONOUNS = {"he", "she"}
ROLES = {
    "founder", "co-founder", "cofounder", "chairman", "chairwoman", "chair", "owner",
    "president", "leader", "creator", "inventor", "director", "executive", "boss",
}  # fmt: skip
# Sentences back to look for the person a pronoun or role stands for.
AGENT_WINDOW = 4


def _verb(tokens: list[Token], chain: list[Token]) -> Token | None:
    """The verb the expression belongs to: the chain's verb, or the nearest verb above."""
    if chain and chain[0].pos_ in {"VERB", "AUX"}:
        return chain[0]
    return next((a for a in _root(tokens).ancestors if a.pos_ in {"VERB", "AUX"}), None)


def _subject(verb: Token) -> Token | None:
    """The verb's active subject; a conjoined verb shares its first verb's ("he quit and
    founded"). A passive subject does not act ("he was buried in 1990")."""
    for _ in range(3):
        found = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if found is not None or verb.dep_ != "conj":
            return found
        verb = verb.head
    return None


def _named(index: DocIndex, token: Token) -> str | None:
    """The name a subject is: a person or organisation it is part of (the small model often
    takes a surname for an organisation or a place: "Teles did not see it"), or a name in
    apposition ("the magnate Ruben Castell")."""
    for t in (token, *(c for c in token.children if c.dep_ in {"appos", "compound"})):
        for e in index.sentence_entities(index.sentence_index(t.i)):
            if e.label_ in {"PERSON", "ORG", "GPE"} and e.start <= t.i < e.end:
                return canonical_key(e.text) or None
        if t.pos_ == "PROPN" and t.is_title and not t.ent_type_:
            return canonical_key(t.text) or None
    return None


def _antecedent(index: DocIndex, sentence_index: int, subject: Token) -> str | None:
    """The person a pronoun or role subject stands for: the named subject before it in its
    sentence, else of the nearest sentence before that has one ("Teles did not see it. He
    died...")."""
    for k in range(sentence_index, max(-1, sentence_index - AGENT_WINDOW), -1):
        subjects = [t for t in index.sentences[k] if t.dep_ == "nsubj" and t.i < subject.i]
        if k == sentence_index:
            subjects.reverse()
        for t in subjects:
            named = _named(index, t)
            if named is not None:
                return named
    return None


def _agent(index: DocIndex, sentence_index: int, verb: Token | None) -> str | None:
    """Who does the event: the name that is the verb's subject, or the one a pronoun or role
    subject stands for ("Teles ... He died", "Its founder stepped down")."""
    subject = _subject(verb) if verb is not None else None
    if subject is None:
        return None
    named = _named(index, subject)
    if named is not None:
        return named
    if subject.lower_ in PRONOUNS or subject.lemma_.lower() in ROLES:
        return _antecedent(index, sentence_index, subject)
    return None


def _ongoing(verb: Token | None) -> bool:
    """A perfect or progressive verb ("has represented", "have been", "is leading")."""
    if verb is None:
        return False
    aux = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    return bool(aux & {"has", "have", "'s", "'ve"}) and verb.tag_ == "VBN"


def event_context(index: DocIndex, sentence_index: int, tokens: list[Token]) -> EventContext:
    sentence = index.sentences[sentence_index]
    text = index.sentence_text(sentence_index)
    if not tokens:
        return EventContext(sentence=text, sentence_start=sentence.start_char + index.offset)
    chain = event_chain(tokens)
    phrase, clauses = _phrase(sentence, chain, tokens)
    words = _content(phrase)
    # "the June 20 shooting of a man whom he tried to kill": the relative clause describes a
    # participant, and its verbs are the event's type only when the phrase has none itself
    # ("the shift in December, which brought an end to his rule").
    classes = classes_of(_content([t for t in phrase if t.i not in clauses])) or classes_of(words)
    phrase_ids = {t.i for t in phrase}
    entities = [
        e for e in index.sentence_entities(sentence_index) if e.label_ in PARTICIPANT_LABELS
    ]
    in_phrase = [e for e in entities if any(i in phrase_ids for i in range(e.start, e.end))]
    participants = sorted({canonical_key(e.text) for e in (in_phrase or entities)} - {""})
    root = _root(tokens)
    verb = _verb(tokens, chain)
    return EventContext(
        trigger=lemma(chain[0]) if chain else None,
        words=tuple(words),
        classes=tuple(classes),
        participants=tuple(participants),
        sentence_participants=index.sentence_participants(sentence_index),
        relation=_relation(root),
        scope=tuple(sys.intern(a.lower_) for a in root.ancestors if a.lower_ in RELATIONS),
        sentence=text,
        sentence_start=sentence.start_char + index.offset,
        agent=_agent(index, sentence_index, verb),
        ongoing=_ongoing(verb),
    )
