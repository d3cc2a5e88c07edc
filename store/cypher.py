"""Neo4j Cypher text for the store: schema, upserts, deletes and reads.

Pure functions from the model's enums to statement text. Labels, relationship
types and property keys come only from `model` and `rows` (validated here, so
a forged label raises `ValueError`); every value travels as a parameter:
`$rows` for writes, `$ids` for deletes, nothing is ever spliced into the text.

Besides the model's labels, the database holds `NameKey` nodes (`NAME_KEY`): one per name an
entity can be looked up by (its id, the comparison key of its name and of each alias), with
`key` (range-indexed), `entity` (its id) and `label`; resolving a name a user types is then one
index seek in the database (`queries.params.KEY_LOOKUPS`), as the embedded store's `NameKey`
table does.

Row shapes the statements expect:
    node upsert          {id, props}
    relationship upsert  {id, from, to, props}
    delete               $ids: a list of ids
"""

from __future__ import annotations

import re

from ..model.graph import (
    ALLOWED_LINKS,
    ALLOWED_RELATIONS,
    LinkType,
    NodeLabel,
    RelationType,
)
from .rows import LINK_PROPERTIES, RELATION_PROPERTIES, node_properties

EdgeType = RelationType | LinkType

ROWS = "rows"  # the parameter of every upsert
IDS = "ids"  # the parameter of every delete

_PROPERTY = re.compile(r"^[a-z][a-z_]*$")

NAME_KEY = "NameKey"  # the label of the name-key nodes (not a model label: no relationships)
NAME_KEY_PROPERTIES = ("id", "key", "entity", "label")


def label_name(label: NodeLabel | str) -> str:
    """The label's text, only for members of `NodeLabel`."""
    return NodeLabel(label).value


def stored_label(label: NodeLabel | str) -> str:
    """A label the store writes nodes of: a member of `NodeLabel`, or `NAME_KEY`."""
    return NAME_KEY if label == NAME_KEY else label_name(label)


def stored_labels() -> list[str]:
    """Every label the store writes, the model's first."""
    return [label.value for label in NodeLabel] + [NAME_KEY]


def edge_type(value: EdgeType | str) -> EdgeType:
    """The enum member for a relationship type, only for `RelationType` and `LinkType`."""
    for enum in (RelationType, LinkType):
        try:
            return enum(value)
        except ValueError:
            continue
    raise ValueError(f"{value!r} is not a relationship type of the model")


def edge_type_name(value: EdgeType | str) -> str:
    return edge_type(value).value


def edge_properties(value: EdgeType | str) -> list[str]:
    """Property keys a relationship type has in Neo4j; links get an `id` too (see `neo4j_rows`)."""
    member = edge_type(value)
    if isinstance(member, RelationType):
        return list(RELATION_PROPERTIES)
    return ["id", *LINK_PROPERTIES[member]]


def _stored_properties(value: EdgeType | str) -> list[str]:
    """The properties `rows.graph_from_rows` reads back (a link's id is the store's own)."""
    member = edge_type(value)
    return list(RELATION_PROPERTIES) if isinstance(member, RelationType) else list(LINK_PROPERTIES[member])


def _checked(names: list[str]) -> list[str]:
    for name in names:
        if not _PROPERTY.match(name):
            raise ValueError(f"{name!r} is not a property key")
    return names


def _checked_pair(value: EdgeType | str, source: NodeLabel | str, target: NodeLabel | str) -> tuple[str, str, str]:
    member = edge_type(value)
    table = ALLOWED_RELATIONS if isinstance(member, RelationType) else ALLOWED_LINKS
    pair = (NodeLabel(source), NodeLabel(target))
    if pair not in table[member]:
        raise ValueError(f"{pair[0].value}-[{member.value}]->{pair[1].value} is not in the schema")
    return member.value, pair[0].value, pair[1].value


# ---- schema ----------------------------------------------------------------------------------


def node_constraint(label: NodeLabel | str) -> str:
    name = stored_label(label)
    return (
        f"CREATE CONSTRAINT newsgraph_{name.lower()}_id IF NOT EXISTS "
        f"FOR (n:{name}) REQUIRE n.id IS UNIQUE"
    )


def relationship_index(edge: EdgeType | str) -> str:
    """A range index on the relationship id: deletes by id seek instead of scanning."""
    name = edge_type_name(edge)
    return f"CREATE INDEX newsgraph_{name.lower()}_id IF NOT EXISTS FOR ()-[r:{name}]-() ON (r.id)"


def name_key_index() -> str:
    """A range index on the name keys: the name lookup (`queries.params.KEY_LOOKUPS`) seeks it."""
    return f"CREATE INDEX newsgraph_{NAME_KEY.lower()}_key IF NOT EXISTS FOR (n:{NAME_KEY}) ON (n.key)"


def schema() -> list[str]:
    """Every constraint and index, in the order the store runs them (before any write)."""
    return [node_constraint(label) for label in stored_labels()] + [name_key_index()] + [
        relationship_index(edge) for edge in (*RelationType, *LinkType)
    ]


# ---- writes ----------------------------------------------------------------------------------


def upsert_nodes(label: NodeLabel | str) -> str:
    name = stored_label(label)
    return (
        f"UNWIND ${ROWS} AS row "
        f"MERGE (n:{name} {{id: row.id}}) "
        f"SET n += row.props "
        f"RETURN count(n) AS written"
    )


def upsert_relationships(edge: EdgeType | str, source: NodeLabel | str, target: NodeLabel | str) -> str:
    """MERGE on the relationship id between endpoints found by their labels' unique ids.

    Returns the number of rows written: fewer than sent means an endpoint is missing,
    and the store rolls the batch back.
    """
    name, source_label, target_label = _checked_pair(edge, source, target)
    return (
        f"UNWIND ${ROWS} AS row "
        f"MATCH (a:{source_label}) WHERE a.id = row.from "
        f"MATCH (b:{target_label}) WHERE b.id = row.to "
        f"MERGE (a)-[r:{name} {{id: row.id}}]->(b) "
        f"SET r += row.props "
        f"RETURN count(r) AS written"
    )


def delete_nodes(label: NodeLabel | str) -> str:
    name = stored_label(label)
    return f"UNWIND ${IDS} AS id MATCH (n:{name} {{id: id}}) DETACH DELETE n"


def delete_relationships(edge: EdgeType | str) -> str:
    name = edge_type_name(edge)
    return f"UNWIND ${IDS} AS id MATCH ()-[r:{name} {{id: id}}]->() DELETE r"


# ---- reads -----------------------------------------------------------------------------------


def server_components() -> str:
    return "CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition"


def read_nodes(label: NodeLabel | str) -> str:
    name = label_name(label)
    fields = ", ".join(f"n.{p} AS {p}" for p in _checked(list(node_properties(NodeLabel(name)))))
    return f"MATCH (n:{name}) RETURN {fields}"


def read_relationships(edge: EdgeType | str) -> str:
    """Rows in the shape `rows.graph_from_rows` reads: endpoints, their labels, properties."""
    name = edge_type_name(edge)
    fields = "".join(f", r.{p} AS {p}" for p in _checked(_stored_properties(name)))
    return (
        f"MATCH (a)-[r:{name}]->(b) "
        f"RETURN a.id AS `from`, b.id AS `to`, head(labels(a)) AS from_label, head(labels(b)) AS to_label{fields}"
    )


def counts() -> str:
    """Nodes per label and relationships per type, one row each (`kind`, `name`, `total`)."""
    parts = [f"MATCH (n:{label}) RETURN 'node' AS kind, '{label}' AS name, count(n) AS total"
             for label in stored_labels()]
    parts += [f"MATCH ()-[r:{edge.value}]->() RETURN 'relationship' AS kind, '{edge.value}' AS name, count(r) AS total"
              for edge in (*RelationType, *LinkType)]
    return " UNION ALL ".join(parts)


def node_ids(label: NodeLabel | str) -> str:
    return f"MATCH (n:{stored_label(label)}) WHERE n.id IS NOT NULL RETURN n.id AS id"


def relationship_ids(edge: EdgeType | str) -> str:
    return f"MATCH ()-[r:{edge_type_name(edge)}]->() WHERE r.id IS NOT NULL RETURN r.id AS id"
