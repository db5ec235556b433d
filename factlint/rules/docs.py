"""Rule documentation made from the models themselves: a kind's options (their types, defaults
and `Field(description=...)`) and message fields, and each rule file's code, name, severity
and summary. `factlint explain`, `factlint rules` and the README's rules table all come from
here, so none of them can drift from the code."""

from __future__ import annotations

import json
import types
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic.fields import FieldInfo

from factlint.rules.base import RuleKind
from factlint.rules.loader import Rule

# A default longer than this is shown by its size ("a list of 58"), not in full.
MAX_DEFAULT_WIDTH = 60
TABLE_HEADER = "| code | name | severity | what it flags |\n| --- | --- | --- | --- |"


def _type_name(annotation: Any) -> str:
    """A type as a rule file's author reads it: `dict[str, str]`, `'absolute' | 'relative'`
    (validators and constraints left out)."""
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is Annotated:
        return _type_name(args[0])
    if origin is Literal:
        return " | ".join(repr(arg) for arg in args)
    if origin in (Union, types.UnionType):
        return " | ".join(_type_name(arg) for arg in args)
    if origin is not None:
        name = getattr(origin, "__name__", str(origin))
        return f"{name}[{', '.join(_type_name(arg) for arg in args)}]"
    return str(getattr(annotation, "__name__", annotation))


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
    lines = []
    for name, info in kind.Options.model_fields.items():
        line = f"  {name} ({_type_name(info.annotation)}, {_default(info)})"
        lines.append(f"{line}: {info.description}" if info.description else line)
    return lines


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
