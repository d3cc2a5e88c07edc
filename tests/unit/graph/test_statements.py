"""One statement however many articles report it: merging wordings of one speaker, and the
statement nodes assembly makes of them."""

from __future__ import annotations

import pytest
from newsgraph.graph.build import build_graph
from newsgraph.graph.statements import plain_words, same_statement, statement_clusters
from newsgraph.model.graph import ArticleNode, EntityType, LinkType, NodeLabel
from newsgraph.model.records import ArticleExtraction, EntityRecord, QuoteRecord, Span


@pytest.mark.parametrize(("a", "b"), [
    ("We will win.", "“We will win,”"),  # quote marks, case and a full stop
    ("The economy is strong and getting stronger every single day",
     "economy is strong and getting stronger"),  # one article quotes a part of the other's quote
    ("We are going to build a wall and Mexico will pay for it", "We're going to build a wall and Mexico will pay for it"),
    ("Nobody knows the system better than me, which is why I alone can fix it",
     "Nobody knows the system better than I, which is why I alone can fix it"),  # a word changed
])
def test_wordings_of_one_statement_merge(a, b):
    assert same_statement(plain_words(a), plain_words(b))


@pytest.mark.parametrize(("a", "b"), [
    ("We will win.", "We will lose."),
    ("The economy is strong", "The economy is strong and getting stronger every day"),  # four words held: too few
    ("I support the bill because it helps families", "I oppose the bill because it hurts families"),
    ("yes", "no"),
])
def test_different_statements_stay_apart(a, b):
    assert not same_statement(plain_words(a), plain_words(b))


def test_clusters_join_through_a_chain_and_keep_the_rest_apart():
    wordings = ["We will win this election in November", "we will win this election", "They lost.",
                "We will win this election in November, believe me"]
    assert statement_clusters(wordings) == [[0, 1, 3], [2]]


def _extraction(article: str, outlet: str, published: str | None, quote: str, *, speaker: str | None = "Ann Lee",
                described: str | None = None) -> ArticleExtraction:
    text = f"Title\n“{quote},” {speaker or described} said."
    start = text.index(quote)
    entities = (EntityRecord(id="e1", name=speaker, type=EntityType.PERSON, kind="name",
                             mentions=(Span(start=text.index(speaker), end=text.index(speaker) + len(speaker),
                                            text=speaker),)),) if speaker else ()
    mention = speaker or described
    return ArticleExtraction(
        article=ArticleNode(id=article, path=f"{article}.txt", title="Title", outlet=outlet, published=published,
                            chars=len(text)),
        entities=entities,
        quotes=(QuoteRecord(
            speaker="e1" if speaker else None,
            speaker_mention=Span(start=text.index(mention), end=text.index(mention) + len(mention), text=mention),
            content=Span(start=start, end=start + len(quote), text=quote), direct=True, rule="quote.verb_above",
            sentence=Span(start=6, end=len(text), text=text[6:])),),
        extractor="x",
    )


def test_the_same_words_in_two_outlets_are_one_statement_with_both_wordings():
    graph = build_graph([
        _extraction("a1", "Daily Planet", "2016-10-02", "We will win this election"),
        _extraction("a2", "Globe", "2016-10-04", "We will win this election in November"),
        _extraction("a3", "Globe", None, "Taxes will fall"),
    ])
    ann = next(e for e in graph.entities if e.name == "Ann Lee")
    [win] = [s for s in graph.statements if "win" in s.text]
    assert win.speaker == ann.id and win.speaker_label is NodeLabel.PERSON
    assert [e.quote for e in win.evidence] == ["We will win this election", "We will win this election in November"]
    assert win.corroboration == 2 and win.outlets == ("Daily Planet", "Globe")
    assert (win.first_seen, win.last_seen) == ("2016-10-02", "2016-10-04")
    assert win.direct and win.kind == "speech"
    reported = {(l.source, l.target) for l in graph.links if l.type is LinkType.REPORTS}
    assert {("a1", win.id), ("a2", win.id)} <= reported
    said = [l for l in graph.links if l.type is LinkType.SAID]
    assert {l.target for l in said} == {s.id for s in graph.statements} and {l.source for l in said} == {ann.id}


def test_a_described_speaker_keeps_the_statement_in_its_article():
    graph = build_graph([
        _extraction("a1", "Daily Planet", None, "Talks have failed", speaker=None, described="a spokesman"),
        _extraction("a2", "Globe", None, "Talks have failed", speaker=None, described="a spokesman"),
    ])
    assert len(graph.statements) == 2  # nothing says the two articles' spokesmen are one
    assert all(s.described_speaker == "a spokesman" and s.speaker is None for s in graph.statements)
    assert not [l for l in graph.links if l.type is LinkType.SAID]
