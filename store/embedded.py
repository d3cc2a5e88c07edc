"""The embedded store: LadybugDB, an in-process Cypher graph database, in generations.

    HOME/graph/CURRENT          {"generation": "000007", "stamp": "..."}: replaced atomically
    HOME/graph/000007/graph.lbug  (and LadybugDB's own files beside it: graph.lbug.wal ...)

Each write builds a new generation folder from the graph in bulk, then replaces the pointer
file `CURRENT` (write to a temporary file, fsync, rename), then removes every other
generation. A reader or a crash never sees a half-written graph, and the files a database
leaves beside itself (a write-ahead log of a process killed while it held a write
connection) live and die with their own generation: a stale WAL can never meet another
database file. Folders of builds that did not finish are removed before the next build.

A store object holds one read-only connection, opened at the first read and kept until
`close()` (or the end of a `with` block); it reopens when `CURRENT` names another
generation (an ingest in another process). Writes through `run` are refused: the graph is
rebuilt from the extraction cache at every ingest, so they would vanish; corrections go
through `newsgraph curate`.

Besides the graph's tables, each generation holds `NameKey` (id: a name key, or an entity's
id; ids and labels: the entities with that key as their name or an alias, or with that id):
resolving a name a user types is a primary-key lookup in the database, not a scan of every
entity in Python. The table has no relationships, so no path runs through it. Rows stream into one Parquet file per table (and endpoint
pair), and each table is loaded by one `COPY` at the end: row-by-row `MERGE` is
two orders of magnitude slower here, and every `COPY` into a node table holds
on to about 13 MB until the database closes, so many small ones made memory
grow with the corpus (3.2 GB for 50,000 articles).
"""

from __future__ import annotations

import errno
import json
import logging
import os
import shutil
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import ladybug

if TYPE_CHECKING:
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
from .base import Dialect, QueryError, QueryTooLarge, StoreEmpty, StoreError, StoreWriteError
from .readonly import RefusedStatement, check_statement
from .rows import (
    ARTICLE_PROPERTIES,
    ENTITY_PROPERTIES,
    LINK_PROPERTIES,
    RELATION_PROPERTIES,
    STATEMENT_PROPERTIES,
    Row,
    article_row,
    batches,
    endpoint_pairs,
    entity_name_keys,
    entity_row,
    graph_from_rows,
    group_by_endpoints,
    link_row,
    name_keys_of,
    node_properties,
    relation_row,
    statement_row,
)

log = logging.getLogger(__name__)

DATABASE_FILE = "graph.lbug"
GENERATIONS = "graph"  # the folder of generations in the home
POINTER = "CURRENT"
NAME_KEY_TABLE = "NameKey"
NAME_KEY_PROPERTIES = {"id": "STRING", "ids": "STRING[]", "labels": "STRING[]"}
LEGACY_FILES = (DATABASE_FILE, DATABASE_FILE + ".wal", DATABASE_FILE + ".tmp", DATABASE_FILE + ".tmp.wal")
_BUFFER_POOL_FULL = "buffer pool is full"
_DISK_FULL = ("no space left on device", "disk quota exceeded")
WRITE_REFUSED = (
    "the embedded store is rebuilt from the extraction cache at every ingest, so a write would vanish: "
    "make corrections with `newsgraph curate` (merge, split, alias, type, reject, verify), which every ingest applies"
)

__all__ = ["DATABASE_FILE", "EmbeddedStore", "StoreEmpty", "schema_statements"]


def schema_statements() -> list[str]:
    """LadybugDB DDL, generated from the model's labels, relation table and properties, and the
    name-key table."""
    statements = [f"CREATE NODE TABLE {NAME_KEY_TABLE}({', '.join(f'{n} {k}' for n, k in NAME_KEY_PROPERTIES.items())}, "
                  "PRIMARY KEY (id))"]
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
    """The graph in an embedded LadybugDB database in `home`, no server.

    Parameters
    ----------
    home : Path
        The folder of the generations (``graph/``), usually ``NEWSGRAPH_HOME``.
    buffer_pool_mb : int, keyword-only
        The database's page memory for writes and queries.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from newsgraph.model.graph import KnowledgeGraph
    >>> with EmbeddedStore(Path(tempfile.mkdtemp())) as store:
    ...     store.write(KnowledgeGraph())
    ...     store.run("MATCH (a:Article) RETURN count(a) AS n")
    [{'n': 0}]
    """

    dialect: Dialect = "ladybug"
    name_keys = True  # a `NameKey` table answers name lookups (see `queries.params`)

    def __init__(self, home: Path, *, buffer_pool_mb: int = 1024) -> None:
        self.home = home
        self.folder = home / GENERATIONS
        self.buffer_pool_mb = buffer_pool_mb
        self._database: ladybug.Database | None = None
        self._connection: ladybug.Connection | None = None
        self._generation: str | None = None  # the generation the connection reads

    def __enter__(self) -> EmbeddedStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def path(self) -> Path:
        """The current generation's database file (or where the first one would be)."""
        return self.folder / (self._pointer().get("generation") or "000000") / DATABASE_FILE

    def exists(self) -> bool:
        generation = self._pointer().get("generation")
        return generation is not None and (self.folder / generation / DATABASE_FILE).exists()

    def stamp(self) -> str | None:
        """The stamp the last write was given, None when none was or when the database has been
        written to since (a write-ahead log beside it: someone's own connection)."""
        pointer = self._pointer()
        generation = pointer.get("generation")
        if generation is None or (self.folder / generation / (DATABASE_FILE + ".wal")).exists():
            return None
        return pointer.get("stamp")

    def close(self) -> None:
        """Release the read connection (a later read opens it again)."""
        if self._connection is not None:
            self._connection.close()
        if self._database is not None:
            self._database.close()
        self._connection = self._database = self._generation = None

    def write(self, graph: KnowledgeGraph, *, stamp: str | None = None) -> None:
        with self.writer(stamp=stamp) as sink:
            sink.add_articles(list(graph.articles))
            sink.add_entities(list(graph.entities))
            sink.add_statements(list(graph.statements))
            sink.add_relations(list(graph.relations))
            sink.add_links(list(graph.links))

    @contextmanager
    def writer(self, *, stamp: str | None = None) -> Iterator[_Writer]:
        """A `graph.build.GraphSink` building a new generation, which becomes the current one
        only when the whole graph is in: readers and crashes never see a half-written graph.
        `stamp` is kept with it (`stamp()`). A full disk or an I/O error is a `StoreWriteError`
        naming the folder; the previous generation stays current."""
        with _write_errors(self.folder, self.buffer_pool_mb):
            self.folder.mkdir(parents=True, exist_ok=True)
            generation = f"{self._next_number():06d}"  # numbers are never reused
            self._remove_other_generations(keep=self._pointer().get("generation"))
            target = self.folder / generation
            target.mkdir()
        try:
            with _write_errors(self.folder, self.buffer_pool_mb):
                writer = _Writer(target / "staging")
                try:
                    yield writer
                    writer.close()
                    database = ladybug.Database(str(target / DATABASE_FILE), buffer_pool_size=self.buffer_pool_mb << 20)
                    try:
                        connection = ladybug.Connection(database)
                        for statement in schema_statements():
                            connection.execute(statement)
                        writer.load_into(connection)
                        connection.close()
                    finally:
                        database.close()
                finally:
                    writer.close()
                    shutil.rmtree(target / "staging", ignore_errors=True)
                self.close()
                self._replace_pointer({"generation": generation, "stamp": stamp})
        except BaseException:
            shutil.rmtree(target, ignore_errors=True)
            raise
        self._remove_other_generations(keep=generation)
        for name in LEGACY_FILES:  # a home written before generations
            _remove(self.home / name)
        shutil.rmtree(self.home / (DATABASE_FILE + ".staging"), ignore_errors=True)
        log.debug("wrote %s: %s", target, writer.counts)

    @contextmanager
    def patch(self, *, stamp: str | None = None) -> Iterator[_Patch]:
        """A `graph.incremental.GraphPatch` on a copy of the current generation, which becomes the
        current one (with `stamp`) when the block ends: as with `writer`, a reader or a crash
        sees the previous graph until then, and the copy of a patch that died is removed before
        the next write. Needs a current generation with no log of its own beside it (`stamp()`
        is not None)."""
        current = self._pointer().get("generation")
        if current is None or self.stamp() is None:
            raise StoreEmpty(f"no graph to patch in {self.home}")
        with _write_errors(self.folder, self.buffer_pool_mb):
            generation = f"{self._next_number():06d}"
            self._remove_other_generations(keep=current)
            target = self.folder / generation
            shutil.copytree(self.folder / current, target)
        try:
            with _write_errors(self.folder, self.buffer_pool_mb):
                database = ladybug.Database(str(target / DATABASE_FILE), buffer_pool_size=self.buffer_pool_mb << 20)
                try:
                    connection = ladybug.Connection(database)
                    patch = _Patch(connection, target / "staging")
                    try:
                        yield patch
                        patch.finish()
                    finally:
                        patch.writer.close()
                        shutil.rmtree(target / "staging", ignore_errors=True)
                    connection.close()
                finally:
                    database.close()
                self.close()
                self._replace_pointer({"generation": generation, "stamp": stamp})
        except BaseException:
            shutil.rmtree(target, ignore_errors=True)
            raise
        self._remove_other_generations(keep=generation)
        log.debug("patched %s into %s: %s", current, target, patch.writer.counts)

    def _pointer(self) -> dict[str, Any]:
        """What `CURRENT` says; nothing when it is missing or damaged (then there is no graph, and
        the next ingest writes a new generation and a new pointer)."""
        try:
            pointer = json.loads((self.folder / POINTER).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            log.warning("%s is unreadable (%s): the next ingest rebuilds the graph", self.folder / POINTER, exc)
            return {}
        return pointer if isinstance(pointer, dict) else {}

    def _replace_pointer(self, pointer: dict[str, Any]) -> None:
        tmp = self.folder / (POINTER + ".tmp")
        with open(tmp, "w", encoding="utf-8") as handle:
            handle.write(json.dumps(pointer))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self.folder / POINTER)
        descriptor = os.open(self.folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)

    def _next_number(self) -> int:
        numbers = [int(p.name) for p in self.folder.iterdir() if p.is_dir() and p.name.isdigit()]
        return max(numbers, default=0) + 1

    def _remove_other_generations(self, keep: str | None) -> None:
        """Every generation folder but `keep`: old graphs, and builds that died half-way (with
        whatever files their database left)."""
        for entry in self.folder.iterdir():
            if entry.is_dir() and entry.name != keep:
                shutil.rmtree(entry, ignore_errors=True)

    def _read(self) -> ladybug.Connection:
        """The read connection on the current generation, (re)opened when needed."""
        generation = self._pointer().get("generation")
        if generation is None or not (self.folder / generation / DATABASE_FILE).exists():
            self.close()
            raise StoreEmpty(f"no graph in {self.home}: run `newsgraph ingest` first")
        if generation != self._generation:
            self.close()
            database = ladybug.Database(str(self.folder / generation / DATABASE_FILE), read_only=True,
                                        buffer_pool_size=self.buffer_pool_mb << 20)
            self._database, self._connection, self._generation = database, ladybug.Connection(database), generation
        assert self._connection is not None
        return self._connection

    def run(self, cypher: str, parameters: dict[str, Any] | None = None, *, write: bool = False) -> list[Row]:
        """Run one Cypher statement with parameters; rows as dicts. Only reads: the statement must
        pass `readonly.check_statement` and runs on the database opened read-only; `write` is
        refused (`RefusedStatement`), since the next ingest would undo it."""
        if write:
            raise RefusedStatement(WRITE_REFUSED)
        check_statement(cypher, dialect=self.dialect, write=False)
        connection = self._read()
        try:
            result = connection.execute(cypher, parameters or {})
        except RuntimeError as exc:
            if _BUFFER_POOL_FULL in str(exc):
                raise QueryTooLarge(
                    f"the query needs more than the embedded store's {self.buffer_pool_mb} MB of buffer pool: "
                    "narrow it (e.g. a parameter naming an entity) or raise NEWSGRAPH_BUFFER_POOL_MB"
                ) from exc
            raise QueryError(" ".join(str(exc).split())) from exc
        columns = result.get_column_names()
        return [dict(zip(columns, values)) for values in result.get_all()]

    def load(self) -> KnowledgeGraph:
        connection = self._read()
        nodes = {label: _fetch(connection, f"MATCH (n:{label.value}) RETURN n.*", "n.") for label in NodeLabel}
        relations = {t: _fetch_edges(connection, t.value, list(RELATION_PROPERTIES)) for t in RelationType}
        links = {t: _fetch_edges(connection, t.value, list(LINK_PROPERTIES[t])) for t in LinkType}
        return graph_from_rows(nodes, relations, links)

    def articles(self) -> dict[str, str]:
        """The id and path of every article the graph holds (none when there is no graph)."""
        if not self.exists():
            return {}
        return {row["id"]: row["path"] for row in self.run("MATCH (a:Article) RETURN a.id AS id, a.path AS path")}


@contextmanager
def _write_errors(folder: Path, pool_mb: int) -> Iterator[None]:
    """A full disk, an I/O error or a full buffer pool (of `pool_mb`) while writing a generation:
    one line naming the folder."""
    try:
        yield
    except OSError as exc:
        if exc.errno not in (errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EROFS):
            raise
        raise StoreWriteError(_write_failure(folder, exc.strerror or str(exc))) from exc
    except RuntimeError as exc:  # LadybugDB's: "IO exception: Cannot write to file ... No space left on device"
        text = str(exc).lower()
        if not isinstance(exc, StoreError) and _BUFFER_POOL_FULL in text:
            raise StoreWriteError(
                f"cannot write the graph in {folder}: the write needs more than the embedded store's {pool_mb} MB of "
                f"buffer pool; the previous graph is kept: raise NEWSGRAPH_BUFFER_POOL_MB (e.g. to {2 * pool_mb}) "
                "and ingest again") from exc
        if isinstance(exc, StoreError) or "io exception" not in text:
            raise
        reason = next((m for m in _DISK_FULL if m in text), "an I/O error")
        raise StoreWriteError(_write_failure(folder, reason[0].upper() + reason[1:])) from exc


def _write_failure(folder: Path, reason: str) -> str:
    return (f"cannot write the graph in {folder} ({reason}; disk: {_disk_of(folder)}): the previous graph is kept; "
            "free space there (or give --home another disk) and ingest again")


def _disk_of(folder: Path) -> str:
    """The mount point holding `folder`."""
    path = folder.resolve()
    while not path.exists():
        path = path.parent
    while not os.path.ismount(path):
        path = path.parent
    return str(path)


class _Writer:
    """Appends chunks as they come to one Parquet file per table (edges: per endpoint pair);
    `load_into` then loads each with one `COPY`, nodes first."""

    report = None  # the embedded store replaces its file: nothing to report beyond the counts

    def __init__(self, folder: Path, *, buffered: bool = False) -> None:
        folder.mkdir(parents=True)
        self.folder = folder
        self.buffered = buffered  # rows kept in memory until `load_into`, which creates the few and copies the many
        self._buffer: dict[tuple[str, str | None, str | None], tuple[dict[str, str], list[Row]]] = {}
        self.counts: Counter[str] = Counter()
        self._files: dict[tuple[str, str | None, str | None], tuple[Path, pq.ParquetWriter]] = {}
        self.name_keys: dict[str, list[tuple[str, str]]] = defaultdict(list)  # name key or id -> (entity id, label)

    def add_articles(self, rows: list[ArticleNode]) -> None:
        self._append(NodeLabel.ARTICLE.value, None, None, [article_row(a) for a in rows], ARTICLE_PROPERTIES)
        self.counts["articles"] += len(rows)

    def add_entities(self, rows: list[EntityNode]) -> None:
        by_label: dict[NodeLabel, list[Row]] = defaultdict(list)
        for e in rows:
            by_label[NodeLabel(e.type)].append(entity_row(e))
            for key in entity_name_keys(e):
                self.name_keys[key].append((e.id, e.type.value))
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
        if self.buffered:
            self._buffer.setdefault(key, (columns, []))[1].extend(rows)
            return
        import pyarrow as pa  # here: reading the store (a query, a no-op re-ingest) does not pay its import
        import pyarrow.parquet as pq

        if key not in self._files:
            schema = pa.schema([(name, _arrow_type(kind)) for name, kind in columns.items()])
            path = self.folder / f"{len(self._files)}.parquet"
            self._files[key] = (path, pq.ParquetWriter(path, schema))
        file = self._files[key][1]
        file.write_table(pa.Table.from_pydict({c: [r.get(c) for r in rows] for c in columns}, schema=file.schema))

    def close(self) -> None:
        """Write the name keys and finish the Parquet files (again: nothing)."""
        if self.name_keys:
            keys, self.name_keys = self.name_keys, defaultdict(list)
            rows = [{"id": k, "ids": [i for i, _ in found], "labels": [label for _, label in found]}
                    for k, found in keys.items()]
            self._append(NAME_KEY_TABLE, None, None, rows, NAME_KEY_PROPERTIES)
        for _, file in self._files.values():
            if file.is_open:
                file.close()

    def load_into(self, connection: ladybug.Connection) -> None:
        """One `COPY` per file, node tables first; the files must be closed. Buffered rows first:
        nodes and a table's relationships by `CREATE` in chunks (a `COPY` into a table that holds
        rows costs 0.15 s whatever its size, 2.8 s for 2,609 statements into a graph of 2,000
        articles; a `CREATE` of one row 0.05 s, of 5,000 nodes 1 s, of 5,000 relationships 0.15 s
        at 50,000 articles), a table's very many relationships by `COPY`."""
        buffer, self.buffered = self._buffer, False
        for key, (columns, rows) in sorted(buffer.items(), key=lambda item: item[0][1] is not None):
            if key[1] is not None and len(rows) >= _COPY_FROM:
                self._append(*key, rows, columns)
            else:
                for part in batches(rows, _CREATE_CHUNK):
                    _create(connection, *key, part, columns)
        for file in self._files.values():
            if file[1].is_open:
                file[1].close()
        for (table, source, target), (path, _) in sorted(self._files.items(), key=lambda item: item[0][1] is not None):
            pairs = "" if source is None else f" (from='{source}', to='{target}')"
            connection.execute(f"COPY {table} FROM '{_quoted(path)}'{pairs}")


_COPY_FROM = 50_000  # relationships of one table (and endpoint labels) from which a patch loads them by COPY
_IDS_PER_QUERY = 5_000  # ids in one query's parameter list
_CREATE_CHUNK = 5_000  # rows per CREATE (5,000 relationships: 0.15 s into a 50,000-article graph, a COPY 0.34 s)


def _create(connection: ladybug.Connection, table: str, source: str | None, target: str | None, rows: list[Row],
            columns: dict[str, str]) -> None:
    """`rows` into `table` by UNWIND and CREATE, the rows as a parameter."""
    if source is None:
        fields = ", ".join(f"{c}: r.{c}" for c in columns)
        cypher = f"UNWIND $rows AS r CREATE (:{table} {{{fields}}})"
    else:
        fields = ", ".join(f"{c}: r.{c}" for c in columns if c not in ("from", "to"))
        # two MATCH clauses: each end is a primary-key lookup (one comma-joined MATCH made LadybugDB
        # join the two tables: 10 s and more than a 1 GB buffer pool for 197 rows at 50,000 articles)
        cypher = (f"UNWIND $rows AS r MATCH (a:{source} {{id: r.`from`}}) MATCH (b:{target} {{id: r.`to`}}) "
                  f"CREATE (a)-[:{table}{' {' + fields + '}' if fields else ''}]->(b)")
    connection.execute(cypher, {"rows": [{c: r.get(c) for c in columns} for r in rows]})


class _Patch:
    """Removes rows from an open database at once, collects the new ones in a `_Writer` and
    loads them at `finish`, with the name keys of removed and added entities worked out again."""

    def __init__(self, connection: ladybug.Connection, staging: Path) -> None:
        self.connection = connection
        self.writer = _Writer(staging, buffered=True)
        self.report = None
        self.counts: Counter[str] = Counter()
        self._rekeyed: set[str] = set()  # entity ids whose stored name-key entries leave
        self._keys: set[str] = set()  # name keys whose row changes
        self._removed: set[str] = set()  # entity ids taken out with their edges
        self._said: dict[str, Row] = {}  # the statements to say again, as stored: id -> row
        self._kept: set[str] = set()  # those of them said again as they are: they stay, with their links

    def remove_entities(self, ids: dict[str, str]) -> None:
        by_label: dict[str, list[str]] = defaultdict(list)
        for entity, label in ids.items():
            by_label[label].append(entity)
        for label, group in by_label.items():
            found = self.connection.execute(
                f"MATCH (n:{NodeLabel(label).value}) WHERE n.id IN $ids RETURN n.id, n.name, n.aliases", {"ids": group})
            for entity, name, aliases in found.get_all():
                self._keys.update(name_keys_of(entity, name, aliases or ()))
            self.connection.execute(f"MATCH (n:{NodeLabel(label).value}) WHERE n.id IN $ids DETACH DELETE n",
                                    {"ids": group})
        self._rekeyed.update(ids)
        self._removed.update(ids)

    def update_entities(self, rows: list[EntityNode]) -> None:
        """Set the properties of stored entities, keeping their edges; the name keys, old and new, of
        those with another name or other aliases are worked out again at `finish`."""
        by_label: dict[NodeLabel, list[EntityNode]] = defaultdict(list)
        for entity in rows:
            by_label[NodeLabel(entity.type)].append(entity)
        for node_label, group in by_label.items():
            label = node_label.value
            found = self.connection.execute(f"MATCH (n:{label}) WHERE n.id IN $ids RETURN n.id, n.name, n.aliases",
                                            {"ids": [e.id for e in group]})
            stored = {entity: (name, tuple(aliases or ())) for entity, name, aliases in found.get_all()}
            renamed = [e for e in group if stored.get(e.id) != (e.name, tuple(e.aliases))]
            for entity in renamed:
                if entity.id in stored:
                    self._keys.update(name_keys_of(entity.id, *stored[entity.id]))
                for key in entity_name_keys(entity):
                    self.writer.name_keys[key].append((entity.id, entity.type.value))
            self._rekeyed.update(e.id for e in renamed)
            values = [entity_row(e) for e in group]
            fields = ", ".join(f"n.{c} = r.{c}" for c in values[0] if c != "id")
            self.connection.execute(f"UNWIND $rows AS r MATCH (n:{label} {{id: r.id}}) SET {fields}", {"rows": values})

    def remove_relations(self, ids: dict[str, RelationType]) -> None:
        by_type: dict[RelationType, list[str]] = defaultdict(list)
        for relation, relation_type in ids.items():
            by_type[relation_type].append(relation)
        for relation_type, group in by_type.items():
            self.connection.execute(f"MATCH ()-[r:{RelationType(relation_type).value}]->() WHERE r.id IN $ids DELETE r",
                                    {"ids": group})

    def remove_statements(self, *, said_by: list[str], described_in: list[str]) -> None:
        """Marks them: at `finish` those `add_statements` did not give again as they are go."""
        ids: list[list[str]] = []
        if said_by:
            ids += self.connection.execute("MATCH (e)-[:SAID]->(s:Statement) WHERE e.id IN $ids RETURN s.id",
                                           {"ids": list(said_by)}).get_all()
        if described_in:
            ids += self.connection.execute(
                "MATCH (a:Article)-[:REPORTS]->(s:Statement) WHERE a.id IN $ids AND s.described_speaker IS NOT NULL "
                "RETURN s.id", {"ids": list(described_in)}).get_all()
        # the nodes by primary key: matched through the edges, every statement's properties are read
        for part in batches(sorted({i for (i,) in ids}), _IDS_PER_QUERY):
            found = self.connection.execute("UNWIND $ids AS i MATCH (s:Statement {id: i}) RETURN s", {"ids": part})
            for (node,) in found.get_all():
                self._said[node["id"]] = {k: v for k, v in node.items() if not k.startswith("_")}

    def add_articles(self, rows: list[ArticleNode]) -> None:
        self.writer.add_articles(rows)

    def add_entities(self, rows: list[EntityNode]) -> None:
        self.writer.add_entities(rows)

    def add_relations(self, rows: list[Relation]) -> None:
        self.writer.add_relations(rows)

    def add_statements(self, rows: list[Statement]) -> None:
        """The statements said again (`remove_statements`) that come back as they were stay as they
        are (no write: most of a speaker's statements when one of its articles is new)."""
        fresh = []
        for statement in rows:
            if self._said.get(statement.id) == statement_row(statement):
                self._kept.add(statement.id)
            else:
                fresh.append(statement)
        self.writer.add_statements(fresh)

    def add_links(self, rows: list[Link]) -> None:
        self.writer.add_links([link for link in rows if link.target not in self._kept or link.source in self._removed])

    def finish(self) -> None:
        """The name-key rows of every changed key (the stored entities that stay, and the new
        ones, by id), then the new rows in, then the graph's counts."""
        for part in batches(sorted(self._said.keys() - self._kept), _IDS_PER_QUERY):
            self.connection.execute("MATCH (s:Statement) WHERE s.id IN $ids DETACH DELETE s", {"ids": part})
        added = self.writer.name_keys
        changed = sorted(self._keys | set(added))
        merged: dict[str, list[tuple[str, str]]] = {}
        for part in batches(changed, _IDS_PER_QUERY):
            found = self.connection.execute(
                f"MATCH (k:{NAME_KEY_TABLE}) WHERE k.id IN $keys RETURN k.id, k.ids, k.labels", {"keys": part})
            for key, ids, labels in found.get_all():
                merged[key] = [(i, label) for i, label in zip(ids, labels, strict=True) if i not in self._rekeyed]
            self.connection.execute(f"MATCH (k:{NAME_KEY_TABLE}) WHERE k.id IN $keys DELETE k", {"keys": part})
        for key, pairs in added.items():
            merged[key] = merged.get(key, []) + pairs
        added.clear()
        added.update((key, sorted(pairs)) for key, pairs in merged.items() if pairs)
        self.writer.close()
        self.writer.load_into(self.connection)
        for label in NodeLabel:
            (n,), = self.connection.execute(f"MATCH (n:{label.value}) RETURN count(n)").get_all()
            self.counts[label.value] = n
        for rel_type in RelationType:
            (n,), = self.connection.execute(f"MATCH ()-[r:{rel_type.value}]->() RETURN count(r)").get_all()
            self.counts["relations"] += n


def _arrow_type(kind: str) -> pa.DataType:
    import pyarrow as pa

    types = {"STRING": pa.string(), "INT64": pa.int64(), "BOOLEAN": pa.bool_()}
    return pa.list_(types[kind[:-2]]) if kind.endswith("[]") else types[kind]


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
