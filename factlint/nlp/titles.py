"""A person's title as written: before the name ("Chief financial officer Rita Vasquez",
"Minister of Trade and Industry Eirik Lund", "Gen. Ana Ruiz") or in apposition to it
("Arequipa's mayor, Edgar Villafuerte", "Nadia Farouk, its chief executive"). The title's
words leave out where the office is held ("Syria's", "DP", "the club's") and whose it is;
rules decide which titles are offices and compare them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token
from wordfreq import zipf_frequency

from factlint.nlp.doc_index import COMMON_WORD_ZIPF


@dataclass
class TitleMention:
    tokens: list[Token]
    person: Span
    role: str
    qualifiers: list[str] = field(default_factory=list)
    # The title's words as written, hyphenated words joined: "secretary-general".
    words: list[str] = field(default_factory=list)
    # Its words the tagger calls adjectives, written in lower case: "seasoned", "interim".
    # Rules keep only those they list as part of a title ("interim", "chief").
    adjectives: list[str] = field(default_factory=list)
    # Offices the sentence gives the person for another time: "As president, Senator Obama".
    periods: list[str] = field(default_factory=list)


DEMONYM_ENDINGS = ("an", "ian", "ese", "ish", "i", "ic")
MAN_DEMONYMS = {"german", "roman", "norman", "ottoman"}
# Words that join the parts of one title: "Minister of Trade and Industry".
JOINERS = {"of", "and", "for"}
HYPHENS = {"-", "‑"}
MODIFIER_DEPS = {"amod", "compound", "nmod", "npadvmod", "nummod"}
# Office words the recogniser often takes into the name ("Bundeskanzler Jonas Weber").
LEADING_TITLES = {
    "president", "premier", "chancellor", "bundeskanzler", "kanzler", "minister", "governor",
    "mayor", "senator", "general", "admiral", "colonel", "judge", "justice", "king", "queen",
    "prince", "pope", "sheriff", "ambassador", "presidente", "président", "präsident",
    "gen", "gov", "sen", "rep", "col", "adm", "lt", "sgt", "capt", "maj",
    "statsminister", "ministerpräsident", "premierminister", "taoiseach", "bürgermeister",
    "alcalde", "prefeito", "sindaco", "maire", "gobernador", "governador", "gouverneur",
    "ministro", "ministre", "presidenta", "kanzlerin", "bundeskanzlerin",
}  # fmt: skip
TITLE_INITIALS = {"CEO", "CFO", "COO", "CTO", "CMO", "CIO", "MD", "VP", "PM", "MP"}
# A title held in the past, not now: "former President", "the late".
PAST = {"former", "ex", "then", "late", "onetime", "erstwhile", "retired"}
# Words that set an office in another time than the title's: "As president, Senator Obama",
# "Governor Palin, now the running mate", "who later became chairman".
PERIOD_MARKERS = {"as", "now", "later", "then", "former", "future", "once", "until", "become"}
ADJECTIVE_TAGS = {"JJ", "JJR", "JJS", "VBN", "VBG"}


def _demonym_shaped(token: Token) -> bool:
    """ "Syrian", "Peruvian", "Danish": capitalised with a demonym's ending; "Spokesman" and
    "Chairman" end like one but are people."""
    lower = token.lower_
    if lower.endswith("man") and lower not in MAN_DEMONYMS:
        return False
    return token.is_title and lower.endswith(DEMONYM_ENDINGS)


def _is_place_word(token: Token) -> bool:
    if token.ent_type_ in {"GPE", "LOC", "FAC"}:
        return True
    if token.ent_type_ == "NORP" or (token.ent_type_ == "ORG" and token.ent_iob_ == "B"):
        return _demonym_shaped(token) or token.ent_type_ == "NORP"
    return token.tag_ in {"JJ", "NNP"} and _demonym_shaped(token)


def _abbreviation(token: Token) -> bool:
    """'Gen.', 'Lt.', 'Gov.': a capitalised short word with its full stop."""
    text = token.text
    return text.endswith(".") and text[:-1].isalpha() and text[:1].isupper() and len(text) <= 6


def _title_word(token: Token) -> bool:
    """A word that may be part of a title: 'chief', 'operating', 'officer', 'Minister'."""
    if _abbreviation(token):
        return True
    # Initials name the organisation ("DP chairman", "INDECI chief"), except the titles'
    # own ("CEO").
    if token.is_upper and len(token) >= 2 and token.text not in TITLE_INITIALS:
        return False
    if not token.is_alpha or token.tag_ == "POS" or _is_place_word(token):
        return False
    if token.pos_ in {"ADJ", "NOUN", "PROPN"}:
        return True
    # "chief operating officer": the tagger calls "operating" a verb.
    return token.pos_ == "VERB" and token.tag_ in {"VBG", "VBN"} and token.dep_ in MODIFIER_DEPS


def _joins_title(token: Token, before: Token | None, run: list[Token]) -> bool:
    """ "Minister of Trade and Industry": capitalised words joined into one title; but a title
    complete after "of" is the whole title ("Government of Prime Minister")."""
    if before is None or not before.is_title or before.pos_ not in {"NOUN", "PROPN"}:
        return False
    return not (token.lower_ == "of" and any(t.lower_.rstrip(".") in LEADING_TITLES for t in run))


def _entity_words(doc: Doc, i: int, limit: int, run: list[Token]) -> int | None:
    """Entity word `doc[i]` before a title's `run`: the index the walk goes on from (the
    words taken put in front of `run`), or None when the title ends here. Entity words belong
    to the title only after "of": "Minister of Trade and Industry"; otherwise they say where
    the office is held ("DP chairman")."""
    token = doc[i]
    start = _entity_start(doc, i, limit)
    # "Syrian Transitional President" taken for an organisation: after the nationality, its
    # words are the title's.
    if start < i and _is_place_word(doc[start]) and _title_word(token):
        run.insert(0, token)
        return i
    joiner = doc[start - 1] if start - 1 >= limit else None
    if joiner is None or joiner.lower_ != "of" or start - 2 < limit:
        return None
    if not doc[start - 2].is_title:
        return None
    run[:0] = list(doc[start : i + 1])
    return start


def _run_before(doc: Doc, end: int, limit: int) -> list[Token]:
    """The title words right before token `end`, walking back no further than `limit`."""
    run: list[Token] = []
    i = end - 1
    while i >= limit:
        token = doc[i]
        before = doc[i - 1] if i - 1 >= limit else None
        if token.text in HYPHENS and run and before is not None and before.is_alpha:
            run.insert(0, token)
        elif token.lower_ in JOINERS and run and run[0].is_title:
            if not _joins_title(token, before, run):
                break
            run.insert(0, token)
        elif token.ent_type_ and _portfolio(token, run):
            run.insert(0, token)
        elif token.ent_type_:
            after = _entity_words(doc, i, limit, run)
            if after is None:
                break
            i = after
        elif not _title_word(token):
            break
        else:
            run.insert(0, token)
        i -= 1
    while run and (run[0].lower_ in JOINERS or run[0].text in HYPHENS):
        run.pop(0)
    return run


def _portfolio(token: Token, run: list[Token]) -> bool:
    """A one-word entity that is a common word, right before the office: the portfolio of
    "Defence Minister", "Finance Minister", not where the office is held ("DP chairman")."""
    return (
        bool(run)
        and token.ent_iob_ == "B"
        and (token.i + 1 >= len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I")
        and token.is_alpha
        and not _is_place_word(token)
        and zipf_frequency(token.lower_, "en") >= COMMON_WORD_ZIPF
    )


def _entity_start(doc: Doc, i: int, limit: int) -> int:
    while i > limit and doc[i].ent_iob_ == "I":
        i -= 1
    return i


def _words(tokens: list[Token]) -> list[str]:
    words: list[str] = []
    glue = False
    for token in tokens:
        if token.text in HYPHENS:
            glue = True
            continue
        if glue and words:
            words[-1] += "-" + token.lower_
        else:
            words.append(token.lower_)
        glue = False
    return words


def _past_before(tokens: list[Token]) -> bool:
    """ "then-Senator", "the then Governor", "ex-chairman": the word before the title says
    it was held in the past."""
    i = tokens[0].i - 1
    doc = tokens[0].doc
    if i >= 0 and doc[i].text in HYPHENS:
        i -= 1
    return i >= 0 and doc[i].lower_ in PAST


def _adjectives(tokens: list[Token]) -> list[str]:
    """Title words the tagger calls adjectives, unless capitalised inside a sentence (the
    capital marks a formal title: "Interim President")."""
    return [
        t.lower_
        for t in tokens
        if (t.tag_ in ADJECTIVE_TAGS or t.pos_ == "ADJ") and (t.is_lower or t.is_sent_start)
    ]


def _periods(tokens: list[Token], person: Span) -> list[str]:
    """Offices the sentence gives the person for another time than the title's: nouns
    right after "as", "now", "later", "become" ("As president, Senator Obama will ...")."""
    inside = {t.i for t in tokens} | set(range(person.start, person.end))
    found = []
    for token in person.sent:
        if token.i in inside or token.pos_ not in {"NOUN", "PROPN"} or token.ent_type_:
            continue
        before = [t for t in token.doc[max(token.i - 3, person.sent.start) : token.i]]
        if any(t.lemma_.lower() in PERIOD_MARKERS for t in before):
            found.append(token.lemma_.lower())
    return found


def _mention(tokens: list[Token], person: Span) -> TitleMention | None:
    words = _words(tokens)
    if not words or any(w.rstrip(".") in PAST for w in words) or _past_before(tokens):
        return None
    # The office is the word before "of" ("Minister of Trade"), else the last word.
    heads = [t for t in tokens if t.text not in HYPHENS]
    of = next((k for k, t in enumerate(heads) if t.lower_ == "of"), None)
    role = heads[of - 1] if of else heads[-1]
    if role.pos_ not in {"NOUN", "PROPN"} and not _abbreviation(role):
        return None
    if role.is_sent_start and role.text.isupper():  # a headline or dateline in capitals
        return None
    qualifiers = [t.lower_ for t in heads if t is not role and t.lower_ not in JOINERS]
    return TitleMention(
        tokens,
        person,
        role.lemma_.lower(),
        qualifiers,
        words,
        _adjectives(heads),
        _periods(tokens, person),
    )


def _before(person: Span) -> TitleMention | None:
    """ "Chief financial officer Rita Vasquez"; "Arequipa's mayor, Edgar Villafuerte"."""
    doc, end = person.doc, person.start
    limit = person.sent.start
    if end - 2 >= limit and doc[end - 1].text == ",":
        noun = doc[end - 2]
        # The comma is an apposition only when the parser ties the name to the noun.
        if not (person.root.dep_ == "appos" and person.root.head.i == noun.i):
            return None
        end -= 1
    return _mention(_run_before(doc, end, limit), person)


def _after(person: Span) -> TitleMention | None:
    """ "Nadia Farouk, its chief executive," and "Simon Pryce, the director of football"."""
    doc = person.doc
    if person.end >= len(doc) or doc[person.end].text != ",":
        return None
    for child in person.root.rights:
        if child.dep_ != "appos" or child.i <= person.end or child.pos_ != "NOUN":
            continue
        tokens = _run_before(doc, child.i + 1, person.end + 1)
        for prep in child.rights:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                objects = [t for t in prep.subtree if t.i > prep.i]
                # "of football" is part of the title; "of Corvane" is where it is held.
                if objects and not any(t.ent_type_ for t in objects):
                    tokens += [prep, *objects]
        return _mention(tokens, person)
    return None


def _inside(person: Span) -> TitleMention | None:
    """ "Bundeskanzler Jonas Weber" taken whole for a name: the office words at its start."""
    k = 0
    while k < len(person) - 1 and person[k].lower_.rstrip(".") in LEADING_TITLES:
        k += 1
    if k == 0 or len(person) - k < 1:
        return None
    mention = _mention(list(person[:k]), person[k:])
    return mention


def find_title(person: Span) -> TitleMention | None:
    """The title written before a PERSON name, at its start, or in apposition to it."""
    return _inside(person) or _before(person) or _after(person)
