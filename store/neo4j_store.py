"""The Neo4j store: incremental, idempotent writes of the whole resolved graph over Bolt.

    write(graph): constraints and indexes (IF NOT EXISTS)
                  -> what is stored: the state file, checked against the server's counts
                     (on a mismatch, the ids the server holds, so nothing stale survives)
                  -> deletes of vanished relationships, then nodes, by id
                  -> upserts of new or changed nodes (with each entity's NameKey nodes),
                     then relationships (MERGE on ids)
    each in batches of `batch_size` rows, one transaction per batch; the state file
    records a batch only once the server has committed it.

Driver errors a user can meet become one-line `StoreError`s; the password is
never part of a message, a repr or a log record.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import neo4j
from neo4j.exceptions import (
    AuthError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
)
from pydantic import SecretStr

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
from . import cypher
from .base import Dialect, QueryError, StoreUnavailable, StoreWriteError, WriteReport
from .neo4j_rows import Changes, Group, Item, Key, Stored, diff, graph_items
from .neo4j_state import WriteState
from .neo4j_uri import check_neo4j_uri
from .readonly import check_statement
from .rows import Row, batches, graph_from_rows

log = logging.getLogger(__name__)

STATE_FILE = "neo4j-state.sqlite"
MIN_MAJOR_VERSION = 5
DATABASE_NOT_FOUND = "Neo.ClientError.Database.DatabaseNotFound"
_CONNECTION_TIMEOUT_SECONDS = 10.0

DriverFactory = Callable[..., Any]


def connect(
    *,
    uri: str,
    user: str,
    password: SecretStr | None,
    database: str,
    state_path: Path,
    batch_size: int,
    driver_factory: DriverFactory = neo4j.GraphDatabase.driver,
) -> Neo4jStore:
    """A driver for `uri`, checked: server reachable, credentials accepted, database present, Neo4j >= 5."""
    check_neo4j_uri(uri)
    auth = (user, password.get_secret_value()) if password is not None else None
    try:
        driver = driver_factory(uri, auth=auth, connection_timeout=_CONNECTION_TIMEOUT_SECONDS)
    except (ValueError, DriverError) as exc:
        raise StoreUnavailable(_scrub(f"cannot use Neo4j URI {uri!r}: {exc}", password)) from None
    store = Neo4jStore(driver, uri=uri, user=user, password=password, database=database,
                       state=WriteState(state_path, target=f"{uri} {database}"), batch_size=batch_size)
    try:
        store.check_server()
    except BaseException:
        store.close()
        raise
    return store


class Neo4jStore:
    """The graph in a Neo4j 5 database, written incrementally: `connect` makes one.

    Writes send only what changed since the last write (recorded in a state file per server
    and database); reads and queries run on the server in Neo4j's Cypher.
    """

    dialect: Dialect = "neo4j"
    name_keys = True  # `NameKey` nodes answer name lookups (`cypher.name_key_lookup`, see `queries.params`)

    def __init__(
        self,
        driver: Any,
        *,
        uri: str,
        user: str,
        password: SecretStr | None,
        database: str,
        state: WriteState,
        batch_size: int,
    ) -> None:
        self._driver = driver
        self.uri = uri
        self.user = user
        self._password = password  # only to keep it out of messages
        self.database = database
        self.state = state
        self.batch_size = batch_size

    def __repr__(self) -> str:
        return f"Neo4jStore({self.uri!r}, database={self.database!r})"

    def close(self) -> None:
        self._driver.close()

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- connection and errors ---------------------------------------------------------------

    @contextmanager
    def _session(self, *, write: bool) -> Iterator[Any]:
        mode = neo4j.WRITE_ACCESS if write else neo4j.READ_ACCESS
        try:
            with self._driver.session(database=self.database, default_access_mode=mode) as session:
                yield session
        except AuthError as exc:
            raise StoreUnavailable(
                f"Neo4j at {self.uri} rejected user {self.user!r}: wrong password? "
                f"(NEWSGRAPH_NEO4J_USER, NEWSGRAPH_NEO4J_PASSWORD)"
            ) from exc
        except (ServiceUnavailable, SessionExpired) as exc:
            raise StoreUnavailable(
                f"cannot reach Neo4j at {self.uri}: is the server running? (docker compose up -d neo4j)"
            ) from exc
        except Neo4jError as exc:
            if exc.code == DATABASE_NOT_FOUND:
                raise StoreUnavailable(
                    f"Neo4j at {self.uri} has no database {self.database!r} (NEWSGRAPH_NEO4J_DATABASE)"
                ) from exc
            raise QueryError(self._scrub(f"Neo4j: {exc.message or exc}")) from exc
        except DriverError as exc:
            raise StoreUnavailable(self._scrub(f"Neo4j at {self.uri}: {exc}")) from exc

    def _scrub(self, message: str) -> str:
        return _scrub(message, self._password)

    def check_server(self) -> None:
        """Fails fast (no retries) if the server, the credentials or the database are wrong, or Neo4j < 5."""
        with self._session(write=False) as session:
            components = session.run(cypher.server_components()).data()
        version = next((c["versions"][0] for c in components if c.get("name") == "Neo4j Kernel"), "")
        major = version.split(".")[0]
        if not major.isdigit() or int(major) < MIN_MAJOR_VERSION:
            raise StoreUnavailable(
                f"Neo4j {version or '(unknown version)'} at {self.uri} is too old: "
                f"newsgraph needs Neo4j {MIN_MAJOR_VERSION} or later"
            )
        log.debug("connected to Neo4j %s at %s, database %s", version, self.uri, self.database)

    # ---- reads -------------------------------------------------------------------------------

    def run(self, cypher_text: str, parameters: dict[str, Any] | None = None, *, write: bool = False) -> list[Row]:
        """One statement in one transaction: unless `write`, a statement that passes
        `readonly.check_statement` (one read) in a read transaction of a read-access session."""
        check_statement(cypher_text, dialect=self.dialect, write=write)
        with self._session(write=write) as session:
            work = session.execute_write if write else session.execute_read
            return work(_fetch, cypher_text, parameters or {})

    def load(self) -> KnowledgeGraph:
        with self._session(write=False) as session:
            nodes = {label: session.execute_read(_fetch, cypher.read_nodes(label), {}) for label in NodeLabel}
            relations = {t: session.execute_read(_fetch, cypher.read_relationships(t), {}) for t in RelationType}
            links = {t: session.execute_read(_fetch, cypher.read_relationships(t), {}) for t in LinkType}
        return graph_from_rows(nodes, relations, links)

    # ---- writes ------------------------------------------------------------------------------

    def write(self, graph: KnowledgeGraph) -> WriteReport:
        with self.writer() as sink:
            sink.add_articles(list(graph.articles))
            sink.add_entities(list(graph.entities))
            sink.add_statements(list(graph.statements))
            sink.add_relations(list(graph.relations))
            sink.add_links(list(graph.links))
        assert sink.report is not None
        return sink.report

    def stamp(self) -> str | None:
        """The stamp of the last complete write, while the server's counts still agree with the
        state file (a database changed by someone else, or wiped, has none)."""
        recorded = self.state.stamp()
        if recorded is None:
            return None
        with self._session(write=False) as session:
            server = {(row["kind"], row["name"]): row["total"]
                      for row in session.execute_read(_fetch, cypher.counts(), {}) if row["total"]}
        return recorded if server == self.state.counts() else None

    def articles(self) -> dict[str, str]:
        """The id and path of every article in the database."""
        return {row["id"]: row["path"] for row in self.run("MATCH (a:Article) RETURN a.id AS id, a.path AS path")}

    @contextmanager
    def writer(self, *, stamp: str | None = None) -> Iterator[_StreamingSink]:
        """A `GraphSink` that sends each chunk as it comes (nodes first, as assembly hands them
        over), only what changed since the last write: each chunk's rows are keyed, hashed and
        compared with the state (not the whole graph held in memory, only the stored keys and
        hashes); at the end of the block, what the graph no longer has is deleted. `stamp` is kept
        in the state file once the whole write is done (none while it runs)."""
        started = time.perf_counter()
        report = WriteReport()
        self.state.set_stamp(None)
        with self._session(write=True) as session:
            for statement in cypher.schema():
                session.run(statement).data()
            sink = _StreamingSink(self, session, self._stored(session), report)
            yield sink
            sink.finish()
        self.state.set_stamp(stamp)
        report.seconds = time.perf_counter() - started
        sink.report = report
        log.info("Neo4j %s: %s", self.uri, report.summary())

    def _stored(self, session: Any) -> dict[Key, Stored]:
        """The state file, if it agrees with the server's counts; else the ids the server holds."""
        server = {
            (row["kind"], row["name"]): row["total"]
            for row in session.execute_read(_fetch, cypher.counts(), {})
            if row["total"]
        }
        if server == self.state.counts():
            return self.state.load()
        log.info("state file %s does not match %s; comparing ids with the server", self.state.path, self.uri)
        self.state.clear()
        stored: dict[Key, Stored] = {}
        for kind, name in server:
            statement = cypher.node_ids(name) if kind == "node" else cypher.relationship_ids(name)
            for row in session.execute_read(_fetch, statement, {}):
                stored[(kind, row["id"])] = Stored(name, None)
        return stored

    def _delete(self, session: Any, changes: Changes, report: WriteReport) -> None:
        for (kind, name), ids in sorted(changes.deletes.items(), key=lambda kv: kv[0][0] == "node"):
            statement = cypher.delete_nodes(name) if kind == "node" else cypher.delete_relationships(name)
            for batch in batches(ids, self.batch_size):
                session.execute_write(_execute, statement, {cypher.IDS: batch}, None)
                self.state.forget(kind, batch)
                report.batches += 1
                if kind == "node":
                    report.nodes_deleted += len(batch)
                else:
                    report.relationships_deleted += len(batch)

    def _upsert(self, session: Any, changes: Changes, report: WriteReport) -> None:
        for group, items in changes.upserts.items():
            statement = _upsert_statement(group)
            for batch in batches(items, self.batch_size):
                session.execute_write(_execute, statement, {cypher.ROWS: [item.row for item in batch]}, len(batch))
                self.state.record(group.kind, group.name, [(item.id, item.hash) for item in batch])
                report.batches += 1
                if group.kind == "node":
                    report.nodes_written += len(batch)
                else:
                    report.relationships_written += len(batch)


class _StreamingSink:
    """Diffs and sends each chunk against what is stored; `finish` deletes what was not seen."""

    report: WriteReport | None = None

    def __init__(self, store: Neo4jStore, session: Any, stored: dict[Key, Stored], report: WriteReport) -> None:
        self._store, self._session, self._stored, self._report = store, session, stored, report
        self._seen: set[Key] = set()

    def add_articles(self, rows: list[ArticleNode]) -> None:
        self._send(articles=tuple(rows))

    def add_entities(self, rows: list[EntityNode]) -> None:
        self._send(entities=tuple(rows))

    def add_statements(self, rows: list[Statement]) -> None:
        self._send(statements=tuple(rows))

    def add_relations(self, rows: list[Relation]) -> None:
        self._send(relations=tuple(rows))

    def add_links(self, rows: list[Link]) -> None:
        self._send(links=tuple(rows))

    def _send(self, **chunk: tuple) -> None:
        items = graph_items(KnowledgeGraph.model_construct(**chunk))  # a part: its endpoints came before
        self._seen.update((group.kind, item.id) for group, group_items in items.items() for item in group_items)
        changes = diff(items, {key: self._stored[key] for key in self._keys(items) if key in self._stored})
        changes.deletes.clear()
        self._report.unchanged += changes.unchanged
        self._store._upsert(self._session, changes, self._report)

    @staticmethod
    def _keys(items: dict[Group, list[Item]]) -> Iterator[Key]:
        for group, group_items in items.items():
            for item in group_items:
                yield (group.kind, item.id)

    def finish(self) -> None:
        """Delete what is stored and was not in the graph: relationships, then nodes."""
        vanished = {key: value for key, value in self._stored.items() if key not in self._seen}
        self._store._delete(self._session, diff({}, vanished), self._report)


def _upsert_statement(group: Group) -> str:
    if group.kind == "node":
        return cypher.upsert_nodes(group.name)
    return cypher.upsert_relationships(group.name, group.source, group.target)


def _fetch(tx: Any, statement: str, parameters: dict[str, Any]) -> list[Row]:
    return tx.run(statement, parameters).data()


def _execute(tx: Any, statement: str, parameters: dict[str, Any], expected: int | None) -> None:
    """Run one write statement; roll the transaction back if it wrote fewer rows than sent."""
    rows = tx.run(statement, parameters).data()
    if expected is not None and rows[0]["written"] != expected:
        raise StoreWriteError(
            f"Neo4j wrote {rows[0]['written']} of {expected} rows: endpoints missing (batch rolled back)"
        )


def _scrub(message: str, password: SecretStr | None) -> str:
    secret = password.get_secret_value() if password is not None else ""
    return message.replace(secret, "***") if secret else message

