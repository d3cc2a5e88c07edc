"""newsgraph_line_breaks: a token after a line break starts a sentence (no model)."""

from __future__ import annotations

import pytest
import spacy
from newsgraph.ingest.components.line_breaks import line_breaks
from spacy.tokens import Doc


@pytest.fixture(scope="module")
def blank_with_line_breaks():
    from newsgraph.ingest import components  # noqa: F401  (registers the factories)

    nlp = spacy.blank("en")
    nlp.add_pipe("newsgraph_line_breaks")
    return nlp


def test_token_after_a_paragraph_break_starts_a_sentence():
    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=["Maduro", "Defiant", "\n\n", "Maduro", "spoke", "."], spaces=[True, False, False, True, False, False])
    assert doc.text == "Maduro Defiant\n\nMaduro spoke."
    line_breaks(doc)
    assert [t.is_sent_start for t in doc] == [True, None, None, True, None, None]


def test_token_after_a_single_newline_starts_a_sentence(blank_with_line_breaks):
    doc = blank_with_line_breaks("Venezuela in Crisis\nThe regime fell on Monday.")
    assert [s.text for s in doc.sents] == ["Venezuela in Crisis\n", "The regime fell on Monday."]
    assert doc[4].text == "The" and doc[4].is_sent_start


def test_whitespace_token_itself_is_not_a_sentence_start(blank_with_line_breaks):
    doc = blank_with_line_breaks("Headline\n \nBody text here.")
    starts = [t.text for t in doc if t.is_sent_start]
    assert starts == ["Headline", "Body"]


def test_text_without_line_breaks_is_left_alone(blank_with_line_breaks):
    doc = blank_with_line_breaks("One sentence. Another sentence.")
    assert [t.is_sent_start for t in doc][1:] == [None] * (len(doc) - 1)


def test_runs_before_a_parser_keeps_the_line_break_boundary():
    """The component only sets starts: tokens in a line keep `None` for the parser to decide."""
    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=["A", "caption", "\n", "Body", "one", ".", "Body", "two", "."])
    line_breaks(doc)
    assert doc[3].is_sent_start is True
    assert doc[6].is_sent_start is None
