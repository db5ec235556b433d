"""Recall on real text: inject conflicts into ECB+ folders and count how many factlint finds.

For each folder of `../shared/corpora/ecbplus-dev` (or `--corpus DIR`), copies the texts to a
temporary folder, then runs two experiments, one injection at a time:

- spelling: a name word used in two or more documents is respelled once, the way
  transliterations and slips differ (a doubled letter, a vowel, kh/h, ou/u, a swapped pair);
  found when an FL3xx finding flags the respelled word at its line.
- date: a stated year that two or more documents give for the same once-only event (a death,
  a fall) is changed by one digit in one document; found when an FL1xx finding flags that line.

Prints found/injected per experiment and writes `--json FILE`. Deterministic (seeded).

    python benchmarks/inject_recall.py --folders 10 --per-folder 2 --json recall.json

`--famous` runs a third experiment instead: well-known names misspelt. In each folder the
`--per-folder` most widely used one-word names (tagged a place, organisation or person in two
or more documents, never written in lower case there, and a frequent English word, Zipf >= 4,
or a place the GeoNames gazetteer knows: "Philadelphia", "Alaska", "Iran", "Bush") are
misspelt with a typing slip that makes no English word (a doubled, dropped or swapped letter)
at every occurrence in one document, the way one article misspells a name every time it uses
it. A name is found when FL3xx flags every one of those occurrences.

    python benchmarks/inject_recall.py --famous --per-folder 3
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from wordfreq import zipf_frequency

from factlint.nlp.gazetteer import is_place
from factlint.pipeline import collect_facts, run_rules
from factlint.rules.loader import load_rules

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "ecbplus-dev"
DATE_CLASSES = {"end-of-rule", "start-of-rule", "death", "birth"}


def respell(word: str, rng: random.Random) -> str | None:
    """A plausible variant spelling of `word`, or None when none applies."""
    edits = []
    lower = word.lower()
    for i in range(1, len(word) - 1):
        if lower[i] in "aeiou" and lower[i + 1] not in "aeiou":
            for vowel in "aeiou":
                if vowel != lower[i]:
                    edits.append(word[:i] + vowel + word[i + 1 :])
        if lower[i] not in "aeiou" and lower[i] != lower[i - 1] and lower[i] != lower[i + 1]:
            edits.append(word[: i + 1] + word[i] + word[i + 1 :])
        if i + 2 < len(word) and lower[i] != lower[i + 1]:
            edits.append(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
    for a, b in (("kh", "h"), ("ou", "u"), ("y", "i"), ("q", "k")):
        if a in lower:
            edits.append(re.sub(a, b, word, count=1, flags=re.IGNORECASE))
    edits = sorted({e for e in edits if e.lower() != lower})
    return rng.choice(edits) if edits else None


def copy_folder(folder: Path, target: Path) -> list[Path]:
    paths = []
    for path in sorted(folder.glob("*.txt")):
        shutil.copy(path, target / path.name)
        paths.append(target / path.name)
    return paths


def replace_at(path: Path, line: int, column: int, old: str, new: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    text = lines[line - 1]
    start = column - 1
    assert text[start : start + len(old)] == old, (path, line, column, old)
    lines[line - 1] = text[:start] + new + text[start + len(old) :]
    path.write_text("\n".join(lines), encoding="utf-8")


def found(rules: list, folder: Path, prefix: str, path: Path, line: int) -> bool:
    facts = collect_facts([str(folder)])
    return any(
        f.code.startswith(prefix) and Path(f.path).name == path.name and f.line == line
        for f in run_rules(facts, rules)
    )


def spelling_targets(folder: Path) -> list[tuple[str, int, int, str]]:
    facts = collect_facts([str(folder)])
    docs_of: dict[str, set[str]] = defaultdict(set)
    places: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for doc in facts.documents:
        for entity in doc.entities:
            if entity.label != "PERSON" or "\n" in entity.span.text:
                continue
            for match in re.finditer(r"[A-Z][a-z]{4,}", entity.span.text):
                if match.start() and entity.span.text[match.start() - 1].isalpha():
                    continue
                word = match.group(0)
                docs_of[word].add(doc.path)
                col = entity.span.column + match.start()
                places[word].append((doc.path, entity.span.line, col))
    return [(word, *places[word][-1]) for word in sorted(docs_of) if len(docs_of[word]) >= 2]


def date_targets(folder: Path) -> list[tuple[str, int, int, str]]:
    facts = collect_facts([str(folder)])
    by_value: dict[str, list[tuple[str, int, int, str]]] = defaultdict(list)
    for doc in facts.documents:
        for d in doc.dates:
            year = re.search(r"\b(19|20)\d\d\b", d.span.text)
            if d.relative or not year or not DATE_CLASSES & set(d.event.classes):
                continue
            by_value[d.value or ""].append(
                (doc.path, d.span.line, d.span.column + year.start(), year.group(0))
            )
    targets = []
    for value in sorted(by_value):
        places = by_value[value]
        if len({p[0] for p in places}) >= 2:
            path, line, col, year = places[-1]
            targets.append((year, path, line, col))
    return targets


def run(corpus: Path, folders: int, per_folder: int, seed: int) -> dict[str, dict[str, int]]:
    rng = random.Random(seed)
    rules = load_rules()
    totals = {"spelling": {"injected": 0, "found": 0}, "date": {"injected": 0, "found": 0}}
    for folder in sorted(p for p in corpus.iterdir() if p.is_dir())[:folders]:
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            originals = {p.name: p.read_text(encoding="utf-8") for p in copy_folder(folder, work)}
            experiments = [
                ("spelling", "FL3", spelling_targets(work), lambda w: respell(w, rng)),
                ("date", "FL1", date_targets(work), lambda y: y[:3] + str((int(y[3]) + 1) % 10)),
            ]
            for name, prefix, targets, mutate in experiments:
                for word, path, line, col in rng.sample(targets, min(per_folder, len(targets))):
                    new = mutate(word)
                    if not new:
                        continue
                    target = Path(path)
                    replace_at(target, line, col, word, new)
                    totals[name]["injected"] += 1
                    hit = found(rules, work, prefix, target, line)
                    totals[name]["found"] += hit
                    print(
                        f"{folder.name:12} {name:8} {word} -> {new} {'found' if hit else 'missed'}"
                    )
                    target.write_text(originals[target.name], encoding="utf-8")
    return totals


def slip(word: str, rng: random.Random) -> str | None:
    """A typing slip in a well-known name that makes no English word: a doubled, dropped or
    swapped letter past the first ("Berrlin", "Texs", "Microsfot")."""
    edits = set()
    for i in range(1, len(word)):
        edits.add(word[:i] + word[i] + word[i:])  # doubled
        if i < len(word) - 1 or len(word) > 5:
            edits.add(word[:i] + word[i + 1 :])  # dropped
        if i + 1 < len(word) and word[i] != word[i + 1]:
            edits.add(word[:i] + word[i + 1] + word[i] + word[i + 2 :])  # swapped
    edits = sorted(e for e in edits if e != word and zipf_frequency(e.lower(), "en") == 0)
    return rng.choice(edits) if edits else None


def famous_targets(folder: Path, per_folder: int) -> list[tuple[str, str]]:
    """Well-known names of the folder: one-word names the recogniser tags as a place,
    organisation or person in two or more documents, and that are frequent English words
    (Zipf >= 4) or places the gazetteer knows; the most widely used first. Each comes with
    the document to misspell it in: the last that uses it."""
    facts = collect_facts([str(folder)])
    docs_of: dict[str, set[str]] = defaultdict(set)
    for doc in facts.documents:
        for entity in doc.entities:
            if entity.label in {"GPE", "LOC", "ORG", "PERSON"}:
                for word in re.findall(r"\b[A-Z][a-z]{3,}\b", entity.span.text):
                    docs_of[word].add(doc.path)
    lower = {w for doc in facts.documents for w in re.findall(r"\b[a-z]+\b", doc.text)}
    known = [
        w
        for w, docs in docs_of.items()
        if len(docs) >= 2
        and w.lower() not in lower  # a name here, not a common noun ("Police", "Court")
        and (zipf_frequency(w.lower(), "en") >= 4 or is_place(w.lower()))
    ]
    known.sort(key=lambda w: (-len(docs_of[w]), w))
    return [(word, sorted(docs_of[word])[-1]) for word in known[:per_folder]]


def places_of(text: str, word: str) -> list[tuple[int, int]]:
    return [
        (n + 1, m.start() + 1)
        for n, line in enumerate(text.split("\n"))
        for m in re.finditer(rf"\b{word}\b", line)
    ]


def run_famous(corpus: Path, folders: int, per_folder: int, seed: int) -> dict[str, int]:
    """Misspell every occurrence of a well-known name in one document, one name at a time."""
    rng = random.Random(seed)
    rules = load_rules()
    totals = {"names": 0, "names_found": 0, "occurrences": 0, "occurrences_found": 0}
    for folder in sorted(p for p in corpus.iterdir() if p.is_dir())[:folders]:
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            copy_folder(folder, work)
            for word, path in famous_targets(work, per_folder):
                new = slip(word, rng)
                if not new:
                    continue
                target = Path(path)
                original = target.read_text(encoding="utf-8")
                changed = re.sub(rf"\b{word}\b", new, original)
                places = places_of(changed, new)
                target.write_text(changed, encoding="utf-8")
                findings = run_rules(collect_facts([str(work)]), rules)
                flagged = {
                    (f.line, f.column)
                    for f in findings
                    if f.code.startswith("FL3")
                    and Path(f.path).name == target.name
                    and f.text == new
                }
                hits = sum(place in flagged for place in places)
                totals["names"] += 1
                totals["names_found"] += hits == len(places)
                totals["occurrences"] += len(places)
                totals["occurrences_found"] += hits
                print(f"{folder.name:12} famous   {word} -> {new} {hits}/{len(places)}")
                target.write_text(original, encoding="utf-8")
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--folders", type=int, default=36)
    parser.add_argument("--per-folder", type=int, default=2)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", type=Path)
    parser.add_argument(
        "--famous", action="store_true", help="only misspell well-known names (see run_famous)"
    )
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"inject_recall: no corpus at {args.corpus}")
    if args.famous:
        famous = run_famous(args.corpus, args.folders, args.per_folder, args.seed)
        for unit in ("names", "occurrences"):
            found, total = famous[f"{unit}_found"], famous[unit]
            print(f"famous {unit}: found {found}/{total} ({found / total if total else 0:.2f})")
        if args.json:
            args.json.write_text(json.dumps(famous, indent=2) + "\n", encoding="utf-8")
        return
    totals = run(args.corpus, args.folders, args.per_folder, args.seed)
    for name, t in totals.items():
        rate = t["found"] / t["injected"] if t["injected"] else 0.0
        print(f"{name}: found {t['found']}/{t['injected']} ({rate:.2f})")
    if args.json:
        args.json.write_text(json.dumps(totals, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
