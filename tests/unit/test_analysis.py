"""networkx analyses of a hand-built graph: counts, centrality, communities, quotations."""

from __future__ import annotations

from collections import Counter

from newsgraph.graph.analysis import (
    centrality,
    communities,
    entity_graph,
    quotations,
    type_counts,
    who_quoted_whom,
)
from newsgraph.graph.model import EntityType, KnowledgeGraph, LinkType, RelationType

from ..browser.graphs import HOSTILE_NAME, HOSTILE_OUTLET, article, entity, evidence, hostile_graph, link, relation


def two_groups() -> KnowledgeGraph:
    """A triangle of people and a pair of governments, joined by nothing; one person has no relation."""
    a, b, c = (entity(f"p{i}", EntityType.PERSON, name) for i, name in enumerate(["Ann", "Bob", "Cy"]))
    x, y = entity("g1", EntityType.GOVERNMENT, "Xland"), entity("g2", EntityType.GOVERNMENT, "Yland")
    alone = entity("p9", EntityType.PERSON, "Zed")
    wire = entity("o1", EntityType.OUTLET, "Wire")
    ev = lambda n: (evidence(f"v{n}", "a1", f"Sentence {n}."),)  # noqa: E731
    return KnowledgeGraph(
        articles=(article("a1", "One", "Wire"), article("a2", "Two", None)),
        entities=(a, b, c, x, y, alone, wire),
        relations=(
            relation("r1", RelationType.MET_WITH, a, b, ev(1) + ev(2), ("Wire",)),
            relation("r2", RelationType.MET_WITH, b, c, ev(3), ("Wire",)),
            relation("r3", RelationType.ACCUSED, c, a, ev(4), ("Wire",)),
            relation("r4", RelationType.SANCTIONED, x, y, ev(5), ("Wire",)),
            relation("r5", RelationType.QUOTED_BY, a, wire,
                     (evidence("q1", "a1", "Ann told Wire: yes.", quote="yes"),
                      evidence("q2", "a2", "Ann told Wire: no.", quote="no")), ("Wire",)),
        ),
        links=(link(LinkType.PUBLISHED_BY, "a1", wire), link(LinkType.MENTIONS, "a1", alone)),
    )


def test_type_counts() -> None:
    counts = type_counts(hostile_graph())
    assert counts.articles == 2
    assert counts.entities == Counter({"Person": 2, "Outlet": 2, "Government": 1, "Organization": 1, "Location": 1})
    assert counts.relations == Counter({"MET_WITH": 1, "ACCUSED": 1, "QUOTED_BY": 1, "SANCTIONED": 1})
    assert counts.evidence["ACCUSED"] == 2 and sum(counts.evidence.values()) == 5
    assert counts.links == Counter({"MENTIONS": 3, "PUBLISHED_BY": 2, "AUTHORED_BY": 1})


def test_entity_graph_counts_symmetric_relations_both_ways() -> None:
    g = entity_graph(two_groups())
    assert "a1" not in g and "p9" in g  # entities only; the lonely one stays a node
    assert g["p0"]["p1"]["weight"] == g["p1"]["p0"]["weight"] == 2  # MET_WITH, two sentences
    assert g.has_edge("p2", "p0") and not g.has_edge("p0", "p2")  # ACCUSED has a direction
    assert g["p0"]["o1"]["types"] == {"QUOTED_BY"}
    assert g.nodes["p0"]["name"] == "Ann" and g.nodes["p0"]["label"] == "Person"


def test_centrality_of_actors() -> None:
    rows = centrality(two_groups())
    by_name = {row.name: row for row in rows}
    assert set(by_name) == {"Ann", "Bob", "Cy", "Xland", "Yland"}  # no outlet, no lonely Zed
    assert by_name["Ann"].degree == 3  # Bob, Cy and Wire
    assert by_name["Ann"].betweenness > by_name["Bob"].betweenness == 0
    assert [row.pagerank for row in rows] == sorted((row.pagerank for row in rows), reverse=True)
    assert "Wire" in {row.name for row in centrality(two_groups(), types=None)}
    assert centrality(KnowledgeGraph()) == []


def test_communities_are_repeatable_and_skip_lonely_entities() -> None:
    found = communities(two_groups(), seed=3)
    assert found == communities(two_groups(), seed=3)
    assert sorted(map(sorted, found)) == [["g1", "g2"], ["o1", "p0", "p1", "p2"]]
    assert found[0] == ["p0", "p1", "p2", "o1"]  # largest first, names in order: Ann, Bob, Cy, Wire
    assert communities(KnowledgeGraph()) == []


def test_quotations_and_who_quoted_whom() -> None:
    graph = two_groups()
    quotes = quotations(graph)
    assert [(q.speaker, q.quoted_by, q.reported_by, q.quote) for q in quotes] == [
        ("Ann", "Wire", "Wire", "yes"), ("Ann", "Wire", None, "no"),
    ]
    assert who_quoted_whom(graph) == {
        "Wire": Counter({("Wire", "Ann"): 1}), "unknown outlet": Counter({("Wire", "Ann"): 1}),
    }
    hostile = who_quoted_whom(hostile_graph())
    assert hostile == {"Second Wire": Counter({("Second Wire", HOSTILE_NAME): 1})}
    assert HOSTILE_OUTLET not in hostile
