"""Run the extractor over gold articles and score it: the `newsgraph eval` library side."""

from __future__ import annotations

from pathlib import Path

from ..parallel import extract_parallel
from ..process import extractor_version
from ..records import ArticleExtraction, SkippedInput
from .polnear import read_split
from .quote_scoring import score_quotes

OVERLAP_THRESHOLD = 0.3


def evaluate_polnear(
    root: Path, *, split: str, model: str, workers: int, threshold: float = OVERLAP_THRESHOLD, limit: int | None = None
) -> list[dict]:
    gold = read_split(root, split, limit=limit)
    extractor = extractor_version(model)
    results = extract_parallel((g.article for g in gold), model=model, extractor=extractor, workers=workers, batch_size=8)
    pairs = []
    for item, (_, result) in zip(gold, results, strict=True):
        if isinstance(result, SkippedInput):
            raise RuntimeError(result.message())
        assert isinstance(result, ArticleExtraction)
        pairs.append((item, result))
    rows = score_quotes(pairs, threshold=threshold)
    for row in rows:
        row["measure"] = f"PolNeAR {split}: {row['measure']}"
    return rows
