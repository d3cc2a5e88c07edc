"""Which nodes the graph page holds and which it opens on: the most connected actors of the
whole graph, of one entity's neighbourhood, or a query's nodes.

Two graphs serve the choice: the evidence graph (entities joined by relations, the edges
that carry sentences) and the article graph (the same, plus articles and their links:
PUBLISHED_BY, AUTHORED_BY, MENTIONS). Neighbourhoods follow the first unless asked to walk
through articles (co-mentions)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import networkx as nx

from ...model.graph import KnowledgeGraph

@dataclass(frozen=True)
class Selection:
    """``pool``: the nodes the page holds (drawn or ready to be expanded to), most connected
    first; ``initial``: those drawn when it opens."""

    pool: tuple[str, ...]
    initial: frozenset[str]
    candidates: int


def evidence_graph(graph: KnowledgeGraph) -> nx.MultiGraph:
    """Entities over evidence-backed relations (an article citing a source is an article's, not an entity's)."""
    index = nx.MultiGraph()
    index.add_nodes_from(entity.id for entity in graph.entities)
    index.add_edges_from(
        (rel.source, rel.target) for rel in graph.relations if rel.source in index and rel.target in index)
    return index


def article_graph(graph: KnowledgeGraph) -> nx.MultiGraph:
    """Entities and articles over relations and every article link (mentions included)."""
    index = nx.MultiGraph()
    index.add_nodes_from(entity.id for entity in graph.entities)
    index.add_nodes_from(article.id for article in graph.articles)
    index.add_edges_from(
        (rel.source, rel.target) for rel in graph.relations if rel.source in index and rel.target in index)
    index.add_edges_from(
        (link.source, link.target) for link in graph.links if link.source in index and link.target in index)
    return index


def importance(graph: KnowledgeGraph) -> dict[str, int]:
    """How connected each entity is by evidence: its relations plus the statements it made."""
    score: Counter[str] = Counter()
    for rel in graph.relations:
        score[rel.source] += 1
        score[rel.target] += 1
    for statement in graph.statements:
        if statement.speaker is not None:
            score[statement.speaker] += 1
    return dict(score)


def select(
    graph: KnowledgeGraph,
    candidates: set[str],
    *,
    top: int,
    max_nodes: int,
    centre: str | None = None,
    distance: dict[str, int] | None = None,
    draw_all: bool = False,
    draw_articles: bool = False,
) -> Selection:
    """Rank ``candidates`` (the centre first, then nearest to it, then most connected by
    evidence, most mentioned, by id), keep ``max_nodes`` entities in the pool (articles do
    not count: they are drawn only when asked for), and draw the first ``top`` entities
    with evidence (all of the pool with ``draw_all``, as a query's page does), and the
    pooled articles with ``draw_articles``."""
    score = importance(graph)
    mentions = {e.id: e.mention_count for e in graph.entities}
    articles = {a.id for a in graph.articles}
    near = distance or {}

    def rank(node: str) -> tuple:
        return (node != centre, near.get(node, 0), -score.get(node, 0), -mentions.get(node, 0), node)

    entities = sorted((n for n in candidates if n not in articles), key=rank)[:max_nodes]
    pooled_articles = sorted(n for n in candidates if n in articles)
    # actors first: an entity only mentioned waits for its articles to be shown (unless the
    # page walks through articles, or no entity has any evidence at all)
    actors = entities if draw_articles else [n for n in entities if score.get(n, 0) > 0 or n == centre] or entities
    drawn = set(entities if draw_all else actors[:top])
    if draw_articles or draw_all:
        drawn.update(pooled_articles)
    return Selection(tuple(entities) + tuple(pooled_articles), frozenset(drawn), len(candidates))
