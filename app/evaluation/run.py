"""Run the extractor over gold articles and score it: the `newsgraph eval` library side."""

from __future__ import annotations

from pathlib import Path

from ...graph.article_rows import article_rows
from ...graph.resolve import resolve
from ...ingest.parallel import extract_parallel
from ...ingest.readers import read_inputs
from ...ingest.version import extractor_version
from ...model.records import Article, ArticleExtraction, SkippedInput
from .gold_scoring import read_gold, score_gold
from .polnear import read_split
from .quote_scoring import score_quotes
from .relation_scoring import read_relation_gold, score_relations
from .resolution_scoring import read_resolution_gold, score_resolution

PARTS = ("polnear", "gold", "relations", "resolution")
SPLITS = ("dev", "heldout")

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


def evaluate_relations(path: Path, corpus: Path, *, model: str, workers: int) -> list[dict]:
    """Score MET_WITH, ACCUSED and SANCTIONED against one split of `eval/relations`."""
    articles, sentences = read_relation_gold(path, corpus)
    extractions = _extract_all(articles, model=model, workers=workers)
    by_path: dict[str, list] = {}
    for sentence in sentences:
        by_path.setdefault(sentence.path, []).append(sentence)
    pairs = [(x, by_path[x.article.path]) for x in extractions]
    return score_relations(pairs, label=f"relations {path.stem} ({len(sentences)} sentences)")


def evaluate_resolution(path: Path, corpus: Path, *, model: str, workers: int) -> list[dict]:
    """Cross-article B-cubed against one split of `eval/resolution`: its articles are resolved together."""
    names = read_resolution_gold(path)
    articles = []
    for rel in sorted({n.path for n in names}):
        found = [a for a in read_inputs([corpus / rel], max_chars=1_000_000) if isinstance(a, Article)]
        articles.extend(a.model_copy(update={"path": rel}) for a in found)
    extractions = {x.article.path: x for x in _extract_all(articles, model=model, workers=workers)}
    resolution = resolve(row for x in extractions.values() for row in article_rows(x).entities)
    return score_resolution(names, extractions, resolution, label=f"resolution {path.stem}")


def evaluate(
    corpus: Path, gold: Path, *, model: str, workers: int, polnear_split: str = "dev",
    parts: tuple[str, ...] = PARTS, splits: tuple[str, ...] = SPLITS,
) -> list[dict]:
    """The measures of `parts`: PolNeAR quote attribution (its `polnear_split`), the hand-made
    gold set, the relation gold set and the resolution gold set (each in `splits`)."""
    rows = evaluate_polnear(corpus / "polnear", split=polnear_split, model=model, workers=workers) if "polnear" in parts else []
    evaluation = gold.parent
    for half in splits:
        if "gold" in parts:
            rows += evaluate_gold(gold / half, corpus, model=model, workers=workers)
        if "relations" in parts:
            rows += evaluate_relations(evaluation / "relations" / f"{half}.jsonl", corpus, model=model, workers=workers)
        if "resolution" in parts:
            rows += evaluate_resolution(evaluation / "resolution" / f"{half}.jsonl", corpus, model=model, workers=workers)
    return rows

