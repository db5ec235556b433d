"""Which way a yearless date or a bare weekday points: the tense of its clause.

News convention (and TimeBank's): "Thursday" in a past-tense clause is the last Thursday, in
a future one ("will meet Thursday", "is scheduled for Thursday") the next. Read from the
dependency parse: the verb the expression hangs from, its auxiliaries, and a few cue words
just before the expression ("payable Dec. 7", "since Jan. 13", "extended to Nov. 16").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from factlint.dates.grammar import Tense

_FUTURE_AUX = {"will", "'ll", "wo", "shall", "would", "might", "may", "must", "should", "'d"}
# Passive verbs whose dates lie ahead even in the past tense ("is set for Tuesday", "was
# planned for early March"; not a bare participle: "the record set on Aug. 6").
_PLANNED = {"schedule", "plan", "expect", "due", "slate", "intend", "postpone", "set"}
# Words just before a date that fix its direction: start dates ahead, "since" behind.
_FUTURE_CUES = {"payable", "effective", "starting"}
_PAST_CUES = {"since"}
_MOVED_TO = {"extend", "postpone", "delay", "move", "adjourn", "push", "defer", "reschedule"}
# A date that modifies a noun ("Wednesday's ruling", "the Feb. 23 accord") says nothing
# about the tense of the verb further up.
_NOUN_MODIFIER = {"poss", "compound", "nmod", "amod", "case"}


def clause_tense(doc: Doc, start: int, end: int) -> Tense | None:  # noqa: C901 (11; to split)
    """Tense of the verb the expression depends on, from tags, auxiliaries and cue words."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    cue = _cue(doc, span.start)
    if cue is not None:
        return cue
    token = span.root
    if token.dep_ in _NOUN_MODIFIER:
        return None
    verb = _governing_verb(token)
    if verb is None:
        return None
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxiliaries}
    if words & _FUTURE_AUX:
        return "future"
    if "to" in words and verb.tag_ == "VB":
        return _infinitive_tense(verb)
    if verb.tag_ == "VBN" and words and verb.lemma_ in _PLANNED and "had" not in words:
        return "future"  # "is scheduled for Monday", "was planned for early March"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxiliaries):
        return "past"
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxiliaries):
        return "past"
    if verb.tag_ in ("VBZ", "VBP", "VBG") or any(a.tag_ in ("VBZ", "VBP") for a in auxiliaries):
        return "present"
    return None


def _governing_verb(token: Token) -> Token | None:
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head is token:
            return None
        token = token.head
    return None


def _infinitive_tense(verb: Token) -> Tense | None:
    """An infinitive looks ahead of the verb it completes ("planned to leave Thursday",
    "agreed to buy it in February"), unless that verb is in the past perfect ("had been
    scheduled to expire Friday")."""
    head = _governing_verb(verb.head) if verb.head is not verb else None
    if head is None:
        return None
    head_aux = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
    if "had" in head_aux:
        return "past"
    return "future"


def _cue(doc: Doc, first: int) -> Tense | None:
    """ "payable Dec. 7", "extended to Nov. 16", "as soon as Tuesday", "since Jan. 13"."""
    before = [t for t in doc[max(0, first - 4) : first] if t.lower_ not in ("on", "the")]
    if not before:
        return None
    last = before[-1]
    if last.lower_ in _PAST_CUES:
        return "past"
    if last.lower_ in _FUTURE_CUES:
        return "future"
    if last.lower_ in ("to", "until", "through", "till"):
        sentence_start = doc[first].sent.start if doc.has_annotation("SENT_START") else 0
        if any(t.lemma_ in _MOVED_TO for t in doc[max(sentence_start, first - 12) : first]):
            return "future"
    words = [t.lower_ for t in before[-3:]]
    if words in (["as", "soon", "as"], ["as", "early", "as"]) or words[-2:] == ["of", "record"]:
        return "future"  # "holders of record Nov. 15": dividend record dates lie ahead
    return None
