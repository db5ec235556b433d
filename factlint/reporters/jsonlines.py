"""`--format json-lines`: one finding per line, each the object of the JSON report's list."""

from __future__ import annotations

import json

from factlint.reporters.base import Report


def render_json_lines(report: Report) -> str:
    return "".join(
        json.dumps(f.model_dump(mode="json"), ensure_ascii=False) + "\n" for f in report.findings
    )
