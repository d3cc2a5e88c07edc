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
from pathlib import Path

from ..graph.article_rows import (
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
from ..model.records import Article, ArticleExtraction

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    record TEXT NOT NULL
);
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
"""
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
            self._db.executemany(
                "INSERT INTO articles (id, path, record) VALUES (?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET record = excluded.record, path = excluded.path "
                "WHERE json_remove(articles.record, '$.path') IS NOT json_remove(excluded.record, '$.path')",
                [(a.id, a.path, a.model_dump_json()) for a in articles],
            )
            for x in extractions:
                self._save_extraction(x)

    def _save_extraction(self, x: ArticleExtraction) -> None:
        article, extractor = x.article.id, x.extractor
        for table in _ROW_TABLES:
            self._db.execute(f"DELETE FROM {table} WHERE article_id = ? AND extractor = ?", (article, extractor))
        self._db.execute(
            "INSERT INTO extractions (article_id, extractor, record, node) VALUES (?, ?, ?, ?)",
            (article, extractor, x.model_dump_json(), x.article.model_dump_json()),
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
        rows = self._db.execute(
            "SELECT record FROM articles WHERE id NOT IN (SELECT article_id FROM extractions WHERE extractor = ?) ORDER BY id",
            (extractor,),
        )
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
        """A digest of the article set extracted by `extractor`: ids and article nodes (the
        metadata assembly uses), in id order."""
        digest = hashlib.blake2b(digest_size=16)
        rows = self._db.execute("SELECT article_id, node FROM extractions WHERE extractor = ? ORDER BY article_id",
                                (extractor,))
        for article_id, node in rows:
            digest.update(article_id.encode())
            digest.update(node.encode())
        return digest.hexdigest()

    def prune(self, extractor: str) -> int:
        """Drop extractions and rows by other extractor versions; returns how many extractions."""
        with self._db:
            dropped = self._db.execute("DELETE FROM extractions WHERE extractor != ?", (extractor,)).rowcount
            for table in _ROW_TABLES[1:]:
                self._db.execute(f"DELETE FROM {table} WHERE extractor != ?", (extractor,))
            return dropped


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
            "SELECT article_id, block_key, name, type, kind, fixed, votes, aliases, surname, mentions, role, "
            "given_name, gender, roles FROM entity_rows WHERE extractor = ? ORDER BY article_id",
            (self._extractor,),
        )
        for article, key, name, type_, kind, fixed, votes, aliases, surname, mentions, role, given, gender, roles in rows:
            yield EntityRow(
                article_id=article, block_key=key, name=name, type=EntityType(type_), kind=kind, fixed=bool(fixed),
                votes=decode_votes(votes), aliases=tuple(json.loads(aliases)), surname=surname, mentions=mentions,
                role=role, given_name=given, gender=gender, roles=tuple(json.loads(roles)),
            )

    def evidence_rows(self) -> Iterator[EvidenceRow]:
        rows = self._db.execute(
            'SELECT article_id, type, source_key, target_key, status, modality, start, "end", sentence, rule, quote, direct '
            "FROM evidence_rows WHERE extractor = ?",
            (self._extractor,),
        )
        for article, type_, source, target, status, modality, start, end, sentence, rule, quote, direct in rows:
            yield EvidenceRow(
                article_id=article, type=RelationType(type_), source_key=source, target_key=target,
                status=SanctionStatus(status) if status else None, modality=Modality(modality) if modality else None,
                start=start, end=end, sentence=sentence,
                rule=rule, quote=quote, direct=None if direct is None else bool(direct),
            )

    def statement_rows(self) -> Iterator[StatementRow]:
        rows = self._db.execute(
            'SELECT article_id, speaker_key, described, text, direct, kind, cue, receiver_key, start, "end", sentence, '
            "rule FROM statement_rows WHERE extractor = ?",
            (self._extractor,),
        )
        for article, speaker, described, text, direct, kind, cue, receiver, start, end, sentence, rule in rows:
            yield StatementRow(
                article_id=article, speaker_key=speaker, described=described, text=text, direct=bool(direct),
                kind=kind, cue=cue, receiver_key=receiver, start=start, end=end, sentence=sentence, rule=rule,
            )
