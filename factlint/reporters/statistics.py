"""`--statistics`: how many findings each rule reported, instead of the findings."""

from __future__ import annotations

import json
from collections import Counter

from factlint.reporters.base import Report


def statistics(report: Report) -> list[dict[str, object]]:
    """One row per rule with findings: most findings first, then by code."""
    counts = Counter((f.code, f.rule, f.severity.value) for f in report.findings)
    rows = [
        {"code": code, "name": name, "severity": severity, "count": count}
        for (code, name, severity), count in counts.items()
    ]
    return sorted(rows, key=lambda row: (-int(str(row["count"])), str(row["code"])))


def render_statistics_text(report: Report) -> str:
    rows = statistics(report)
    width = max((len(str(row["count"])) for row in rows), default=1)
    name_width = max((len(str(row["name"])) for row in rows), default=4)
    lines = [
        f"{row['count']:>{width}}  {row['code']}  {row['name']:<{name_width}}  {row['severity']}"
        for row in rows
    ]
    total = len(report.findings)
    lines.append(f"Found {total} finding{'s' if total != 1 else ''} from {len(rows)} rule"
                 f"{'s' if len(rows) != 1 else ''}.")  # fmt: skip
    return "\n".join(lines) + "\n"


def render_statistics_json(report: Report) -> str:
    payload = {"version": report.version, "statistics": statistics(report)}
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
