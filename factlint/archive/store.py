"""The archive index: which files an archive holds, their documents and blocking keys.

It lives in the fact cache's SQLite file (tables in `factlint.cache.ARCHIVE_SCHEMA`), so a
document's facts and its index rows are written in one transaction: a killed writer leaves
each file either fully indexed or as it was. Blocking keys are stored as 64-bit hashes of
(rule signature, key), which keeps the table small; a collision only reads one document more.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from hashlib import blake2b

from pydantic import TypeAdapter, ValidationError

from factlint.cache import FactCache, encode
from factlint.documents.suppressions import Suppression
from factlint.errors import FactlintError
from factlint.facts.model import DocumentFacts

_CHUNK = 500
_COMMENTS = TypeAdapter(list[Suppression])


def _dump(suppressions: list[Suppression]) -> str:
    return _COMMENTS.dump_json(suppressions).decode() if suppressions else "[]"


def block_id(signature: str, key: str) -> int:
    digest = blake2b(f"{signature}\0{key}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


@dataclass(frozen=True)
class FileRow:
    """An indexed file: its real path, the path as given, what its facts depend on, its
    size and modification time when read, and the input errors it gave then."""

    file: str
    shown: str
    context: str
    stamp: str
    errors: tuple[tuple[str, str | None], ...] = ()


@dataclass(frozen=True)
class DocRow:
    id: int
    file: str
    path: str
    key: str


@dataclass
class NewDocument:
    """A document to store: its path (as loaded by this run, never one read from the cache),
    facts, facts key, and blocking keys per rule signature."""

    path: str
    facts: DocumentFacts
    key: str
    blocks: dict[str, set[str]] = field(default_factory=dict)
    # Its suppression comments, as loaded: not facts (the cache has none), but an archive
    # document read by a check is not loaded again, and its comments still keep the text
    # they silence from a vote.
    suppressions: list[Suppression] = field(default_factory=list)


class StoreError(FactlintError):
    """The fact store cannot be used for the archive (read-only, locked, not a database)."""


class ArchiveStore:
    def __init__(self, cache: FactCache) -> None:
        if cache.connection is None:
            raise StoreError(
                "the fact store cannot be opened (see the warning above)", str(cache.path)
            )
        self.cache = cache
        self.connection: sqlite3.Connection = cache.connection

    def _fail(self, error: sqlite3.DatabaseError) -> StoreError:
        return StoreError(f"the fact store failed: {error}", str(self.cache.path))

    def files(self) -> dict[str, FileRow]:
        try:
            rows = self.connection.execute(
                "SELECT file, shown, context, stamp, errors FROM archive_files"
            ).fetchall()
        except sqlite3.DatabaseError as error:
            raise self._fail(error) from None
        return {
            file: FileRow(file, shown, context, stamp, tuple(map(tuple, json.loads(errors))))
            for file, shown, context, stamp, errors in rows
        }

    def documents(self) -> dict[str, list[DocRow]]:
        """Every indexed document, by file, in the order they were stored."""
        by_file: dict[str, list[DocRow]] = defaultdict(list)
        try:
            cursor = self.connection.execute(
                "SELECT id, file, path, key FROM archive_docs ORDER BY id"
            )
            for row in cursor:
                by_file[row[1]].append(DocRow(*row))
        except sqlite3.DatabaseError as error:
            raise self._fail(error) from None
        return by_file

    def replace_file(self, row: FileRow, documents: Sequence[NewDocument]) -> list[DocRow]:
        """Store a file's documents (facts, index rows, keys) in place of what it held."""
        connection = self.connection
        try:
            with connection:
                connection.execute("BEGIN IMMEDIATE")
                self._drop(connection, [row.file], keep={d.key for d in documents})
                connection.executemany(
                    "INSERT OR REPLACE INTO facts (key, data) VALUES (?, ?)",
                    [(d.key, encode(d.facts)) for d in documents],
                )
                stored = []
                for document in documents:
                    cursor = connection.execute(
                        "INSERT INTO archive_docs (file, path, key, suppressions)"
                        " VALUES (?, ?, ?, ?)",
                        (row.file, document.path, document.key, _dump(document.suppressions)),
                    )
                    doc_id = int(cursor.lastrowid or 0)
                    stored.append(DocRow(doc_id, row.file, document.path, document.key))
                    self._insert_keys(connection, doc_id, document.blocks)
                connection.execute(
                    "INSERT OR REPLACE INTO archive_files (file, shown, context, stamp, errors)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (row.file, row.shown, row.context, row.stamp, json.dumps(row.errors)),
                )
        except sqlite3.DatabaseError as error:
            raise self._fail(error) from None
        self.cache.wrote = True  # so the cache prunes what the archive no longer holds
        return stored

    @staticmethod
    def _insert_keys(
        connection: sqlite3.Connection, doc_id: int, blocks: dict[str, set[str]]
    ) -> None:
        for signature, keys in blocks.items():
            connection.execute(
                "INSERT OR IGNORE INTO archive_keyed (sig, doc) VALUES (?, ?)", (signature, doc_id)
            )
            connection.executemany(
                "INSERT OR IGNORE INTO archive_blocks (block, doc) VALUES (?, ?)",
                [(block_id(signature, key), doc_id) for key in keys],
            )

    @staticmethod
    def _drop(connection: sqlite3.Connection, files: Sequence[str], keep: set[str]) -> int:
        """Remove files from the index with their documents' facts (but those in `keep`).
        Their block rows are left to `clean`: they point at ids never used again."""
        dropped = 0
        for file in files:
            keys = [
                k
                for (k,) in connection.execute(
                    "SELECT key FROM archive_docs WHERE file = ?", (file,)
                )
            ]
            connection.execute("DELETE FROM archive_docs WHERE file = ?", (file,))
            connection.execute("DELETE FROM archive_files WHERE file = ?", (file,))
            connection.executemany(
                "DELETE FROM facts WHERE key = ?", [(k,) for k in keys if k not in keep]
            )
            dropped += len(keys)
        return dropped

    def remove_files(self, files: Sequence[str]) -> int:
        """Files gone from the archive leave the store; the number of documents they held."""
        if not files:
            return 0
        try:
            with self.connection:
                self.connection.execute("BEGIN IMMEDIATE")
                return self._drop(self.connection, files, keep=set())
        except sqlite3.DatabaseError as error:
            raise self._fail(error) from None

    def clean(self) -> None:
        """Drop the block and key rows of documents no longer indexed."""
        try:
            with self.connection:
                self.connection.execute("BEGIN IMMEDIATE")
                for table in ("archive_blocks", "archive_keyed"):
                    self.connection.execute(
                        f"DELETE FROM {table} WHERE doc NOT IN (SELECT id FROM archive_docs)"
                    )
        except sqlite3.DatabaseError as error:
            raise self._fail(error) from None

    def keyed(self, signature: str) -> set[int]:
        """Documents whose keys for this rule signature are stored."""
        try:
            rows = self.connection.execute(
                "SELECT doc FROM archive_keyed WHERE sig = ?", (signature,)
            )
            return {doc for (doc,) in rows}
        except sqlite3.DatabaseError as error:
            raise self._fail(error) from None

    def add_keys(self, signature: str, keys: Iterable[tuple[int, set[str]]]) -> None:
        try:
            with self.connection:
                self.connection.execute("BEGIN IMMEDIATE")
                for doc_id, doc_keys in keys:
                    self._insert_keys(self.connection, doc_id, {signature: doc_keys})
        except sqlite3.DatabaseError as error:
            raise self._fail(error) from None

    def postings(
        self, signature: str, keys: Iterable[str], live: set[int], cap: int
    ) -> dict[str, list[int]]:
        """For each key, the documents of `live` that hold it, newest first: at most `cap`
        of them (0: all), so what one key costs stops growing with the archive."""
        found: dict[str, list[int]] = {}
        try:
            for key in sorted(keys):
                cursor = self.connection.execute(
                    "SELECT doc FROM archive_blocks WHERE block = ? ORDER BY doc DESC",
                    (block_id(signature, key),),
                )
                docs: list[int] = []
                for (doc,) in cursor:
                    if doc in live:
                        docs.append(doc)
                        if len(docs) == cap:
                            break
                cursor.close()
                if docs:
                    found[key] = docs
        except sqlite3.DatabaseError as error:
            raise self._fail(error) from None
        return found

    def suppressions(self, documents: Sequence[DocRow]) -> dict[str, list[Suppression]]:
        """The suppression comments of indexed documents, by path (those with any)."""
        found: dict[str, list[Suppression]] = {}
        ids = [d.id for d in documents]
        try:
            for start in range(0, len(ids), _CHUNK):
                chunk = ids[start : start + _CHUNK]
                cursor = self.connection.execute(
                    "SELECT path, suppressions FROM archive_docs WHERE suppressions != '[]'"
                    f" AND id IN ({', '.join('?' * len(chunk))})",
                    chunk,
                )
                found.update((path, _COMMENTS.validate_json(data)) for path, data in cursor)
        except sqlite3.DatabaseError as error:
            raise self._fail(error) from None
        except ValidationError:
            raise StoreError(
                "the fact store holds unreadable suppression comments; delete it to rebuild",
                str(self.cache.path),
            ) from None
        return found

    def facts(self, wanted: Mapping[str, str]) -> dict[str, DocumentFacts]:
        """Stored facts by key, each given the path `wanted` names for its key (the document
        the archive indexed under that key), never a path read from the cache."""
        items = list(wanted.items())
        found: dict[str, DocumentFacts] = {}
        for start in range(0, len(items), _CHUNK):
            found.update(self.cache.get_many(dict(items[start : start + _CHUNK])))
        return found
