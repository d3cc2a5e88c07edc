"""Build the spaCy pipeline: the configured model plus newsgraph's components."""

from __future__ import annotations

import logging
import re

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import components  # noqa: F401  (registers the factories)
from .components.names import LEXICON_SPANS
from .components.types import register_extensions
from .lexicon import Lexicon, load_lexicon, span_ruler_patterns
from .model_meta import ModelNotInstalled

log = logging.getLogger(__name__)

# `Ryan said,“Look`, `Gowdy (R-S.C.):"I have`: a comma or colon glued to an opening quote
# mark between words, which the model's tokenizer keeps in one token
_GLUED_QUOTE_INFIXES = (r"(?<=[\w)])[,:](?=[“\"])", r"(?<=[\w)][,:])[“\"](?=\w)")

_EXOTIC_SPACES = str.maketrans({c: " " for c in "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u2008\u205f\u3000"})


def build_nlp(model: str) -> Language:
    """Load `model` and add newsgraph's components around its parser and NER."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelNotInstalled(
            f"spaCy model {model!r} is not installed (set NEWSGRAPH_MODEL, or pip install it): {exc}"
        ) from exc
    _split_glued_quotes(nlp)
    nlp.add_pipe("newsgraph_line_breaks", before="parser")
    add_components(nlp, after="ner")
    log.debug("pipeline %s: %s", model, nlp.pipe_names)
    return nlp


def _split_glued_quotes(nlp: Language) -> None:
    """Add our infixes to the model's own (whatever model is configured), not to spaCy's defaults."""
    current = nlp.tokenizer.infix_finditer
    infixes = ([current.__self__.pattern] if current is not None else []) + list(_GLUED_QUOTE_INFIXES)
    nlp.tokenizer.infix_finditer = re.compile("|".join(infixes)).finditer


# newsgraph's components in pipeline order, after the curated-name ruler (see ingest/components)
COMPONENTS = (
    "newsgraph_headlines", "newsgraph_quote_spans", "newsgraph_names", "newsgraph_name_types", "newsgraph_described", "newsgraph_pronouns",
    "newsgraph_coref", "newsgraph_direct_quotes", "newsgraph_indirect_quotes", "newsgraph_speakers",
    "newsgraph_relations", "newsgraph_modality", "newsgraph_quote_links", "newsgraph_state_actors",
)


def add_components(nlp: Language, *, after: str | None, lexicon: Lexicon | None = None) -> Language:
    """The curated-name ruler and newsgraph's components, after `after` (the model's NER), or
    on a blank pipeline for Docs whose tags and parse are already set (as in the unit tests).

    Each component is initialized with `lexicon` (default: the one of `ingest/data`), so a
    test can run the pipeline on a lexicon of a few entries."""
    lexicon = lexicon if lexicon is not None else load_lexicon()
    register_extensions()
    ruler = nlp.add_pipe(
        "span_ruler",
        name="newsgraph_lexicon",
        after=after,
        config={
            "spans_key": LEXICON_SPANS,
            "phrase_matcher_attr": "ORTH",
            "spans_filter": {"@misc": "spacy.first_longest_spans_filter.v1"},
            "validate": False,
        },
    )
    others = [name for name in nlp.pipe_names if name != "newsgraph_lexicon"]
    with nlp.select_pipes(disable=others):  # ORTH patterns need only the tokenizer, not the model
        ruler.add_patterns(span_ruler_patterns(lexicon))
    for name in COMPONENTS:
        component = nlp.add_pipe(name)
        if hasattr(component, "initialize"):
            component.initialize(nlp=nlp, lexicon=lexicon)
    return nlp


def parse_text(text: str, masked: str) -> str:
    """The text spaCy sees: boilerplate masked, exotic spaces made plain, same length."""
    assert len(masked) == len(text)
    return masked.translate(_EXOTIC_SPACES)


def make_doc(nlp: Language, text: str, *, outlet: str | None, title_end: int = 0) -> Doc:
    """The Doc of `text`, knowing the article's outlet and where its title line ends."""
    doc = nlp.make_doc(text)
    doc._.ng_outlet = outlet
    doc._.ng_title_end = title_end
    return doc
