"""Text the spaCy tokenizer reads in linear time, with every character where it was.

spaCy splits each whitespace-free chunk by peeling prefixes and suffixes one at a time, and
each peel copies the rest of the chunk: a chunk with k punctuation marks costs about k times
its length. A 30 000-character separator line of `=`, `(`x n + `Kiev` + `)`x n, or `'s`
repeated take minutes. In each chunk the first `KEPT_MARKS` punctuation marks are kept and any
further mark becomes a space, so no chunk costs more than `KEPT_MARKS` times its length. The
text keeps its length and every letter, digit and line break, so spaCy's character offsets
are still offsets into the document; prose (whose chunks hold a few marks) is untouched.
"""

from __future__ import annotations

import re

# Characters of one chunk of a long document (`factlint.facts.pieces` splits longer ones, and
# the model is set to refuse longer texts): about 300 MB of spaCy working memory here.
CHUNK_CHARS = 100_000

# Marks kept per whitespace-free chunk. A long URL has about 20; prose words a few.
KEPT_MARKS = 32
# Whitespace-free chunks long enough to hold more marks than that.
_LONG_CHUNK = re.compile(rf"\S{{{KEPT_MARKS + 1},}}")
# A mark: neither a letter, a digit nor whitespace.
_MARK = re.compile(r"[^\w\s]|_")


def _thin(chunk: str) -> str:
    marks = [m.start() for m in _MARK.finditer(chunk)]
    if len(marks) <= KEPT_MARKS:
        return chunk
    cut = marks[KEPT_MARKS]
    return chunk[:cut] + _MARK.sub(" ", chunk[cut:])


def linear_text(text: str) -> str:
    """`text` with the punctuation marks past the first `KEPT_MARKS` of each whitespace-free
    chunk replaced by spaces: the same length, tokenized in time linear in its length."""
    return _LONG_CHUNK.sub(lambda m: _thin(m.group()), text)
