"""The data flow in one place: documents -> facts -> rules -> findings."""

from __future__ import annotations

from collections.abc import Callable, Generator, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from datetime import date

from factlint.cache import CacheOptions, FactCache, cache_dir, context_fingerprint, document_key
from factlint.diagnostics import Finding, sort_findings
from factlint.documents import Document, load_documents
from factlint.documents.discover import Discovery
from factlint.documents.published import resolve_published
from factlint.errors import InputError
from factlint.facts.executors import Executor, ExecutorOptions
from factlint.facts.model import DocumentFacts, FactSet
from factlint.findings.records import record_location
from factlint.heap import heap_frozen
from factlint.rules.loader import Rule
from factlint.rules.suppressed import SuppressionRef, without_suppressed

CACHE_WRITE_BATCH = 64

# Told (documents with facts so far, documents in the run) as facts arrive: cached ones at
# once, extracted ones one by one.
ProgressCallback = Callable[[int, int], None]


def _no_progress(done: int, total: int) -> None:
    pass


@dataclass
class LintResult:
    facts: FactSet
    findings: list[Finding] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    # Suppression comments that kept facts from a rule comparing documents (so they are used).
    silenced: set[SuppressionRef] = field(default_factory=set)


def collect_facts(
    paths: list[str],
    reference_date: date | None = None,
    errors: list[InputError] | None = None,
    options: CacheOptions | None = None,
    on_progress: ProgressCallback = _no_progress,
    executor: ExecutorOptions | Executor | None = None,
    discovery: Discovery | None = None,
) -> FactSet:
    """Facts of every document: from the cache where it has them, else from the NLP pass,
    run where `executor` says: options naming one (default: every usable core), or an
    `Executor` the caller made and closes. `discovery` says which files the paths hold and
    what standard input is called (the settings' `discovery`)."""
    options = options or CacheOptions()
    executor = executor or ExecutorOptions()
    on_error = errors.append if errors is not None else None
    documents = load_documents(paths, on_error, discovery)
    resolve_published(documents, reference_date)
    total = len(documents)
    if not documents:
        return FactSet()
    if not options.enabled:
        extracted = []
        with closing(_extract(documents, executor)) as fresh:
            for facts in fresh:
                extracted.append(facts)
                on_progress(len(extracted), total)
        return FactSet.of(extracted, documents)
    context = context_fingerprint(reference_date)
    keys = [document_key(document, context) for document in documents]
    with FactCache(cache_dir(options.directory)) as cache:
        found = cache.get_many({k: d.path for k, d in zip(keys, documents, strict=True)})
        on_progress(len(found), total)
        missing = [(k, d) for k, d in zip(keys, documents, strict=True) if k not in found]
        batch: list[tuple[str, DocumentFacts]] = []
        with closing(_extract([d for _, d in missing], executor)) as fresh:
            for (key, _), facts in zip(missing, fresh, strict=True):
                found[key] = facts
                on_progress(len(found), total)
                batch.append((key, facts))
                # Written as they come, so an interrupted run keeps what it extracted.
                if len(batch) == CACHE_WRITE_BATCH:
                    cache.put_many(batch)
                    batch = []
        cache.put_many(batch)
    return FactSet.of((found[key] for key in keys), documents)


def _extract(
    documents: list[Document], executor: ExecutorOptions | Executor
) -> Generator[DocumentFacts, None, None]:
    """Facts of each document in order; the workers of an executor made here end when this
    generator is closed, also when the run is interrupted. spaCy is imported and the model
    loaded only when there is something to extract."""
    if not documents:
        return
    from factlint.facts.executors import executor_for, extract_with

    if isinstance(executor, Executor):
        yield from extract_with(documents, executor)
        return
    with executor_for(executor) as running:
        yield from extract_with(documents, running)


def run_rules(
    facts: FactSet, rules: Sequence[Rule], silenced: set[SuppressionRef] | None = None
) -> list[Finding]:
    """Every rule's findings. A rule that compares documents sees the facts without those
    suppression comments silence for it; `silenced` collects the comments that hid some."""
    findings: list[Finding] = []
    for rule in rules:
        view = facts
        if rule.kind.compares:
            view, used = without_suppressed(facts, rule.spec.code, rule.kind.compares)
            if silenced is not None:
                silenced |= used
        findings.extend(rule.kind.check(view))
    return sort_findings(record_location(findings, facts))


def lint(
    paths: list[str],
    rules: list[Rule],
    reference_date: date | None = None,
    options: CacheOptions | None = None,
    on_progress: ProgressCallback = _no_progress,
    executor: ExecutorOptions | Executor | None = None,
    discovery: Discovery | None = None,
) -> LintResult:
    errors: list[InputError] = []
    facts = collect_facts(paths, reference_date, errors, options, on_progress, executor, discovery)
    silenced: set[SuppressionRef] = set()
    with heap_frozen():
        findings = run_rules(facts, rules, silenced)
    return LintResult(facts=facts, findings=findings, errors=errors, silenced=silenced)


__all__ = ["LintResult", "collect_facts", "lint", "run_rules"]
