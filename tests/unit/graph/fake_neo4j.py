"""A fake Neo4j server and driver for the store's unit tests: no network, every call recorded.

It understands exactly the statements `graph.cypher` builds (looked up by their text,
so a changed statement is a failing test, not a silently different one) and answers
them from an in-memory graph; write transactions are atomic (rolled back on an
exception). Anything else is answered from `canned` (text -> rows).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from neo4j.exceptions import Neo4jError, ServiceUnavailable
from newsgraph.model.graph import LinkType, NodeLabel, RelationType
from newsgraph.queries.params import KEY_LOOKUPS
from newsgraph.store import cypher
from newsgraph.store.rows import (
    LINK_PROPERTIES,
    RELATION_PROPERTIES,
    endpoint_pairs,
    node_properties,
)

EDGES = (*RelationType, *LinkType)
NEO4J_KEY_LOOKUP = KEY_LOOKUPS["neo4j"]


def server_error(code: str, message: str) -> Neo4jError:
    """An error as the driver builds it from a server FAILURE message."""
    return Neo4jError._hydrate_neo4j(code=code, message=message)


@dataclass
class Transaction:
    mode: str  # "READ", "WRITE" (managed transactions) or "AUTO" (session.run)
    statements: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    committed: bool = False


def _operations() -> dict[str, tuple[str, str]]:
    ops = {cypher.counts(): ("counts", ""), cypher.server_components(): ("components", "")}
    ops.update({text: ("schema", "") for text in cypher.schema()})
    ops[NEO4J_KEY_LOOKUP] = ("name_key_lookup", "")
    for label in cypher.stored_labels():
        ops[cypher.upsert_nodes(label)] = ("upsert_nodes", label)
        ops[cypher.delete_nodes(label)] = ("delete_nodes", label)
        ops[cypher.node_ids(label)] = ("node_ids", label)
    for label in NodeLabel:
        ops[cypher.read_nodes(label)] = ("read_nodes", label.value)
    for edge in EDGES:
        for a, b in endpoint_pairs(edge):
            ops[cypher.upsert_relationships(edge, a, b)] = ("upsert_relationships", edge.value)
        ops[cypher.delete_relationships(edge)] = ("delete_relationships", edge.value)
        ops[cypher.read_relationships(edge)] = ("read_relationships", edge.value)
        ops[cypher.relationship_ids(edge)] = ("relationship_ids", edge.value)
    return ops


class FakeNeo4j:
    """The server: its graph, the transactions it saw, and failures to inject."""

    def __init__(self, *, version: str = "5.26.0") -> None:
        self.version = version
        self.nodes: dict[str, dict[str, dict[str, Any]]] = {label: {} for label in cypher.stored_labels()}
        self.relationships: dict[str, dict[str, dict[str, Any]]] = {edge.value: {} for edge in EDGES}
        self.transactions: list[Transaction] = []
        self.canned: dict[str, list[dict[str, Any]]] = {}
        self.connect_error: Exception | None = None  # raised by the first statement of any session
        self.fail_write_transaction: int | None = None  # 1-based count of write transactions
        self.driver_calls: list[tuple[str, Any, dict[str, Any]]] = []
        self.databases = {"neo4j"}
        self.closed = False
        self._writes = 0
        self._ops = _operations()

    # ---- what tests look at ------------------------------------------------------------------

    def committed(self, mode: str | None = None) -> list[Transaction]:
        return [t for t in self.transactions if t.committed and (mode is None or t.mode == mode)]

    def statements(self) -> list[str]:
        return [text for t in self.transactions for text, _ in t.statements]

    def node_count(self) -> int:
        """The graph's nodes (name keys aside: `name_keys`)."""
        return sum(len(v) for k, v in self.nodes.items() if k != cypher.NAME_KEY)

    def name_keys(self) -> dict[str, list[str]]:
        """Name key -> the entities it names, as stored."""
        found: dict[str, list[str]] = {}
        for node in self.nodes[cypher.NAME_KEY].values():
            found.setdefault(node["key"], []).append(node["entity"])
        return {key: sorted(ids) for key, ids in found.items()}

    def relationship_count(self) -> int:
        return sum(len(v) for v in self.relationships.values())

    # ---- the driver factory ------------------------------------------------------------------

    def driver(self, uri: str, *, auth: Any = None, **config: Any) -> FakeDriver:
        self.driver_calls.append((uri, auth, config))
        return FakeDriver(self)

    # ---- statement execution -----------------------------------------------------------------

    def execute(self, text: str, params: dict[str, Any], mode: str) -> list[dict[str, Any]]:
        op, name = self._ops.get(text, ("canned", ""))
        if op.startswith(("upsert", "delete")) and mode == "READ":
            raise server_error("Neo.ClientError.Statement.AccessMode", "Writing in read access mode not allowed.")
        return getattr(self, f"_{op}")(name, params, text)

    def _canned(self, name: str, params: dict[str, Any], text: str) -> list[dict[str, Any]]:
        return copy.deepcopy(self.canned.get(text, []))

    def _schema(self, name: str, params: dict[str, Any], text: str) -> list[dict[str, Any]]:
        return []

    def _components(self, name: str, params: dict[str, Any], text: str) -> list[dict[str, Any]]:
        return [{"name": "Neo4j Kernel", "versions": [self.version], "edition": "community"}]

    def _counts(self, name: str, params: dict[str, Any], text: str) -> list[dict[str, Any]]:
        return ([{"kind": "node", "name": k, "total": len(v)} for k, v in self.nodes.items()]
                + [{"kind": "relationship", "name": k, "total": len(v)} for k, v in self.relationships.items()])

    def _upsert_nodes(self, label: str, params: dict[str, Any], text: str) -> list[dict[str, Any]]:
        for row in params[cypher.ROWS]:
            node = self.nodes[label].setdefault(row["id"], {"id": row["id"]})
            _set_all(node, row["props"])
        return [{"written": len(params[cypher.ROWS])}]

    def _name_key_lookup(self, name: str, params: dict[str, Any], text: str) -> list[dict[str, Any]]:
        found = [k for k in self.nodes[cypher.NAME_KEY].values() if k["key"] in params["keys"]]
        return [{"ids": [k["entity"] for k in found], "labels": [k["label"] for k in found]}]

    def _label_of(self, node_id: str) -> str | None:
        return next((label for label, nodes in self.nodes.items() if node_id in nodes), None)

    def _upsert_relationships(self, edge: str, params: dict[str, Any], text: str) -> list[dict[str, Any]]:
        written = 0
        for row in params[cypher.ROWS]:
            if self._label_of(row["from"]) is None or self._label_of(row["to"]) is None:
                continue  # MATCH finds no endpoint: the row writes nothing
            rel = self.relationships[edge].setdefault(row["id"], {"from": row["from"], "to": row["to"],
                                                                  "props": {"id": row["id"]}})
            _set_all(rel["props"], row["props"])
            written += 1
        return [{"written": written}]

    def _delete_nodes(self, label: str, params: dict[str, Any], text: str) -> list[dict[str, Any]]:
        for node_id in params[cypher.IDS]:
            if self.nodes[label].pop(node_id, None) is not None:  # DETACH DELETE
                for rels in self.relationships.values():
                    for rel_id in [k for k, r in rels.items() if node_id in (r["from"], r["to"])]:
                        del rels[rel_id]
        return []

    def _delete_relationships(self, edge: str, params: dict[str, Any], text: str) -> list[dict[str, Any]]:
        for rel_id in params[cypher.IDS]:
            self.relationships[edge].pop(rel_id, None)
        return []

    def _read_nodes(self, label: str, params: dict[str, Any], text: str) -> list[dict[str, Any]]:
        keys = list(node_properties(NodeLabel(label)))
        return [{k: copy.deepcopy(node.get(k)) for k in keys} for node in self.nodes[label].values()]

    def _read_relationships(self, edge: str, params: dict[str, Any], text: str) -> list[dict[str, Any]]:
        relation = edge in {t.value for t in RelationType}
        keys = list(RELATION_PROPERTIES) if relation else list(LINK_PROPERTIES[LinkType(edge)])
        return [{"from": r["from"], "to": r["to"], "from_label": self._label_of(r["from"]),
                 "to_label": self._label_of(r["to"]), **{k: copy.deepcopy(r["props"].get(k)) for k in keys}}
                for r in self.relationships[edge].values()]

    def _node_ids(self, label: str, params: dict[str, Any], text: str) -> list[dict[str, Any]]:
        return [{"id": node_id} for node_id in self.nodes[label]]

    def _relationship_ids(self, edge: str, params: dict[str, Any], text: str) -> list[dict[str, Any]]:
        return [{"id": rel_id} for rel_id in self.relationships[edge]]

    def _snapshot(self) -> tuple[Any, Any]:
        return copy.deepcopy(self.nodes), copy.deepcopy(self.relationships)

    def _restore(self, snapshot: tuple[Any, Any]) -> None:
        self.nodes, self.relationships = snapshot

    def begin_write(self) -> None:
        self._writes += 1
        if self.fail_write_transaction == self._writes:
            raise ServiceUnavailable("connection lost mid-write")


def _set_all(target: dict[str, Any], props: dict[str, Any]) -> None:
    """`SET x += props`: a null value removes the property."""
    for key, value in props.items():
        if value is None:
            target.pop(key, None)
        else:
            target[key] = copy.deepcopy(value)


class FakeResult:
    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self._rows = rows

    def data(self) -> list[dict[str, Any]]:
        return self._rows


class FakeTx:
    def __init__(self, server: FakeNeo4j, transaction: Transaction) -> None:
        self.server = server
        self.transaction = transaction

    def run(self, text: str, parameters: dict[str, Any] | None = None) -> FakeResult:
        params = copy.deepcopy(parameters or {})
        self.transaction.statements.append((text, params))
        return FakeResult(self.server.execute(text, params, self.transaction.mode))


class FakeSession:
    def __init__(self, server: FakeNeo4j, config: dict[str, Any]) -> None:
        self.server = server
        self.config = config

    def __enter__(self) -> FakeSession:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def _check_connection(self) -> None:
        if self.server.connect_error is not None:
            raise self.server.connect_error
        if self.config.get("database") not in self.server.databases:
            raise server_error("Neo.ClientError.Database.DatabaseNotFound",
                               f"Database does not exist. Database name: '{self.config.get('database')}'.")

    def run(self, text: str, parameters: dict[str, Any] | None = None) -> FakeResult:
        self._check_connection()
        transaction = Transaction("AUTO")
        self.server.transactions.append(transaction)
        result = FakeTx(self.server, transaction).run(text, parameters)
        transaction.committed = True
        return result

    def _managed(self, mode: str, work: Any, *args: Any) -> Any:
        self._check_connection()
        if mode == "WRITE":
            self.server.begin_write()
        transaction = Transaction(mode)
        self.server.transactions.append(transaction)
        snapshot = self.server._snapshot()
        try:
            result = work(FakeTx(self.server, transaction), *args)
        except BaseException:
            self.server._restore(snapshot)
            raise
        transaction.committed = True
        return result

    def execute_read(self, work: Any, *args: Any) -> Any:
        return self._managed("READ", work, *args)

    def execute_write(self, work: Any, *args: Any) -> Any:
        return self._managed("WRITE", work, *args)


class FakeDriver:
    def __init__(self, server: FakeNeo4j) -> None:
        self.server = server

    def session(self, **config: Any) -> FakeSession:
        return FakeSession(self.server, config)

    def close(self) -> None:
        self.server.closed = True

