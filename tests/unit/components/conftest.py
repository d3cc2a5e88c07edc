"""Fixtures for unit tests of our spaCy components on hand-built Docs (no statistical model).

`components_nlp` is `spacy.blank("en")` with exactly the components `build_nlp` adds
after the model: the lexicon SpanRuler ("newsgraph_lexicon", configured as in
`ingest/nlp.py`), then newsgraph_mentions, newsgraph_coref, newsgraph_quotes and
newsgraph_relations. Tests build a pre-annotated Doc from a compact spec and run
the pipeline on it (`nlp(doc)` accepts a Doc).

A spec is a list of rows `(word, pos, tag, dep, head, lemma, ent)`; `head` is the
absolute index of the head token (a ROOT points at itself), `lemma` defaults to
the word (lower-cased unless PROPN), `ent` is an IOB tag like "B-PERSON" and
defaults to "O". Spaces are inferred (no space before , . : ; ’s ” ) etc., none
after “ ( and around "\\n" tokens); pass `spaces=` to override.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

_NO_SPACE_BEFORE = frozenset({",", ".", ":", ";", "?", "!", "'s", "’s", "’", "'", ")", "”", "n't", "%", "‘"})
_NO_SPACE_AFTER = frozenset({"(", "“", "$"})


def _infer_spaces(words: list[str]) -> list[bool]:
    spaces = [True] * len(words)
    straight_open = False
    for i, word in enumerate(words):
        if word == '"':
            if straight_open:  # closing: glued to what precedes
                if i > 0:
                    spaces[i - 1] = False
            else:
                spaces[i] = False
            straight_open = not straight_open
        if word.isspace():
            spaces[i] = False
            if i > 0:
                spaces[i - 1] = False
        if word in _NO_SPACE_AFTER:
            spaces[i] = False
        if word in _NO_SPACE_BEFORE and i > 0:
            spaces[i - 1] = False
    spaces[-1] = False
    return spaces


def build_doc(vocab, rows: list[tuple], *, spaces: list[bool] | None = None) -> Doc:
    words, pos, tags, deps, heads, lemmas, ents = [], [], [], [], [], [], []
    for row in rows:
        word, p, tag, dep, head, *rest = row
        lemma = rest[0] if len(rest) > 0 and rest[0] is not None else (word if p == "PROPN" else word.lower())
        ent = rest[1] if len(rest) > 1 else "O"
        words.append(word)
        pos.append(p)
        tags.append(tag)
        deps.append(dep)
        heads.append(head)
        lemmas.append(lemma)
        ents.append(ent)
    for i, (dep, head) in enumerate(zip(deps, heads)):
        assert (dep == "ROOT") == (head == i), f"token {i} {words[i]!r}: ROOT iff it heads itself"
    return Doc(
        vocab, words=words, spaces=spaces if spaces is not None else _infer_spaces(words),
        pos=pos, tags=tags, deps=deps, heads=heads, lemmas=lemmas, ents=ents,
    )


@pytest.fixture(scope="session")
def components_nlp() -> Language:
    """Our components exactly as `build_nlp` adds them, on a blank pipeline: no model."""
    from newsgraph.ingest.nlp import add_components

    return add_components(spacy.blank("en"), after=None)


@dataclass
class Helpers:
    """Build and run Docs, and read the components' output as plain values."""

    nlp: Language

    def doc(self, rows: list[tuple], *, outlet: str | None = None, spaces: list[bool] | None = None) -> Doc:
        doc = build_doc(self.nlp.vocab, rows, spaces=spaces)
        doc._.ng_outlet = outlet
        return doc

    def run(self, rows: list[tuple], *, outlet: str | None = None, spaces: list[bool] | None = None) -> Doc:
        return self.nlp(self.doc(rows, outlet=outlet, spaces=spaces))

    # ---- mentions ------------------------------------------------------------------

    @staticmethod
    def mention_texts(doc: Doc) -> list[str]:
        return [m.text for m in doc._.ng_mentions]

    @staticmethod
    def mention(doc: Doc, text: str, *, nth: int = 0):
        found = [m for m in doc._.ng_mentions if m.text == text]
        assert len(found) > nth, f"no mention {text!r} in {[m.text for m in doc._.ng_mentions]}"
        return found[nth]

    @staticmethod
    def surface(doc: Doc, mention) -> str:
        return doc[mention.start : mention.end].text

    # ---- entities ------------------------------------------------------------------

    @staticmethod
    def entity_names(doc: Doc) -> list[str]:
        return [e.name for e in doc._.ng_entities]

    @staticmethod
    def entity(doc: Doc, name: str):
        found = [e for e in doc._.ng_entities if e.name == name]
        assert len(found) == 1, f"{len(found)} entities named {name!r} in {[e.name for e in doc._.ng_entities]}"
        return found[0]

    def entity_of(self, doc: Doc, mention_text: str, *, nth: int = 0):
        """The entity a mention (by display text) belongs to, or None."""
        mention = self.mention(doc, mention_text, nth=nth)
        index = doc._.ng_mentions.index(mention)
        entity = doc._.ng_mention_entity[index]
        return None if entity is None else doc._.ng_entities[entity]

    # ---- quotes and relations ------------------------------------------------------

    @staticmethod
    def quotes(doc: Doc, *, direct: bool | None = None) -> list[dict]:
        entities = doc._.ng_entities
        rows = []
        for q in doc._.ng_quotes:
            if direct is not None and q.direct is not direct:
                continue
            rows.append({
                "content": doc.text[q.content[0] : q.content[1]],
                "direct": q.direct,
                "rule": q.rule,
                "speaker": None if q.speaker_entity is None else entities[q.speaker_entity].name,
                "cue": None if q.cue is None else doc.text[q.cue[0] : q.cue[1]],
                "receiver": None if q.receiver_entity is None else entities[q.receiver_entity].name,
            })
        return rows

    @staticmethod
    def relations(doc: Doc) -> list[tuple]:
        """(type, source name or None, target name, status or None, rule) per relation."""
        entities = doc._.ng_entities
        return [
            (
                r.type.value,
                None if r.source is None else entities[r.source].name,
                entities[r.target].name,
                None if r.status is None else r.status.value,
                r.rule,
            )
            for r in doc._.ng_relations
        ]


@pytest.fixture(scope="session")
def ng(components_nlp) -> Helpers:
    return Helpers(components_nlp)
