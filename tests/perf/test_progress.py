"""Progress counts documents as their facts arrive: cached ones at once, extracted ones singly."""

from __future__ import annotations

from pathlib import Path

from factlint.cache import CacheOptions
from factlint.pipeline import collect_facts

from .conftest import FakeExtractor


def _reports(folder: Path, **options: object) -> list[tuple[int, int]]:
    seen: list[tuple[int, int]] = []
    collect_facts(
        [str(folder)],
        None,
        [],
        CacheOptions(**options),
        lambda done, total: seen.append((done, total)),
    )
    return seen


def test_each_extracted_document_is_counted(
    articles: Path, cache_dir: Path, fake_extractor: FakeExtractor
) -> None:
    # Nothing cached yet: 0 of 3 from the cache, then one report per extracted document.
    assert _reports(articles) == [(0, 3), (1, 3), (2, 3), (3, 3)]


def test_cached_documents_arrive_at_once(
    articles: Path, cache_dir: Path, fake_extractor: FakeExtractor
) -> None:
    _reports(articles)
    (articles / "d.txt").write_text("A fourth article about Lima.\n", encoding="utf-8")
    assert _reports(articles) == [(3, 4), (4, 4)]


def test_without_the_cache_every_document_is_counted(
    articles: Path, fake_extractor: FakeExtractor
) -> None:
    assert _reports(articles, enabled=False) == [(1, 3), (2, 3), (3, 3)]
