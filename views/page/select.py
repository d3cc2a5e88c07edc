"""Which nodes the graph page draws: the whole graph, a neighbourhood or a query's nodes,
cut to the most connected ones."""

from __future__ import annotations

import networkx as nx
from pyvis.network import Network

from ...model.graph import KnowledgeGraph
from .elements import DRAWN_LINKS


def drawable(graph: KnowledgeGraph, include_articles: bool) -> nx.MultiGraph:
    """Undirected multigraph of the drawable nodes (entities, articles) over relations and article
    links; edges the page draws have ``drawn=1``, mentions (never drawn) ``drawn=0``. Statements
    are no nodes of the page: they are shown with their speakers."""
    index = nx.MultiGraph()
    index.add_nodes_from(entity.id for entity in graph.entities)
    if include_articles:
        index.add_nodes_from(article.id for article in graph.articles)
        index.add_edges_from(
            (link.source, link.target, {"drawn": int(link.type in DRAWN_LINKS)})
            for link in graph.links
            if link.source in index and link.target in index
        )
    index.add_edges_from(
        (rel.source, rel.target, {"drawn": 1})
        for rel in graph.relations
        if rel.source in index and rel.target in index
    )
    return index


def top_by_degree(
    index: nx.MultiGraph, candidates: set[str], max_nodes: int, pinned: str | None
) -> set[str]:
    """The ``max_nodes`` candidates with most drawn edges, then most links of any kind.

    Drawn edges come first: a node known only through mentions would be a dot without
    edges on the page, and on a real corpus such dots would fill the whole cap."""
    ranked = sorted(
        candidates,
        key=lambda node: (node != pinned, -index.degree(node, weight="drawn"), -index.degree(node), node),
    )
    return set(ranked[:max_nodes])

def lonely_nodes(net: Network) -> set[str]:
    """Drawn nodes that no drawn edge touches."""
    touched = {end for edge in net.edges for end in (edge["from"], edge["to"])}
    return {node["id"] for node in net.nodes} - touched
