"""Facts stay small: the rules hold every document's facts at once (10 000 articles must fit
in well under 1.5 GB), so fact objects carry no per-instance `__dict__` and share what repeats.
"""

from __future__ import annotations

import dataclasses
import sys

import pytest

from factlint.cache import decode, encode
from factlint.facts import model
from factlint.facts.model import DateFact, DocumentFacts, EntityFact, EventContext, Span

FACT_CLASSES = [
    model.Span,
    model.EventContext,
    model.EntityFact,
    model.DateFact,
    model.OrdinalFact,
    model.CountFact,
    model.TitleFact,
    model.SourceFact,
]


def _span(start: int, text: str) -> Span:
    return Span(
        text=text,
        start=start,
        end=start + len(text),
        line=1,
        column=start + 1,
        end_line=1,
        end_column=start + len(text) + 1,
    )


@pytest.mark.parametrize("cls", FACT_CLASSES, ids=lambda c: c.__name__)
def test_fact_classes_are_slotted_and_frozen(cls: type) -> None:
    assert "__slots__" in vars(cls)
    assert cls.__dataclass_params__.frozen  # type: ignore[attr-defined]
    # Sequences are tuples: an empty one costs nothing, a list at least 56 bytes.
    for item in dataclasses.fields(cls):
        assert "list[" not in str(item.type), f"{cls.__name__}.{item.name} is a list"


def test_a_span_is_a_fraction_of_a_model() -> None:
    span = _span(10, "Oslo")
    assert not hasattr(span, "__dict__")
    assert sys.getsizeof(span) <= 120


def test_facts_are_still_validated() -> None:
    with pytest.raises(ValueError):
        Span(text="x", start="not a number", end=1, line=1, column=1, end_line=1, end_column=2)  # type: ignore[arg-type]
    with pytest.raises(dataclasses.FrozenInstanceError):
        _span(0, "Lima").text = "Quito"  # type: ignore[misc]


def test_cache_round_trip_keeps_every_fact_equal() -> None:
    event = EventContext(trigger="fall", words=("assad", "fall"), participants=("assad",))
    facts = DocumentFacts(
        path="b.txt",
        entities=[EntityFact(span=_span(0, "Bergen"), label="GPE", canonical="bergen")],
        dates=[
            DateFact(span=_span(20, "December 2024"), value="2024-12", granularity="month",
                     event=event)
        ],
    )  # fmt: skip
    again = decode(encode(facts))
    assert again is not None and again.path == ""  # the run gives each entry its path
    assert again.model_copy(update={"path": "b.txt"}) == facts
    assert again is not None and again.dates[0].event.words == ("assad", "fall")
