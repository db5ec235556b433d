"""Checking new articles against an archive of published ones.

`index_archive` keeps the archive's facts and blocking keys in the fact store; `lint_against`
lints the targets together with the archive documents that share a blocking key with them,
and reports findings on the targets only. What a check reads follows the targets: at most
`limit` archive documents per key, the most recently indexed.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date

from factlint.archive.store import ArchiveStore, DocRow
from factlint.archive.sync import SyncCounts, Syncer, check_archive_paths, ensure_keys
from factlint.cache import CacheOptions, FactCache, cache_dir, context_fingerprint
from factlint.diagnostics import Finding
from factlint.documents import Document
from factlint.documents.discover import STDIN, discover
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
) -> Syncer:
    extract = _extractor(executor or ExecutorOptions())
    return Syncer(ArchiveStore(cache), context, rules, extract, errors.append, on_progress)


def index_archive(
    paths: list[str],
    rules: Sequence[Rule],
    reference_date: date | None = None,
    options: CacheOptions | None = None,
    on_progress: ProgressCallback = _no_progress,
    executor: ExecutorOptions | None = None,
) -> IndexResult:
    """Extract what the store lacks, drop what left the archive, store every rule's keys."""
    check_archive_paths(paths)
    options = options or CacheOptions()
    errors: list[InputError] = []
    context = context_fingerprint(reference_date)
    with FactCache(cache_dir(options.directory)) as cache:
        syncer = _syncer(cache, context, rules, executor, errors, on_progress)
        synced = syncer.run(paths, reference_date, remove=True)
        for rule in rules:
            ensure_keys(syncer.store, rule, synced.live)
    return IndexResult(synced.counts, len(synced.live), errors)


def _real_paths(paths: list[str]) -> set[str]:
    found = discover(paths, lambda error: None)
    return {os.path.realpath(p) for p in found if p != STDIN}


def consult(
    store: ArchiveStore,
    rules: Sequence[Rule],
    targets: FactSet,
    live: dict[int, DocRow],
    limit: int,
) -> list[DocRow]:
    """The archive documents that share a blocking key with a target, for some rule."""
    chosen: set[int] = set()
    ids = set(live)
    for rule in rules:
        probes = [rule.kind.probe_keys(doc) for doc in targets.documents]
        if any(keys is None for keys in probes):
            # The kind does not say what it blocks on: every archive document may matter.
            chosen = ids
            break
        wanted = set().union(*probes) if probes else set()
        if wanted:
            ensure_keys(store, rule, live)
            chosen |= store.lookup(rule.kind.signature(), wanted, ids, limit)
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
) -> AgainstResult:
    """Lint `paths` with the archive documents that share a blocking key with them; findings
    are those on the targets. A file given as both counts once, as a target."""
    check_archive_paths(archive)
    options = options or CacheOptions()
    errors: list[InputError] = []
    targets = collect_facts(paths, reference_date, errors, options, on_progress, executor)
    context = context_fingerprint(reference_date)
    with FactCache(cache_dir(options.directory)) as cache:
        syncer = _syncer(cache, context, rules, executor, errors, _no_progress)
        synced = syncer.run(archive, reference_date, exclude=_real_paths(paths))
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
