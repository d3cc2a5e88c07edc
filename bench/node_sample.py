"""A seeded random sample of a graph's entity nodes, to judge by hand how many are junk.

    .venv/bin/python bench/node_sample.py GRAPH.json [--size 100] [--seed 15] [--corpus DIR] > sample.tsv

GRAPH.json is `newsgraph export --format json` of an ingest (e.g. the BBC business articles).
One line per sampled entity (Article and Statement nodes are not sampled): type, name, aliases,
mentions, articles, and the first line of the corpus (`--corpus`, the ingested folder) that
holds the name, so that each node can be judged from the list alone. The judging columns
(`junk`, `why`) are left for the judge to fill in.
"""

from __future__ import annotations

import argparse
import json
import hashlib
import sys
from pathlib import Path

ENTITY_LABELS = ("Person", "Government", "Organization", "Outlet", "Location")


def sample_nodes(graph: dict, *, size: int, seed: int) -> list[dict]:
    """The `size` entities whose ids hash lowest under `seed`: a node keeps its draw whatever else
    changes in the graph, so two ingests of one corpus are sampled alike."""
    entities = [n for n in graph["nodes"] if _kind(n) in ENTITY_LABELS]
    return sorted(entities, key=lambda n: hashlib.sha256(f"{seed}:{n['id']}".encode()).hexdigest())[:size]


def _kind(node: dict) -> str | None:
    """The node's entity type: `type` in today's export (`label` is its display name), `label` before."""
    return node.get("type") or node.get("label")


def first_line_with(name: str, texts: list[str]) -> str:
    for text in texts:
        for line in text.splitlines():
            if name in line:
                return line.strip()[:200]
    return ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graph", type=Path)
    parser.add_argument("--size", type=int, default=100)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--corpus", type=Path)
    args = parser.parse_args()
    graph = json.loads(args.graph.read_text(encoding="utf-8"))
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(args.corpus.rglob("*.txt"))] if args.corpus else []
    out = sys.stdout
    out.write("type\tname\taliases\tmentions\tarticles\tcontext\tjunk\twhy\n")
    for node in sample_nodes(graph, size=args.size, seed=args.seed):
        context = first_line_with(node["name"], texts).replace("\t", " ")
        out.write(f"{_kind(node)}\t{node['name']}\t{'; '.join(node.get('aliases', []))}\t{node.get('mention_count', 0)}\t"
                  f"{node.get('article_count', 0)}\t{context}\t\t\n")


if __name__ == "__main__":
    main()
