"""Kind `variant_spelling`: one name spelled two ways, inside a document or across the set.

Every word of a named entity is a *form*. Forms are compared only inside blocks (same
consonant skeleton, same first or last three letters of the transliteration form, same
letters), so the cost follows the number of distinct names, not all pairs. A pair is a
variant when its difference has the shape of a transliteration or typing slip (vowels, kh/h,
q/k, ou/u, y/i, doubled letters, one swapped or dropped letter in a long word) and nothing
says the two are different names:

- one is the other plus a derivational ending (Syria/Syrian, Jordan/Jordanian);
- both are frequent English words or names (Iran/Iraq, Austria/Australia, Michael/Michele),
  unless they stand in one full name (Ahmed al-Sharaa / Ahmad al-Sharaa);
- they come with different companions (Philip Hickok / Phillip Stirling: two people);
- they stand in one sentence (Charlie and Charlene), or one is a person and the other not.

Documents vote, not mentions: each document votes for the form of a pair it writes more
often, so one article repeating a form three times does not decide it. The form more documents
vote for (or the project's vocabulary) is the canonical spelling; each occurrence of another
form is a finding with the canonical form as evidence and fix. A tie is no majority: the
finding says so, and its fix (towards the form with more mentions) is unsafe.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import combinations

import regex
from pydantic import Field
from rapidfuzz.distance import OSA
from wordfreq import zipf_frequency

from factlint.diagnostics import Finding, Severity
from factlint.facts.model import DocumentFacts, EntityFact, FactSet, Span, sub_span
from factlint.nlp.gazetteer import english_names, is_place
from factlint.nlp.names import NAME_ARTICLES, fold, name_tokens, skeleton, transliteration_form
from factlint.rules.base import RuleKind, evidence_of
from factlint.rules.linking import plural
from factlint.rules.model import KindOptions
from factlint.rules.registry import register

_WORD = regex.compile(r"\p{L}+(?:['’]\p{L}+)*")
# PROPN: proper nouns the entity recogniser left unlabelled; CAP: other capitalised words
# (sentence starts, words the recogniser called a date), which extend a name found elsewhere
# but are never flagged on their own.
DEFAULT_LABELS = [
    "PERSON", "GPE", "LOC", "ORG", "NORP", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "PROPN",
    "CAP",
]  # fmt: skip
UNLABELLED = {"PROPN", "CAP"}
# Labels a surname written alone may get from the recogniser inside a sentence ("Paige" taken
# for a nationality, "Lock" for no entity at all); CAP (a sentence start) says nothing.
LONE_NAME_LABELS = {"PERSON", "NORP", "PROPN"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Endings that make another word from a name (Syria -> Syrian, Russia -> Russians).
DERIVATIONAL_ENDINGS = {
    "s", "es", "n", "ns", "an", "ans", "ian", "ians", "ese", "i", "is", "ish", "ic", "ics",
    "ist", "ists", "ism", "ite", "ites", "er", "ers", "ed", "ing", "e", "a", "ia", "o", "um",
}  # fmt: skip
# First letters that transliteration schemes swap (Gurbanguly/Kurbanguly, Giannis/Yiannis).
FIRST_LETTER_SWAPS = {
    frozenset(p) for p in ("gk", "kq", "ck", "cq", "gy", "gi", "iy", "jy", "ij", "vw", "fp")
}
# Surname particles a writer may drop or join: LaCalamita / Calamita, McNeil / Neil.
NAME_PARTICLES = ("la", "le", "de", "di", "da", "du", "van", "von", "mc", "mac")


class Options(KindOptions):
    labels: list[str] = Field(
        DEFAULT_LABELS, description="Entity labels whose words are compared as names."
    )
    word_zipf: float = Field(
        4.0,
        description="A form at least this frequent in English (Navy, Bank) is a common word,"
        " compared only when it shares a full name with the other form.",
    )
    unlabelled_zipf: float = Field(
        4.0,
        description="Capitalised words the recogniser did not call entities are compared only"
        " when rarer than this.",
    )
    min_length: int = Field(
        4, description="Forms shorter than this are too ambiguous to call variants."
    )
    common_zipf: float = Field(
        3.5,
        description="Two forms both at least this frequent in English (wordfreq Zipf scale) are"
        " different names unless they share a full name.",
    )
    max_evidence: int = Field(
        3, description="Occurrences of the canonical form quoted as evidence, one per document."
    )
    safe_fix_ratio: float = Field(
        2.0,
        description="The fix is safe when the documents voting for the canonical form outnumber"
        " those voting for the variant at least this much.",
    )
    nonword_zipf: float = Field(
        1.5,
        description="A well-known name (a gazetteer place) is compared even when frequent,"
        ' against a form rarer than this: no English word at all ("Berrlin").',
    )
    local_names: bool = Field(
        True,
        description="Report a large city's local name where the set writes its English name"
        " (Lisboa / Lisbon) as style, at `local_severity` with `local_message`.",
    )
    local_severity: Severity = Field(Severity.info, description="Severity of a local name.")
    local_message: str = Field(
        "'{text}' is the local name of {canonical} ({tally}): a matter of style, not a misspelling",
        description="Message of a local name (same fields as `message`).",
    )


@dataclass(slots=True)
class Occurrence:
    """One word of a name: characters `start`..`end` of `entity`'s span.

    Kept small (one per word of every name in the set) and the word's own span built only for
    the few that become findings.
    """

    doc: DocumentFacts
    entity: EntityFact
    start: int
    end: int
    companions: frozenset[str]

    @property
    def label(self) -> str:
        return self.entity.label

    @property
    def sentence(self) -> tuple[str, int]:
        return (self.doc.path, self.entity.sentence_index)

    @property
    def span(self) -> Span:
        return sub_span(self.entity.span, self.start, self.end)


@dataclass
class Form:
    key: str
    occurrences: list[Occurrence] = field(default_factory=list)
    surfaces: Counter[str] = field(default_factory=Counter)

    @cached_property
    def display(self) -> str:
        return min(self.surfaces.items(), key=lambda item: (-item[1], item[0]))[0]

    @property
    def count(self) -> int:
        return len(self.occurrences)

    @cached_property
    def documents(self) -> list[str]:
        return sorted({o.doc.path for o in self.occurrences})

    @cached_property
    def companions(self) -> set[str]:
        return {c for o in self.occurrences for c in o.companions}

    @cached_property
    def person_share(self) -> float:
        return sum(o.label == "PERSON" for o in self.occurrences) / len(self.occurrences)

    @cached_property
    def sentences(self) -> set[tuple[str, int]]:
        return {o.sentence for o in self.occurrences}

    @cached_property
    def zipf(self) -> float:
        return zipf_frequency(self.key, "en")

    @cached_property
    def labelled(self) -> bool:
        """Some occurrence is a recognised entity, not only a capitalised word."""
        return any(o.label not in UNLABELLED for o in self.occurrences)

    @cached_property
    def flaggable(self) -> bool:
        """Some occurrence is an entity or a proper noun, not only a capitalised word."""
        return any(o.label != "CAP" for o in self.occurrences)

    @cached_property
    def place_share(self) -> float:
        return sum(o.label in PLACE_LABELS for o in self.occurrences) / len(self.occurrences)

    @cached_property
    def entity_share(self) -> float:
        return sum(o.label not in UNLABELLED for o in self.occurrences) / len(self.occurrences)


@lru_cache(maxsize=65536)
def _name_words(text: str) -> tuple[tuple[int, int], ...]:
    """Where the capitalised words of a name stand in it, articles and possessives left out."""
    return tuple(_find_name_words(text))


def _find_name_words(text: str) -> Iterator[tuple[int, int]]:
    for match in _WORD.finditer(text):
        start, end = match.span()
        word = match.group(0)
        if word[-2:] in ("'s", "’s"):
            end -= 2
            word = word[:-2]
        if word[:1].isupper() and fold(word) not in NAME_ARTICLES:
            yield start, end


def collect_forms(facts: FactSet, labels: set[str]) -> dict[str, Form]:
    forms: dict[str, Form] = {}
    for doc in facts.documents:
        for entity in [*doc.entities, *doc.names]:
            if entity.label not in labels:
                continue
            text = entity.span.text
            for start, end in _name_words(text):
                word = text[start:end]
                key = fold(word)
                if not key.isalpha():
                    continue
                form = forms.get(key)
                if form is None:
                    form = forms[key] = Form(key)
                form.occurrences.append(Occurrence(doc, entity, start, end, _companions(text, key)))
                form.surfaces[word] += 1
    return forms


@lru_cache(maxsize=65536)
def _companions(name: str, key: str) -> frozenset[str]:
    """The other words of the name, as skeletons: one shared set per name and word."""
    return frozenset(skeleton(t) for t in name_tokens(name) if t != key)


# Forms further apart in length are never compared.
MAX_LENGTH_GAP = 2


def form_blocks(key: str) -> set[str]:
    translit = transliteration_form(key)
    keys = {"s:" + skeleton(key), "l:" + "".join(sorted(translit))}
    if len(translit) >= 5:
        keys |= {"p:" + translit[:3], "e:" + translit[-3:]}
    if len(key) <= 6:
        # Short words meet their one-letter-dropped forms (Anre / Andre).
        keys |= {"d:" + key} | {"d:" + key[:i] + key[i + 1 :] for i in range(len(key))}
    return keys


def archive_blocks(key: str, min_length: int, gap: int) -> set[str]:
    """The blocks a form meets other documents' forms in: its stems (a plural or adjective of
    a form present elsewhere is that form), and `form_blocks`, where the first- and
    last-letter blocks carry the length so that a form `gap` letters longer or shorter can
    ask for exactly the lengths it is compared with."""
    keys = {"w:" + stem for stem in _stems(key)}
    if len(key) < min_length:
        return keys
    for block in form_blocks(key):
        if block[:2] in ("p:", "e:"):
            keys.update(f"{block}|{n}" for n in range(len(key) - gap, len(key) + gap + 1))
        else:
            keys.add(block)
    return keys


def candidate_pairs(forms: dict[str, Form], min_length: int) -> Iterator[tuple[Form, Form]]:
    blocks: dict[str, list[str]] = defaultdict(list)
    for key in sorted(forms):
        if len(key) < min_length:
            continue
        for block in form_blocks(key):
            blocks[block].append(key)
    seen: set[tuple[str, str]] = set()
    for block in sorted(blocks):
        members = blocks[block]
        for a, b in combinations(members, 2):
            if abs(len(a) - len(b)) > MAX_LENGTH_GAP or (a, b) in seen:
                continue
            seen.add((a, b))
            yield forms[a], forms[b]


def _stems(word: str) -> set[str]:
    stems = {word}
    for end in DERIVATIONAL_ENDINGS:
        stem = word[: -len(end)]
        # Syria -> Syrian, but Khaledi -> Khaledin is a spelling, not an adjective.
        if word.endswith(end) and len(stem) >= 3 and (end not in {"n", "ns"} or stem.endswith("a")):
            stems.add(stem)
    return stems


def is_derivation(a: str, b: str) -> bool:
    """One word is the other with another ending: Syria/Syrian, Somalia/Somalis. Never one
    letter doubled ("Rosss", "Briaan", "Indiian"): no ending does that, a slip does."""
    return bool(_stems(a) & _stems(b)) and not doubled_letter(a, b)


def doubled_letter(a: str, b: str) -> bool:
    """One word is the other with a letter written once more beside itself."""
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    if len(longer) != len(shorter) + 1:
        return False
    at = next(
        (i for i, (x, y) in enumerate(zip(shorter, longer, strict=False)) if x != y), len(shorter)
    )
    if longer[:at] + longer[at + 1 :] != shorter:
        return False
    return (at > 0 and longer[at] == longer[at - 1]) or longer[at] == longer[at + 1 : at + 2]


def same_first_letter(a: str, b: str) -> bool:
    x, y = transliteration_form(a)[:1], transliteration_form(b)[:1]
    vowels = "aeiou"
    return x == y or (x in vowels and y in vowels) or frozenset(x + y) in FIRST_LETTER_SWAPS


def shape_is_variant(a: str, b: str) -> bool:
    """The difference looks like a transliteration or a typing slip."""
    distance = OSA.distance(a, b)
    shortest = min(len(a), len(b))
    if transliteration_form(a) == transliteration_form(b):
        return True
    short, long = sorted((a, b), key=len)
    if any(long == particle + short for particle in NAME_PARTICLES) and len(short) >= 5:
        return True
    # Slips and transliterations keep the first sound: Gourian/Tourian are two villages.
    if not same_first_letter(a, b):
        return False
    if skeleton(a) == skeleton(b):
        return distance <= max(1, shortest // 3)
    if shortest >= 9:
        return distance <= 2
    return shortest >= 6 and distance <= 1


def looks_like_acronym(form: Form) -> bool:
    return form.display.isupper() and len(form.key) <= 5


def is_slip(a: str, b: str) -> bool:
    """A doubled, dropped or swapped letter (Berliin / Berlin), not one letter for another
    (Roma / Rome): the shape of a typing slip rather than of another language's name."""
    if transliteration_form(a) == transliteration_form(b):
        return True
    return OSA.distance(a, b) == 1 and (len(a) != len(b) or sorted(a) == sorted(b))


_LOWER_WORD = regex.compile(r"(?<![\p{L}'’-])\p{Ll}+(?![\p{L}])")


class Verdict:
    def __init__(self, options: Options, facts: FactSet) -> None:
        self.options = options
        self.facts = facts
        self._lowercase: set[str] | None = None

    def written_lowercase(self, form: Form) -> bool:
        """The set also writes the word in lower case: a common noun ("navy"), not a name."""
        if self._lowercase is None:
            self._lowercase = {
                w for doc in self.facts.documents for w in _LOWER_WORD.findall(doc.text)
            }
        return any(s.lower() in self._lowercase for s in form.surfaces)

    def is_well_known_name(self, form: Form) -> bool:
        """A frequent word that is a name here: an entity, never written in lower case, and
        a place the gazetteer knows or an entity in most of its occurrences."""
        if not form.labelled or form.zipf < self.options.word_zipf:
            return False
        if self.written_lowercase(form):
            return False
        return form.entity_share >= 0.5 or is_place(form.key)

    def truncated(self, a: Form, b: Form) -> bool:
        """The shorter form is no English word and begins a well-known name ("Alask" /
        "Alaska"): letters dropped, not a stem and its adjective (Syria / Syrian)."""
        short, long = sorted((a, b), key=lambda f: (len(f.key), f.key))
        return (
            long.key.startswith(short.key)
            and short.zipf < self.options.nonword_zipf
            and self.is_well_known_name(long)
        )

    def derivation(self, a: Form, b: Form) -> bool:
        return is_derivation(a.key, b.key) and not self.truncated(a, b)

    def famous_slip(self, a: Form, b: Form) -> bool:
        """A slip in a well-known name ("Berrlin", "Microsfot"): the frequent form is a name
        and the other no English word at all."""
        frequent, rare = sorted((a, b), key=lambda f: f.zipf, reverse=True)
        return rare.zipf < self.options.nonword_zipf and self.is_well_known_name(frequent)

    def nonword_slip(self, a: Form, b: Form) -> bool:
        """One form is no English word and a letter off the other: "Anre" / "Andre"."""
        rare = min(a.zipf, b.zipf)
        return rare < self.options.nonword_zipf and OSA.distance(a.key, b.key) == 1

    def lone_surname_slip(self, a: Form, b: Form) -> bool:
        """A surname written alone, a letter off the surname of a person the set names in
        full in more documents ("Salazar and Lock said" / "Gary Locke"): a slip, even when
        the lone form is an English word or the recogniser did not call it a person there."""
        if a.sentences & b.sentences or min(len(a.key), len(b.key)) < self.options.min_length:
            return False
        for lone, full in ((a, b), (b, a)):
            if (
                not lone.companions
                and all(o.label in LONE_NAME_LABELS for o in lone.occurrences)
                and any(o.label == "PERSON" and o.companions for o in full.occurrences)
                and len(full.documents) > len(lone.documents)
                and is_slip(lone.key, full.key)
                and not self.written_lowercase(lone)
            ):
                return True
        return False

    def same_name(self, a: Form, b: Form) -> bool:
        if looks_like_acronym(a) or looks_like_acronym(b):
            return False
        if self.lone_surname_slip(a, b):
            return True
        if self.derivation(a, b):
            return False
        shared_companions = bool(a.companions & b.companions)
        # In one full name ("Anre Iguodala" / "Andre Iguodala") one letter off is a slip even
        # in a short word; elsewhere short names one letter apart are often two names.
        if not shape_is_variant(a.key, b.key) and not (
            shared_companions and same_first_letter(a.key, b.key) and self.nonword_slip(a, b)
        ):
            return False
        # Two forms in one sentence are two names (Charlie and Charlene), unless one is a
        # non-word with two letters swapped ("Klitschko, Klistchko").
        if a.sentences & b.sentences and not (
            sorted(a.key) == sorted(b.key) and min(len(a.key), len(b.key)) >= 6
            and min(a.zipf, b.zipf) == 0 and self.nonword_slip(a, b)
        ):  # fmt: skip
            return False
        options = self.options
        if any(not f.labelled and f.zipf >= options.unlabelled_zipf for f in (a, b)):
            return False
        # Philip Hickok and Phillip Stirling are two people; place and organisation words
        # keep company with whatever else the sentence lists, which says nothing.
        people = a.person_share >= 0.5 or b.person_share >= 0.5
        if people and a.companions and b.companions and not shared_companions:
            return False
        if shared_companions:
            return True
        if max(a.zipf, b.zipf) >= options.word_zipf:
            return self.famous_slip(a, b)
        return min(a.zipf, b.zipf) < options.common_zipf


@register("variant_spelling")
class VariantSpelling(RuleKind[Options]):
    """Names spelled two ways: Hmeimim/Khmeimim, Ahmed/Ahmad, Tartus/Tartous.

    The project vocabulary (`accept`, `reject`, `canonical`) wins over the majority.
    """

    message_fields = {
        "canonical": "the spelling to use",
        "canonical_count": "how many times the spelling to use is written",
        "variant_count": "how many times this spelling is written",
        "where": "where the spelling to use is written, e.g. 'in 2 other documents'",
        "basis": "'majority', 'tie', 'house style' or 'well-known name'",
        "tally": "the documents writing each spelling, e.g. '3 documents write Hmeimim, 1"
        " writes Khmeimim'",
    }
    compares = ("entities", "names")

    def _archive_keys(self, doc: DocumentFacts, gap: int) -> set[str]:
        options = self.options
        forms = collect_forms(FactSet(documents=[doc]), set(options.labels))
        return {b for key in forms for b in archive_blocks(key, options.min_length, gap)}

    def blocking_keys(self, doc: DocumentFacts) -> set[str]:
        return self._archive_keys(doc, 0)

    def probe_keys(self, doc: DocumentFacts) -> set[str]:
        return self._archive_keys(doc, MAX_LENGTH_GAP)

    def check(self, facts: FactSet) -> Iterable[Finding]:
        options = self.options
        forms = collect_forms(facts, set(options.labels))
        verdict = Verdict(options, facts)
        forms = _without_plurals(forms, verdict)
        self._verdict = verdict
        related: dict[str, set[str]] = defaultdict(set)
        for a, b in candidate_pairs(forms, options.min_length):
            if verdict.same_name(a, b):
                related[a.key].add(b.key)
                related[b.key].add(a.key)
        yield from self._pinned_findings(forms)
        vocabulary = self.context.vocabulary
        # `accept` silences a spelling; a `canonical` target also pins its name's spelling.
        silenced = {fold(w) for w in vocabulary.accept}
        accepted = {fold(w) for w in vocabulary.canonical.values()}
        pinned = {fold(w) for w in vocabulary.canonical} | {fold(w) for w in vocabulary.reject}
        local = self._local_names(forms, accepted | pinned) if options.local_names else {}
        for findings in local.values():
            yield from findings
        for key in sorted(related):
            form = forms[key]
            if (
                key in accepted
                or key in pinned
                or key in silenced
                or key in local
                or not form.flaggable
            ):
                continue
            house = [forms[k] for k in related[key] if k in accepted]
            if house:
                best = max(house, key=self._rank)
                votes = vote(best, form)
            else:
                duels = [(vote(forms[k], form), forms[k]) for k in related[key]]
                wins = [(v, f) for v, f in duels if self._beats(f, form, v)]
                if not wins:
                    continue
                votes, best = max(
                    wins, key=lambda w: (w[0][0] - w[0][1], w[0][0], self._rank(w[1]))
                )
            # A third spelling of the same name is worth naming too (Gurbanguli / Gurbanguly).
            also = sorted(
                forms[k].display for k in (related[key] | related[best.key]) - {key, best.key}
            )
            basis = "house style" if house else self._basis(best, form, votes)
            yield from self._flag(form, best, basis, votes, also)
        yield from self._short_first_names(facts, accepted | pinned | silenced)

    def _basis(self, best: Form, form: Form, votes: tuple[int, int]) -> str:
        """Why `best` is the spelling to use, without a house style: the vote, or a
        well-known name written a letter off (even against the vote)."""
        if self._verdict.famous_slip(best, form) and votes[0] <= votes[1]:
            return "well-known name"
        return "majority" if votes[0] > votes[1] else "tie"

    def _short_first_names(self, facts: FactSet, skip: set[str]) -> Iterator[Finding]:
        """One person's first name too short to compare alone, a letter off inside the same
        full name ("John Owen" / "Jon Owen"): the full name is the form compared."""
        options = self.options
        names = full_names(facts)
        by_surname: dict[str, list[Form]] = defaultdict(list)
        for key in sorted(names):
            by_surname[key.split()[-1]].append(names[key])
        for group in by_surname.values():
            for a, b in combinations(group, 2):
                first_a, first_b = a.key.split()[0], b.key.split()[0]
                if (
                    min(len(first_a), len(first_b)) >= options.min_length
                    or a.sentences & b.sentences
                    or not is_slip(first_a, first_b)
                    or not same_first_letter(first_a, first_b)
                    or {first_a, first_b} & skip
                ):
                    continue
                votes = vote(a, b)
                if votes[0] == votes[1]:
                    continue
                canonical, variant = (a, b) if votes[0] > votes[1] else (b, a)
                yield from self._flag(variant, canonical, "majority", max(votes, votes[::-1]))

    @staticmethod
    def _rank(form: Form) -> tuple[int, int, float, str]:
        # Mentions, then the more established spelling, break a tie between documents.
        return (form.count, len(form.documents), form.zipf, form.key)

    def _beats(self, other: Form, form: Form, votes: tuple[int, int]) -> bool:
        """`other` is the canonical spelling against `form`: a well-known name beats a slip
        of it whatever the votes ("Madrid" / "Madrdi"); otherwise more documents vote for it."""
        if self._verdict.famous_slip(other, form):
            return other.zipf > form.zipf
        if votes[0] != votes[1]:
            return votes[0] > votes[1]
        return self._rank(other) > self._rank(form)

    def _local_names(self, forms: dict[str, Form], skip: set[str]) -> dict[str, list[Finding]]:
        """A large city's other name where the set also writes its English name (Lisboa /
        Lisbon, München / Munich), unless it has the shape of a slip (Berliin)."""
        options = self.options
        found: dict[str, list[Finding]] = {}
        for key in sorted(forms):
            form = forms[key]
            if key in skip or len(key) < options.min_length or not form.flaggable:
                continue
            for english in sorted(english_names(key)):
                target = forms.get(english)
                if target is None or target.place_share < 0.5 or is_slip(key, english):
                    continue
                votes = vote(target, form)
                found[key] = list(self._flag(form, target, "local name", votes, local=True))
                break
        return found

    def _flag(
        self,
        variant: Form,
        canonical: Form,
        basis: str,
        votes: tuple[int, int],
        also: list[str] | None = None,
        local: bool = False,
    ) -> Iterator[Finding]:
        options = self.options
        firsts = (
            next(o for o in canonical.occurrences if o.doc.path == path)
            for path in canonical.documents
        )
        evidence = evidence_of(((o.doc, o.span) for o in firsts), options.max_evidence)
        safe = not local and (
            basis in ("house style", "well-known name")
            or (basis == "majority" and votes[0] >= options.safe_fix_ratio * votes[1])
        )
        canonical_docs = set(canonical.documents)
        for occurrence in variant.occurrences:
            here = occurrence.doc.path in canonical_docs
            others = len(canonical_docs) - here
            if here and not others:
                where = "elsewhere in this document"
            elif here:
                where = f"in this and {plural(others, 'other document')}"
            else:
                where = f"in {plural(others, 'other document')}"
            yield self.finding(
                occurrence.doc,
                occurrence.span,
                evidence,
                replacement=_match_case(canonical.display, occurrence.span.text),
                safe_fix=safe,
                more_evidence=len(canonical_docs) - len(evidence),
                template=options.local_message if local else None,
                severity=options.local_severity if local else None,
                canonical=canonical.display,
                canonical_count=canonical.count,
                variant_count=variant.count,
                where=where,
                basis=basis,
                tally=(
                    "house style"
                    if basis == "house style"
                    else f"{plural(len(canonical.documents), 'document')}"
                    f" write{'s' if len(canonical.documents) == 1 else ''}"
                    f" {canonical.display}, {len(variant.documents)}"
                    f" write{'s' if len(variant.documents) == 1 else ''} {variant.display}"
                    + (f"; also spelled {', '.join(also)}" if also else "")
                    + ("; no majority: check which is right" if basis == "tie" else "")
                    + (
                        f"; {canonical.display} is a well-known name"
                        if basis == "well-known name"
                        else ""
                    )
                ),
            )

    def _pinned_findings(self, forms: dict[str, Form]) -> Iterator[Finding]:
        """Forms the vocabulary rejects or maps to a canonical spelling, wherever they stand."""
        vocabulary = self.context.vocabulary
        mapping = {fold(k): v for k, v in vocabulary.canonical.items()}
        for word in vocabulary.reject:
            mapping.setdefault(fold(word), "")
        for key in sorted(mapping):
            if key not in forms:
                continue
            target = mapping[key]
            canonical = forms.get(fold(target)) if target else None
            variant = forms[key]
            for occurrence in variant.occurrences:
                first = canonical.occurrences[:1] if canonical is not None else []
                evidence = evidence_of((o.doc, o.span) for o in first)
                yield self.finding(
                    occurrence.doc,
                    occurrence.span,
                    evidence,
                    replacement=_match_case(target, occurrence.span.text) if target else None,
                    canonical=target or "(rejected spelling)",
                    canonical_count=canonical.count if canonical else 0,
                    variant_count=variant.count,
                    where="in the project vocabulary",
                    basis="house style",
                    tally="house style",
                )


def full_names(facts: FactSet) -> dict[str, Form]:
    """People named in full, as forms keyed by "first surname"."""
    forms: dict[str, Form] = {}
    for doc in facts.documents:
        for entity in doc.entities:
            if entity.label != "PERSON":
                continue
            text = entity.span.text
            words = _name_words(text)
            if len(words) < 2:
                continue
            (start, first_end), (last_start, end) = words[0], words[-1]
            first, last = fold(text[start:first_end]), fold(text[last_start:end])
            if not (len(first) >= 3 and first.isalpha() and len(last) >= 2):
                continue
            key = f"{first} {last}"
            form = forms.get(key)
            if form is None:
                form = forms[key] = Form(key)
            form.occurrences.append(Occurrence(doc, entity, start, end, frozenset()))
            form.surfaces[text[start:end]] += 1
    return forms


def _without_plurals(forms: dict[str, Form], verdict: Verdict) -> dict[str, Form]:
    """Plurals and adjectives of a form that is itself present ("Klitschkos") are that form:
    left out, where `verdict` takes the ending for one (`Verdict.derivation`). But a person's
    surname named in full in more documents than its shorter look-alike is no plural of it
    ("Gary Locke" and "Lock"). Edits `forms`, and returns it."""
    derived = {
        key: stems
        for key in forms
        if (stems := [forms[stem] for stem in _stems(key) - {key} if stem in forms])
    }
    for key, stems in derived.items():
        # A stem left out on the way is no longer there to make this one a derivation.
        stems = [s for s in stems if s.key in forms and verdict.derivation(forms[key], s)]
        if stems and not any(_surname_over(forms[key], stem) for stem in stems):
            del forms[key]
    return forms


def _surname_over(form: Form, other: Form) -> bool:
    """`form` is a person's surname named in full, in more documents than `other`."""
    return len(form.documents) > len(other.documents) and any(
        o.label == "PERSON" and o.companions for o in form.occurrences
    )


def vote(a: Form, b: Form) -> tuple[int, int]:
    """(documents voting for `a`, for `b`): each document votes for the form it writes more
    often; one writing both equally often abstains."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for side, form in enumerate((a, b)):
        for occurrence in form.occurrences:
            counts[occurrence.doc.path][side] += 1
    for_a = sum(1 for x, y in counts.values() if x > y)
    for_b = sum(1 for x, y in counts.values() if y > x)
    return for_a, for_b


def _match_case(replacement: str, original: str) -> str:
    if original.isupper():
        return replacement.upper()
    if original[:1].islower():
        return replacement[:1].lower() + replacement[1:]
    return replacement
