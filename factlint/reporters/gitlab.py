"""`--format gitlab`: a GitLab Code Quality report (the `codequality` artifact of a CI job).

A JSON array of issues, each with `description`, `check_name`, a `fingerprint` that keeps its
identity when lines move (the SARIF one), a `severity` (GitLab's info/minor/major) and a
`location` with the path and the line and column range.
"""

from __future__ import annotations

import json
from typing import Any

from factlint.findings.fingerprint import fingerprints, normalise_path
from factlint.findings.model import Finding
from factlint.reporters.base import Report

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def _issue(fingerprint: str, finding: Finding) -> dict[str, Any]:
    description = f"{finding.code} {finding.message}"
    if finding.document is not None:
        description += f" (document {finding.document})"
    return {
        "type": "issue",
        "check_name": f"{finding.code} {finding.rule}",
        "description": description,
        "categories": ["Style"],
        "fingerprint": fingerprint,
        "severity": SEVERITIES[finding.severity.value],
        "location": {
            "path": normalise_path(finding.path),
            "positions": {
                "begin": {"line": finding.line, "column": finding.column},
                "end": {"line": finding.end_line, "column": finding.end_column},
            },
        },
    }


def render_gitlab(report: Report) -> str:
    issues = [_issue(fp, finding) for fp, finding in fingerprints(report.findings)]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
