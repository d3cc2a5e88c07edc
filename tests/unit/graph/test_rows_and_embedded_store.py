"""Flat rows (the shape stores write) and the embedded LadybugDB store under tmp_path."""

from __future__ import annotations

import re

import pytest
from newsgraph.graph.build import build_graph
from newsgraph.model.names import name_key
from newsgraph.model.graph import (
    ALLOWED_LINKS,
    ALLOWED_RELATIONS,
    EntityType,
    KnowledgeGraph,
    LinkType,
    NodeLabel,
    RelationType,
)
from newsgraph.store import StoreError, embedded
from newsgraph.store.embedded import (
    DATABASE_FILE,
    GENERATIONS,
    NAME_KEY_TABLE,
    POINTER,
    EmbeddedStore,
    StoreEmpty,
    schema_statements,
)
from newsgraph.store.readonly import RefusedStatement
from newsgraph.store.rows import (
    ARTICLE_PROPERTIES,
    ENTITY_PROPERTIES,
    LINK_PROPERTIES,
    RELATION_PROPERTIES,
    endpoint_pairs,
    graph_from_rows,
    group_by_endpoints,
    link_rows,
    node_properties,
    node_rows,
    relation_row,
    relation_rows,
)


def built_graph(mk) -> KnowledgeGraph:
    us, maduro = mk.entity("United States", "Government", fixed=True), mk.entity("Nicolás Maduro", "Person")
    planet = mk.entity("Daily Planet", "Outlet", fixed=True)
    return build_graph([
        mk.extraction("aA", [us, maduro, planet], [
            mk.relation("SANCTIONED", us, maduro, mk.evidence(0, 30), status="lifted"),
            mk.relation("QUOTED_BY", maduro, planet, mk.evidence(40, 90, quote="Nunca", direct=True)),
        ], outlet="Daily Planet", author="Lois Lane"),
        mk.extraction("aB", [us, mk.entity("Maduro", "Person", mentions=2)], [
            mk.relation("SANCTIONED", us, mk.entity("Maduro", "Person"), mk.evidence(3, 9), status="lifted"),
        ], outlet="Globe"),
    ])


# ---- rows ------------------------------------------------------------------------------------


def test_rows_round_trip_without_a_database(mk):
    g = mk.small_graph()
    assert graph_from_rows(node_rows(g), relation_rows(g), link_rows(g)) == g


def test_node_rows_are_keyed_by_label(mk):
    rows = node_rows(mk.small_graph())
    assert set(rows) == set(NodeLabel)
    assert [r["id"] for r in rows[NodeLabel.ARTICLE]] == ["aA", "aB"]
    assert [r["id"] for r in rows[NodeLabel.PERSON]] == ["ePer1", "ePer2"]
    person = rows[NodeLabel.PERSON][0]
    assert set(person) == set(ENTITY_PROPERTIES)
    assert person["aliases"] == ["Maduro", "Nicolas Maduro"]
    assert set(rows[NodeLabel.ARTICLE][0]) == set(ARTICLE_PROPERTIES)


def test_relation_row_flattens_evidence_into_parallel_lists(mk):
    g = mk.small_graph()
    quoted = next(r for r in g.relations if r.type is RelationType.QUOTED_BY)
    row = relation_row(quoted)
    assert set(row) - {"from", "to", "from_label", "to_label"} == set(RELATION_PROPERTIES)
    assert row["from_label"] == "Person" and row["to_label"] == "Outlet"
    assert row["evidence_ids"] == ["v4", "v5"]
    assert row["quotes"] == ["We will win", "that they would win"]
    assert row["direct"] == [True, False]
    assert row["corroboration"] == 1 and row["article_count"] == 1
    assert row["status"] is None
    sanction = relation_row(next(r for r in g.relations if r.type is RelationType.SANCTIONED))
    assert sanction["status"] == "threatened"
    plain = relation_row(next(r for r in g.relations if r.type is RelationType.ACCUSED))
    assert plain["quotes"] == [""] and plain["direct"] == [False] and plain["outlets"] == []


def test_link_rows_carry_mention_counts_only_on_mentions(mk):
    rows = link_rows(mk.small_graph())
    assert [r["mentions"] for r in rows[LinkType.MENTIONS]] == [3, 1, 2]
    assert all("mentions" not in r for t in (LinkType.AUTHORED_BY, LinkType.PUBLISHED_BY) for r in rows[t])


def test_endpoint_pairs_follow_the_schema_tables():
    for t in RelationType:
        assert endpoint_pairs(t) == sorted(ALLOWED_RELATIONS[t])
    for t in LinkType:
        assert endpoint_pairs(t) == sorted(ALLOWED_LINKS[t])


def test_group_by_endpoints():
    rows = [{"from_label": "Person", "to_label": "Outlet", "n": 1}, {"from_label": "Person", "to_label": "Person", "n": 2},
            {"from_label": "Person", "to_label": "Outlet", "n": 3}]
    grouped = group_by_endpoints(rows)
    assert {k: [r["n"] for r in v] for k, v in grouped.items()} == {("Person", "Outlet"): [1, 3], ("Person", "Person"): [2]}


# ---- schema DDL ------------------------------------------------------------------------------


def test_schema_statements_cover_every_label_and_type():
    statements = schema_statements()
    nodes = {m.group(1) for s in statements if (m := re.match(r"CREATE NODE TABLE (\w+)\(", s))}
    rels = {m.group(1) for s in statements if (m := re.match(r"CREATE REL TABLE (\w+)\(", s))}
    assert nodes == {label.value for label in NodeLabel} | {NAME_KEY_TABLE}
    assert rels == {t.value for t in RelationType} | {t.value for t in LinkType}
    assert len(statements) == 1 + len(NodeLabel) + len(RelationType) + len(LinkType)


def test_schema_statements_declare_properties_and_endpoints():
    by_name = {re.match(r"CREATE (?:NODE|REL) TABLE (\w+)", s).group(1): s for s in schema_statements()}
    for label in NodeLabel:
        for name, kind in node_properties(label).items():
            assert f"{name} {kind}" in by_name[label.value]
        assert "PRIMARY KEY (id)" in by_name[label.value]
    for t in RelationType:
        for a, b in ALLOWED_RELATIONS[t]:
            assert f"FROM {a.value} TO {b.value}" in by_name[t.value]
        assert "ev_start INT64[]" in by_name[t.value]
    assert "mentions INT64" in by_name["MENTIONS"]
    assert by_name["PUBLISHED_BY"] == "CREATE REL TABLE PUBLISHED_BY(FROM Article TO Outlet)"
    assert LINK_PROPERTIES[LinkType.AUTHORED_BY] == {}


# ---- embedded store --------------------------------------------------------------------------


def test_load_on_an_empty_home_raises_store_empty(tmp_path):
    store = EmbeddedStore(tmp_path / "home")
    assert not store.exists()
    with pytest.raises(StoreEmpty, match="newsgraph ingest"):
        store.load()
    with pytest.raises(StoreEmpty):
        store.run("MATCH (n) RETURN n.id")


def test_write_then_load_returns_an_equal_graph(tmp_path, mk):
    store = EmbeddedStore(tmp_path / "home")
    g = mk.small_graph()
    store.write(g)
    assert store.exists() and store.path == tmp_path / "home" / GENERATIONS / "000001" / DATABASE_FILE
    loaded = store.load()
    assert loaded == g
    # the parts most likely to drift, spelled out
    quoted = next(r for r in loaded.relations if r.type is RelationType.QUOTED_BY)
    assert [(e.quote, e.direct) for e in quoted.evidence] == [("We will win", True), ("that they would win", False)]
    accused = next(r for r in loaded.relations if r.type is RelationType.ACCUSED)
    assert [(e.quote, e.direct) for e in accused.evidence] == [(None, None)]
    assert next(r for r in loaded.relations if r.type is RelationType.SANCTIONED).status == "threatened"
    assert next(e for e in loaded.entities if e.id == "ePer1").aliases == ("Maduro", "Nicolas Maduro")
    assert next(a for a in loaded.articles if a.id == "aB").outlet is None
    assert loaded.links == g.links


def test_built_graph_round_trips(tmp_path, mk):
    store = EmbeddedStore(tmp_path)
    g = built_graph(mk)
    store.write(g)
    assert store.load() == g


def test_empty_graph_round_trips(tmp_path):
    store = EmbeddedStore(tmp_path)
    store.write(KnowledgeGraph())
    assert store.load() == KnowledgeGraph()


def test_writing_again_replaces_the_graph(tmp_path, mk):
    store = EmbeddedStore(tmp_path)
    first, second = mk.small_graph(), built_graph(mk)
    store.write(first)
    store.write(first)
    assert store.run(f"MATCH (n) WHERE label(n) <> '{NAME_KEY_TABLE}' RETURN count(n) AS n") == [
        {"n": len(first.articles) + len(first.entities) + len(first.statements)}]
    assert store.run("MATCH ()-[r]->() RETURN count(r) AS n") == [{"n": len(first.relations) + len(first.links)}]
    assert store.load() == first
    store.write(second)
    assert store.load() == second
    assert store.run("MATCH (p:Person) WHERE p.id = 'ePer1' RETURN p.id AS id") == []
    assert sorted(p.name for p in (tmp_path / GENERATIONS).iterdir()) == ["000003", POINTER]  # old ones removed


def test_failed_write_keeps_the_previous_graph(tmp_path, mk, monkeypatch):
    store = EmbeddedStore(tmp_path)
    before = mk.small_graph()
    store.write(before)

    load_into = embedded._Writer.load_into

    class FailsOnEdges:  # the nodes are in when the first relationship COPY fails
        def __init__(self, connection):
            self.connection = connection

        def execute(self, statement):
            if "(from=" in statement:
                raise RuntimeError("disk on fire")
            return self.connection.execute(statement)

    monkeypatch.setattr(embedded._Writer, "load_into", lambda writer, c: load_into(writer, FailsOnEdges(c)))
    with pytest.raises(RuntimeError, match="disk on fire"):
        store.write(built_graph(mk))
    assert store.load() == before
    assert _generations(tmp_path) == ["000001"]  # no temporary generation or staging left
    monkeypatch.undo()
    with pytest.raises(KeyboardInterrupt), store.writer() as sink:  # interrupted while rows stream in
        sink.add_articles(list(built_graph(mk).articles))
        raise KeyboardInterrupt
    assert store.load() == before
    assert _generations(tmp_path) == ["000001"]
    after = built_graph(mk)
    store.write(after)  # a leftover temporary file does not block the next write
    assert store.load() == after


def _generations(home) -> list[str]:
    return sorted(p.name for p in (home / GENERATIONS).iterdir() if p.is_dir())


def test_a_home_whose_path_has_quotes_and_backslashes(tmp_path, mk):
    store = EmbeddedStore(tmp_path / "it's a \\ home")
    graph = built_graph(mk)
    store.write(graph)
    assert store.load() == graph


def test_run_with_parameters(tmp_path, mk):
    store = EmbeddedStore(tmp_path)
    store.write(mk.small_graph())
    rows = store.run("MATCH (p:Person) WHERE p.name = $name RETURN p.id AS id", {"name": "Nicolás Maduro"})
    assert rows == [{"id": "ePer1"}]
    assert store.run("MATCH (p:Person) WHERE p.name = $name RETURN p.id AS id", {"name": "Nobody"}) == []
    rows = store.run(
        "MATCH (a)-[r:MET_WITH {modality: 'asserted'}]->(b) RETURN a.id AS a, b.id AS b, r.sentences AS s, r.corroboration AS c")
    assert rows == [{"a": "eGov1", "b": "ePer1", "s": ["Sentence 1, with “quotes” and ünïcode.",
                                                        "Sentence 2, with “quotes” and ünïcode."], "c": 1}]
    rows = store.run("MATCH (:Article {id: $a})-[m:MENTIONS]->(e) RETURN e.id AS e, m.mentions AS n ORDER BY e.id",
                     {"a": "aA"})
    assert rows == [{"e": "eGov1", "n": 3}, {"e": "eLoc1", "n": 1}]


def test_read_only_run_refuses_a_write_and_write_is_refused_with_the_way_to_curate(tmp_path, mk):
    store = EmbeddedStore(tmp_path)
    g = mk.small_graph()
    store.write(g)
    create = "CREATE (p:Person {id: 'eNew', name: 'New', aliases: [], mention_count: 0, article_count: 0})"
    with pytest.raises(RefusedStatement, match="read-only"):
        store.run(create)
    with pytest.raises(RefusedStatement, match="rebuilt from the extraction cache.*newsgraph curate"):
        store.run(create, write=True)
    assert store.load() == g
    assert store.stamp() is None  # no stamp given, none kept


def test_the_store_keeps_one_connection_and_follows_a_new_generation(tmp_path, mk):
    first, second = mk.small_graph(), built_graph(mk)
    with EmbeddedStore(tmp_path) as reader:
        EmbeddedStore(tmp_path).write(first, stamp="one")
        assert reader.load() == first
        connection = reader._connection
        assert reader.run("RETURN 1 AS one") == [{"one": 1}] and reader._connection is connection  # kept open
        EmbeddedStore(tmp_path).write(second, stamp="two")  # another writer (another process)
        assert reader.load() == second and reader.stamp() == "two"
    assert reader._connection is None  # closed at the end of the block


def test_name_keys_are_stored_for_names_and_aliases(tmp_path, mk):
    store = EmbeddedStore(tmp_path)
    graph = mk.small_graph()
    store.write(graph)
    maduro = next(e for e in graph.entities if e.id == "ePer1")
    lookup = "MATCH (k:NameKey) WHERE k.id = $key RETURN k.ids AS ids, k.labels AS labels"
    assert "Nicolas Maduro" in maduro.aliases and name_key("Nicolás Maduro") == "nicolas maduro"
    for key in ("nicolas maduro", "maduro", "ePer1"):  # its name's key, an alias's, its id
        assert store.run(lookup, {"key": key}) == [{"ids": ["ePer1"], "labels": ["Person"]}]
    keys = store.run("MATCH (k:NameKey) RETURN k.id AS id")
    expected = {e.id for e in graph.entities} | {name_key(f) for e in graph.entities for f in (e.name, *e.aliases)}
    assert {r["id"] for r in keys} == expected - {""}


def test_a_query_beyond_the_buffer_pool_is_a_clear_store_error(tmp_path, mk):
    EmbeddedStore(tmp_path).write(mk.small_graph())
    small = EmbeddedStore(tmp_path, buffer_pool_mb=16)
    heavy = "UNWIND range(1, $n) AS i WITH i % 100000 AS k, collect(i) AS xs RETURN count(*) AS groups"
    with pytest.raises(StoreError, match="more than the embedded store's 16 MB of buffer pool.*NEWSGRAPH_BUFFER_POOL_MB"):
        small.run(heavy, {"n": 20_000_000})
    assert EmbeddedStore(tmp_path).run(heavy, {"n": 200_000}) == [{"groups": 100000}]


def test_a_patch_keeps_the_statements_said_again_as_they_were_and_replaces_the_others(tmp_path, mk):
    store = EmbeddedStore(tmp_path)
    g = mk.small_graph()
    store.write(g, stamp="s-1")
    kept, described = g.statements
    changed = described.model_copy(update={"cue": "told reporters"})
    links = [link for link in g.links if link.target_label is NodeLabel.STATEMENT]
    with store.patch(stamp="s-2") as patch:
        patch.remove_statements(said_by=["ePer1"], described_in=["aB"])
        patch.add_statements([kept, changed])
        patch.add_links(links)
    assert patch.writer.counts["statements"] == 1  # only the changed one written
    assert patch.writer.counts["links"] == 1  # its REPORTS link; the kept one's three stay as they were
    assert store.load() == g.model_copy(update={"statements": (kept, changed)})
