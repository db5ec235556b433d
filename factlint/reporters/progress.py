"""A progress indicator on stderr while documents are read and analysed.

Shown only for the text format, only when stderr is a terminal, and only for runs of many
documents; transient, so nothing of it stays in the scrollback.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

# Fewer documents than this finish before an indicator would be worth drawing.
MIN_DOCUMENTS = 20


def wanted(output_format: str, paths: list[str]) -> bool:
    if output_format != "text" or not sys.stderr.isatty():
        return False
    from factlint.documents.discover import discover

    try:
        count = len(discover(paths, lambda error: None))
    except Exception:  # counting is a courtesy; the real run reports input problems
        return False
    return count >= MIN_DOCUMENTS


@contextmanager
def progress(label: str, enabled: bool) -> Iterator[None]:
    if not enabled:
        yield
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        bar.add_task(label, total=None)
        yield
