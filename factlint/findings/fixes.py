"""`--fix` / `--diff`: replace flagged spans with `Finding.fix.replacement` in source files.

A fix replaces the text from `line:column` to `end_line:end_column` (end exclusive) of the
file as the user sees it. Before replacing, the file must still hold the flagged text at that
span; if it does not (edited since, or a format whose positions do not map one to one onto
the file's characters), the fix is skipped with a warning. Each file is written atomically
(temporary file, fsync, os.replace), so an interruption leaves it untouched or fully fixed.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from factlint.diagnostics import Finding, sort_findings
from factlint.io import FileChangedError, FileState, atomic_write

STDIN_PATHS = ("-", "<stdin>")
_NEWLINE = re.compile(r"\r\n|\r|\n")
_BOM = "\ufeff"


@dataclass
class Skipped:
    finding: Finding
    reason: str

    def __str__(self) -> str:
        f = self.finding
        return f"{f.path}:{f.line}:{f.column}: {f.code} fix skipped: {self.reason}"


@dataclass
class FileFix:
    """The fixes for one file: its text before and after."""

    path: str
    original: str
    fixed: str
    applied: list[Finding] = field(default_factory=list)
    bom: bool = False
    # The file as read: it is replaced only if it still is (--fix never loses appended text).
    state: FileState | None = None

    def diff(self) -> str:
        before = _NEWLINE.split(self.original)
        after = _NEWLINE.split(self.fixed)
        old, new = diff_name(f"a/{self.path}"), diff_name(f"b/{self.path}")
        lines = difflib.unified_diff(before, after, old, new, lineterm="")
        return "".join(line + "\n" for line in lines)


# Git's C-style escapes for file names (quote.c); other control bytes, DEL and every byte of
# a non-ASCII character are written as three octal digits, as with core.quotePath (default).
_C_ESCAPES = {7: "\\a", 8: "\\b", 9: "\\t", 10: "\\n", 11: "\\v", 12: "\\f", 13: "\\r"}
_C_ESCAPES.update({ord('"'): '\\"', ord("\\"): "\\\\"})


def _needs_quote(byte: int) -> bool:
    return byte < 0x20 or byte >= 0x7F or byte in (0x22, 0x5C)


def diff_name(name: str) -> str:
    """A file name for a `---`/`+++` header as git writes it: in double quotes with C escapes
    when it holds a control character, a quote, a backslash or non-ASCII (so a line break in
    a name cannot start a header of its own), and followed by a tab when it holds a space (so
    `patch` knows where the name ends)."""
    data = name.encode("utf-8", "surrogateescape")
    tab = "\t" if " " in name else ""
    if not any(_needs_quote(byte) for byte in data):
        return name + tab
    quoted = "".join(
        _C_ESCAPES.get(byte, f"\\{byte:03o}") if _needs_quote(byte) else chr(byte) for byte in data
    )
    return f'"{quoted}"{tab}'


@dataclass
class FixPlan:
    files: list[FileFix] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    # One line per input whose format cannot take fixes.
    notes: list[str] = field(default_factory=list)
    # Files that changed on disk between reading and writing: left alone, the run fails.
    changed: list[str] = field(default_factory=list)

    @property
    def applied(self) -> list[Finding]:
        return [f for file in self.files for f in file.applied]


def unfixable(path: str, stdin_name: str | None = None) -> str | None:
    """Why fixes cannot be written to the input at `path`, or None when they can.

    Positions in .txt, .md and .html documents are the file's own characters (markup is
    blanked, never removed). JSONL texts are JSON strings, where escapes shift columns, and
    standard input (also when named `stdin_name` by --stdin-filename) has no file to write
    back.
    """
    if path in STDIN_PATHS or (stdin_name is not None and path == stdin_name):
        return "standard input has no file to write back to"
    if Path(path).suffix.lower().startswith(".jsonl"):
        return "positions in JSONL records are not positions in the file (fix .txt/.md/.html)"
    return None


def outside(path: str, roots: Iterable[str]) -> str | None:
    """Why `path` may not be rewritten: its real file lies outside every given path (a
    symbolic link in an input folder pointing elsewhere), or None when it lies inside one."""
    real = os.path.realpath(path)
    for root in roots:
        top = os.path.realpath(root)
        if real == top or real.startswith(top.rstrip(os.sep) + os.sep):
            return None
    return f"it is a symbolic link to {real}, outside the given paths"


def fixable(findings: Iterable[Finding], unsafe: bool = False) -> list[Finding]:
    return [f for f in findings if f.fix is not None and (f.fix.safe or unsafe)]


def _offsets(text: str) -> list[int]:
    return [0] + [m.end() for m in _NEWLINE.finditer(text)]


def _offset(starts: list[int], text: str, line: int, column: int) -> int | None:
    if not 1 <= line <= len(starts) or column < 1:
        return None
    offset = starts[line - 1] + column - 1
    line_end = starts[line] if line < len(starts) else len(text)
    return offset if offset <= line_end else None


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the line holding `start` begins and where the line holding `end` ends (before its
    line break)."""
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    match = _NEWLINE.search(text, end)
    return line_start, match.start() if match else len(text)


def _break_at(text: str, offset: int) -> int:
    """The length of the line break at `offset` (0 when there is none)."""
    match = _NEWLINE.match(text, offset)
    return len(match.group(0)) if match else 0


def _blank_before(text: str, line_start: int) -> bool:
    """The line before the one starting at `line_start` is blank (or there is none)."""
    if line_start == 0:
        return True
    before = text[: line_start - (2 if text[:line_start].endswith("\r\n") else 1)]
    return not before[max(before.rfind("\n"), before.rfind("\r")) + 1 :].strip()


def widen_deletion(text: str, start: int, end: int) -> tuple[int, int]:
    """The span a deletion should remove so the text left is clean, as Ruff removes a noqa
    comment: a line left empty goes with its line break (and one of two blank lines it stood
    between), and the spaces before a comment at the end of a line go with it."""
    line_start, line_end = _line_bounds(text, start, end)
    before, after = text[line_start:start], text[end:line_end]
    if not before.strip() and not after.strip():
        removed_end = line_end + _break_at(text, line_end)
        if removed_end == line_end:  # the last line: take the break before it instead
            back = 2 if text[:line_start].endswith("\r\n") else int(line_start > 0)
            return line_start - back, line_end
        if _blank_before(text, line_start) and _break_at(text, removed_end):
            next_end = _NEWLINE.search(text, removed_end)
            if next_end and not text[removed_end : next_end.start()].strip():
                removed_end = next_end.end()
        return line_start, removed_end
    if not after.strip():
        return start - (len(before) - len(before.rstrip())), line_end
    if before[-1:].isspace() and after[:1].isspace():
        return start, end + (len(after) - len(after.lstrip(" \t")))
    return start, end


def _read_utf8(path: str, findings: list[Finding], plan: FixPlan) -> tuple[bytes, str] | None:
    """The file's bytes and text, or None (its findings skipped) when it cannot be fixed."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        plan.skipped.extend(Skipped(f, f"cannot read the file: {exc.strerror}") for f in findings)
        return None
    try:
        return raw, raw.decode("utf-8")
    except UnicodeDecodeError:
        plan.skipped.extend(Skipped(f, "the file is not UTF-8; fix it by hand") for f in findings)
        return None


def _fix_spans(text: str, findings: list[Finding], plan: FixPlan) -> list[tuple[int, int, Finding]]:
    """The (start, end) in `text` each fix replaces, in order; a finding whose text is no
    longer at its span, or whose span overlaps an earlier one, is skipped."""
    starts = _offsets(text)
    spans: list[tuple[int, int, Finding]] = []
    for finding in findings:
        start = _offset(starts, text, finding.line, finding.column)
        end = _offset(starts, text, finding.end_line, finding.end_column)
        if start is None or end is None or end < start or text[start:end] != finding.text:
            plan.skipped.append(
                Skipped(finding, f"the file no longer has '{finding.text}' at that span")
            )
            continue
        if finding.fix is not None and not finding.fix.replacement:
            start, end = widen_deletion(text, start, end)
        spans.append((start, end, finding))
    spans.sort(key=lambda s: (s[0], s[1]))
    chosen: list[tuple[int, int, Finding]] = []
    for start, end, finding in spans:
        if chosen and start < chosen[-1][1]:
            plan.skipped.append(Skipped(finding, "it overlaps another fix; run --fix again"))
            continue
        chosen.append((start, end, finding))
    return chosen


def _plan_file(path: str, findings: list[Finding], plan: FixPlan) -> None:
    read = _read_utf8(path, findings, plan)
    if read is None:
        return
    raw, text = read
    state = FileState.of(path, raw)
    bom = text.startswith(_BOM)
    if bom:
        text = text[1:]
    chosen = _fix_spans(text, findings, plan)
    if not chosen:
        return
    fixed = text
    for start, end, finding in reversed(chosen):
        assert finding.fix is not None
        fixed = fixed[:start] + finding.fix.replacement + fixed[end:]
    plan.files.append(
        FileFix(
            path=path,
            original=text,
            fixed=fixed,
            applied=[c[2] for c in chosen],
            bom=bom,
            state=state,
        )
    )


def plan_fixes(
    findings: Iterable[Finding],
    unsafe: bool = False,
    roots: Iterable[str] | None = None,
    stdin_name: str | None = None,
) -> FixPlan:
    """What --fix would change, file by file, without writing anything. With `roots` (the
    paths the user gave), only files whose real path lies inside one of them are fixed;
    findings on standard input (`-`, or the `stdin_name` it was given) are never fixed."""
    plan = FixPlan()
    by_path: dict[str, list[Finding]] = {}
    for finding in sort_findings(fixable(findings, unsafe)):
        by_path.setdefault(finding.path, []).append(finding)
    for path, group in by_path.items():
        reason = unfixable(path, stdin_name)
        if reason is None and roots is not None:
            reason = outside(path, roots)
        if reason is not None:
            plan.notes.append(f"{path}: {len(group)} fix(es) not applied: {reason}")
            continue
        _plan_file(path, group, plan)
    return plan


def write_fixes(plan: FixPlan) -> list[str]:
    """Write every fixed file atomically; returns one error line per file that failed.

    A file that changed since it was read is left alone and listed in `plan.changed`."""
    errors: list[str] = []
    for file in plan.files:
        payload = (_BOM if file.bom else "") + file.fixed
        try:
            atomic_write(file.path, payload.encode("utf-8"), expect=file.state)
        except FileChangedError:
            plan.changed.append(file.path)
            file.applied = []
        except OSError as exc:
            errors.append(f"{file.path}: cannot write fixes: {exc.strerror or exc}")
            file.applied = []
    return errors


def render_diff(plan: FixPlan) -> str:
    return "".join(file.diff() for file in plan.files)


# Passes `--fix` makes at most: each applies the fixes, then the documents are linted again.
MAX_FIX_PASSES = 10


@dataclass
class FixRun:
    """What `--fix` did over all its passes."""

    # The findings left after the last pass.
    findings: list[Finding]
    fixed: int = 0
    files: set[str] = field(default_factory=set)
    # Fixes skipped and inputs that cannot take fixes, as the last pass left them.
    warnings: list[str] = field(default_factory=list)
    # Files that could not be written, or changed on disk while factlint ran.
    errors: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    passes: int = 0
    settled: bool = True


def fix_until_stable(
    findings: list[Finding],
    relint: Callable[[], list[Finding]],
    unsafe: bool = False,
    roots: Iterable[str] | None = None,
    passes: int = MAX_FIX_PASSES,
    stdin_name: str | None = None,
) -> FixRun:
    """Apply fixes, lint again, repeat until a pass changes nothing (as Ruff's --fix does).

    One pass can leave work for the next: overlapping fixes, or text the first lint did not
    read (a repeated headline skipped as boilerplate keeps the old spelling until the fix
    makes it differ from its twin). `relint` returns the findings of a fresh lint.
    """
    run = FixRun(findings)
    for _ in range(passes):
        plan = plan_fixes(run.findings, unsafe, roots, stdin_name)
        run.warnings = [*plan.notes, *map(str, plan.skipped)]
        run.errors += write_fixes(plan)
        run.changed += plan.changed
        applied = plan.applied
        if not applied:
            return run
        run.passes += 1
        run.fixed += len(applied)
        run.files |= {file.path for file in plan.files if file.applied}
        run.findings = relint()
    run.settled = not fixable(run.findings, unsafe)
    return run
