"""A progress indicator on stderr while documents are read and analysed.

Shown only for the text format, only when stderr is a terminal, and only for runs of many
documents; transient, so nothing of it stays in the scrollback. It counts documents as
their facts arrive (cached documents all at once) against the number of documents loaded.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factlint.documents.ignore import Exclusions

# Fewer documents than this finish before an indicator would be worth drawing.
MIN_DOCUMENTS = 20


def documents_to_show(
    output_format: str, paths: list[str], exclusions: Exclusions | None = None
) -> int:
    """How many input files the indicator announces (found as the run finds them, leaving out
    what `exclusions` name); 0 when it should not be shown."""
    if output_format != "text" or not sys.stderr.isatty():
        return 0
    from factlint.documents.discover import discover

    try:
        count = len(discover(paths, lambda error: None, exclusions))
    except Exception:  # counting is a courtesy; the real run reports input problems
        return 0
    return count if count >= MIN_DOCUMENTS else 0


def _ignore(done: int, total: int) -> None:
    pass


@contextmanager
def progress(
    output_format: str,
    paths: list[str],
    exclusions: Exclusions | None = None,
    label: str = "Linting",
) -> Iterator[Callable[[int, int], None]]:
    """Yields the callback `collect_facts` reports (documents done, documents in all) to."""
    count = documents_to_show(output_format, paths, exclusions)
    if not count:
        yield _ignore
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        # Files until the documents are loaded (a JSON Lines file holds many).
        task = bar.add_task(f"{label} {count} files", total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, description=label, completed=done, total=total)

        yield update
