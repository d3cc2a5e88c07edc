"""Cross-article resolution against the resolution gold set (`eval/resolution/`): B-cubed.

The gold set labels every distinct capitalized name of 46 articles from 8 outlets with the
real-world entity it names (one key across all articles) or as no entity. Each gold name is
mapped to the node our graph gives it: the entity one of whose mentions in that article
covers the name's characters most (a name we did not find is a cluster of its own). B-cubed
precision and recall then compare our nodes with the gold entities over all gold names of
the split: precision falls when we merge different entities, recall when we split one.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ...graph.article_rows import block_key
from ...graph.resolve import Resolution
from ...model.records import ArticleExtraction

GoldLabels = dict[str, str]


@dataclass(frozen=True)
class GoldName:
    id: str
    path: str
    text: str
    offsets: tuple[int, ...]
    entity: str
    type: str


def read_resolution_gold(path: Path) -> list[GoldName]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [GoldName(r["id"], r["path"], r["text"], tuple(r["offsets"]), r["entity"], r["type"]) for r in rows]


def b_cubed(gold: GoldLabels, predicted: GoldLabels) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of `predicted` clusters against `gold` (item -> cluster)."""
    items = sorted(set(gold) & set(predicted))
    if not items:
        return 0.0, 0.0, 0.0
    gold_members: dict[str, set[str]] = defaultdict(set)
    pred_members: dict[str, set[str]] = defaultdict(set)
    for item in items:
        gold_members[gold[item]].add(item)
        pred_members[predicted[item]].add(item)
    precision = sum(len(gold_members[gold[i]] & pred_members[predicted[i]]) / len(pred_members[predicted[i]]) for i in items)
    recall = sum(len(gold_members[gold[i]] & pred_members[predicted[i]]) / len(gold_members[gold[i]]) for i in items)
    precision, recall = precision / len(items), recall / len(items)
    return precision, recall, (2 * precision * recall / (precision + recall) if precision + recall else 0.0)


def our_clusters(names: list[GoldName], extractions: dict[str, ArticleExtraction], resolution: Resolution) -> GoldLabels:
    """Each gold name's node in our graph (or a cluster of its own when we have none there)."""
    clusters = {}
    for name in names:
        extraction = extractions[name.path]
        chars = {i for at in name.offsets for i in range(at, at + len(name.text))}
        best, best_overlap = None, 0
        for entity in extraction.entities:
            overlap = sum(len(chars & set(range(m.start, m.end))) for m in entity.mentions)
            if overlap > best_overlap:
                best, best_overlap = entity, overlap
        if best is None:
            clusters[name.id] = "missing:" + name.id
        else:
            key = block_key(best.name, best.type, best.kind, best.fixed_type)
            clusters[name.id] = resolution.global_id(key)
    return clusters


def score_resolution(names: list[GoldName], extractions: dict[str, ArticleExtraction], resolution: Resolution,
                     *, label: str) -> list[dict]:
    ours = our_clusters(names, extractions, resolution)
    gold = {n.id: n.entity for n in names}
    precision, recall, f1 = b_cubed(gold, ours)
    missing = sum(1 for n in names if ours[n.id].startswith("missing:"))
    entities = len(set(gold.values()))
    return [{"measure": f"{label}: cross-article B-cubed", "precision": precision, "recall": recall, "f1": f1,
             "counts": f"{len(names)} gold names of {entities} entities; {missing} not found (own cluster)"}]
