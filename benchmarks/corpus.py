"""A deterministic benchmark corpus: seed articles varied with a seeded RNG, plus generated news.

Document `i` depends only on (`seed`, `i`), so the corpus of N documents is the first N of the
corpus of 10×N, and no two documents share a text (the fact cache cannot dedupe them). Names,
dates and numbers change per document so extraction does real work on every one.
"""

from __future__ import annotations

import random
import re
from calendar import day_name, month_name
from datetime import date, timedelta
from pathlib import Path

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"

FIRST_NAMES = [
    "Ahmed", "Vladimir", "Maria", "Elena", "Omar", "Lukas", "Fatima", "Sergei", "Hana", "Diego",
    "Amira", "Pavel", "Ingrid", "Kofi", "Leila", "Tomas", "Yusuf", "Nadia", "Arjun", "Chen",
]  # fmt: skip
SURNAMES = [
    "Putin", "al-Sharaa", "Peskov", "Haddad", "Novak", "Okafor", "Lindqvist", "Petrov",
    "Khalil", "Moreau", "Tanaka", "Silva", "Mansour", "Kowalski", "Abadi", "Brennan",
    "Ivanova", "Rahimi", "Costa", "Weber",
]  # fmt: skip
CITIES = [
    "Moscow", "Damascus", "Tartus", "Ankara", "Beirut", "Amman", "Cairo", "Geneva", "Vienna",
    "Doha", "Baghdad", "Tehran", "Riyadh", "Sochi", "Latakia", "Aleppo", "Homs", "Istanbul",
]  # fmt: skip
COUNTRIES = [
    "Syria", "Russia", "Turkey", "Iran", "Jordan", "Lebanon", "Egypt", "Qatar", "Iraq", "Israel",
]  # fmt: skip
OUTLETS = [
    "Reuters", "Al Jazeera", "the Associated Press", "Los Angeles Times", "BBC News",
    "Agence France-Presse", "TASS", "The Guardian", "Anadolu Agency", "Bloomberg",
]  # fmt: skip
ROLES = [
    "President", "Foreign Minister", "Defence Minister", "Prime Minister", "spokesman",
    "envoy", "Ambassador", "General", "interim President", "Deputy Minister",
]  # fmt: skip
ORGS = [
    "the Kremlin", "the United Nations", "the foreign ministry", "the European Union",
    "the Arab League", "the defence ministry", "the World Bank", "the Red Crescent",
]  # fmt: skip
NOUNS = [
    "agreements", "delegations", "soldiers", "refugees", "aid convoys", "contracts",
    "prisoners", "ministers", "bases", "projects", "journalists", "families",
]  # fmt: skip
EVENTS = ["meeting", "summit", "round of talks", "visit", "conference", "ceasefire", "vote"]
VERBS = ["signed", "released", "deployed", "announced", "approved", "delivered", "reported"]
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "10th", "2nd", "3rd"]
UNITS = ["day", "week", "month", "year"]

TEMPLATES = [
    "{role} {first} {last} met {role2} {first2} {last2} in {city} on {weekday}, {month} {day}, "
    "{year}, their {ordinal} {event} since {month2} {year2}.",
    "According to {outlet}, {count} {noun} were {verb} in {city} {n} {unit}s ago.",
    "{org_cap} said on {weekday} that {count} {noun} had been {verb} since {year2}.",
    "{last} told reporters last {month} that the {ordinal} {event} would take place in {year}.",
    "Officials in {city} reported {count} {noun} on {month} {day}, and {count2} more a week later.",
    "The {event} in {city} ended on {month} {day} after {n} days, {outlet} reported.",
    "{first} {last}, the {role_lower} of {country}, is expected in {city} by {month} {year}.",
    "In {year2}, {country} and {country2} {verb} {count} {noun} under a deal brokered by {org}.",
    '"We have {verb} {count} {noun}," {last} said in {city}, calling it a {event} of record.',
    "{country}'s {role_lower} {first2} {last2} described the {ordinal} {event} as constructive.",
]


def _fill(template: str, rng: random.Random) -> str:
    year = rng.randint(1998, 2027)
    return template.format(
        role=rng.choice(ROLES),
        role2=rng.choice(ROLES),
        role_lower=rng.choice(ROLES).lower(),
        first=rng.choice(FIRST_NAMES),
        first2=rng.choice(FIRST_NAMES),
        last=rng.choice(SURNAMES),
        last2=rng.choice(SURNAMES),
        city=rng.choice(CITIES),
        country=rng.choice(COUNTRIES),
        country2=rng.choice(COUNTRIES),
        outlet=rng.choice(OUTLETS),
        org=rng.choice(ORGS),
        org_cap=rng.choice(ORGS)[0].upper() + rng.choice(ORGS)[1:],
        weekday=day_name[rng.randrange(7)],
        month=month_name[rng.randint(1, 12)],
        month2=month_name[rng.randint(1, 12)],
        day=rng.randint(1, 28),
        year=year,
        year2=year - rng.randint(1, 12),
        ordinal=rng.choice(ORDINALS),
        event=rng.choice(EVENTS),
        count=rng.choice(
            [str(rng.randint(2, 950)), f"{rng.randint(1, 99)},{rng.randrange(1000):03d}", "twelve"]
        ),
        count2=rng.randint(2, 90),
        noun=rng.choice(NOUNS),
        verb=rng.choice(VERBS),
        n=rng.choice([str(rng.randint(2, 30)), "three", "two", "five"]),
        unit=rng.choice(UNITS),
    )


def generated_paragraph(rng: random.Random) -> str:
    return " ".join(_fill(rng.choice(TEMPLATES), rng) for _ in range(rng.randint(2, 5)))


# Seed words swapped per document for another of the same kind.
_SWAPS: dict[str, list[str]] = {
    **dict.fromkeys(["Putin", "Sharaa", "Assad", "Peskov"], SURNAMES),
    **dict.fromkeys(["Vladimir", "Ahmed", "Ahmad", "Bashar"], FIRST_NAMES),
    **dict.fromkeys(["Moscow", "Damascus", "Tartus", "Hmeimim", "Khmeimim"], CITIES),
    **dict.fromkeys(["Turkey", "Iran"], COUNTRIES),
}
_SWAP_RE = re.compile(r"\b(" + "|".join(sorted(_SWAPS, key=len, reverse=True)) + r")\b")
_MONTH_RE = re.compile(r"\b(" + "|".join(month_name[1:]) + r")\b")
_WEEKDAY_RE = re.compile(r"\b(" + "|".join(day_name) + r")\b")
_NUMBER_RE = re.compile(r"\b\d+\b")


def _vary_number(match: re.Match[str], rng: random.Random) -> str:
    value = int(match.group(0))
    if 1900 <= value <= 2100:
        return str(rng.randint(1998, 2027))
    return str(rng.randint(max(1, value // 2), value * 2 + 2))


def varied_seed(text: str, rng: random.Random) -> str:
    """The seed with names, months, weekdays and numbers swapped and paragraphs reordered."""
    mapping = {word: rng.choice(pool) for word, pool in _SWAPS.items()}
    text = _SWAP_RE.sub(lambda m: mapping[m.group(1)], text)
    text = _MONTH_RE.sub(lambda m: month_name[rng.randint(1, 12)], text)
    text = _WEEKDAY_RE.sub(lambda m: day_name[rng.randrange(7)], text)
    text = _NUMBER_RE.sub(lambda m: _vary_number(m, rng), text)
    lines = [line for line in text.split("\n") if line.strip()]
    title, body = lines[0], lines[1:]
    rng.shuffle(body)
    for _ in range(rng.randint(1, 4)):
        body.insert(rng.randint(0, len(body)), generated_paragraph(rng))
    return "\n".join([title, *body])


def generated_article(rng: random.Random) -> str:
    title = f"{rng.choice(SURNAMES)} and {rng.choice(SURNAMES)} hold talks in {rng.choice(CITIES)}"
    return "\n".join([title, *(generated_paragraph(rng) for _ in range(rng.randint(6, 14)))])


def document_text(index: int, seeds: list[str], seed: int = 0) -> str:
    """Document `index`: two in three vary a seed article, the rest are generated."""
    rng = random.Random(f"{seed}:{index}")
    body = (
        varied_seed(seeds[index % len(seeds)], rng)
        if seeds and index % 3 != 2
        else generated_article(rng)
    )
    if rng.random() < 0.5:
        published = date(2024, 1, 1) + timedelta(days=rng.randrange(730))
        title, _, rest = body.partition("\n")
        stamp = f"{day_name[published.weekday()]}, {month_name[published.month]} {published.day}"
        body = f"{title}\nPublished: {stamp}, {published.year}\n{rest}"
    return body + "\n"


def load_seeds(directory: Path = SEEDS_DIR) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(directory.glob("*.txt"))]


def build_corpus(count: int, dest: Path, seed: int = 0) -> list[Path]:
    """Write `count` documents into `dest` (created) in 100-file subfolders; return their paths."""
    seeds = load_seeds()
    paths = []
    for index in range(count):
        path = dest / f"{index // 100:04d}" / f"doc{index:06d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(document_text(index, seeds, seed), encoding="utf-8")
        paths.append(path)
    return paths
