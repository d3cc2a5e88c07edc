"""The extraction cache: every ingested article, its extraction and its graph rows.

SQLite in `NEWSGRAPH_HOME`, keyed by content hash and extractor version. It is
the graph's source of truth: the stores are rebuilt from it, so an interrupted
ingest resumes with no NLP for what was already extracted, and a changed
extractor re-extracts from the stored text. Each batch is written in one
transaction: a killed run leaves whole batches. Besides the extraction record
(what `newsgraph extract` prints) each article's graph rows are kept, so
assembling the graph streams rows and parses no record.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path

from ..graph.article_rows import (
    OUTLET_ROLE,
    EntityRow,
    EvidenceRow,
    StatementRow,
    article_rows,
    decode_votes,
    encode_votes,
)
from ..model.graph import (
    ArticleNode,
    EntityType,
    Modality,
    RelationType,
    SanctionStatus,
)
from ..graph.state import GraphState
from ..model.records import Article, ArticleExtraction

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_by_path ON articles (path);
CREATE TABLE IF NOT EXISTS extractions (
    article_id TEXT NOT NULL REFERENCES articles(id),
    extractor TEXT NOT NULL,
    record TEXT NOT NULL,
    node TEXT NOT NULL,
    PRIMARY KEY (article_id, extractor)
);
CREATE TABLE IF NOT EXISTS entity_rows (
    article_id TEXT NOT NULL, extractor TEXT NOT NULL, block_key TEXT NOT NULL, name TEXT NOT NULL,
    type TEXT NOT NULL, kind TEXT NOT NULL, fixed INTEGER NOT NULL, votes TEXT NOT NULL, aliases TEXT NOT NULL,
    surname TEXT, mentions INTEGER NOT NULL, role TEXT, given_name TEXT, gender TEXT, roles TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS entity_rows_by_article ON entity_rows (extractor, article_id);
CREATE TABLE IF NOT EXISTS evidence_rows (
    article_id TEXT NOT NULL, extractor TEXT NOT NULL, type TEXT NOT NULL, source_key TEXT, target_key TEXT NOT NULL,
    status TEXT, modality TEXT, start INTEGER NOT NULL, "end" INTEGER NOT NULL, sentence TEXT NOT NULL, rule TEXT NOT NULL,
    quote TEXT, direct INTEGER
);
CREATE INDEX IF NOT EXISTS evidence_rows_by_article ON evidence_rows (extractor, article_id);
CREATE TABLE IF NOT EXISTS statement_rows (
    article_id TEXT NOT NULL, extractor TEXT NOT NULL, speaker_key TEXT, described TEXT, text TEXT NOT NULL,
    direct INTEGER NOT NULL, kind TEXT NOT NULL, cue TEXT, receiver_key TEXT, start INTEGER NOT NULL,
    "end" INTEGER NOT NULL, sentence TEXT NOT NULL, rule TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS statement_rows_by_article ON statement_rows (extractor, article_id);
CREATE INDEX IF NOT EXISTS entity_rows_by_key ON entity_rows (extractor, block_key);
CREATE INDEX IF NOT EXISTS entity_rows_by_role ON entity_rows (extractor, role, block_key) WHERE role IS NOT NULL;
CREATE INDEX IF NOT EXISTS evidence_rows_by_source ON evidence_rows (extractor, source_key);
CREATE INDEX IF NOT EXISTS evidence_rows_by_target ON evidence_rows (extractor, target_key);
CREATE INDEX IF NOT EXISTS statement_rows_by_speaker ON statement_rows (extractor, speaker_key);
CREATE INDEX IF NOT EXISTS statement_rows_by_receiver ON statement_rows (extractor, receiver_key);
CREATE INDEX IF NOT EXISTS extractions_by_extractor ON extractions (extractor, article_id);
-- `digest` of each extractor's article set, kept until the extractions change (the triggers;
-- `save` works the new digests out from the kept ones, the other changes drop them)
CREATE TABLE IF NOT EXISTS article_digests (extractor TEXT PRIMARY KEY, digest TEXT NOT NULL);
CREATE TRIGGER IF NOT EXISTS extraction_added AFTER INSERT ON extractions BEGIN DELETE FROM article_digests; END;
CREATE TRIGGER IF NOT EXISTS extraction_changed AFTER UPDATE ON extractions BEGIN DELETE FROM article_digests; END;
CREATE TRIGGER IF NOT EXISTS extraction_dropped AFTER DELETE ON extractions BEGIN DELETE FROM article_digests; END;
"""
# what the stored graph was assembled from, for incremental ingest (`graph.incremental`): written
# after the graph, and trusted only while `stamp` is the store's own stamp
_GRAPH_STATE = """
CREATE TABLE IF NOT EXISTS graph_state (stamp TEXT NOT NULL, base TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS graph_articles (article_id TEXT PRIMARY KEY, node TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS graph_keys (
    block_key TEXT PRIMARY KEY, entity_id TEXT NOT NULL, label TEXT NOT NULL, name TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS graph_keys_by_entity ON graph_keys (entity_id);
CREATE TABLE IF NOT EXISTS graph_buckets (bucket TEXT NOT NULL, block_key TEXT NOT NULL, hub INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS graph_buckets_by_bucket ON graph_buckets (bucket);
CREATE INDEX IF NOT EXISTS graph_buckets_by_key ON graph_buckets (block_key);
CREATE TABLE IF NOT EXISTS graph_aggregates (block_key TEXT PRIMARY KEY, aggregate TEXT NOT NULL);
-- entity -> articles mentioning it (an id the graph lost stays until a full assembly: never read, as an
-- id that comes back is an entity that changed, counted again)
CREATE TABLE IF NOT EXISTS graph_entities (entity_id TEXT PRIMARY KEY, article_count INTEGER NOT NULL);
-- an extraction of the stored graph's articles replaced or dropped: the state describes that graph
-- no more (only a full assembly can follow), so it goes
CREATE TRIGGER IF NOT EXISTS graph_article_changed AFTER UPDATE ON extractions
    WHEN OLD.article_id IN (SELECT article_id FROM graph_articles) BEGIN DELETE FROM graph_state; END;
CREATE TRIGGER IF NOT EXISTS graph_article_dropped AFTER DELETE ON extractions
    WHEN OLD.article_id IN (SELECT article_id FROM graph_articles) BEGIN DELETE FROM graph_state; END;
"""
_GRAPH_STATE_TABLES = ("graph_state", "graph_articles", "graph_keys", "graph_buckets", "graph_aggregates",
                       "graph_entities")
_ROW_TABLES = ("extractions", "entity_rows", "evidence_rows", "statement_rows")
SCHEMA_VERSION = 5  # older caches keep their articles; what is derived from them is extracted again


class ExtractionCache:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = sqlite3.connect(path)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        if self._db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            with self._db:
                for table in _ROW_TABLES:
                    self._db.execute(f"DROP TABLE IF EXISTS {table}")
        self._db.executescript(_SCHEMA)
        self._db.executescript(_GRAPH_STATE)
        self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> ExtractionCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def extracted(self, ids: Iterable[str], extractor: str) -> set[str]:
        found: set[str] = set()
        for part, marks in _in_parts(ids):
            rows = self._db.execute(
                f"SELECT e.article_id FROM extractions e JOIN articles a ON a.id = e.article_id "
                f"WHERE e.extractor = ? AND e.article_id IN ({marks})",
                [extractor, *part],
            )
            found.update(row[0] for row in rows)
        return found

    def changed(self, articles: Iterable[Article]) -> set[str]:
        """The ids of `articles` stored with other metadata (an edited sidecar, a new title, outlet
        or date): they are extracted again, and `save` replaces their record."""
        given = {a.id: a for a in articles}
        found: set[str] = set()
        for part, marks in _in_parts(given):
            rows = self._db.execute(f"SELECT id, record FROM articles WHERE id IN ({marks})", part)
            for article_id, record in rows:
                stored = Article.model_validate_json(record).model_dump(exclude={"path"})
                if stored != given[article_id].model_dump(exclude={"path"}):
                    found.add(article_id)
        return found

    def save(self, articles: list[Article], extractions: list[ArticleExtraction]) -> None:
        """Record articles with their extractions and graph rows, in one transaction; an article
        already stored keeps its path, unless its metadata changed (`changed`): then it takes the
        new record."""
        with self._db:
            digests = {e: int(d, 16) for e, d in self._db.execute("SELECT extractor, digest FROM article_digests")}
            self._db.executemany(
                "INSERT INTO articles (id, path, record) VALUES (?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET record = excluded.record, path = excluded.path "
                "WHERE json_remove(articles.record, '$.path') IS NOT json_remove(excluded.record, '$.path')",
                [(a.id, a.path, a.model_dump_json()) for a in articles],
            )
            for x in extractions:
                node = x.article.model_dump_json()
                if x.extractor in digests:
                    old = self._db.execute("SELECT node FROM extractions WHERE article_id = ? AND extractor = ?",
                                           (x.article.id, x.extractor)).fetchone()
                    change = _article_hash(x.article.id, node) - (_article_hash(x.article.id, old[0]) if old else 0)
                    digests[x.extractor] = (digests[x.extractor] + change) % _DIGEST_MODULUS
                self._save_extraction(x, node)
            self._db.executemany("INSERT OR REPLACE INTO article_digests VALUES (?, ?)",
                                 [(e, f"{d:032x}") for e, d in digests.items()])

    def _save_extraction(self, x: ArticleExtraction, node: str) -> None:
        article, extractor = x.article.id, x.extractor
        for table in _ROW_TABLES:
            self._db.execute(f"DELETE FROM {table} WHERE article_id = ? AND extractor = ?", (article, extractor))
        self._db.execute(
            "INSERT INTO extractions (article_id, extractor, record, node) VALUES (?, ?, ?, ?)",
            (article, extractor, x.model_dump_json(), node),
        )
        rows = article_rows(x)
        self._db.executemany(
            "INSERT INTO entity_rows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(article, extractor, r.block_key, r.name, r.type.value, r.kind, int(r.fixed), encode_votes(r.votes),
              json.dumps(list(r.aliases)), r.surname, r.mentions, r.role, r.given_name, r.gender,
              json.dumps(list(r.roles))) for r in rows.entities],
        )
        self._db.executemany(
            "INSERT INTO evidence_rows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(article, extractor, r.type.value, r.source_key, r.target_key, r.status.value if r.status else None,
              r.modality.value if r.modality else None,
              r.start, r.end, r.sentence, r.rule, r.quote, None if r.direct is None else int(r.direct))
             for r in rows.evidence],
        )
        self._db.executemany(
            "INSERT INTO statement_rows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(article, extractor, r.speaker_key, r.described, r.text, int(r.direct), r.kind, r.cue, r.receiver_key,
              r.start, r.end, r.sentence, r.rule) for r in rows.statements],
        )

    def articles_without(self, extractor: str) -> Iterator[Article]:
        """Stored articles with no extraction by `extractor` (new extractor version, or a crash)."""
        # the ids first, from the two indexes (no scan of the records), then the few records lacking
        missing = [row[0] for row in self._db.execute(
            "SELECT id FROM articles EXCEPT SELECT article_id FROM extractions WHERE extractor = ? ORDER BY 1",
            (extractor,),
        )]
        for part, marks in _in_parts(missing):
            rows = self._db.execute(f"SELECT record FROM articles WHERE id IN ({marks}) ORDER BY id", part)
            for (record,) in rows:
                yield Article.model_validate_json(record)

    def extractions(self, extractor: str) -> Iterator[ArticleExtraction]:
        rows = self._db.execute(
            "SELECT e.record FROM extractions e JOIN articles a ON a.id = e.article_id WHERE e.extractor = ? ORDER BY a.id",
            (extractor,),
        )
        for (record,) in rows:
            yield ArticleExtraction.model_validate_json(record)

    def rows(self, extractor: str) -> CachedRows:
        """The graph rows of every article extracted by `extractor`: assembly's source."""
        return CachedRows(self._db, extractor)

    def increment(self, extractor: str) -> CachedIncrement:
        """The rows and graph state incremental assembly reads."""
        return CachedIncrement(self._db, extractor)

    def graph_state(self) -> tuple[str, str] | None:
        """(stamp, base) of the graph the `graph_*` tables describe; None when they describe none."""
        row = self._db.execute("SELECT stamp, base FROM graph_state").fetchone()
        return (row[0], row[1]) if row else None

    def holds_graph_articles(self) -> bool:
        """Every article of the graph the `graph_*` tables describe is still in the cache."""
        return self._db.execute("SELECT NOT EXISTS (SELECT 1 FROM graph_articles g LEFT JOIN articles a "
                                "ON a.id = g.article_id WHERE a.id IS NULL)").fetchone()[0] == 1

    def write_graph_state(self, state: GraphState, *, stamp: str, base: str, extractor: str, full: bool) -> None:
        """Record what the graph with `stamp` was assembled from, in one transaction: all of it
        (`full`), or what an increment changed."""
        with self._db:
            self._db.execute("DELETE FROM graph_state")
            if full:
                for table in _GRAPH_STATE_TABLES[1:]:
                    self._db.execute(f"DELETE FROM {table}")
                self._db.execute("INSERT INTO graph_articles SELECT article_id, node FROM extractions WHERE extractor = ?",
                                 (extractor,))
            else:
                for part, marks in _in_parts(state.articles):
                    self._db.execute(f"INSERT OR REPLACE INTO graph_articles SELECT article_id, node FROM extractions "
                                     f"WHERE extractor = ? AND article_id IN ({marks})", [extractor, *part])
                for part, marks in _in_parts(state.buckets):
                    self._db.execute(f"DELETE FROM graph_buckets WHERE block_key IN ({marks})", part)
            self._db.executemany("INSERT OR REPLACE INTO graph_keys VALUES (?, ?, ?, ?)",
                                 [(k, i, label, name) for k, (i, label, name) in state.keys.items()])
            self._db.executemany("INSERT INTO graph_buckets VALUES (?, ?, ?)",
                                 [(b, k, int(hub)) for k, entries in state.buckets.items() for b, hub in entries])
            self._db.executemany("INSERT OR REPLACE INTO graph_aggregates VALUES (?, ?)", state.aggregates.items())
            self._db.executemany("INSERT OR REPLACE INTO graph_entities VALUES (?, ?)", state.article_counts.items())
            self._db.execute("INSERT INTO graph_state VALUES (?, ?)", (stamp, base))

    def article_count(self) -> int:
        return self._db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def article_ids(self) -> set[str]:
        return {row[0] for row in self._db.execute("SELECT id FROM articles")}

    def replaced(self, read: Mapping[str, str]) -> dict[str, str]:
        """The stored articles whose path was read in this run (`read`: path -> id read there) with
        another text, whose own text was not read anywhere in it: an edited file's old version.
        Returns id -> path."""
        ids_read = set(read.values())
        found: dict[str, str] = {}
        for part, marks in _in_parts(read):
            rows = self._db.execute(f"SELECT id, path FROM articles WHERE path IN ({marks})", part)
            found.update((i, path) for i, path in rows if i not in ids_read and read[path] != i)
        return found

    def under(self, paths: Iterable[str]) -> dict[str, str]:
        """The stored articles at or under each path (a file, a folder, a JSONL file's lines):
        id -> path."""
        found: dict[str, str] = {}
        for path in paths:
            prefix = path.rstrip("/")
            rows = self._db.execute(
                "SELECT id, path FROM articles WHERE path = ? OR substr(path, 1, ?) IN (?, ?)",
                (path, len(prefix) + 1, prefix + "/", prefix + ":"),
            )
            found.update(rows)
        return found

    def forget(self, ids: Iterable[str]) -> int:
        """Remove articles with their extractions and rows, in one transaction; how many."""
        ids = list(ids)
        with self._db:
            for part, marks in _in_parts(ids):
                for table in _ROW_TABLES:
                    self._db.execute(f"DELETE FROM {table} WHERE article_id IN ({marks})", part)
                self._db.execute(f"DELETE FROM articles WHERE id IN ({marks})", part)
        return len(ids)

    def forget_extractions(self) -> None:
        """Drop every extraction and its rows (the articles stay): `ingest --rebuild`."""
        with self._db:
            for table in _ROW_TABLES:
                self._db.execute(f"DELETE FROM {table}")

    def digest(self, extractor: str) -> str:
        """A digest of the article set extracted by `extractor`: the sum of a hash of each article's
        id and node (the metadata assembly uses), so that `save` can add what it adds. Worked out
        in full once per other change of the extractions."""
        kept = self._db.execute("SELECT digest FROM article_digests WHERE extractor = ?", (extractor,)).fetchone()
        if kept:
            return kept[0]
        total = 0
        for article_id, node in self._db.execute("SELECT article_id, node FROM extractions WHERE extractor = ?",
                                                 (extractor,)):
            total += _article_hash(article_id, node)
        digest = f"{total % _DIGEST_MODULUS:032x}"
        with self._db:
            self._db.execute("INSERT OR REPLACE INTO article_digests VALUES (?, ?)", (extractor, digest))
        return digest

    def prune(self, extractor: str) -> int:
        """Drop extractions and rows by other extractor versions; returns how many extractions."""
        others = "extractor < ? OR extractor > ?"  # two ranges of the indexes on extractor
        if not any(self._db.execute(f"SELECT 1 FROM {table} WHERE {others} LIMIT 1", (extractor, extractor)).fetchone()
                   for table in _ROW_TABLES):
            return 0
        with self._db:
            dropped = self._db.execute("DELETE FROM extractions WHERE extractor != ?", (extractor,)).rowcount
            for table in _ROW_TABLES[1:]:
                self._db.execute(f"DELETE FROM {table} WHERE extractor != ?", (extractor,))
            return dropped


_DIGEST_MODULUS = 1 << 128


def _article_hash(article_id: str, node: str) -> int:
    return int.from_bytes(hashlib.blake2b(f"{article_id}\n{node}".encode(), digest_size=16).digest(), "big")


def _in_parts(values: Iterable[str], size: int = 500) -> Iterator[tuple[list[str], str]]:
    """`values` in parts of at most `size` (SQLite's limit on bound variables), each with its
    "?,?,..." for an ``IN (...)``."""
    values = list(values)
    for start in range(0, len(values), size):
        part = values[start : start + size]
        yield part, ",".join("?" * len(part))


class CachedRows:
    """A `graph.build.RowSource` streaming from the cache, one row at a time."""

    def __init__(self, db: sqlite3.Connection, extractor: str) -> None:
        self._db = db
        self._extractor = extractor

    def articles(self) -> Iterator[ArticleNode]:
        rows = self._db.execute("SELECT node FROM extractions WHERE extractor = ? ORDER BY article_id", (self._extractor,))
        for (node,) in rows:
            yield ArticleNode.model_validate_json(node)

    def entity_rows(self) -> Iterator[EntityRow]:
        rows = self._db.execute(
            f"SELECT {_ENTITY_COLUMNS} FROM entity_rows WHERE extractor = ? ORDER BY article_id, rowid",
            (self._extractor,),
        )
        for row in rows:
            yield _entity_row(row)

    def evidence_rows(self) -> Iterator[EvidenceRow]:
        rows = self._db.execute(f"SELECT {_EVIDENCE_COLUMNS} FROM evidence_rows WHERE extractor = ?", (self._extractor,))
        for row in rows:
            yield _evidence_row(row)

    def statement_rows(self) -> Iterator[StatementRow]:
        rows = self._db.execute(
            f"SELECT {_STATEMENT_COLUMNS} FROM statement_rows WHERE extractor = ? ORDER BY article_id, rowid",
            (self._extractor,),
        )
        for row in rows:
            yield _statement_row(row)


_ENTITY_COLUMNS = ("article_id, block_key, name, type, kind, fixed, votes, aliases, surname, mentions, role, "
                   "given_name, gender, roles")
_EVIDENCE_COLUMNS = 'article_id, type, source_key, target_key, status, modality, start, "end", sentence, rule, quote, direct'
_STATEMENT_COLUMNS = ('article_id, speaker_key, described, text, direct, kind, cue, receiver_key, start, "end", sentence, '
                      "rule")


def _entity_row(row: tuple) -> EntityRow:
    article, key, name, type_, kind, fixed, votes, aliases, surname, mentions, role, given, gender, roles = row
    return EntityRow(
        article_id=article, block_key=key, name=name, type=EntityType(type_), kind=kind, fixed=bool(fixed),
        votes=dict(_vote_items(votes)), aliases=_names(aliases), surname=surname, mentions=mentions,
        role=role, given_name=given, gender=gender, roles=_names(roles),
    )


# Entity rows repeat a few thousand distinct alias, role and vote lists (most are empty): each is
# decoded once. Tuples, so no row shares a mutable value with another.
@lru_cache(maxsize=16_384)
def _names(text: str) -> tuple[str, ...]:
    return tuple(json.loads(text))


@lru_cache(maxsize=16_384)
def _vote_items(text: str) -> tuple[tuple[EntityType, float], ...]:
    return tuple(decode_votes(text).items())


def _evidence_row(row: tuple) -> EvidenceRow:
    article, type_, source, target, status, modality, start, end, sentence, rule, quote, direct = row
    return EvidenceRow(
        article_id=article, type=RelationType(type_), source_key=source, target_key=target,
        status=SanctionStatus(status) if status else None, modality=Modality(modality) if modality else None,
        start=start, end=end, sentence=sentence, rule=rule, quote=quote, direct=None if direct is None else bool(direct),
    )


def _statement_row(row: tuple) -> StatementRow:
    article, speaker, described, text, direct, kind, cue, receiver, start, end, sentence, rule = row
    return StatementRow(
        article_id=article, speaker_key=speaker, described=described, text=text, direct=bool(direct),
        kind=kind, cue=cue, receiver_key=receiver, start=start, end=end, sentence=sentence, rule=rule,
    )


class CachedIncrement:
    """A `graph.incremental.IncrementSource` over the cache: the rows of given keys and articles
    (through the indexes), and what the stored graph was assembled from (`graph_*` tables)."""

    def __init__(self, db: sqlite3.Connection, extractor: str) -> None:
        self._db = db
        self._extractor = extractor
        # the entity rows of each key read so far, (rowid, row): an increment reads its keys' rows
        # again with more keys, and the cache does not change while it runs
        self._rows_of_key: dict[str, list[tuple[int, EntityRow]]] = {}

    def _select(self, table: str, columns: str, column: str, values: Iterable[str]) -> list[tuple]:
        """Rows of `table` whose `column` is one of `values`, in (article, rowid) order."""
        found = []
        for part, marks in _in_parts(sorted(set(values))):
            found += self._db.execute(
                f"SELECT {columns}, rowid FROM {table} WHERE extractor = ? AND {column} IN ({marks})",
                [self._extractor, *part],
            ).fetchall()
        found.sort(key=lambda r: (r[0], r[-1]))
        return found

    def new_articles(self) -> list[ArticleNode]:
        rows = self._db.execute(
            "SELECT e.node FROM extractions e LEFT JOIN graph_articles g ON g.article_id = e.article_id "
            "WHERE e.extractor = ? AND g.article_id IS NULL ORDER BY e.article_id", (self._extractor,))
        return [ArticleNode.model_validate_json(node) for (node,) in rows]

    def articles(self, ids: Iterable[str]) -> dict[str, ArticleNode]:
        found = {}
        for part, marks in _in_parts(sorted(set(ids))):
            rows = self._db.execute(f"SELECT article_id, node FROM extractions WHERE extractor = ? AND article_id IN ({marks})",
                                    [self._extractor, *part])
            found.update((i, ArticleNode.model_validate_json(node)) for i, node in rows)
        return found

    def entity_rows(self, *, keys: Iterable[str] = (), articles: Iterable[str] = ()) -> list[EntityRow]:
        keys = set(keys)
        fresh = keys - self._rows_of_key.keys()
        found: dict[int, EntityRow] = {}
        for key in keys - fresh:
            found.update(self._rows_of_key[key])
        self._rows_of_key.update((key, []) for key in fresh)
        for r in self._select("entity_rows", _ENTITY_COLUMNS, "block_key", fresh):
            found[r[-1]] = row = _entity_row(r[:-1])
            self._rows_of_key[row.block_key].append((r[-1], row))
        for r in self._select("entity_rows", _ENTITY_COLUMNS, "article_id", articles):
            if r[-1] not in found:
                found[r[-1]] = _entity_row(r[:-1])
        return [row for _, row in sorted(found.items(), key=lambda item: (item[1].article_id, item[0]))]

    def aggregates(self, keys: Iterable[str]) -> dict[str, str]:
        """block key -> what resolution folded of its rows in the stored graph (`GraphState.aggregates`)."""
        found = {}
        for part, marks in _in_parts(sorted(set(keys))):
            found.update(self._db.execute(f"SELECT block_key, aggregate FROM graph_aggregates WHERE block_key IN ({marks})",
                                          part))
        return found

    def article_counts(self, keys_of: Mapping[str, Iterable[str]]) -> dict[str, int]:
        """entity -> how many articles mention one of its block keys (`keys_of`), counted in the
        cache's rows: an entity named in thousands of articles is no reason to read their rows."""
        # the key index named: SQLite would rather walk the article index, all of it
        rows = "FROM entity_rows INDEXED BY entity_rows_by_key WHERE extractor = ? AND block_key IN ({}) AND mentions > 0"
        found = {}
        for entity, keys in keys_of.items():
            parts = list(_in_parts(sorted(set(keys))))
            if len(parts) == 1:
                (part, marks), = parts
                found[entity] = self._db.execute(f"SELECT count(DISTINCT article_id) {rows.format(marks)}",
                                                 [self._extractor, *part]).fetchone()[0]
                continue
            articles: set[str] = set()
            for part, marks in parts:
                articles.update(a for (a,) in self._db.execute(f"SELECT article_id {rows.format(marks)}",
                                                               [self._extractor, *part]))
            found[entity] = len(articles)
        return found

    def stored_article_counts(self, ids: Iterable[str]) -> dict[str, int]:
        """entity -> how many articles mention it in the stored graph (`GraphState.article_counts`)."""
        found = {}
        for part, marks in _in_parts(sorted(set(ids))):
            found.update(self._db.execute(
                f"SELECT entity_id, article_count FROM graph_entities WHERE entity_id IN ({marks})", part))
        return found

    def evidence_rows(self, *, keys: Iterable[str] = (), articles: Iterable[str] = ()) -> list[EvidenceRow]:
        """The evidence naming one of these keys at either end, and the evidence in these articles."""
        keys = list(keys)
        rows = {r[-1]: r for r in (*self._select("evidence_rows", _EVIDENCE_COLUMNS, "source_key", keys),
                                   *self._select("evidence_rows", _EVIDENCE_COLUMNS, "target_key", keys),
                                   *self._select("evidence_rows", _EVIDENCE_COLUMNS, "article_id", articles))}
        return [_evidence_row(r[:-1]) for r in sorted(rows.values(), key=lambda r: (r[0], r[-1]))]

    def statement_rows(self, *, speakers: Iterable[str] = (), receivers: Iterable[str] = (),
                       articles: Iterable[str] = ()) -> list[StatementRow]:
        """The wordings of these speaker keys, to these receiver keys and in these articles, in the
        order a full assembly reads them."""
        rows = {r[-1]: r for r in (*self._select("statement_rows", _STATEMENT_COLUMNS, "speaker_key", speakers),
                                   *self._select("statement_rows", _STATEMENT_COLUMNS, "receiver_key", receivers),
                                   *self._select("statement_rows", _STATEMENT_COLUMNS, "article_id", articles))}
        return [_statement_row(r[:-1]) for r in sorted(rows.values(), key=lambda r: (r[0], r[-1]))]

    def stored_entities(self, keys: Iterable[str]) -> dict[str, tuple[str, str, str]]:
        """block key -> (entity id, label, name) in the stored graph."""
        found = {}
        for part, marks in _in_parts(sorted(set(keys))):
            rows = self._db.execute(f"SELECT block_key, entity_id, label, name FROM graph_keys WHERE block_key IN ({marks})",
                                    part)
            found.update((key, (i, label, name)) for key, i, label, name in rows)
        return found

    def keys_of_entities(self, ids: Iterable[str]) -> list[str]:
        found = []
        for part, marks in _in_parts(sorted(set(ids))):
            found += [k for (k,) in self._db.execute(f"SELECT block_key FROM graph_keys WHERE entity_id IN ({marks})", part)]
        return found

    def buckets_of(self, keys: list[str]) -> dict[str, set[tuple[str, bool]]]:
        found: dict[str, set[tuple[str, bool]]] = {}
        for part, marks in _in_parts(sorted(set(keys))):
            for key, bucket, hub in self._db.execute(
                    f"SELECT block_key, bucket, hub FROM graph_buckets WHERE block_key IN ({marks})", part):
                found.setdefault(key, set()).add((bucket, bool(hub)))
        return found

    def members_of(self, buckets: list[str]) -> dict[str, list[tuple[str, bool]]]:
        found: dict[str, list[tuple[str, bool]]] = {}
        for part, marks in _in_parts(buckets):
            for bucket, key, hub in self._db.execute(
                    f"SELECT bucket, block_key, hub FROM graph_buckets WHERE bucket IN ({marks})", part):
                found.setdefault(bucket, []).append((key, bool(hub)))
        return found

    def outlet_keys(self, articles: Iterable[str]) -> dict[str, str]:
        """article -> the block key of its outlet (metadata)."""
        found = {}
        for part, marks in _in_parts(sorted(set(articles))):
            found.update(self._db.execute(
                f"SELECT article_id, block_key FROM entity_rows WHERE extractor = ? AND role = ? AND article_id IN ({marks})",
                [self._extractor, OUTLET_ROLE, *part]))
        return found

    def outlet_role_keys(self, keys: Iterable[str]) -> set[str]:
        """Those of `keys` that are some article's outlet."""
        found: set[str] = set()
        for part, marks in _in_parts(sorted(set(keys))):
            found.update(k for (k,) in self._db.execute(
                f"SELECT DISTINCT block_key FROM entity_rows INDEXED BY entity_rows_by_role "  # the metadata rows alone
                f"WHERE extractor = ? AND role = ? AND block_key IN ({marks})",
                [self._extractor, OUTLET_ROLE, *part]))
        return found
