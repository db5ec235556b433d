"""Per-document lookups the fact finders share, each computed once.

spaCy recomputes `Doc.ents`, `Span.ents`, `Token.sent` and `Doc.text` from the whole document
at every access; asked once per fact, that cost more than every finder's own work together.
"""

from __future__ import annotations

import bisect
import sys

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan
from wordfreq import zipf_frequency

from factlint.nlp.names import canonical_key

PARTICIPANT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "EVENT"})
# Proper nouns at least this frequent as English words ("President", "Monday") are not names.
COMMON_WORD_ZIPF = 4.0


class DocIndex:
    """A parsed document with its sentences, entities and per-sentence summaries at hand.

    `text` must be the text the Doc was made from: the document's analysed text, or the
    chunk of it that starts at character `offset`.
    """

    def __init__(self, doc: Doc, text: str, offset: int = 0) -> None:
        self.doc = doc
        self.text = text
        self.offset = offset
        self.ents: tuple[SpacySpan, ...] = tuple(doc.ents)
        self.sentences: list[SpacySpan] = list(doc.sents) or [doc[:]]
        self._starts = [s.start for s in self.sentences]
        self._ents_by_sentence: list[list[SpacySpan]] | None = None
        self._texts: dict[int, str] = {}
        self._everyone: dict[int, tuple[str, ...]] = {}
        self._headline: dict[int, bool] = {}

    def sentence_index(self, token_i: int) -> int:
        return max(0, bisect.bisect_right(self._starts, token_i) - 1)

    def sentence_entities(self, index: int) -> list[SpacySpan]:
        if self._ents_by_sentence is None:
            buckets: list[list[SpacySpan]] = [[] for _ in self.sentences]
            for ent in self.ents:
                buckets[self.sentence_index(ent.start)].append(ent)
            self._ents_by_sentence = buckets
        return self._ents_by_sentence[index]

    def sentence_text(self, index: int) -> str:
        """The sentence, stripped: one string object for all the facts that quote it."""
        text = self._texts.get(index)
        if text is None:
            sentence = self.sentences[index]
            text = self._texts[index] = self.text[sentence.start_char : sentence.end_char].strip()
        return text

    def sentence_participants(self, index: int) -> tuple[str, ...]:
        """Keys of everyone named in the sentence: participant entities, and proper nouns the
        recogniser missed that are not common English words."""
        keys = self._everyone.get(index)
        if keys is None:
            found = {
                canonical_key(e.text)
                for e in self.sentence_entities(index)
                if e.label_ in PARTICIPANT_LABELS
            }
            found.update(
                canonical_key(t.text)
                for t in self.sentences[index]
                if t.pos_ == "PROPN"
                and t.ent_type_ not in PARTICIPANT_LABELS
                and t.is_alpha
                and t.is_title
                and zipf_frequency(t.lower_, "en") < COMMON_WORD_ZIPF
            )
            keys = self._everyone[index] = tuple(sorted(found - {""}))
        return keys

    def is_headline(self, index: int) -> bool:
        """Most longer words capitalised: a headline, where the tagger calls words proper."""
        headline = self._headline.get(index)
        if headline is None:
            words = [t for t in self.sentences[index] if t.is_alpha and len(t.text) > 3]
            headline = bool(words) and sum(t.is_title for t in words) >= 0.6 * len(words)
            self._headline[index] = headline
        return headline


def lemma(token: Token) -> str:
    """Lower-case lemma, interned: the same few thousand words recur across every document."""
    return sys.intern(token.lemma_.lower())
