"""What folder discovery leaves out, as Ruff does.

Inside a folder given on the command line, an entry is left out when a `.gitignore` or
`.ignore` file names it (in its folder, in any folder above it up to the search root, and,
inside a git repository, in the folders above the root up to the repository's top, with
`.git/info/exclude`), or when an `exclude` / `extend-exclude` glob of the configuration
matches it. A file given by name is read whatever those say, unless `force-exclude` is on
(for pre-commit hooks and editors, which pass every changed file by name).

Globs follow Ruff's reading: a pattern without a slash matches an entry's name at any depth
(`node_modules`, `*.draft.md`); one with a slash matches the path relative to the folder of
the configuration file (`archive/2019/*.md`, `_site/**/README.md`), the working directory when
there is none. The gitignore syntax of `pathspec` reads both.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from pathspec import GitIgnoreSpec

IGNORE_FILES = (".gitignore", ".ignore")
# Ruff's default `exclude`, less the hidden folders factlint never enters anyway.
DEFAULT_EXCLUDE = (
    "__pypackages__",
    "_build",
    "buck-out",
    "dist",
    "node_modules",
    "site-packages",
    "venv",
)
# An ignore file is a few lines; more is not read (a hostile tree could hold a huge one).
MAX_IGNORE_BYTES = 1024 * 1024


def _anchored(pattern: str, base: Path) -> str:
    """A glob with a slash made absolute from `base` (keeping a leading `!`)."""
    negated = pattern.startswith("!")
    body = pattern[1:] if negated else pattern
    joined = (Path(os.path.abspath(base)) / body.lstrip("/")).as_posix().lstrip("/")
    return ("!" if negated else "") + joined + ("/" if body.endswith("/") else "")


def _by_name(pattern: str) -> bool:
    return "/" not in pattern.rstrip("/")


@dataclass(frozen=True)
class Exclusions:
    """What discovery leaves out. `patterns` are (glob, folder it is relative to) pairs."""

    patterns: tuple[tuple[str, Path], ...] = ()
    respect_gitignore: bool = True
    force_exclude: bool = False

    @classmethod
    def default(cls) -> Exclusions:
        return cls(tuple((p, Path.cwd()) for p in DEFAULT_EXCLUDE))

    @cached_property
    def _specs(self) -> tuple[GitIgnoreSpec, GitIgnoreSpec]:
        names = [p for p, _ in self.patterns if _by_name(p)]
        paths = [_anchored(p, base) for p, base in self.patterns if not _by_name(p)]
        return GitIgnoreSpec.from_lines(names), GitIgnoreSpec.from_lines(paths)

    def excluded(self, path: Path, is_dir: bool) -> bool:
        """An `exclude` glob matches the entry: by its name, or by its whole path."""
        names, paths = self._specs
        suffix = "/" if is_dir else ""
        absolute = Path(os.path.abspath(path))
        if names.match_file(absolute.name + suffix):
            return True
        return paths.match_file(absolute.as_posix().lstrip("/") + suffix)


def _read_lines(path: Path) -> list[str]:
    try:
        if not path.is_file() or path.stat().st_size > MAX_IGNORE_BYTES:
            return []
        return path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []


def folder_spec(folder: Path) -> GitIgnoreSpec | None:
    """The patterns of a folder's own ignore files, or None when it has none."""
    lines = [line for name in IGNORE_FILES for line in _read_lines(folder / name)]
    return GitIgnoreSpec.from_lines(lines) if lines else None


@dataclass
class IgnoreFiles:
    """The ignore files that apply to entries under a search root: those above it (set up
    once) and those of the folders being walked (pushed and popped by the walk)."""

    root: Path
    specs: list[tuple[Path, GitIgnoreSpec]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.root = Path(os.path.abspath(self.root))
        self.specs = _specs_above(self.root)

    def enter(self, folder: Path) -> bool:
        """Read a folder's ignore files as the walk enters it; True when it had some."""
        spec = folder_spec(folder)
        if spec is not None:
            self.specs.append((Path(os.path.abspath(folder)), spec))
        return spec is not None

    def leave(self) -> None:
        self.specs.pop()

    def ignored(self, path: Path, is_dir: bool) -> bool:
        """As git decides: the deepest ignore file with a pattern for the entry wins, and
        within a file the last matching pattern (a `!pattern` takes the entry back)."""
        absolute = Path(os.path.abspath(path))
        for folder, spec in reversed(self.specs):
            try:
                relative = absolute.relative_to(folder).as_posix()
            except ValueError:
                continue
            result = spec.check_file(relative + ("/" if is_dir else ""))
            if result.include is not None:
                return bool(result.include)
        return False


def _specs_above(root: Path) -> list[tuple[Path, GitIgnoreSpec]]:
    """Ignore files of the folders above `root` up to the top of its git repository (none
    outside a repository: a stray ~/.gitignore must not hide articles), and the repository's
    `.git/info/exclude`."""
    above: list[tuple[Path, GitIgnoreSpec]] = []
    for folder in root.parents:
        spec = folder_spec(folder)
        if spec is not None:
            above.append((folder, spec))
        if (folder / ".git").exists():
            info = GitIgnoreSpec.from_lines(_read_lines(folder / ".git" / "info" / "exclude"))
            return [(folder, info), *reversed(above)]
    if (root / ".git").exists():
        return [(root, GitIgnoreSpec.from_lines(_read_lines(root / ".git" / "info" / "exclude")))]
    return []
