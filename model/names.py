"""Name normalization: the keys entity resolution compares, and display cleanup."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "\u00a0": " "})
_NON_WORD = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"'s$|'$")
_DISPLAY_POSSESSIVE = re.compile(r"['’]s$")


def fold(text: str) -> str:
    """Casefolded, accent-free, apostrophe-normalized text."""
    if text.isascii():  # nothing to decompose: the same result, without the Unicode tables
        return text.replace("`", "'").lower()
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=1 << 16)  # pure; the components ask for the same few thousand words' keys over and over
def name_key(name: str) -> str:
    """The comparison key of a name: "the U.S." -> "us", "Nicolás Maduro" -> "nicolas maduro"."""
    text = _LEADING_THE.sub("", fold(name).strip())
    text = _POSSESSIVE.sub("", text)
    text = _NON_WORD.sub(lambda m: "" if m.group() in ".'" else " ", text)
    return _SPACES.sub(" ", text).strip()


def clean_display(text: str) -> str:
    """Display form of a surface name: single spaces, no possessive, no leading 'the'."""
    text = _SPACES.sub(" ", text.replace("\u00a0", " ")).strip()
    text = _DISPLAY_POSSESSIVE.sub("", text).strip(" ,;:-—–\"“”'’")
    return _LEADING_THE.sub("", text)


def initials(words: list[str]) -> str:
    """Initials of the capitalized words: "World Health Organization" -> "WHO"."""
    return "".join(w[0] for w in words if w[:1].isupper())


def is_acronym(text: str) -> bool:
    letters = text.replace(".", "").replace("-", "")
    return 2 <= len(letters) <= 8 and letters.isupper() and letters.isalpha()
