"""The Neo4j statement builders: pure text from the model's enums, values only as parameters."""

from __future__ import annotations

import re

import pytest
from newsgraph.model.graph import LinkType, NodeLabel, RelationType
from newsgraph.store import cypher
from newsgraph.store.rows import (
    ARTICLE_PROPERTIES,
    ENTITY_PROPERTIES,
    LINK_PROPERTIES,
    RELATION_PROPERTIES,
)


def test_a_uniqueness_constraint_per_label():
    assert cypher.node_constraint(NodeLabel.PERSON) == (
        "CREATE CONSTRAINT newsgraph_person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE")
    texts = cypher.schema()
    for label in NodeLabel:
        assert cypher.node_constraint(label) in texts
    for edge in (*RelationType, *LinkType):
        assert cypher.relationship_index(edge) in texts
    assert cypher.relationship_index(LinkType.MENTIONS) == (
        "CREATE INDEX newsgraph_mentions_id IF NOT EXISTS FOR ()-[r:MENTIONS]-() ON (r.id)")
    assert texts.index(cypher.node_constraint(NodeLabel.ARTICLE)) < texts.index(cypher.relationship_index("CITES"))


def test_upserts_merge_on_ids_from_the_rows_parameter():
    assert cypher.upsert_nodes("Outlet") == (
        "UNWIND $rows AS row MERGE (n:Outlet {id: row.id}) SET n += row.props RETURN count(n) AS written")
    assert cypher.upsert_relationships(RelationType.QUOTED_BY, NodeLabel.PERSON, NodeLabel.OUTLET) == (
        "UNWIND $rows AS row MATCH (a:Person) WHERE a.id = row.from MATCH (b:Outlet) WHERE b.id = row.to "
        "MERGE (a)-[r:QUOTED_BY {id: row.id}]->(b) SET r += row.props RETURN count(r) AS written")


def test_deletes_take_id_lists():
    assert cypher.delete_nodes(NodeLabel.PERSON) == "UNWIND $ids AS id MATCH (n:Person {id: id}) DETACH DELETE n"
    assert cypher.delete_relationships(LinkType.MENTIONS) == (
        "UNWIND $ids AS id MATCH ()-[r:MENTIONS {id: id}]->() DELETE r")


def test_reads_return_the_row_shape_graph_from_rows_reads():
    text = cypher.read_nodes(NodeLabel.ARTICLE)
    assert [m for m in re.findall(r"AS (\w+)", text)] == list(ARTICLE_PROPERTIES)
    assert re.findall(r"AS (\w+)", cypher.read_nodes("Location")) == list(ENTITY_PROPERTIES)
    relation = re.findall(r"AS `?(\w+)`?", cypher.read_relationships(RelationType.CITES))
    assert relation == ["from", "to", "from_label", "to_label", *RELATION_PROPERTIES]
    mentions = re.findall(r"AS `?(\w+)`?", cypher.read_relationships(LinkType.MENTIONS))
    assert mentions == ["from", "to", "from_label", "to_label", *LINK_PROPERTIES[LinkType.MENTIONS]]


def test_counts_cover_every_label_and_type():
    text = cypher.counts()
    assert text.count(" UNION ALL ") == len(NodeLabel) + 1 + len(RelationType) + len(LinkType) - 1  # and NameKey
    for label in NodeLabel:
        assert f"MATCH (n:{label.value}) RETURN 'node' AS kind" in text


@pytest.mark.parametrize("forged", ["Persn", "Person) DETACH DELETE (x", "person", ""])
def test_labels_come_only_from_the_enum(forged):
    with pytest.raises(ValueError):
        cypher.upsert_nodes(forged)
    with pytest.raises(ValueError):
        cypher.delete_nodes(forged)


@pytest.mark.parametrize("forged", ["MET_WIHT", "MET_WITH]->() DETACH DELETE x //", "Person"])
def test_relationship_types_come_only_from_the_enums(forged):
    with pytest.raises(ValueError):
        cypher.delete_relationships(forged)
    with pytest.raises(ValueError):
        cypher.upsert_relationships(forged, NodeLabel.PERSON, NodeLabel.PERSON)


def test_endpoint_pairs_must_be_in_the_schema():
    with pytest.raises(ValueError, match="Article-\\[MET_WITH\\]->Person is not in the schema"):
        cypher.upsert_relationships(RelationType.MET_WITH, NodeLabel.ARTICLE, NodeLabel.PERSON)
    with pytest.raises(ValueError):
        cypher.upsert_relationships(LinkType.PUBLISHED_BY, NodeLabel.ARTICLE, NodeLabel.PERSON)


def test_string_names_are_accepted_when_they_are_members():
    assert cypher.upsert_nodes("Person") == cypher.upsert_nodes(NodeLabel.PERSON)
    assert cypher.edge_type("MENTIONS") is LinkType.MENTIONS
    assert cypher.edge_type("CITES") is RelationType.CITES
    assert cypher.edge_properties(LinkType.MENTIONS) == ["id", "mentions"]
