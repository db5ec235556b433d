"""`--format rdjson`: reviewdog's Diagnostic Format (`reviewdog -f=rdjson`).

One diagnostic per finding with its range, severity, rule code, the fix as a suggestion and
the evidence as related locations, so reviewdog can comment on a pull request and offer the
replacement.
"""

from __future__ import annotations

import json
from typing import Any

from factlint.findings.fingerprint import normalise_path
from factlint.findings.model import Evidence, Finding
from factlint.reporters.base import Report

SEVERITIES = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


def _range(line: int, column: int, end_line: int, end_column: int) -> dict[str, Any]:
    return {
        "start": {"line": line, "column": column},
        "end": {"line": end_line, "column": end_column},
    }


def _related(evidence: Evidence) -> dict[str, Any]:
    end = evidence.column + len(evidence.text)
    return {
        "message": f"evidence: {evidence.text}",
        "location": {
            "path": normalise_path(evidence.path),
            "range": _range(evidence.line, evidence.column, evidence.line, end),
        },
    }


def _diagnostic(finding: Finding) -> dict[str, Any]:
    where = _range(finding.line, finding.column, finding.end_line, finding.end_column)
    message = finding.message
    if finding.document is not None:
        message += f" (document {finding.document})"
    diagnostic: dict[str, Any] = {
        "message": message,
        "location": {"path": normalise_path(finding.path), "range": where},
        "severity": SEVERITIES[finding.severity.value],
        "code": {"value": finding.code},
        "original_output": f"{finding.path}:{finding.line}:{finding.column}: {finding.message}",
    }
    if finding.fix is not None:
        diagnostic["suggestions"] = [{"range": where, "text": finding.fix.replacement}]
    if finding.evidence:
        diagnostic["related_locations"] = [_related(e) for e in finding.evidence]
    return diagnostic


def render_rdjson(report: Report) -> str:
    payload = {
        "source": {"name": "factlint"},
        "diagnostics": [_diagnostic(f) for f in report.findings],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
