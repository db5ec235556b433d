"""Fixtures for testing the rule-case plugin: a throwaway project with its own rule kind."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

import pytest

pytest_plugins = ["pytester"]

# A rule kind defined in the throwaway project's conftest, so these tests do not depend on the
# built-in rules: it flags dates in one year, with the other documents' dates as evidence.
KIND_CONFTEST = '''
from factlint.errors import InputError
from factlint.rules.base import KindOptions, RuleKind, evidence_of
from factlint.rules.registry import register


class YearOptions(KindOptions):
    year: str
    replacement: str | None = None
    # Stands for a user error met while checking, e.g. an unreadable vocabulary file.
    error: str | None = None


@register("plugin_test_year")
class FlagYear(RuleKind):
    """Flags every date in `year`."""

    Options = YearOptions
    message_fields = ("year",)

    def check(self, facts):
        if self.options.error:
            raise InputError(self.options.error, "vocabulary.txt")
        for doc in facts.documents:
            for date in doc.dates:
                if date.value and date.value.startswith(self.options.year):
                    evidence = evidence_of(
                        (other, d.span)
                        for other in facts.documents
                        if other is not doc
                        for d in other.dates
                    )
                    yield self.finding(
                        doc, date.span, evidence, self.options.replacement, year=self.options.year
                    )
'''

RULE = """\
code: TS101
name: flag-year
kind: plugin_test_year
severity: warning
message: "'{text}' is in {year}"
options:
  year: "2023"
  replacement: "2024"
"""


class RuleProject:
    """A pytester folder with the kind above and rule TS101 in `rules/dates/`."""

    def __init__(self, pytester: pytest.Pytester, folder: str = "rules/dates") -> None:
        self.pytester = pytester
        self.folder = pytester.path / folder
        self.folder.mkdir(parents=True)
        pytester.makeconftest(KIND_CONFTEST)
        (self.folder / "TS101-flag-year.yml").write_text(RULE, encoding="utf-8")

    def cases(self, yaml: str) -> None:
        text = textwrap.dedent(yaml).lstrip("\n")
        (self.folder / "TS101-flag-year.cases.yaml").write_text(text, encoding="utf-8")

    def run(self, *args: str) -> pytest.RunResult:
        return self.pytester.runpytest("-p", "no:cacheprovider", *args)


@pytest.fixture(scope="session")
def _nlp_preloaded() -> None:
    """Import spaCy, the model and the rule kinds before any pytester snapshot of sys.modules.

    In-process pytester runs drop the modules they imported afterwards, and numpy (under
    spaCy) cannot be imported twice in one process.
    """
    from factlint.nlp.model import load_model
    from factlint.rules.registry import kinds

    load_model()
    kinds()  # the built-in kind modules too, so every run shares one registry


@pytest.fixture
def pytester(_nlp_preloaded: None, pytester: pytest.Pytester) -> pytest.Pytester:
    return pytester


@pytest.fixture
def make_rule_project(pytester: pytest.Pytester) -> Callable[[str], RuleProject]:
    return lambda folder: RuleProject(pytester, folder)


@pytest.fixture
def rule_project(make_rule_project: Callable[[str], RuleProject]) -> RuleProject:
    return make_rule_project("rules/dates")
