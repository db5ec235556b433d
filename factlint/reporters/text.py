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
        if f.more_evidence:
            lines.append(f"    evidence: +{f.more_evidence} more")
        fix = _fix_line(f)
        if fix is not None:
            lines.append(fix)
    if not report.quiet:
        lines.append(_tail(report))
    return "".join(line + "\n" for line in lines)


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


GUTTER = 8  # "  123 │ " before a quoted line


def excerpt_window(line: str, start: int, length: int, width: int) -> tuple[str, int]:
    """The part of `line` that fits in `width` columns around the span at `start` (0-based),
    with an ellipsis where it is cut, and where the span now starts."""
    if len(line) <= width:
        return line, start
    room = max(width - 2, length, 1)  # two columns for the ellipses
    left = max(0, min(start - (room - length) // 2, len(line) - room))
    right = min(len(line), left + room)
    piece = line[left:right]
    head = "…" if left > 0 else ""
    tail = "…" if right < len(line) else ""
    return head + piece + tail, start - left + len(head)


def terminal_width() -> int:
    """Columns of the terminal ($COLUMNS wins), 100 when there is none."""
    import shutil

    return max(shutil.get_terminal_size((100, 24)).columns, 40)


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
        width=terminal_width(),
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
            shown, at = excerpt_window(excerpt, f.column - 1, len(f.text), console.width - GUTTER)
            quoted = Text(f"{f.line:>5} │ ", style="blue")
            quoted.append(shown)
            console.print(quoted)
            marks = Text(" " * 6 + "│ ", style="blue")
            carets = min(max(len(f.text), 1), console.width - GUTTER - at)
            marks.append(" " * at + "^" * carets, style="bold red")
            console.print(marks)
        for e in f.evidence:
            console.print(Text(_evidence(e), style="dim"))
        if f.more_evidence:
            console.print(Text(f"    evidence: +{f.more_evidence} more", style="dim"))
        fix = _fix_line(f)
        if fix is not None:
            console.print(Text(fix, style="green"))
    if not report.quiet:
        console.print(Text(_tail(report), style="bold"))
    return buffer.getvalue()


def render_text(report: Report) -> str:
    return render_rich(report) if report.color else render_plain(report)
