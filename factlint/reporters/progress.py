"""A progress indicator on stderr while documents are read and analysed.

Shown only for the text format, only when stderr is a terminal, and only for runs of many
documents; transient, so nothing of it stays in the scrollback. It pulses rather than
counting: the NLP pass reports no per-document progress.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

# Fewer documents than this finish before an indicator would be worth drawing.
MIN_DOCUMENTS = 20


def documents_to_show(output_format: str, paths: list[str]) -> int:
    """How many input files the indicator announces; 0 when it should not be shown."""
    if output_format != "text" or not sys.stderr.isatty():
        return 0
    from factlint.documents.discover import discover

    try:
        count = len(discover(paths, lambda error: None))
    except Exception:  # counting is a courtesy; the real run reports input problems
        return 0
    return count if count >= MIN_DOCUMENTS else 0


@contextmanager
def progress(output_format: str, paths: list[str]) -> Iterator[None]:
    count = documents_to_show(output_format, paths)
    if not count:
        yield
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        bar.add_task(f"Linting {count} files", total=None)
        yield
