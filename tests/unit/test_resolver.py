"""One name resolver for every place a user types a name: query parameters and `viz --around`."""

from __future__ import annotations

from pathlib import Path

import pytest
from newsgraph.model.graph import EntityType, KnowledgeGraph, LinkType, RelationType
from newsgraph.queries.resolver import Named, NoSuchNode, close_names, match_name
from newsgraph.views.page import render_page

from ..browser.graphs import article, entity, evidence, link, relation

NYT = Named("e1", "The New York Times", ("the Times",), 4)
MADURO = Named("e2", "Nicolás Maduro", ("Maduro",), 9)
OTHER_MADURO = Named("e3", "Nicolás Maduro Guerra", ("Maduro",), 1)


def test_a_name_matches_by_id_name_or_alias_key():
    everyone = [NYT, MADURO, OTHER_MADURO]
    assert match_name(everyone, "new york times").ids() == ["e1"]  # "the" and case ignored
    assert match_name(everyone, "THE NEW YORK TIMES'").ids() == ["e1"]  # a possessive too
    assert match_name(everyone, "nicolas maduro").ids() == ["e2"]  # accents ignored
    assert match_name(everyone, "e3").ids() == ["e3"]
    assert match_name(everyone, "Maduro").ids() == ["e2", "e3"]  # an alias of both
    assert match_name(everyone, "Maduro").best() == MADURO  # the most mentioned of them


def test_a_name_match_comes_before_an_alias_match_for_the_centre():
    shares_alias = Named("e4", "Times", (), 0)
    assert match_name([NYT, shares_alias], "Times").best() == shares_alias


def test_an_unknown_name_suggests_the_closest_names():
    with pytest.raises(NoSuchNode, match=r"no outlet named 'New Yrok Times' in the graph; did you mean 'The New York Times'\?"):
        match_name([NYT, MADURO], "New Yrok Times", what="outlet")
    assert close_names([NYT, MADURO], "zzzz") == []
    with pytest.raises(NoSuchNode) as raised:
        match_name([NYT], "zzzz")
    assert "did you mean" not in str(raised.value)


def test_viz_around_resolves_names_as_queries_do(tmp_path: Path):
    nyt = entity("eNYT", EntityType.OUTLET, "The New York Times")
    trump = entity("eT", EntityType.PERSON, "Donald Trump")
    a = article("a1", "One", "The New York Times")
    graph = KnowledgeGraph(
        articles=(a,), entities=(nyt, trump),
        relations=(relation("r1", RelationType.QUOTED_BY, trump, nyt, [evidence("v1", "a1", "He said so.", "so")], ["The New York Times"]),),
        links=(link(LinkType.PUBLISHED_BY, "a1", nyt),),
    )
    summary = render_page(graph, tmp_path / "page.html", around="New York Times", depth=1)
    assert summary.nodes == 2  # the outlet and who it quoted; its article with --via-articles
    assert render_page(graph, tmp_path / "page.html", around="New York Times", depth=1, via_articles=True).nodes == 3
    assert "Neighbourhood of The New York Times" in (tmp_path / "page.html").read_text(encoding="utf-8")
