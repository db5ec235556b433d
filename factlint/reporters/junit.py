"""`--format junit`: JUnit XML for CI test views: one test case per document, one failure per
finding, one error per unreadable input."""

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
    lines.extend(f"    evidence: {e.path}:{e.line}:{e.column}: {e.text}" for e in finding.evidence)
    if finding.fix is not None:
        label = "fix" if finding.fix.safe else "fix (unsafe)"
        lines.append(f"    {label}: replace with '{finding.fix.replacement}'")
    return _clean("\n".join(lines))


def render_junit(report: Report) -> str:
    by_path: dict[str, list[Finding]] = {path: [] for path in report.paths}
    for finding in report.findings:
        by_path.setdefault(finding.path, []).append(finding)
    counts = {
        "tests": str(len(by_path) + len(report.errors)),
        "failures": str(len(report.findings)),
        "errors": str(len(report.errors)),
    }
    root = ET.Element("testsuites", {"name": "factlint", **counts})
    suite = ET.SubElement(root, "testsuite", {"name": "factlint", **counts, "skipped": "0"})
    for path, findings in by_path.items():
        case = ET.SubElement(
            suite, "testcase", {"classname": "factlint", "name": _clean(path), "file": _clean(path)}
        )
        for finding in findings:
            failure = ET.SubElement(
                case,
                "failure",
                {
                    "type": finding.code,
                    "message": _clean(f"{finding.line}:{finding.column}: {finding.message}"),
                },
            )
            failure.text = _details(finding)
    for error in report.errors:
        where = error.split(": ", 1)[0]
        case = ET.SubElement(suite, "testcase", {"classname": "factlint", "name": _clean(where)})
        ET.SubElement(case, "error", {"type": "input", "message": _clean(error)})
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
