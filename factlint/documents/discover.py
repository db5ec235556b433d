"""Which files to read: explicit paths as given, folders recursed in sorted order."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

from factlint.errors import InputError

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".jsonl"}
STDIN = "-"
# A warning, as Ruff's "No Python files found": the run goes on and its status stays 0.
NO_DOCUMENTS = (
    "no documents found under the given path(s); factlint reads .txt, .md, .markdown, .html, "
    ".htm and .jsonl files"
)


def _walk(root: Path, on_error: Callable[[InputError], None]) -> list[Path]:
    """Known-suffix files under `root`, sorted; hidden entries skipped, symlink loops cut."""
    found: list[Path] = []
    seen: set[tuple[int, int]] = set()

    def visit(folder: Path) -> None:
        try:
            stat = folder.stat()
        except OSError as exc:
            on_error(InputError(f"cannot read folder: {exc.strerror}", str(folder)))
            return
        key = (stat.st_dev, stat.st_ino)
        if key in seen:
            return  # a symlink back to a folder already read
        seen.add(key)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            on_error(InputError(f"cannot read folder: {exc.strerror}", str(folder)))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = folder / entry.name
            try:
                is_dir = entry.is_dir()
                is_file = entry.is_file()
            except OSError:
                is_dir = is_file = False
            if is_dir:
                visit(path)
            elif is_file and path.suffix.lower() in SUFFIXES:
                found.append(path)
            elif entry.is_symlink() and path.suffix.lower() in SUFFIXES:
                on_error(InputError(_link_problem(path), str(path)))

    visit(root)
    return found


def _link_problem(link: Path) -> str:
    """Why a symbolic link cannot be read: it points in a circle or at nothing."""
    try:
        os.stat(link)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
    return "broken symbolic link"


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
        elif path.exists():
            add(raw)  # given explicitly: read whatever its suffix
        elif path.is_symlink():
            on_error(InputError(_link_problem(path), raw))
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
