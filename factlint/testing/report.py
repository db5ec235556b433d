"""The outcome of one case (`CaseResult`) and, when it failed, a readable diff: expected vs
actual findings, with the lines they stand on."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from factlint.diagnostics import Finding
from factlint.rules.loader import Rule
from factlint.testing.matching import differences
from factlint.testing.model import Case, ExpectedFinding

# Lines of document text shown before and after the line a finding stands on.
CONTEXT = 1


def describe_expected(expected: ExpectedFinding) -> str:
    where = expected.path
    if expected.line is not None:
        where += f":{expected.line}"
        if expected.column is not None:
            where += f":{expected.column}"
    parts = [where]
    if expected.column is not None and expected.line is None:
        parts.append(f"column={expected.column}")
    if expected.text is not None:
        parts.append(f"text={expected.text!r}")
    if expected.message is not None:
        parts.append(f"message=/{expected.message}/")
    if expected.evidence is not None:
        parts.append(f"evidence={expected.evidence}")
    if expected.checks_fix:
        parts.append(f"fix={expected.fix!r}")
    return " ".join(parts)


def describe_actual(finding: Finding) -> str:
    text = (
        f"{finding.code} {finding.path}:{finding.line}:{finding.column} "
        f"{finding.text!r}: {finding.message}"
    )
    if finding.evidence:
        refs = ", ".join(f"{e.path}:{e.line}:{e.column} {e.text!r}" for e in finding.evidence)
        text += f"\n      evidence: {refs}"
    if finding.fix is not None:
        safety = "safe" if finding.fix.safe else "unsafe"
        text += f"\n      fix: {finding.fix.replacement!r} ({safety})"
    return text


def excerpt(text: str, line: int, column: int | None = None, width: int = 0) -> list[str]:
    """Numbered lines around `line`, the line marked with '>' and the span underlined."""
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    if not 1 <= line <= len(lines):
        size = f"{len(lines)} line{'' if len(lines) == 1 else 's'}"
        return [f"    (line {line} is past the end: the document has {size})"]
    first, last = max(1, line - CONTEXT), min(len(lines), line + CONTEXT)
    digits = len(str(last))
    out: list[str] = []
    for number in range(first, last + 1):
        mark = ">" if number == line else " "
        out.append(f"  {mark} {number:>{digits}} | {lines[number - 1]}".rstrip())
        if number == line and column is not None:
            out.append(f"    {' ' * digits} | {' ' * (column - 1)}{'^' * max(1, width)}")
    return out


def _expected_excerpt(expected: ExpectedFinding, text: str) -> list[str]:
    if expected.line is not None:
        column = expected.column
        if column is None and expected.text:
            # Underline where the expected text stands on that line, when it does.
            lines = text.split("\n")
            found = (
                lines[expected.line - 1].find(expected.text) if expected.line <= len(lines) else -1
            )
            column = found + 1 if found >= 0 else None
        return excerpt(text, expected.line, column, len(expected.text or ""))
    if expected.text:
        for number, line in enumerate(text.split("\n"), start=1):
            column = line.find(expected.text)
            if column >= 0:
                return excerpt(text, number, column + 1, len(expected.text))
        return [f"    ({expected.text!r} does not occur in {expected.path})"]
    return []


def _finding_excerpt(finding: Finding, text: str) -> list[str]:
    width = len(finding.text) if finding.end_line == finding.line else 1
    return excerpt(text, finding.line, finding.column, width)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _source(path: str, texts: dict[str, str]) -> str:
    """The case text a finding's path comes from (a JSONL record `feed.jsonl:2` from feed.jsonl)."""
    return texts.get(path, texts.get(path.rpartition(":")[0], ""))


def render_result(result: CaseResult, case_file: str, rule_file: str) -> str:
    case, spec = result.case, result.rule.spec
    texts = {d.path: d.text for d in case.documents}
    missing, unexpected = result.missing, result.unexpected
    trouble = []
    if missing:
        trouble.append(f"{_plural(len(missing), 'expected finding')} missing")
    if unexpected:
        trouble.append(_plural(len(unexpected), "unexpected finding"))
    where = f"{case_file}:{case.line}" if case_file else f"line {case.line}"
    lines = [
        f"{spec.code} {spec.name}: case {case.name!r} failed: {', '.join(trouble) or 'ok'}",
        f"  case: {where}",
        f"  rule: {rule_file}",
        "",
        f"expected ({len(case.expect)}){':' if case.expect else ': none (expect: [])'}",
    ]
    for i, expected in enumerate(case.expect):
        sign = "-" if i in missing else " "
        note = "   <- missing" if i in missing else ""
        lines.append(f"  {sign} {describe_expected(expected)}{note}")
    lines.append(f"actual ({len(result.findings)}){':' if result.findings else ': none'}")
    for j, finding in enumerate(result.findings):
        sign = "+" if j in unexpected else " "
        note = "   <- unexpected" if j in unexpected else ""
        first, *rest = describe_actual(finding).split("\n")
        lines.append(f"  {sign} {first}{note}")
        lines.extend(rest)

    for i in missing:
        expected = case.expect[i]
        lines += ["", f"- missing: {describe_expected(expected)}"]
        near = [
            (differences(expected, result.findings[j]), result.findings[j])
            for j in unexpected
            if result.findings[j].path == expected.path
        ]
        if near:
            diffs, finding = min(near, key=lambda pair: len(pair[0]))
            lines.append(
                f"  nearest unexpected: {finding.code} {finding.path}:{finding.line}:"
                f"{finding.column} {finding.text!r}; {'; '.join(diffs)}"
            )
        lines += [f"  {expected.path}", *_expected_excerpt(expected, _source(expected.path, texts))]
    for j in unexpected:
        finding = result.findings[j]
        lines += ["", f"+ unexpected: {describe_actual(finding)}", f"  {finding.path}"]
        lines += _finding_excerpt(finding, _source(finding.path, texts))
    return "\n".join(lines)


@dataclass
class CaseResult:
    """The outcome of one case: which expected findings matched which actual ones."""

    case: Case
    rule: Rule
    findings: list[Finding]
    # expected index -> actual index, for the matched pairs
    pairs: dict[int, int] = field(default_factory=dict)

    @property
    def missing(self) -> list[int]:
        return [i for i in range(len(self.case.expect)) if i not in self.pairs]

    @property
    def unexpected(self) -> list[int]:
        matched = set(self.pairs.values())
        return [j for j in range(len(self.findings)) if j not in matched]

    @property
    def passed(self) -> bool:
        return not self.missing and not self.unexpected

    def report(self, case_file: str | Path = "", rule_file: str | Path = "") -> str:
        return render_result(self, str(case_file), str(rule_file or self.rule.path))
