"""Synthetic corpora for the scale benchmark, from real BBC articles.

Two tools, both deterministic (seeded):

`generate_corpus`: N new articles written as JSONL (1,000 per file), each one the
paragraphs of several real BBC articles of one category recombined (at least two
paragraphs, from different articles, until about `words` words), with a real title and
one of a few curated outlets. The NLP does real work on real prose, and the people,
organizations and places recur across articles as in a real corpus; no two articles
have the same text. Use it to run real extraction on more articles than the corpus has.

    .venv/bin/python bench/synthetic.py corpus OUT_DIR --articles 10000 [--words 80]

`fill_cache`: an extraction cache of N articles made from a cache of real extractions
without any NLP: article i is copy i // B of base article i % B (B base articles) under
a new id. Copy 0 keeps the base ids. In copies 1, 2, ... a share `rename` of the names
NER found (not curated names, not described groups) get a new surname per copy (last
word + a suffix), consistently across the copy's entity rows, aliases and evidence rows,
so distinct names keep growing with the corpus as new people and organizations appear
in real news (about linearly: an upper bound on real growth, which is sublinear). The
rows assembly reads (extraction nodes, entity rows, evidence rows) and the article
records are rewritten; the stored extraction JSON only has its ids replaced. Use it to
measure assembly, resolution and store writes at sizes the NLP cannot reach in minutes.

    .venv/bin/python bench/synthetic.py fill BASE_HOME/cache.sqlite OUT_HOME/cache.sqlite --articles 50000
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sqlite3
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from newsgraph.app.cache import ExtractionCache
from newsgraph.ingest.decoding import decode_article_bytes
from newsgraph.model.ids import article_id
from newsgraph.model.names import name_key

# curated outlets (ingest/data/outlets.jsonl): corroboration counts distinct outlets
OUTLETS = ("BBC News", "The Guardian", "Reuters", "Associated Press", "The Independent", "Sky News")
PER_FILE = 1000


def bbc_articles(corpus: Path) -> dict[str, list[tuple[str, list[str]]]]:
    """category -> [(title, body paragraphs)] of the BBC corpus (first line is the title)."""
    by_category: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
    for path in sorted(corpus.rglob("*.txt")):
        if path.parent == corpus:
            continue  # README.TXT
        text, _ = decode_article_bytes(path.read_bytes())
        blocks = [" ".join(b.split()) for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
        if len(blocks) >= 2:
            by_category[path.parent.name].append((blocks[0], blocks[1:]))
    return by_category


def synthetic_articles(corpus: Path, count: int, *, words: int = 80, seed: int = 0) -> Iterator[dict]:
    """JSONL records: title, text (paragraphs joined by blank lines), outlet."""
    rng = random.Random(seed)
    categories = bbc_articles(corpus)
    names = sorted(categories)
    if not names:
        raise SystemExit(f"no BBC articles under {corpus}")
    # paragraphs short enough to recombine into about `words` words (at least two per article)
    pools = {
        name: [(i, p) for i, (_, paragraphs) in enumerate(articles) for p in paragraphs
               if 8 <= len(p.split()) <= max(20, int(0.7 * words))]
        for name, articles in categories.items()
    }
    seen: set[str] = set()
    made = 0
    while made < count:
        category = names[made % len(names)]
        pool = pools[category]
        title = rng.choice(categories[category])[0]
        picked, sources, total = [], set(), 0
        while total < words or len(picked) < 2:
            source, paragraph = pool[rng.randrange(len(pool))]
            if source in sources:
                continue
            sources.add(source)
            picked.append(paragraph)
            total += len(paragraph.split())
        text = "\n\n".join(picked)
        if text in seen:
            continue
        seen.add(text)
        yield {"title": title, "text": text, "outlet": OUTLETS[made % len(OUTLETS)]}
        made += 1


def generate_corpus(corpus: Path, out: Path, count: int, *, words: int = 80, seed: int = 0) -> dict:
    """Writes `count` articles as out/part-NNNNN.jsonl; returns counts (articles, words, files)."""
    out.mkdir(parents=True, exist_ok=True)
    total_words = files = 0
    handle = None
    for index, record in enumerate(synthetic_articles(corpus, count, words=words, seed=seed)):
        if index % PER_FILE == 0:
            if handle:
                handle.close()
            handle = open(out / f"part-{index // PER_FILE:05d}.jsonl", "w", encoding="utf-8")
            files += 1
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        total_words += len(record["text"].split())
    if handle:
        handle.close()
    return {"articles": count, "words": total_words, "files": files}


# --- the cache fill ---------------------------------------------------------------------------

def _suffix(copy: int) -> str:
    letters = ""
    while True:
        copy, digit = divmod(copy, 26)
        letters = "abcdefghijklmnopqrstuvwxyz"[digit] + letters
        if copy == 0:
            return letters


def _renamed(key: str, copy: int, rename: float) -> bool:
    if copy == 0 or not key.startswith("name|"):
        return False
    digest = hashlib.blake2b(f"{key}\x1f{copy}".encode(), digest_size=4).digest()
    return int.from_bytes(digest, "big") < rename * 2**32


def _new_surname(word: str, copy: int) -> str:
    return word + _suffix(copy)


class _Renamer:
    """Per copy: which name keys get a new surname, and the renamed keys and names."""

    def __init__(self, copy: int, rename: float) -> None:
        self.copy, self.rename = copy, rename
        self.suffix = _suffix(copy)
        self.keys: dict[str, str] = {}
        self.old_surnames: set[str] = set()

    def key(self, key: str | None) -> str | None:
        if key is None:
            return None
        if key not in self.keys:
            if _renamed(key, self.copy, self.rename):
                kind, name = key.rsplit("|", 1)
                self.keys[key] = f"{kind}|{name}{self.suffix}"
            else:
                self.keys[key] = key
        return self.keys[key]

    def name(self, name: str) -> str:
        return name + self.suffix  # the last word gets the suffix, as in the key


def fill_cache(base: Path, target: Path, articles: int, *, rename: float = 0.5) -> dict:
    """Grows the cache at `target` to `articles` articles copied from the cache at `base`
    (continuing where an earlier fill stopped). Returns counts."""
    source = sqlite3.connect(f"file:{base}?mode=ro", uri=True)
    extractor = source.execute(
        "SELECT extractor FROM extractions GROUP BY extractor ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    base_ids = [row[0] for row in source.execute(
        "SELECT article_id FROM extractions WHERE extractor = ? ORDER BY article_id", (extractor,))]
    if not base_ids:
        raise SystemExit(f"no extractions in {base}")
    records = dict(source.execute("SELECT id, record FROM articles"))
    extraction = {a: (r, n) for a, r, n in source.execute(
        "SELECT article_id, record, node FROM extractions WHERE extractor = ?", (extractor,))}
    entity_rows: dict[str, list[tuple]] = defaultdict(list)
    for row in source.execute("SELECT * FROM entity_rows WHERE extractor = ?", (extractor,)):
        entity_rows[row[0]].append(row)
    evidence_rows: dict[str, list[tuple]] = defaultdict(list)
    for row in source.execute("SELECT * FROM evidence_rows WHERE extractor = ?", (extractor,)):
        evidence_rows[row[0]].append(row)
    statement_rows: dict[str, list[tuple]] = defaultdict(list)
    for row in source.execute("SELECT * FROM statement_rows WHERE extractor = ?", (extractor,)):
        statement_rows[row[0]].append(row)
    source.close()

    with ExtractionCache(target):  # creates the schema
        pass
    db = sqlite3.connect(target)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=OFF")
    start = db.execute("SELECT count(*) FROM extractions WHERE extractor = ?", (extractor,)).fetchone()[0]
    renamers: dict[int, _Renamer] = {}
    batch: dict[str, list] = defaultdict(list)

    def marks(table: str) -> str:  # one placeholder per column of the cache's table
        return ", ".join("?" * len(db.execute(f"PRAGMA table_info({table})").fetchall()))

    def flush() -> None:
        with db:
            db.executemany(f"INSERT OR IGNORE INTO articles VALUES ({marks('articles')})", batch["articles"])
            db.executemany(f"INSERT OR REPLACE INTO extractions VALUES ({marks('extractions')})", batch["extractions"])
            db.executemany(f"INSERT INTO entity_rows VALUES ({marks('entity_rows')})", batch["entities"])
            db.executemany(f"INSERT INTO evidence_rows VALUES ({marks('evidence_rows')})", batch["evidence"])
            db.executemany(f"INSERT INTO statement_rows VALUES ({marks('statement_rows')})", batch["statements"])
        batch.clear()

    for index in range(start, articles):
        copy, base_id = index // len(base_ids), base_ids[index % len(base_ids)]
        renamer = renamers.setdefault(copy, _Renamer(copy, rename))
        new_id = base_id if copy == 0 else article_id(f"{base_id}\x1fcopy{copy}")
        record, node = extraction[base_id]
        article = json.loads(records[base_id])
        node_data = json.loads(node)
        if copy:
            article["id"] = node_data["id"] = new_id
            article["path"] = node_data["path"] = f"{article['path']}#copy{copy}"
            record = record.replace(base_id, new_id)
        batch["articles"].append((new_id, article["path"], json.dumps(article, ensure_ascii=False)))
        batch["extractions"].append((new_id, extractor, record, json.dumps(node_data, ensure_ascii=False)))
        for row in entity_rows[base_id]:
            (_, _, key, name, type_, kind, fixed, votes, aliases, surname, mentions, role, given, gender, roles) = row
            new_key = renamer.key(key)
            if new_key != key:
                name = renamer.name(name)
                if surname:
                    surname = renamer.name(surname)
                if given:
                    given = renamer.name(given)
                aliases = json.dumps([renamer.name(a) if name_key(a) == key.rsplit("|", 1)[1] else a
                                      for a in json.loads(aliases)])
            batch["entities"].append((new_id, extractor, new_key, name, type_, kind, fixed, votes, aliases,
                                      surname, mentions, role, given, gender, roles))
        for row in evidence_rows[base_id]:
            batch["evidence"].append((new_id, extractor, row[2], renamer.key(row[3]), renamer.key(row[4]), *row[5:]))
        for row in statement_rows[base_id]:  # speaker_key and receiver_key renamed as the entities are
            speaker, receiver = (renamer.key(k) if k else k for k in (row[2], row[8]))
            batch["statements"].append((new_id, extractor, speaker, *row[3:8], receiver, *row[9:]))
        if len(batch["articles"]) >= 2000:
            flush()
    flush()
    counts = {
        "articles": db.execute("SELECT count(*) FROM extractions WHERE extractor = ?", (extractor,)).fetchone()[0],
        "entity_rows": db.execute("SELECT count(*) FROM entity_rows").fetchone()[0],
        "evidence_rows": db.execute("SELECT count(*) FROM evidence_rows").fetchone()[0],
        "statement_rows": db.execute("SELECT count(*) FROM statement_rows").fetchone()[0],
        "base_articles": len(base_ids),
        "extractor": extractor,
    }
    db.close()
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    corpus = commands.add_parser("corpus", help="write a synthetic JSONL corpus")
    corpus.add_argument("out", type=Path)
    corpus.add_argument("--articles", type=int, default=2000)
    corpus.add_argument("--words", type=int, default=80, help="about this many words per article")
    corpus.add_argument("--seed", type=int, default=0)
    corpus.add_argument("--bbc", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc")
    fill = commands.add_parser("fill", help="fill an extraction cache from a cache of real extractions")
    fill.add_argument("base", type=Path, help="a cache.sqlite with real extractions")
    fill.add_argument("target", type=Path, help="the cache.sqlite to fill (created, or grown)")
    fill.add_argument("--articles", type=int, default=50000)
    fill.add_argument("--rename", type=float, default=0.5)
    args = parser.parse_args(argv)
    if args.command == "corpus":
        print(json.dumps(generate_corpus(args.bbc, args.out, args.articles, words=args.words, seed=args.seed)))
    else:
        print(json.dumps(fill_cache(args.base, args.target, args.articles, rename=args.rename)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
