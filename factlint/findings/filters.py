"""Which findings reach the report: select/ignore, per-file ignores, inline suppressions.

Order matters: findings of rules turned off for a file go first, then inline suppressions
(recording which comments were used), then the findings-phase rules (`RuleKind.phase`; FL901
reports the comments nothing used). Baselines and the fail level come after, in the CLI.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from factlint.diagnostics import Finding, Severity, sort_findings
from factlint.documents.suppressions import Suppression
from factlint.errors import ConfigError
from factlint.facts.model import FactSet
from factlint.rules.base import FindingsPhase
from factlint.rules.loader import Rule

SELECTOR = re.compile(r"^[A-Z]{2,4}[0-9]{0,3}$")


def parse_selectors(values: Iterable[str], where: str) -> tuple[str, ...]:
    """Codes and prefixes from config lists or comma-separated CLI values, upper-cased."""
    selectors: list[str] = []
    for value in values:
        for part in re.split(r"[\s,]+", value.strip()):
            if not part:
                continue
            code = part.upper()
            if not SELECTOR.match(code):
                raise ConfigError(
                    f"'{part}' is not a rule code or prefix (like FL301 or FL3)", where
                )
            selectors.append(code)
    return tuple(dict.fromkeys(selectors))


def _longest(code: str, selectors: Iterable[str]) -> int:
    return max((len(s) for s in selectors if code.startswith(s)), default=-1)


@dataclass
class RuleSelection:
    """select/ignore/per-file-ignores. The more specific selector wins, as in ruff:
    `select = ["FL3"]` with `ignore = ["FL301"]` runs every FL3xx rule but FL301, and
    `select = ["FL301"]` with `ignore = ["FL3"]` runs FL301. On a tie, ignore wins."""

    # None: every rule.
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    # Glob (relative to `base_dir`; without '/' it matches the file name anywhere) -> codes.
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    base_dir: Path = field(default_factory=Path.cwd)

    def rule_enabled(self, code: str) -> bool:
        selected = 0 if self.select is None else _longest(code, self.select)
        return selected >= 0 and selected > _longest(code, self.ignore)

    def _relative(self, path: str) -> str:
        try:
            return Path(os.path.abspath(path)).relative_to(self.base_dir.resolve()).as_posix()
        except ValueError:
            return PurePosixPath(path.replace("\\", "/")).as_posix()

    def ignored_in(self, path: str) -> tuple[str, ...]:
        if not self.per_file_ignores:
            return ()
        relative = self._relative(path)
        name = PurePosixPath(relative).name
        codes: list[str] = []
        for pattern, ignored in self.per_file_ignores.items():
            target = relative if "/" in pattern else name
            if fnmatch.fnmatchcase(target, pattern) or fnmatch.fnmatchcase(relative, pattern):
                codes.extend(ignored)
        return tuple(codes)

    def enabled_for(self, code: str, path: str) -> bool:
        if not self.rule_enabled(code):
            return False
        return not any(code.startswith(prefix) for prefix in self.ignored_in(path))

    def check_ignored(self, codes: Sequence[str], where: str) -> None:
        """An `ignore` entry that matches no loaded rule is a typo too: say so, as for select."""
        for selector in self.ignore:
            if not any(code.startswith(selector) for code in codes):
                raise ConfigError(
                    f"ignore: '{selector}' matches no rule (see `factlint rules`)", where
                )

    def check_known(self, codes: Sequence[str], where: str) -> None:
        """A `select` entry that matches no loaded rule is a typo: say so."""
        for selector in self.select or ():
            if not any(code.startswith(selector) for code in codes):
                raise ConfigError(
                    f"select: '{selector}' matches no rule (see `factlint rules`)", where
                )


@dataclass
class Filtered:
    findings: list[Finding]
    # Findings hidden by inline suppression comments.
    suppressed: int = 0


def _suppress(
    findings: Iterable[Finding], facts: FactSet, used: set[tuple[str, int]]
) -> tuple[list[Finding], int]:
    kept: list[Finding] = []
    hidden = 0
    for finding in findings:
        hits = [
            index
            for index, suppression in enumerate(facts.suppressions_of(finding.path))
            if suppression.covers(finding.code, finding.line, finding.end_line)
        ]
        if hits:
            hidden += 1
            used.update((finding.path, index) for index in hits)
        else:
            kept.append(finding)
    return kept, hidden


def filter_findings(
    findings: Iterable[Finding],
    facts: FactSet,
    rules: Sequence[Rule],
    selection: RuleSelection,
    silenced: Iterable[tuple[str, int]] = (),
) -> Filtered:
    """Apply the selection and the inline suppressions, then run the findings-phase rules.

    `rules` are the rules that ran (already selected), findings-phase ones included: FL901
    reports the comments that silenced nothing and name a rule that ran (or no rule).
    `silenced` are the comments that kept facts from a rule comparing documents: used too,
    whatever the other files of the run, since those facts are what they silence.
    """
    enabled = [f for f in findings if selection.enabled_for(f.code, f.path)]
    used: set[tuple[str, int]] = set(silenced)
    kept, hidden = _suppress(enabled, facts, used)

    late = [rule for rule in rules if rule.kind.phase == "findings"]
    run = FindingsPhase(
        codes=tuple(rule.spec.code for rule in rules if rule not in late),
        enabled=selection.enabled_for,
        used=frozenset(used),
    )
    for rule in late:
        for finding in rule.kind.check_findings(facts, run):
            if _named_by_comment(finding, facts.suppressions_of(finding.path)):
                hidden += 1
            else:
                kept.append(finding)
    return Filtered(findings=sort_findings(kept), suppressed=hidden)


def _named_by_comment(finding: Finding, comments: Sequence[Suppression]) -> bool:
    """Only a comment naming a findings-phase rule silences its finding: a comment without
    codes would silence FL901's report of itself. The comment a finding stands on is not one."""
    return any(
        other.codes
        and (other.line, other.column) != (finding.line, finding.column)
        and other.covers(finding.code, finding.line, finding.line)
        for other in comments
    )


def fails(findings: Iterable[Finding], level: Severity) -> bool:
    """True when a finding is at or above `level` (the exit status is then 1)."""
    return any(f.severity.rank >= level.rank for f in findings)
