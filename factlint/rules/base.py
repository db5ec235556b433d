"""The base class of rule kinds. A kind reads the FactSet and yields Findings."""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from hashlib import sha256
from typing import Any, ClassVar, Generic, Literal, TypeVar, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, model_validator

from factlint.diagnostics import Evidence, Finding, Fix, Severity
from factlint.facts.model import DocumentFacts, FactSet, Span
from factlint.nlp.names import fold
from factlint.rules.model import KindOptions, RuleSpec
from factlint.rules.suppressed import SuppressionRef


class Vocabulary(BaseModel):
    """A project's house style for names: wins over what the majority of documents write.

    - `accept` silences: an accepted spelling is never flagged, whatever the majority writes.
      It pins nothing: other spellings of the name are judged by the majority as usual.
    - `canonical` pins: each variant is flagged wherever it stands, with its canonical
      spelling as a safe fix, and any other spelling of the same name is flagged towards it.
    - `reject` flags a spelling wherever it stands (with no fix unless `canonical` gives one).
    """

    model_config = ConfigDict(extra="forbid")

    accept: list[str] = Field(default_factory=list)
    reject: list[str] = Field(default_factory=list)
    # variant -> canonical spelling, e.g. {"Khmeimim": "Hmeimim"}.
    canonical: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _consistent(self) -> Vocabulary:
        """A spelling has one verdict: a self-mapping or a word both kept and refused is a
        typo in the config, not a rule."""
        variants = {fold(v) for v in self.canonical} | {fold(r) for r in self.reject}
        for variant, target in self.canonical.items():
            if fold(variant) == fold(target):
                raise ValueError(f"canonical maps '{variant}' to itself")
            if fold(target) in variants:
                raise ValueError(f"canonical spelling '{target}' is also a variant or rejected")
        for word in self.accept:
            if fold(word) in variants:
                raise ValueError(f"'{word}' is accepted and also a variant or rejected")
        return self


class RuleContext(BaseModel):
    vocabulary: Vocabulary = Field(default_factory=Vocabulary)


@dataclass(frozen=True)
class FindingsPhase:
    """What a findings-phase rule sees of the run besides the facts: the rules that ran in the
    facts phase, which rule is on for which file, and the suppression comments that silenced
    a finding or kept facts from a rule."""

    codes: tuple[str, ...]
    # (code, path) -> whether the rule is on for that file (selection and per-file ignores).
    enabled: Callable[[str, str], bool]
    used: frozenset[SuppressionRef]


OptionsT = TypeVar("OptionsT", bound=KindOptions)

TEXT_FIELD = "the flagged text, on one line"


class RuleKind(ABC, Generic[OptionsT]):
    """A kind of check, implemented once in Python and instantiated by rule files.

    A subclass names its options model as `RuleKind[Options]`: `self.options` has its type,
    and rule files' `options:` are validated against it (`Options`). It declares
    `message_fields`: each placeholder its message templates may use besides
    `{text}`, with what it holds. `factlint explain` and the docs are made from these and
    from the options' `Field(description=...)`, so they cannot disagree with the code.
    """

    kind_name: ClassVar[str] = ""
    Options: ClassVar[type[KindOptions]] = KindOptions
    # placeholder -> what it holds. (A plain tuple of names, as older kinds have, works too.)
    message_fields: ClassVar[Mapping[str, str]] = {}
    # The `DocumentFacts` fields a kind compares across documents: their facts on lines a
    # suppression comment silences for the rule neither vote nor serve as evidence.
    compares: ClassVar[tuple[str, ...]] = ()
    # "facts": `check` reads the FactSet. "findings": the kind judges the other rules' findings
    # (FL901, unused suppressions), so `factlint check` runs it after them, in the filtering
    # step, through `check_findings`.
    phase: ClassVar[Literal["facts", "findings"]] = "facts"

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "Options" in cls.__dict__:
            return
        for base in getattr(cls, "__orig_bases__", ()):
            args = get_args(base)
            if get_origin(base) is RuleKind and args and isinstance(args[0], type):
                cls.Options = args[0]

    def __init__(self, spec: RuleSpec, options: OptionsT, context: RuleContext) -> None:
        self.spec = spec
        self.options: OptionsT = options
        self.context = context

    @classmethod
    def template_fields(cls) -> tuple[str, ...]:
        return ("text", *cls.message_fields)

    @classmethod
    def field_docs(cls) -> dict[str, str]:
        """Every placeholder a message may use, with what it holds."""
        fields = cls.message_fields
        docs = dict(fields) if isinstance(fields, Mapping) else dict.fromkeys(fields, "")
        return {"text": TEXT_FIELD, **docs}

    @abstractmethod
    def check(self, facts: FactSet) -> Iterable[Finding]:
        """Yield the findings of this rule over the whole set of documents."""

    def check_findings(self, facts: FactSet, run: FindingsPhase) -> Iterable[Finding]:
        """A findings-phase kind's findings, after every facts-phase rule ran and inline
        suppressions were applied. Facts-phase kinds have none."""
        return ()

    def blocking_keys(self, doc: DocumentFacts) -> set[str] | None:
        """The keys this rule compares `doc` with other documents on: two documents can change
        each other's findings only when they share one. The archive store keeps them, so
        `check --against` reads only the archive documents that share a key with a target.

        None (the default, safe for a kind that does not say): any document may matter, and
        the whole archive is read. An empty set: the kind looks at one document at a time.
        """
        return None

    def probe_keys(self, doc: DocumentFacts) -> set[str] | None:
        """The stored keys a target looks up: usually its own blocking keys; a kind whose
        blocks are ranges (name lengths) widens them here."""
        return self.blocking_keys(doc)

    def signature(self) -> str:
        """Names what `blocking_keys` depends on (the kind and its options and context): keys
        stored under another signature are recomputed, never reused."""
        payload = json.dumps(
            [self.options.model_dump(mode="json"), self.context.model_dump(mode="json")],
            sort_keys=True,
        )
        digest = sha256(payload.encode()).hexdigest()[:16]
        return f"{self.kind_name or type(self).__name__}:{digest}"

    def finding(
        self,
        doc: DocumentFacts,
        span: Span,
        evidence: Iterable[Evidence] = (),
        replacement: str | None = None,
        safe_fix: bool = True,
        more_evidence: int = 0,
        *,
        template: str | None = None,
        severity: Severity | None = None,
        **fields: Any,
    ) -> Finding:
        """A finding of this rule; `template` and `severity` replace the rule's own for kinds
        that report a milder shape of their problem (a place's local name, a synonym)."""
        # A span across a line break still gives a one-line message; a rule whose message names
        # the fix (house style's "{replacement}") gets it too.
        if replacement is not None:
            fields.setdefault("replacement", replacement)
        template = self.spec.message if template is None else template
        message = template.format(text=" ".join(span.text.split()), **fields)
        return Finding(
            code=self.spec.code,
            rule=self.spec.name,
            severity=self.spec.severity if severity is None else severity,
            message=message,
            path=doc.path,
            line=span.line,
            column=span.column,
            end_line=span.end_line,
            end_column=span.end_column,
            text=span.text,
            evidence=list(evidence),
            fix=Fix(replacement=replacement, safe=safe_fix) if replacement is not None else None,
            more_evidence=max(more_evidence, 0),
        )


def evidence_of(
    places: Iterable[tuple[DocumentFacts, Span]],
    limit: int | None = None,
    *,
    one_per_document: bool = False,
) -> list[Evidence]:
    """A finding's evidence: where each (document, span) stands, in the order given; with
    `one_per_document`, a document's first place only; at most `limit` places. Lazy: places
    past the limit are never asked for."""
    found: list[Evidence] = []
    seen: set[str] = set()
    for doc, span in places:
        if limit is not None and len(found) >= limit:
            break
        if one_per_document:
            if doc.path in seen:
                continue
            seen.add(doc.path)
        found.append(Evidence(path=doc.path, line=span.line, column=span.column, text=span.text))
    return found
