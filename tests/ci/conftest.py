"""Fixtures for the CI-facing features: a tiny word-spotting rule kind and a project folder.

The `ci_word` kind finds a fixed word by reading the document's file itself, so findings here
never depend on the NLP model or on the built-in rules (runs use `--select CI`); only
suppression comments and paths come from the facts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factlint.cli import app
from factlint.diagnostics import Finding
from factlint.facts.model import FactSet, Span
from factlint.rules import registry
from factlint.rules.base import RuleKind, evidence_of
from factlint.rules.model import KindOptions


class WordOptions(KindOptions):
    word: str = ""
    replacement: str | None = None
    safe: bool = True
    # Every occurrence of this word in any document becomes evidence.
    evidence: str | None = None


class WordKind(RuleKind):
    """Test kind: flags every occurrence of `word` (and the vocabulary's `canonical` variants
    when `word` is empty), reading the document's file directly."""

    Options = WordOptions

    def _lines(self, path: str) -> list[str]:
        file = Path(path)
        return file.read_text(encoding="utf-8").split("\n") if file.is_file() else []

    def _spans(self, path: str, word: str) -> Iterator[Span]:
        for number, line in enumerate(self._lines(path), start=1):
            for match in re.finditer(rf"\b{re.escape(word)}\b", line):
                yield Span(
                    text=match.group(0),
                    start=0,
                    end=0,
                    line=number,
                    column=match.start() + 1,
                    end_line=number,
                    end_column=match.end() + 1,
                )

    def check(self, facts: FactSet) -> Iterable[Finding]:
        options = self.options
        assert isinstance(options, WordOptions)
        evidence = evidence_of(
            (doc, s)
            for doc in facts.documents
            for s in (self._spans(doc.path, options.evidence) if options.evidence else [])
        )
        pairs = (
            [(options.word, options.replacement)]
            if options.word
            else list(self.context.vocabulary.canonical.items())
        )
        for doc in facts.documents:
            for word, replacement in pairs:
                for span in self._spans(doc.path, word):
                    yield self.finding(
                        doc, span, evidence, replacement=replacement, safe_fix=options.safe
                    )


@pytest.fixture
def ci_kind() -> Iterator[type[RuleKind]]:
    """`kind: ci_word`, registered for one test and removed after it."""
    registry.kinds()  # load the built-in kinds first, so ours is only added
    registry.register("ci_word")(WordKind)
    yield WordKind
    registry._KINDS.pop("ci_word", None)


RULES = {
    "CI101-khmeimim.yml": """\
code: CI101
name: khmeimim
kind: ci_word
severity: warning
message: "'{text}' is spelled Hmeimim in the other articles"
description: |
  Test rule. Flags Khmeimim.

  Fix: write Hmeimim.
options: {word: Khmeimim, replacement: Hmeimim, evidence: Hmeimim}
""",
    "CI102-latakia.yml": """\
code: CI102
name: latakia
kind: ci_word
severity: error
message: "'{text}' should be Lattakia"
options: {word: Latakia, replacement: Lattakia, safe: false}
""",
    "CI201-moscow.yml": """\
code: CI201
name: moscow
kind: ci_word
severity: info
message: "'{text}' is mentioned"
options: {word: Moscow}
""",
}


@dataclass
class Outcome:
    exit_code: int
    stdout: str
    stderr: str


@dataclass
class Project:
    root: Path

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def check(self, *args: str) -> Outcome:
        result = CliRunner().invoke(app, ["check", *args])
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Outcome(result.exit_code, result.stdout, result.stderr)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ci_kind: type[RuleKind]) -> Project:
    """A folder with the CI1xx/CI2xx test rules in `rules/`, made the working directory."""
    root = tmp_path / "project"
    for name, text in RULES.items():
        (root / "rules").mkdir(parents=True, exist_ok=True)
        (root / "rules" / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(root)
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    return Project(root)
