"""Every named query on the embedded store over the seed graph (the two example articles).

Each query runs in LadybugDB's dialect and must return its declared columns, the
facts a reader of the two articles expects, and rows that agree with the same
answer computed in Python from the loaded `KnowledgeGraph`.
"""

from __future__ import annotations

from collections import Counter

import pytest
from newsgraph.app.pipeline import ingest
from newsgraph.model.graph import KnowledgeGraph, RelationType
from newsgraph.queries import get_query_columns, list_queries, query_frame, run_query
from newsgraph.store.embedded import EmbeddedStore

from ..conftest import EXAMPLES, MODEL

pytestmark = pytest.mark.model

TRUMP = "Donald Trump"
ARGS = {
    "met_with": {"entity": "Trump administration"},
    "meetings_of": {"entity": TRUMP},
    "sanctions": {},
    "quoted_by": {"entity": "Marco Rubio"},
    "outlet_compare": {"entity": TRUMP, "outlet_a": "Breitbart News", "outlet_b": "ThinkProgress"},
    "article_sources": {"article": "thinkprogress"},
    "corroborated": {"min_outlets": 2},
    "shortest_connection": {"source": TRUMP, "target": "Nicolás Maduro"},
    "central_actors": {"limit": 5},
    "co_mentioned": {"entity": TRUMP},
    "neighbourhood": {"entity": TRUMP},
    "statements": {"entity": TRUMP},
    "timeline": {"entity": TRUMP},
}


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> tuple[EmbeddedStore, KnowledgeGraph]:
    home = tmp_path_factory.mktemp("query-home")
    store = EmbeddedStore(home)
    ingest([EXAMPLES], home=home, store=store, model=MODEL, workers=1, batch_size=8, max_chars=1_000_000)
    return store, store.load()


@pytest.fixture(scope="module")
def store(seeded) -> EmbeddedStore:
    return seeded[0]


@pytest.fixture(scope="module")
def graph(seeded) -> KnowledgeGraph:
    return seeded[1]


def names(graph: KnowledgeGraph) -> dict[str, str]:
    found = {e.id: e.name for e in graph.entities}
    found.update({a.id: a.title for a in graph.articles})
    return found


def test_every_query_is_exercised():
    assert set(ARGS) == {q.name for q in list_queries()}


@pytest.mark.parametrize("name", sorted(ARGS))
def test_every_query_runs_and_returns_its_declared_columns(store, name):
    rows = run_query(store, name, **ARGS[name])
    assert rows, f"{name} returned nothing on the seed graph"
    assert all(list(row) == get_query_columns(name) for row in rows)
    frame = query_frame(store, name, **ARGS[name])
    assert list(frame.columns) == get_query_columns(name) and len(frame) == len(rows)


def test_met_with_around_the_trump_administration(store, graph):
    rows = run_query(store, "met_with", entity="trump administration")
    pairs = {frozenset((r["a"], r["b"])) for r in rows}
    assert frozenset(("Trump administration", "Venezuelan military officers")) in pairs
    assert all("Trump administration" in (r["a"], r["b"]) for r in rows)
    everyone = run_query(store, "met_with")
    assert len(everyone) == sum(r.type is RelationType.MET_WITH for r in graph.relations)
    assert [r["corroboration"] for r in everyone] == sorted((r["corroboration"] for r in everyone), reverse=True)


def test_meetings_of_an_entity(store, graph):
    rows = run_query(store, "meetings_of", entity="donald trump")
    assert "Lilian Tintori" in {r["met"] for r in rows}
    assert {r["entity"] for r in rows} == {TRUMP}
    trump = next(e.id for e in graph.entities if e.name == TRUMP)
    expected = sum(r.type is RelationType.MET_WITH and trump in (r.source, r.target) for r in graph.relations)
    assert len(rows) == expected


def test_sanctions(store, graph):
    rows = run_query(store, "sanctions")
    assert len(rows) == sum(r.type is RelationType.SANCTIONED for r in graph.relations)
    assert all(r["status"] in {"imposed", "threatened", "lifted"} for r in rows)
    assert all(r["sanctioner_type"] in {"Government", "Organization"} for r in rows)
    target = rows[0]["sanctioned"]
    assert run_query(store, "sanctions", entity=target) and run_query(store, "sanctions", entity=rows[0]["sanctioner"])


def test_quoted_by_lists_the_quotes(store):
    rows = run_query(store, "quoted_by", entity="Marco Rubio")
    assert {(r["outlet"], r["given_to"]) for r in rows} == {("Breitbart News", "Univision")}  # published, given to
    assert any("very strong argument" in r["quote"] for r in rows)
    assert all(r["direct"] is True and r["article"].startswith("Report: Trump Administration") for r in rows)
    by_times = run_query(store, "quoted_by", outlet="the new york times")  # what was said to the Times
    assert "White House" in {r["speaker"] for r in by_times}
    assert {r["given_to"] for r in by_times} == {"The New York Times"}


def test_outlet_compare_shows_what_each_outlet_reports(store):
    rows = run_query(store, "outlet_compare", entity=TRUMP, outlet_a="Breitbart News", outlet_b="ThinkProgress")
    met = {r["source"] if r["target"] == TRUMP else r["target"]: r for r in rows if r["relation"] == "MET_WITH"}
    assert met["Lilian Tintori"]["outlet_a_sentences"] and not met["Lilian Tintori"]["outlet_b_sentences"]
    leaders = met["Latin American leaders"]
    assert leaders["outlet_b_sentences"] and not leaders["outlet_a_sentences"]
    assert all(r["outlet_a_sentences"] or r["outlet_b_sentences"] for r in rows)
    both = run_query(store, "outlet_compare", entity="Trump administration", outlet_a="Breitbart News",
                     outlet_b="ThinkProgress")
    meeting = next(r for r in both if r["relation"] == "MET_WITH" and "Venezuelan military officers" in
                   (r["source"], r["target"]))
    assert meeting["outlet_a_sentences"] and meeting["outlet_b_sentences"]


def test_article_sources_follow_cites_chains(store, graph):
    rows = run_query(store, "article_sources", article="thinkprogress")
    title = next(a.title for a in graph.articles if "thinkprogress" in a.path)
    chains = {tuple(r["chain"]) for r in rows}
    assert (title, "The New York Times", "United States government") in chains
    chain = next(r for r in rows if r["chain"][-1] == "United States government")
    assert chain["hops"] == 2 and chain["chain_types"] == ["Article", "Outlet", "Government"]
    assert chain["source"] == "United States government" and chain["source_type"] == "Government"
    assert {r["article"] for r in rows} == {title}
    assert {r["article"] for r in run_query(store, "article_sources")} == {a.title for a in graph.articles}


def test_corroboration(store, graph):
    rows = run_query(store, "corroborated", min_outlets=2)
    meetings = {frozenset((r["source"], r["target"])) for r in rows if r["relation"] == "MET_WITH"}
    assert frozenset(("Trump administration", "Venezuelan military officers")) in meetings
    assert all(r["corroboration"] >= 2 and len(r["outlets"]) == r["corroboration"] for r in rows)
    assert len(rows) == sum(r.corroboration >= 2 for r in graph.relations)
    assert run_query(store, "corroborated", min_outlets="3") == []


def test_shortest_connection(store):
    [row] = run_query(store, "shortest_connection", source=TRUMP, target="nicolas maduro")
    assert row["nodes"][0] == TRUMP and row["nodes"][-1] == "Nicolás Maduro"
    assert row["hops"] == len(row["relationships"]) == len(row["nodes"]) - 1 >= 1
    assert len(row["node_types"]) == len(row["nodes"])


def test_central_actors_by_degree(store, graph):
    # relations and statements count; citing an outlet (CITES) and publishing (a link) do not
    rows = run_query(store, "central_actors", limit=50)
    degree: Counter[str] = Counter()
    for r in graph.relations:
        if r.type.value != "CITES":
            degree[r.source] += 1
            degree[r.target] += 1
    for st in graph.statements:
        if st.speaker:
            degree[st.speaker] += 1
    by_name = {e.name: degree[e.id] for e in graph.entities if degree[e.id] and e.type.value != "Location"}
    assert {r["entity"]: r["degree"] for r in rows} == by_name
    assert [r["degree"] for r in rows] == sorted(by_name.values(), reverse=True)
    assert len(run_query(store, "central_actors", limit=3)) == 3


def test_co_mentioned(store, graph):
    rows = run_query(store, "co_mentioned", entity=TRUMP, min_articles=1, limit=500)
    trump = next(e.id for e in graph.entities if e.name == TRUMP)
    articles = {link.source for link in graph.links if link.type.value == "MENTIONS" and link.target == trump}
    shared: Counter[str] = Counter(link.target for link in graph.links
                                   if link.type.value == "MENTIONS" and link.source in articles
                                   and link.target != trump)
    label = names(graph)
    assert {r["b"]: r["articles"] for r in rows} == {label[k]: v for k, v in shared.items()}
    assert {"a": TRUMP, "a_type": "Person", "b": "Nicolás Maduro", "b_type": "Person", "articles": 2} in rows
    pairs = run_query(store, "co_mentioned")
    assert pairs and all(r["articles"] >= 2 for r in pairs)


def test_neighbourhood_with_evidence(store, graph):
    rows = run_query(store, "neighbourhood", entity=TRUMP, mentions=True)
    trump = next(e.id for e in graph.entities if e.name == TRUMP)
    touching = [r for r in graph.relations if trump in (r.source, r.target)]
    touching_links = [link for link in graph.links if trump in (link.source, link.target)]
    assert len(rows) == len(touching) + len(touching_links)
    met = next(r for r in rows if r["neighbour"] == "Lilian Tintori")
    assert met["relation"] == "MET_WITH" and met["direction"] == "both" and met["sentences"]
    said = [r for r in rows if r["relation"] == "SAID"]  # Trump gave his words to no outlet: no QUOTED_BY
    assert said and all(r["direction"] == "out" and r["neighbour_type"] == "Statement" and any(r["quotes"])
                        and r["sentences"] for r in said)
    mentions = [r for r in rows if r["relation"] == "MENTIONS"]
    assert len(mentions) == 2 and all(r["direction"] == "in" and r["neighbour_type"] == "Article" for r in mentions)
    assert all(r["evidence"] == [] for r in mentions)  # a link holds no evidence
    without = run_query(store, "neighbourhood", entity=TRUMP)  # the default leaves the mentions out
    assert len(without) == len(rows) - len(mentions) and "MENTIONS" not in {r["relation"] for r in without}


# the queries whose rows rest on evidence, with the column holding each row's sentences (parallel to evidence)
EVIDENCE_QUERIES = {
    "met_with": "sentences", "meetings_of": "sentences", "sanctions": "sentences", "quoted_by": None,
    "statements": None, "timeline": None, "corroborated": None, "neighbourhood": "sentences",
    "outlet_compare": None,
}


@pytest.mark.parametrize("name", sorted(EVIDENCE_QUERIES))
def test_every_evidence_row_cites_its_articles(store, graph, name):
    articles = {a.id: a for a in graph.articles}
    rows = run_query(store, name, **ARGS[name])
    assert rows and all("evidence" in row for row in rows)
    for row in rows:
        assert row["evidence"], f"{name}: a row without evidence: {row}"
        for item in row["evidence"]:
            article = articles[item["article_id"]]
            assert (item["title"], item["outlet"], item["published"], item["url"]) == (
                article.title, article.outlet, article.published, article.url)
            assert item["sentence"]
        sentences = EVIDENCE_QUERIES[name]
        if sentences:  # the same items as the parallel lists, in their order
            assert [item["sentence"] for item in row["evidence"]] == row[sentences]


def test_evidence_matches_the_graphs_relations(store, graph):
    by_pair = {(r.source, r.target): r for r in graph.relations if r.type is RelationType.MET_WITH}
    ids = {e.name: e.id for e in graph.entities}
    for row in run_query(store, "met_with"):
        relation = by_pair[(ids[row["a"]], ids[row["b"]])]
        assert [(i["article_id"], i["sentence"]) for i in row["evidence"]] == [
            (e.article_id, e.sentence) for e in relation.evidence]
        assert row["verified"] is relation.verified


def test_statements_one_row_per_statement_with_outlets_and_wordings(store, graph):
    rows = run_query(store, "statements", entity=TRUMP)
    trump = next(e.id for e in graph.entities if e.name == TRUMP)
    said = [s for s in graph.statements if s.speaker == trump]
    assert sorted(r["statement"] for r in rows) == sorted(s.text for s in said)
    assert {o for r in rows for o in r["outlets"]} == {"Breitbart News", "ThinkProgress"}
    assert all(len(r["wordings"]) == len(r["article_ids"]) >= 1 and r["articles"] for r in rows)
    dangerous = run_query(store, "statements", text="DANGEROUS MESS")  # words of a wording, case ignored
    assert [r["speaker"] for r in dangerous] == [TRUMP]
    from_thinkprogress = run_query(store, "statements", entity=TRUMP, outlet="ThinkProgress")
    assert [r["outlets"] for r in from_thinkprogress] == [["ThinkProgress"]]
    assert run_query(store, "statements", since="2030") == []  # the examples have no dates: none in a window


def test_timeline_lists_relations_and_statements(store, graph):
    rows = run_query(store, "timeline", entity=TRUMP)
    assert {r["relation"] for r in rows} >= {"MET_WITH", "SAID"}
    trump = next(e.id for e in graph.entities if e.name == TRUMP)
    expected = sum(1 for r in graph.relations if trump in (r.source, r.target) and r.type.value != "CITES")
    expected += sum(1 for s in graph.statements if s.speaker == trump)
    assert len(rows) == expected


@pytest.mark.parametrize("name", ["quoted_by", "statements"])
def test_a_limit_keeps_the_first_rows_of_the_ranking(store, name):
    everything = run_query(store, name, limit=100_000)
    assert len(everything) > 3
    assert run_query(store, name, limit=3) == everything[:3]  # ranked before the limit, evidence after it
    assert run_query(store, name, limit=0) == []


def test_quoted_by_ranks_by_speaker(store):
    rows = run_query(store, "quoted_by", limit=100_000)
    speakers = [r["speaker"] for r in rows]
    assert speakers == sorted(speakers)
    assert len(run_query(store, "quoted_by")) == min(len(rows), 100)  # the default limit
