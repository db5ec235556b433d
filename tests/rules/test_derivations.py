"""A name's ending (Syria/Syrian, Somalia/Somalis) against a slip that only looks like one."""

from __future__ import annotations

import pytest

from factlint.rules.kinds.variant_spelling import doubled_letter, is_derivation


@pytest.mark.parametrize(
    ("a", "b"),
    [("syria", "syrian"), ("somalia", "somalis"), ("iraq", "iraqi"), ("kurd", "kurds")],
)
def test_endings_are_derivations(a: str, b: str) -> None:
    assert is_derivation(a, b) and not doubled_letter(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("ross", "rosss"), ("anna", "annaa"), ("angeles", "angeless"), ("brian", "briaan"),
     ("indian", "indiian")],
)  # fmt: skip
def test_a_doubled_letter_is_no_ending(a: str, b: str) -> None:
    assert doubled_letter(a, b) and doubled_letter(b, a)
    assert not is_derivation(a, b)


@pytest.mark.parametrize(
    ("a", "b"), [("ross", "rose"), ("brian", "brain"), ("anna", "anne"), ("ross", "rossi")]
)
def test_other_one_letter_changes_are_not_doubled_letters(a: str, b: str) -> None:
    assert not doubled_letter(a, b)
