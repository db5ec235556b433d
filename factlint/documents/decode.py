"""Bytes to text: BOMs, encodings, binary files and line endings."""

from __future__ import annotations

import codecs
import re

from factlint.errors import InputError

# File signatures of formats people rename to .txt by mistake; checked before decoding.
_MAGIC: list[tuple[bytes, str]] = [
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x7fELF", "executable"),
    (b"MZ", "Windows executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x00asm", "WebAssembly module"),
]

# <meta charset="x">, <meta http-equiv=... content="text/html; charset=x">, <?xml encoding="x"?>
_DECLARED = re.compile(
    rb"""(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE
)

_UNICODE_BOMS: list[tuple[bytes, str]] = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]

# Control characters that never occur in text files (tab, newlines, form feed and ESC excepted).
_CONTROL = bytes(c for c in range(32) if c not in (9, 10, 12, 13, 27))


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def replace_lone_surrogates(text: str) -> str:
    """A `\\ud83d` escape without its pair (JSON, YAML) becomes U+FFFD, as a broken byte does:
    such a character cannot be encoded, hashed by spaCy or printed. One character for one
    keeps every offset."""
    return _SURROGATE.sub("\ufffd", text)


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF: a line break counts as one line, as editors show it."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few broken bytes (a bad paste, a cut multi-byte character), decoded
    with U+FFFD for the broken bytes; None when the bytes are some other encoding."""
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd") - data.count("\ufffd".encode())
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    valid = non_ascii - text.count("\ufffd")
    return text if valid >= 20 * broken else None


def _declared_encoding(data: bytes) -> str | None:
    """The charset an HTML or XML file declares in its first bytes, if Python knows it."""
    match = _DECLARED.search(data[:4096])
    if match is None:
        return None
    name = match.group(1).decode("ascii", "replace")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            # "MZ" and "BZh" are also ordinary words: demand a NUL nearby to call it binary.
            if kind in ("Windows executable", "bzip2 archive") and b"\x00" not in data[:1024]:
                continue
            return kind
    if b"\x00" in data:
        return "contains NUL bytes"
    sample = data[:65536]
    if sample and len(sample.translate(None, _CONTROL)) < len(sample) * 0.9:
        return "mostly control characters"
    return None


def _decode_marked(data: bytes, location: str) -> str | None:
    """The text of bytes that start with a Unicode byte order mark (without it), or None."""
    for bom, encoding in _UNICODE_BOMS:
        if data.startswith(bom):
            if encoding == "utf-8":  # the BOM says UTF-8: a stray bad byte is only replaced
                return data[len(bom) :].decode(encoding, errors="replace")
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"invalid {encoding} text at byte {exc.start}", location) from None
    return None


def decode(data: bytes, location: str) -> str:
    """Decode a file's bytes to text with LF line endings and no BOM.

    Raises InputError for binary files and bytes whose encoding cannot be told.
    """
    marked = _decode_marked(data, location)
    if marked is not None:
        return normalise_newlines(marked)
    kind = _binary_kind(data)
    if kind is not None:
        raise InputError(f"binary file ({kind}), not text", location)
    try:
        return normalise_newlines(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return normalise_newlines(mostly)
    declared = _declared_encoding(data)
    if declared is not None:
        try:
            return normalise_newlines(data.decode(declared))
        except UnicodeDecodeError:
            pass  # the declaration is wrong: detect instead
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError("not UTF-8, and its text encoding could not be detected", location)
    return normalise_newlines(str(best))
