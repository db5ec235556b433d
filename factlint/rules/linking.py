"""Shared by the rule kinds that compare statements: are two facts about the same event and
participants, and do two date values agree?"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import combinations
from typing import Any, TypeVar

from factlint.facts.model import DocumentFacts, FactSet
from factlint.nlp.names import skeleton

T = TypeVar("T")
_VALUE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# Participant words too generic to tie two statements to one event.
GENERIC_PARTICIPANTS = {"us", "u", "uk", "un", "eu"}


# Last words of organisation names that say little ("Kingsmere United", "Corvane Holdings"):
# the name's first word tells the organisation apart instead.
GENERIC_NAME_ENDS = {
    "united", "city", "club", "fc", "party", "holdings", "group", "inc", "ltd", "corp",
    "company", "aerospace", "analytics", "coalition", "association", "council",
}  # fmt: skip


def participant_keys(keys: Iterable[str]) -> set[str]:
    """Surnames or single names, spelling-tolerant: 'bashar assad' and 'assad' meet; an
    organisation by its distinctive word: 'kingsmere united' and 'kingsmere' meet."""
    out = set()
    for key in keys:
        # The recogniser sometimes takes "Lula and Scholz" for one name.
        for name in re.split(r"\s+(?:and|&)\s+", key):
            parts = name.split()
            if len(parts) > 1 and parts[-1] in GENERIC_NAME_ENDS:
                parts = parts[:-1]
            if parts and parts[-1] not in GENERIC_PARTICIPANTS:
                out.add(skeleton(parts[-1]))
    return out


def is_calendar_value(value: str | None) -> bool:
    return value is not None and _VALUE.match(value) is not None


def months(value: str) -> int | None:
    match = _VALUE.match(value)
    if not match or not match.group(2):
        return None
    return int(match.group(1)) * 12 + int(match.group(2)) - 1


def agree(a: str, b: str, tolerance_months: int = 0) -> bool:
    """Values agree when one refines the other (2024 / 2024-12), or within a tolerance."""
    if a.startswith(b) or b.startswith(a):
        return True
    if tolerance_months:
        ma, mb = months(a), months(b)
        if ma is not None and mb is not None:
            return abs(ma - mb) <= tolerance_months
        if a[:4].isdigit() and b[:4].isdigit() and (len(a) == 4 or len(b) == 4):
            return abs(int(a[:4]) - int(b[:4])) <= max(1, tolerance_months // 12)
    return False


def one_digit_apart(a: str, b: str) -> bool:
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def event_word(words: Sequence[str], classes: Sequence[str], trigger: str | None) -> str:
    """The word that names the event ("end", "fall"), preferring the trigger."""
    from factlint.nlp.event_classes import EVENT_CLASSES

    wanted = (
        set().union(*(EVENT_CLASSES.get(c, frozenset()) for c in classes)) if classes else set()
    )
    if trigger and (not wanted or trigger in wanted):
        return trigger
    return next((w for w in words if w in wanted), trigger or "event")


# Participants per statement used for blocking: the combinations grow with the square.
MAX_BLOCK_PARTICIPANTS = 8


def participant_blocks(people: Iterable[str], size: int) -> Iterator[tuple[str, ...]]:
    """The block keys of a statement: every `size` of its participants two statements must
    share, so statements are compared inside blocks rather than in all pairs."""
    return combinations(sorted(people)[:MAX_BLOCK_PARTICIPANTS], size)


def first_per_document(items: Iterable[T], paths: set[str], limit: int) -> list[T]:
    """The first item of each of the first `limit` documents in `paths` (in path order)."""
    first: dict[str, T] = {}
    for item in items:
        path = item.doc.path  # type: ignore[attr-defined]
        if path in paths:
            first.setdefault(path, item)
    return [first[p] for p in sorted(first)[:limit]]


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _unchecked(target: Any = None, **_: Any) -> Any:
    return target if target is not None else (lambda function: function)


@lru_cache(maxsize=1)
def _english() -> Any:
    """inflect's engine, loaded only when a message needs a plural. inflect >= 7.2 decorates
    its methods with typeguard's `@typechecked`, which re-parses and instruments its source on
    import: 1.5-2.5 s here against 0.1 s without (jaraco/inflect#212). Those checks guard a
    caller's argument types (ours are plain strings), so the decorator is a no-op while
    inflect loads, and typeguard is restored for anyone else."""
    try:
        import typeguard
    except ImportError:  # an inflect older than 7.2 does not use it
        import inflect

        return inflect.engine()
    checked = typeguard.typechecked
    setattr(typeguard, "typechecked", _unchecked)  # noqa: B010
    try:
        import inflect
    finally:
        setattr(typeguard, "typechecked", checked)  # noqa: B010
    return inflect.engine()


@lru_cache(maxsize=4096)
def counted(value: str, noun: str) -> str:
    """A number and its noun in agreement: "1 agreement", "14 agreements", "2 casualties"."""
    if value in ("1", "1.0", "one"):
        return f"{value} {noun}"
    return f"{value} {_english().plural_noun(noun) or noun}"


def verb_for(n: int, singular: str, plural_form: str) -> str:
    """The verb form that agrees with a count: verb_for(1, "agrees", "agree") is "agrees"."""
    return singular if n == 1 else plural_form


# Words of organisation names too common to tie two of them together ("Democratic Party",
# "Hun Party"; "National Coalition", "National Assembly").
GENERIC_NAME_WORDS = {
    "party", "national", "united", "new", "great", "state", "states", "royal", "north",
    "south", "east", "west", "central", "general", "first", "the", "city", "club", "group",
}  # fmt: skip


def participant_names(keys: Iterable[str]) -> set[str]:
    """Ways one participant is written: 'democratic party', its initials 'dp', and a
    distinctive first word ('kingsmere united' -> 'kingsmere')."""
    out: set[str] = set()
    for key in keys:
        words = key.split()
        if not words:
            continue
        out.add(key)
        if len(words) > 1:
            out.add("".join(w[0] for w in words))
            if len(words[0]) >= 4 and words[0] not in GENERIC_NAME_WORDS:
                out.add(words[0])
    return out


def actor_keys(doc: DocumentFacts) -> set[str]:
    """The blocking keys of the kinds that compare events by who they are about: the people
    and organisations `doc` names. The story's actors come from them too, so a document that
    shares none with another cannot change its findings (`check --against` reads only these)."""
    return participant_keys({e.canonical for e in doc.entities})


def story_actors(facts: FactSet) -> set[str]:
    """Names most documents of the set mention: the actors "the company" and "the sides"
    stand for."""
    seen: Counter[str] = Counter()
    for doc in facts.documents:
        seen.update(participant_names({e.canonical for e in doc.entities}))
    floor = max(2, (len(facts.documents) + 1) // 2)
    return {name for name, n in seen.items() if n >= floor}


def story_keys(facts: FactSet) -> set[str]:
    """`story_actors` as `participant_keys` write them (surnames, distinctive words)."""
    seen: Counter[str] = Counter()
    for doc in facts.documents:
        seen.update(participant_keys({e.canonical for e in doc.entities}))
    floor = max(2, (len(facts.documents) + 1) // 2)
    return {key for key, n in seen.items() if n >= floor}
