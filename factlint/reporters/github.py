"""`--format github`: GitHub Actions workflow commands, shown as annotations on the diff.

    ::warning file=a.md,line=3,col=5,endLine=3,endColumn=13,title=FL301::message

Values are escaped as the Actions toolkit does: `%`, CR and LF in the message; in properties
also `:` and `,`. Evidence and the fix follow the message on their own (escaped) lines.
"""

from __future__ import annotations

from factlint.findings.model import Finding
from factlint.reporters.base import Report

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _message(finding: Finding) -> str:
    lines = [finding.message]
    if finding.document is not None:
        lines.append(f"document: {finding.document}")
    lines.extend(f"evidence: {e.path}:{e.line}:{e.column}: {e.text}" for e in finding.evidence)
    if finding.more_evidence:
        lines.append(f"evidence: +{finding.more_evidence} more")
    if finding.fix is not None:
        label = "fix" if finding.fix.safe else "fix (unsafe)"
        lines.append(f"{label}: replace with '{finding.fix.replacement}'")
    return "\n".join(lines)


def annotation(finding: Finding) -> str:
    properties = {
        "file": finding.path,
        "line": str(finding.line),
        "col": str(finding.column),
        "endLine": str(finding.end_line),
        "endColumn": str(finding.end_column),
        "title": finding.code,
    }
    rendered = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{COMMANDS[finding.severity.value]} {rendered}::{escape_data(_message(finding))}"


def render_github(report: Report) -> str:
    lines = [annotation(f) for f in report.findings]
    lines.extend(f"::error::{escape_data(error)}" for error in report.errors)
    return "".join(line + "\n" for line in lines)
