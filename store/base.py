"""What every store is and raises: the protocol, its errors and its write report."""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

from pydantic import SecretStr

from ..graph.sink import GraphSink
from ..model.graph import KnowledgeGraph

StoreChoice = Literal["auto", "embedded", "neo4j"]
Dialect = Literal["neo4j", "ladybug"]


class StoreError(RuntimeError):
    """A store problem a user can fix (server down, wrong password, no graph yet): one clear line.

    Both stores raise only these (and `readonly.RefusedStatement`, a `QueryError`); the CLI maps
    them once (`app.cli_support.command_store`)."""


class StoreUnavailable(StoreError):
    """The store cannot be used: a server not reachable, credentials refused, no such database."""


class StoreEmpty(StoreError):
    """No graph has been written yet."""


class QueryError(StoreError):
    """The store rejected a Cypher statement (syntax, unknown label, a write on a read)."""


class QueryTooLarge(QueryError):
    """A statement needs more memory than the store is given."""


class StoreWriteError(StoreError):
    """A write failed (a full disk, an I/O error); the store still holds the previous graph."""


@dataclass
class WriteReport:
    """What one write sent to the store."""

    nodes_written: int = 0  # created or updated
    relationships_written: int = 0
    nodes_deleted: int = 0
    relationships_deleted: int = 0
    unchanged: int = 0  # nodes and relationships already stored as they are
    batches: int = 0  # transactions
    seconds: float = 0.0

    def summary(self) -> str:
        return (
            f"{self.nodes_written} nodes and {self.relationships_written} relationships written, "
            f"{self.nodes_deleted} nodes and {self.relationships_deleted} relationships deleted, "
            f"{self.unchanged} unchanged, in {self.batches} transactions ({self.seconds:.1f} s)"
        )


class StoreConfig(Protocol):
    """What opening a store reads: the application's settings satisfy it."""

    home: Path
    store: StoreChoice
    buffer_pool_mb: int
    neo4j_uri: str | None
    neo4j_user: str
    neo4j_password: SecretStr | None
    neo4j_database: str
    neo4j_batch_size: int


class StoreSink(GraphSink, Protocol):
    report: WriteReport | None


class GraphStore(Protocol):
    """What every store does; `dialect` says which Cypher it speaks. A store object holds its
    connection (a driver, an open database) until `close()` or the end of a `with` block."""

    dialect: Dialect

    def write(self, graph: KnowledgeGraph) -> WriteReport | None:
        """Make the store hold exactly `graph` (the whole resolved graph)."""
        ...

    def writer(self, *, stamp: str | None = None) -> AbstractContextManager[StoreSink]:
        """`write` in chunks: a `graph.build.GraphSink` for the whole graph, nodes first; the
        store holds exactly that graph when the block ends, and `sink.report` says what was done.
        `stamp` (what the graph was assembled from) is kept with it where the store can."""
        ...

    def stamp(self) -> str | None:
        """The stamp written with the graph the store holds; None when unknown or changed since."""
        ...

    def articles(self) -> dict[str, str]:
        """The id and path of every article in the graph (none when there is no graph)."""
        ...

    def load(self) -> KnowledgeGraph: ...

    def run(
        self, cypher: str, parameters: dict[str, Any] | None = None, *, write: bool = False
    ) -> list[dict[str, Any]]:
        """One Cypher statement with parameters, rows as dicts; read-only unless `write`."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> GraphStore: ...

    def __exit__(self, *exc: object) -> None: ...
