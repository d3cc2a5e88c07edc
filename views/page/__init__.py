"""The interactive graph page: one self-contained HTML file drawn with pyvis.

Entities and articles become vis-network nodes, relations and article links
become edges, and a side panel of plain HTML and JavaScript filters them by
type, outlet and corroboration and finds a node by name.

Article text is untrusted. Tooltips are built here as HTML-escaped text with
only this package's own tags; labels are drawn on a canvas as plain text; and
all data reaches the page through pyvis's Jinja ``tojson``, which escapes
``<``, ``>``, ``&`` and ``'``, so no string can close the ``<script>`` block.
pyvis's template always links Bootstrap from a CDN; those tags are removed
and the finished page is checked to reference nothing outside itself.

Files: `select` (which nodes), `elements` (nodes and edges), `tooltips`, `document`
(the page around pyvis's output, with `assets/page.css` and `assets/page.js`), `query`
(a named query's nodes).
"""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from ...model.graph import EntityNode, KnowledgeGraph
from ...queries.resolver import Named, match_name
from ..files import write_text_atomic
from .document import LARGE_PAGE_NODES, finish_page, network, notices
from .elements import add_edges, add_nodes
from .query import QueryDrawing, QueryNodes, draw_query, query_nodes
from .select import drawable, lonely_nodes, top_by_degree
from .tooltips import MAX_TOOLTIP_EVIDENCE

log = logging.getLogger(__name__)

__all__ = [
    "MAX_TOOLTIP_EVIDENCE", "PageSummary", "QueryDrawing", "QueryNodes", "draw_query", "iframe_html", "query_nodes",
    "render_page",
]


@dataclass(frozen=True)
class PageSummary:
    """What a page shows: ``nodes``/``edges`` drawn out of ``nodes_in_graph``."""

    path: Path
    nodes: int
    edges: int
    nodes_in_graph: int
    truncated: bool


def render_page(
    graph: KnowledgeGraph,
    out: Path,
    *,
    title: str = "newsgraph",
    around: str | None = None,
    depth: int = 2,
    query: QueryDrawing | None = None,
    max_nodes: int = 1500,
    include_articles: bool = True,
) -> PageSummary:
    """Write the interactive page of ``graph`` to ``out``: all of it, one entity's neighbourhood
    (``around``, ``depth`` hops), or the nodes a named query's rows name (``query``, see
    `draw_query`), with the relations among them."""
    if depth < 0:
        raise ValueError(f"depth must be >= 0, got {depth}")
    if max_nodes < 1:
        raise ValueError(f"max_nodes must be >= 1, got {max_nodes}")
    if around is not None and query is not None:
        raise ValueError("draw either around an entity or a query's result, not both")
    index = drawable(graph, include_articles)
    centre = _centre(graph, around) if around is not None else None
    if centre is not None:
        candidates = set(nx.ego_graph(index, centre.id, radius=depth))
    elif query is not None:
        candidates = set(query.nodes) & set(index)
    else:
        candidates = set(index)
    keep = top_by_degree(index, candidates, max_nodes, pinned=centre.id if centre else None)
    truncated = len(keep) < len(candidates)

    net = network(len(keep))
    add_nodes(net, graph, keep, index)
    add_edges(net, graph, keep, mentions=query is not None)
    lonely = lonely_nodes(net)
    hide_lonely = len(keep) > LARGE_PAGE_NODES and bool(lonely)
    page_notices = ([query.describe()] if query is not None else []) + notices(
        len(keep), len(candidates), centre, depth, len(lonely) if hide_lonely else 0)
    page = finish_page(net.generate_html(), net, title, page_notices, hide_lonely=hide_lonely)
    _write_atomic(out, page)

    if truncated:
        log.warning("%s: drew %d of %d nodes, highest degree first", out, len(keep), len(candidates))
    log.info("wrote %s: %d nodes, %d edges", out, len(net.nodes), len(net.edges))
    return PageSummary(out, len(net.nodes), len(net.edges), index.number_of_nodes(), truncated)


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
