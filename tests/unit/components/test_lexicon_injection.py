"""Components take their lexicon at `initialize`: a pipeline built on a small lexicon knows
only what that lexicon says."""

from __future__ import annotations

from dataclasses import replace

import spacy
from newsgraph.ingest.lexicon import KnownEntity, load_lexicon
from newsgraph.ingest.nlp import add_components
from newsgraph.model.graph import EntityType
from newsgraph.model.names import name_key

from .conftest import build_doc

# The Daily Planet said so.
ROWS = [
    ("The", "DET", "DT", "det", 2),
    ("Daily", "PROPN", "NNP", "compound", 2),
    ("Planet", "PROPN", "NNP", "nsubj", 3),
    ("said", "VERB", "VBD", "ROOT", 3, "say"),
    ("so", "ADV", "RB", "advmod", 3),
    (".", "PUNCT", ".", "punct", 3),
]


def _names(nlp) -> list[tuple[str, EntityType | None, str | None]]:
    doc = nlp(build_doc(nlp.vocab, ROWS))
    return [(m.text, m.fixed_type, m.canonical) for m in doc._.ng_mentions]


def test_a_small_lexicon_given_at_initialize_is_the_one_used() -> None:
    planet = KnownEntity(name="The Daily Planet", type=EntityType.OUTLET)
    small = replace(load_lexicon(), known={name_key(planet.name): planet}, short_forms={})
    assert _names(add_components(spacy.blank("en"), after=None, lexicon=small)) == [
        ("Daily Planet", EntityType.OUTLET, "The Daily Planet")
    ]
    # the project's own lexicon has no such outlet: only a name that speaks, of no curated type
    assert _names(add_components(spacy.blank("en"), after=None)) == [("Daily Planet", None, None)]


def test_a_component_used_before_initialize_says_so() -> None:
    import pytest

    nlp = spacy.blank("en")
    nlp.add_pipe("newsgraph_names")
    with pytest.raises(RuntimeError, match="initialize"):
        nlp(build_doc(nlp.vocab, ROWS))
