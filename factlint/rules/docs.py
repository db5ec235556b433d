"""Rule documentation made from the models themselves: a kind's options (their types, defaults
and `Field(description=...)`) and message fields, and each rule file's code, name, severity
and summary. `factlint explain`, `factlint rules` and the README's rules table all come from
here, so none of them can drift from the code."""

from __future__ import annotations

import json
from typing import Any

from pydantic.fields import FieldInfo

from factlint.rules.base import RuleKind
from factlint.rules.loader import Rule

# A default longer than this is shown by its size ("a list of 58"), not in full.
MAX_DEFAULT_WIDTH = 60
TABLE_HEADER = "| code | name | severity | what it flags |\n| --- | --- | --- | --- |"


def _type_name(info: FieldInfo) -> str:
    annotation = info.annotation
    if isinstance(annotation, type) and not getattr(annotation, "__args__", None):
        return annotation.__name__
    return str(annotation).replace("typing.", "").replace("re.Pattern", "Pattern")


def _default(info: FieldInfo) -> str:
    if info.is_required():
        return "required"
    value = info.get_default(call_default_factory=True)
    shown = json.dumps(value, default=str, ensure_ascii=False)
    if len(shown) <= MAX_DEFAULT_WIDTH:
        return f"default {shown}"
    kind = "mapping" if isinstance(value, dict) else "list"
    return f"default: a {kind} of {len(value)}"


def option_lines(kind: type[RuleKind[Any]]) -> list[str]:
    """One line per option: `name (type, default): description`."""
    return [
        f"  {name} ({_type_name(info)}, {_default(info)}): {info.description or ''}".rstrip(": ")
        for name, info in kind.Options.model_fields.items()
    ]


def kind_doc(kind: type[RuleKind[Any]]) -> str:
    """What `factlint explain` says about a kind: its docstring, options and message fields."""
    parts = [(kind.__doc__ or "").strip()]
    options = option_lines(kind)
    if options:
        parts.append("Options:\n" + "\n".join(options))
    fields = [f"  {{{name}}}: {doc}".rstrip(": ") for name, doc in kind.field_docs().items()]
    parts.append("Message fields:\n" + "\n".join(fields))
    return "\n\n".join(part for part in parts if part)


def explain(rule: Rule) -> str:
    spec = rule.spec
    kind = type(rule.kind)
    return (
        f"{spec.code} {spec.name} ({spec.severity.value}, kind: {spec.kind})\n\n"
        f"{spec.description.strip() or spec.summary or '(no description)'}\n\n"
        f"Kind '{spec.kind}':\n{kind_doc(kind)}\n\n"
        f"Rule file: {rule.path}\n"
    )


def rule_record(rule: Rule) -> dict[str, Any]:
    """A rule as `factlint rules --format json` gives it to tools."""
    spec = rule.spec
    kind = type(rule.kind)
    return {
        "code": spec.code,
        "name": spec.name,
        "kind": spec.kind,
        "severity": spec.severity.value,
        "summary": spec.summary,
        "message": spec.message,
        "message_fields": kind.field_docs(),
        "path": str(rule.path),
    }


def rules_table(rules: list[Rule]) -> str:
    """The README's rules table (Markdown)."""
    rows = [
        f"| {r.spec.code} | {r.spec.name} | {r.spec.severity.value} | {r.spec.summary} |"
        for r in rules
    ]
    return "\n".join([TABLE_HEADER, *rows]) + "\n"
