"""Bring the archive index up to date with the files on disk, and pick what a check reads.

A file whose size, modification time, path and fact context (factlint, spaCy and model
versions, reference date) are those stored is taken as indexed without being read; any other
is loaded, its documents' facts taken from the cache or extracted, and stored with their
blocking keys. A check then reads only the archive documents that share a key with a target.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from contextlib import closing
from dataclasses import dataclass, field
from datetime import date

from factlint.archive.store import ArchiveStore, DocRow, FileRow, NewDocument
from factlint.cache import document_key
from factlint.documents import Document, load_documents
from factlint.documents.discover import STDIN, Discovery, discover
from factlint.documents.published import resolve_published
from factlint.errors import InputError
from factlint.facts.model import DocumentFacts
from factlint.rules.loader import Rule

Progress = Callable[[int, int], None]


def check_archive_paths(paths: Sequence[str]) -> None:
    """An archive path that does not exist stops the run before anything is read."""
    for path in paths:
        if path == STDIN:
            raise InputError("standard input cannot be an archive; give files or folders", path)
        if not os.path.lexists(path):
            raise InputError("no such file or directory (archive)", path)


@dataclass
class SyncCounts:
    """Documents added, updated, unchanged and removed by bringing the index up to date."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0


@dataclass
class Synced:
    live: dict[int, DocRow] = field(default_factory=dict)
    counts: SyncCounts = field(default_factory=SyncCounts)


def _stamp(path: str) -> str:
    stat = os.stat(path)
    return f"{stat.st_size}:{stat.st_mtime_ns}"


def _under(file: str, roots: list[str]) -> bool:
    return any(file == root or file.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


def blocks_of(facts: DocumentFacts, rules: Sequence[Rule]) -> dict[str, set[str]]:
    """The document's blocking keys for each rule that says what it blocks on."""
    blocks: dict[str, set[str]] = {}
    for rule in rules:
        keys = rule.kind.blocking_keys(facts)
        if keys is not None:
            blocks[rule.kind.signature()] = keys
    return blocks


@dataclass
class _Pending:
    row: FileRow
    documents: list[Document]
    keys: list[str]


class Syncer:
    """One pass over the archive paths: what is indexed, what must be (re)read."""

    def __init__(
        self,
        store: ArchiveStore,
        context: str,
        rules: Sequence[Rule],
        extract: Callable[[list[Document]], Iterator[DocumentFacts]],
        on_error: Callable[[InputError], None],
        on_progress: Progress,
        discovery: Discovery,
    ) -> None:
        self.store = store
        self.context = context
        self.rules = rules
        self.extract = extract
        self.on_error = on_error
        self.on_progress = on_progress
        self.discovery = discovery

    def run(
        self,
        paths: Sequence[str],
        reference_date: date | None,
        exclude: AbstractSet[str] = frozenset(),
        remove: bool = False,
    ) -> Synced:
        found = discover(list(paths), self.on_error, self.discovery.exclusions)
        files = [f for f in found if f != STDIN]
        real = {f: os.path.realpath(f) for f in files}
        files = [f for f in files if real[f] not in exclude]
        rows, stored = self.store.files(), self.store.documents()
        synced = Synced()
        stale: list[tuple[str, str]] = []
        for file in files:
            try:
                stamp = _stamp(file)
            except OSError as exc:
                self.on_error(InputError(f"cannot read: {exc.strerror or exc}", file))
                continue
            row = rows.get(real[file])
            if row is not None and self._current(row, file, stamp, stored.get(row.file, [])):
                for doc in stored.get(row.file, []):
                    synced.live[doc.id] = doc
                for message, location in row.errors:
                    self.on_error(InputError(message, location))
            else:
                stale.append((file, stamp))
        synced.counts.unchanged = len(synced.live)
        if remove:
            roots = [os.path.realpath(p) for p in paths]
            present = set(real.values())
            gone = [f for f in rows if f not in present and _under(f, roots)]
            synced.counts.removed += self.store.remove_files(gone)
        pending = self._load(stale, real, stored, synced, reference_date)
        self._store(pending, stored, synced)
        if remove and (synced.counts.removed or synced.counts.updated):
            self.store.clean()
        return synced

    def _current(self, row: FileRow, file: str, stamp: str, documents: list[DocRow]) -> bool:
        """The file is indexed as it is now, under the path this run gives it: its documents
        name that file (a row naming another, from a tampered store, means read it again)."""
        if (row.stamp, row.shown, row.context) != (stamp, file, self.context):
            return False
        return all(d.path == file or d.path.startswith(f"{file}:") for d in documents)

    def _load(
        self,
        stale: list[tuple[str, str]],
        real: dict[str, str],
        stored: dict[str, list[DocRow]],
        synced: Synced,
        reference_date: date | None,
    ) -> list[_Pending]:
        pending: list[_Pending] = []
        for file, stamp in stale:
            errors: list[InputError] = []
            documents = load_documents([file], errors.append, self.discovery)
            for error in errors:
                self.on_error(error)
            if errors and not documents:
                # Unreadable now: not indexed, so the next run reports it again.
                synced.counts.removed += self.store.remove_files([real[file]])
                continue
            row = FileRow(
                real[file],
                file,
                self.context,
                stamp,
                tuple((e.message, e.location) for e in errors),
            )
            pending.append(_Pending(row, documents, []))
        resolve_published([d for p in pending for d in p.documents], reference_date)
        for item in pending:
            item.keys = [document_key(d, self.context) for d in item.documents]
        return pending

    def _store(
        self, pending: list[_Pending], stored: dict[str, list[DocRow]], synced: Synced
    ) -> None:
        """Facts from the cache or the NLP pass, written file by file as they complete."""
        pairs = {k: d.path for p in pending for k, d in zip(p.keys, p.documents, strict=True)}
        cached = self.store.facts(pairs)
        missing = [
            (k, d)
            for p in pending
            for k, d in zip(p.keys, p.documents, strict=True)
            if k not in cached
        ]
        # A generator (the model loads only if it has documents), closed on the way out so
        # extraction workers end also when the run is interrupted.
        fresh = self.extract([d for _, d in missing])
        with closing(fresh):  # type: ignore[type-var]
            self._write(pending, missing, fresh, cached, stored, synced)

    def _write(
        self,
        pending: list[_Pending],
        missing: list[tuple[str, Document]],
        fresh: Iterator[DocumentFacts],
        cached: dict[str, DocumentFacts],
        stored: dict[str, list[DocRow]],
        synced: Synced,
    ) -> None:
        results = zip((k for k, _ in missing), fresh, strict=True)
        total = len(synced.live) + sum(len(p.documents) for p in pending)
        done = len(synced.live)
        self.on_progress(done, total)
        for item in pending:
            for key in item.keys:
                while key not in cached:
                    got, facts = next(results)
                    cached[got] = facts
            documents = [
                NewDocument(d.path, cached[k], k, blocks_of(cached[k], self.rules), d.suppressions)
                for d, k in zip(item.documents, item.keys, strict=True)
            ]
            self._count(item, stored.get(item.row.file, []), synced.counts)
            for doc in self.store.replace_file(item.row, documents):
                synced.live[doc.id] = doc
            done += len(documents)
            self.on_progress(done, total)

    @staticmethod
    def _count(item: _Pending, before: list[DocRow], counts: SyncCounts) -> None:
        old = {d.path: d.key for d in before}
        paths = set()
        for document, key in zip(item.documents, item.keys, strict=True):
            paths.add(document.path)
            if document.path not in old:
                counts.added += 1
            elif old[document.path] == key:
                counts.unchanged += 1
            else:
                counts.updated += 1
        counts.removed += len(set(old) - paths)


def ensure_keys(store: ArchiveStore, rule: Rule, live: dict[int, DocRow]) -> None:
    """Store the rule's keys for archive documents indexed under other rule options."""
    signature = rule.kind.signature()
    missing = sorted(set(live) - store.keyed(signature))
    for start in range(0, len(missing), 500):
        chunk = [live[i] for i in missing[start : start + 500]]
        facts = store.facts({d.key: d.path for d in chunk})
        rows = []
        for doc in chunk:
            if doc.key in facts:
                keys = rule.kind.blocking_keys(facts[doc.key])
                rows.append((doc.id, keys or set()))
        store.add_keys(signature, rows)
