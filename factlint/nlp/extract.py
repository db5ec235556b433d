"""The NLP pass: one spaCy run per document, turned into compact, position-carrying facts."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from factlint.documents.model import Document
from factlint.facts.model import (
    CountFact,
    DateFact,
    DocumentFacts,
    EntityFact,
    OrdinalFact,
    SourceFact,
    Span,
    TitleFact,
    span_between,
)
from factlint.findings.suppressions import document_suppressions
from factlint.nlp.dates import extract_dates
from factlint.nlp.events import event_context
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


class _Positions:
    """Turns character offsets of the analysed text into source spans."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.lines: dict[int, str] = {}

    def span(self, start: int, end: int) -> Span:
        span = span_between(self.document, start, end)
        self.lines.setdefault(span.line, self.document.line_text(span.line))
        return span


def _published_note(document: Document) -> str | None:
    if document.published is None:
        return "unknown: relative dates stay unresolved (set --reference-date or a Published: line)"
    if document.published_text:
        return f"year inferred from the weekday in '{document.published_text}'"
    return None


def _unlabelled_name(token: Token) -> bool:
    """A proper noun the recogniser left unlabelled ("Teixiera", "67th Presinct"), outside
    headlines, where every word is capitalised and the tagger calls most of them proper."""
    return (
        token.pos_ == "PROPN"
        and not token.ent_type_
        and token.is_alpha
        and token.is_title
        and not token.is_sent_start
        and len(token.text) >= 4
        and not _is_headline(token.sent)
    )


def _is_headline(sentence: SpacySpan) -> bool:
    words = [t for t in sentence if t.is_alpha and len(t.text) > 3]
    return bool(words) and sum(t.is_title for t in words) >= 0.6 * len(words)


def facts_from_doc(document: Document, doc: Doc) -> DocumentFacts:
    positions = _Positions(document)
    facts = DocumentFacts(
        path=document.path,
        id=document.id,
        title=document.title,
        url=document.url,
        published=document.published,
        published_source=document.published_source,
        published_note=_published_note(document),
        words=sum(1 for t in doc if t.is_alpha),
        suppressions=document_suppressions(document),
        text=document.text,
        anchors=document.anchors,
    )
    sentences = list(doc.sents)
    sentence_of = {}
    for index, sentence in enumerate(sentences):
        for token in sentence:
            sentence_of[token.i] = index

    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        key = canonical_key(ent.text)
        if not key:
            continue
        facts.entities.append(
            EntityFact(
                span=positions.span(ent.start_char, ent.end_char),
                label=ent.label_,
                canonical=key,
                sentence_index=sentence_of.get(ent.start, 0),
            )
        )
        if ent.label_ == "PERSON":
            title = find_title(ent)
            if title is not None:
                facts.titles.append(
                    TitleFact(
                        span=positions.span(title.tokens[0].idx, ent.end_char),
                        person=key,
                        person_text=ent.text,
                        role=title.role,
                        qualifiers=title.qualifiers,
                    )
                )

    for token in doc:
        if _unlabelled_name(token):
            facts.names.append(
                EntityFact(
                    span=positions.span(token.idx, token.idx + len(token.text)),
                    label="PROPN",
                    canonical=canonical_key(token.text),
                    sentence_index=sentence_of.get(token.i, 0),
                )
            )

    for mention in extract_dates(doc, document.published):
        tokens = list(doc.char_span(mention.start, mention.end, alignment_mode="expand") or [])
        sentence = tokens[0].sent if tokens else sentences[0]
        facts.dates.append(
            DateFact(
                span=positions.span(mention.start, mention.end),
                value=mention.value,
                granularity=mention.granularity,  # type: ignore[arg-type]
                relative=mention.relative,
                note=mention.note,
                weekday=mention.weekday,
                year_stated=mention.year_stated,
                event=event_context(sentence, tokens),
            )
        )

    for ordinal in find_ordinals(doc):
        token = ordinal.tokens[0]
        facts.ordinals.append(
            OrdinalFact(
                span=positions.span(token.idx, token.idx + len(token.text)),
                value=int(ordinal.value),
                noun=ordinal.noun.lemma_.lower() if ordinal.noun is not None else None,
                modifiers=ordinal.modifiers,
                event=event_context(token.sent, ordinal.tokens),
            )
        )
    for count in find_counts(doc):
        first, last = count.tokens[0], count.tokens[-1]
        facts.counts.append(
            CountFact(
                span=positions.span(first.idx, last.idx + len(last.text)),
                value=count.value,
                noun=count.noun.lemma_.lower() if count.noun is not None else None,
                modifiers=count.modifiers,
                event=event_context(first.sent, count.tokens),
            )
        )
    for source in find_sources(doc):
        facts.sources.append(
            SourceFact(
                span=positions.span(source.start, source.end), name=source.name, cue=source.cue
            )
        )
    facts.lines = dict(sorted(positions.lines.items()))
    return facts


# Documents per nlp.pipe batch. About 16 news articles is spaCy's fastest here; its default
# (256) ran slower and peaked at 2 GB of memory for 100k words.
BATCH_SIZE = 16


def extract(
    documents: Iterable[Document], nlp: Language, batch_size: int = BATCH_SIZE, jobs: int = 1
) -> Iterator[DocumentFacts]:
    """Facts for each document, in order, from a single batched spaCy pass.

    Docs stream through: each is turned into facts and dropped before the next batch.
    """
    docs = list(documents)
    if jobs > 1 and len(docs) > batch_size:
        from factlint.nlp.parallel import extract_parallel

        yield from extract_parallel(docs, jobs)
        return
    for document, doc in zip(
        docs, nlp.pipe((d.text for d in docs), batch_size=batch_size), strict=True
    ):
        yield facts_from_doc(document, doc)
