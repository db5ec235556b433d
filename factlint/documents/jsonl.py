"""JSON Lines: one article per line, `{"text": ..., "id", "title", "date", "url"}`.

Positions point into the JSONL file itself: the line of the record and the column of each
character inside the JSON string, escapes (`\\n`, `\\"`, `\\u00e9`) accounted for by anchors.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from json.decoder import scanstring  # type: ignore[attr-defined]
from typing import Any

from factlint.documents.decode import replace_lone_surrogates
from factlint.documents.model import Anchor
from factlint.errors import InputError

_WHITESPACE = " \t\n\r"


@dataclass
class JsonRecord:
    line: int
    data: dict[str, Any]
    text: str
    anchors: list[Anchor]


def _skip_ws(line: str, pos: int) -> int:
    while pos < len(line) and line[pos] in _WHITESPACE:
        pos += 1
    return pos


def _text_value_start(line: str) -> int | None:
    """Offset just after the opening quote of the top-level "text" value, if it is a string."""
    decoder = json.JSONDecoder()
    pos = _skip_ws(line, 0) + 1  # past "{"
    found = None
    while True:
        pos = _skip_ws(line, pos)
        if pos >= len(line) or line[pos] == "}":
            return found
        key, pos = scanstring(line, pos + 1)
        pos = _skip_ws(line, pos) + 1  # past ":"
        pos = _skip_ws(line, pos)
        if key == "text" and line[pos] == '"':
            found = pos + 1  # the last duplicate wins, as in json.loads
        _, pos = decoder.raw_decode(line, pos)
        pos = _skip_ws(line, pos)
        if pos < len(line) and line[pos] == ",":
            pos += 1


def _anchors(line: str, value_start: int, text: str, line_number: int) -> list[Anchor]:
    """Anchor text offsets to columns in the raw JSON line, one anchor after each escape."""
    anchors = [Anchor(offset=0, line=line_number, column=value_start + 1)]
    raw = value_start
    offset = 0
    while offset < len(text):
        if line[raw] == "\\":
            escape = line[raw + 1]
            if escape == "u":
                code = int(line[raw + 2 : raw + 6], 16)
                is_pair = 0xD800 <= code < 0xDC00 and line[raw + 6 : raw + 8] == "\\u"
                raw += 12 if is_pair else 6
            else:
                raw += 2
            offset += 1
            anchors.append(Anchor(offset=offset, line=line_number, column=raw + 1))
        else:
            raw += 1
            offset += 1
    return anchors


def read_jsonl(
    source: str, location: str, on_error: Callable[[InputError], None]
) -> Iterator[JsonRecord]:
    """Records of a JSONL file; a bad line is reported through `on_error` and skipped."""
    for index, line in enumerate(source.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{location}:{index}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            on_error(InputError(f"not valid JSON: {exc.msg} (column {exc.colno})", where))
            continue
        except ValueError:  # Python's limit on digits in one number
            on_error(InputError("not valid JSON: a number with over 4,300 digits", where))
            continue
        except RecursionError:
            on_error(InputError("not valid JSON: nested too deeply", where))
            continue
        if not isinstance(data, dict):
            on_error(InputError("expected a JSON object with a 'text' field", where))
            continue
        text = data.get("text")
        if not isinstance(text, str):
            on_error(InputError("the record has no 'text' string", where))
            continue
        text = replace_lone_surrogates(text)
        data = {k: replace_lone_surrogates(v) if isinstance(v, str) else v for k, v in data.items()}
        start = _text_value_start(line)
        anchors = (
            _anchors(line, start, text, index)
            if start is not None
            else [Anchor(offset=0, line=index, column=1)]
        )
        yield JsonRecord(line=index, data=data, text=text, anchors=anchors)
