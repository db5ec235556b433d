"""Match expected findings of a case to the findings a rule reported, one to one."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from factlint.findings.model import Evidence, Finding

if TYPE_CHECKING:
    from factlint.testing.cases import ExpectedFinding


def parse_evidence_ref(ref: str) -> tuple[str, int | None]:
    """ "a.txt:3" -> ("a.txt", 3); "a.txt" -> ("a.txt", None)."""
    path, _, line = ref.rpartition(":")
    if path and line.isdigit():
        return path, int(line)
    return ref, None


def _hits(ref: str, evidence: Evidence) -> bool:
    # "feed.jsonl:2" is a JSONL record's path as well as "path:line": either reading may match.
    path, line = parse_evidence_ref(ref)
    return ref == evidence.path or (path == evidence.path and line in (None, evidence.line))


def differences(expected: ExpectedFinding, actual: Finding) -> list[str]:
    """What keeps `actual` from matching `expected`, one phrase per field (empty: a match)."""
    diffs: list[str] = []
    # A JSONL record named as the loader names it ("feed.jsonl:2") is the file at that line.
    want = expected.path
    if want not in (None, actual.path) and parse_evidence_ref(want) != (actual.path, actual.line):
        diffs.append(f"path: expected {expected.path!r}, got {actual.path!r}")
    for name in ("line", "column", "text", "severity"):
        want = getattr(expected, name)
        got = getattr(actual, name)
        if want is not None and want != got:
            diffs.append(f"{name}: expected {want!r}, got {got!r}")
    if expected.checks_fix:
        got_fix = actual.fix.replacement if actual.fix is not None else None
        if expected.fix != got_fix:
            diffs.append(f"fix: expected {expected.fix!r}, got {got_fix!r}")
    if expected.message is not None and not re.search(expected.message, actual.message):
        diffs.append(f"message: {actual.message!r} does not match /{expected.message}/")
    if expected.evidence is not None:
        refs = expected.evidence
        covered = all(any(_hits(ref, ev) for ev in actual.evidence) for ref in refs)
        explained = all(any(_hits(ref, ev) for ref in refs) for ev in actual.evidence)
        if not (covered and explained):
            got_refs = [f"{ev.path}:{ev.line}" for ev in actual.evidence]
            diffs.append(f"evidence: expected {expected.evidence}, got {got_refs}")
    return diffs


def match_findings(
    expected: Sequence[ExpectedFinding], actual: Sequence[Finding]
) -> dict[int, int]:
    """A maximum one-to-one matching, expected index -> actual index (augmenting paths).

    Greedy matching could pair a loose expectation with the only finding a stricter one fits;
    augmenting paths find a full matching whenever one exists.
    """
    fits = [[j for j, f in enumerate(actual) if not differences(e, f)] for e in expected]
    owner: dict[int, int] = {}  # actual index -> expected index

    def assign(i: int, visited: set[int]) -> bool:
        for j in fits[i]:
            if j in visited:
                continue
            visited.add(j)
            if j not in owner or assign(owner[j], visited):
                owner[j] = i
                return True
        return False

    for i in range(len(expected)):
        assign(i, set())
    return {i: j for j, i in sorted(owner.items(), key=lambda item: item[1])}
