"""Name keys: how forms of one name are grouped and how two names are compared."""

from __future__ import annotations

import re
import sys
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


@lru_cache(maxsize=65536)
def canonical_key(text: str) -> str:
    """Key that groups the forms of one name: 'Al-Sharaa's' and 'al-Sharaa' -> 'sharaa'."""
    # Interned: facts of thousands of documents hold the same keys.
    return sys.intern(" ".join(name_tokens(text)))


# Spelling-equivalence rewrites for romanised names, applied in order after folding: the
# differences transliteration schemes make (kh/h, q/k, ou/u, y/i, ph/f, c/k...).
_TRANSLIT_REWRITES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"kh", "h"),
        (r"gh", "g"),
        (r"ph", "f"),
        (r"dh", "d"),
        (r"th", "t"),
        (r"sch", "sh"),
        (r"tch", "ch"),
        (r"ck", "k"),
        (r"q", "k"),
        (r"c(?=[aou]|$)", "k"),
        (r"ou|oo|w(?=[aeiou])", "u"),
        (r"ey|ei|ie|ee|y|j(?=[aeiou])", "i"),
        (r"z", "s"),
        (r"(.)\1+", r"\1"),
    )
)
_VOWELS = re.compile(r"[aeiou]")


@lru_cache(maxsize=65536)
def transliteration_form(word: str) -> str:
    """Lower-case ASCII form with transliteration differences folded ('Khmeimim' -> 'hmimim')."""
    form = re.sub(r"[^a-z]", "", fold(word))
    for pattern, replacement in _TRANSLIT_REWRITES:
        form = pattern.sub(replacement, form)
    return form


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """Consonant skeleton: an initial vowel becomes 'V', later vowels drop ('Ahmed' -> 'Vhmd')."""
    form = transliteration_form(word)
    if not form:
        return ""
    head = "V" if form[0] in "aeiou" else form[0]
    return head + _VOWELS.sub("", form[1:])
