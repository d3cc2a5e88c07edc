"""Helpers the mention components share: finding tokens by word fast, making a Mention."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from weakref import WeakKeyDictionary

import numpy
from spacy.attrs import LEMMA, LOWER, ORTH
from spacy.strings import hash_string
from spacy.tokens import Doc, Token

from ...model.names import name_key
from .types import Mention, MentionKind


def word_hashes(words: Iterable[str]) -> numpy.ndarray:
    return numpy.array(sorted({hash_string(w) for w in words}), dtype=numpy.uint64)


def tokens_with(doc: Doc, words: numpy.ndarray) -> list[Token]:
    """Tokens whose lower-case form or lemma is one of `words` (`word_hashes`), found without
    a Python loop over the Doc (making a Token object per token is what costs)."""
    if len(doc) == 0:
        return []
    attrs = doc.to_array([LOWER, LEMMA]).astype(numpy.uint64)
    hits = numpy.isin(attrs[:, 0], words) | numpy.isin(attrs[:, 1], words)
    return [doc[int(i)] for i in numpy.flatnonzero(hits)]


def lemma_in(doc: Doc, words: frozenset[str]) -> numpy.ndarray:
    """Per token: is its lemma, lower-cased, one of `words` (`token.lemma_.lower() in words`),
    asked once per distinct lemma of the Doc instead of once per token."""
    lemmas = doc.to_array(LEMMA) if len(doc) else numpy.zeros(0, dtype=numpy.uint64)
    strings = doc.vocab.strings
    hits = [h for h in numpy.unique(lemmas).tolist() if strings[h].lower() in words]
    return numpy.isin(lemmas, numpy.array(hits, dtype=numpy.uint64))


def tokens_whose_text(doc: Doc, test: Callable[[str], bool]) -> list[Token]:
    """Tokens whose text passes `test`, asked once per distinct word of the Doc."""
    if len(doc) == 0:
        return []
    words = _WORDS.get(doc)
    if words is None:  # a Doc's words are found once for all the components that ask
        orths = doc.to_array(ORTH)
        strings = doc.vocab.strings
        words = _WORDS[doc] = (orths, [(h, strings[h]) for h in numpy.unique(orths).tolist()])
    orths, distinct = words
    hits = [h for h, text in distinct if test(text)]
    if not hits:
        return []
    return [doc[int(i)] for i in numpy.flatnonzero(numpy.isin(orths, numpy.array(hits, dtype=numpy.uint64)))]


_WORDS: WeakKeyDictionary[Doc, tuple[numpy.ndarray, list[tuple[int, str]]]] = WeakKeyDictionary()  # tokens' ORTH, distinct words


def new_mention(doc: Doc, start: int, end: int, kind: MentionKind, text: str, *, origin: str) -> Mention:
    """A mention of tokens [start, end): its head is the span's root, its key the text's name key."""
    return Mention(start=start, end=end, head=doc[start:end].root.i, kind=kind, text=text, key=name_key(text),
                   origin=origin)


def strip_determiner(doc: Doc, start: int, end: int, determiners: frozenset[str]) -> tuple[int, int]:
    while start < end and doc[start].lower_ in determiners:
        start += 1
    return start, end


def capitalized_word(token: Token) -> bool:
    """A word starting with a capital, periods allowed: "Maduro", "U.S.", "C.I.A."."""
    return token.text[:1].isupper() and any(c.isalpha() for c in token.text)
