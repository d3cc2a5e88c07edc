"""What a Neo4j write sends: the graph as keyed, hashed rows, and the diff against what is stored.

Pure. Every node and relationship gets a key `(kind, id)` and a content hash;
comparing them with what was last written gives the rows to upsert and the
ids to delete. Links (PUBLISHED_BY, AUTHORED_BY, MENTIONS) have no id in the
model; they get a stable one from (type, article, target), like `ids.py`'s. Each entity
brings its `NameKey` nodes (`name_key_rows`), written after the entities of its chunk.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from ..model.graph import EntityNode, KnowledgeGraph, LinkType, NodeLabel, RelationType
from .cypher import NAME_KEY
from .rows import Row, entity_name_keys, link_rows, node_rows, relation_rows

Kind = Literal["node", "relationship"]
Key = tuple[Kind, str]  # (kind, id)
_ENDPOINT_FIELDS = ("from", "to", "from_label", "to_label")


@dataclass(frozen=True, order=True)
class Group:
    """Rows one statement writes: nodes of a label, or relationships of a type between two labels."""

    kind: Kind
    name: str
    source: str = ""
    target: str = ""


@dataclass(frozen=True)
class Item:
    id: str
    hash: str
    row: Row  # {id, props} for nodes; {id, from, to, props} for relationships


@dataclass(frozen=True)
class Stored:
    """What the store holds under a key: its label or type, and the hash written (None: unknown)."""

    name: str
    hash: str | None


@dataclass
class Changes:
    upserts: dict[Group, list[Item]] = field(default_factory=dict)
    deletes: dict[tuple[Kind, str], list[str]] = field(default_factory=dict)  # (kind, label or type) -> ids
    unchanged: int = 0


def link_id(link_type: LinkType, article: str, target: str) -> str:
    text = "\x1f".join(("link", link_type.value, article, target))
    return "l" + hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def name_key_id(key: str, entity: str) -> str:
    text = "\x1f".join(("namekey", key, entity))
    return "k" + hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def name_key_rows(entities: Iterable[EntityNode]) -> list[Row]:
    """One `NameKey` row per name an entity is looked up by (`rows.entity_name_keys`): id, key,
    entity (its id), label."""
    return [{"id": name_key_id(key, e.id), "key": key, "entity": e.id, "label": e.type.value}
            for e in entities for key in entity_name_keys(e)]


def _hash(row: Row) -> str:
    text = json.dumps(row, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def _item(row: Row) -> Item:
    return Item(id=row["id"], hash=_hash(row), row=row)


def graph_items(graph: KnowledgeGraph) -> dict[Group, list[Item]]:
    """Every node and relationship of the graph, grouped by the statement that writes it."""
    groups: dict[Group, list[Item]] = {}
    for label, rows in node_rows(graph).items():
        if rows:
            groups[Group("node", label.value)] = [_item({"id": r["id"], "props": r}) for r in rows]
    if keys := name_key_rows(graph.entities):
        groups[Group("node", NAME_KEY)] = [_item({"id": r["id"], "props": r}) for r in keys]
    edges: list[tuple[RelationType | LinkType, Row]] = [
        (t, r) for t, rows in relation_rows(graph).items() for r in rows
    ]
    for link_type, rows in link_rows(graph).items():
        edges += [(link_type, {**r, "id": link_id(link_type, r["from"], r["to"])}) for r in rows]
    for edge_type, row in edges:
        group = Group("relationship", edge_type.value, row["from_label"], row["to_label"])
        props = {k: v for k, v in row.items() if k not in _ENDPOINT_FIELDS}
        groups.setdefault(group, []).append(_item({"id": row["id"], "from": row["from"], "to": row["to"],
                                                   "props": props}))
    return dict(sorted(groups.items(), key=lambda kv: _group_order(kv[0])))


def _group_order(group: Group) -> tuple:
    """Nodes before relationships; labels and types in the model's order."""
    if group.kind == "node":
        labels = [label.value for label in NodeLabel] + [NAME_KEY]
        return (0, labels.index(group.name), "", "")
    order = [t.value for t in (*RelationType, *LinkType)]
    return (1, order.index(group.name), group.source, group.target)


def diff(current: Mapping[Group, list[Item]], stored: Mapping[Key, Stored]) -> Changes:
    """Upserts for new or changed items, deletes for stored keys the graph no longer has."""
    changes = Changes()
    seen: set[Key] = set()
    for group, items in current.items():
        changed = []
        for item in items:
            key: Key = (group.kind, item.id)
            seen.add(key)
            before = stored.get(key)
            if before is not None and before.hash == item.hash:
                changes.unchanged += 1
            else:
                changed.append(item)
        if changed:
            changes.upserts[group] = changed
    for (kind, item_id), before in sorted(stored.items()):
        if (kind, item_id) not in seen:
            changes.deletes.setdefault((kind, before.name), []).append(item_id)
    return changes
