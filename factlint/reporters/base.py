"""What every reporter receives."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from factlint import __version__
from factlint.facts.model import DocumentFacts, FactSet
from factlint.findings.model import Finding


@dataclass(frozen=True)
class RuleMeta:
    """What a reporter may say about a rule (SARIF lists every rule that ran, with help)."""

    code: str
    name: str
    severity: str
    description: str = ""
    kind: str = ""


@dataclass
class Report:
    findings: list[Finding]
    documents: int
    errors: list[str] = field(default_factory=list)
    # Document paths in the order they were read (junit needs one case per document).
    paths: list[str] = field(default_factory=list)
    color: bool = False
    # The documents' facts, for reporters that show sentences and dates (html); None in tests
    # and callers that only have findings.
    facts: FactSet | None = None
    # The rules that ran; empty when the caller only has findings.
    rules: list[RuleMeta] = field(default_factory=list)
    # Findings hidden by inline suppression comments, by the baseline, and fixed by --fix.
    suppressed: int = 0
    baselined: int = 0
    fixed: int = 0
    # --quiet: the findings only, no summary line.
    quiet: bool = False
    # With `check --against`: archive documents indexed and consulted ({"documents", "consulted"}).
    archive: dict[str, int] | None = None
    _by_path: dict[str, DocumentFacts] | None = field(default=None, init=False, repr=False)

    def document(self, path: str, line: int | None = None) -> DocumentFacts | None:
        """The facts of the document at `path` (a JSONL file: its record on `line`); None when
        the report has no facts for it."""
        if self.facts is None:
            return None
        if self._by_path is None:
            self._by_path = {d.path: d for d in self.facts.documents}
        found = self._by_path.get(path)
        if found is None and line is not None:
            found = self._by_path.get(f"{path}:{line}")
        return found

    def summary(self) -> dict[str, object]:
        by_severity = Counter(f.severity.value for f in self.findings)
        by_rule = Counter(f"{f.code} {f.rule}" for f in self.findings)
        return {
            "documents": self.documents,
            "findings": len(self.findings),
            "errors": len(self.errors),
            "by_severity": {
                k: by_severity[k] for k in ("error", "warning", "info") if by_severity[k]
            },
            "by_rule": dict(sorted(by_rule.items())),
            # Present only when something was hidden or fixed, so plain runs keep their shape.
            **{
                key: value
                for key, value in (
                    ("suppressed", self.suppressed),
                    ("baselined", self.baselined),
                    ("fixed", self.fixed),
                )
                if value
            },
            **({"archive": self.archive} if self.archive is not None else {}),
        }

    @property
    def version(self) -> str:
        return __version__
