"""The embedded store: LadybugDB, an in-process Cypher graph database in one file.

Writes rebuild the database file from the graph in bulk into a temporary file,
then atomically replace the old file: a reader or a crash never sees a
half-written graph. Rows stream into one Parquet file per table (and endpoint
pair), and each table is loaded by one `COPY` at the end: row-by-row `MERGE` is
two orders of magnitude slower here, and every `COPY` into a node table holds
on to about 13 MB until the database closes, so many small ones made memory
grow with the corpus (3.2 GB for 50,000 articles).
"""

from __future__ import annotations

import logging
import os
import shutil
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import ladybug
import pyarrow as pa
import pyarrow.parquet as pq

from ..model.graph import (
    ArticleNode,
    EntityNode,
    KnowledgeGraph,
    Link,
    LinkType,
    NodeLabel,
    Relation,
    RelationType,
    Statement,
)
from .base import Dialect, StoreError
from .readonly import check_statement
from .rows import (
    ARTICLE_PROPERTIES,
    ENTITY_PROPERTIES,
    LINK_PROPERTIES,
    RELATION_PROPERTIES,
    STATEMENT_PROPERTIES,
    Row,
    article_row,
    endpoint_pairs,
    entity_row,
    graph_from_rows,
    group_by_endpoints,
    link_row,
    node_properties,
    relation_row,
    statement_row,
)

log = logging.getLogger(__name__)

DATABASE_FILE = "graph.lbug"
_BUFFER_POOL_FULL = "buffer pool is full"


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
    """The graph in an embedded LadybugDB database: one file in `home`, no server.

    Parameters
    ----------
    home : Path
        The folder of the database file (``graph.lbug``), usually ``NEWSGRAPH_HOME``.
    buffer_pool_mb : int, keyword-only
        The database's page memory for writes and queries.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from newsgraph.model.graph import KnowledgeGraph
    >>> store = EmbeddedStore(Path(tempfile.mkdtemp()))
    >>> store.write(KnowledgeGraph())
    >>> store.run("MATCH (a:Article) RETURN count(a) AS n")
    [{'n': 0}]
    """

    dialect: Dialect = "ladybug"

    def __init__(self, home: Path, *, buffer_pool_mb: int = 1024) -> None:
        self.home = home
        self.path = home / DATABASE_FILE
        self.buffer_pool_mb = buffer_pool_mb

    def exists(self) -> bool:
        return self.path.exists()

    def close(self) -> None:
        """Nothing to release: every call opens and closes the database file."""

    def write(self, graph: KnowledgeGraph) -> None:
        with self.writer() as sink:
            sink.add_articles(list(graph.articles))
            sink.add_entities(list(graph.entities))
            sink.add_statements(list(graph.statements))
            sink.add_relations(list(graph.relations))
            sink.add_links(list(graph.links))

    @contextmanager
    def writer(self) -> Iterator[_Writer]:
        """A `graph.build.GraphSink` building a new database file, which replaces the old one
        only when the whole graph is in: readers and crashes never see a half-written graph."""
        self.home.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.name + ".tmp")
        staging = self.path.with_name(self.path.name + ".staging")
        _remove(tmp)
        shutil.rmtree(staging, ignore_errors=True)
        writer = _Writer(staging)
        try:
            yield writer
            writer.close()
            database = ladybug.Database(str(tmp), buffer_pool_size=self.buffer_pool_mb << 20)
            try:
                connection = ladybug.Connection(database)
                for statement in schema_statements():
                    connection.execute(statement)
                writer.load_into(connection)
                connection.close()
            finally:
                database.close()
        except BaseException:
            _remove(tmp)
            raise
        finally:
            writer.close()
            shutil.rmtree(staging, ignore_errors=True)
            _remove(Path(str(tmp) + ".wal"))
        os.replace(tmp, self.path)
        log.debug("wrote %s: %s", self.path, writer.counts)

    @contextmanager
    def _connection(self, *, write: bool = False) -> Iterator[ladybug.Connection]:
        if not self.exists():
            raise StoreEmpty(f"no graph at {self.path}: run `newsgraph ingest` first")
        database = ladybug.Database(str(self.path), read_only=not write, buffer_pool_size=self.buffer_pool_mb << 20)
        try:
            connection = ladybug.Connection(database)
            yield connection
            connection.close()
        finally:
            database.close()

    def run(self, cypher: str, parameters: dict[str, Any] | None = None, *, write: bool = False) -> list[Row]:
        """Run one Cypher statement with parameters; rows as dicts. Read-only unless `write`:
        the statement must pass `readonly.check_statement` (one read) and runs on a database
        opened read-only."""
        check_statement(cypher, dialect=self.dialect, write=write)
        with self._connection(write=write) as connection:
            try:
                result = connection.execute(cypher, parameters or {})
            except RuntimeError as exc:
                if _BUFFER_POOL_FULL not in str(exc):
                    raise
                raise StoreError(
                    f"the query needs more than the embedded store's {self.buffer_pool_mb} MB of buffer pool: "
                    "narrow it (e.g. a parameter naming an entity) or raise NEWSGRAPH_BUFFER_POOL_MB"
                ) from exc
            columns = result.get_column_names()
            return [dict(zip(columns, values)) for values in result.get_all()]

    def load(self) -> KnowledgeGraph:
        with self._connection() as connection:
            nodes = {label: _fetch(connection, f"MATCH (n:{label.value}) RETURN n.*", "n.") for label in NodeLabel}
            relations = {t: _fetch_edges(connection, t.value, list(RELATION_PROPERTIES)) for t in RelationType}
            links = {t: _fetch_edges(connection, t.value, list(LINK_PROPERTIES[t])) for t in LinkType}
        return graph_from_rows(nodes, relations, links)


class _Writer:
    """Appends chunks as they come to one Parquet file per table (edges: per endpoint pair);
    `load_into` then loads each with one `COPY`, nodes first."""

    report = None  # the embedded store replaces its file: nothing to report beyond the counts

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True)
        self.folder = folder
        self.counts: Counter[str] = Counter()
        self._files: dict[tuple[str, str | None, str | None], tuple[Path, pq.ParquetWriter]] = {}

    def add_articles(self, rows: list[ArticleNode]) -> None:
        self._append(NodeLabel.ARTICLE.value, None, None, [article_row(a) for a in rows], ARTICLE_PROPERTIES)
        self.counts["articles"] += len(rows)

    def add_entities(self, rows: list[EntityNode]) -> None:
        by_label: dict[NodeLabel, list[Row]] = defaultdict(list)
        for e in rows:
            by_label[NodeLabel(e.type)].append(entity_row(e))
        for label, group in by_label.items():
            self._append(label.value, None, None, group, ENTITY_PROPERTIES)
        self.counts["entities"] += len(rows)

    def add_relations(self, rows: list[Relation]) -> None:
        by_type: dict[RelationType, list[Row]] = defaultdict(list)
        for rel in rows:
            by_type[rel.type].append(relation_row(rel))
        for rel_type, group in by_type.items():
            self._append_edges(rel_type.value, group, RELATION_PROPERTIES)
        self.counts["relations"] += len(rows)

    def add_statements(self, rows: list[Statement]) -> None:
        self._append(NodeLabel.STATEMENT.value, None, None, [statement_row(s) for s in rows], STATEMENT_PROPERTIES)
        self.counts["statements"] += len(rows)

    def add_links(self, rows: list[Link]) -> None:
        by_type: dict[LinkType, list[Row]] = defaultdict(list)
        for link in rows:
            by_type[link.type].append(link_row(link))
        for link_type, group in by_type.items():
            self._append_edges(link_type.value, group, LINK_PROPERTIES[link_type])
        self.counts["links"] += len(rows)

    def _append_edges(self, table: str, rows: list[Row], properties: dict[str, str]) -> None:
        columns = {"from": "STRING", "to": "STRING", **properties}
        for (source_label, target_label), pair in group_by_endpoints(rows).items():
            self._append(table, source_label, target_label, pair, columns)

    def _append(self, table: str, source: str | None, target: str | None, rows: list[Row],
                columns: dict[str, str]) -> None:
        if not rows:
            return
        key = (table, source, target)
        if key not in self._files:
            schema = pa.schema([(name, _arrow_type(kind)) for name, kind in columns.items()])
            path = self.folder / f"{len(self._files)}.parquet"
            self._files[key] = (path, pq.ParquetWriter(path, schema))
        file = self._files[key][1]
        file.write_table(pa.Table.from_pylist([{c: r.get(c) for c in columns} for r in rows], schema=file.schema))

    def close(self) -> None:
        """Finish the Parquet files (again: nothing)."""
        for _, file in self._files.values():
            if file.is_open:
                file.close()

    def load_into(self, connection: ladybug.Connection) -> None:
        """One `COPY` per file, node tables first; the files must be closed."""
        for (table, source, target), (path, _) in sorted(self._files.items(), key=lambda item: item[0][1] is not None):
            pairs = "" if source is None else f" (from='{source}', to='{target}')"
            connection.execute(f"COPY {table} FROM '{_quoted(path)}'{pairs}")


_ARROW_TYPES = {"STRING": pa.string(), "INT64": pa.int64(), "BOOLEAN": pa.bool_()}


def _arrow_type(kind: str) -> pa.DataType:
    return pa.list_(_ARROW_TYPES[kind[:-2]]) if kind.endswith("[]") else _ARROW_TYPES[kind]


def _quoted(path: Path) -> str:
    """A file path inside a Cypher string literal (COPY takes no parameter for it)."""
    return str(path).replace("\\", "\\\\").replace("'", "\\'")


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
