"""What a date, ordinal or count is about: the value `factlint.nlp.events` computes for each.

A module of its own, without spaCy, so the fact models (and warm, fully cached runs) can use
it without importing spaCy.
"""

from __future__ import annotations

from pydantic.dataclasses import dataclass


@dataclass(slots=True, frozen=True)
class EventContext:
    """What a date, ordinal or count is about: the event word it attaches to and who takes part.

    `trigger` is the lemma of the event noun or verb the expression attaches to; `words` are
    the content lemmas of the event phrase (the trigger chain and its dependents, stopping at
    relations such as "since" or "after" that introduce another event); `classes` are the
    coarse event types of those words; `participants` are canonical keys of the named entities
    in the event phrase (the sentence's when the phrase has none). `relation` is the word that
    ties the expression to its event ("in", "since", "ago"). `sentence` is kept for messages.
    """

    trigger: str | None = None
    words: tuple[str, ...] = ()
    classes: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()
    sentence_participants: tuple[str, ...] = ()
    relation: str | None = None
    # Relation words above the expression ("since", "after"...): "since its intervention in 2015".
    scope: tuple[str, ...] = ()
    sentence: str = ""
    sentence_start: int = 0
    # The person who does the event: the subject of its verb, a pronoun ("he") or a role
    # ("its founder") taken as the person last named before it; None when not a person.
    agent: str | None = None
    # The verb is in a perfect or progressive form ("has represented", "is still"): what it
    # says goes on up to the time of writing.
    ongoing: bool = False


NO_EVENT = EventContext()
