"""Pieces and tasks: long documents split at paragraph breaks, positions kept, sizes bounded."""

from __future__ import annotations

import itertools
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.documents.model import Anchor, Document, SourceMap
from factlint.facts.model import EntityFact, Span
from factlint.nlp.pieces import PieceFacts, assemble_in_order, pieces_of, plan_tasks, split_text


def test_chunks_end_at_paragraph_breaks_and_cover_the_text() -> None:
    paragraphs = [f"Paragraph {i} says something.\nIt goes on." for i in range(40)]
    text = "\n\n".join(paragraphs)
    bounds = split_text(text, 200)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(end == start for (_, end), (start, _) in itertools.pairwise(bounds))
    assert all(0 < end - start <= 200 for start, end in bounds)
    # Every chunk but the last ends right after a blank line and starts a paragraph.
    for _, end in bounds[:-1]:
        assert text[:end].endswith("\n\n") and text[end:].startswith("Paragraph")


def test_a_paragraph_longer_than_a_chunk_is_cut_at_lines_then_sentences_then_spaces() -> None:
    lines = "\n".join(f"Line {i} of a long paragraph" for i in range(30))
    assert all(lines[end - 1] == "\n" for _, end in split_text(lines, 100)[:-1])
    sentences = " ".join(f"Sentence {i} ends here." for i in range(30))
    assert all(sentences[:end].endswith(". ") for _, end in split_text(sentences, 100)[:-1])
    unbroken = "x" * 250
    assert split_text(unbroken, 100) == [(0, 100), (100, 200), (200, 250)]
    assert split_text("", 100) == [(0, 0)]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.text(alphabet="ab \n", min_size=0, max_size=60), min_size=1, max_size=12),
    st.integers(min_value=5, max_value=80),
    st.randoms(use_true_random=False),
)
def test_chunk_positions_are_the_documents_positions(
    parts: list[str], limit: int, rng: random.Random
) -> None:
    """A chunk's own anchors put every offset where the whole document puts it (HTML-like
    documents have an anchor per piece of text)."""
    text = "".join(parts)
    anchors, offset, line = [], 0, 1
    for part in parts:
        anchors.append(Anchor(offset=offset, line=line, column=rng.randint(1, 9)))
        offset += len(part)
        line += part.count("\n") + rng.randint(0, 3)
    document = Document(path="d.html", text=text, anchors=anchors)
    for piece in pieces_of(0, document, limit):
        positions = SourceMap(piece.text, list(piece.anchors))
        for relative in range(len(piece.text) + 1):
            assert positions.position(relative) == document.position(piece.offset + relative)
    chunks = pieces_of(0, document, limit)
    assert "".join(p.text for p in chunks) == text
    assert [p.last for p in chunks] == [False] * (len(chunks) - 1) + [True]


def test_tasks_hold_pieces_in_order_within_their_size_limits() -> None:
    texts = ["short text\n" * n for n in (1, 50, 3, 400, 2, 2, 2)]
    documents = [Document(path=f"{i}.txt", text=t) for i, t in enumerate(texts)]
    tasks = list(plan_tasks(documents, chunk_chars=1000, task_pieces=3, task_chars=1500))
    pieces = [p for task in tasks for p in task]
    assert [(p.index, p.offset) for p in pieces] == sorted((p.index, p.offset) for p in pieces)
    assert {p.index for p in pieces} == set(range(len(documents)))
    for task in tasks:
        assert len(task) <= 3
        assert len(task) == 1 or sum(len(p.text) for p in task) <= 1500
    assert max(len(p.text) for p in pieces) <= 1000


def test_later_chunks_count_sentences_from_the_start_of_the_document() -> None:
    document = Document(path="long.txt", text="A.\n\nB.\n\nC.\n\n")
    span = Span(text="x", start=0, end=1, line=1, column=1, end_line=1, end_column=2)

    def part(last: bool, sentence: int, sentences: int) -> PieceFacts:
        entity = EntityFact(span=span, label="GPE", canonical="x", sentence_index=sentence)
        return PieceFacts(index=0, last=last, sentences=sentences, words=1, entities=[entity])

    results = [[part(False, 1, 3)], [part(False, 0, 2), part(True, 4, 5)]]
    (facts,) = assemble_in_order([document], results)
    assert [e.sentence_index for e in facts.entities] == [1, 3, 9]
    assert facts.words == 3
