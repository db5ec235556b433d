"""Outlets a text reports from: any organisation that reports, publishes, is told, is credited or
is named as a publication, not only after a fixed cue.

- cue and credit lines: "according to X", "reported by X", "Credited from: X", "Additional
  reporting: X", "Photo: X", "via X";
- the parse: X is the subject of a reporting verb ("X reported", "X, which first reported"),
  the one told or spoken to ("told X", "said to X"), the agent of a passive report ("first
  reported by X"), or stands with a publication noun ("the newspaper X", "X, the daily,", "X
  newspaper", "X, a newsletter read by...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from factlint.nlp.doc_index import DocIndex

CUES = re.compile(
    r"\b(?:according to|(?:as )?reported by|credited from:?|courtesy of|sources?:|via"
    r"|(?:additional )?reporting(?: by|:)|credit:|photo(?:graph)?:|image:|©)\s+",
    re.IGNORECASE,
)
SOURCE_LABELS = {"ORG", "WORK_OF_ART", "PERSON", "GPE", "NORP", "PRODUCT", "FAC"}
# Labels an outlet gets from the recogniser when the parse, not a cue, says it reports.
OUTLET_LABELS = {"ORG", "WORK_OF_ART", "PRODUCT", "FAC"}
# Nouns that say a name is a publication: "the newspaper X", "X, the daily".
PUBLICATION_NOUNS = {
    "newspaper", "paper", "daily", "weekly", "magazine", "newsletter", "journal", "tabloid",
    "broadcaster", "channel", "station", "network", "agency", "wire", "outlet", "website",
    "publication", "radio", "television", "newswire", "gazette", "periodical", "bulletin",
    "newsweekly", "site", "blog", "podcast",
}  # fmt: skip
# Last words of newspaper names: "Herald", "Times", "Gazette".
MASTHEAD_WORDS = {
    "herald", "times", "post", "journal", "gazette", "tribune", "telegraph", "chronicle",
    "courier", "observer", "standard", "mirror", "express", "guardian", "independent",
    "daily", "weekly", "news", "bulletin", "monitor", "record", "examiner", "inquirer",
    "dispatch", "sentinel", "star", "sun", "mail", "review", "register", "leader",
}  # fmt: skip
REPORTING_VERBS = {"report", "publish", "broadcast", "quote", "cite", "air", "print", "reveal"}
TOLD_VERBS = {"tell", "say", "speak", "talk", "write"}


@dataclass
class SourceMention:
    start: int
    end: int
    name: str
    cue: str


def _cue_mentions(index: DocIndex) -> list[SourceMention]:
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


def _publication_noun(token: Token | None) -> bool:
    return token is not None and token.lemma_.lower() in PUBLICATION_NOUNS


def _near_publication_noun(ent: Span) -> bool:
    """ "the newspaper X", "the Portuguese sports daily X", "X newspaper", "X, the daily"."""
    doc = ent.doc
    if ent.end < len(doc) and _publication_noun(doc[ent.end]):
        return True
    i = ent.start - 1
    # Over the describing words: "the Portuguese sports daily", "the state broadcaster".
    while i >= 0 and i >= ent.start - 4:
        token = doc[i]
        if _publication_noun(token):
            return True
        if token.pos_ not in {"ADJ", "NOUN", "PROPN"} or token.is_punct:
            break
        i -= 1
    return any(c.dep_ == "appos" and _publication_noun(c) for c in ent.root.children)


def _titled_like_outlet(ent: Span) -> bool:
    """A name the recogniser took for a person that reads as an outlet: "the Steppe Herald"
    (people take no article), "Kyiv Post" (a masthead word at its end)."""
    doc = ent.doc
    if ent[0].lower_ == "the" or (ent.start > 0 and doc[ent.start - 1].lower_ == "the"):
        return True
    return ent[-1].lower_ in MASTHEAD_WORDS


def _reports(ent: Span) -> str | None:
    """Why the parse says `ent` is an outlet ("reported", "told"), or None."""
    root = ent.root
    head = root.head
    lemma = head.lemma_.lower()
    if root.dep_ in {"nsubj", "nsubjpass"} and lemma in REPORTING_VERBS:
        return lemma
    if any(c.dep_ == "relcl" and c.lemma_.lower() in REPORTING_VERBS for c in root.children):
        return "which reported"
    if root.dep_ in {"dobj", "dative"} and lemma == "tell":
        return "told"
    if root.dep_ == "pobj":
        governor = head.head
        verb = governor.lemma_.lower()
        if head.lower_ == "to" and verb in TOLD_VERBS:
            return f"{verb} to"
        if head.lower_ == "by" and verb in REPORTING_VERBS:
            return f"{verb} by"
        if head.lower_ == "with" and governor.lemma_.lower() == "interview":
            return "interview with"
    return None


def _parsed_mentions(index: DocIndex) -> list[SourceMention]:
    found: list[SourceMention] = []
    for ent in index.ents:
        if ent.label_ not in SOURCE_LABELS:
            continue
        if _near_publication_noun(ent):
            cue = "publication"
        elif ent.label_ in OUTLET_LABELS or _titled_like_outlet(ent):
            cue = _reports(ent) or ""
        else:
            cue = ""
        if cue:
            found.append(SourceMention(ent.start_char, ent.end_char, ent.text, cue))
    return found


def find_sources(index: DocIndex) -> list[SourceMention]:
    """Every outlet mention, once, in text order."""
    seen: set[tuple[int, int]] = set()
    found: list[SourceMention] = []
    for mention in sorted(
        [*_cue_mentions(index), *_parsed_mentions(index)], key=lambda m: (m.start, m.end)
    ):
        if (mention.start, mention.end) not in seen:
            seen.add((mention.start, mention.end))
            found.append(mention)
    return found
