"""The Neo4j store against a fake driver: statements, rows, batches, transactions, state, errors."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from neo4j.exceptions import AuthError, ServiceUnavailable
from newsgraph.model.graph import (
    ArticleNode,
    EntityNode,
    EntityType,
    Evidence,
    KnowledgeGraph,
    Link,
    LinkType,
    NodeLabel,
    Relation,
    RelationType,
)
from newsgraph.model.ids import relation_id
from newsgraph.store import QueryError, StoreError, cypher
from newsgraph.store.neo4j_rows import name_key_rows
from newsgraph.store.neo4j_store import STATE_FILE, Neo4jStore, connect
from pydantic import SecretStr

from .fake_neo4j import FakeNeo4j, server_error

PASSWORD = "correct-horse-battery-staple"
URI = "bolt://localhost:7687"


def open_fake(server: FakeNeo4j, home: Path, *, batch_size: int = 1000, database: str = "neo4j",
              uri: str = URI) -> Neo4jStore:
    return connect(uri=uri, user="neo4j", password=SecretStr(PASSWORD), database=database,
                   state_path=home / STATE_FILE, batch_size=batch_size, driver_factory=server.driver)


@pytest.fixture
def server() -> FakeNeo4j:
    return FakeNeo4j()


@pytest.fixture
def store(server, tmp_path) -> Neo4jStore:
    return open_fake(server, tmp_path)


def people(n: int) -> KnowledgeGraph:
    return KnowledgeGraph(entities=tuple(
        EntityNode(id=f"e{i:05d}", type=EntityType.PERSON, name=f"Person {i}", mention_count=1, article_count=1)
        for i in range(n)
    ))


def evidence(i: int, article: str = "aA") -> Evidence:
    return Evidence(id=f"v{i}", article_id=article, start=i, end=i + 10, sentence=f"Sentence {i}.", rule="r")


def trump_graph(*, merged: bool) -> KnowledgeGraph:
    """Before: "Trump" met Maduro in article aA. After article aB arrives, "Trump" is merged
    into "Donald Trump": the old node and its edges vanish, the meeting carries both evidence items."""
    articles = [ArticleNode(id="aA", title="A", path="a.txt", outlet="Globe", chars=10)]
    maduro = EntityNode(id="eMaduro", type=EntityType.PERSON, name="Nicolás Maduro", mention_count=2, article_count=1)
    if merged:
        articles.append(ArticleNode(id="aB", title="B", path="b.txt", outlet="Planet", chars=10))
        trump = EntityNode(id="eDonald", type=EntityType.PERSON, name="Donald Trump", aliases=("Trump",),
                           mention_count=3, article_count=2)
        items = (evidence(1), evidence(2, "aB"))
    else:
        trump = EntityNode(id="eTrump", type=EntityType.PERSON, name="Trump", mention_count=1, article_count=1)
        items = (evidence(1),)
    source, target = sorted((trump.id, maduro.id))
    met = Relation(id=relation_id(RelationType.MET_WITH, source, target), type=RelationType.MET_WITH,
                   source=source, target=target, source_label=NodeLabel.PERSON, target_label=NodeLabel.PERSON,
                   evidence=items, outlets=("Globe", "Planet") if merged else ("Globe",))
    links = tuple(Link(type=LinkType.MENTIONS, source=a.id, target=trump.id, target_label=NodeLabel.PERSON)
                  for a in articles)
    return KnowledgeGraph(articles=tuple(articles), entities=tuple(sorted((trump, maduro), key=lambda e: e.id)),
                          relations=(met,), links=links)


def write_transactions(server: FakeNeo4j) -> list:
    return server.committed("WRITE")


# ---- connecting --------------------------------------------------------------------------------


def test_connect_checks_the_server_version(server, tmp_path):
    store = open_fake(server, tmp_path)
    assert [t.statements[0][0] for t in server.transactions] == [cypher.server_components()]
    assert server.driver_calls[0][1] == ("neo4j", PASSWORD)  # the password goes to the driver, and only there
    assert repr(store) == "Neo4jStore('bolt://localhost:7687', database='neo4j')"
    store.close()
    assert server.closed


@pytest.mark.parametrize("version", ["4.4.30", "3.5.0", ""])
def test_neo4j_older_than_5_is_refused(tmp_path, version):
    server = FakeNeo4j(version=version)
    with pytest.raises(StoreError, match="needs Neo4j 5 or later") as caught:
        open_fake(server, tmp_path)
    assert "\n" not in str(caught.value)
    assert server.closed


@pytest.mark.parametrize(("error", "expected"), [
    (ServiceUnavailable("Couldn't connect to localhost:7687"), "cannot reach Neo4j at bolt://localhost:7687"),
    (AuthError("The client is unauthorized due to authentication failure."), "rejected user 'neo4j': wrong password"),
])
def test_connection_errors_are_one_line_without_the_password(server, tmp_path, caplog, error, expected):
    server.connect_error = error
    caplog.set_level(logging.DEBUG)
    with pytest.raises(StoreError) as caught:
        open_fake(server, tmp_path)
    message = str(caught.value)
    assert expected in message and "\n" not in message
    assert PASSWORD not in message and PASSWORD not in caplog.text


def test_a_wrong_database_name_is_named(server, tmp_path):
    with pytest.raises(StoreError, match="has no database 'nope' \\(NEWSGRAPH_NEO4J_DATABASE\\)"):
        open_fake(server, tmp_path, database="nope")


@pytest.mark.parametrize("uri", ["http://localhost:7474", "localhost:7687", f"bolt://neo4j:{PASSWORD}@localhost"])
def test_uris_the_driver_cannot_use_are_refused_without_echoing_the_password(server, tmp_path, uri):
    with pytest.raises(StoreError) as caught:
        open_fake(server, tmp_path, uri=uri)
    assert PASSWORD not in str(caught.value)


def test_the_real_driver_on_a_closed_port_fails_fast_without_the_password(tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    with pytest.raises(StoreError, match="cannot reach Neo4j at bolt://127.0.0.1:9") as caught:
        connect(uri="bolt://127.0.0.1:9", user="neo4j", password=SecretStr(PASSWORD), database="neo4j",
                state_path=tmp_path / STATE_FILE, batch_size=10)
    assert PASSWORD not in str(caught.value) and PASSWORD not in caplog.text
    assert PASSWORD not in repr(caught.value.__cause__)


# ---- writing -----------------------------------------------------------------------------------


def test_constraints_come_before_any_write(server, store, mk):
    store.write(mk.small_graph())
    statements = [t.statements[0][0] for t in server.transactions[1:]]  # after the version check
    schema = cypher.schema()
    assert statements[: len(schema)] == schema
    assert all(t.mode == "AUTO" for t in server.transactions[1 : 1 + len(schema)])
    first_write = next(i for i, t in enumerate(server.transactions) if t.mode == "WRITE")
    assert first_write > len(schema)


def test_writes_go_in_batches_of_1000_one_statement_per_transaction(server, store):
    report = store.write(people(2500))
    upserts = [t for t in write_transactions(server)]
    assert all(len(t.statements) == 1 for t in upserts)
    people_sent = [t for t in upserts if t.statements[0][0] == cypher.upsert_nodes(NodeLabel.PERSON)]
    keys_sent = [t for t in upserts if t.statements[0][0] == cypher.upsert_nodes(cypher.NAME_KEY)]
    assert len(people_sent) + len(keys_sent) == len(upserts)
    assert [len(t.statements[0][1][cypher.ROWS]) for t in people_sent] == [1000, 1000, 500]
    # each person's id and name key, after the people of its chunk
    assert [len(t.statements[0][1][cypher.ROWS]) for t in keys_sent] == [1000, 1000, 1000, 1000, 1000]
    assert upserts.index(people_sent[-1]) < upserts.index(keys_sent[0])
    assert report.nodes_written == 2500 + 5000 and report.batches == 8 and report.unchanged == 0
    assert server.node_count() == 2500 and len(server.name_keys()) == 5000


def test_batch_size_is_a_setting(server, tmp_path):
    store = open_fake(server, tmp_path, batch_size=7)
    store.write(people(20))
    assert [len(t.statements[0][1][cypher.ROWS]) for t in write_transactions(server)
            if t.statements[0][0] == cypher.upsert_nodes(NodeLabel.PERSON)] == [7, 7, 6]


def test_values_travel_as_parameters_never_in_the_text(server, store, mk):
    graph = mk.small_graph()
    store.write(graph)
    values = {e.id for e in graph.entities} | {e.name for e in graph.entities} | {a.id for a in graph.articles}
    values |= {ev.sentence for r in graph.relations for ev in r.evidence}
    for text in server.statements():
        assert not any(value in text for value in values), text
    sent = [row for t in write_transactions(server) for row in t.statements[0][1][cypher.ROWS]]
    assert {row["id"] for row in sent} >= {e.id for e in graph.entities} | {r.id for r in graph.relations}


def test_one_statement_per_label_and_per_type_and_endpoint_pair(server, store, mk):
    graph = mk.small_graph()
    store.write(graph)
    texts = [t.statements[0][0] for t in write_transactions(server)]
    assert len(texts) == len(set(texts))  # small graph: one batch per statement
    labels = {NodeLabel.ARTICLE, NodeLabel.STATEMENT, *(NodeLabel(e.type) for e in graph.entities)}
    expected = {cypher.upsert_nodes(label) for label in labels} | {cypher.upsert_nodes(cypher.NAME_KEY)}
    expected |= {cypher.upsert_relationships(r.type, r.source_label, r.target_label) for r in graph.relations}
    expected |= {cypher.upsert_relationships(link.type, link.source_label, link.target_label) for link in graph.links}
    assert set(texts) == expected
    node_batches = [i for i, text in enumerate(texts) if "MERGE (n:" in text]
    assert max(node_batches) < min(i for i, text in enumerate(texts) if "MERGE (a)-" in text)  # nodes first


def test_write_then_load_round_trips(store, mk):
    graph = mk.small_graph()
    store.write(graph)
    assert store.load() == graph


def test_writing_the_same_graph_again_sends_nothing(server, store, mk):
    graph = mk.small_graph()
    first = store.write(graph)
    nodes, rels = server.node_count(), server.relationship_count()
    before = len(write_transactions(server))
    second = store.write(graph)
    assert len(write_transactions(server)) == before
    assert (second.nodes_written, second.relationships_written, second.nodes_deleted, second.batches) == (0, 0, 0, 0)
    assert second.unchanged == first.nodes_written + first.relationships_written
    assert (server.node_count(), server.relationship_count()) == (nodes, rels)


def test_only_changed_rows_are_sent(server, store, mk):
    graph = mk.small_graph()
    store.write(graph)
    changed = graph.model_copy(update={"entities": tuple(
        e.model_copy(update={"mention_count": 99}) if e.id == "ePer1" else e for e in graph.entities)})
    before = len(write_transactions(server))
    report = store.write(changed)
    [transaction] = write_transactions(server)[before:]
    text, params = transaction.statements[0]
    assert text == cypher.upsert_nodes(NodeLabel.PERSON)
    assert [row["id"] for row in params[cypher.ROWS]] == ["ePer1"]
    assert params[cypher.ROWS][0]["props"]["mention_count"] == 99
    assert report.nodes_written == 1 and report.relationships_written == 0
    assert store.load() == changed


def test_merged_entities_delete_what_vanished_and_evidence_is_the_union(server, store):
    store.write(trump_graph(merged=False))
    before = len(write_transactions(server))
    after = trump_graph(merged=True)
    report = store.write(after)
    sent = [(t.statements[0][0], t.statements[0][1]) for t in write_transactions(server)[before:]]
    deletes = [(text, params[cypher.IDS]) for text, params in sent if cypher.IDS in params]
    old_met = relation_id(RelationType.MET_WITH, "eMaduro", "eTrump")
    assert (cypher.delete_relationships(RelationType.MET_WITH), [old_met]) in deletes
    assert (cypher.delete_nodes(NodeLabel.PERSON), ["eTrump"]) in deletes
    # eTrump's two name keys (its id, "trump") go with it; "trump" now names eDonald by an alias
    assert report.nodes_deleted == 3 and report.relationships_deleted == 2  # the meeting and the mention
    assert server.name_keys()["trump"] == ["eDonald"] and "eTrump" not in server.name_keys()
    assert "eTrump" not in server.nodes["Person"]
    assert store.load() == after
    [met] = server.relationships["MET_WITH"].values()
    assert met["props"]["evidence_ids"] == ["v1", "v2"]  # replaced by the union, not appended to
    assert store.write(after).batches == 0


def test_a_failed_batch_is_rolled_back_and_not_recorded(server, store):
    server.fail_write_transaction = 2
    with pytest.raises(StoreError, match="cannot reach Neo4j"):
        store.write(people(2500))
    assert server.node_count() == 1000  # the first batch committed, the second rolled back
    assert sum(store.state.counts().values()) == 1000
    server.fail_write_transaction = None
    report = store.write(people(2500))
    assert report.nodes_written == 1500 + 5000 and report.unchanged == 1000  # and every name key
    assert server.node_count() == 2500


def test_a_relationship_without_its_endpoints_rolls_its_batch_back(server, store, mk):
    graph = mk.small_graph()
    store.write(graph)
    # someone replaced a node behind our back, keeping the counts the state file is checked against
    server.nodes["Organization"]["eOther"] = {**server.nodes["Organization"].pop("eOrg1"), "id": "eOther"}
    lost = [r.id for r in graph.relations if "eOrg1" in (r.source, r.target)]
    for rels in server.relationships.values():
        for rel_id in lost:
            rels.pop(rel_id, None)
    store.state.forget("relationship", lost)
    with pytest.raises(StoreError, match="wrote 0 of 1 rows: endpoints missing"):
        store.write(graph)
    assert not set(lost) & {rel_id for rels in server.relationships.values() for rel_id in rels}
    assert not {("relationship", rel_id) for rel_id in lost} & set(store.state.load())


def test_a_lost_state_file_is_rebuilt_from_the_server(server, store, mk, tmp_path):
    graph = mk.small_graph()
    store.write(graph)
    (tmp_path / STATE_FILE).unlink()
    smaller = graph.model_copy(update={
        "relations": tuple(r for r in graph.relations if r.type is not RelationType.ACCUSED)})
    report = store.write(smaller)
    assert report.relationships_deleted == 1  # found on the server, gone from the graph
    assert store.load() == smaller
    assert store.write(smaller).batches == 0


def test_a_wiped_server_gets_everything_again(server, store, mk):
    graph = mk.small_graph()
    store.write(graph)
    for nodes in server.nodes.values():
        nodes.clear()
    for rels in server.relationships.values():
        rels.clear()
    report = store.write(graph)
    keys = len(name_key_rows(graph.entities))
    assert report.nodes_written == len(graph.articles) + len(graph.entities) + len(graph.statements) + keys
    assert store.load() == graph


def test_state_is_kept_per_server_and_database(server, tmp_path, mk):
    server.databases.add("news")
    graph = mk.small_graph()
    open_fake(server, tmp_path).write(graph)
    other = open_fake(server, tmp_path, database="news")
    assert other.state.counts() == {}


# ---- reading -----------------------------------------------------------------------------------


def test_run_is_read_only_unless_asked(server, store):
    server.canned["MATCH (n) RETURN n.id AS id LIMIT $n"] = [{"id": "x"}]
    assert store.run("MATCH (n) RETURN n.id AS id LIMIT $n", {"n": 1}) == [{"id": "x"}]
    last = server.transactions[-1]
    assert last.mode == "READ" and last.statements == [("MATCH (n) RETURN n.id AS id LIMIT $n", {"n": 1})]
    sent = len(server.transactions)
    with pytest.raises(QueryError, match="read-only: DETACH is not allowed"):
        store.run(cypher.delete_nodes(NodeLabel.PERSON), {cypher.IDS: ["x"]})
    assert len(server.transactions) == sent  # refused before anything reached the server
    store.run(cypher.delete_nodes(NodeLabel.PERSON), {cypher.IDS: ["x"]}, write=True)
    assert server.transactions[-1].mode == "WRITE" and server.transactions[-1].committed


@pytest.mark.parametrize("statement", [
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",  # a read transaction would run it
    "MATCH (n) RETURN n.id AS id; MATCH (m) RETURN m.id AS id",
    "CALL apoc.load.json('http://example.invalid/x') YIELD value RETURN value",
    "CALL dbms.security.createUser('x', 'y', false)",
])
def test_reads_pass_the_read_only_check_before_reaching_the_server(server, store, statement):
    sent = len(server.transactions)
    with pytest.raises(QueryError, match="read-only|one statement"):
        store.run(statement)
    assert len(server.transactions) == sent
    server.canned["CALL db.labels() YIELD label RETURN label"] = [{"label": "Person"}]
    assert store.run("CALL db.labels() YIELD label RETURN label") == [{"label": "Person"}]
    assert server.transactions[-1].mode == "READ"


def test_query_errors_carry_the_servers_message(server, store):
    bad = "MATCH (n RETURN n"
    server.canned[bad] = []
    original = server.execute

    def failing(text, params, mode):
        if text == bad:
            raise server_error("Neo.ClientError.Statement.SyntaxError", "Invalid input 'RETURN'")
        return original(text, params, mode)

    server.execute = failing
    with pytest.raises(QueryError, match="Neo4j: Invalid input 'RETURN'"):
        store.run(bad)


def test_the_store_never_logs_the_password(server, tmp_path, mk, caplog):
    caplog.set_level(logging.DEBUG)
    store = open_fake(server, tmp_path)
    store.write(mk.small_graph())
    store.load()
    assert PASSWORD not in caplog.text
    assert PASSWORD not in repr(store) and PASSWORD not in str(vars(store))


def test_the_writer_sends_each_chunk_as_it_comes_and_deletes_what_vanished_at_the_end(server, store):
    store.write(people(3))
    with store.writer() as sink:
        sink.add_entities(list(people(5).entities[:2]))  # two already stored as they are: nothing sent
        assert server.node_count() == 3
        sink.add_entities(list(people(5).entities[3:]))  # two new ones, sent before the block ends
        assert server.node_count() == 5
    # people 0, 1, 3 and 4 remain: person 2, stored and not seen, is deleted at the end
    assert server.node_count() == 4
    # each person with its two name keys (its id, its name's key)
    assert sink.report.nodes_written == 2 * 3 and sink.report.nodes_deleted == 3 and sink.report.unchanged == 2 * 3


def test_the_stamp_of_a_complete_write_holds_until_the_database_changes(server, store):
    assert store.stamp() is None
    store.write(people(3))
    assert store.stamp() is None  # written without one
    with store.writer(stamp="s1") as sink:
        sink.add_entities(list(people(3).entities))
    assert store.stamp() == "s1"
    with pytest.raises(RuntimeError, match="assembly failed"), store.writer(stamp="s2") as sink:
        raise RuntimeError("assembly failed")
    assert store.stamp() is None  # an unfinished write leaves none
    with store.writer(stamp="s3") as sink:
        sink.add_entities(list(people(3).entities))
    store.run(cypher.delete_nodes(NodeLabel.PERSON), {cypher.IDS: ["e00000"]}, write=True)  # someone else's write
    assert store.stamp() is None
