"""Small analyses of a KnowledgeGraph with networkx, for notebooks and reports.

Everything starts from `to_networkx`: the entity graph is its relations between
entities (no articles, no mentions), with a symmetric relation such as MET_WITH
counted in both directions.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import networkx as nx

from .model import EntityType, KnowledgeGraph, RelationType
from .networkx_io import to_networkx

ACTOR_TYPES = frozenset({EntityType.PERSON, EntityType.GOVERNMENT, EntityType.ORGANIZATION})


@dataclass(frozen=True)
class TypeCounts:
    """The graph in numbers."""

    articles: int
    entities: Counter[str]  # by entity type
    relations: Counter[str]  # edges by relation type
    evidence: Counter[str]  # evidence sentences by relation type
    links: Counter[str]  # article links by link type


def type_counts(graph: KnowledgeGraph) -> TypeCounts:
    relations: Counter[str] = Counter()
    evidence: Counter[str] = Counter()
    for rel in graph.relations:
        relations[rel.type.value] += 1
        evidence[rel.type.value] += len(rel.evidence)
    return TypeCounts(
        articles=len(graph.articles),
        entities=Counter(e.type.value for e in graph.entities),
        relations=relations,
        evidence=evidence,
        links=Counter(link.type.value for link in graph.links),
    )


def entity_graph(graph: KnowledgeGraph) -> nx.DiGraph:
    """Entities joined by their relations: one edge per direction, ``weight`` = evidence sentences,
    ``types`` = the relation types; symmetric relations go both ways. Nodes keep `to_networkx`'s
    attributes (``label`` is the entity type, ``name``)."""
    multi = to_networkx(graph, articles=False, mentions=False)
    simple = nx.DiGraph()
    simple.add_nodes_from(multi.nodes(data=True))
    for source, target, data in multi.edges(data=True):
        ends = [(source, target), (target, source)] if data.get("symmetric") else [(source, target)]
        for u, v in ends:
            if simple.has_edge(u, v):
                simple[u][v]["weight"] += len(data["evidence"])
                simple[u][v]["types"].add(data["type"])
            else:
                simple.add_edge(u, v, weight=len(data["evidence"]), types={data["type"]})
    return simple


@dataclass(frozen=True)
class Centrality:
    id: str
    name: str
    type: str
    degree: int  # distinct entities it has a relation with
    betweenness: float  # on the undirected entity graph
    pagerank: float  # on the directed entity graph, weighted by evidence


def centrality(graph: KnowledgeGraph, *, types: frozenset[EntityType] | None = ACTOR_TYPES) -> list[Centrality]:
    """Degree, betweenness and PageRank of the entities of ``types`` (all entities: None) that
    take part in at least one relation, highest PageRank first. Every entity counts as a path
    or a link; ``types`` only selects the rows."""
    directed = entity_graph(graph)
    undirected = directed.to_undirected()
    connected = [node for node in directed if undirected.degree(node) > 0]
    if not connected:
        return []
    betweenness = nx.betweenness_centrality(undirected)
    pagerank = nx.pagerank(directed, weight="weight")
    wanted = {t.value for t in types} if types is not None else None
    rows = [
        Centrality(
            id=node, name=directed.nodes[node]["name"], type=directed.nodes[node]["label"],
            degree=undirected.degree(node), betweenness=betweenness[node], pagerank=pagerank[node],
        )
        for node in connected
        if wanted is None or directed.nodes[node]["label"] in wanted
    ]
    return sorted(rows, key=lambda row: (-row.pagerank, row.name))


def communities(graph: KnowledgeGraph, *, seed: int = 7, resolution: float = 1.0) -> list[list[str]]:
    """Louvain communities of the entities that take part in a relation, as lists of entity ids,
    largest first (ties: by first name). Edges are weighted by evidence; ``seed`` makes it repeatable."""
    undirected = nx.Graph()
    for u, v, data in entity_graph(graph).edges(data=True):
        weight = undirected[u][v]["weight"] + data["weight"] if undirected.has_edge(u, v) else data["weight"]
        undirected.add_edge(u, v, weight=weight)
    if undirected.number_of_edges() == 0:
        return []
    found = nx.community.louvain_communities(undirected, weight="weight", resolution=resolution, seed=seed)
    names = {e.id: e.name for e in graph.entities}
    ordered = [sorted(group, key=lambda node: names[node].casefold()) for group in found]
    return sorted(ordered, key=lambda group: (-len(group), names[group[0]].casefold()))


@dataclass(frozen=True)
class Quotation:
    """One quote: ``speaker`` quoted by ``quoted_by`` (an outlet), as reported in an article of
    ``reported_by`` (the article's outlet, None when unknown)."""

    speaker: str
    quoted_by: str
    reported_by: str | None
    article_id: str
    quote: str | None
    direct: bool | None
    sentence: str


def quotations(graph: KnowledgeGraph) -> list[Quotation]:
    """Every QUOTED_BY evidence sentence, with names instead of ids."""
    names = {e.id: e.name for e in graph.entities}
    outlets = {a.id: a.outlet for a in graph.articles}
    return [
        Quotation(
            speaker=names[rel.source], quoted_by=names[rel.target], reported_by=outlets.get(ev.article_id),
            article_id=ev.article_id, quote=ev.quote, direct=ev.direct, sentence=ev.sentence,
        )
        for rel in graph.relations
        if rel.type is RelationType.QUOTED_BY
        for ev in rel.evidence
    ]


def who_quoted_whom(graph: KnowledgeGraph) -> dict[str, Counter[tuple[str, str]]]:
    """Per reporting outlet ("unknown outlet" when an article has none): how often each
    (quoting outlet, speaker) pair appears in its articles."""
    table: dict[str, Counter[tuple[str, str]]] = {}
    for q in quotations(graph):
        table.setdefault(q.reported_by or "unknown outlet", Counter())[(q.quoted_by, q.speaker)] += 1
    return dict(sorted(table.items()))
