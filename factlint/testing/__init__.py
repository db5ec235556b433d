"""Test rules from Python: lint in-memory texts and run case files.

    from factlint.testing import lint_texts
    findings = lint_texts({"a.txt": "...", "b.txt": "..."}, rules=["FL301"])

Names are imported on first use: pytest imports this package for its plugin in every run.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factlint.testing.cases import audit_cases, load_case_file, run_case, run_case_file
    from factlint.testing.model import Case, CaseDocument, CaseFile, ExpectedFinding
    from factlint.testing.report import CaseResult
    from factlint.testing.texts import lint_texts, select_rules

_EXPORTS = {
    "Case": "model",
    "CaseDocument": "model",
    "CaseFile": "model",
    "CaseResult": "report",
    "ExpectedFinding": "model",
    "audit_cases": "cases",
    "load_case_file": "cases",
    "run_case": "cases",
    "run_case_file": "cases",
    "lint_texts": "texts",
    "select_rules": "texts",
}

__all__ = [
    "Case",
    "CaseDocument",
    "CaseFile",
    "CaseResult",
    "ExpectedFinding",
    "audit_cases",
    "lint_texts",
    "load_case_file",
    "run_case",
    "run_case_file",
    "select_rules",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'factlint.testing' has no attribute {name!r}")
    return getattr(importlib.import_module(f"factlint.testing.{module}"), name)
