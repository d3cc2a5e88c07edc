"""The interactive graph page: one self-contained HTML file drawn with pyvis.

Entities and articles become vis-network nodes, relations and article links
become edges. The page opens on the most connected actors (pyvis draws them) and
holds the rest of its pool as JSON, with every detail of every node, for the
details panel (a click on a node) and for expanding a node's neighbours and
articles. A side panel of plain HTML and JavaScript filters by type, outlet,
corroboration and date and finds a node by name.

Article text is untrusted. Tooltips are built here as HTML-escaped text with
only this package's own tags; labels are drawn on a canvas as plain text; and
the drawn nodes reach the page through pyvis's Jinja ``tojson``, which escapes
``<``, ``>``, ``&`` and ``'``, and the rest through `embed.script_json`, which
escapes them and U+2028/U+2029, so no string can close the ``<script>`` block;
the panel's script writes every string as text (``textContent``), never markup.
pyvis's template always links Bootstrap from a CDN; those tags are removed
and the finished page is checked to reference nothing outside itself.

Files: `select` (which nodes), `elements` (nodes and edges), `tooltips`, `details` (the
panel's data), `embed` (JSON in a script block), `document` (the page around pyvis's
output, with `assets/page.css`, `assets/page.js` and `assets/panel.js`), `query` (a named
query's nodes).
"""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from ...model.graph import EntityNode, KnowledgeGraph, LinkType
from ...queries.resolver import Named, match_name
from ..files import write_text_atomic
from .details import page_details
from .document import LARGE_PAGE_NODES, finish_page, lonely_nodes, network, notices
from .elements import EDGE_COLOURS, edge_items, node_items
from .query import QueryDrawing, QueryNodes, draw_query, query_nodes
from .select import article_graph, evidence_graph, importance, select
from .tooltips import MAX_TOOLTIP_EVIDENCE

log = logging.getLogger(__name__)

__all__ = [
    "DEFAULT_TOP", "MAX_TOOLTIP_EVIDENCE", "PageSummary", "QueryDrawing", "QueryNodes", "draw_query", "iframe_html", "query_nodes",
    "render_page",
]


DEFAULT_TOP = 60


@dataclass(frozen=True)
class PageSummary:
    """What a page shows: ``nodes``/``edges`` drawn when it opens, ``pool`` nodes it holds
    (ready to be expanded to), out of ``nodes_in_graph``; ``truncated`` when the page opens
    on fewer nodes than it was asked to draw."""

    path: Path
    nodes: int
    edges: int
    pool: int
    nodes_in_graph: int
    truncated: bool


def render_page(
    graph: KnowledgeGraph,
    out: Path,
    *,
    title: str = "newsgraph",
    around: str | None = None,
    depth: int = 2,
    via_articles: bool = False,
    query: QueryDrawing | None = None,
    top: int = DEFAULT_TOP,
    max_nodes: int = 1500,
    include_articles: bool = True,
) -> PageSummary:
    """Write the interactive page of ``graph`` to ``out``. It opens on the ``top`` most
    connected actors (relations and statements) of the whole graph, or of one entity's
    neighbourhood (``around``, ``depth`` hops over relations; with ``via_articles`` also
    through the articles that mention them, which are then drawn), or on the nodes a named
    query's rows name (``query``, see `draw_query`). The page holds up to ``max_nodes``
    entities (and the articles that mention them) so that a click expands a node."""
    if depth < 0:
        raise ValueError(f"depth must be >= 0, got {depth}")
    if max_nodes < 1 or top < 1:
        raise ValueError(f"max_nodes and top must be >= 1, got {max_nodes} and {top}")
    if around is not None and query is not None:
        raise ValueError("draw either around an entity or a query's result, not both")
    articles = {a.id for a in graph.articles} if include_articles else set()
    centre = _centre(graph, around) if around is not None else None
    distance: dict[str, int] | None = None
    if centre is not None:
        walk = article_graph(graph) if via_articles and include_articles else evidence_graph(graph)
        distance = nx.single_source_shortest_path_length(walk, centre.id, cutoff=depth)
        candidates = set(distance)
    elif query is not None:
        candidates = set(query.nodes) & ({e.id for e in graph.entities} | articles)
    else:
        candidates = {e.id for e in graph.entities} | (articles if via_articles else set())
    chosen = select(graph, candidates, top=top, max_nodes=max_nodes, centre=centre.id if centre else None,
                    distance=distance, draw_all=query is not None, draw_articles=via_articles)
    pool = set(chosen.pool)
    pool |= {link.source for link in graph.links if link.target in pool and link.source in articles}
    score = importance(graph)

    node_list = node_items(graph, pool, score)
    edge_list = edge_items(graph, pool, mentions=query is not None)
    drawn = chosen.initial
    net = network(len(drawn))
    for node in node_list:
        if node["id"] in drawn:
            net.add_node(node["id"], **{k: v for k, v in node.items() if k != "id"})
    for edge in edge_list:
        if edge["from"] in drawn and edge["to"] in drawn:
            net.add_edge(edge["from"], edge["to"], **{k: v for k, v in edge.items() if k not in ("from", "to")})
    lonely = lonely_nodes(net)
    hide_lonely = len(drawn) > LARGE_PAGE_NODES and bool(lonely)
    data = {
        "nodes": [n for n in node_list if n["id"] not in drawn],
        "edges": [e for e in edge_list if not (e["from"] in drawn and e["to"] in drawn)],
        "details": page_details(graph, pool),
        "mention_colour": EDGE_COLOURS[LinkType.MENTIONS],
    }
    page_notices = ([query.describe()] if query is not None else []) + notices(
        len(drawn), chosen.candidates, len(pool), centre, depth, via_articles, len(lonely) if hide_lonely else 0)
    page = finish_page(net.generate_html(), net, title, page_notices, data, node_list, edge_list,
                       hide_lonely=hide_lonely)
    _write_atomic(out, page)

    truncated = len(drawn) < len(candidates)
    log.info("wrote %s: %d nodes, %d edges drawn; %d nodes held", out, len(net.nodes), len(net.edges), len(pool))
    return PageSummary(out, len(net.nodes), len(net.edges), len(pool), len(graph.entities) + len(articles), truncated)


def iframe_html(page: Path, *, height: int = 650) -> str:
    """A written page as a sandboxed ``<iframe srcdoc>``, e.g. for ``IPython.display.HTML``
    in a notebook: the page's scripts run in a frame of their own, with no access to the
    notebook around it, and it needs no file server."""
    text = page.read_text(encoding="utf-8")
    return (
        f'<div><iframe sandbox="allow-scripts" srcdoc="{html.escape(text, quote=True)}" '
        f'style="width: 100%; height: {int(height)}px; border: 1px solid #ddd"></iframe></div>'
    )


def _centre(graph: KnowledgeGraph, name: str) -> EntityNode:
    """The entity ``name`` names, by the resolver every command uses; of several, the most
    mentioned (a name match before an alias match)."""
    by_id = {e.id: e for e in graph.entities}
    matches = match_name(
        (Named(e.id, e.name, e.aliases, e.mention_count) for e in graph.entities), name, what="entity")
    best = by_id[matches.best().id]
    if len(matches.ids()) > 1:
        log.info("%r matches %d entities; drawing around %s (%s)", name, len(matches.ids()), best.name, best.id)
    return best


def _write_atomic(out: Path, text: str) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomic(out, text)
