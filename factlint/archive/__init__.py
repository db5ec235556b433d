"""Checking new articles against an archive of published ones.

`index_archive` keeps the archive's facts and blocking keys in the fact store; `lint_against`
lints the targets together with the archive documents that share a blocking key with them,
and reports findings on the targets only. What a check reads follows the targets: at most
`limit` archive documents per key, those sharing the most keys with the targets.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date

from factlint.archive.store import ArchiveStore, DocRow
from factlint.archive.sync import SyncCounts, Syncer, check_archive_paths, ensure_keys
from factlint.cache import CacheOptions, FactCache, cache_dir, context_fingerprint
from factlint.diagnostics import Finding
from factlint.documents import Document
from factlint.documents.discover import STDIN, Discovery, discover
from factlint.documents.ignore import Exclusions
from factlint.errors import InputError
from factlint.facts.executors import ExecutorOptions
from factlint.facts.model import DocumentFacts, FactSet
from factlint.heap import heap_frozen
from factlint.pipeline import ProgressCallback, _extract, _no_progress, collect_facts, run_rules
from factlint.rules.loader import Rule

# Archive documents read per blocking key of the targets (`check --archive-limit`).
DEFAULT_LIMIT = 50


@dataclass
class IndexResult:
    counts: SyncCounts
    documents: int
    errors: list[InputError] = field(default_factory=list)


@dataclass
class AgainstResult:
    """A check against an archive: `facts` holds the targets and the archive documents read."""

    facts: FactSet
    targets: FactSet
    findings: list[Finding] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    archive_documents: int = 0
    consulted: int = 0


def _extractor(executor: ExecutorOptions) -> Callable[[list[Document]], Iterator[DocumentFacts]]:
    def extract(documents: list[Document]) -> Iterator[DocumentFacts]:
        return _extract(documents, executor)  # a generator: nothing runs until iterated

    return extract


def _syncer(
    cache: FactCache,
    context: str,
    rules: Sequence[Rule],
    executor: ExecutorOptions | None,
    errors: list[InputError],
    on_progress: ProgressCallback,
    discovery: Discovery,
) -> Syncer:
    extract = _extractor(executor or ExecutorOptions())
    store = ArchiveStore(cache)
    return Syncer(store, context, rules, extract, errors.append, on_progress, discovery)


def index_archive(
    paths: list[str],
    rules: Sequence[Rule],
    reference_date: date | None = None,
    options: CacheOptions | None = None,
    on_progress: ProgressCallback = _no_progress,
    executor: ExecutorOptions | None = None,
    discovery: Discovery | None = None,
) -> IndexResult:
    """Extract what the store lacks, drop what left the archive, store every rule's keys.
    `discovery` says which files the folders hold (the settings' exclusions)."""
    check_archive_paths(paths)
    options = options or CacheOptions()
    discovery = discovery or Discovery()
    errors: list[InputError] = []
    context = context_fingerprint(reference_date)
    with FactCache(cache_dir(options.directory)) as cache:
        syncer = _syncer(cache, context, rules, executor, errors, on_progress, discovery)
        synced = syncer.run(paths, reference_date, remove=True)
        for rule in rules:
            ensure_keys(syncer.store, rule, synced.live)
    return IndexResult(synced.counts, len(synced.live), errors)


def _real_paths(paths: list[str], exclusions: Exclusions) -> set[str]:
    found = discover(paths, lambda error: None, exclusions)
    return {os.path.realpath(p) for p in found if p != STDIN}


# Postings read per key before ranking, as a multiple of the limit: a key held by half the
# archive costs this many rows, not half the archive.
POSTINGS_PER_LIMIT = 20


def _ranked(postings: list[list[int]], limit: int) -> set[int]:
    """Per key, the `limit` documents sharing the most keys with the targets (the newest
    first among equals). Documents about the same story share many keys, so the keys' picks
    overlap and the union stays small however many documents hold each key."""
    shared = Counter(doc for docs in postings for doc in docs)
    chosen: set[int] = set()
    for docs in postings:
        best = sorted(docs, key=lambda doc: (-shared[doc], -doc))
        chosen.update(best[:limit] if limit else best)
    return chosen


def consult(
    store: ArchiveStore,
    rules: Sequence[Rule],
    targets: FactSet,
    live: dict[int, DocRow],
    limit: int,
) -> list[DocRow]:
    """The archive documents that share a blocking key with a target, for some rule: at most
    `limit` per key, those sharing the most keys with the targets."""
    ids = set(live)
    postings: list[list[int]] = []
    for rule in rules:
        probes = [rule.kind.probe_keys(doc) for doc in targets.documents]
        known = [keys for keys in probes if keys is not None]
        if len(known) < len(probes):
            # The kind does not say what it blocks on: every archive document may matter.
            return sorted(live.values(), key=lambda d: (d.path, d.id))
        wanted: set[str] = set().union(*known)
        if wanted:
            ensure_keys(store, rule, live)
            found = store.postings(rule.kind.signature(), wanted, ids, limit * POSTINGS_PER_LIMIT)
            postings.extend(found[key] for key in sorted(found))
    chosen = _ranked(postings, limit)
    return sorted((live[i] for i in chosen), key=lambda d: (d.path, d.id))


def lint_against(
    paths: list[str],
    archive: list[str],
    rules: Sequence[Rule],
    reference_date: date | None = None,
    options: CacheOptions | None = None,
    on_progress: ProgressCallback = _no_progress,
    limit: int = DEFAULT_LIMIT,
    executor: ExecutorOptions | None = None,
    discovery: Discovery | None = None,
) -> AgainstResult:
    """Lint `paths` with the archive documents that share a blocking key with them; findings
    are those on the targets. A file given as both counts once, as a target. `discovery`
    says which files the folders hold and what standard input is called."""
    check_archive_paths(archive)
    options = options or CacheOptions()
    discovery = discovery or Discovery()
    errors: list[InputError] = []
    targets = collect_facts(
        paths, reference_date, errors, options, on_progress, executor, discovery
    )
    context = context_fingerprint(reference_date)
    with FactCache(cache_dir(options.directory)) as cache:
        syncer = _syncer(cache, context, rules, executor, errors, _no_progress, discovery)
        exclude = _real_paths(paths, discovery.exclusions)
        synced = syncer.run(archive, reference_date, exclude=exclude)
        rows = consult(syncer.store, rules, targets, synced.live, limit)
        found = syncer.store.facts({d.key: d.path for d in rows})
        target_paths = {d.path for d in targets.documents}
        read = [d for d in rows if d.key in found and d.path not in target_paths]
        # Findings are reported on the targets only, but an archive document's comments
        # still keep what they silence from the votes of rules that compare documents.
        comments = syncer.store.suppressions(read)
    consulted = [found[d.key] for d in read]
    facts = FactSet(
        documents=[*targets.documents, *consulted],
        suppressions={**comments, **targets.suppressions},
    )
    with heap_frozen():
        findings = [f for f in run_rules(facts, rules) if f.path in target_paths]
    return AgainstResult(
        facts=facts,
        targets=targets,
        findings=findings,
        errors=errors,
        archive_documents=len(synced.live),
        consulted=len(consulted),
    )


__all__ = ["DEFAULT_LIMIT", "AgainstResult", "IndexResult", "index_archive", "lint_against"]
