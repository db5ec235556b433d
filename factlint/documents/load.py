"""Read input paths into Documents: one per file, one per JSONL line; bad inputs reported."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path

from factlint.dates.printed import parse_date_value
from factlint.documents.decode import decode
from factlint.documents.discover import STDIN, Discovery, discover, not_regular
from factlint.documents.formats import LOADERS, PLAIN_TEXT, format_names, unknown_format
from factlint.documents.html import extract_html
from factlint.documents.jsonl import read_jsonl
from factlint.documents.markdown import front_matter_fields, markdown_prose, read_front_matter
from factlint.documents.model import Document
from factlint.documents.prose import clean_prose
from factlint.documents.suppressions import document_suppressions
from factlint.errors import InputError

STDIN_LABEL = "<stdin>"
# Bytes read from one file, checked with `stat` before it is opened and bounded while reading
# (a 400 MB dump must not cost 2 GB of memory to refuse). A JSONL file holds many articles.
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_JSONL_BYTES = 1024 * 1024 * 1024


def _too_large(size: int | None, limit: int, location: str) -> InputError:
    """`size` from `stat`, or None when reading went past the limit."""
    amount = f"{size:,} bytes" if size is not None else f"more than {limit:,} bytes"
    return InputError(
        f"too long to analyse: {amount} (the limit for one file is {limit:,} bytes; "
        "split it into articles)",
        location,
    )


def _read_stdin(limit: int) -> bytes:
    stream = sys.stdin
    if stream is None or stream.closed:
        raise InputError("standard input is closed", STDIN_LABEL)
    try:
        if hasattr(stream, "buffer"):
            data = stream.buffer.read(limit + 1)
        else:
            data = stream.read(limit + 1).encode()
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read standard input: {exc}", STDIN_LABEL) from None
    if len(data) > limit:
        raise _too_large(None, limit, STDIN_LABEL)
    return data


def _read_bytes(item: str) -> bytes:
    """The bytes of one input, its size checked before reading and the read bounded: a file
    that is too large (or grows, or is not what `stat` said) costs no more than the limit."""
    if item == STDIN:
        return _read_stdin(MAX_FILE_BYTES)
    limit = MAX_JSONL_BYTES if Path(item).suffix.lower() == ".jsonl" else MAX_FILE_BYTES
    try:
        # O_NONBLOCK: a FIFO put in the file's place since discovery does not block the open.
        fd = os.open(item, os.O_RDONLY | os.O_NONBLOCK)
    except PermissionError:
        raise InputError("permission denied", item) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", item) from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError("is a folder, not a file", item)
        problem = not_regular(info.st_mode)
        if problem is not None:
            raise InputError(problem, item)
        if info.st_size > limit:
            raise _too_large(info.st_size, limit, item)
        try:
            data = handle.read(limit + 1)
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", item) from None
    if len(data) > limit:
        raise _too_large(None, limit, item)
    return data


def _sniff(source: str) -> str:
    """The suffix stdin text reads as: markup and front matter are recognised, the rest is
    plain text."""
    head = source.lstrip()[:200].lower()
    if head.startswith(("<!doctype html", "<html")):
        return ".html"
    if source.startswith("---\n"):
        return ".md"
    return PLAIN_TEXT


def load_text(path: str, source: str) -> Document:
    return clean_prose(Document(path=path, text=source, source=source, format="txt"))


def load_markdown(path: str, source: str) -> Document:
    front = read_front_matter(source, path)
    document = Document(
        path=path,
        text=markdown_prose(source, front.end),
        source=source,
        format="md",
        **front_matter_fields(front.data),
    )
    return clean_prose(document)


def load_html(path: str, source: str) -> Document:
    content = extract_html(source)
    document = Document(
        path=path,
        text=content.text,
        anchors=content.anchors,
        source=source,
        format="html",
        title=content.title,
        url=content.url,
        published=content.published,
        published_source=content.published_source,
    )
    return clean_prose(document)


def load_jsonl(path: str, source: str, on_error: Callable[[InputError], None]) -> list[Document]:
    documents = []
    for record in read_jsonl(source, path, on_error):
        data = record.data
        published = parse_date_value(data.get("date"))
        document = Document(
            path=f"{path}:{record.line}",
            text=record.text,
            source=record.text,
            anchors=record.anchors,
            format="jsonl",
            record=record.line,
            id=str(data["id"]) if isinstance(data.get("id"), (str, int)) else None,
            title=data["title"] if isinstance(data.get("title"), str) else None,
            url=data["url"] if isinstance(data.get("url"), str) else None,
            published=published,
            published_source="jsonl" if published is not None else None,
        )
        documents.append(clean_prose(document))
    return documents


# The registered loaders (factlint.documents.formats): each file's documents, as a list.
def read_text(path: str, source: str, on_error: Callable[[InputError], None]) -> list[Document]:
    return [load_text(path, source)]


def read_markdown(path: str, source: str, on_error: Callable[[InputError], None]) -> list[Document]:
    return [load_markdown(path, source)]


def read_html(path: str, source: str, on_error: Callable[[InputError], None]) -> list[Document]:
    return [load_html(path, source)]


def load_path(
    item: str, on_error: Callable[[InputError], None], stdin_name: str | None = None
) -> list[Document]:
    """The documents of one discovered input; raises InputError when it cannot be read.
    Standard input is read as the file `stdin_name` when given (its suffix picks the loader)."""
    named = stdin_name if item == STDIN else None
    label = named or (STDIN_LABEL if item == STDIN else item)
    source = decode(_read_bytes(item), label)
    sniffed = item == STDIN and named is None
    suffix = _sniff(source) if sniffed else Path(label).suffix.lower()
    loader = LOADERS[suffix] if suffix in LOADERS else LOADERS[PLAIN_TEXT]
    documents = loader(label, source, on_error)
    known = format_names()
    for document in documents:
        problem = unknown_format(document.format, known)
        if problem is not None:
            raise InputError(problem, label)
        # Here, not in each loader: a format registered by a plug-in has its comments read too.
        document.suppressions = document_suppressions(document)
    return documents


def load_documents(
    paths: list[str],
    on_error: Callable[[InputError], None] | None = None,
    discovery: Discovery | None = None,
) -> list[Document]:
    """Documents of every path, in order, found and named as `discovery` says (by default:
    Ruff's exclusions, stdin unnamed). Without `on_error` the first InputError is raised;
    with it, each bad input is reported and the others still load."""
    discovery = discovery or Discovery()

    def report(error: InputError) -> None:
        if on_error is None:
            raise error
        on_error(error)

    documents: list[Document] = []
    for item in discover(paths, report, discovery.exclusions):
        try:
            documents.extend(load_path(item, report, discovery.stdin_name))
        except InputError as error:
            report(error)
        except RecursionError:
            report(InputError("too deeply nested to read", item))
    return documents
