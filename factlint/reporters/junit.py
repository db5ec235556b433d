"""`--format junit`: JUnit XML for CI test views, shaped as Ruff writes it.

One `<testsuite>` per file; one `<testcase>` per finding, with one `<failure>` (Jenkins, Azure
DevOps and most JUnit viewers show only the first failure of a test case); a file without
findings gets one passing test case, so the view lists every file checked; an unreadable input
is a test suite whose one test case has an `<error>`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from factlint.findings.model import Finding
from factlint.reporters.base import Report

# Characters XML 1.0 cannot carry, even escaped.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(value: str) -> str:
    return _INVALID_XML.sub("\ufffd", value)


def _details(finding: Finding) -> str:
    lines = [f"{finding.path}:{finding.line}:{finding.column}: {finding.code} {finding.message}"]
    if finding.document is not None:
        lines.append(f"    document: {finding.document}")
    lines.extend(f"    evidence: {e.path}:{e.line}:{e.column}: {e.text}" for e in finding.evidence)
    if finding.more_evidence:
        lines.append(f"    evidence: +{finding.more_evidence} more")
    if finding.fix is not None:
        label = "fix" if finding.fix.safe else "fix (unsafe)"
        lines.append(f"    {label}: replace with '{finding.fix.replacement}'")
    return _clean("\n".join(lines))


def _files(report: Report) -> dict[str, list[Finding]]:
    """Findings by file, files in the order they were read (a JSONL file once)."""
    files: dict[str, list[Finding]] = {}
    for path in report.paths:
        doc = report.document(path)
        files.setdefault(doc.file if doc is not None else path, [])
    for finding in report.findings:
        files.setdefault(finding.path, []).append(finding)
    return files


def _suite(root: ET.Element, name: str, tests: int, failures: int, errors: int) -> ET.Element:
    counts = {"tests": str(tests), "failures": str(failures), "errors": str(errors)}
    return ET.SubElement(root, "testsuite", {"name": _clean(name), **counts, "skipped": "0"})


def _case(suite: ET.Element, path: str, finding: Finding) -> None:
    case = ET.SubElement(
        suite,
        "testcase",
        {
            "classname": _clean(path),
            "name": f"{finding.code} {finding.rule}",
            "file": _clean(path),
            "line": str(finding.line),
            "column": str(finding.column),
        },
    )
    failure = ET.SubElement(
        case,
        "failure",
        {
            "type": finding.code,
            "message": _clean(f"{finding.line}:{finding.column}: {finding.message}"),
        },
    )
    failure.text = _details(finding)


def render_junit(report: Report) -> str:
    files = _files(report)
    tests = sum(max(len(found), 1) for found in files.values()) + len(report.errors)
    root = ET.Element(
        "testsuites",
        {
            "name": "factlint",
            "tests": str(tests),
            "failures": str(len(report.findings)),
            "errors": str(len(report.errors)),
        },
    )
    for path, findings in files.items():
        suite = _suite(root, path, max(len(findings), 1), len(findings), 0)
        for finding in findings:
            _case(suite, path, finding)
        if not findings:
            attributes = {"classname": _clean(path), "name": "no findings", "file": _clean(path)}
            ET.SubElement(suite, "testcase", attributes)
    for error in report.errors:
        where = error.split(": ", 1)[0]
        suite = _suite(root, where, 1, 0, 1)
        case = ET.SubElement(suite, "testcase", {"classname": _clean(where), "name": "input"})
        ET.SubElement(case, "error", {"type": "input", "message": _clean(error)})
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
