"""Markdown: YAML front matter for metadata, markdown-it to tell prose from syntax.

The analysed text is the source with everything but prose blanked to spaces: front matter,
code blocks and inline code, link URLs, images, HTML, heading/list/quote/emphasis markers.
Offsets therefore stay source offsets. Prose is found by walking markdown-it's inline tokens
and locating each text token in the source from a cursor.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from factlint.dates.printed import parse_date_value
from factlint.documents.blank import blank_text
from factlint.documents.decode import replace_lone_surrogates
from factlint.errors import InputError

_FRONT_MATTER = re.compile(r"---[ \t]*\n(?P<body>(?:.*\n)*?)(?:---|\.\.\.)[ \t]*(?:\n|$)")
# Characters that can start inline syntax: emphasis, code, links, images, HTML, entities,
# escapes, strikethrough. A line without any is plain text.
_INLINE_SYNTAX = re.compile(r"[*_`\[\]!<>&\\~]")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

DATE_KEYS = ("published", "date", "pubDate", "publish_date", "published_at", "datePublished")
URL_KEYS = ("url", "link", "canonical_url", "permalink")


@dataclass
class FrontMatter:
    end: int = 0  # offset just after the closing `---` line
    data: dict[str, Any] = field(default_factory=dict)


def read_front_matter(source: str, location: str) -> FrontMatter:
    match = _FRONT_MATTER.match(source)
    if match is None:
        return FrontMatter()
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        data = YAML(typ="safe", pure=True).load(match.group("body"))
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = 2 + (mark.line if mark is not None else 0)
        problem = exc.problem or exc.context or "invalid YAML"
        raise InputError(
            f"front matter is not valid YAML: {problem}", f"{location}:{line}"
        ) from None
    except YAMLError as exc:
        raise InputError(f"front matter is not valid YAML: {exc}", f"{location}:2") from None
    except (ValueError, OverflowError) as exc:  # a date that does not exist, a huge number
        raise InputError(
            f"front matter has a value that cannot be read: {_reason(exc)}", f"{location}:2"
        ) from None
    except RecursionError:
        raise InputError("front matter is nested too deeply", f"{location}:2") from None
    return FrontMatter(end=match.end(), data=data if isinstance(data, dict) else {})


def _reason(exc: Exception) -> str:
    text = str(exc)
    return "a number with over 4,300 digits" if "integer string conversion" in text else text


def front_matter_fields(data: dict[str, Any]) -> dict[str, Any]:
    """The Document fields front matter sets: published, title, id, url."""
    fields: dict[str, Any] = {}
    for key in DATE_KEYS:
        if key in data:
            published = parse_date_value(data[key])
            if published is not None:
                fields["published"] = published
                fields["published_source"] = "front-matter"
                break
    for key in ("title", "id"):
        if isinstance(data.get(key), (str, int)) and not isinstance(data.get(key), bool):
            fields[key] = replace_lone_surrogates(str(data[key]))
    for key in URL_KEYS:
        if isinstance(data.get(key), str):
            fields["url"] = replace_lone_surrogates(data[key])
            break
    return fields


class _Prose:
    """Collects the characters of the source that are prose; everything else becomes blank."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.out = [blank_text(source)]
        self.keep: list[tuple[int, int, str | None]] = []  # (start, end, replacement or None)

    def align(self, content: str, cursor: int, end: int, keep: bool) -> int:
        """Find `content` in the source from `cursor`; mark it prose if `keep`. Returns the new
        cursor. Escapes (`\\*`) and entities (`&amp;`) in the source are matched char by char."""
        if not content:
            return cursor
        found = self.source.find(content, cursor, end)
        if found != -1:
            if keep:
                self.keep.append((found, found + len(content), None))
            return found + len(content)
        pos = cursor
        for char in content:
            pos, span = self._step(char, pos, end)
            if span is None:
                # A newline first: give up on the rest of this token; the end: not found.
                return pos if pos < end else cursor
            if keep:
                self.keep.append(span)
        return pos

    def _step(
        self, char: str, pos: int, end: int
    ) -> tuple[int, tuple[int, int, str | None] | None]:
        """Where `char` stands from `pos` on, as itself, escaped or as an entity: the position
        after it and the span that shows it; (the newline's position, None) when the line ends
        first, (a position at or past `end`, None) when the range does."""
        src = self.source
        while pos < end:
            if src[pos] == char:
                return pos + 1, (pos, pos + 1, None)
            if src[pos] == "\\" and pos + 1 < end and src[pos + 1] == char:
                return pos + 2, (pos + 1, pos + 2, None)
            entity = _ENTITY.match(src, pos, end) if src[pos] == "&" else None
            if entity is not None and html.unescape(entity.group(0)) == char:
                return entity.end(), (pos, entity.end(), char)
            if src[pos] == "\n":
                return pos, None
            pos += 1
        return pos, None

    def skip_destination(self, cursor: int, end: int) -> int:
        """After a link's text: move past `](url "title")` or `][ref]`."""
        src = self.source
        close = src.find("]", cursor, end)
        if close == -1:
            return cursor
        pos = close + 1
        if pos < end and src[pos] in "([":
            opener, closer = src[pos], ")" if src[pos] == "(" else "]"
            depth = 0
            while pos < end:
                if src[pos] == "\\":
                    pos += 2
                    continue
                if src[pos] == opener:
                    depth += 1
                elif src[pos] == closer:
                    depth -= 1
                    if depth == 0:
                        return pos + 1
                pos += 1
            return end
        return pos

    def render(self) -> str:
        text = self.out[0]
        if not self.keep:
            return text
        pieces: list[str] = []
        cursor = 0
        for start, end, replacement in sorted(self.keep):
            if start < cursor:
                continue
            pieces.append(text[cursor:start])
            if replacement is None:
                pieces.append(self.source[start:end])
            else:
                pieces.append(replacement + " " * (end - start - len(replacement)))
            cursor = end
        pieces.append(text[cursor:])
        return "".join(pieces)


def _line_starts(source: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", source))
    starts.append(len(source) + 1)
    return starts


def _past_special(prose: _Prose, child: Token, cursor: int, end: int, keep: bool) -> int:
    """An escape (`\\*`) or entity (`&amp;`): its character is prose, its markup is not."""
    found = prose.source.find(child.markup, cursor, end)
    if found == -1:
        return cursor
    end_of = found + len(child.markup)
    if keep and child.info == "escape":
        prose.keep.append((end_of - len(child.content), end_of, None))
    elif keep:
        prose.keep.append((found, end_of, child.content))
    return end_of


def _past_code(prose: _Prose, child: Token, cursor: int, end: int) -> int:
    """Inline code is never prose: move past its closing backticks."""
    opening = prose.source.find(child.markup, cursor, end)
    if opening == -1:
        return cursor
    closing = prose.source.find(child.markup, opening + len(child.markup), end)
    return closing + len(child.markup) if closing != -1 else cursor


def _past_image(prose: _Prose, cursor: int, end: int) -> int:
    opening = prose.source.find("![", cursor, end)
    return prose.skip_destination(opening + 2, end) if opening != -1 else cursor


def _walk_inline(prose: _Prose, children: list[Token], cursor: int, end: int) -> int:
    hidden = 0  # inside an autolink or image: text that is a URL or alt text, not prose
    for child in children:
        kind = child.type
        autolink = child.markup in ("autolink", "linkify")
        if kind == "text":
            cursor = prose.align(child.content, cursor, end, keep=hidden == 0)
        elif kind == "text_special":
            cursor = _past_special(prose, child, cursor, end, keep=hidden == 0)
        elif kind == "code_inline":
            cursor = _past_code(prose, child, cursor, end)
        elif kind == "html_inline":
            cursor = prose.align(child.content, cursor, end, keep=False)
        elif kind == "link_open" and autolink:
            hidden += 1
        elif kind == "link_close" and autolink:
            hidden -= 1
            closing = prose.source.find(">", cursor, end)
            cursor = closing + 1 if closing != -1 else cursor
        elif kind == "link_close":
            cursor = prose.skip_destination(cursor, end)
        elif kind == "image":
            cursor = _past_image(prose, cursor, end)
    return cursor


class _Parser(MarkdownIt):
    """URLs are blanked, never followed: skip their normalisation, accept every scheme."""

    def normalizeLink(self, url: str) -> str:
        return url

    def normalizeLinkText(self, link: str) -> str:
        return link

    def validateLink(self, url: str) -> bool:
        return True


def _parser() -> MarkdownIt:
    parser = _Parser("commonmark").enable("table").enable("strikethrough")
    # Inline syntax is parsed only where a line has a character that can start some (below);
    # most prose has none, and markdown-it's inline pass is most of its time.
    parser.disable("inline")
    return parser


def _inline_children(parser: MarkdownIt, token: Token) -> list[Token] | None:
    """Inline tokens of `token`, or None when its content is plain text lines."""
    if _INLINE_SYNTAX.search(token.content) is None:
        return None
    children: list[Token] = []
    parser.inline.parse(token.content, parser, {}, children)
    return children


def markdown_prose(source: str, body_start: int = 0) -> str:
    """`source` with all but its prose blanked; [0, body_start) (front matter) is all blank."""
    body = blank_text(source[:body_start]) + source[body_start:]
    parser = _parser()
    starts = _line_starts(body)
    prose = _Prose(body)
    last_map: tuple[int, int] | None = None
    cursor = 0
    for token in parser.parse(body):
        if token.type != "inline" or token.map is None:
            continue
        first, last = token.map
        begin, end = starts[first], min(starts[min(last, len(starts) - 1)], len(body))
        # Cells of one table row share a line: continue from the previous cell.
        if (first, last) != last_map:
            cursor = begin
        last_map = (first, last)
        children = _inline_children(parser, token)
        if children is None:
            for line in token.content.split("\n"):
                cursor = prose.align(line.strip(), cursor, end, keep=True)
        else:
            cursor = _walk_inline(prose, children, cursor, end)
    return prose.render()
