"""Rule case files (`CODE-name.cases.yaml` beside `CODE-name.yml`): loader and runner
(the schema is `factlint.testing.model`).

A case is a few in-memory documents and the exact findings the rule beside the file must
report on them (`expect: []`: none). Every error in a case file names `path:line:column`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails
from ruamel.yaml.comments import CommentedMap

from factlint.errors import RuleFileError
from factlint.rules.base import RuleContext
from factlint.rules.loader import (
    CASES_SUFFIX,
    RULE_SUFFIXES,
    Rule,
    _position,
    load_rule_file,
    parse_yaml,
    rule_files,
)
from factlint.testing.matching import match_findings
from factlint.testing.model import Case, CaseDocument, CaseFile, ExpectedFinding
from factlint.testing.report import CaseResult
from factlint.testing.texts import build_documents, check_relative, check_rules, extract_facts

_MODELS: dict[str, type[BaseModel]] = {
    "cases": Case,
    "documents": CaseDocument,
    "expect": ExpectedFinding,
}


def _allowed_keys(loc: tuple[Any, ...]) -> str:
    """The keys allowed where an unknown key `loc[-1]` stands."""
    model: type[BaseModel] = CaseFile
    for part in loc[:-1]:
        if isinstance(part, str) and part in _MODELS:
            model = _MODELS[part]
    return ", ".join(model.model_fields)


def _describe(error: ErrorDetails) -> str:
    loc = tuple(error["loc"])
    name = next((str(p) for p in reversed(loc) if isinstance(p, str)), "cases")
    if error["type"] == "extra_forbidden":
        return f"unknown key '{loc[-1]}' (allowed: {_allowed_keys(loc)})"
    if error["type"] == "missing":
        return f"missing required key '{loc[-1]}'"
    message = error["msg"]
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    return f"'{name}': {message}"


def _fail(path: Path, data: Any, loc: tuple[Any, ...], reason: str) -> RuleFileError:
    line, column = _position(data, loc)
    return RuleFileError(reason, f"{path}:{line}:{column}")


def _unknown_key(path: Path, data: Any, loc: tuple[Any, ...], reason: str) -> RuleFileError:
    """Point at an unknown key itself, not at its value."""
    parent = data
    for part in loc[:-1]:
        try:
            parent = parent[part]
        except (KeyError, IndexError, TypeError):
            return _fail(path, data, loc, reason)
    if isinstance(parent, CommentedMap) and loc[-1] in parent:
        line, column = parent.lc.key(loc[-1])
        return RuleFileError(reason, f"{path}:{line + 1}:{column + 1}")
    return _fail(path, data, loc, reason)


def _names_document(path: str, documents: set[str]) -> bool:
    """A case document's path, or one of its records (`feed.jsonl:2`, as the loader names them)."""
    source, _, record = path.rpartition(":")
    return path in documents or (
        source in documents and source.endswith(".jsonl") and record.isdigit()
    )


def _evidence_names_document(ref: str, documents: set[str]) -> bool:
    path, _, line = ref.rpartition(":")
    return _names_document(ref, documents) or (line.isdigit() and _names_document(path, documents))


def _inside(path: str, folder: str) -> bool:
    return path.startswith(folder + "/")


def _check_case(path: Path, data: Any, index: int, case: Case, names: set[str]) -> None:
    """What a schema cannot say: unique names and paths, expectations on known documents."""
    at = ("cases", index)
    if case.name in names:
        raise _fail(path, data, (*at, "name"), f"duplicate case name '{case.name}'")
    if "::" in case.name:
        raise _fail(path, data, (*at, "name"), "a case name must not contain '::'")
    names.add(case.name)
    seen = _document_paths(path, data, at, case)
    for i, expected in enumerate(case.expect):
        _check_expected(path, data, (*at, "expect", i), expected, seen)


def _document_paths(path: Path, data: Any, at: tuple[str, int], case: Case) -> set[str]:
    """The case's document paths: relative, each once, none a folder of another."""
    seen: set[str] = set()
    for i, document in enumerate(case.documents):
        where = (*at, "documents", i, "path")
        problem = check_relative(document.path)
        if problem is not None:
            raise _fail(path, data, where, problem)
        if document.path in seen:
            raise _fail(path, data, where, f"duplicate document path '{document.path}'")
        clash = next(
            (p for p in seen if _inside(p, document.path) or _inside(document.path, p)), None
        )
        if clash is not None:
            message = (
                f"document paths '{clash}' and '{document.path}': one is a folder of the other"
            )
            raise _fail(path, data, where, message)
        seen.add(document.path)
    return seen


def _check_expected(
    path: Path, data: Any, at: tuple[str | int, ...], expected: ExpectedFinding, seen: set[str]
) -> None:
    """An expected finding names a document of the case, and so does its evidence."""
    if not _names_document(expected.path, seen):
        known = ", ".join(sorted(seen))
        hint = "; a line number goes in 'line'" if ":" in expected.path else ""
        raise _fail(
            path,
            data,
            (*at, "path"),
            f"'{expected.path}' is not a document of this case (documents: {known}){hint}",
        )
    for j, ref in enumerate(expected.evidence or []):
        if not _evidence_names_document(ref, seen):
            raise _fail(
                path,
                data,
                (*at, "evidence", j),
                f"evidence '{ref}' is not 'path' or 'path:line' of a document of this case",
            )


def load_case_file(path: Path) -> CaseFile:
    """Parse and validate a case file; a RuleFileError names `path:line:column` and the reason."""
    data = parse_yaml(path)
    if not isinstance(data, CommentedMap):
        raise RuleFileError("a case file must be a YAML mapping with a 'cases' list", f"{path}:1:1")
    try:
        parsed = CaseFile.model_validate(dict(data))
    except ValidationError as exc:
        # An unknown key is most often a misspelt one, which also makes a key "missing".
        first = min(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")
        fail = _unknown_key if first["type"] == "extra_forbidden" else _fail
        raise fail(path, data, tuple(first["loc"]), _describe(first)) from None
    names: set[str] = set()
    for index, case in enumerate(parsed.cases):
        case._line = data["cases"].lc.item(index)[0] + 1
        _check_case(path, data, index, case, names)
    return parsed


def rule_beside(cases_path: Path) -> Path:
    """`X.yml` (or `X.yaml`) for `X.cases.yaml`."""
    stem = cases_path.name[: -len(CASES_SUFFIX)]
    for suffix in RULE_SUFFIXES:
        candidate = cases_path.with_name(stem + suffix)
        if candidate.is_file():
            return candidate
    raise RuleFileError(f"no rule file {stem}.yml beside this case file", f"{cases_path}:1:1")


def load_rule_beside(cases_path: Path) -> Rule:
    return load_rule_file(rule_beside(cases_path), RuleContext())


def run_case(case: Case, rule: Rule) -> CaseResult:
    """Run only `rule` over the case's documents and match its findings to `expect`."""
    documents = build_documents([(d.path, d.text, d.published) for d in case.documents])
    findings = check_rules(extract_facts(documents), [rule])
    return CaseResult(case, rule, findings, match_findings(case.expect, findings))


def run_case_file(path: str | Path) -> list[CaseResult]:
    """Run every case of a case file against the rule file beside it."""
    path = Path(path)
    cases = load_case_file(path)
    rule = load_rule_beside(path)
    return [run_case(case, rule) for case in cases.cases]


def audit_cases(rules_dir: str | Path) -> list[str]:
    """Every rule file in `rules_dir` needs a case file with a positive and a negative case.

    Returns one line per problem, naming the file.
    """
    problems: list[str] = []
    for rule_path in rule_files(Path(rules_dir)):
        stem = rule_path.name[: -len(rule_path.suffix)]
        cases_path = rule_path.with_name(stem + CASES_SUFFIX)
        if not cases_path.is_file():
            problems.append(f"{rule_path}: no case file {cases_path.name} beside it")
            continue
        try:
            cases = load_case_file(cases_path).cases
        except RuleFileError as error:
            problems.append(str(error))
            continue
        if not any(case.expect for case in cases):
            problems.append(f"{cases_path}: no positive case (one with findings in 'expect')")
        if not any(not case.expect for case in cases):
            problems.append(f"{cases_path}: no negative case (one with 'expect: []')")
    return problems
