"""Inline suppression comments: `<!-- factlint: ignore FL301 -->` and disable/enable blocks.

The comment syntax is the HTML one in every format (Markdown and plain text too), so it
survives in prose and stays invisible when the page is rendered. Parsing reads the source
text as the user sees it, so suppression lines are the lines findings report.

- `<!-- factlint: ignore FL301 FL302 -->` alone on its line covers the next line with text;
  after text on a line, it covers that line. No code means every rule.
- `<!-- factlint: disable FL3 -->` ... `<!-- factlint: enable -->` covers the lines between.
  An `enable` ends the open blocks that share a code with it (every open block when it names
  none); a block never closed runs to the end of the document.
- Codes may be prefixes (`FL3`); anything after the codes (`-- house style`) is the reason.

Loaders do not call this module: `load_path` parses every document's comments once it is
loaded (`Document.suppressions`), whatever its format; nothing about them is in the fact cache.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

from pydantic import BaseModel, ConfigDict

_COMMENT = re.compile(
    r"<!--[ \t]*factlint[ \t]*:[ \t]*(?P<action>ignore|disable|enable)\b(?P<args>[^\n]*?)-->",
    re.IGNORECASE,
)
_SELECTOR = re.compile(r"^[A-Z]{2,4}[0-9]{0,3}$")
_NEWLINE = re.compile(r"\r\n|\r|\n")
# Formats whose document positions are not lines of one file (one record per line).
_NO_SOURCE_FORMATS = {"jsonl"}


class Suppression(BaseModel):
    """One suppression comment and the source lines it covers."""

    model_config = ConfigDict(frozen=True)

    action: Literal["ignore", "disable"]
    # Codes or prefixes it silences; empty: every rule.
    codes: tuple[str, ...] = ()
    reason: str | None = None
    # The comment itself (1-based, end column exclusive), for FL901 and --fix.
    text: str
    line: int
    column: int
    end_line: int
    end_column: int
    # First and last covered line; last_line None: to the end of the document.
    first_line: int
    last_line: int | None

    def applies_to(self, code: str) -> bool:
        return not self.codes or any(code.startswith(prefix) for prefix in self.codes)

    def covers(self, code: str, line: int, end_line: int) -> bool:
        """True when this suppression silences `code` on a span over lines line..end_line."""
        if not self.applies_to(code):
            return False
        last = self.last_line if self.last_line is not None else end_line
        return line <= last and end_line >= self.first_line

    @property
    def scope(self) -> str:
        if self.last_line is None:
            return f"lines {self.first_line}-end"
        if self.last_line == self.first_line:
            return f"line {self.first_line}"
        return f"lines {self.first_line}-{self.last_line}"


def _split_args(args: str) -> tuple[tuple[str, ...], str | None]:
    tokens = [t for t in re.split(r"[\s,]+", args.strip()) if t]
    codes: list[str] = []
    for index, token in enumerate(tokens):
        if not _SELECTOR.match(token):
            reason = " ".join(tokens[index:]).lstrip("-: ").strip()
            return tuple(codes), reason or None
        codes.append(token)
    return tuple(codes), None


def _overlap(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """True when a code or prefix in `a` and one in `b` select a common rule."""
    return any(x.startswith(y) or y.startswith(x) for x in a for y in b)


class _Lines:
    """Line starts of a source text, splitting on CRLF, CR and LF alike."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.starts = [0] + [m.end() for m in _NEWLINE.finditer(source)]
        self.texts = _NEWLINE.split(source)

    def position(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1


def parse_suppressions(source: str) -> list[Suppression]:
    """Every suppression comment in `source`, in order, with the lines each covers."""
    matches = list(_COMMENT.finditer(source))
    if not matches:
        return []
    lines = _Lines(source)
    comments = [_Comment.of(match, lines) for match in matches]
    # Lines holding nothing but factlint comments: an `ignore` above them looks past them.
    comment_only = {
        c.line for c in comments if not _COMMENT.sub("", lines.texts[c.line - 1]).strip()
    }

    def next_text_line(after: int) -> int:
        number = after + 1
        while number <= len(lines.texts) and (
            number in comment_only or not lines.texts[number - 1].strip()
        ):
            number += 1
        return number

    found: list[Suppression] = []
    open_blocks: list[_Comment] = []
    for comment in comments:
        if comment.action == "ignore":
            target = next_text_line(comment.line) if comment.line in comment_only else comment.line
            found.append(comment.suppression(target, target))
        elif comment.action == "disable":
            open_blocks.append(comment)
        else:
            closing = [
                block
                for block in open_blocks
                if not comment.codes or not block.codes or _overlap(comment.codes, block.codes)
            ]
            found.extend(block.suppression(block.line, comment.line) for block in closing)
            open_blocks = [block for block in open_blocks if block not in closing]
    found.extend(block.suppression(block.line, None) for block in open_blocks)
    return sorted(found, key=lambda s: (s.line, s.column))


@dataclass(frozen=True)
class _Comment:
    action: str
    codes: tuple[str, ...]
    reason: str | None
    text: str
    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def of(cls, match: re.Match[str], lines: _Lines) -> _Comment:
        codes, reason = _split_args(match.group("args"))
        line, column = lines.position(match.start())
        end_line, end_column = lines.position(match.end())
        return cls(
            match.group("action").lower(), codes, reason, match.group(0),
            line, column, end_line, end_column,
        )  # fmt: skip

    def suppression(self, first_line: int, last_line: int | None) -> Suppression:
        return Suppression(
            action="ignore" if self.action == "ignore" else "disable",
            codes=self.codes,
            reason=self.reason,
            text=self.text,
            line=self.line,
            column=self.column,
            end_line=self.end_line,
            end_column=self.end_column,
            first_line=first_line,
            last_line=last_line,
        )


class Loaded(Protocol):
    """What parsing reads of a loaded `Document` (`documents.model` imports this module)."""

    @property
    def path(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def source(self) -> str: ...
    @property
    def format(self) -> str: ...


def document_source(document: Loaded) -> str | None:
    """The source text of a document as the user sees it, or None when it has no single file.

    Uses `Document.source` (the decoded file, LF newlines, no BOM) when the loader filled it,
    else reads the file: the analysed text may have markup, and with it comments, blanked.
    """
    if document.source:
        return document.source
    if document.format in _NO_SOURCE_FORMATS:
        return None
    path = Path(document.path)
    if path.is_file():
        try:
            return path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            pass
    return document.text


def document_suppressions(document: Loaded) -> list[Suppression]:
    source = document_source(document)
    if not source or "factlint" not in source.lower():
        return []
    return parse_suppressions(source)
