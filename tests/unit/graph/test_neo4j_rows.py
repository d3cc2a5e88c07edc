"""Keyed, hashed rows for Neo4j and the diff against what was written; the state file."""

from __future__ import annotations

from newsgraph.model.graph import LinkType, NodeLabel
from newsgraph.store.neo4j_rows import Group, Stored, diff, graph_items, link_id
from newsgraph.store.neo4j_state import WriteState


def test_every_node_and_relationship_becomes_one_item(mk):
    graph = mk.small_graph()
    items = graph_items(graph)
    nodes = [i for g, group in items.items() if g.kind == "node" for i in group]
    rels = [i for g, group in items.items() if g.kind == "relationship" for i in group]
    keys = items[Group("node", "NameKey")]  # each entity's id and the keys of its name and aliases
    assert len(nodes) == len(graph.articles) + len(graph.entities) + len(graph.statements) + len(keys)
    assert len(rels) == len(graph.relations) + len(graph.links)
    assert list(items)[0] == Group("node", "Person")  # nodes first, in the model's label order
    assert all(g.kind == "relationship" for g in list(items)[len({g for g in items if g.kind == "node"}):])


def test_rows_carry_properties_without_endpoint_fields(mk):
    items = graph_items(mk.small_graph())
    [quoted] = items[Group("relationship", "QUOTED_BY", "Person", "Outlet")]
    assert set(quoted.row) == {"id", "from", "to", "props"}
    assert quoted.row["props"]["quotes"] == ["We will win", "that they would win"]
    assert not {"from", "to", "from_label", "to_label"} & set(quoted.row["props"])
    [mention] = [i for i in items[Group("relationship", "MENTIONS", "Article", "Government")]]
    assert mention.row["props"] == {"mentions": 3, "id": mention.id}
    [article] = [i for i in items[Group("node", "Article")] if i.id == "aB"]
    assert article.row["props"]["outlet"] is None  # SET n += {outlet: null} removes a stale value


def test_link_ids_are_stable_and_distinct():
    assert link_id(LinkType.MENTIONS, "aA", "e1") == link_id(LinkType.MENTIONS, "aA", "e1")
    assert link_id(LinkType.MENTIONS, "aA", "e1") != link_id(LinkType.AUTHORED_BY, "aA", "e1")
    assert link_id(LinkType.MENTIONS, "aA", "e1").startswith("l") and len(link_id(LinkType.MENTIONS, "a", "b")) == 17


def test_hashes_change_with_content_only(mk):
    graph = mk.small_graph()
    again = {i.id: i.hash for g in graph_items(graph).values() for i in g}
    assert again == {i.id: i.hash for g in graph_items(mk.small_graph()).values() for i in g}
    changed = graph.model_copy(update={"entities": tuple(
        e.model_copy(update={"aliases": ("Maduro",)}) if e.id == "ePer1" else e for e in graph.entities)})
    hashes = {i.id: i.hash for g in graph_items(changed).values() for i in g}
    assert {k for k in again if again[k] != hashes[k]} == {"ePer1"}


def test_diff_sends_new_and_changed_and_deletes_vanished(mk):
    items = graph_items(mk.small_graph())
    stored = {(g.kind, i.id): Stored(g.name, i.hash) for g, group in items.items() for i in group}
    assert diff(items, stored).upserts == {}
    assert diff(items, stored).unchanged == len(stored)
    stored[("node", "ePer1")] = Stored("Person", "old")
    stored[("node", "eGone")] = Stored("Person", "x")
    stored[("relationship", "rGone")] = Stored("MET_WITH", "y")
    changes = diff(items, stored)
    assert {g: [i.id for i in v] for g, v in changes.upserts.items()} == {Group("node", "Person"): ["ePer1"]}
    assert changes.deletes == {("node", "Person"): ["eGone"], ("relationship", "MET_WITH"): ["rGone"]}
    unknown = {key: Stored(value.name, None) for key, value in stored.items()}  # ids read back from a server
    assert diff(items, unknown).unchanged == 0


def test_state_is_kept_per_target(tmp_path):
    state = WriteState(tmp_path / "state.sqlite", target="bolt://a neo4j")
    state.record("node", NodeLabel.PERSON.value, [("e1", "h1"), ("e2", "h2")])
    state.record("relationship", "MET_WITH", [("r1", "h3")])
    assert state.counts() == {("node", "Person"): 2, ("relationship", "MET_WITH"): 1}
    assert state.load()[("node", "e1")] == Stored("Person", "h1")
    state.forget("node", ["e1"])
    assert set(state.load()) == {("node", "e2"), ("relationship", "r1")}
    other = WriteState(tmp_path / "state.sqlite", target="bolt://b neo4j")
    assert other.load() == {}
    state.clear()
    assert state.load() == {}
