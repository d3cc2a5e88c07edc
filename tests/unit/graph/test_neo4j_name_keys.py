"""Names resolved inside Neo4j: the writer stores each entity's name keys as `NameKey` nodes
(constraint and index first, UNWIND $rows + MERGE), and a name parameter is one lookup of
them, every name pulled only for the suggestions. On the fake server of `fake_neo4j` (which
answers exactly the statements `store.cypher` builds); tests/integration/test_neo4j.py runs
the same on a real server when there is one."""

from __future__ import annotations

import pytest
from newsgraph.model.graph import EntityNode, EntityType, KnowledgeGraph
from newsgraph.model.names import name_key
from newsgraph.queries import NoSuchNode
from newsgraph.queries.library import get_query
from newsgraph.queries.params import ENTITY_LOOKUP, OUTLET_LOOKUP, bind
from newsgraph.store import cypher
from newsgraph.store.neo4j_rows import name_key_rows
from newsgraph.store.rows import entity_name_keys

from .fake_neo4j import NEO4J_KEY_LOOKUP, FakeNeo4j
from .test_neo4j_store import open_fake

ENTITIES = (
    EntityNode(id="eAda", name="Adélie Quarrington", aliases=("Quarrington", "A. Quarrington"),
               type=EntityType.PERSON, mention_count=3, article_count=1),
    EntityNode(id="eMill", name="The Millbrook Courier", aliases=("Courier",), type=EntityType.OUTLET,
               mention_count=1, article_count=1),
    EntityNode(id="eQuar", name="Quarrington", type=EntityType.ORGANIZATION, mention_count=1, article_count=1),
)


@pytest.fixture
def server() -> FakeNeo4j:
    return FakeNeo4j()


@pytest.fixture
def store(server, tmp_path):
    store = open_fake(server, tmp_path)
    store.write(KnowledgeGraph(entities=ENTITIES))
    return store


def test_each_entity_is_found_by_its_id_and_the_keys_of_its_name_and_aliases():
    assert entity_name_keys(ENTITIES[0]) == ["eAda", "adelie quarrington", "quarrington", "a quarrington"]
    assert entity_name_keys(ENTITIES[1]) == ["eMill", "millbrook courier", "courier"]
    rows = name_key_rows(ENTITIES)
    assert {(r["key"], r["entity"], r["label"]) for r in rows if r["key"] == "quarrington"} == {
        ("quarrington", "eAda", "Person"), ("quarrington", "eQuar", "Organization")}
    assert len({r["id"] for r in rows}) == len(rows)  # one node per (key, entity)


def test_the_writer_stores_the_keys_after_their_constraint_and_index(server, store):
    schema = cypher.schema()
    assert cypher.node_constraint(cypher.NAME_KEY) in schema and cypher.name_key_index() in schema
    assert "FOR (n:NameKey) REQUIRE n.id IS UNIQUE" in cypher.node_constraint(cypher.NAME_KEY)
    assert "FOR (n:NameKey) ON (n.key)" in cypher.name_key_index()
    statements = server.statements()
    assert statements.index(cypher.name_key_index()) < statements.index(cypher.upsert_nodes(cypher.NAME_KEY))
    assert server.name_keys() == {
        "eAda": ["eAda"], "adelie quarrington": ["eAda"], "quarrington": ["eAda", "eQuar"], "a quarrington": ["eAda"],
        "eMill": ["eMill"], "millbrook courier": ["eMill"], "courier": ["eMill"], "eQuar": ["eQuar"]}


@pytest.mark.parametrize(("text", "expected"), [
    ("adelie quarrington", ["eAda"]),  # accents and case ignored
    ("QUARRINGTON", ["eAda", "eQuar"]),  # a name and an alias
    ("eQuar", ["eQuar"]),  # an id
])
def test_a_name_is_one_lookup_in_the_database(server, store, text, expected):
    sent = len(server.statements())
    assert bind(get_query("meetings_of"), {"entity": text}, store)["entity"] == expected
    ran = server.statements()[sent:]
    assert ran == [NEO4J_KEY_LOOKUP] and ENTITY_LOOKUP not in ran
    [(_, params)] = [s for t in server.transactions[-1:] for s in t.statements]
    assert params == {"keys": [name_key(text), text]}


def test_an_outlet_parameter_takes_only_outlets_and_a_miss_pulls_names_for_suggestions(server, store):
    assert bind(get_query("quoted_by"), {"outlet": "millbrook courier"}, store)["outlet"] == ["eMill"]
    sent = len(server.statements())
    server.canned[OUTLET_LOOKUP] = [{"id": "eMill", "name": "The Millbrook Courier", "aliases": ["Courier"]}]
    with pytest.raises(NoSuchNode, match="did you mean 'The Millbrook Courier'"):
        bind(get_query("quoted_by"), {"outlet": "Millbrok Courier"}, store)
    assert server.statements()[sent:] == [NEO4J_KEY_LOOKUP, OUTLET_LOOKUP]


def test_a_database_written_before_name_keys_still_resolves_names(server, store):
    server.nodes[cypher.NAME_KEY].clear()  # as a database written by an older newsgraph
    server.canned[ENTITY_LOOKUP] = [{"id": e.id, "name": e.name, "aliases": list(e.aliases)} for e in ENTITIES]
    assert bind(get_query("meetings_of"), {"entity": "Courier"}, store)["entity"] == ["eMill"]


def test_renamed_entities_leave_no_stale_key(server, store):
    renamed = (ENTITIES[0].model_copy(update={"aliases": ()}), *ENTITIES[1:])
    report = store.write(KnowledgeGraph(entities=renamed))
    assert server.name_keys()["quarrington"] == ["eQuar"] and "a quarrington" not in server.name_keys()
    assert report.nodes_deleted == 2  # the two alias keys of eAda
