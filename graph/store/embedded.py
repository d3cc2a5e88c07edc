"""The embedded store: LadybugDB, an in-process Cypher graph database in one file.

Writes rebuild the database file from the graph in bulk (`COPY` from Arrow
tables: row-by-row `MERGE` is two orders of magnitude slower here) into a
temporary file, then atomically replace the old file: a reader or a crash
never sees a half-written graph.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import ladybug
import pyarrow as pa

from ..model import KnowledgeGraph, LinkType, NodeLabel, RelationType
from ..rows import (
    LINK_PROPERTIES,
    RELATION_PROPERTIES,
    Row,
    endpoint_pairs,
    graph_from_rows,
    group_by_endpoints,
    link_rows,
    node_properties,
    node_rows,
    relation_rows,
)
from . import Dialect, StoreError

log = logging.getLogger(__name__)

DATABASE_FILE = "graph.lbug"
_BUFFER_POOL_BYTES = 1 << 30


class StoreEmpty(StoreError):
    pass


def schema_statements() -> list[str]:
    """LadybugDB DDL, generated from the model's labels, relation table and properties."""
    statements = []
    for label in NodeLabel:
        columns = ", ".join(f"{name} {kind}" for name, kind in node_properties(label).items())
        statements.append(f"CREATE NODE TABLE {label.value}({columns}, PRIMARY KEY (id))")
    for rel_type in (*RelationType, *LinkType):
        pairs = ", ".join(f"FROM {a.value} TO {b.value}" for a, b in endpoint_pairs(rel_type))
        props = RELATION_PROPERTIES if isinstance(rel_type, RelationType) else LINK_PROPERTIES[rel_type]
        columns = "".join(f", {name} {kind}" for name, kind in props.items())
        statements.append(f"CREATE REL TABLE {rel_type.value}({pairs}{columns})")
    return statements


class EmbeddedStore:
    dialect: Dialect = "ladybug"

    def __init__(self, home: Path) -> None:
        self.home = home
        self.path = home / DATABASE_FILE

    def exists(self) -> bool:
        return self.path.exists()

    def close(self) -> None:
        """Nothing to release: every call opens and closes the database file."""

    def write(self, graph: KnowledgeGraph) -> None:
        self.home.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.name + ".tmp")
        _remove(tmp)
        try:
            database = ladybug.Database(str(tmp), buffer_pool_size=_BUFFER_POOL_BYTES)
            try:
                connection = ladybug.Connection(database)
                for statement in schema_statements():
                    connection.execute(statement)
                for label, rows in node_rows(graph).items():
                    _copy(connection, label.value, rows, list(node_properties(label)))
                for rel_type, rows in relation_rows(graph).items():
                    _copy_edges(connection, rel_type.value, rows, list(RELATION_PROPERTIES))
                for link_type, rows in link_rows(graph).items():
                    _copy_edges(connection, link_type.value, rows, list(LINK_PROPERTIES[link_type]))
                connection.close()
            finally:
                database.close()
        except BaseException:
            _remove(tmp)
            _remove(Path(str(tmp) + ".wal"))
            raise
        os.replace(tmp, self.path)
        _remove(Path(str(tmp) + ".wal"))
        log.debug("wrote %s: %d articles, %d entities, %d relations", self.path, len(graph.articles),
                  len(graph.entities), len(graph.relations))

    @contextmanager
    def _connection(self, *, write: bool = False) -> Iterator[ladybug.Connection]:
        if not self.exists():
            raise StoreEmpty(f"no graph at {self.path}: run `newsgraph ingest` first")
        database = ladybug.Database(str(self.path), read_only=not write, buffer_pool_size=_BUFFER_POOL_BYTES)
        try:
            connection = ladybug.Connection(database)
            yield connection
            connection.close()
        finally:
            database.close()

    def run(self, cypher: str, parameters: dict[str, Any] | None = None, *, write: bool = False) -> list[Row]:
        """Run one Cypher statement with parameters; rows as dicts. Read-only unless `write`."""
        with self._connection(write=write) as connection:
            result = connection.execute(cypher, parameters or {})
            columns = result.get_column_names()
            return [dict(zip(columns, values)) for values in result.get_all()]

    def load(self) -> KnowledgeGraph:
        with self._connection() as connection:
            nodes = {label: _fetch(connection, f"MATCH (n:{label.value}) RETURN n.*", "n.") for label in NodeLabel}
            relations = {t: _fetch_edges(connection, t.value, list(RELATION_PROPERTIES)) for t in RelationType}
            links = {t: _fetch_edges(connection, t.value, list(LINK_PROPERTIES[t])) for t in LinkType}
        return graph_from_rows(nodes, relations, links)


def _copy(connection: ladybug.Connection, table: str, rows: list[Row], columns: list[str]) -> None:
    if not rows:
        return
    data = pa.Table.from_pylist([{c: r.get(c) for c in columns} for r in rows])  # noqa: F841  (read by COPY)
    connection.execute(f"COPY {table} FROM data")


def _copy_edges(connection: ladybug.Connection, table: str, rows: list[Row], properties: list[str]) -> None:
    for (source_label, target_label), group in group_by_endpoints(rows).items():
        data = pa.Table.from_pylist(  # noqa: F841  (read by COPY)
            [{"from": r["from"], "to": r["to"], **{p: r.get(p) for p in properties}} for r in group]
        )
        connection.execute(f"COPY {table} FROM data (from='{source_label}', to='{target_label}')")


def _fetch(connection: ladybug.Connection, cypher: str, prefix: str) -> list[Row]:
    result = connection.execute(cypher)
    columns = [c.removeprefix(prefix) for c in result.get_column_names()]
    return [dict(zip(columns, values)) for values in result.get_all()]


def _fetch_edges(connection: ladybug.Connection, table: str, properties: list[str]) -> list[Row]:
    fields = ", ".join(f"r.{p} AS {p}" for p in properties)
    cypher = (
        f"MATCH (a)-[r:{table}]->(b) RETURN a.id AS `from`, b.id AS `to`, label(a) AS from_label, "
        f"label(b) AS to_label{', ' + fields if fields else ''}"
    )
    return _fetch(connection, cypher, "")


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
