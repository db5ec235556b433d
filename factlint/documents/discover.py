"""Which files to read: explicit paths as given, folders recursed in sorted order, leaving out
hidden entries and what ignore files and `exclude` globs name (`factlint.documents.ignore`)."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from factlint.documents.formats import LOADERS, listing
from factlint.documents.ignore import Exclusions, IgnoreFiles
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


@dataclass(frozen=True)
class Discovery:
    """How a command finds and names its inputs: what folder discovery leaves out (the
    settings' exclusions; Ruff's defaults when none are given) and the path standard input
    ('-') stands for (`--stdin-filename`: reports name it, its suffix picks the loader)."""

    exclusions: Exclusions = field(default_factory=Exclusions.default)
    stdin_name: str | None = None


class _Walk:
    """Known-suffix files under `root`, sorted; hidden, ignored and excluded entries skipped,
    symlink loops cut.

    Depth first, each folder's entries in name order, with a stack of iterators rather than
    recursion: a folder 1 100 levels deep is read like any other.
    """

    def __init__(
        self, root: Path, on_error: Callable[[InputError], None], exclusions: Exclusions
    ) -> None:
        self.root = root
        self.on_error = on_error
        self.exclusions = exclusions
        self.ignores = IgnoreFiles(root) if exclusions.respect_gitignore else None
        self.seen: set[tuple[int, int]] = set()

    def left_out(self, path: Path, is_dir: bool) -> bool:
        if self.exclusions.excluded(path, is_dir):
            return True
        return self.ignores is not None and self.ignores.ignored(path, is_dir)

    def entries(self, folder: Path) -> Iterator[os.DirEntry[str]]:
        try:
            info = folder.stat()
            key = (info.st_dev, info.st_ino)
            if key in self.seen:
                return iter(())  # a symlink back to a folder already read
            self.seen.add(key)
            listed = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            self.on_error(InputError(f"cannot read folder: {exc.strerror}", str(folder)))
            return iter(())
        return iter([e for e in listed if not e.name.startswith(".")])

    def enter(self, folder: Path) -> tuple[Path, Iterator[os.DirEntry[str]], bool]:
        has_ignores = self.ignores is not None and self.ignores.enter(folder)
        return folder, self.entries(folder), has_ignores

    def files(self) -> list[Path]:
        found: list[Path] = []
        stack = [self.enter(self.root)]
        while stack:
            folder, pending, has_ignores = stack[-1]
            entry = next(pending, None)
            if entry is None:
                stack.pop()
                if has_ignores and self.ignores is not None:
                    self.ignores.leave()
                continue
            path = folder / entry.name
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if self.left_out(path, is_dir):
                continue
            if is_dir:
                stack.append(self.enter(path))
            elif path.suffix.lower() in SUFFIXES:
                problem = _file_problem(path)
                if problem is None:
                    found.append(path)
                else:
                    self.on_error(InputError(problem, str(path)))
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


def _force_excluded(path: Path, exclusions: Exclusions) -> bool:
    """With `force-exclude`, a file given by name is left out as a folder's file would be."""
    if not exclusions.force_exclude:
        return False
    absolute = Path(os.path.abspath(path))
    # The file, and its folders below the working directory ("drafts" leaves out drafts/a.txt).
    folders = [p for p in absolute.parents if p.is_relative_to(Path.cwd()) and p != Path.cwd()]
    if exclusions.excluded(path, False) or any(exclusions.excluded(p, True) for p in folders):
        return True
    if not exclusions.respect_gitignore:
        return False
    ignores = IgnoreFiles(path.parent)
    ignores.enter(path.parent)
    return ignores.ignored(path, False)


def _read_by_name(raw: str, exclusions: Exclusions, on_error: Callable[[InputError], None]) -> bool:
    """Whether a file given by name is read: not when it is missing or cannot be read (both
    reported) or `force-exclude` leaves it out."""
    path = Path(raw)
    if not (path.exists() or path.is_symlink()):
        on_error(InputError("no such file or directory", raw))
        return False
    if _force_excluded(path, exclusions):
        return False
    problem = _file_problem(path)
    if problem is not None:
        on_error(InputError(problem, raw))
    return problem is None


def discover(
    paths: list[str],
    on_error: Callable[[InputError], None],
    exclusions: Exclusions | None = None,
) -> list[str]:
    """Files to read in order (`-` for stdin), each once; a missing path is reported, not fatal.
    Folders are searched leaving out what `exclusions` name (Ruff's defaults when None)."""
    if exclusions is None:
        exclusions = Exclusions.default()
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
        elif Path(raw).is_dir():
            for file in _Walk(Path(raw), on_error, exclusions).files():
                add(str(file))
        elif _read_by_name(raw, exclusions, on_error):
            add(raw)  # given explicitly: read whatever its suffix
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
