"""Which archive documents a check reads for the keys a target shares with them."""

from __future__ import annotations

from factlint.archive import _ranked


def test_each_key_reads_the_documents_sharing_the_most_keys() -> None:
    # Newest first per key, as the store gives them; 7 shares three keys, 9 and 8 one each.
    postings = [[9, 7, 3], [8, 7], [7, 5]]
    assert _ranked(postings, 1) == {7}
    assert _ranked(postings, 2) == {7, 9, 8, 5}


def test_equal_documents_are_taken_newest_first() -> None:
    assert _ranked([[4, 2, 1]], 2) == {4, 2}


def test_no_limit_reads_every_holder() -> None:
    assert _ranked([[4, 2, 1], [6]], 0) == {1, 2, 4, 6}
