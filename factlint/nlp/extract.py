"""The NLP pass: one spaCy run per document, turned into compact, position-carrying facts."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial

import numpy
from spacy.attrs import ENT_TYPE, IS_ALPHA, IS_TITLE, POS
from spacy.language import Language
from spacy.symbols import PROPN
from spacy.tokens import Doc, Token

from factlint.documents.model import Document, SourceMap
from factlint.facts.model import (
    CountFact,
    DateFact,
    DocumentFacts,
    EntityFact,
    OrdinalFact,
    SourceFact,
    TitleFact,
    span_in,
)
from factlint.nlp.dates import extract_dates
from factlint.nlp.doc_index import DocIndex, lemma
from factlint.nlp.events import event_context
from factlint.nlp.guard import linear_text
from factlint.nlp.names import canonical_key
from factlint.nlp.ordinals import find_counts, find_ordinals
from factlint.nlp.pieces import (
    Piece,
    PieceFacts,
    assemble,
    assemble_in_order,
    plan_tasks,
    whole_piece,
)
from factlint.nlp.sources import find_sources
from factlint.nlp.titles import find_title

ENTITY_LABELS = {
    "PERSON",
    "NORP",
    "FAC",
    "ORG",
    "GPE",
    "LOC",
    "PRODUCT",
    "EVENT",
    "WORK_OF_ART",
    "LAW",
}


def _unlabelled_names(index: DocIndex) -> list[Token]:
    """Proper nouns the recogniser left unlabelled ("Teixiera", "67th Presinct"): capitalised,
    alphabetic, not opening a sentence, outside headlines (where every word is capitalised and
    the tagger calls most of them proper). Candidates come from spaCy's arrays in one call
    rather than from a Python Token for every word."""
    doc = index.doc
    rows = doc.to_array([POS, ENT_TYPE, IS_ALPHA, IS_TITLE])
    wanted = (rows[:, 0] == PROPN) & (rows[:, 1] == 0) & (rows[:, 2] == 1) & (rows[:, 3] == 1)
    return [
        token
        for token in (doc[i] for i in numpy.flatnonzero(wanted).tolist())
        if not token.is_sent_start
        and len(token) >= 4
        and not index.is_headline(index.sentence_index(token.i))
    ]


def facts_from_doc(document: Document, doc: Doc) -> DocumentFacts:
    """The facts of a whole document parsed in one piece."""
    return assemble(document, [piece_facts(whole_piece(document), doc)])


def piece_facts(piece: Piece, doc: Doc) -> PieceFacts:
    """The facts of one piece (a document, or a chunk of one) from its parsed Doc."""
    positions = SourceMap(piece.text, list(piece.anchors))
    span = partial(span_in, piece.text, positions, offset=piece.offset)
    index = DocIndex(doc, piece.text, piece.offset)
    facts = PieceFacts(
        index=piece.index,
        last=piece.last,
        sentences=len(index.sentences),
        words=doc.count_by(IS_ALPHA).get(1, 0),
    )

    for ent in index.ents:
        label = ent.label_
        if label not in ENTITY_LABELS:
            continue
        key = canonical_key(ent.text)
        if not key:
            continue
        facts.entities.append(
            EntityFact(
                span=span(ent.start_char, ent.end_char),
                label=label,
                canonical=key,
                sentence_index=index.sentence_index(ent.start),
            )
        )
        if label == "PERSON":
            title = find_title(ent)
            if title is not None:
                facts.titles.append(
                    TitleFact(
                        span=span(title.tokens[0].idx, ent.end_char),
                        person=key,
                        person_text=ent.text,
                        role=title.role,
                        qualifiers=tuple(title.qualifiers),
                    )
                )

    for token in _unlabelled_names(index):
        facts.names.append(
            EntityFact(
                span=span(token.idx, token.idx + len(token)),
                label="PROPN",
                canonical=canonical_key(token.text),
                sentence_index=index.sentence_index(token.i),
            )
        )

    for mention in extract_dates(doc, piece.published, piece.text):
        tokens = list(doc.char_span(mention.start, mention.end, alignment_mode="expand") or [])
        facts.dates.append(
            DateFact(
                span=span(mention.start, mention.end),
                value=mention.value,
                granularity=mention.granularity,  # type: ignore[arg-type]
                relative=mention.relative,
                note=mention.note,
                weekday=mention.weekday,
                year_stated=mention.year_stated,
                event=event_context(
                    index, index.sentence_index(tokens[0].i) if tokens else 0, tokens
                ),
            )
        )

    for ordinal in find_ordinals(doc):
        token = ordinal.tokens[0]
        facts.ordinals.append(
            OrdinalFact(
                span=span(token.idx, token.idx + len(token)),
                value=int(ordinal.value),
                noun=lemma(ordinal.noun) if ordinal.noun is not None else None,
                modifiers=tuple(ordinal.modifiers),
                event=event_context(index, index.sentence_index(token.i), ordinal.tokens),
            )
        )
    for count in find_counts(doc):
        first, last = count.tokens[0], count.tokens[-1]
        facts.counts.append(
            CountFact(
                span=span(first.idx, last.idx + len(last)),
                value=count.value,
                noun=lemma(count.noun) if count.noun is not None else None,
                modifiers=tuple(count.modifiers),
                event=event_context(index, index.sentence_index(first.i), count.tokens),
            )
        )
    for source in find_sources(index):
        facts.sources.append(
            SourceFact(span=span(source.start, source.end), name=source.name, cue=source.cue)
        )
    return facts


# Pieces per nlp.pipe batch. About 16 news articles is spaCy's fastest here; its default
# (256) ran slower and peaked at 2 GB of memory for 100k words.
BATCH_SIZE = 16


def extract_pieces(
    pieces: Iterable[Piece], nlp: Language, batch_size: int = BATCH_SIZE
) -> Iterator[PieceFacts]:
    """Facts of each piece, in order; each Doc is turned into facts and dropped at once.

    spaCy reads each text with long punctuation runs blanked (`linear_text`: the same length,
    so its offsets are the piece's), which keeps its tokenizer linear; facts quote the piece.
    """
    texts = ((linear_text(p.text), p) for p in pieces)
    stream = nlp.pipe(texts, batch_size=batch_size, as_tuples=True)
    for doc, piece in stream:
        yield piece_facts(piece, doc)


def extract(
    documents: Iterable[Document], nlp: Language, batch_size: int = BATCH_SIZE
) -> Iterator[DocumentFacts]:
    """Facts for each document, in order, in this process (long documents chunk by chunk).

    Other executors (`factlint.nlp.executors`) run `extract_pieces` elsewhere.
    """
    docs = list(documents)
    pieces = (p for task in plan_tasks(docs) for p in task)
    yield from assemble_in_order(docs, ([f] for f in extract_pieces(pieces, nlp, batch_size)))
