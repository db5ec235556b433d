"""Lint in-memory texts: the path from text to findings that the CLI takes from files."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path, PurePosixPath

from factlint.diagnostics import Finding, sort_findings
from factlint.documents.load import load_documents
from factlint.documents.model import Document
from factlint.documents.published import resolve_published
from factlint.documents.suppressions import document_suppressions
from factlint.errors import ConfigError
from factlint.facts.model import FactSet
from factlint.findings.records import record_location
from factlint.rules.base import RuleContext
from factlint.rules.loader import Rule, load_rule_file, load_rules

_CODE = re.compile(r"^[A-Za-z]{2,4}[0-9]{3}$")


def check_relative(path: str) -> str | None:
    """Why `path` cannot name an in-memory document, or None when it can."""
    pure = PurePosixPath(path)
    if not path.strip():
        return "a document path must not be empty"
    if pure.is_absolute() or ".." in pure.parts or "\\" in path:
        return f"document path '{path}' must be relative, with '/' and without '..'"
    if "\0" in path:
        return f"document path {path!r} must not hold a NUL character"
    if any(part in ("", ".") for part in path.split("/")):
        return f"document path '{path}' must name a file, without '.' or '//' parts"
    if any(len(part.encode("utf-8", "surrogateescape")) > 255 for part in pure.parts):
        return f"document path '{path}' has a name longer than 255 bytes"
    return None


def build_documents(texts: Sequence[tuple[str, str, date | None]]) -> list[Document]:
    """Documents for (path, text, published) triples, read by the real loaders.

    Each text is written under a temporary folder at its relative path and loaded the way
    `factlint check` loads files, so front matter, markup and "Published:" lines behave as they
    do on disk; the temporary prefix is then cut from every document path. A given `published`
    date wins over one the loader found.
    """
    documents: list[Document] = []
    with tempfile.TemporaryDirectory(prefix="factlint-texts-") as tmp:
        root = Path(tmp)
        prefix = str(root) + "/"
        for path, text, published in texts:
            problem = check_relative(path)
            if problem is not None:
                raise ConfigError(problem)
            file = root / path
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(text, encoding="utf-8")
            loaded = load_documents([str(file)]) or [_unloaded(str(file), text)]
            for document in loaded:
                if document.path.startswith(prefix):
                    document.path = document.path[len(prefix) :]
                if published is not None:
                    document.published = published
                    document.published_source = None
                    document.published_text = None
                    document.published_partial = None
                documents.append(document)
    return documents


def _unloaded(path: str, text: str) -> Document:
    """A document for a text no loader made one of, its comments read as a loader's are."""
    document = Document(path=path, text=text)
    document.suppressions = document_suppressions(document)
    return document


def extract_facts(documents: list[Document], reference_date: date | None = None) -> FactSet:
    """Publication dates resolved across the set, then the NLP pass (loads the spaCy model)."""
    from factlint.facts.extract import extract
    from factlint.nlp.model import load_model

    resolve_published(documents, reference_date)
    if not documents:
        return FactSet()
    return FactSet.of(extract(documents, load_model()), documents)


def check_rules(facts: FactSet, rules: Sequence[Rule]) -> list[Finding]:
    findings: list[Finding] = []
    for rule in rules:
        findings.extend(rule.kind.check(facts))
    return sort_findings(record_location(findings, facts))


def select_rules(
    rules: Sequence[str | Path] | None = None,
    rules_dirs: Sequence[str | Path] | None = None,
) -> list[Rule]:
    """The rules `lint_texts` runs.

    `rules=None` runs the built-in rules plus those in `rules_dirs`. Otherwise each item is
    either a rule code ("FL301", picked from the built-in rules and `rules_dirs`) or the path
    of a rule folder or rule file, whose rules run (without the built-in ones).
    """
    extra = [Path(d) for d in rules_dirs or []]
    if rules is None:
        return load_rules(extra)
    if isinstance(rules, (str, Path)):
        raise ConfigError("rules must be a list of rule codes or rule paths, not a single value")
    codes = [r.upper() for r in rules if isinstance(r, str) and _CODE.match(r)]
    paths = [Path(r) for r in rules if not (isinstance(r, str) and _CODE.match(r))]
    selected: list[Rule] = []
    if codes:
        pool = {rule.spec.code: rule for rule in load_rules(extra)}
        unknown = [code for code in codes if code not in pool]
        if unknown:
            raise ConfigError(f"unknown rule code(s): {', '.join(unknown)}")
        selected.extend(pool[code] for code in dict.fromkeys(codes))
    context = RuleContext()
    for path in paths:
        if path.is_dir():
            selected.extend(load_rules([path], context, include_builtin=False))
        elif path.is_file():
            selected.append(load_rule_file(path, context))
        else:
            raise ConfigError("no such rule file or folder", str(path))
    return sorted(selected, key=lambda rule: rule.spec.code)


def lint_texts(
    texts: Mapping[str, str],
    published: Mapping[str, date] | None = None,
    rules: Sequence[str | Path] | None = None,
    rules_dirs: Sequence[str | Path] | None = None,
    reference_date: date | None = None,
) -> list[Finding]:
    """The findings of the selected rules on in-memory documents, sorted.

    Documents are read by the loaders `factlint check` uses; suppression comments,
    configuration files and baselines are not applied: this is what the rules themselves say.

    `texts` maps a relative path (its suffix picks the format: .txt, .md, .html...) to the
    document's text; `published` gives publication dates by path; `reference_date` is the
    publication date of documents that have none. See `select_rules` for `rules`.
    """
    published = dict(published or {})
    strays = sorted(set(published) - set(texts))
    if strays:
        raise ConfigError(f"published dates for unknown document(s): {', '.join(strays)}")
    selected = select_rules(rules, rules_dirs)
    documents = build_documents([(path, text, published.get(path)) for path, text in texts.items()])
    return check_rules(extract_facts(documents, reference_date), selected)
