"""The Finding model: the one diagnostics model every reporter renders."""

from __future__ import annotations

from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer


class Severity(str, Enum):
    info = "info"
    warning = "warning"
    error = "error"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


class Evidence(BaseModel):
    """Where the conflicting form or date stands."""

    model_config = ConfigDict(frozen=True)

    path: str
    line: int
    column: int
    text: str


class Fix(BaseModel):
    model_config = ConfigDict(frozen=True)

    replacement: str
    # Safe fixes are applied by --fix; unsafe ones need --unsafe-fixes too.
    safe: bool = True


class Finding(BaseModel):
    code: str
    rule: str
    severity: Severity
    message: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    evidence: list[Evidence] = Field(default_factory=list)
    fix: Fix | None = None
    # Places that back the finding beyond those in `evidence` (rules list a few): reports say
    # "+N more". Not part of the JSON contract.
    more_evidence: int = Field(default=0, exclude=True)
    # The JSONL record the finding stands in (its id, else its line); None for a whole file,
    # and then left out of the JSON, whose shape for files stays as it was.
    document: str | None = None

    @model_serializer(mode="wrap")
    def _leave_out_no_document(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        if data.get("document") is None:
            data.pop("document", None)
        return data

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.code, self.message)


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Deterministic order: path, line, column, code, message (evidence sorted too)."""
    for finding in findings:
        finding.evidence.sort(key=lambda e: (e.path, e.line, e.column, e.text))
    return sorted(findings, key=Finding.sort_key)
