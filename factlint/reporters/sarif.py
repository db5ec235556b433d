"""`--format sarif`: SARIF 2.1.0 for code-scanning UIs (GitHub's upload-sarif and others).

Every rule that ran is listed in `tool.driver.rules` with its description as help; evidence
becomes `relatedLocations`; `partialFingerprints` carry a line-free fingerprint (code,
normalised text, path, occurrence) so a finding keeps its identity when lines move.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

from factlint.findings.fingerprint import FINGERPRINT_KEY, fingerprints
from factlint.findings.model import Evidence, Finding
from factlint.reporters.base import Report, RuleMeta

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


BASE_ID = "SRCROOT"
# A sentence ends at . ! or ? before a capital letter, not after an abbreviation ("e.g.").
_SENTENCE_END = re.compile(r"(?<!\be\.g)(?<!\bi\.e)(?<!\bvs)(?<!\betc)[.!?](?=\s+[A-Z(\"'“])")


def source_root(start: Path | None = None) -> Path:
    """The repository root above `start` (the working directory): the nearest folder with a
    `.git`, else `start` itself. SARIF paths are relative to it whatever the invocation."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return here


def _location(path: str, root: Path) -> dict[str, str]:
    """An artifactLocation: relative to the source root (with its base id) when below it."""
    absolute = Path(os.path.abspath(path))
    try:
        relative = absolute.relative_to(root).as_posix()
    except ValueError:
        return {"uri": absolute.as_uri()}
    return {"uri": quote(relative, safe="/"), "uriBaseId": BASE_ID}


def first_sentence(text: str, fallback: str) -> str:
    """The first sentence of a rule's prose: Markdown headings and emphasis left out."""
    lines = [line for line in text.strip().splitlines() if not line.lstrip().startswith("#")]
    paragraph = " ".join(" ".join(lines).split())
    paragraph = re.sub(r"[*_`]{1,2}([^*_`]+)[*_`]{1,2}", r"\1", paragraph)
    match = _SENTENCE_END.search(paragraph)
    sentence = paragraph[: match.start()] if match else paragraph.rstrip(".!?")
    return (sentence.strip() + ".") if sentence.strip() else fallback


def _linked_message(finding: Finding) -> str:
    """The message with its evidence linked to the related locations ("[Hmeimim](1)"), so
    code scanning shows where the other forms stand."""
    text = finding.message.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
    if finding.document is not None:
        text += f" (document {finding.document})"
    if not finding.evidence:
        return text
    links = ", ".join(
        f"[{_link_text(e.text)}]({index})" for index, e in enumerate(finding.evidence, 1)
    )
    return f"{text}. Evidence: {links}"


def _link_text(text: str) -> str:
    return " ".join(text.split()).replace("[", "(").replace("]", ")") or "here"


def _rules(report: Report) -> list[RuleMeta]:
    known = {rule.code: rule for rule in report.rules}
    for finding in report.findings:
        known.setdefault(finding.code, RuleMeta(finding.code, finding.rule, finding.severity.value))
    return sorted(known.values(), key=lambda rule: rule.code)


def _descriptor(rule: RuleMeta) -> dict[str, Any]:
    description = rule.description.strip()
    help_text = (description + "\n\n" if description else "") + (
        f"Run `factlint explain {rule.code}` for the rule's documentation."
    )
    descriptor: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": first_sentence(description, rule.name.replace("-", " "))},
        "help": {"text": help_text, "markdown": help_text},
        "defaultConfiguration": {"level": LEVELS.get(rule.severity, "warning")},
        "properties": {"tags": ["factlint", *([rule.kind] if rule.kind else [])]},
    }
    if description:
        descriptor["fullDescription"] = {"text": description}
    return descriptor


def _region(line: int, column: int, end_line: int | None, end_column: int | None) -> dict[str, int]:
    region = {"startLine": max(line, 1), "startColumn": max(column, 1)}
    if end_line is not None and end_column is not None:
        region["endLine"] = max(end_line, 1)
        region["endColumn"] = max(end_column, 1)
    return region


def _evidence(index: int, evidence: Evidence, root: Path) -> dict[str, Any]:
    single = "\n" not in evidence.text
    end = evidence.column + len(evidence.text) if single else None
    region = _region(evidence.line, evidence.column, evidence.line if single else None, end)
    region_with_snippet: dict[str, Any] = {**region, "snippet": {"text": evidence.text}}
    return {
        "id": index,
        "physicalLocation": {
            "artifactLocation": _location(evidence.path, root),
            "region": region_with_snippet,
        },
        "message": {"text": f"evidence: {evidence.text}"},
    }


def _result(finding: Finding, fingerprint: str, rule_index: int, root: Path) -> dict[str, Any]:
    region = _region(finding.line, finding.column, finding.end_line, finding.end_column)
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity.value],
        "message": {"text": _linked_message(finding)},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": _location(finding.path, root),
                    "region": {**region, "snippet": {"text": finding.text}},
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    if finding.evidence:
        result["relatedLocations"] = [
            _evidence(index, evidence, root) for index, evidence in enumerate(finding.evidence, 1)
        ]
    if finding.fix is not None:
        result["fixes"] = [
            {
                "description": {
                    "text": f"Replace with '{finding.fix.replacement}'"
                    + ("" if finding.fix.safe else " (unsafe)")
                },
                "artifactChanges": [
                    {
                        "artifactLocation": _location(finding.path, root),
                        "replacements": [
                            {
                                "deletedRegion": region,
                                "insertedContent": {"text": finding.fix.replacement},
                            }
                        ],
                    }
                ],
            }
        ]
    return result


def render_sarif(report: Report) -> str:
    rules = _rules(report)
    index = {rule.code: i for i, rule in enumerate(rules)}
    root = source_root()
    results = [_result(f, fp, index[f.code], root) for fp, f in fingerprints(report.findings)]
    invocation: dict[str, Any] = {"executionSuccessful": not report.errors}
    if report.errors:
        invocation["toolExecutionNotifications"] = [
            {"level": "error", "message": {"text": error}} for error in report.errors
        ]
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "factlint",
                        "version": report.version,
                        "semanticVersion": report.version,
                        "rules": [_descriptor(rule) for rule in rules],
                    }
                },
                "invocations": [invocation],
                "originalUriBaseIds": {BASE_ID: {"uri": root.as_uri().rstrip("/") + "/"}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
