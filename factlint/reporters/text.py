"""`--format text`: one `path:line:col: CODE message` line per finding, evidence beneath."""

from __future__ import annotations

from factlint.reporters.base import Report

SEVERITY_STYLE = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
RESET = "\x1b[0m"
BOLD = "\x1b[1m"
DIM = "\x1b[2m"


def render_text(report: Report) -> str:
    lines: list[str] = []
    for f in report.findings:
        location = f"{f.path}:{f.line}:{f.column}:"
        code = f"{f.code}"
        if report.color:
            location = f"{BOLD}{location}{RESET}"
            code = f"{SEVERITY_STYLE[f.severity.value]}{code}{RESET}"
        lines.append(f"{location} {code} [{f.severity.value}] {f.message}")
        for e in f.evidence:
            evidence = f"    evidence: {e.path}:{e.line}:{e.column}: {e.text}"
            lines.append(f"{DIM}{evidence}{RESET}" if report.color else evidence)
        if f.fix is not None:
            label = "fix" if f.fix.safe else "fix (unsafe)"
            lines.append(f"    {label}: replace with '{f.fix.replacement}'")
    summary = report.summary()
    n = summary["findings"]
    docs = summary["documents"]
    tail = f"Found {n} finding{'s' if n != 1 else ''} in {docs} document{'s' if docs != 1 else ''}."
    if report.errors:
        tail += f" {len(report.errors)} input error{'s' if len(report.errors) != 1 else ''}."
    lines.append(tail)
    return "\n".join(lines) + "\n"
