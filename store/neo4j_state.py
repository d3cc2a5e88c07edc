"""What the Neo4j store last wrote, per server and database: id -> label or type, content hash.

A small SQLite file in NEWSGRAPH_HOME. It only ever records batches the server
has committed, so it may lag behind the server (the next write re-sends those
rows, which is harmless) but never claims more than the server holds.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from .neo4j_rows import Key, Kind, Stored

_SCHEMA = """
CREATE TABLE IF NOT EXISTS written (
    target TEXT NOT NULL,
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    hash TEXT,
    PRIMARY KEY (target, kind, id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS stamps (
    target TEXT PRIMARY KEY,
    stamp TEXT NOT NULL
)
"""


class WriteState:
    def __init__(self, path: Path, *, target: str) -> None:
        self.path = path
        self.target = target  # "uri database": one server's database

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        """One committed transaction (rolled back on an exception), then the file is closed."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(self.path)) as connection, connection:
            connection.executescript(_SCHEMA)
            yield connection

    def load(self) -> dict[Key, Stored]:
        with self._connect() as db:
            rows = db.execute("SELECT kind, id, name, hash FROM written WHERE target = ?", (self.target,))
            return {(kind, item_id): Stored(name, digest) for kind, item_id, name, digest in rows}

    def counts(self) -> dict[tuple[Kind, str], int]:
        """(kind, label or type) -> how many are recorded."""
        with self._connect() as db:
            rows = db.execute(
                "SELECT kind, name, count(*) FROM written WHERE target = ? GROUP BY kind, name", (self.target,)
            )
            return {(kind, name): n for kind, name, n in rows}

    def record(self, kind: Kind, name: str, items: Iterable[tuple[str, str | None]]) -> None:
        """Committed upserts: (id, hash) pairs of one label or type."""
        with self._connect() as db:
            db.executemany(
                "INSERT OR REPLACE INTO written (target, kind, id, name, hash) VALUES (?, ?, ?, ?, ?)",
                [(self.target, kind, item_id, name, digest) for item_id, digest in items],
            )

    def forget(self, kind: Kind, ids: Iterable[str]) -> None:
        """Committed deletes."""
        with self._connect() as db:
            db.executemany(
                "DELETE FROM written WHERE target = ? AND kind = ? AND id = ?",
                [(self.target, kind, item_id) for item_id in ids],
            )

    def clear(self) -> None:
        with self._connect() as db:
            db.execute("DELETE FROM written WHERE target = ?", (self.target,))
            db.execute("DELETE FROM stamps WHERE target = ?", (self.target,))

    def stamp(self) -> str | None:
        """The stamp of the last write that completed (None: none, or a write since that did not)."""
        with self._connect() as db:
            row = db.execute("SELECT stamp FROM stamps WHERE target = ?", (self.target,)).fetchone()
        return row[0] if row else None

    def set_stamp(self, stamp: str | None) -> None:
        with self._connect() as db:
            db.execute("DELETE FROM stamps WHERE target = ?", (self.target,))
            if stamp is not None:
                db.execute("INSERT INTO stamps (target, stamp) VALUES (?, ?)", (self.target, stamp))
