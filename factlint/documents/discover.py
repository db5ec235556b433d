"""Which files to read: explicit paths as given, folders recursed in sorted order."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

from factlint.documents.formats import LOADERS, listing
from factlint.errors import InputError

# Folders are searched for the suffixes a loader is registered for.
SUFFIXES = LOADERS
STDIN = "-"
# A warning, as Ruff's "No Python files found": the run goes on and its status stays 0.
NO_DOCUMENTS = f"no documents found under the given path(s); factlint reads {listing()} files"


_KINDS = [
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
]


def not_regular(mode: int) -> str | None:
    """Why a file of this mode is not read, or None for a regular file. A FIFO would block
    forever and a device such as /dev/zero never ends, so neither is ever opened."""
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _KINDS if test(mode)), "a special file")
    return f"{kind}, not a regular file"


def _walk(root: Path, on_error: Callable[[InputError], None]) -> list[Path]:
    """Known-suffix files under `root`, sorted; hidden entries skipped, symlink loops cut.

    Depth first, each folder's entries in name order, with a stack of iterators rather than
    recursion: a folder 1 100 levels deep is read like any other.
    """
    found: list[Path] = []
    seen: set[tuple[int, int]] = set()

    def entries(folder: Path) -> Iterator[os.DirEntry[str]]:
        try:
            info = folder.stat()
            key = (info.st_dev, info.st_ino)
            if key in seen:
                return iter(())  # a symlink back to a folder already read
            seen.add(key)
            listed = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            on_error(InputError(f"cannot read folder: {exc.strerror}", str(folder)))
            return iter(())
        return iter([e for e in listed if not e.name.startswith(".")])

    stack = [(root, entries(root))]
    while stack:
        folder, pending = stack[-1]
        entry = next(pending, None)
        if entry is None:
            stack.pop()
            continue
        path = folder / entry.name
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            stack.append((path, entries(path)))
        elif path.suffix.lower() in SUFFIXES:
            problem = _file_problem(path)
            if problem is None:
                found.append(path)
            else:
                on_error(InputError(problem, str(path)))
    return found


def _file_problem(path: Path) -> str | None:
    """Why `path` cannot be read as a document (without opening it), or None."""
    try:
        info = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
        if os.path.islink(path):
            return "broken symbolic link"
        return f"cannot read: {exc.strerror}"
    return not_regular(info.st_mode)


def discover(paths: list[str], on_error: Callable[[InputError], None]) -> list[str]:
    """Files to read in order (`-` for stdin), each once; a missing path is reported, not fatal."""
    found: list[str] = []
    seen: set[str] = set()

    def add(item: str) -> None:
        key = item if item == STDIN else os.path.realpath(item)
        if key not in seen:
            seen.add(key)
            found.append(item)

    for raw in paths:
        if raw == STDIN:
            add(STDIN)
            continue
        path = Path(raw)
        if path.is_dir():
            for file in _walk(path, on_error):
                add(str(file))
        elif path.exists() or path.is_symlink():
            problem = _file_problem(path)
            if problem is None:
                add(raw)  # given explicitly: read whatever its suffix
            else:
                on_error(InputError(problem, raw))
        else:
            on_error(InputError("no such file or directory", raw))
    return found


def names_an_input(target: str | Path, paths: list[str]) -> bool:
    """True when `target` is (or links to) one of the files `paths` would read: writing a
    report or baseline there would overwrite an article."""
    try:
        info = os.stat(target)
    except OSError:
        return False  # nothing there yet, so it cannot be an input
    if not stat.S_ISREG(info.st_mode):
        return False
    wanted = (info.st_dev, info.st_ino)
    for item in discover(paths, lambda error: None):
        if item == STDIN:
            continue
        try:
            found = os.stat(item)
        except OSError:
            continue
        if (found.st_dev, found.st_ino) == wanted:
            return True
    return False
