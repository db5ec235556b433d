"""Find, parse and validate rule files; every error names path:line:column and the reason."""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError

from factlint.errors import RuleFileError
from factlint.rules.base import RuleContext, RuleKind
from factlint.rules.model import RuleSpec
from factlint.rules.registry import get_kind, kinds

RULE_SUFFIXES = (".yml", ".yaml")
CASES_SUFFIX = ".cases.yaml"
# Values a rule or case file may hold once its aliases are expanded. The parser keeps an
# alias as one shared object, but validating walks every use: a few kilobytes of aliases of
# aliases ("billion laughs") would expand to billions of values, minutes and gigabytes.
MAX_VALUES = 100_000


@dataclass
class Rule:
    spec: RuleSpec
    kind: RuleKind[Any]
    path: Path


def builtin_rules_dir() -> Path:
    """The rules shipped with factlint: inside the wheel, or the checkout's top-level rules/."""
    packaged = Path(__file__).resolve().parent.parent / "builtin_rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent.parent / "rules"


def rule_files(directory: Path) -> list[Path]:
    """The rule files of a folder (searched recursively), or a single rule file itself."""
    if directory.is_file() and directory.suffix in RULE_SUFFIXES:
        if directory.name.endswith(CASES_SUFFIX):
            raise RuleFileError("a case file, not a rule file (give the rule file)", str(directory))
        return [directory]
    if directory.is_file():
        raise RuleFileError(
            f"not a rule file (expected {' or '.join(sorted(RULE_SUFFIXES))})", str(directory)
        )
    if not directory.is_dir():
        raise RuleFileError("rule folder or file does not exist", str(directory))
    files = [
        p
        for p in directory.rglob("*")
        if p.suffix in RULE_SUFFIXES and not p.name.endswith(CASES_SUFFIX) and p.is_file()
    ]
    return sorted(files)


def _position(node: Any, loc: tuple[Any, ...], at_key: bool = False) -> tuple[int, int]:
    """1-based line/column of the YAML node at `loc` (as deep as the document has it);
    `at_key` points at the last key itself (an unknown key) rather than its value."""
    line, col = (node.lc.line, node.lc.col) if hasattr(node, "lc") else (0, 0)
    for depth, key in enumerate(loc):
        if at_key and depth == len(loc) - 1 and isinstance(node, CommentedMap) and key in node:
            line, col = node.lc.key(key)
            break
        if isinstance(node, CommentedMap) and key in node:
            line, col = (
                node.lc.value(key) if not isinstance(node[key], (dict, list)) else node.lc.key(key)
            )
            node = node[key]
        elif isinstance(node, CommentedSeq) and isinstance(key, int) and key < len(node):
            line, col = node.lc.item(key)
            node = node[key]
        elif isinstance(node, CommentedMap):
            # An unknown key: point at the key itself.
            if key in node.lc.data:
                line, col = node.lc.key(key)
            break
        else:
            break
    return line + 1, col + 1


def _error(
    path: Path, node: Any, loc: tuple[Any, ...], reason: str, at_key: bool = False
) -> RuleFileError:
    line, col = _position(node, loc, at_key)
    return RuleFileError(reason, f"{path}:{line}:{col}")


def _describe(error: Mapping[str, Any]) -> str:
    loc = ".".join(str(part) for part in error["loc"])
    if error["type"] == "extra_forbidden":
        return f"unknown key '{loc}'"
    if error["type"] == "missing":
        return f"missing required key '{loc}'"
    return f"'{loc}': {error['msg']}"


def parse_yaml(path: Path) -> Any:
    yaml = YAML(typ="rt")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(f"cannot read rule file: {exc}", str(path)) from None
    try:
        data = yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise RuleFileError(f"malformed YAML: {exc.problem or exc.context}", where) from None
    except Exception as exc:  # ruamel raises several unrelated types for odd input
        raise RuleFileError(f"malformed YAML: {exc}", str(path)) from None
    _check_expansion(data, path)
    return data


def _check_expansion(data: Any, path: Path) -> None:
    """Count the values of `data` as validation will see them (each alias expanded), once
    per shared node, and stop at the first that expands past MAX_VALUES."""
    sizes: dict[int, int] = {}  # id -> expanded size; -1 while its children are counted
    stack: list[tuple[Any, bool]] = [(data, False)]
    while stack:
        node, counted = stack.pop()
        if not isinstance(node, (dict, list)) or (not counted and id(node) in sizes):
            continue
        children = list(node.values() if isinstance(node, dict) else node)
        if not counted:
            sizes[id(node)] = -1
            stack.append((node, True))
            stack.extend((c, False) for c in children if id(c) not in sizes)
            continue
        total = 1
        for child in children:
            size = sizes.get(id(child), 1) if isinstance(child, (dict, list)) else 1
            if size < 0:
                raise _expansion_error(path, node, "an alias refers to a value it is inside")
            total += size
        if total > MAX_VALUES:
            reason = f"more than {MAX_VALUES} values once its aliases are expanded"
            raise _expansion_error(path, node, reason)
        sizes[id(node)] = total


def _expansion_error(path: Path, node: Any, reason: str) -> RuleFileError:
    line, column = (node.lc.line + 1, node.lc.col + 1) if hasattr(node, "lc") else (1, 1)
    return RuleFileError(f"malformed YAML: {reason}", f"{path}:{line}:{column}")


def _message_problem(message: str, fields: tuple[str, ...]) -> str | None:
    """Why a message template is unusable, or None. Only plain `{field}` placeholders: a
    format spec such as `{text:>999999999}` would build a gigabyte per finding, and
    `{text.__class__}` reaches into Python objects."""
    known = ", ".join("{" + f + "}" for f in fields)
    try:
        parts = list(string.Formatter().parse(message))
    except ValueError as exc:
        return f"message is not a valid template: {exc}"
    for _, name, format_spec, conversion in parts:
        if name is None:
            continue
        if name not in fields:
            return f"message uses unknown placeholder '{name}'; known: {known}"
        if format_spec or conversion:
            return f"message placeholders are plain {{{name}}}, without '!' or ':' after the name"
    return None


def load_rule_file(path: Path, context: RuleContext) -> Rule:
    data = parse_yaml(path)
    if not isinstance(data, CommentedMap):
        raise RuleFileError("a rule file must be a YAML mapping", f"{path}:1:1")
    try:
        spec = RuleSpec.model_validate(dict(data))
    except ValidationError as exc:
        first = exc.errors()[0]
        unknown = first["type"] == "extra_forbidden"
        raise _error(path, data, tuple(first["loc"]), _describe(first), unknown) from None
    kind_cls = get_kind(spec.kind)
    if kind_cls is None:
        known = ", ".join(kinds())
        raise _error(path, data, ("kind",), f"unknown kind '{spec.kind}' (known: {known})")
    try:
        options = kind_cls.Options.model_validate(dict(spec.options))
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = tuple(part for part in ("options", *first["loc"]) if part != "[key]")
        # An unknown key, or a bad key of a mapping option (a house_style pattern): point at
        # the key itself rather than its value.
        at_key = first["type"] == "extra_forbidden" or first["loc"][-1:] == ("[key]",)
        raise _error(path, data, loc, _describe({**first, "loc": loc}), at_key) from None
    problem = _message_problem(spec.message, kind_cls.template_fields())
    if problem is not None:
        raise _error(path, data, ("message",), problem)
    # Kinds with a second message for a milder shape (`local_message`) check it alike.
    for name, value in options:
        if name.endswith("_message") and isinstance(value, str):
            problem = _message_problem(value, kind_cls.template_fields())
            if problem is not None:
                where = ("options", name) if name in spec.options else ("kind",)
                raise _error(path, data, where, problem)
    return Rule(spec=spec, kind=kind_cls(spec, options, context), path=path)


def load_rules(
    extra_dirs: list[Path] | None = None,
    context: RuleContext | None = None,
    include_builtin: bool = True,
) -> list[Rule]:
    """All rules, built-in first then each extra folder, ordered by code. Duplicate codes fail."""
    context = context or RuleContext()
    dirs = ([builtin_rules_dir()] if include_builtin else []) + list(extra_dirs or [])
    rules: list[Rule] = []
    seen: dict[str, Path] = {}
    for directory in dirs:
        for path in rule_files(directory):
            rule = load_rule_file(path, context)
            if rule.spec.code in seen:
                data = parse_yaml(path)
                raise _error(
                    path,
                    data,
                    ("code",),
                    f"duplicate code {rule.spec.code} (also in {seen[rule.spec.code]})",
                )
            seen[rule.spec.code] = path
            rules.append(rule)
    return sorted(rules, key=lambda r: r.spec.code)
