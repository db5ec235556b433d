"""Text that is safe to print on one line: control characters in a path or message escaped.

A file name may hold a newline, an escape sequence or bytes that are not UTF-8; printed raw,
it forges extra report lines or moves the terminal's cursor. Escapes follow Python's own
(`\\n`, `\\x1b`, `\\u2028`); a byte that was not UTF-8 (kept by the OS as a lone surrogate)
prints as `\\xff`, as `ls -b` shows it.
"""

from __future__ import annotations

import re

_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:  # a byte the OS could not decode (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` with every control, line-separator and surrogate character escaped."""
    return _UNPRINTABLE.sub(_escape, text)
