"""`--format text`: one `path:line:col: CODE [severity] message` line per finding.

Beneath each: `    evidence: path:line:col: text` lines and a `    fix: ...` line. That plain
shape is what pipes, files and CI logs get, and what scripts parse. On a colour terminal the
same lines are styled with rich and the flagged line is quoted with the span underlined.
"""

from __future__ import annotations

import io
import os
from typing import TextIO

from factlint.findings.model import Evidence, Finding
from factlint.printable import printable
from factlint.reporters.base import Report

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def use_color(stream: TextIO) -> bool:
    """Colour on a terminal, never with NO_COLOR set, always with FORCE_COLOR set.

    Both follow their conventions (no-color.org, force-color.org): any non-empty value counts,
    and NO_COLOR wins when both are set.
    """
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _fix_line(finding: Finding) -> str | None:
    if finding.fix is None:
        return None
    label = "fix" if finding.fix.safe else "fix (unsafe)"
    return f"    {label}: replace with '{printable(finding.fix.replacement)}'"


def _head(f: Finding) -> str:
    return f"{printable(f.path)}:{f.line}:{f.column}:"


def _evidence(e: Evidence) -> str:
    return f"    evidence: {printable(e.path)}:{e.line}:{e.column}: {printable(e.text)}"


def _tail(report: Report) -> str:
    n, docs = len(report.findings), report.documents
    tail = f"Found {n} finding{'s' if n != 1 else ''} in {docs} document{'s' if docs != 1 else ''}."
    if report.errors:
        tail += f" {len(report.errors)} input error{'s' if len(report.errors) != 1 else ''}."
    extras = [
        f"{count} {label}"
        for count, label in (
            (report.suppressed, "suppressed by comments"),
            (report.baselined, "hidden by the baseline"),
            (report.fixed, "fixed"),
        )
        if count
    ]
    if extras:
        tail += " " + "; ".join(extras) + "."
    return tail


def render_plain(report: Report) -> str:
    lines: list[str] = []
    for f in report.findings:
        lines.append(f"{_head(f)} {f.code} [{f.severity.value}] {printable(f.message)}")
        if f.document is not None:
            lines.append(f"    document: {printable(f.document)}")
        lines.extend(_evidence(e) for e in f.evidence)
        fix = _fix_line(f)
        if fix is not None:
            lines.append(fix)
    lines.append(_tail(report))
    return "\n".join(lines) + "\n"


def _excerpt(report: Report, finding: Finding) -> str | None:
    """The flagged line as the facts keep it, when it still holds the flagged text."""
    if report.facts is None or finding.end_line != finding.line:
        return None
    doc = report.document(finding.path, finding.line)
    line = doc.line_text(finding.line) if doc is not None else None
    start = finding.column - 1
    if not line or line[start : start + len(finding.text)] != finding.text:
        return None
    return line.rstrip()


def render_rich(report: Report) -> str:
    from rich.console import Console
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        force_terminal=True,
        no_color=False,
        color_system="standard",
        highlight=False,
        soft_wrap=True,
        emoji=False,
        markup=False,
        width=200,
    )
    for f in report.findings:
        head = Text()
        head.append(_head(f), style="bold")
        head.append(" ")
        head.append(f.code, style=SEVERITY_STYLE[f.severity.value])
        head.append(f" [{f.severity.value}] ", style="dim")
        head.append(printable(f.message))
        console.print(head)
        if f.document is not None:
            console.print(Text(f"    document: {printable(f.document)}", style="dim"))
        excerpt = _excerpt(report, f)
        if excerpt is not None:
            gutter = f"{f.line:>5} │ "
            quoted = Text(gutter, style="blue")
            quoted.append(excerpt)
            console.print(quoted)
            marks = Text(" " * 6 + "│ ", style="blue")
            marks.append(" " * (f.column - 1) + "^" * max(len(f.text), 1), style="bold red")
            console.print(marks)
        for e in f.evidence:
            console.print(Text(_evidence(e), style="dim"))
        fix = _fix_line(f)
        if fix is not None:
            console.print(Text(fix, style="green"))
    summary = Text(_tail(report), style="bold")
    console.print(summary)
    return buffer.getvalue()


def render_text(report: Report) -> str:
    return render_rich(report) if report.color else render_plain(report)
