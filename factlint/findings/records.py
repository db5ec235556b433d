"""Findings in JSONL records name the file: `path` is the file, `line`/`column` are positions in
it (the loader already maps them), and `document` names the record (its id, else its line).

Rules see one document per record, named "file.jsonl:LINE" so every document has its own
name; this step, run once after the rules, turns those names into what CI tools accept.
"""

from __future__ import annotations

from collections.abc import Iterable

from factlint.facts.model import FactSet
from factlint.findings.model import Finding


def record_location(findings: Iterable[Finding], facts: FactSet) -> list[Finding]:
    """The findings with record names replaced by their file (and `document` set)."""
    records = {d.path: d for d in facts.documents if d.record is not None}
    out: list[Finding] = []
    for finding in findings:
        if not records or not (
            finding.path in records or any(e.path in records for e in finding.evidence)
        ):
            out.append(finding)
            continue
        update: dict[str, object] = {
            "evidence": [
                e.model_copy(update={"path": records[e.path].file}) if e.path in records else e
                for e in finding.evidence
            ]
        }
        record = records.get(finding.path)
        if record is not None:
            update |= {"path": record.file, "document": record.label}
        out.append(finding.model_copy(update=update))
    return out
