"""Input formats, registered by file suffix. Another package adds one through the
`factlint.loaders` entry-point group:

    [project.entry-points."factlint.loaders"]
    ".rst" = "my_package.rst:load_rst"

A loader takes the decoded text of one file (`path` is the name it is reported under) and
returns its documents, each with offsets into that text; `on_error` takes an InputError for
a bad part of the file (a JSONL line) while the rest still loads. Folders are searched for
every registered suffix; a file named on the command line with another suffix is read as
plain text.

The registry also owns the format names a `Document.format` may hold: a loader registered for
`.rst` reads documents of format `rst` (its suffix without the dot); `.markdown` and `.htm`
are other names for `md` and `html`. A loader that returns a document of a format no loader
is registered for is an error naming the file.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from factlint.plugins import Registry

if TYPE_CHECKING:
    from factlint.documents.model import Document
    from factlint.errors import InputError

Loader = Callable[[str, str, Callable[["InputError"], None]], list["Document"]]

# The loader of a file whose suffix none is registered for, and of unrecognised stdin.
PLAIN_TEXT = ".txt"

LOADERS: Registry[Loader] = Registry(
    "factlint.loaders",
    {
        ".txt": "factlint.documents.load:read_text",
        ".md": "factlint.documents.load:read_markdown",
        ".markdown": "factlint.documents.load:read_markdown",
        ".html": "factlint.documents.load:read_html",
        ".htm": "factlint.documents.load:read_html",
        ".jsonl": "factlint.documents.load:load_jsonl",
    },
    "input format",
)


# Built-in suffixes that read a format named otherwise.
_ALIASES = {".markdown": "md", ".htm": "html"}


def format_name(suffix: str) -> str:
    """The format of the documents the loader of `suffix` reads: ".rst" -> "rst"."""
    return _ALIASES.get(suffix, suffix.removeprefix("."))


def format_names() -> list[str]:
    """Every format a document may name, in registry order: txt, md, html, jsonl, plug-ins'."""
    return list(dict.fromkeys(format_name(suffix) for suffix in LOADERS))


def unknown_format(name: str, known: list[str]) -> str | None:
    """Why a loaded document may not name the format `name`, or None when it is registered."""
    if name in known:
        return None
    return (
        f"the loader returned a document of format '{name}', which no loader is registered"
        f" for (known: {', '.join(known)})"
    )


def listing() -> str:
    """The suffixes read, for messages: ".txt, .md and .jsonl"."""
    names = list(LOADERS)
    return f"{', '.join(names[:-1])} and {names[-1]}" if len(names) > 1 else names[0]
