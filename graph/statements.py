"""The same statement reported by several articles: which wordings of one speaker are one.

Two wordings of the same speaker are one statement when, compared as plain words (case,
accents and punctuation ignored), they are the same, one holds the other whole (an article
quoting a part of what another quotes at length, at least `MIN_CONTAINED_WORDS` words), or
they differ only a little (`fuzz.ratio` of the plain texts at least `SIMILARITY`: a word
changed, an ellipsis, "percent" for "%"). Candidate pairs share a run of `SHINGLE` words, so a
speaker's thousand statements are not compared pair by pair (and a run shared by more than
`MAX_SHARED` of them, "I think that we", proposes no pairs).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz import fuzz

SHINGLE = 3  # words in a run two candidate wordings share
MIN_CONTAINED_WORDS = 5  # a wording held whole by a longer one is the same statement from this length on
SIMILARITY = 90  # fuzz.ratio (0-100) of the plain texts from which two wordings are one statement
MAX_SHARED = 200  # a run of words more of a speaker's wordings share says nothing (only the same texts join then)
_NON_WORD = re.compile(r"[^\w]+")


@lru_cache(maxsize=1 << 16)
def plain_words(text: str) -> tuple[str, ...]:
    """The words of a wording, folded: "Don’t," she said — → ("don", "t"). Remembered: a quote
    comes in many articles, and grouping compares each wording several times."""
    if text.isascii():  # nothing to decompose: the same result, without the Unicode tables
        folded = text.casefold()
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return tuple(w for w in _NON_WORD.split(folded) if w)


def same_statement(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Are two plain wordings one statement?

    >>> same_statement(plain_words("We will win."), plain_words("“We will win,”"))
    True
    >>> same_statement(plain_words("the economy is strong and getting stronger"), plain_words("the economy is strong"))
    False
    >>> same_statement(plain_words("the economy is strong and getting stronger every day"),
    ...                plain_words("economy is strong and getting stronger"))
    True
    """
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if len(short) >= MIN_CONTAINED_WORDS and _contains(long, short):
        return True
    return bool(short) and fuzz.ratio(" ".join(a), " ".join(b)) >= SIMILARITY


def _contains(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    n = len(short)
    return any(long[i : i + n] == short for i in range(len(long) - n + 1))


def _shingles(words: tuple[str, ...]) -> set[tuple[str, ...]]:
    if len(words) <= SHINGLE:
        return {words}
    return {words[i : i + SHINGLE] for i in range(len(words) - SHINGLE + 1)}


def statement_clusters(wordings: Sequence[str]) -> list[list[int]]:
    """Groups of the indices of `wordings` (one speaker's) that are one statement, each sorted,
    in the order of their first member.

    >>> statement_clusters(["We will win.", "They lost.", "we will win"])
    [[0, 2], [1]]
    """
    from networkx.utils import UnionFind  # here: networkx's import only when statements are grouped

    words = [plain_words(w) for w in wordings]
    clusters = UnionFind(range(len(wordings)))
    first_of: dict[tuple[str, ...], int] = {}
    for i, w in enumerate(words):
        clusters.union(first_of.setdefault(w, i), i)
    by_shingle: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for w, i in first_of.items():
        for shingle in _shingles(w):
            by_shingle[shingle].append(i)
    compared: set[tuple[int, int]] = set()
    for members in by_shingle.values():
        if len(members) > MAX_SHARED:
            continue
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if (i, j) in compared or clusters[i] == clusters[j]:
                    continue
                compared.add((i, j))
                if same_statement(words[i], words[j]):
                    clusters.union(i, j)
    return sorted((sorted(group) for group in clusters.to_sets()), key=lambda g: g[0])
