"""`--format json`: {"version", "findings", "summary"}."""

from __future__ import annotations

import json

from factlint.reporters.base import Report


def render_json(report: Report) -> str:
    payload = {
        "version": report.version,
        "findings": [f.model_dump(mode="json") for f in report.findings],
        "summary": report.summary(),
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
