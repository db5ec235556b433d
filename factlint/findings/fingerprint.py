"""Stable identities for findings that survive edits elsewhere in a document.

A fingerprint hashes the rule code, the flagged text (normalised), the document path and the
finding's occurrence index among findings with that same code and text in that document.
Line numbers stay out on purpose: a paragraph added above a finding must not make it new.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from factlint.diagnostics import Finding, sort_findings

FINGERPRINT_KEY = "factlint/v1"
_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """Case, Unicode compatibility forms and runs of whitespace folded."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def normalise_path(path: str, base: Path | None = None) -> str:
    """`path` in POSIX form, relative to `base` when it lies below it."""
    if base is not None and path not in ("-", "<stdin>"):
        absolute = Path(os.path.abspath(path))
        try:
            path = absolute.relative_to(Path(os.path.abspath(base))).as_posix()
        except ValueError:
            path = Path(path).as_posix()
    posix = PurePosixPath(path.replace("\\", "/")).as_posix()
    return posix[2:] if posix.startswith("./") else posix


def fingerprint(code: str, text: str, path: str, occurrence: int) -> str:
    key = "\x1f".join((code, normalise_text(text), path, str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def fingerprints(
    findings: Iterable[Finding], base: Path | None = None
) -> list[tuple[str, Finding]]:
    """(fingerprint, finding) for each finding, in report order (path, line, column)."""
    seen: Counter[tuple[str, str, str]] = Counter()
    result: list[tuple[str, Finding]] = []
    for finding in sort_findings(list(findings)):
        path = normalise_path(finding.path, base)
        key = (path, finding.code, normalise_text(finding.text))
        result.append((fingerprint(finding.code, finding.text, path, seen[key]), finding))
        seen[key] += 1
    return result
