"""networkx analyses of a hand-built graph: counts, centrality, communities, quotations."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
from newsgraph.app import notebook
from newsgraph.model.graph import EntityType, KnowledgeGraph, Link, LinkType, Modality, NodeLabel, RelationType, Statement
from newsgraph.views.analysis import (
    article_outlets,
    centrality,
    citation_chains,
    communities,
    coverage_by_outlet,
    coverage_matrix,
    entity_graph,
    matrix_outlets,
    quotations,
    quotes_side_by_side,
    relation_label,
    sources_by_outlet,
    type_counts,
    who_quoted_whom,
)

from ..browser.graphs import (
    HOSTILE_NAME,
    HOSTILE_OUTLET,
    article,
    entity,
    evidence,
    hostile_graph,
    link,
    relation,
)


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
                     (evidence("q1", "a1", "Ann told Wire: yes.", quote="yes"),), ("Wire",)),
        ),
        statements=(
            Statement(id="s1", text="yes", speaker="p0", speaker_label=NodeLabel.PERSON, kind="speech", receiver="o1",
                      evidence=(evidence("q1", "a1", "Ann told Wire: yes.", quote="yes", direct=True),
                                evidence("q2", "a2", "Ann said yes.", quote="yes!", direct=True)), outlets=("Wire",)),
            Statement(id="s2", text="no", described_speaker="a spokesman", kind="speech",
                      evidence=(evidence("q3", "a2", "A spokesman said no.", quote="no", direct=False),)),
        ),
        links=(link(LinkType.PUBLISHED_BY, "a1", wire), link(LinkType.MENTIONS, "a1", alone),
               Link(type=LinkType.SAID, source="p0", source_label=NodeLabel.PERSON, target="s1",
                    target_label=NodeLabel.STATEMENT)),
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
    assert g.nodes["p0"]["name"] == "Ann" and g.nodes["p0"]["type"] == "Person"


def test_a_planned_or_negated_event_joins_no_one_in_the_entity_graph() -> None:
    graph = two_groups()
    planned = relation("r6", RelationType.MET_WITH, graph.entities[0], graph.entities[5],
                       (evidence("v6", "a1", "Ann will meet Zed."),), ("Wire",)).model_copy(update={"modality": Modality.PLANNED})
    g = entity_graph(graph.model_copy(update={"relations": (*graph.relations, planned)}))
    assert not g.has_edge("p0", "p9") and not g.has_edge("p9", "p0")
    assert g.has_edge("p0", "p1")  # the asserted meeting still does


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
    assert [(q.speaker, q.reported_by, q.given_to, q.quote) for q in quotes] == [
        ("Ann", "Wire", "Wire", "yes"), ("Ann", None, "Wire", "yes!"), ("a spokesman", None, None, "no"),
    ]
    assert who_quoted_whom(graph) == {
        "Wire": Counter({"Ann": 1}), "unknown outlet": Counter({"Ann": 1, "a spokesman": 1}),
    }
    assert who_quoted_whom(hostile_graph()) == {}  # no statements


def test_statements_are_no_nodes_of_the_entity_graph() -> None:
    graph = two_groups()
    assert set(entity_graph(graph)) <= {e.id for e in graph.entities}


# --- how outlets cover the same story: rows shaped as the named queries return them ---------


def corroborated_row(relation, source, target, outlets, *, source_type="Person", status=None):
    return {"relation": relation, "source": source, "source_type": source_type, "target": target,
            "target_type": "Person", "status": status, "corroboration": len(outlets), "outlets": list(outlets),
            "articles": len(outlets)}


CORROBORATED = [
    corroborated_row("MET_WITH", "Ann", "Bob", ["Wire", "Globe"]),
    corroborated_row("SANCTIONED", "Xland", "Bob", ["Globe"], source_type="Government", status="threatened"),
    corroborated_row("ACCUSED", "Ann", "Cy", ["Wire"]),
    corroborated_row("CITES", "Times", "Officials", ["Wire", "Globe"], source_type="Outlet"),
    corroborated_row("CITES", "Times", "Insider", ["Globe"], source_type="Outlet"),
    corroborated_row("CITES", "Wire story", "Times", ["Wire"], source_type="Article"),
]


def test_relation_label() -> None:
    assert relation_label(CORROBORATED[0]) == "Ann -MET_WITH- Bob"  # symmetric
    assert relation_label(CORROBORATED[1]) == "Xland -SANCTIONED (threatened)-> Bob"


def test_coverage_matrix_and_per_outlet_counts() -> None:
    matrix = coverage_matrix(CORROBORATED)
    assert matrix_outlets(matrix) == ["Globe", "Wire"]
    assert "Wire story -CITES-> Times" not in matrix.index  # an article's own citation: never shared
    assert list(matrix.index[:2]) == ["Times -CITES-> Officials", "Ann -MET_WITH- Bob"]  # most outlets first
    assert matrix.loc["Ann -ACCUSED-> Cy"].to_dict() == {
        "relation": "ACCUSED", "corroboration": 1, "Globe": False, "Wire": True}

    per_outlet = coverage_by_outlet(matrix)
    assert per_outlet.to_dict(orient="index") == {
        "Globe": {"relations": 4, "shared": 2, "unique": 2},
        "Wire": {"relations": 3, "shared": 2, "unique": 1},
    }
    empty = coverage_matrix([])
    assert empty.empty and matrix_outlets(empty) == [] and coverage_by_outlet(empty).empty


def test_quotes_side_by_side() -> None:
    published = {"w1": "Wire", "w2": "Wire", "g1": "Globe"}

    def quote(speaker, text, article):
        return {"speaker": speaker, "speaker_type": "Person", "outlet": published.get(article, ""), "quote": text,
                "direct": True, "article": article, "given_to": ""}

    rows = [
        quote("Ann", "We will not  back down.", "w1"), quote("Ann", "We will not back down", "g1"),
        quote("Bob", "Talks went well.", "w1"), quote("Bob", "A disaster, frankly.", "g1"),
        quote("Bob", "Talks went well.", "w2"),  # the same words in two articles of one outlet: once
        quote("Cy", "Only here.", "w1"), quote("Dee", "From nowhere.", "x9"),
    ]
    table = quotes_side_by_side(rows)

    assert list(table.columns) == ["Globe", "Wire", "same_words", "similarity"]
    assert list(table.index) == ["Ann", "Bob"]  # Cy: one outlet only; Dee: an article of no known outlet
    assert table.loc["Bob", "Wire"] == ("Talks went well.",) and table.loc["Bob", "Globe"] == ("A disaster, frankly.",)
    assert table.loc["Ann", "same_words"] and table.loc["Ann", "similarity"] == 1.0  # spacing and a full stop aside
    assert not table.loc["Bob", "same_words"] and table.loc["Bob", "similarity"] < 0.5
    assert list(quotes_side_by_side(rows, min_outlets=1).index) == ["Ann", "Bob", "Cy"]
    assert quotes_side_by_side([]).empty


def test_citation_chains_and_the_sources_each_outlet_reaches() -> None:
    def chain(article, *names):
        return {"article": article, "hops": len(names) - 1, "source": names[-1], "source_type": "Person",
                "chain": [article, *names[1:]], "chain_types": ["Article", *["Outlet"] * (len(names) - 1)]}

    rows = [
        chain("Wire story", "Wire story", "Times"), chain("Wire story", "Wire story", "Times", "Officials"),
        chain("Wire story", "Wire story", "Times", "Insider"),  # only the Globe reported the Times cites him
        chain("Globe story", "Globe story", "Times"), chain("Globe story", "Globe story", "Times", "Insider"),
        chain("Globe story", "Globe story", "Times", "Officials"),
    ]
    chains = citation_chains(rows, {"Wire story": "Wire", "Globe story": "Globe"}, CORROBORATED)
    assert list(chains.columns) == ["outlet", "article", "hops", "source", "source_type", "own", "chain"]
    assert chains.loc[1, "chain"] == "Wire story -> Times -> Officials" and chains.loc[1, "own"]
    assert not chains.loc[2, "own"] and chains.loc[4, "own"]

    reached = sources_by_outlet(chains)
    assert list(reached.index) == ["Times", "Officials", "Insider"]  # reached from most outlets, then fewest hops
    assert reached.loc["Times"].tolist() == [1, 1] and reached.loc["Officials"].tolist() == [2, 2]
    assert reached.loc["Insider", "Globe"] == 2 and pd.isna(reached.loc["Insider", "Wire"])
    assert sources_by_outlet(chains, own=False).loc["Insider"].tolist() == [2, 2]
    assert sources_by_outlet(citation_chains([], {}, [])).empty


@pytest.fixture()
def store(tmp_path: Path):
    from newsgraph.store.embedded import EmbeddedStore

    store = EmbeddedStore(tmp_path / "home")
    store.write(two_groups())
    return store


def test_article_outlets_from_the_neighbourhood_query(store) -> None:
    assert article_outlets(store, ["wire", "No Such Outlet"]) == {"One": "wire"}  # a1 is PUBLISHED_BY Wire


@pytest.fixture(autouse=True)
def no_newsgraph_environment(monkeypatch):
    """Settings come from each test, not from the shell (NEWSGRAPH_HOME, the Neo4j URI, ...)."""
    import os

    for name in [name for name in os.environ if name.startswith("NEWSGRAPH_")]:
        monkeypatch.delenv(name)


def settings_for(home: Path | None, **env):
    from newsgraph.app.settings import Settings

    return Settings(**({"home": home} if home is not None else {}), **env)


def test_open_or_ingest_opens_the_store_in_newsgraph_home(store, monkeypatch) -> None:
    def no_ingest(*args, **kwargs):
        raise AssertionError("nothing to ingest: the store is there")

    monkeypatch.setattr("newsgraph.app.notebook.ingest", no_ingest)
    opened = notebook.open_or_ingest([Path("examples")], settings=settings_for(store.home))
    assert opened.describe() == f"opened the store in {store.home}" and opened.report is None
    assert {a.title for a in opened.store.load().articles} == {"One", "Two"}


def test_open_or_ingest_refuses_a_newsgraph_home_without_a_graph(tmp_path, monkeypatch) -> None:
    def no_ingest(*args, **kwargs):
        raise AssertionError("a mistyped home must not be replaced by the examples")

    monkeypatch.setattr("newsgraph.app.notebook.ingest", no_ingest)
    typo = tmp_path / "newsgrpah-data"
    with pytest.raises(notebook.NoGraphInHome, match="holds no graph: ingest into it first"):
        notebook.open_or_ingest([Path("ex")], settings=settings_for(typo))
    assert not typo.exists()  # the user's folder is left alone


def test_open_or_ingest_ingests_the_examples_into_a_new_home(tmp_path, monkeypatch) -> None:
    from newsgraph.app.pipeline import IngestReport

    calls = []

    def fake_ingest(paths, *, home, store, **options):
        calls.append((paths, home, store))
        store.write(two_groups())
        return IngestReport(read=2, seconds=0.5)

    monkeypatch.setattr("newsgraph.app.notebook.ingest", fake_ingest)
    opened = notebook.open_or_ingest([Path("ex")], settings=settings_for(None))
    [(paths, home, used)] = calls
    assert paths == [Path("ex")] and used is opened.store and home == opened.home
    assert home.name.startswith("newsgraph-notebook-")
    assert opened.describe() == f"ingested 2 articles into the store in {home} (0.5 s)"


class FakeNeo4j:
    dialect = "neo4j"

    def __init__(self, articles: int) -> None:
        self.articles = articles
        self.closed = False

    def run(self, cypher, parameters=None, *, write=False):
        assert cypher == "MATCH (a:Article) RETURN count(a) AS n"
        return [{"n": self.articles}]

    def close(self) -> None:
        self.closed = True


@pytest.mark.parametrize("articles", [0, 5])
def test_open_or_ingest_on_neo4j(tmp_path, monkeypatch, articles) -> None:
    from newsgraph.app.pipeline import IngestReport

    fake = FakeNeo4j(articles)
    chosen = []
    ingested = []
    monkeypatch.setattr("newsgraph.app.notebook.open_store",
                        lambda settings, option=None: chosen.append((settings, option)) or fake)
    monkeypatch.setattr("newsgraph.app.notebook.ingest",
                        lambda paths, *, home, store, **options: ingested.append(home) or IngestReport(read=2))
    settings = settings_for(None, neo4j_uri="bolt://db.example:7687")
    opened = notebook.open_or_ingest([Path("ex")], settings=settings)

    assert opened.store is fake and chosen[0][1] == "neo4j"
    assert chosen[0][0].home.name.startswith("newsgraph-notebook-")  # the cache and write state: not ./newsgraph-data
    where = "Neo4j at bolt://db.example:7687 (database neo4j)"
    if articles:
        assert ingested == [] and opened.describe() == f"opened {where}"
    else:
        assert ingested == [opened.home] and opened.describe().startswith(f"ingested 2 articles into {where}")
