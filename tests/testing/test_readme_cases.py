"""The README's case file and `lint_texts` example do what the README says they do."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from factlint.rules.loader import builtin_rules_dir
from factlint.testing import run_case_file

README = Path(__file__).resolve().parents[2] / "README.md"

pytestmark = pytest.mark.model


def section() -> str:
    return README.read_text(encoding="utf-8").split("## Writing rules and their cases", 1)[1]


def test_the_readme_case_file_passes_on_the_variant_spelling_rule(tmp_path: Path) -> None:
    cases = re.search(r"```yaml\n(.*?)```", section(), re.DOTALL)
    assert cases, "the section needs its yaml example"
    folder = tmp_path / "my_rules" / "spelling"
    folder.mkdir(parents=True)
    shutil.copy(builtin_rules_dir() / "spelling" / "FL301-variant-spelling.yml", folder / "X.yml")
    (folder / "X.cases.yaml").write_text(cases.group(1), encoding="utf-8")
    results = run_case_file(folder / "X.cases.yaml")
    assert [r.case.expect != [] for r in results] == [True, False]
    for result in results:
        assert result.passed, result.report()


def test_the_readme_python_example_runs() -> None:
    code = re.search(r"```python\n(.*?)```", section(), re.DOTALL)
    assert code, "the section needs its python example"
    example = code.group(1).split("for result in run_case_file", 1)[0]
    exec(compile(example, str(README), "exec"), {})
