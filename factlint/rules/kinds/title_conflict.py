"""Kind `title_conflict`: one person's title differs across documents.

A title is a person's office, rank or role as a value: the words written before a name
("Chief financial officer Rita Vasquez", "Minister of Trade and Industry Eirik Lund") or in
apposition to it ("Arequipa's mayor, Edgar Villafuerte", "Nadia Farouk, its chief
executive"). Before comparing, a title is put in one form: house abbreviations spelled out
(CFO, Gen., Lt.), "X of Y" turned into "Y X" ("director of football" = "football director"),
gendered forms made one ("chairwoman" = "chairman"), words that describe rather than name
the office left out. Then, for one person (same initial and surname) across the set:

- the same title, or one that only adds words to the other ("Governor" / "regional
  governor", "President" / "interim President"): nothing;
- synonyms and translations ("Premier" / "Prime Minister", "Chancellor" / "Bundeskanzler")
  and other tenure words ("interim" / "acting"): reported at `synonym_severity` (info);
- a different office ("chief operating officer" / "chief financial officer", "mayor" /
  "governor") or rank ("Rear Admiral" / "Vice Admiral", "deputy" added): reported at the
  rule's severity.

The title most documents use is the reference; titles that are not offices (actress, star,
striker, "vice presidential candidate") are never compared: the `offices` option lists the
words a title must end in. Adjectives before the office that no list names describe the
person ("seasoned director") and are left out; a function ("attorney") meets only titles
of its own word; an office the sentence sets in another time ("As president, Senator
Obama") is not compared with it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Annotated

from pydantic import Field

from factlint.diagnostics import Finding, Severity
from factlint.facts.model import DocumentFacts, FactSet, Span, TitleFact, sub_span
from factlint.nlp.names import skeleton
from factlint.rules.base import RuleKind, evidence_of
from factlint.rules.linking import plural
from factlint.rules.model import KindOptions
from factlint.rules.registry import register
from factlint.rules.voting import NO_MAJORITY

_ABBREVIATION = re.compile(r"\.$")


class Options(KindOptions):
    offices: Annotated[
        list[str],
        Field(
            description="Words that make a title an office, rank or role worth comparing; a"
            ' title with none ("actress", "striker") is a description and left alone.'
        ),
    ] = [
        "president", "minister", "premier", "chancellor", "governor", "mayor", "senator",
        "representative", "congressman", "chairman", "chief", "director", "officer",
        "executive", "secretary", "secretary-general", "general", "admiral", "colonel",
        "major", "captain", "lieutenant", "sergeant", "commander", "commissioner", "judge",
        "justice", "ambassador", "spokesman", "manager", "treasurer", "prosecutor",
        "attorney", "sheriff", "superintendent", "inspector", "detective", "marshal",
        "councilman", "councillor", "king", "queen", "prince", "emir", "pope", "bishop",
        "archbishop", "cardinal", "editor", "publisher",
        "speaker", "provost", "dean", "rector", "coach", "deputy", "vice", "constable",
    ]  # fmt: skip
    abbreviations: Annotated[
        dict[str, str],
        Field(description='Abbreviations spelled out before titles are compared ("CFO", "Gen.").'),
    ] = {
        "ceo": "chief executive officer", "cfo": "chief financial officer",
        "coo": "chief operating officer", "cto": "chief technology officer",
        "cmo": "chief marketing officer", "cio": "chief information officer",
        "md": "managing director", "vp": "vice president", "pm": "prime minister",
        "gen": "general", "lt": "lieutenant", "adm": "admiral", "col": "colonel",
        "maj": "major", "capt": "captain", "cpt": "captain", "sgt": "sergeant",
        "cmdr": "commander", "cdr": "commander", "brig": "brigadier", "gov": "governor",
        "sen": "senator", "rep": "representative", "pres": "president", "sec": "secretary",
        "supt": "superintendent", "insp": "inspector", "det": "detective",
        "amb": "ambassador", "atty": "attorney", "dir": "director", "mgr": "manager",
        "chairwoman": "chairman", "chairperson": "chairman", "chair": "chairman",
        "spokeswoman": "spokesman", "spokesperson": "spokesman",
        "congresswoman": "congressman", "councilwoman": "councilman",
        "councilor": "councillor",
    }  # fmt: skip
    synonyms: Annotated[
        list[list[str]],
        Field(description="One office in other words or languages: `synonym_severity`."),
    ] = [
        ["prime minister", "premier", "premier ministre", "première ministre",
         "primeiro-ministro", "primeira-ministra", "primer ministro", "primera ministra",
         "primo ministro", "prima ministra", "ministerpräsident", "ministerpräsidentin",
         "premierminister", "statsminister", "statsministeren", "pääministeri",
         "taoiseach", "premiér", "premier-ministre"],
        ["chancellor", "bundeskanzler", "kanzler", "bundeskanzlerin", "kanzlerin"],
        ["president", "presidente", "presidenta", "président", "présidente", "präsident",
         "präsidentin", "prezydent", "presidentti"],
        ["minister", "ministre", "ministro", "ministra", "minister-president",
         "ministerin"],
        ["mayor", "alcalde", "alcaldesa", "bürgermeister", "bürgermeisterin", "prefeito",
         "prefeita", "sindaco", "maire", "ordfører", "borgmästare", "borgmester",
         "burgemeester"],
        ["governor", "gobernador", "gobernadora", "governador", "governadora",
         "gouverneur"],
        ["foreign minister", "foreign secretary", "minister of foreign affairs"],
    ]  # fmt: skip
    tenure: Annotated[
        list[str],
        Field(description='Words of tenure: "interim" / "acting" President is one office.'),
    ] = [
        "interim", "acting", "transitional", "caretaker", "provisional", "temporary",
        "designate", "elect",
    ]  # fmt: skip
    ranks: Annotated[
        list[str],
        Field(description="Words that change the rank: added or different, another title."),
    ] = [
        "deputy", "vice", "assistant", "associate", "under", "rear", "lieutenant",
        "brigadier", "sub", "junior", "senior", "staff", "first", "second", "principal",
    ]  # fmt: skip
    descriptive: Annotated[
        list[str],
        Field(description='Words that describe the office, not name it ("regional governor").'),
    ] = [
        "regional", "national", "federal", "local", "provincial", "municipal", "state",
        "city", "county", "new", "longtime", "current", "top", "incumbent", "sitting",
        "serving", "newly", "veteran", "powerful", "popular", "embattled", "beleaguered",
        "the", "its", "their", "his", "her", "team", "club", "company", "firm", "group",
    ]  # fmt: skip
    qualifiers: Annotated[
        list[str],
        Field(
            description="Adjectives that may open a title besides the words of the other"
            ' lists ("chief", "foreign", "sporting"); any other adjective before an office'
            ' describes the person ("seasoned director") and is left out.'
        ),
    ] = [
        "chief", "prime", "foreign", "interior", "home", "financial", "operating",
        "technical", "commercial", "sporting", "artistic", "creative", "medical", "legal",
        "general", "managing", "executive", "political", "economic", "military", "supreme",
        "high", "special", "royal", "grand", "presiding", "ranking", "surgeon", "solicitor",
        "majority", "minority", "permanent", "parliamentary", "judicial", "editorial",
    ]  # fmt: skip
    functions: Annotated[
        list[str],
        Field(
            description='What someone does rather than an office held ("attorney"): compared'
            ' only with titles of the same word ("spokesman" / "deputy spokesman").'
        ),
    ] = [
        "attorney", "lawyer", "prosecutor", "counsel", "spokesman", "adviser", "advisor",
        "aide", "analyst", "economist", "consultant", "official", "negotiator", "envoy",
    ]  # fmt: skip
    synonym_severity: Severity = Field(
        Severity.info, description="Severity of one office in other words (a synonym, tenure)."
    )
    max_evidence: int = Field(3, description="Documents quoted as evidence, at most.")


SAME, SYNONYM, RANK, OFFICE = 0, 1, 2, 3
DIFFERENCE = {
    SYNONYM: "the same office in other words",
    RANK: "another rank",
    OFFICE: "another office",
}


@dataclass(frozen=True)
class Titled:
    doc: DocumentFacts
    fact: TitleFact
    # The title's offices, each in one form ("chairman and chief executive": two).
    offices: tuple[tuple[str, ...], ...]
    # The title as compared, descriptive adjectives before it left out.
    span: Span


class Titles:
    """Titles put in one form and compared, with the kind's word lists."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self.offices = set(options.offices)
        self.tenure = set(options.tenure)
        self.ranks = set(options.ranks)
        self.descriptive = set(options.descriptive)
        self.functions = set(options.functions)
        self.synonyms: dict[tuple[str, ...], tuple[str, ...]] = {}
        # One-word names of an office in other languages are offices too ("Bundeskanzler").
        self.offices.update(p for group in options.synonyms for p in group if " " not in p)
        for group in options.synonyms:
            first = self.words(group[0])
            for phrase in group:
                self.synonyms[self.words(phrase)] = first
        # Words that may stand at the start of a title even when tagged as adjectives.
        self.listed = (
            self.offices | self.tenure | self.ranks | self.descriptive
            | set(options.qualifiers) | set(options.abbreviations)
            | {w for phrase in self.synonyms for w in phrase}
        )  # fmt: skip

    def trimmed(self, fact: TitleFact) -> tuple[str, Span]:
        """The title without the adjectives before it that no list names: "seasoned
        director" is a director, "gratified Secretary" a secretary."""
        words = fact.title.split()
        drop = 0
        while drop < len(words) - 1 and words[drop] in fact.adjectives:
            if words[drop].rstrip(".") in self.listed:
                break
            drop += 1
        if not drop:
            return fact.title, fact.span
        text, cursor = fact.span.text, 0
        for word in words[:drop]:
            found = text.lower().find(word, cursor)
            if found < 0:
                return fact.title, fact.span
            cursor = found + len(word)
        while cursor < len(text) and text[cursor].isspace():
            cursor += 1
        return " ".join(words[drop:]), sub_span(fact.span, cursor, len(text))

    def words(self, title: str) -> tuple[str, ...]:
        """Lower case, abbreviations spelled out, 'vice-president' split."""
        out: list[str] = []
        for word in title.lower().split():
            word = _ABBREVIATION.sub("", word)
            head, _, rest = word.partition("-")
            if rest and head in self.ranks:
                out.extend((head, rest))
                continue
            out.extend(self.options.abbreviations.get(word, word).split())
        # "chief executive officer" and "chief executive" are one title ("chief financial
        # officer" keeps its officer: "financial" names no office).
        if (
            len(out) >= 3
            and out[-1] == "officer"
            and out[-3] == "chief"
            and out[-2] in self.offices
        ):
            out.pop()
        return tuple(out)

    def offices_of(self, title: str) -> tuple[tuple[str, ...], ...]:
        """The title's offices in one form: "X of Y" as "Y X", descriptive words left out;
        "chairman and chief executive" is two offices. Empty when none is an office."""
        words = [w for w in self.words(title) if w not in self.descriptive]
        if "of" in words:
            i = words.index("of")
            parts = [[*words[i + 1 :], *words[:i]]]
        else:
            parts = []
            part: list[str] = []
            for word in words:
                if word == "and":
                    parts.append(part)
                    part = []
                else:
                    part.append(word)
            parts.append(part)
        # A part is an office when its last word is one: "vice presidential candidate" is
        # a candidacy, "Government of Prime Minister" a government; past "of", what follows
        # alone is the title when the words before it name no office.
        found = []
        for part in parts:
            if part and part[-1] not in self.offices and "of" in words:
                part = part[: len(words) - 1 - words.index("of")]
            if part and part[-1] in self.offices:
                found.append(tuple(part))
        return tuple(found)

    def relation(self, a: tuple[str, ...], b: tuple[str, ...]) -> int:
        if a == b:
            return SAME
        sa, sb = self._synonym(a), self._synonym(b)
        if sa == sb or set(sa) <= set(sb) or set(sb) <= set(sa):
            extra = set(sa) ^ set(sb)
            if extra & self.ranks:
                return RANK
            if sa == sb or not (set(a) <= set(b) or set(b) <= set(a)):
                return SYNONYM
            return SAME
        if set(sa) - self.tenure == set(sb) - self.tenure:
            return SYNONYM
        if set(sa) - self.ranks == set(sb) - self.ranks:
            return RANK
        return OFFICE

    def _synonym(self, words: tuple[str, ...]) -> tuple[str, ...]:
        """Each phrase of a synonym group as the group's first ('premier' -> 'prime minister')."""
        out: list[str] = []
        i = 0
        while i < len(words):
            for size in (3, 2, 1):
                phrase = words[i : i + size]
                if len(phrase) == size and phrase in self.synonyms:
                    out.extend(self.synonyms[phrase])
                    i += size
                    break
            else:
                out.append(words[i])
                i += 1
        return tuple(out)

    def best(self, a: Titled, b: Titled) -> int | None:
        """How the two titles differ at the closest; None when they are not compared: a
        function against another office ("attorney" / "director"), or an office the other
        sentence sets in another time ("As president, Senator Obama")."""
        heads_a = {x[-1] for x in a.offices}
        heads_b = {y[-1] for y in b.offices}
        if not heads_a & heads_b and (
            (heads_a | heads_b) & self.functions
            or heads_a & set(b.fact.periods)
            or heads_b & set(a.fact.periods)
        ):
            return None
        return min(self.relation(x, y) for x in a.offices for y in b.offices)


def person_keys(facts: FactSet) -> dict[str, tuple[str, str]]:
    """Person key (canonical name) -> (initial, surname skeleton). A surname alone counts as
    the one person of the set with that surname, and as no one when several share it
    (Nadia and Karim Farouk)."""
    initials: dict[str, set[str]] = defaultdict(set)
    names = {
        e.canonical for doc in facts.documents for e in doc.entities if e.label == "PERSON"
    } | {t.person for doc in facts.documents for t in doc.titles}
    for name in names:
        parts = name.split()
        if len(parts) >= 2:
            initials[skeleton(parts[-1])].add(parts[0][:1])
    keys: dict[str, tuple[str, str]] = {}
    for name in names:
        parts = name.split()
        if not parts:
            continue
        surname = skeleton(parts[-1])
        if len(parts) >= 2:
            keys[name] = (parts[0][:1], surname)
        elif len(initials[surname]) <= 1:
            keys[name] = (next(iter(initials[surname]), ""), surname)
    return keys


@register("title_conflict")
class TitleConflict(RuleKind[Options]):
    """One person's office, rank or role differs across documents."""

    message_fields = {
        "title": "this document's title",
        "other": "the title the other documents give",
        "person": "the person, as this document names them",
        "support": "the documents that write the other title, e.g. '2 other documents'",
        "difference": "'the same office in other words', 'another rank' or 'another office'",
        "note": "' (no majority: check which is right)' on a tie, else empty",
    }
    compares = ("titles",)

    def blocking_keys(self, doc: DocumentFacts) -> set[str]:
        # Titles are grouped by initial and surname, and a lone surname is resolved against
        # every person of the set who has it: a document meets those naming the same surnames.
        names = {e.canonical for e in doc.entities if e.label == "PERSON"}
        names |= {t.person for t in doc.titles}
        return {skeleton(n.split()[-1]) for n in names if n.split()}

    def check(self, facts: FactSet) -> Iterable[Finding]:
        titles = Titles(self.options)
        keys = person_keys(facts)
        groups: dict[tuple[str, str], list[Titled]] = defaultdict(list)
        for doc in facts.documents:
            for fact in doc.titles:
                key = keys.get(fact.person)
                title, span = titles.trimmed(fact) if fact.title else (fact.span.text, fact.span)
                offices = titles.offices_of(title)
                if key is not None and offices:
                    groups[key].append(Titled(doc, fact, offices, span))
        for key in sorted(groups):
            yield from self._check(titles, groups[key])

    def _check(self, titles: Titles, items: list[Titled]) -> Iterable[Finding]:
        options = self.options

        # The reference: the title whose compatible titles most documents use.
        def support(item: Titled) -> set[str]:
            return {o.doc.path for o in items if titles.best(item, o) == SAME}

        def words(item: Titled) -> int:
            return max(map(len, item.offices))

        # Only the most specific titles can be the reference: "President" agrees with both
        # "interim President" and "Transitional President", which still disagree.
        specific = [
            i
            for i in items
            if not any(titles.best(i, o) == SAME and words(o) > words(i) for o in items)
        ]
        reference = max(specific, key=lambda i: (len(support(i)), -items.index(i)))
        backing = sorted(support(reference))
        rivals = [i for i in items if titles.best(i, reference) not in (SAME, None)]
        tie = any(len(support(i)) == len(backing) for i in rivals)
        for item in items:
            difference = titles.best(item, reference)
            if difference in (SAME, None):
                continue
            firsts = (
                next(i for i in items if i.doc.path == path and titles.best(i, reference) == SAME)
                for path in backing
            )
            evidence = evidence_of(((i.doc, i.span) for i in firsts), options.max_evidence)
            others = len([p for p in backing if p != item.doc.path])
            yield self.finding(
                item.doc,
                item.span,
                evidence,
                severity=options.synonym_severity if difference == SYNONYM else None,
                title=" ".join(item.span.text.split()),
                other=" ".join(reference.span.text.split()),
                person=item.fact.person_text,
                support=plural(others, "other document") if others else "this document",
                difference=DIFFERENCE[difference],
                note=NO_MAJORITY if tie else "",
                more_evidence=len(backing) - len(evidence),
            )
