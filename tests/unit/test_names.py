"""Name normalization: the keys entity resolution compares, and display cleanup."""

from __future__ import annotations

import pytest
from newsgraph.model.names import clean_display, fold, initials, is_acronym, name_key


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Nicolás Maduro", "nicolas maduro"),
        ("NICOLAS MADURO", "nicolas maduro"),
        ("Nicolás\u00a0Maduro", "nicolas maduro"),  # NBSP
        ("  Nicolás \t Maduro \n", "nicolas maduro"),
        ("São Paulo", "sao paulo"),
        ("Müller", "muller"),
        ("Les Échos", "les echos"),
        ("ﬁnance", "finance"),  # NFKD compatibility ligature
        # leading "the", any case, but only as a word
        ("the U.S.", "us"),
        ("The New York Times", "new york times"),
        ("THE WHO", "who"),
        ("Theresa May", "theresa may"),
        ("The", "the"),
        # possessives, straight and curly: "Times’" is the Times, not "time"
        ("Times’", "times"),
        ("The New York Times’", "new york times"),
        ("Trump’s", "trump"),
        ("Trump's", "trump"),
        ("Reuters'", "reuters"),
        ("U.S.’s", "us"),
        ("Times", "times"),
        # inner apostrophes and dots vanish, other punctuation separates words
        ("O’Brien", "obrien"),
        ("O'Brien", "obrien"),
        ("U.N.", "un"),
        ("Al-Assad", "al assad"),
        ("Al Assad", "al assad"),
    ],
)
def test_name_key(name, key):
    assert name_key(name) == key


def test_name_key_is_idempotent():
    for name in ("The New York Times’", "Nicolás Maduro", "U.S.’s", "O’Brien"):
        assert name_key(name_key(name)) == name_key(name)


def test_fold_normalizes_apostrophes_accents_and_case():
    assert fold("Ça’va") == "ca'va"
    assert fold("‘Quoted`") == "'quoted'"
    assert fold("A\u00a0B") == "a b"


@pytest.mark.parametrize(
    ("text", "display"),
    [
        ("Nicolás  Maduro", "Nicolás Maduro"),  # accents kept, spaces collapsed
        ("Nicolás\u00a0Maduro", "Nicolás Maduro"),
        ("  the New York Times  ", "New York Times"),
        ("The Guardian", "Guardian"),
        ("Theresa May", "Theresa May"),
        ("Trump’s", "Trump"),
        ("Trump's", "Trump"),
        ("Times’", "Times"),
        ("Reuters'", "Reuters"),
        ("“Trump,”", "Trump"),
        ("Biden;", "Biden"),
        ("—Harris", "Harris"),
        ("O’Brien", "O’Brien"),
        ("U.S.", "U.S."),
    ],
)
def test_clean_display(text, display):
    assert clean_display(text) == display


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["World", "Health", "Organization"], "WHO"),
        (["Revolutionary", "Armed", "Forces", "of", "Colombia"], "RAFC"),
        (["European", "Union"], "EU"),
        (["the", "of"], ""),
        ([], ""),
        (["", "Union"], "U"),
    ],
)
def test_initials(words, expected):
    assert initials(words) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FARC", True),
        ("WHO", True),
        ("U.S.", True),
        ("N.A.T.O.", True),
        ("ABCDEFGH", True),  # 8 letters
        ("ABCDEFGHI", False),  # 9
        ("A", False),
        ("Farc", False),
        ("nato", False),
        ("COVID-19", False),
        ("G7", False),
        ("", False),
    ],
)
def test_is_acronym(text, expected):
    assert is_acronym(text) is expected
