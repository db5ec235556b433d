"""Kind `house_style`: a newsroom's house spellings, like Vale's `substitution` rules.

`swap` maps a regular expression (the `regex` module's syntax) to the wording the house
uses instead: `Kiev: Kyiv`, `per cent: percent`. Patterns match whole words unless
`word_bounded: false`, and ignore case with `ignorecase: true`. Every match is a finding
with the replacement as a safe fix; a match that already reads as the replacement is left
alone, and where two patterns match overlapping text the leftmost, then longest, wins.

Patterns are user input run over every document, so they are compiled when the rule file is
loaded (a bad pattern is a rule-file error naming its line and column) and matched within
`timeout` seconds per document: a pattern that backtracks without end (`(a+)+$`) stops the
rule for that document with one warning finding instead of hanging the run.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator
from typing import Annotated

import regex
from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError

from factlint.documents.model import Document
from factlint.facts.model import DocumentFacts, FactSet, span_between
from factlint.findings.model import Finding, Severity
from factlint.rules.base import RuleContext, RuleKind
from factlint.rules.model import KindOptions, RuleSpec
from factlint.rules.registry import register

_FLAGS = regex.VERSION0


def _bounded(pattern: str) -> str:
    # Lookarounds rather than \b, so patterns that start or end with a non-word character
    # ("U.S.", "-based") still work.
    return rf"(?<!\w)(?:{pattern})(?!\w)"


# `regex` compiles a counted repeat by copying what it repeats: `(?:a{65535}){65535}` took
# 5.7 GB. Patterns whose repeats multiply past this many elements are refused unread; at the
# limit, compiling takes about 0.2 s and 40 MB.
MAX_PATTERN_SIZE = 100_000
_REPEAT = re.compile(r"\{(\d*)(?:,(\d*))?\}")
_SKIP_ESCAPE = re.compile(r"\\[pPNxuUg]\{[^}]*\}|\\.", re.DOTALL)
_SKIP_SET = re.compile(r"\[\^?\]?(?:\[:[^\]]*:\]|\\.|[^\]])*\]", re.DOTALL)
_SKIP_COMMENT = re.compile(r"\(\?#[^)]*\)")


def _repeat_bound(match: re.Match[str]) -> int:
    low, high = match.group(1), match.group(2)
    count = high if high else low
    return int(count[:7] or 1) if count else 1


def pattern_size(pattern: str) -> int:
    """About how many elements `regex` builds for `pattern`: atoms, with each counted repeat
    `{m,n}` multiplying what it repeats by its bound (groups nest, alternatives add up)."""
    stack: list[list[int]] = [[]]  # per open group: the sizes of its elements
    pos = 0
    while pos < len(pattern):
        char = pattern[pos]
        skip = (
            _SKIP_ESCAPE.match(pattern, pos)
            or (_SKIP_SET.match(pattern, pos) if char == "[" else None)
            or _SKIP_COMMENT.match(pattern, pos)
        )
        repeat = _REPEAT.match(pattern, pos) if char == "{" else None
        if skip is not None:
            stack[-1].append(1)
            pos = skip.end()
            continue
        if repeat is not None and stack[-1]:
            stack[-1][-1] *= _repeat_bound(repeat)
            pos = repeat.end()
            continue
        if char == "(":
            stack.append([])
        elif char == ")" and len(stack) > 1:
            size = sum(stack.pop())
            stack[-1].append(size)
        elif char not in "|*+?":
            stack[-1].append(1)
        pos += 1
    return sum(sum(group) for group in stack)


def _check_pattern(pattern: str) -> str:
    if not pattern:
        raise PydanticCustomError("pattern", "a pattern must not be empty")
    size = pattern_size(pattern)
    if size > MAX_PATTERN_SIZE:
        raise PydanticCustomError(
            "pattern",
            "the pattern '{pattern}' is too large to compile: its repeats make about {size} "
            "elements (the limit is {limit}); use a shorter count or '+'/'*'",
            {"pattern": pattern, "size": f"{size:,}", "limit": f"{MAX_PATTERN_SIZE:,}"},
        )
    try:
        compiled = regex.compile(pattern, _FLAGS)
    except regex.error as exc:
        raise PydanticCustomError(
            "pattern",
            "invalid regular expression '{pattern}': {reason}",
            {"pattern": pattern, "reason": str(exc)},
        ) from None
    if compiled.fullmatch(""):
        raise PydanticCustomError(
            "pattern", "the pattern '{pattern}' matches empty text", {"pattern": pattern}
        )
    return pattern


Pattern = Annotated[str, AfterValidator(_check_pattern)]


class Options(KindOptions):
    swap: dict[Pattern, Annotated[str, Field(min_length=1)]] = Field(
        min_length=1,
        description="Regular expression (Python `regex` syntax) -> the house's wording.",
    )
    ignorecase: bool = Field(False, description="Match any case.")
    word_bounded: bool = Field(True, description="Match whole words only.")
    timeout: float = Field(
        default=1.0, gt=0, le=60, description="Seconds all patterns may spend on one document."
    )
    run_timeout: float = Field(
        default=60.0,
        gt=0,
        le=3600,
        description="Seconds the rule may spend on the whole run, every document together.",
    )


class _Swap:
    def __init__(self, pattern: str, replacement: str, options: Options) -> None:
        flags = _FLAGS | (regex.IGNORECASE if options.ignorecase else 0)
        self.pattern = pattern
        self.replacement = replacement
        self.compiled = regex.compile(_bounded(pattern) if options.word_bounded else pattern, flags)


def _matches(
    compiled: regex.Pattern[str], text: str, deadline: float
) -> Iterator[regex.Match[str]]:
    """Non-empty matches left to right; TimeoutError once `deadline` (monotonic) has passed.

    `finditer`'s timeout restarts with every match, so the budget is enforced here, search
    by search, against one deadline for the whole document.
    """
    pos = 0
    while pos <= len(text):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError
        match = compiled.search(text, pos, timeout=remaining)
        if match is None:
            return
        if match.end() > match.start():
            yield match
            pos = match.end()
        else:
            pos = match.end() + 1


@register("house_style")
class HouseStyle(RuleKind[Options]):
    """House spellings: every match of a `swap` pattern is replaced by its value (safe fix)."""

    message_fields = {
        "replacement": "the house's wording",
        "pattern": "the `swap` pattern that matched",
    }

    def __init__(self, spec: RuleSpec, options: Options, context: RuleContext) -> None:
        super().__init__(spec, options, context)
        self.swaps = [_Swap(p, r, options) for p, r in options.swap.items()]

    def blocking_keys(self, doc: DocumentFacts) -> set[str]:
        return set()  # one document at a time

    def check(self, facts: FactSet) -> Iterable[Finding]:
        options = self.options
        run_deadline = time.monotonic() + options.run_timeout
        spent: dict[str, float] = {}
        for number, doc in enumerate(facts.documents):
            started = time.monotonic()
            findings = list(self._check_document(doc, run_deadline))
            spent[doc.path] = time.monotonic() - started
            if time.monotonic() < run_deadline:
                yield from findings
                continue
            # The run's budget is gone: say where, and which document took the most of it.
            yield from (f for f in findings if f.text)
            left = len(facts.documents) - number - 1
            yield self._budget_finding(doc, findings, spent, left)
            return

    def _check_document(self, doc: DocumentFacts, run_deadline: float) -> Iterator[Finding]:
        if not doc.text.strip():
            return
        options = self.options
        locator = Document(path=doc.path, text=doc.text, anchors=doc.anchors)
        deadline = min(time.monotonic() + options.timeout, run_deadline)
        found: list[tuple[int, int, int]] = []
        for index, swap in enumerate(self.swaps):
            try:
                found.extend(
                    (m.start(), m.end(), index) for m in _matches(swap.compiled, doc.text, deadline)
                )
            except TimeoutError:
                yield self._timeout_finding(locator, swap.pattern)
                break
        end = 0
        for start, stop, index in sorted(found, key=lambda f: (f[0], f[0] - f[1], f[2])):
            if start < end:
                continue  # overlaps a match already reported
            end = stop
            swap = self.swaps[index]
            if doc.text[start:stop] != swap.replacement:
                yield self.finding(
                    doc,
                    span_between(locator, start, stop),
                    replacement=swap.replacement,
                    pattern=swap.pattern,
                )

    def _timeout_finding(self, locator: Document, pattern: str) -> Finding:
        options = self.options
        return self._warning(
            locator,
            f"pattern '{pattern}' took longer than {options.timeout:g} s on this document "
            "(simplify it or raise `timeout`); the rule checked no further here",
        )

    def _budget_finding(
        self, doc: DocumentFacts, findings: list[Finding], spent: dict[str, float], left: int
    ) -> Finding:
        options = self.options
        slowest = max(spent, key=lambda path: spent[path])
        stopped = next((f.message for f in findings if not f.text), None)
        where = "" if stopped is None else f" ({stopped.split(' took', 1)[0]})"
        return self._warning(
            Document(path=doc.path, text=doc.text, anchors=doc.anchors),
            f"rule {self.spec.code} used up its {options.run_timeout:g} s for the run "
            f"(`run_timeout`) on this document{where}; {left} document(s) after it were not "
            f"checked; the most time went to {slowest} ({spent[slowest]:.1f} s)",
        )

    def _warning(self, locator: Document, message: str) -> Finding:
        line, column = locator.position(0)
        return Finding(
            code=self.spec.code,
            rule=self.spec.name,
            # A check that could not finish is worth a look whatever the rule's severity.
            severity=Severity.warning,
            message=message,
            path=locator.path,
            line=line,
            column=column,
            end_line=line,
            end_column=column,
            text="",
        )
