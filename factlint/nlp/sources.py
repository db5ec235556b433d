"""Sources a text credits: "according to Al Jazeera", "Credited from: LATIMES"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from factlint.nlp.doc_index import DocIndex

CUES = re.compile(
    r"\b(?:according to|(?:as )?reported by|credited from:?|courtesy of|sources?:|via)\s+",
    re.IGNORECASE,
)
SOURCE_LABELS = {"ORG", "WORK_OF_ART", "PERSON", "GPE", "NORP", "PRODUCT"}


@dataclass
class SourceMention:
    start: int
    end: int
    name: str
    cue: str


def find_sources(index: DocIndex) -> list[SourceMention]:
    found: list[SourceMention] = []
    doc, text = index.doc, index.text
    for cue in CUES.finditer(text):
        limit = text.find("\n", cue.end())
        sentence_end = text.find(". ", cue.end())
        ends = [e for e in (limit, sentence_end) if e != -1]
        stop = min(ends) if ends else len(text)
        window = doc.char_span(cue.end(), stop, alignment_mode="expand")
        if window is None:
            continue
        names = [e for e in index.ents if e.start >= window.start and e.end <= window.end]
        names = [e for e in names if e.label_ in SOURCE_LABELS]
        if not names:
            # A bare outlet name on a credit line, e.g. "Credited from: LATIMES".
            first = window[0] if len(window) else None
            if first is not None and first.is_alpha and (first.is_upper or first.is_title):
                found.append(
                    SourceMention(
                        first.idx, first.idx + len(first.text), first.text, cue.group(0).strip()
                    )
                )
            continue
        for ent in names:
            found.append(
                SourceMention(ent.start_char, ent.end_char, ent.text, cue.group(0).strip())
            )
    return found
