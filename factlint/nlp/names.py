"""Name keys: how forms of one name are grouped and how two names are compared."""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

# Arabic and Hebrew articles written before a name ("al-Assad", "El-Sisi", "ad-Din").
NAME_ARTICLES = {"al", "el", "ul", "ad", "ar", "as", "at", "az", "an", "ash", "ad-", "ibn", "bin"}
_POSSESSIVE = re.compile(r"(?:['’]s|s['’]|['’])$")
_SPLIT = re.compile(r"[\s\-‐‑–—_/.]+")
_LEADING_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)


def strip_possessive(text: str) -> str:
    return _POSSESSIVE.sub(lambda m: "s" if m.group(0).startswith("s") else "", text)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case- and diacritic-folded ASCII form of a word."""
    return anyascii(text).lower()


@lru_cache(maxsize=65536)
def name_tokens(text: str) -> tuple[str, ...]:
    """The folded words of a name without possessive, leading 'the' or al-/el- articles."""
    text = _LEADING_ARTICLE.sub("", strip_possessive(text.strip()))
    words = [fold(w) for w in _SPLIT.split(text) if w]
    words = [re.sub(r"[^a-z0-9]", "", w) for w in words]
    return tuple(w for w in words if w and w not in NAME_ARTICLES)


def canonical_key(text: str) -> str:
    """Key that groups the forms of one name: 'Al-Sharaa's' and 'al-Sharaa' -> 'sharaa'."""
    return " ".join(name_tokens(text))


def surname(key: str) -> str:
    parts = key.split()
    return parts[-1] if parts else ""
