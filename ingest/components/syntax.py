"""Dependency-tree helpers shared by the quote and relation components."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from weakref import WeakKeyDictionary

from spacy.tokens import Doc, Span, Token

# Clauses that share the subject of the verb they hang from.
SUBJECT_SHARING_DEPS = frozenset({"xcomp", "advcl", "conj", "pcomp", "prep", "acl", "ccomp"})


def children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def subject(verb: Token) -> Token | None:
    """The active grammatical subject of `verb`, looking up through clauses that share it.

    "Trump made history by welcoming X": welcoming -> made -> Trump.
    A relative clause takes the noun it modifies: "officers who met X" -> officers.
    A passive verb has no active subject: its agent ("by X") is returned instead.
    """
    current: Token | None = verb
    for _ in range(8):
        if current is None:
            return None
        passive = bool(children(current, "auxpass", "nsubjpass"))
        subjects = children(current, "nsubj")
        if subjects and not passive:
            return subjects[0]
        agent = passive_agent(current)
        if agent is not None:
            return agent
        if passive:
            return None
        if current.dep_ == "relcl":
            return current.head
        if current.dep_ in SUBJECT_SHARING_DEPS and current.head.i != current.i:
            if current.dep_ == "ccomp" and current.head.pos_ in ("VERB", "AUX"):
                return None  # a reported clause has its own subject
            current = current.head
            continue
        return None
    return None


def passive_agent(verb: Token) -> Token | None:
    for agent in children(verb, "agent"):
        objects = children(agent, "pobj")
        if objects:
            return objects[0]
    return None


def governing_verb(token: Token) -> Token | None:
    """The nearest verb above a noun: "held several meetings" -> held."""
    current = token
    for _ in range(8):
        if current.head.i == current.i:
            return current if current.pos_ in ("VERB", "AUX") else None
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return current
    return None


def with_conjuncts(token: Token) -> Iterator[Token]:
    """The token and the tokens conjoined to it: "He and other members" -> He, members."""
    yield token
    stack = list(children(token, "conj"))
    while stack:
        conj = stack.pop()
        yield conj
        stack.extend(children(conj, "conj"))


def prep_objects(token: Token, *preps: str) -> list[Token]:
    """Objects of the given prepositions under `token`: ("with",) on "met" -> met *with X*."""
    found = []
    for prep in token.children:
        if prep.dep_ in ("prep", "agent", "dative") and prep.lower_ in preps:
            found.extend(children(prep, "pobj"))
    return found


_TEXTS: WeakKeyDictionary[Doc, str] = WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once per Doc: spaCy joins it from the tokens on every access, and a
    Doc's text never changes (retokenizing keeps it)."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


def span_text(doc: Doc, start: int, end: int) -> str:
    """`doc[start:end].text` for 0 <= start, end <= len(doc), without making the Span."""
    if end <= start:
        return ""
    last = doc[end - 1]
    return doc_text(doc)[doc[start].idx : last.idx + len(last)]


class Sentences:
    """A Doc's sentences, found once: `token.sent` walks the Doc again on every call."""

    def __init__(self, doc: Doc) -> None:
        self.spans: list[Span] = list(doc.sents)
        self._starts = [s.start for s in self.spans]

    def of(self, i: int) -> Span:
        """The sentence holding token `i`."""
        return self.spans[bisect_right(self._starts, i) - 1]

