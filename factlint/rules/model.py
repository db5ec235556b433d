"""The rule-file model: one YAML file in rules/<family>/ picks a kind and fills its options."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from factlint.findings.model import Severity


class RuleSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: str = Field(pattern=r"^[A-Z]{2,4}[0-9]{3}$")
    name: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    kind: str
    severity: Severity
    # One line, what the rule flags: `factlint rules` and the README's rules table.
    summary: str = ""
    message: str
    # What the rule checks, why it matters, an example and the fix: printed by `factlint explain`.
    description: str = ""
    options: dict[str, Any] = Field(default_factory=dict)


class KindOptions(BaseModel):
    """Base of every kind's options model: unknown options are an error naming the key."""

    model_config = ConfigDict(extra="forbid")
