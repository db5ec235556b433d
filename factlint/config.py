"""Project configuration: `[tool.factlint]` in pyproject.toml, or a factlint.toml, and the
settings every command runs with (`resolve_settings`: the file, with the command line over it).

The nearest file upward from the first input path (or the working directory) wins; in one
folder factlint.toml wins over pyproject.toml, and a pyproject.toml without `[tool.factlint]`
is passed over. `--config FILE` names the file instead. Command-line options override it.

    [tool.factlint]
    select = ["FL1", "FL3"]
    ignore = ["FL305"]
    fail-on = "warning"
    rules = ["house-rules"]            # extra rule folders, relative to this file
    reference-date = 2026-01-28
    extend-exclude = ["_drafts", "archive/2019/*.md"]   # as Ruff's: adds to `exclude`
    respect-gitignore = true           # leave out what .gitignore and .ignore name

    [tool.factlint.per-file-ignores]
    "archive/*.md" = ["FL1"]

    [tool.factlint.vocabulary]
    accept = ["al-Sharaa"]
    reject = ["Al Sharaa"]
    canonical = { Khmeimim = "Hmeimim" }
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from factlint.cache import CacheOptions
from factlint.diagnostics import Severity
from factlint.documents.discover import Discovery
from factlint.documents.ignore import DEFAULT_EXCLUDE, Exclusions
from factlint.errors import ConfigError
from factlint.facts.executors import ExecutorOptions
from factlint.findings.filters import SELECTOR, RuleSelection, parse_selectors
from factlint.io import TooLarge, read_bounded
from factlint.rules.base import RuleContext, Vocabulary

if TYPE_CHECKING:
    from factlint.rules.loader import Rule

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

CONFIG_NAMES = ("factlint.toml", "pyproject.toml")
# A pyproject.toml is a few kilobytes; more is not a config file (`--config /dev/zero`).
MAX_CONFIG_BYTES = 4 * 1024 * 1024
NO_RULE_SELECTED = "selects no rule; name rule codes or prefixes (leave it out to run every rule)"


def _selectors(value: list[str]) -> list[str]:
    for code in value:
        if not SELECTOR.match(code.upper()):
            raise ValueError(f"'{code}' is not a rule code or prefix (like FL301 or FL3)")
    return [code.upper() for code in value]


class Settings(BaseModel):
    """The keys of `[tool.factlint]` (or of a factlint.toml's top level)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    # None: every rule.
    select: list[str] | None = None
    ignore: list[str] = Field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = Field(default_factory=dict, alias="per-file-ignores")
    # Codes or prefixes added to `select` (or to every rule's default selection).
    extend_select: list[str] = Field(default_factory=list, alias="extend-select")
    # "none": findings never fail the run (as --exit-zero).
    fail_on: str | None = Field(default=None, alias="fail-on")
    rules: list[str] = Field(default_factory=list)
    reference_date: date | None = Field(default=None, alias="reference-date")
    vocabulary: Vocabulary = Field(default_factory=Vocabulary)
    # Folder discovery, with Ruff's names and meaning: `exclude` replaces the default globs,
    # `extend-exclude` adds to them; `force-exclude` applies them to files given by name too.
    exclude: list[str] | None = None
    extend_exclude: list[str] = Field(default_factory=list, alias="extend-exclude")
    respect_gitignore: bool = Field(default=True, alias="respect-gitignore")
    force_exclude: bool = Field(default=False, alias="force-exclude")

    @field_validator("select")
    @classmethod
    def _check_select(cls, value: list[str] | None) -> list[str] | None:
        if value is not None and not value:
            raise ValueError(NO_RULE_SELECTED)
        return None if value is None else _selectors(value)

    @field_validator("fail_on")
    @classmethod
    def _check_fail_on(cls, value: str | None) -> str | None:
        levels = [*(s.value for s in Severity), "none"]
        if value is not None and value not in levels:
            raise ValueError(f"Input should be one of {', '.join(map(repr, levels))}")
        return value

    @field_validator("ignore", "extend_select")
    @classmethod
    def _check_ignore(cls, value: list[str]) -> list[str]:
        return _selectors(value)

    @field_validator("per_file_ignores")
    @classmethod
    def _check_per_file(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        return {pattern: _selectors(codes) for pattern, codes in value.items()}


@dataclass
class Config:
    settings: Settings = field(default_factory=Settings)
    # The file it came from; None when no file was found.
    path: Path | None = None

    @property
    def base_dir(self) -> Path:
        return self.path.resolve().parent if self.path is not None else Path.cwd()

    @property
    def location(self) -> str:
        return str(self.path) if self.path is not None else "command line"

    def rule_dirs(self) -> list[Path]:
        return [self.base_dir / folder for folder in self.settings.rules]

    def context(self) -> RuleContext:
        return RuleContext(vocabulary=self.settings.vocabulary)

    def exclusions(self, line: CommandLine) -> Exclusions:
        """What folder discovery leaves out: the file's globs (relative to its folder) and the
        command line's (relative to the working directory), which replace or extend them."""
        settings, here = self.settings, Path.cwd()
        if line.exclude is not None:
            patterns = [(p, here) for p in line.exclude]
        elif settings.exclude is not None:
            patterns = [(p, self.base_dir) for p in settings.exclude]
        else:
            patterns = [(p, here) for p in DEFAULT_EXCLUDE]
        patterns += [(p, self.base_dir) for p in settings.extend_exclude]
        patterns += [(p, here) for p in line.extend_exclude or []]
        respect, force = line.respect_gitignore, line.force_exclude
        return Exclusions(
            tuple(patterns),
            settings.respect_gitignore if respect is None else respect,
            settings.force_exclude if force is None else force,
        )

    def selection(
        self,
        select: list[str] | None = None,
        ignore: list[str] | None = None,
        extend_select: list[str] | None = None,
    ) -> RuleSelection:
        """The rule selection, with command-line lists (when given) replacing the file's;
        `extend_select` (command line and file) adds to whichever `select` is in force."""
        chosen = select if select is not None else self.settings.select
        ignored = ignore if ignore else self.settings.ignore
        selected = None if chosen is None else parse_selectors(chosen, "--select")
        if selected == ():
            # `--select ""` or `--select ,`: running no rule would pass every input in silence.
            raise ConfigError(NO_RULE_SELECTED, "--select")
        extra = [*self.settings.extend_select, *(extend_select or [])]
        if selected is not None and extra:
            selected = tuple(dict.fromkeys([*selected, *parse_selectors(extra, "--extend-select")]))
        return RuleSelection(
            select=selected,
            ignore=parse_selectors(ignored, "--ignore"),
            per_file_ignores={p: tuple(c) for p, c in self.settings.per_file_ignores.items()},
            base_dir=self.base_dir,
        )


def _table_of(path: Path, data: dict[str, Any]) -> dict[str, Any] | None:
    """The factlint table of a parsed file: [tool.factlint] of a pyproject, else the top."""
    if path.name != "pyproject.toml":
        return data
    tool = data.get("tool")
    table = tool.get("factlint") if isinstance(tool, dict) else None
    if table is not None and not isinstance(table, dict):
        raise ConfigError("[tool.factlint] must be a table", str(path))
    return table


def _read(path: Path) -> dict[str, Any]:
    try:
        text = read_bounded(path, MAX_CONFIG_BYTES).decode("utf-8")
    except FileNotFoundError:
        raise ConfigError("no such config file", str(path)) from None
    except TooLarge as exc:
        raise ConfigError(f"config file is too large to read: {exc}", str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config file: {exc}", str(path)) from None
    try:
        table: dict[str, Any] = tomllib.loads(text)
        return table
    except RecursionError:
        raise ConfigError("invalid TOML: nested too deeply", str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        location = f"{path}:{where.group(1)}:{where.group(2)}" if where else str(path)
        raise ConfigError(f"invalid TOML: {message}", location) from None
    except ValueError:  # an integer past Python's 4 300-digit limit
        raise ConfigError("invalid TOML: a number too long to read", str(path)) from None


def _key_line(path: Path, key: str) -> int | None:
    """Best-effort line of `key = ...` (or a `[...key]` header) in the file, for messages."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    name = re.escape(key)
    pattern = re.compile(rf"^\s*(?:[\"']?{name}[\"']?\s*=|\[[^\]]*\b{name}\s*\])")
    for number, line in enumerate(lines, start=1):
        if pattern.match(line):
            return number
    return None


def _validation_error(path: Path, prefix: str, exc: ValidationError) -> ConfigError:
    first = exc.errors()[0]
    loc = [str(part) for part in first["loc"]]
    dotted = ".".join([prefix, *loc] if prefix else loc)
    line = _key_line(path, loc[-1]) if loc else None
    where = f"{path}:{line}" if line else str(path)
    if first["type"] == "extra_forbidden":
        return ConfigError(f"unknown key '{dotted}'", where)
    message = str(first["msg"]).removeprefix("Value error, ")
    return ConfigError(f"'{dotted}': {message}", where)


def load_config(path: Path) -> Config:
    """Read and validate one config file (pyproject.toml: its [tool.factlint] table)."""
    table = _table_of(path, _read(path))
    if table is None:
        return Config(path=path)
    prefix = "tool.factlint" if path.name == "pyproject.toml" else ""
    try:
        return Config(settings=Settings.model_validate(table), path=path)
    except ValidationError as exc:
        raise _validation_error(path, prefix, exc) from None


def find_config(start: Path) -> Path | None:
    """The nearest factlint.toml, or pyproject.toml with [tool.factlint], at or above `start`."""
    folder = start if start.is_dir() else start.parent
    folder = folder.resolve()
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            path = candidate / name
            if not path.is_file():
                continue
            if name == "factlint.toml" or _table_of(path, _read(path)) is not None:
                return path
    return None


def resolve_config(paths: list[str], explicit: Path | None = None) -> Config:
    """`--config FILE` when given, else the file found from the first input path."""
    if explicit is not None:
        return load_config(explicit)
    first = next((p for p in paths if p != "-"), None)
    start = Path(first) if first is not None and Path(first).exists() else Path.cwd()
    found = find_config(start)
    return load_config(found) if found is not None else Config()


# --- the settings of one run -------------------------------------------------------------

FAIL_LEVELS = ("error", "warning", "info", "none")


class CommandLine(BaseModel):
    """What a command was given on the command line, before anything is resolved. A command
    leaves out what it has no option for; None and empty mean "not given"."""

    paths: list[str] = Field(default_factory=list)
    config_file: Path | None = None
    rules: list[Path] = Field(default_factory=list)
    reference_date: str | None = None
    select: list[str] | None = None
    ignore: list[str] | None = None
    extend_select: list[str] | None = None
    fail_on: str | None = None
    exit_zero: bool = False
    no_cache: bool = False
    cache_dir: Path | None = None
    jobs: str = "auto"
    scheduler: str | None = None
    # The path standard input ('-') stands for: the config is found from it too.
    stdin_filename: str | None = None
    # Folder discovery (config `exclude`, `extend-exclude`, `respect-gitignore`, `force-exclude`).
    exclude: list[str] | None = None
    extend_exclude: list[str] | None = None
    respect_gitignore: bool | None = None
    force_exclude: bool | None = None


class RunSettings(BaseModel):
    """Every command's settings, resolved once: the config file, with the command line over
    it. `check`, `facts`, `index`, `rules` and `explain` all run with one of these."""

    model_config = ConfigDict(arbitrary_types_allowed=True, frozen=True)

    config: Config
    # Extra rule folders and files: the config's `rules` (relative to it), then `--rules`.
    rule_paths: list[Path]
    reference_date: date | None
    # The lowest severity that fails the run, or "none".
    fail_on: str
    selection: RuleSelection
    cache: CacheOptions
    executor: ExecutorOptions
    # How the inputs are found and named: what folder discovery leaves out and the path
    # standard input stands for; passed to loading (`load_documents`, `collect_facts`, `lint`).
    discovery: Discovery
    # Where `select` and `ignore` came from, for errors about them.
    select_source: str
    ignore_source: str

    def context(self) -> RuleContext:
        return self.config.context()

    def load_rules(self) -> list[Rule]:
        """Every rule: built-in, the config's, then the command line's (not yet selected)."""
        from factlint.rules.loader import load_rules

        return load_rules(self.rule_paths, context=self.context())

    def active_rules(self, rules: list[Rule]) -> list[Rule]:
        """The selected rules; a selector that matches no rule is an error (a typo)."""
        codes = [r.spec.code for r in rules]
        self.selection.check_known(codes, self.select_source)
        self.selection.check_ignored(codes, self.ignore_source)
        return [r for r in rules if self.selection.rule_enabled(r.spec.code)]


def parse_jobs(jobs: str, scheduler: str | None = None) -> ExecutorOptions:
    """Where the NLP pass runs, from `--jobs` (a number or `auto`) and `--scheduler`."""
    if jobs.strip().lower() == "auto":
        return ExecutorOptions(scheduler=scheduler)
    try:
        count = int(jobs)
    except ValueError:
        count = 0
    if count < 1:
        raise ConfigError(f"'{jobs}' is not a number of processes (1 or more) or 'auto'", "--jobs")
    return ExecutorOptions(jobs=count, scheduler=scheduler)


def parse_fail_on(value: str | None) -> str | None:
    """`--fail-on`: a severity, or `none` (never fail on findings, as --exit-zero)."""
    if value is None:
        return None
    if value.strip().lower() not in FAIL_LEVELS:
        raise ConfigError(f"'{value}' is not one of {', '.join(FAIL_LEVELS)}", "--fail-on")
    return value.strip().lower()


def parse_reference_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(
            f"'{value}' is not a date in the form YYYY-MM-DD", "--reference-date"
        ) from None


def check_options(line: CommandLine) -> None:
    """Raise on a malformed command-line value before any file is read."""
    parse_jobs(line.jobs, line.scheduler)
    parse_fail_on(line.fail_on)


def resolve_settings(line: CommandLine) -> RunSettings:
    """The settings of one run. Raises ConfigError naming the option or file at fault."""
    executor = parse_jobs(line.jobs, line.scheduler)
    level = "none" if line.exit_zero else parse_fail_on(line.fail_on)
    named = [line.stdin_filename if p == "-" and line.stdin_filename else p for p in line.paths]
    config = resolve_config(named, line.config_file)
    selection = config.selection(line.select, line.ignore, line.extend_select)
    anchor = parse_reference_date(line.reference_date) or config.settings.reference_date
    return RunSettings(
        config=config,
        rule_paths=[*config.rule_dirs(), *line.rules],
        reference_date=anchor,
        fail_on=level or config.settings.fail_on or "info",
        selection=selection,
        cache=CacheOptions(enabled=not line.no_cache, directory=line.cache_dir),
        executor=executor,
        discovery=Discovery(config.exclusions(line), line.stdin_filename),
        select_source="--select" if line.select else config.location,
        ignore_source="--ignore" if line.ignore else config.location,
    )
