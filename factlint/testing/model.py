"""The case-file schema: documents, the findings a rule must report on them, cases, files."""

from __future__ import annotations

import re
from datetime import date

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator

from factlint.diagnostics import Severity


class CaseDocument(BaseModel):
    model_config = ConfigDict(extra="forbid")

    path: str
    published: date | None = None
    text: str


class ExpectedFinding(BaseModel):
    """One finding the rule must report; unset fields match anything."""

    model_config = ConfigDict(extra="forbid")

    path: str
    line: int | None = Field(default=None, ge=1)
    column: int | None = Field(default=None, ge=1)
    # The flagged span, exactly.
    text: str | None = None
    # "a.txt" or "a.txt:3": every item must match some evidence and every evidence some item.
    evidence: list[str] | None = None
    # fix.replacement; `fix: null` says the finding must carry no fix.
    fix: str | None = None
    # A regular expression searched for in the message (a plain substring works too).
    message: str | None = None
    # The finding's severity, for kinds that report a milder shape at a lower one.
    severity: Severity | None = None

    @field_validator("message")
    @classmethod
    def _compiles(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                re.compile(value)
            except re.error as exc:
                raise ValueError(f"not a valid regular expression: {exc}") from None
        return value

    @property
    def checks_fix(self) -> bool:
        return "fix" in self.model_fields_set


class Case(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    documents: list[CaseDocument] = Field(min_length=1)
    expect: list[ExpectedFinding]
    # 1-based line of the case in its file (set by the loader, for reports).
    _line: int = PrivateAttr(default=0)

    @property
    def line(self) -> int:
        return self._line


class CaseFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    cases: list[Case] = Field(min_length=1)
