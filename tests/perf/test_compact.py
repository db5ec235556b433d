"""Facts held for the rules share their field-name sets without changing what they say."""

from __future__ import annotations

from factlint.cache import decode, encode
from factlint.facts.compact import share_field_sets
from factlint.facts.model import DocumentFacts, EntityFact, Span


def _entity(start: int, text: str) -> EntityFact:
    span = Span(
        text=text,
        start=start,
        end=start + len(text),
        line=1,
        column=start + 1,
        end_line=1,
        end_column=start + len(text) + 1,
    )
    return EntityFact(span=span, label="GPE", canonical=text.lower())


def test_models_of_one_shape_share_one_field_set() -> None:
    facts = DocumentFacts(path="a.txt", entities=[_entity(0, "Oslo"), _entity(10, "Lima")])
    before = facts.model_dump_json()
    first, second = facts.entities
    assert first.span.__pydantic_fields_set__ is not second.span.__pydantic_fields_set__

    share_field_sets(facts)
    assert first.span.__pydantic_fields_set__ is second.span.__pydantic_fields_set__
    assert first.__pydantic_fields_set__ is second.__pydantic_fields_set__
    assert first.span.__pydantic_fields_set__ is not first.__pydantic_fields_set__
    assert facts.model_dump_json() == before


def test_cache_reads_come_back_shared_and_equal() -> None:
    facts = DocumentFacts(path="b.txt", entities=[_entity(0, "Bergen"), _entity(20, "Quito")])
    one, two = decode(encode(facts)), decode(encode(facts))
    assert one == facts == two
    assert one is not None and two is not None
    assert (
        one.entities[0].span.__pydantic_fields_set__ is two.entities[1].span.__pydantic_fields_set__
    )
