"""Run the extractor over gold articles and score it: the `newsgraph eval` library side."""

from __future__ import annotations

from pathlib import Path

from ...ingest.parallel import extract_parallel
from ...ingest.version import extractor_version
from ...model.records import ArticleExtraction, SkippedInput
from .gold_scoring import read_gold, score_gold
from .polnear import read_split
from .quote_scoring import score_quotes

OVERLAP_THRESHOLD = 0.3


def _extract_all(articles, *, model: str, workers: int) -> list[ArticleExtraction]:
    extractor = extractor_version(model)
    results = []
    for _, result in extract_parallel(articles, model=model, extractor=extractor, workers=workers, batch_size=8):
        if isinstance(result, SkippedInput):
            raise RuntimeError(result.message())
        results.append(result)
    return results


def evaluate_gold(folder: Path, corpus: Path, *, model: str, workers: int) -> list[dict]:
    """Score against one split of the hand-made gold set (`eval/gold/dev` or `heldout`)."""
    gold = read_gold(folder, corpus)
    extractions = _extract_all([g.article for g in gold], model=model, workers=workers)
    rows = score_gold(zip(gold, extractions, strict=True))
    for row in rows:
        row["measure"] = f"gold {folder.name}: {row['measure']}"
    return rows


def evaluate_polnear(
    root: Path, *, split: str, model: str, workers: int, threshold: float = OVERLAP_THRESHOLD, limit: int | None = None
) -> list[dict]:
    gold = read_split(root, split, limit=limit)
    extractions = _extract_all([g.article for g in gold], model=model, workers=workers)
    rows = score_quotes(zip(gold, extractions, strict=True), threshold=threshold)
    for row in rows:
        row["measure"] = f"PolNeAR {split}: {row['measure']}"
    return rows


def evaluate(corpus: Path, gold: Path, *, model: str, workers: int, polnear_split: str = "dev") -> list[dict]:
    """Every measure: PolNeAR quote attribution, then both halves of the hand-made gold set."""
    rows = evaluate_polnear(corpus / "polnear", split=polnear_split, model=model, workers=workers)
    for half in ("dev", "heldout"):
        rows += evaluate_gold(gold / half, corpus, model=model, workers=workers)
    return rows

