"""The vis-network nodes and edges of the graph page, styled by type."""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass
from typing import Any

from ...model.graph import (
    SYMMETRIC_RELATIONS,
    ArticleNode,
    KnowledgeGraph,
    Link,
    LinkType,
    NodeLabel,
    Relation,
    RelationType,
)
from .tooltips import article_tooltip, entity_tooltip, esc, relation_tooltip, shorten

log = logging.getLogger(__name__)

DRAWN_LINKS = frozenset({LinkType.PUBLISHED_BY, LinkType.AUTHORED_BY})
_LABEL_CHARS = 40
VERIFIED_MARK = "\u2714"  # a heavy check mark after the label
VERIFIED_EXTRA_WIDTH = 3


@dataclass(frozen=True)
class _NodeStyle:
    colour: str
    shape: str  # a vis-network shape
    glyph: str  # how the legend draws the shape


NODE_STYLES: dict[NodeLabel, _NodeStyle] = {
    NodeLabel.PERSON: _NodeStyle("#4e79a7", "dot", "\u25cf"),
    NodeLabel.GOVERNMENT: _NodeStyle("#e15759", "hexagon", "\u2b22"),
    NodeLabel.ORGANIZATION: _NodeStyle("#59a14f", "triangle", "\u25b2"),
    NodeLabel.LOCATION: _NodeStyle("#b07aa1", "triangleDown", "\u25bc"),
    NodeLabel.OUTLET: _NodeStyle("#f28e2b", "diamond", "\u25c6"),
    NodeLabel.ARTICLE: _NodeStyle("#9e9e9e", "square", "\u25a0"),
}

EDGE_COLOURS: dict[str, str] = {
    RelationType.MET_WITH: "#4e79a7",
    RelationType.SANCTIONED: "#d62728",
    RelationType.ACCUSED: "#f28e2b",
    RelationType.QUOTED_BY: "#17becf",
    RelationType.CITES: "#8c564b",
    LinkType.PUBLISHED_BY: "#bbbbbb",
    LinkType.AUTHORED_BY: "#bbbbbb",
    LinkType.MENTIONS: "#d5d5d5",  # drawn on query pages only, where nothing else joins the two
}


def node_items(graph: KnowledgeGraph, keep: set[str], score: dict[str, int]) -> list[dict[str, Any]]:
    """The vis-network nodes of the ``keep`` entities and articles, in the graph's order (a
    fixed order, so the seeded layout is the same on every load); ``value`` (how connected by
    evidence) sizes a node and its label."""
    said = Counter(s.speaker for s in graph.statements if s.speaker in keep)
    nodes = [
        _node(e.id, NodeLabel(e.type), e.name, e.name, e.aliases, entity_tooltip(e, said[e.id]))
        for e in graph.entities
        if e.id in keep
    ] + [
        _node(a.id, NodeLabel.ARTICLE, shorten(a.title, _LABEL_CHARS), a.title, (),
              article_tooltip(a))
        for a in graph.articles
        if a.id in keep
    ]
    for node in nodes:
        node["value"] = 1 + score.get(node["id"], 0)
    return nodes

def _node(
    node_id: str, label: NodeLabel, text: str, name: str, aliases: tuple[str, ...], tooltip: str
) -> dict[str, Any]:
    style = NODE_STYLES[label]
    return {
        "id": node_id,
        "label": text,
        "shape": style.shape,
        "color": style.colour,
        # pyvis switches every tooltip to its link popup when a node title contains "href";
        # a character reference shows the same text without tripping that check
        "title": tooltip.replace("href", "&#104;ref"),
        "ntype": label.value,
        "name": name,
        "aliases": list(aliases),
    }

def edge_items(graph: KnowledgeGraph, keep: set[str], *, mentions: bool = False) -> list[dict[str, Any]]:
    """The vis-network edges: relations and PUBLISHED_BY / AUTHORED_BY links among the ``keep`` nodes; with ``mentions``
    (a query's page: a shortest connection may run through an article's mentions), also the
    MENTIONS links between an article and an entity that nothing else on the page joins."""
    names = {e.id: e.name for e in graph.entities} | {a.id: a.title for a in graph.articles}
    articles = {a.id: a for a in graph.articles}
    edges = [
        _relation_edge(rel, names, articles)
        for rel in graph.relations
        if rel.source in keep and rel.target in keep
    ] + [
        _link_edge(link, names, articles)
        for link in graph.links
        if link.type in DRAWN_LINKS and link.source in keep and link.target in keep
    ]
    if mentions:
        joined = {frozenset((edge["from"], edge["to"])) for edge in edges}
        edges += [
            _link_edge(link, names, articles)
            for link in graph.links
            if link.type is LinkType.MENTIONS and link.source in keep and link.target in keep
            and frozenset((link.source, link.target)) not in joined
        ]
    seen: set[str] = set()
    unique = []
    for edge in edges:
        if edge["id"] in seen:  # a repeated id would stop the page's DataSet from loading
            log.warning("skipping edge with repeated id %s", edge["id"])
            continue
        seen.add(edge["id"])
        unique.append(edge)
    _spread_parallel_edges(unique)
    return unique


_PARALLEL_SPREAD = 0.3  # vis roundness between neighbouring curves of one pair of nodes


def _spread_parallel_edges(edges: list[dict[str, Any]]) -> None:
    """Give edges that join the same two nodes their own curves, fanned out on both sides.

    Drawn with one shape they would lie on top of each other: only one could be hovered,
    and vis would show the tooltip of whichever came last, not of the edge under the mouse."""
    pairs: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for edge in edges:
        pairs.setdefault(tuple(sorted((edge["from"], edge["to"]))), []).append(edge)
    for (first, _), group in pairs.items():
        if len(group) < 2:
            continue
        for number, edge in enumerate(group):
            bend = (number - (len(group) - 1) / 2) * _PARALLEL_SPREAD
            if bend == 0:
                edge["smooth"] = {"enabled": False}
                continue
            clockwise = (bend > 0) == (edge["from"] == first)  # the same side whichever way it points
            edge["smooth"] = {"enabled": True, "type": "curvedCW" if clockwise else "curvedCCW",
                              "roundness": abs(bend)}

def _relation_edge(
    rel: Relation, names: dict[str, str], articles: dict[str, ArticleNode]
) -> dict[str, Any]:
    colour = EDGE_COLOURS[rel.type]
    label = rel.type.value + (f" ({rel.modality.value})" if rel.modality and rel.modality.value != "asserted" else "")
    return {
        "id": rel.id,
        "from": rel.source,
        "to": rel.target,
        "label": label + (f" {VERIFIED_MARK}" if rel.verified else ""),
        "title": relation_tooltip(rel, names, articles),
        # a verified relation is drawn wider, in bold, and solid whatever its modality
        "width": min(1 + 1.5 * rel.corroboration, 10) + (VERIFIED_EXTRA_WIDTH if rel.verified else 0),
        "color": {"color": colour, "highlight": colour, "hover": colour},
        "arrows": {"to": {"enabled": rel.type not in SYMMETRIC_RELATIONS}},
        "kind": "relation",
        "rtype": rel.type.value,
        "outlets": list(rel.outlets),
        "corroboration": rel.corroboration,
        "first_seen": rel.first_seen or "",
        "last_seen": rel.last_seen or "",
        "verified": rel.verified,
        "dashes": not rel.verified and rel.modality is not None and rel.modality.value != "asserted",
    }

def _link_edge(
    link: Link, names: dict[str, str], articles: dict[str, ArticleNode]
) -> dict[str, Any]:
    outlet = articles[link.source].outlet
    tooltip = f"{esc(names[link.source])} <b>{esc(link.type)}</b> {esc(names[link.target])}"
    if link.type is LinkType.MENTIONS:
        tooltip += f"<br>{link.count} mention(s)"
    return {
        "id": f"{link.type.value}:{link.source}:{link.target}",
        "from": link.source,
        "to": link.target,
        "title": tooltip,
        "width": 0.5,
        "color": {"color": EDGE_COLOURS[link.type], "highlight": "#888888"},
        "dashes": True,
        "kind": "link",
        "rtype": link.type.value,
        "outlets": [outlet] if outlet else [],
        "corroboration": 0,
        "first_seen": "",
        "last_seen": "",
    }
