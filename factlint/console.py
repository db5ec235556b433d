"""Standard output and error when they are closed, full, or cannot encode the text.

Text reports and messages go through the stream's own encoding, with what it cannot encode
escaped (`PYTHONIOENCODING=ascii`). Report formats with a defined encoding (JSON, SARIF,
JUnit, HTML) are written as UTF-8 bytes whatever the locale says.
"""

from __future__ import annotations

import os
import sys


def setup_streams() -> None:
    """Never fail on a character the output encoding lacks: escape it instead."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def write_stdout(text: str, utf8: bool = False) -> str | None:
    """Write `text` to standard output and flush it; the reason it failed, or None."""
    stream = sys.stdout
    if stream is None or stream.closed:
        return "standard output is closed"
    try:
        if utf8 and hasattr(stream, "buffer"):
            stream.flush()
            stream.buffer.write(text.encode("utf-8", errors="backslashreplace"))
        else:
            stream.write(text)
        stream.flush()
    except OSError as exc:
        _silence_stdout()
        return f"cannot write to standard output: {exc.strerror or exc}"
    return None


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's flush at exit cannot fail a second time
    (the recipe in Python's documentation on SIGPIPE)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
