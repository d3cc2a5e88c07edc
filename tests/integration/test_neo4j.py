"""The full ingest -> query cycle against a real Neo4j server: how a user checks their install.

    cp .env.example .env            # set a password
    docker compose up -d neo4j
    NEWSGRAPH_NEO4J_URI=bolt://localhost:7687 NEWSGRAPH_NEO4J_PASSWORD=... \\
        .venv/bin/pytest -m neo4j tests/integration/test_neo4j.py

Skipped unless NEWSGRAPH_NEO4J_URI is set. The tests write the seed graph and
delete it at the end, so they need an empty database and skip otherwise.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from newsgraph.app.cli import app
from newsgraph.app.pipeline import ingest
from newsgraph.app.settings import Settings, get_settings
from newsgraph.model.graph import KnowledgeGraph, NodeLabel, RelationType
from newsgraph.queries import get_query_columns, list_queries, run_query
from newsgraph.queries.library import get_query
from newsgraph.queries.params import bind
from newsgraph.store import QueryError, StoreError, cypher, open_store
from newsgraph.store.rows import entity_name_keys
from newsgraph.store.embedded import EmbeddedStore
from newsgraph.store.neo4j_store import STATE_FILE, Neo4jStore, connect
from pydantic import SecretStr
from typer.testing import CliRunner

from ..conftest import EXAMPLES, MODEL

pytestmark = [
    pytest.mark.neo4j,
    pytest.mark.model,
    pytest.mark.skipif(not os.environ.get("NEWSGRAPH_NEO4J_URI"),
                       reason="needs a Neo4j server: set NEWSGRAPH_NEO4J_URI (docker compose up -d neo4j, see README)"),
]

BREITBART = EXAMPLES / "breitbart-venezuela-coup-talks.txt"
# the same arguments as tests/integration/test_queries.py
ARGS = {
    "met_with": {"entity": "Trump administration"},
    "meetings_of": {"entity": "Donald Trump"},
    "sanctions": {},
    "quoted_by": {"entity": "Marco Rubio"},
    "outlet_compare": {"entity": "Donald Trump", "outlet_a": "Breitbart News", "outlet_b": "ThinkProgress"},
    "article_sources": {"article": "thinkprogress"},
    "corroborated": {"min_outlets": 2},
    "shortest_connection": {"source": "Donald Trump", "target": "Nicolás Maduro"},
    "central_actors": {"limit": 5},
    "co_mentioned": {"entity": "Donald Trump"},
    "neighbourhood": {"entity": "Donald Trump"},
}
UNORDERED_LISTS = {"outlet_a_sentences", "outlet_b_sentences"}  # collect() order is not defined
UNORDERED_ITEMS = {"evidence"}  # lists of maps, collected too: compared as sets of items


def settings_for(home: Path) -> Settings:
    return Settings(home=home)  # NEWSGRAPH_NEO4J_* from the environment


def run_ingest(paths: list[Path], home: Path, store) -> None:
    report = ingest(paths, home=home, store=store, model=MODEL, workers=1, batch_size=8, max_chars=1_000_000)
    assert not report.skipped


def counts(store: Neo4jStore) -> tuple[int, int]:
    labels = "|".join(label.value for label in NodeLabel)
    nodes = store.run(f"MATCH (n:{labels}) RETURN count(n) AS n")[0]["n"]
    rels = store.run(f"MATCH (:{labels})-[r]->(:{labels}) RETURN count(r) AS n")[0]["n"]
    return nodes, rels


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("neo4j-home")


@pytest.fixture(scope="module")
def store(home) -> Neo4jStore:
    opened = open_store(settings_for(home), "neo4j")
    assert isinstance(opened, Neo4jStore)
    held = opened.run("MATCH (n) RETURN count(n) AS n")[0]["n"]
    if held:
        opened.close()
        pytest.skip(f"the Neo4j tests write and delete the seed graph: they need an empty database, and "
                    f"{opened.database!r} holds {held} nodes (`docker compose down -v` gives a fresh one)")
    yield opened
    labels = "|".join(label.value for label in NodeLabel)
    opened.run(f"MATCH (n:{labels}) DETACH DELETE n", write=True)
    opened.close()


@pytest.fixture(scope="module")
def embedded(home) -> KnowledgeGraph:
    """The reference: the same examples through the embedded store (a separate home and cache)."""
    reference_home = home.parent / (home.name + "-embedded")
    store = EmbeddedStore(reference_home)
    run_ingest([EXAMPLES], reference_home, store)
    return store.load()


@pytest.fixture(scope="module")
def seeded(store, home, embedded) -> Neo4jStore:
    """One article first, then both: the second write adds and merges into what is there."""
    run_ingest([BREITBART], home, store)
    run_ingest([EXAMPLES], home, store)
    return store


def test_first_article_then_both_equals_the_embedded_graph(seeded, embedded):
    assert seeded.load() == embedded


def test_counts_match_the_graph(seeded, embedded):
    assert counts(seeded) == (len(embedded.articles) + len(embedded.entities),
                              len(embedded.relations) + len(embedded.links))


def test_evidence_is_a_union_not_a_duplicate(seeded):
    rows = seeded.run("MATCH (:Government {name: $a})-[r:MET_WITH]-(:Organization {name: $b}) "
                      "RETURN r.evidence_ids AS ids, r.corroboration AS corroboration",
                      {"a": "Trump administration", "b": "Venezuelan military officers"})
    [row] = rows
    assert len(row["ids"]) == len(set(row["ids"])) and row["corroboration"] == 2


def test_reingesting_sends_nothing_and_leaves_counts_unchanged(seeded, home):
    before = counts(seeded)
    reports = []

    class Keep:
        def write(self, graph):
            reports.append(seeded.write(graph))

    run_ingest([EXAMPLES], home, Keep())
    [report] = reports
    assert (report.nodes_written, report.relationships_written, report.nodes_deleted,
            report.relationships_deleted, report.batches) == (0, 0, 0, 0, 0)
    assert counts(seeded) == before


def test_a_lost_state_file_is_rebuilt_without_changing_the_graph(seeded, home, embedded):
    (home / STATE_FILE).unlink()
    before = counts(seeded)
    report = seeded.write(embedded)
    assert report.nodes_deleted == report.relationships_deleted == 0
    assert counts(seeded) == before and seeded.load() == embedded
    assert seeded.write(embedded).batches == 0


def test_constraints_exist(seeded):
    names = {row["name"] for row in seeded.run("SHOW CONSTRAINTS YIELD name RETURN name")}
    assert {f"newsgraph_{label.lower()}_id" for label in cypher.stored_labels()} <= names
    indexes = {row["name"] for row in seeded.run("SHOW INDEXES YIELD name RETURN name")}
    assert "newsgraph_namekey_key" in indexes


def test_the_name_keys_are_the_embedded_stores(seeded, embedded):
    keys = {row["key"]: row["ids"] for row in seeded.run(
        "MATCH (k:NameKey) RETURN k.key AS key, collect(k.entity) AS ids")}
    expected: dict[str, set[str]] = {}
    for entity in embedded.entities:
        for key in entity_name_keys(entity):
            expected.setdefault(key, set()).add(entity.id)
    assert {key: set(ids) for key, ids in keys.items()} == expected
    trump = next(e.id for e in embedded.entities if e.name == "Donald Trump")
    assert bind(get_query("meetings_of"), {"entity": "donald TRUMP"}, seeded)["entity"] == [trump]


@pytest.mark.parametrize("name", sorted(ARGS))
def test_every_named_query_returns_the_embedded_stores_rows(seeded, home, name):
    reference = EmbeddedStore(home.parent / (home.name + "-embedded"))
    got = run_query(seeded, name, **ARGS[name])
    expected = run_query(reference, name, **ARGS[name])
    assert got, f"{name} returned nothing on Neo4j"
    assert all(list(row) == get_query_columns(name) for row in got)
    if name == "shortest_connection":  # ties: another path of the same length is as good
        assert [(r["hops"], r["nodes"][0], r["nodes"][-1]) for r in got] == \
               [(r["hops"], r["nodes"][0], r["nodes"][-1]) for r in expected]
        return
    assert sorted(map(_canonical, got)) == sorted(map(_canonical, expected))


def _canonical(row: dict) -> str:
    return json.dumps({k: sorted(v) if k in UNORDERED_LISTS
                       else sorted(json.dumps(item, sort_keys=True) for item in v) if k in UNORDERED_ITEMS and v
                       else v for k, v in row.items()}, sort_keys=True, default=str)


def test_query_facts_on_neo4j(seeded):
    rows = run_query(seeded, "quoted_by", entity="marco rubio")
    assert {r["outlet"] for r in rows} == {"Univision"} and any("very strong argument" in r["quote"] for r in rows)
    chains = {tuple(r["chain"][1:]) for r in run_query(seeded, "article_sources", article="thinkprogress")}
    assert ("The New York Times", "United States government") in chains
    assert {q.name for q in list_queries()} == set(ARGS)


def test_run_is_read_only_unless_asked(seeded):
    create = "CREATE (n:Person {id: 'eReadOnlyProbe', name: 'Probe'})"
    with pytest.raises(QueryError):
        seeded.run(create)
    seeded.run(create, write=True)
    seeded.run("MATCH (n:Person {id: 'eReadOnlyProbe'}) DELETE n", write=True)


def test_user_errors_are_one_line(seeded, home):
    settings = settings_for(home)
    with pytest.raises(StoreError, match="wrong password") as caught:
        connect(uri=settings.neo4j_uri, user=settings.neo4j_user, password=SecretStr("not-the-password"),
                database=settings.neo4j_database, state_path=home / "other.sqlite", batch_size=10)
    assert "not-the-password" not in str(caught.value)
    with pytest.raises(StoreError, match="has no database 'no_such_database'"):
        connect(uri=settings.neo4j_uri, user=settings.neo4j_user, password=settings.neo4j_password,
                database="no_such_database", state_path=home / "other.sqlite", batch_size=10)


def test_the_cli_on_neo4j(seeded, home, monkeypatch):
    get_settings.cache_clear()
    monkeypatch.setenv("NEWSGRAPH_HOME", str(home))
    runner = CliRunner()
    result = runner.invoke(app, ["query", "meetings_of", "-p", "entity=Donald Trump", "--json"],
                           catch_exceptions=False)
    get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    assert "Lilian Tintori" in {row["met"] for row in json.loads(result.stdout)}
    stats = runner.invoke(app, ["stats", "--store", "neo4j"], catch_exceptions=False)
    get_settings.cache_clear()
    assert stats.exit_code == 0 and "articles      2" in stats.stdout
    assert RelationType.MET_WITH.value in stats.stdout
