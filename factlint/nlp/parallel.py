"""`--jobs N`: extraction in N worker processes over chunks of documents.

Workers return facts, not spaCy Docs, so both the NLP pass and the fact building run in
parallel and little crosses the process boundary. Where `fork` exists the workers share the
model the parent already loaded; elsewhere each worker loads its own.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Iterator

from factlint.documents.model import Document
from factlint.facts.model import DocumentFacts

# Documents per task: large enough to batch inside spaCy, small enough to spread the load.
CHUNK_SIZE = 32


def _ignore_interrupt() -> None:
    """Ctrl-C reaches every process of the terminal's group: the parent alone handles it (one
    line, exit 130) and ends the pool; a worker that raised too would print its traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _extract_chunk(documents: list[Document]) -> list[DocumentFacts]:
    from factlint.nlp.extract import extract
    from factlint.nlp.model import load_model

    return list(extract(documents, load_model()))


def extract_parallel(
    documents: list[Document], jobs: int, chunk_size: int = CHUNK_SIZE
) -> Iterator[DocumentFacts]:
    """Facts for each document, in order, from `jobs` processes."""
    chunks = [documents[i : i + chunk_size] for i in range(0, len(documents), chunk_size)]
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    with context.Pool(min(jobs, len(chunks)), initializer=_ignore_interrupt) as pool:
        for facts in pool.imap(_extract_chunk, chunks):
            yield from facts
