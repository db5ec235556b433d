"""Titles before names: "Syria's interim President Ahmed al-Sharaa" -> role president, [interim]."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token


@dataclass
class TitleMention:
    tokens: list[Token]
    person: Span
    role: str
    qualifiers: list[str] = field(default_factory=list)


DEMONYM_ENDINGS = ("an", "ian", "ese", "ish", "i", "ic")


def _is_place_word(token: Token) -> bool:
    if token.ent_type_ in {"GPE", "LOC", "FAC"}:
        return True
    if token.ent_type_ == "NORP" or (token.ent_type_ == "ORG" and token.ent_iob_ == "B"):
        return (
            token.is_title and token.lower_.endswith(DEMONYM_ENDINGS)
        ) or token.ent_type_ == "NORP"
    return token.is_title and token.tag_ in {"JJ", "NNP"} and token.lower_.endswith(DEMONYM_ENDINGS)


def find_title(person: Span) -> TitleMention | None:
    """The role noun right before a PERSON name and the qualifiers before the role."""
    doc = person.doc
    i = person.start - 1
    if i < 0:
        return None
    role = doc[i]
    if role.pos_ not in {"NOUN", "PROPN"} or role.ent_type_ or not role.is_alpha:
        return None
    if role.is_sent_start and role.text.isupper():
        return None
    tokens = [role]
    qualifiers: list[str] = []
    j = i - 1
    while j >= 0 and j >= person.sent.start:
        token = doc[j]
        # Nationalities, countries and organisations say where the role is, not what it is.
        if token.tag_ == "POS" or not token.is_alpha or _is_place_word(token):
            break
        if token.pos_ not in {"ADJ", "NOUN", "PROPN"} or token.dep_ not in {"amod", "compound"}:
            break
        qualifiers.insert(0, token.lower_)
        tokens.insert(0, token)
        j -= 1
    return TitleMention(tokens, person, role.lemma_.lower(), qualifiers)
