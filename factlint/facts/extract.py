"""The NLP pass: one spaCy run per document, turned into compact, position-carrying facts."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import partial

import numpy
import regex
from spacy.attrs import ENT_TYPE, IS_ALPHA, IS_TITLE, POS
from spacy.language import Language
from spacy.symbols import PROPN
from spacy.tokens import Doc, Token
from wordfreq import zipf_frequency

from factlint.dates import extract_dates
from factlint.documents.model import Document, SourceMap
from factlint.facts.model import (
    CountFact,
    DateFact,
    DocumentFacts,
    EntityFact,
    OrdinalFact,
    SourceFact,
    Span,
    TitleFact,
    span_in,
)
from factlint.facts.pieces import (
    Piece,
    PieceFacts,
    assemble_in_order,
    plan_tasks,
)
from factlint.nlp.doc_index import COMMON_WORD_ZIPF, DocIndex, lemma
from factlint.nlp.events import event_context
from factlint.nlp.guard import linear_text
from factlint.nlp.names import canonical_key
from factlint.nlp.ordinals import find_counts, find_ordinals
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

# Label of capitalised words no finder picked (see `_capitalised_words`).
CAPITALISED = "CAP"


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


_CAPITALISED = regex.compile(r"\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)*")
# A name written after its initial without a space, as wire copy romanises Mongolian and
# Russian names ("L.Hishigbayar"): a proper noun by its shape.
_INITIAL_NAME = regex.compile(r"\p{Lu}\.\p{Lu}\p{Ll}+")


def _capitalised_words(index: DocIndex, taken: set[int]) -> Iterator[tuple[int, int, int, str]]:
    """Capitalised words outside the labelled entities and the picked proper nouns, wherever
    they stand: at a sentence start, inside a token such as "L.Hishigbayar", or in a sentence
    where the recogniser called the name a date or nothing at all. A spelling found wrong
    elsewhere must be found here too. Common English words ("However") are left out.
    Yields (start, end, token index, label)."""
    for token in index.doc:
        if token.i in taken or token.ent_type_ in ENTITY_LABELS or len(token) < 4:
            continue
        if not token.text[:1].isupper() and "." not in token.text:
            continue
        label = "PROPN" if _INITIAL_NAME.fullmatch(token.text) else CAPITALISED
        for match in _CAPITALISED.finditer(token.text):
            word = match.group(0)
            if len(word) >= 4 and zipf_frequency(word.lower(), "en") < COMMON_WORD_ZIPF:
                yield token.idx + match.start(), token.idx + match.end(), token.i, label


# A piece's span maker: characters start..end of the piece -> a Span in the whole document.
SpanOf = Callable[[int, int], Span]


def piece_facts(piece: Piece, doc: Doc) -> PieceFacts:
    """The facts of one piece (a document, or a chunk of one) from its parsed Doc."""
    positions = SourceMap(piece.text, list(piece.anchors))
    span: SpanOf = partial(span_in, piece.text, positions, offset=piece.offset)
    index = DocIndex(doc, piece.text, piece.offset)
    entities, titles = _entities(index, span)
    return PieceFacts(
        index=piece.index,
        last=piece.last,
        sentences=len(index.sentences),
        words=doc.count_by(IS_ALPHA).get(1, 0),
        entities=entities,
        titles=titles,
        names=_names(index, span, piece.text),
        dates=_dates(index, span, piece),
        ordinals=_ordinals(index, span),
        counts=_counts(index, span),
        sources=[
            SourceFact(span=span(source.start, source.end), name=source.name, cue=source.cue)
            for source in find_sources(index)
        ],
    )


def _entities(index: DocIndex, span: SpanOf) -> tuple[list[EntityFact], list[TitleFact]]:
    """The labelled entities, and the titles of the people among them."""
    entities: list[EntityFact] = []
    titles: list[TitleFact] = []
    for ent in index.ents:
        label = ent.label_
        if label not in ENTITY_LABELS:
            continue
        key = canonical_key(ent.text)
        if not key:
            continue
        entities.append(
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
                last = title.tokens[-1]
                titles.append(
                    TitleFact(
                        span=span(title.tokens[0].idx, last.idx + len(last)),
                        person=canonical_key(title.person.text),
                        person_text=title.person.text,
                        role=title.role,
                        qualifiers=tuple(title.qualifiers),
                        title=" ".join(title.words),
                        adjectives=tuple(title.adjectives),
                        periods=tuple(title.periods),
                    )
                )
    return entities, titles


def _names(index: DocIndex, span: SpanOf, text: str) -> list[EntityFact]:
    """Names outside the labelled entities: unlabelled proper nouns, then capitalised words."""
    picked = _unlabelled_names(index)
    names = [
        EntityFact(
            span=span(token.idx, token.idx + len(token)),
            label="PROPN",
            canonical=canonical_key(token.text),
            sentence_index=index.sentence_index(token.i),
        )
        for token in picked
    ]
    for start, end, i, label in _capitalised_words(index, {t.i for t in picked}):
        names.append(
            EntityFact(
                span=span(start, end),
                label=label,
                canonical=canonical_key(text[start:end]),
                sentence_index=index.sentence_index(i),
            )
        )
    return names


def _dates(index: DocIndex, span: SpanOf, piece: Piece) -> list[DateFact]:
    doc = index.doc
    dates: list[DateFact] = []
    for mention in extract_dates(doc, piece.published, piece.text):
        tokens = list(doc.char_span(mention.start, mention.end, alignment_mode="expand") or [])
        dates.append(
            DateFact(
                **mention.value_fields(),
                span=span(mention.start, mention.end),
                event=event_context(
                    index, index.sentence_index(tokens[0].i) if tokens else 0, tokens
                ),
            )
        )
    return dates


def _ordinals(index: DocIndex, span: SpanOf) -> list[OrdinalFact]:
    ordinals: list[OrdinalFact] = []
    for ordinal in find_ordinals(index.doc):
        token = ordinal.tokens[0]
        ordinals.append(
            OrdinalFact(
                span=span(token.idx, token.idx + len(token)),
                value=int(ordinal.value),
                noun=lemma(ordinal.noun) if ordinal.noun is not None else None,
                modifiers=tuple(ordinal.modifiers),
                event=event_context(index, index.sentence_index(token.i), ordinal.tokens),
                restricted=ordinal.restricted,
            )
        )
    return ordinals


def _counts(index: DocIndex, span: SpanOf) -> list[CountFact]:
    counts: list[CountFact] = []
    for count in find_counts(index.doc):
        first, last = count.tokens[0], count.tokens[-1]
        counts.append(
            CountFact(
                span=span(first.idx, last.idx + len(last)),
                value=count.value,
                noun=lemma(count.noun) if count.noun is not None else None,
                modifiers=tuple(count.modifiers),
                event=event_context(index, index.sentence_index(first.i), count.tokens),
                unit=count.unit,
                hedged=count.hedged,
                scope=count.scope,
            )
        )
    return counts


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

    Other executors (`factlint.facts.executors`) run `extract_pieces` elsewhere.
    """
    docs = list(documents)
    pieces = (p for task in plan_tasks(docs) for p in task)
    yield from assemble_in_order(docs, ([f] for f in extract_pieces(pieces, nlp, batch_size)))
