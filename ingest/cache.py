"""The extraction cache: every ingested article and its extraction, by content hash.

SQLite in `NEWSGRAPH_HOME`. It is the graph's source of truth: the stores are
rebuilt from it, so an interrupted ingest resumes with no NLP for what was
already extracted, and a changed extractor re-extracts from the stored text.
Each batch is written in one transaction: a killed run leaves whole batches.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

from .records import Article, ArticleExtraction

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
    PRIMARY KEY (article_id, extractor)
);
"""


class ExtractionCache:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = sqlite3.connect(path)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> ExtractionCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def known_articles(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        found: set[str] = set()
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            marks = ",".join("?" * len(part))
            found.update(row[0] for row in self._db.execute(f"SELECT id FROM articles WHERE id IN ({marks})", part))
        return found

    def extracted(self, ids: Iterable[str], extractor: str) -> set[str]:
        ids = list(ids)
        found: set[str] = set()
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            marks = ",".join("?" * len(part))
            rows = self._db.execute(
                f"SELECT e.article_id FROM extractions e JOIN articles a ON a.id = e.article_id "
                f"WHERE e.extractor = ? AND e.article_id IN ({marks})",
                [extractor, *part],
            )
            found.update(row[0] for row in rows)
        return found

    def save(self, articles: list[Article], extractions: list[ArticleExtraction]) -> None:
        """Record articles and their extractions in one transaction."""
        with self._db:
            self._db.executemany(
                "INSERT OR IGNORE INTO articles (id, path, record) VALUES (?, ?, ?)",
                [(a.id, a.path, a.model_dump_json()) for a in articles],
            )
            self._db.executemany(
                "INSERT OR REPLACE INTO extractions (article_id, extractor, record) VALUES (?, ?, ?)",
                [(x.article.id, x.extractor, x.model_dump_json()) for x in extractions],
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

    def article_count(self) -> int:
        return self._db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def prune(self, extractor: str) -> int:
        """Drop extractions by other extractor versions; returns how many."""
        with self._db:
            return self._db.execute("DELETE FROM extractions WHERE extractor != ?", (extractor,)).rowcount
