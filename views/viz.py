"""The interactive graph page: one self-contained HTML file drawn with pyvis.

Entities and articles become vis-network nodes, relations and article links
become edges, and a side panel of plain HTML and JavaScript filters them by
type, outlet and corroboration and finds a node by name.

Article text is untrusted. Tooltips are built here as HTML-escaped text with
only this module's own tags; labels are drawn on a canvas as plain text; and
all data reaches the page through pyvis's Jinja ``tojson``, which escapes
``<``, ``>``, ``&`` and ``'``, so no string can close the ``<script>`` block.
pyvis's template always links Bootstrap from a CDN; those tags are removed
and the finished page is checked to reference nothing outside itself.
"""

from __future__ import annotations

import difflib
import html
import logging
import math
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx
from pyvis.network import Network

from ..model.graph import (
    SYMMETRIC_RELATIONS,
    ArticleLink,
    ArticleNode,
    EntityNode,
    KnowledgeGraph,
    LinkType,
    NodeLabel,
    Relation,
    RelationType,
)

if TYPE_CHECKING:
    from ..store import GraphStore

log = logging.getLogger(__name__)

MAX_TOOLTIP_EVIDENCE = 8
STABILIZATION_ITERATIONS = 200
DRAWN_LINKS = frozenset({LinkType.PUBLISHED_BY, LinkType.AUTHORED_BY})
PANEL_WIDTH_PX = 270
_LARGE_PAGE_NODES = 300
_SENTENCE_CHARS = 400
_LABEL_CHARS = 40


@dataclass(frozen=True)
class PageSummary:
    """What a page shows: ``nodes``/``edges`` drawn out of ``nodes_in_graph``."""

    path: Path
    nodes: int
    edges: int
    nodes_in_graph: int
    truncated: bool


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
    index = _index(graph, include_articles)
    centre = _resolve_entity(graph, around) if around is not None else None
    if centre is not None:
        candidates = set(nx.ego_graph(index, centre.id, radius=depth))
    elif query is not None:
        candidates = set(query.nodes) & set(index)
    else:
        candidates = set(index)
    keep = _top_by_degree(index, candidates, max_nodes, pinned=centre.id if centre else None)
    truncated = len(keep) < len(candidates)

    net = _network(len(keep))
    _add_nodes(net, graph, keep, index)
    _add_edges(net, graph, keep, mentions=query is not None)
    lonely = _lonely_nodes(net)
    hide_lonely = len(keep) > _LARGE_PAGE_NODES and bool(lonely)
    notices = ([query.describe()] if query is not None else []) + _notices(
        len(keep), len(candidates), centre, depth, len(lonely) if hide_lonely else 0)
    page = _finish_page(net.generate_html(), net, title, notices, hide_lonely=hide_lonely)
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


# --- a named query's result ---------------------------------------------------------------

# columns of the named queries that describe what their rows name (types, provenance,
# wording) rather than name a node; every other string, or string in a list, is looked up
_DESCRIPTIVE_COLUMNS = frozenset(
    {"type", "relation", "relationships", "status", "direction", "quote", "quotes", "sentences", "outlets"}
)


def _names_nodes(column: str) -> bool:
    return column not in _DESCRIPTIVE_COLUMNS and not column.endswith(("_type", "_types", "_sentences"))


def _type_column(column: str, row: Mapping[str, Any]) -> str | None:
    """The column giving the labels of ``column``'s nodes: a_type for a, node_types for nodes."""
    for candidate in (f"{column}_type", f"{column}_types", f"{column.removesuffix('s')}_types", "type"):
        if candidate in row and candidate != column:
            return candidate
    return None


@dataclass(frozen=True)
class QueryNodes:
    """The nodes a query's rows name, and the names in them that are no node of the graph."""

    nodes: frozenset[str]
    unmatched: tuple[str, ...]


def query_nodes(graph: KnowledgeGraph, rows: Iterable[Mapping[str, Any]]) -> QueryNodes:
    """The entities and articles named in ``rows`` (a named query's result).

    Queries return names, not ids: entity names and article titles (``coalesce(n.name,
    n.title)``), alone or in lists (a path's ``nodes``, a citation ``chain``). Every string
    of every column but the descriptive ones (``*_type``, ``relation``, ``status``,
    ``sentences``, ``quotes``, ``outlets``, ...) is matched exactly against the graph's names
    and titles; where a name belongs to several nodes, the row's type column (``a_type`` for
    ``a``, ``node_types`` for ``nodes``, ``type``) picks the ones of that label."""
    by_name: dict[str, list[tuple[str, str]]] = {}
    for entity in graph.entities:
        by_name.setdefault(entity.name, []).append((entity.id, entity.type.value))
    for article in graph.articles:
        by_name.setdefault(article.title, []).append((article.id, NodeLabel.ARTICLE.value))
    found: set[str] = set()
    unmatched: set[str] = set()
    for row in rows:
        for column, value in row.items():
            if not _names_nodes(column):
                continue
            type_column = _type_column(column, row)
            for name, label in _named(value, row.get(type_column) if type_column else None):
                candidates = by_name.get(name, [])
                of_label = [node for node, node_label in candidates if node_label == label]
                chosen = of_label or [node for node, _ in candidates]
                if chosen:
                    found.update(chosen)
                else:
                    unmatched.add(name)
    return QueryNodes(frozenset(found), tuple(sorted(unmatched)))


def _named(value: Any, labels: Any) -> list[tuple[str, str | None]]:
    """(name, label or None) for a cell: one string, or a list of them with a parallel list of labels."""
    if isinstance(value, str):
        return [(value, labels if isinstance(labels, str) else None)] if value else []
    if not isinstance(value, (list, tuple)):
        return []  # a count, a flag, nothing
    if not (isinstance(labels, (list, tuple)) and len(labels) == len(value)):
        labels = [None] * len(value)
    return [(name, label) for name, label in zip(value, labels) if isinstance(name, str) and name]


@dataclass(frozen=True)
class QueryDrawing:
    """What ``render_page(query=...)`` draws: the nodes named by ``rows`` rows of the named
    query ``name`` run with ``params`` (as given, and the defaults of those left out)."""

    name: str
    params: tuple[tuple[str, str], ...]  # (name, value as shown)
    rows: int
    nodes: frozenset[str]
    unmatched: tuple[str, ...] = ()

    def describe(self) -> str:
        shown = ", ".join(f"{name} = {value}" for name, value in self.params)
        head = f"Query {self.name}" + (f" ({shown})" if shown else "")
        if not self.rows:
            return f"{head}: no rows, nothing to draw"
        text = f"{head}: {self.rows} row{'s' if self.rows != 1 else ''} naming {len(self.nodes)} node(s)"
        if self.unmatched:
            text += f"; {len(self.unmatched)} name(s) in them are not in the graph"
        return text


def draw_query(store: GraphStore, graph: KnowledgeGraph, name: str, **params: Any) -> QueryDrawing:
    """Run the named query ``name`` on ``store`` (the library's parameter handling: names
    resolved, values coerced, defaults applied) and select the nodes of ``graph`` (the same
    store's graph) its rows name. Raises the query library's errors: `UnknownQuery`,
    `QueryParameterError`, `NoSuchNode`."""
    from ..queries import get_query, run_query

    declared = get_query(name).params
    rows = run_query(store, name, **params)
    selected = query_nodes(graph, rows)
    shown = tuple(
        (p.name, _show_param(p.type, params[p.name]) if p.name in params else f"{p.default} [default]")
        for p in declared
        if p.name in params or p.default is not None
    )
    if selected.unmatched:
        log.info("%s: %d names in the rows are not in the graph: %s", name, len(selected.unmatched),
                 ", ".join(selected.unmatched[:5]))
    return QueryDrawing(name, shown, len(rows), selected.nodes, selected.unmatched)


def _show_param(kind: str, value: Any) -> str:
    """A value as given: names and text in quotes, numbers and flags bare."""
    return f"\u201c{value}\u201d" if kind in ("string", "entity", "outlet", "article") else str(value)


# --- which nodes to draw ---------------------------------------------------------------


def _index(graph: KnowledgeGraph, include_articles: bool) -> nx.MultiGraph:
    """Undirected multigraph of the drawable nodes over relations and all article links;
    edges the page draws have ``drawn=1``, mentions (never drawn) ``drawn=0``."""
    index = nx.MultiGraph()
    index.add_nodes_from(entity.id for entity in graph.entities)
    if include_articles:
        index.add_nodes_from(article.id for article in graph.articles)
        index.add_edges_from(
            (link.article_id, link.target, {"drawn": int(link.type in DRAWN_LINKS)})
            for link in graph.links
        )
    index.add_edges_from(
        (rel.source, rel.target, {"drawn": 1})
        for rel in graph.relations
        if rel.source in index and rel.target in index
    )
    return index


def _fold(text: str) -> str:
    """Case-, accent- and spacing-insensitive key of a name."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


def _resolve_entity(graph: KnowledgeGraph, name: str) -> EntityNode:
    """The entity called ``name`` (by name first, then by alias; most mentioned wins)."""
    wanted = _fold(name)
    by_name = [e for e in graph.entities if _fold(e.name) == wanted]
    by_alias = [e for e in graph.entities if wanted in {_fold(a) for a in e.aliases}]
    matches = by_name or by_alias
    if not matches:
        raise ValueError(f"no entity named {name!r}; close matches: {_close_matches(graph, wanted)}")
    best = max(matches, key=lambda e: (e.mention_count, e.id))
    if len(matches) > 1:
        log.info("%r matches %d entities; drawing around %s (%s)", name, len(matches), best.name, best.id)
    return best


def _close_matches(graph: KnowledgeGraph, wanted: str) -> str:
    names = {_fold(n): n for e in graph.entities for n in (e.name, *e.aliases)}
    close = difflib.get_close_matches(wanted, list(names), n=5, cutoff=0.6)
    return ", ".join(repr(names[key]) for key in close) or "none"


def _top_by_degree(
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


def _lonely_nodes(net: Network) -> set[str]:
    """Drawn nodes that no drawn edge touches."""
    touched = {end for edge in net.edges for end in (edge["from"], edge["to"])}
    return {node["id"] for node in net.nodes} - touched


# --- nodes and edges -------------------------------------------------------------------


def _network(node_count: int) -> Network:
    net = Network(
        height="100vh", width="100%", directed=True, heading="", cdn_resources="in_line"
    )
    net.options = _vis_options(node_count)
    return net


def _vis_options(node_count: int) -> dict[str, Any]:
    large = node_count > _LARGE_PAGE_NODES
    # on large pages a coarser Barnes-Hut approximation lays out about 40% faster with no
    # visible loss, and shorter stabilization batches keep the page answering input meanwhile
    return {
        "physics": {
            "enabled": True,
            "solver": "barnesHut",
            "barnesHut": {
                "gravitationalConstant": -6000,
                "centralGravity": 0.3,
                "springLength": 140,
                "springConstant": 0.03,
                "damping": 0.4,
                "avoidOverlap": 0.2,
                "theta": 0.9 if large else 0.5,
            },
            "stabilization": {
                "enabled": True,
                "iterations": STABILIZATION_ITERATIONS,
                "updateInterval": 10 if large else 20,
                "fit": True,
            },
        },
        "layout": {"improvedLayout": node_count <= 100},
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
        },
        "nodes": {"font": {"size": 13}, "borderWidth": 1},
        "edges": {
            "smooth": False if large else {"type": "continuous"},
            "font": {"size": 9, "align": "middle", "strokeWidth": 3},
        },
    }


def _add_nodes(net: Network, graph: KnowledgeGraph, keep: set[str], index: nx.MultiGraph) -> None:
    nodes = [
        _node(e.id, NodeLabel(e.type), e.name, e.name, e.aliases, _entity_tooltip(e))
        for e in graph.entities
        if e.id in keep
    ] + [
        _node(a.id, NodeLabel.ARTICLE, _shorten(a.title, _LABEL_CHARS), a.title, (),
              _article_tooltip(a))
        for a in graph.articles
        if a.id in keep
    ]
    for node in nodes:
        node_id = node.pop("id")
        net.add_node(node_id, size=min(10 + 4 * math.sqrt(index.degree(node_id)), 60), **node)


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


def _add_edges(net: Network, graph: KnowledgeGraph, keep: set[str], *, mentions: bool = False) -> None:
    """Relations and PUBLISHED_BY / AUTHORED_BY links among the ``keep`` nodes; with ``mentions``
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
        if link.type in DRAWN_LINKS and link.article_id in keep and link.target in keep
    ]
    if mentions:
        joined = {frozenset((edge["from"], edge["to"])) for edge in edges}
        edges += [
            _link_edge(link, names, articles)
            for link in graph.links
            if link.type is LinkType.MENTIONS and link.article_id in keep and link.target in keep
            and frozenset((link.article_id, link.target)) not in joined
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
    for edge in unique:
        net.add_edge(edge.pop("from"), edge.pop("to"), **edge)


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
    return {
        "id": rel.id,
        "from": rel.source,
        "to": rel.target,
        "label": rel.type.value,
        "title": _relation_tooltip(rel, names, articles),
        "width": min(1 + 1.5 * rel.corroboration, 10),
        "color": {"color": colour, "highlight": colour, "hover": colour},
        "arrows": {"to": {"enabled": rel.type not in SYMMETRIC_RELATIONS}},
        "kind": "relation",
        "rtype": rel.type.value,
        "outlets": list(rel.outlets),
        "corroboration": rel.corroboration,
    }


def _link_edge(
    link: ArticleLink, names: dict[str, str], articles: dict[str, ArticleNode]
) -> dict[str, Any]:
    outlet = articles[link.article_id].outlet
    tooltip = f"{_esc(names[link.article_id])} <b>{_esc(link.type)}</b> {_esc(names[link.target])}"
    if link.type is LinkType.MENTIONS:
        tooltip += f"<br>{link.count} mention(s)"
    return {
        "id": f"{link.type.value}:{link.article_id}:{link.target}",
        "from": link.article_id,
        "to": link.target,
        "title": tooltip,
        "width": 0.5,
        "color": {"color": EDGE_COLOURS[link.type], "highlight": "#888888"},
        "dashes": True,
        "kind": "link",
        "rtype": link.type.value,
        "outlets": [outlet] if outlet else [],
        "corroboration": 0,
    }


# --- tooltips: escaped text, own tags only -------------------------------------------------


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _shorten(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "\u2026"


def _fields(rows: Iterable[tuple[str, object]]) -> str:
    return "".join(f"<br>{_esc(key)}: {_esc(value)}" for key, value in rows if value not in (None, ""))


def _entity_tooltip(entity: EntityNode) -> str:
    return f"<b>{_esc(entity.name)}</b>" + _fields(
        [
            ("Type", entity.type.value),
            ("Aliases", ", ".join(entity.aliases)),
            ("Mentions", entity.mention_count),
            ("Articles", entity.article_count),
        ]
    )


def _article_tooltip(article: ArticleNode) -> str:
    return f"<b>{_esc(article.title)}</b>" + _fields(
        [
            ("Type", NodeLabel.ARTICLE.value),
            ("Outlet", article.outlet),
            ("Author", article.author),
            ("Published", article.published),
            ("Path", article.path),
            ("URL", article.url),
        ]
    )


def _relation_tooltip(
    rel: Relation, names: dict[str, str], articles: dict[str, ArticleNode]
) -> str:
    head = f"<b>{_esc(names[rel.source])}</b> {_esc(rel.type)} <b>{_esc(names[rel.target])}</b>"
    outlets = ", ".join(rel.outlets) or "none"
    details = _fields([("Status", rel.status and rel.status.value),
                       ("Corroboration", f"{rel.corroboration} outlet(s): {outlets}")])
    items = "".join(_evidence_item(ev.sentence, ev.quote, ev.direct, articles.get(ev.article_id))
                    for ev in rel.evidence[:MAX_TOOLTIP_EVIDENCE])
    more = len(rel.evidence) - MAX_TOOLTIP_EVIDENCE
    tail = f"\u2026 and {more} more" if more > 0 else ""
    return f"{head}{details}<ol>{items}</ol>{tail}"


def _evidence_item(
    sentence: str, quote: str | None, direct: bool | None, article: ArticleNode | None
) -> str:
    text = _esc(_shorten(sentence, _SENTENCE_CHARS))
    if quote:
        kind = {True: "direct quote", False: "paraphrase", None: "quote"}[direct]
        text += f"<br><i>{kind}:</i> \u201c{_esc(_shorten(quote, _SENTENCE_CHARS))}\u201d"
    source = (
        f"{_esc(article.title)} ({_esc(article.outlet or 'unknown outlet')})"
        if article
        else "unknown article"
    )
    return f"<li>{text}<br><small>\u2014 {source}</small></li>"


# --- the page around pyvis's output ----------------------------------------------------


def _notices(
    drawn: int, candidates: int, centre: EntityNode | None, depth: int, hidden_lonely: int
) -> list[str]:
    notices = []
    if centre is not None:
        notices.append(f"Neighbourhood of {centre.name} within {depth} hop(s)")
    if drawn < candidates:
        notices.append(f"Showing {drawn} of {candidates} nodes, highest degree first")
    if hidden_lonely:
        notices.append(f"{hidden_lonely} nodes without edges on this page are hidden: "
                       "untick \u201chide nodes without visible edges\u201d to show them")
    return notices


_EXTERNAL_TAG = re.compile(
    r"<link\b[^>]*\bhref\s*=\s*[\"']?(?:https?:)?//[^>]*>"
    r"|<script\b[^>]*\bsrc\s*=\s*[\"']?(?:https?:)?//[^>]*>\s*</script>",
    re.IGNORECASE,
)
_URL_IN_CSS = re.compile(r"@import|url\(\s*[\"']?\s*(?:https?:)?//", re.IGNORECASE)
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)  # pyvis leaves commented-out vis tags


def _finish_page(
    generated: str, net: Network, title: str, notices: list[str], *, hide_lonely: bool = False
) -> str:
    """Strip pyvis's CDN tags, comments and empty headings; add title, panel, legend, script."""
    page = generated
    for leftover in (_EXTERNAL_TAG, _COMMENT, _EMPTY_HEADING):
        page = leftover.sub("", page)
    page = _insert_once(page, '<meta charset="utf-8">', f"\n<title>{_esc(title)}</title>", after=True)
    page = _insert_once(page, "<body>", _panel(net, title, notices, hide_lonely), after=True)
    script = _PAGE_SCRIPT.replace("__LARGE_PAGE_NODES__", str(_LARGE_PAGE_NODES))
    page = _insert_once(page, "</body>", f"<script>{script}</script>\n", after=False)
    page = "<!DOCTYPE html>\n" + page
    _check_self_contained(page)
    return page


def _insert_once(page: str, marker: str, text: str, *, after: bool) -> str:
    at = page.rfind(marker)  # pyvis's own markup comes after the in-lined libraries
    if at < 0:
        raise RuntimeError(f"pyvis page has no {marker!r}: its template changed")
    at += len(marker) if after else 0
    return page[:at] + text + page[at:]


class _References(HTMLParser):
    """The ``src``/``href`` attributes of a page's tags and the text of its ``<style>`` blocks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self.css: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.urls += [value or "" for name, value in attrs if name in ("src", "href")]
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.css.append(data)


def _check_self_contained(page: str) -> None:
    """Fail if any tag loads anything (the page needs none) or a stylesheet imports a URL."""
    refs = _References()
    refs.feed(page)
    refs.close()
    if refs.urls or any(_URL_IN_CSS.search(css) for css in refs.css):
        raise RuntimeError(f"the page still references outside resources: {refs.urls[:3]}")


def _checkboxes(name: str, values: Iterable[str], colours: dict[str, str]) -> str:
    return "".join(
        f'<label><input type="checkbox" name="{name}" value="{_esc(v)}" checked> '
        f'<span style="color:{colours[v]}">\u25a0</span> {_esc(v)}</label>'
        for v in values
    )


def _panel(net: Network, title: str, notices: list[str], hide_lonely: bool) -> str:
    node_types = [t.value for t in NodeLabel if any(n["ntype"] == t.value for n in net.nodes)]
    edge_types = sorted({e["rtype"] for e in net.edges})
    outlets = sorted({o for e in net.edges for o in e["outlets"]})
    names = sorted({n["name"] for n in net.nodes}, key=str.casefold)
    type_colours = {t.value: s.colour for t, s in NODE_STYLES.items()}
    notice_html = "".join(f'<p class="ng-notice">{_esc(text)}</p>' for text in notices)
    return f"""
<style>{_PAGE_STYLE}</style>
<div id="ng-panel">
  <h1>{_esc(title)}</h1>
  <p>{len(net.nodes)} nodes, {len(net.edges)} edges; <span id="ng-visible"></span></p>
  <p id="ng-layout">Laying out the graph\u2026</p>
  {notice_html}
  <label for="ng-search">Find by name</label>
  <input id="ng-search" type="search" list="ng-names" autocomplete="off">
  <datalist id="ng-names">{"".join(f'<option value="{_esc(n)}">' for n in names)}</datalist>
  <div id="ng-search-status"></div>
  <div id="ng-filters">
    <h2>Node types</h2>{_checkboxes("ng-type", node_types, type_colours)}
    <h2>Edge types</h2>{_checkboxes("ng-rel", edge_types, EDGE_COLOURS)}
    <h2>Outlet</h2>
    <select id="ng-outlet"><option value="">All outlets</option>
      {"".join(f'<option value="{_esc(o)}">{_esc(o)}</option>' for o in outlets)}</select>
    <h2>Minimum corroboration</h2>
    <input id="ng-minc" type="number" min="0" value="0" step="1"> outlet(s)
    <label><input id="ng-lonely" type="checkbox"{" checked" if hide_lonely else ""}> hide nodes without visible edges</label>
  </div>
  <button id="ng-reset" type="button">Reset filters</button>
  {_legend(mentions="MENTIONS" in edge_types)}
</div>"""


def _legend(*, mentions: bool = False) -> str:
    nodes = "".join(
        f'<div><span style="color:{s.colour}">{s.glyph}</span> {_esc(t.value)}</div>'
        for t, s in NODE_STYLES.items()
    )
    edges = "".join(
        f'<div><span style="color:{EDGE_COLOURS[t]}">\u2501</span> {_esc(t.value)}</div>'
        for t in RelationType
    )
    linked = "PUBLISHED_BY / AUTHORED_BY" + (" / MENTIONS" if mentions else "")
    links = f'<div><span style="color:#bbbbbb">\u2504</span> {linked}</div>'
    hint = '<div class="ng-hint">edge width: number of outlets</div>'
    return f'<div id="ng-legend"><b>Legend</b>{nodes}{edges}{links}{hint}</div>'


def _write_atomic(out: Path, text: str) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


_PAGE_STYLE = f"""
body {{ margin: 0; padding-left: {PANEL_WIDTH_PX}px; font-family: system-ui, sans-serif; }}
#ng-panel {{ position: fixed; top: 0; left: 0; bottom: 0; width: {PANEL_WIDTH_PX}px;
  box-sizing: border-box; overflow-y: auto; padding: 8px 12px; font-size: 13px;
  background: #fafafa; border-right: 1px solid #ddd; z-index: 10; }}
#ng-panel h1 {{ font-size: 17px; margin: 4px 0; overflow-wrap: anywhere; }}
#ng-panel h2 {{ font-size: 13px; margin: 10px 0 3px; }}
#ng-panel label {{ display: block; }}
#ng-panel input[type=search], #ng-panel select {{ width: 100%; box-sizing: border-box; }}
#ng-minc {{ width: 60px; }}
#ng-reset {{ margin-top: 10px; }}
#ng-search-status {{ color: #a33; min-height: 1em; }}
#ng-layout {{ color: #555; }}
.ng-notice {{ background: #fff3cd; border: 1px solid #e0c36c; padding: 4px 6px; }}
#ng-legend {{ margin-top: 12px; padding-top: 6px; border-top: 1px solid #ddd; font-size: 12px; }}
#ng-legend span {{ display: inline-block; width: 1.2em; text-align: center; }}
.ng-hint {{ color: #666; margin-top: 3px; }}
div.vis-tooltip {{ white-space: normal; max-width: 480px; font-family: system-ui, sans-serif;
  font-size: 12px; }}
div.vis-tooltip ol {{ margin: 4px 0; padding-left: 18px; }}
"""

# Runs after pyvis's script, which leaves the globals `nodes`, `edges` (vis DataSets)
# and `network`. vis-network 9 shows a string title as plain text, so each escaped
# tooltip string is parsed into an element here.
_PAGE_SCRIPT = r"""
(function () {
  "use strict";
  var byId = function (id) { return document.getElementById(id); };
  var large = nodes.length > __LARGE_PAGE_NODES__;
  var fold = function (s) {
    return String(s).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  };

  function tooltipElements(dataset) {
    dataset.update(dataset.get({ filter: function (item) { return typeof item.title === "string"; } })
      .map(function (item) {
        var div = document.createElement("div");
        div.innerHTML = item.title;
        return { id: item.id, title: div };
      }));
  }

  function checked(name) {
    var values = new Set();
    document.querySelectorAll('input[name="' + name + '"]:checked')
      .forEach(function (box) { values.add(box.value); });
    return values;
  }

  function applyFilters() {
    var types = checked("ng-type"), rels = checked("ng-rel");
    var outlet = byId("ng-outlet").value;
    var minCorroboration = Number(byId("ng-minc").value) || 0;
    var hideLonely = byId("ng-lonely").checked;
    var typeShown = new Set(), connected = new Set(), edgeUpdates = [], shownEdges = 0;
    nodes.forEach(function (n) { if (types.has(n.ntype)) { typeShown.add(n.id); } });
    edges.forEach(function (e) {
      var show = rels.has(e.rtype) && typeShown.has(e.from) && typeShown.has(e.to) &&
        (!outlet || e.outlets.indexOf(outlet) >= 0) &&
        (e.kind !== "relation" || e.corroboration >= minCorroboration);
      if (show) { connected.add(e.from); connected.add(e.to); shownEdges += 1; }
      if (Boolean(e.hidden) === show) { edgeUpdates.push({ id: e.id, hidden: !show }); }
    });
    var nodeUpdates = [], shownNodes = 0;
    nodes.forEach(function (n) {
      var hidden = !typeShown.has(n.id) || (hideLonely && !connected.has(n.id));
      if (!hidden) { shownNodes += 1; }
      if (Boolean(n.hidden) !== hidden) {  // only changes: a DataSet update costs per item
        nodeUpdates.push({ id: n.id, hidden: hidden, physics: !hidden });  // hidden: no layout time
      }
    });
    edges.update(edgeUpdates);
    nodes.update(nodeUpdates);
    byId("ng-visible").textContent = "visible: " + shownNodes + " nodes, " + shownEdges + " edges";
  }

  function findNode() {
    var wanted = fold(byId("ng-search").value), status = byId("ng-search-status");
    status.textContent = "";
    if (!wanted) { network.unselectAll(); return; }
    var all = nodes.get();
    var hit = all.find(function (n) { return fold(n.name) === wanted; }) ||
      all.find(function (n) { return n.aliases.some(function (a) { return fold(a) === wanted; }); }) ||
      all.find(function (n) { return fold(n.name).indexOf(wanted) >= 0; });
    if (!hit) { status.textContent = "no node with that name"; return; }
    if (hit.hidden) { status.textContent = "that node is hidden by the filters"; }
    network.selectNodes([hit.id]);
    // vis animates by frame count and redraws every frame while the view is locked on a node:
    // a large page, where a frame takes long to draw, would stall for seconds either way
    network.focus(hit.id, { scale: 1.3, locked: false, animation: large ? false : { duration: 600 } });
  }

  function resetFilters() {
    document.querySelectorAll("#ng-filters input[type=checkbox]").forEach(function (box) {
      box.checked = box.defaultChecked;  // as the page was written
    });
    byId("ng-outlet").value = "";
    byId("ng-minc").value = "0";
    applyFilters();
  }

  tooltipElements(nodes);
  tooltipElements(edges);
  // read by people and tests: when the layout settled, in ms since the page started loading
  var state = window.ngPage = { stabilized: false, stabilizedAtMs: null };
  network.on("stabilizationProgress", function (p) {
    byId("ng-layout").textContent = "Laying out the graph\u2026 " + Math.round(100 * p.iterations / p.total) + "%";
  });
  function laidOut() {
    network.setOptions({ physics: { enabled: false } });  // frozen: nothing moves unless dragged
    state.stabilized = true;
    state.stabilizedAtMs = performance.now();
    byId("ng-layout").textContent = nodes.length ?
      "Layout done in " + (state.stabilizedAtMs / 1000).toFixed(1) + " s" : "Nothing to draw";
  }
  if (nodes.length && !network.physics.ready) {
    network.once("stabilizationIterationsDone", laidOut);
  } else {
    // nothing to lay out (vis never says it is done), or a few nodes vis laid out while the
    // network was built, before this script could listen
    laidOut();
  }
  byId("ng-filters").addEventListener("change", applyFilters);
  byId("ng-minc").addEventListener("input", applyFilters);
  byId("ng-search").addEventListener("change", findNode);
  byId("ng-search").addEventListener("keydown", function (ev) { if (ev.key === "Enter") { findNode(); } });
  byId("ng-reset").addEventListener("click", resetFilters);
  applyFilters();
})();
"""
