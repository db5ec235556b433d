"""pytest plugin (entry point `pytest11: factlint`): every `*.cases.yaml` is a test file.

Each case becomes one test item that runs only the rule file beside the case file; a
failure prints expected vs actual findings with the document lines they stand on. Imports of
the rest of factlint are deferred so pytest runs without case files pay nothing for them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from factlint.rules.loader import Rule
    from factlint.testing.model import Case
    from factlint.testing.report import CaseResult

CASES_SUFFIX = ".cases.yaml"
MODEL_MARKER = "model: needs the spaCy English model (factlint rule cases run the NLP pass)"


def pytest_configure(config: pytest.Config) -> None:
    # Registered here too so `--strict-markers` works in projects that only have rule cases.
    config.addinivalue_line("markers", MODEL_MARKER)


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.name.endswith(CASES_SUFFIX):
        return RuleCasesFile.from_parent(parent, path=file_path)
    return None


def _relative(message: str, root: Path) -> str:
    """Absolute paths under the rootdir shown as the user types them."""
    return message.replace(str(root) + "/", "")


class CaseFailed(Exception):
    def __init__(self, result: CaseResult) -> None:
        super().__init__(result.case.name)
        self.result = result


class RuleCasesFile(pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        from factlint.errors import FactlintError
        from factlint.testing.cases import load_case_file, load_rule_beside

        try:
            cases = load_case_file(self.path)
            rule = load_rule_beside(self.path)
        except FactlintError as error:
            raise self.CollectError(_relative(str(error), self.config.rootpath)) from None
        for case in cases.cases:
            yield RuleCaseItem.from_parent(self, name=case.name, case=case, rule=rule)


class RuleCaseItem(pytest.Item):
    def __init__(self, *, case: Case, rule: Rule, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.case = case
        self.rule = rule
        self.add_marker(pytest.mark.model)

    def runtest(self) -> None:
        from factlint.testing.cases import run_case

        result = run_case(self.case, self.rule)
        if not result.passed:
            raise CaseFailed(result)

    def repr_failure(
        self,
        excinfo: pytest.ExceptionInfo[BaseException],
        style: Any = None,
    ) -> Any:
        from factlint.errors import FactlintError

        root = self.config.rootpath
        if isinstance(excinfo.value, CaseFailed):
            case_file = self.nodeid.rsplit("::", 1)[0]
            rule_file = _relative(str(self.rule.path), root)
            return excinfo.value.result.report(case_file, rule_file)
        if isinstance(excinfo.value, FactlintError):
            return f"factlint: error: {_relative(str(excinfo.value), root)}"
        return super().repr_failure(excinfo, style)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, self.case.line - 1, f"{self.rule.spec.code} case: {self.name}"
