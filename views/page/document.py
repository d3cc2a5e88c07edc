"""The page around pyvis's output: title, side panel, legend, the details panel, the
page's data (JSON), our CSS and JavaScript (`assets/`, inlined), and the check that the
finished page loads nothing from outside."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from html.parser import HTMLParser
from importlib import resources
from typing import Any

from pyvis.network import Network

from ...model.graph import EntityNode, NodeLabel, RelationType
from .elements import EDGE_COLOURS, NODE_STYLES, VERIFIED_MARK
from .embed import script_json
from .tooltips import esc

STABILIZATION_ITERATIONS = 200
LARGE_PAGE_NODES = 300
LAYOUT_SEED = 7  # vis places the nodes from this seed: the same layout on every load


def network(node_count: int) -> Network:
    net = Network(
        height="100vh", width="100%", directed=True, heading="", cdn_resources="in_line"
    )
    net.options = _vis_options(node_count)
    return net

def _vis_options(node_count: int) -> dict[str, Any]:
    large = node_count > LARGE_PAGE_NODES
    # on large pages a coarser Barnes-Hut approximation lays out about 40% faster with no
    # visible loss, and shorter stabilization batches keep the page answering input meanwhile
    return {
        "physics": {
            "enabled": True,
            "solver": "barnesHut",
            "barnesHut": {
                "gravitationalConstant": -6000,
                "centralGravity": 1.0,
                "springLength": 200,
                "springConstant": 0.03,
                "damping": 0.4,
                "avoidOverlap": 0.6,
                "theta": 0.9 if large else 0.5,
            },
            "stabilization": {
                "enabled": True,
                "iterations": STABILIZATION_ITERATIONS,
                "updateInterval": 10 if large else 20,
                "fit": True,
            },
        },
        "layout": {"improvedLayout": node_count <= 100, "randomSeed": LAYOUT_SEED},
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
        },
        # sized by how connected a node is, its label with it; a label drawn smaller than
        # drawThreshold pixels (the small nodes' when zoomed out) is not drawn at all
        "nodes": {"font": {"size": 13}, "borderWidth": 1,
                  "scaling": {"min": 8, "max": 40,
                              "label": {"enabled": True, "min": 16, "max": 40, "maxVisible": 40,
                                        "drawThreshold": 9}}},
        "edges": {
            "smooth": False if large else {"type": "continuous"},
            "font": {"size": 9, "align": "middle", "strokeWidth": 3},
        },
    }

def lonely_nodes(net: Network) -> set[str]:
    """Drawn nodes that no drawn edge touches."""
    touched = {end for edge in net.edges for end in (edge["from"], edge["to"])}
    return {node["id"] for node in net.nodes} - touched


def notices(
    drawn: int, candidates: int, pooled: int, centre: EntityNode | None, depth: int, via_articles: bool,
    hidden_lonely: int,
) -> list[str]:
    notices = []
    if centre is not None:
        through = "relations and the articles that mention them" if via_articles else "evidence-backed relations"
        notices.append(f"Neighbourhood of {centre.name} within {depth} hop(s) over {through}")
    if drawn < candidates:
        notices.append(f"Showing {drawn} of {candidates} nodes, most connected first; "
                       f"{pooled} are on the page: double-click a node (or \u201cShow neighbours\u201d) to expand it")
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


def finish_page(
    generated: str, net: Network, title: str, notices: list[str], data: dict[str, Any],
    nodes: list[dict[str, Any]], edges: list[dict[str, Any]], *, hide_lonely: bool = False,
) -> str:
    """Strip pyvis's CDN tags, comments and empty headings; add title, panels, legend, the
    page's data (``data``: the pool's nodes and edges not drawn yet, and the details) and
    the scripts. The filters offer what ``nodes`` and ``edges`` (the whole pool) hold."""
    page = generated
    for leftover in (_EXTERNAL_TAG, _COMMENT, _EMPTY_HEADING):
        page = leftover.sub("", page)
    page = _insert_once(page, '<meta charset="utf-8">', f"\n<title>{esc(title)}</title>", after=True)
    page = _insert_once(page, "<body>", _panel(net, nodes, edges, title, notices, hide_lonely) + _details_panel(),
                        after=True)
    scripts = (f'<script type="application/json" id="ng-data">{script_json(data)}</script>\n'
               f"<script>{asset('page.js')}</script>\n<script>{asset('panel.js')}</script>\n")
    page = _insert_once(page, "</body>", scripts, after=False)
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
        f'<label><input type="checkbox" name="{name}" value="{esc(v)}" checked> '
        f'<span style="color:{colours[v]}">\u25a0</span> {esc(v)}</label>'
        for v in values
    )

def _panel(
    net: Network, nodes: list[dict[str, Any]], edges: list[dict[str, Any]], title: str, notices: list[str],
    hide_lonely: bool,
) -> str:
    node_types = [t.value for t in NodeLabel if any(n["ntype"] == t.value for n in nodes)]
    # articles are drawn with their MENTIONS when asked for: the filter offers those
    edge_types = sorted({e["rtype"] for e in edges} | ({"MENTIONS"} if "Article" in node_types else set()))
    outlets = sorted({o for e in edges for o in e["outlets"]})
    names = sorted({n["name"] for n in nodes}, key=str.casefold)
    type_colours = {t.value: s.colour for t, s in NODE_STYLES.items()}
    notice_html = "".join(f'<p class="ng-notice">{esc(text)}</p>' for text in notices)
    return f"""
<style>{asset('page.css')}</style>
<div id="ng-panel" data-large-page-nodes="{LARGE_PAGE_NODES}">
  <h1>{esc(title)}</h1>
  <p>Opened with {len(net.nodes)} nodes, {len(net.edges)} edges of {len(nodes)} nodes on the page;
    <span id="ng-visible"></span></p>
  <p id="ng-layout">Laying out the graph\u2026</p>
  <p class="ng-hint">Click a node or an edge for everything known about it; double-click a node to draw its
    neighbours.</p>
  {notice_html}
  <label for="ng-search">Find by name</label>
  <input id="ng-search" type="search" list="ng-names" autocomplete="off">
  <datalist id="ng-names">{"".join(f'<option value="{esc(n)}">' for n in names)}</datalist>
  <div id="ng-search-status"></div>
  <div id="ng-filters">
    <h2>Node types</h2>{_checkboxes("ng-type", node_types, type_colours)}
    <h2>Edge types</h2>{_checkboxes("ng-rel", edge_types, EDGE_COLOURS)}
    <h2>Outlet</h2>
    <select id="ng-outlet"><option value="">All outlets</option>
      {"".join(f'<option value="{esc(o)}">{esc(o)}</option>' for o in outlets)}</select>
    <h2>Minimum corroboration</h2>
    <input id="ng-minc" type="number" min="0" value="0" step="1"> outlet(s)
    <h2>Reported between</h2>
    <input id="ng-from" type="date" aria-label="reported from"> and <input id="ng-to" type="date" aria-label="reported up to">
    <label><input id="ng-lonely" type="checkbox"{" checked" if hide_lonely else ""}> hide nodes without visible edges</label>
  </div>
  <button id="ng-reset" type="button">Reset filters</button>
  {_legend(mentions="MENTIONS" in edge_types)}
</div>"""

def _legend(*, mentions: bool = False) -> str:
    nodes = "".join(
        f'<div><span style="color:{s.colour}">{s.glyph}</span> {esc(t.value)}</div>'
        for t, s in NODE_STYLES.items()
    )
    edges = "".join(
        f'<div><span style="color:{EDGE_COLOURS[t]}">\u2501</span> {esc(t.value)}</div>'
        for t in RelationType
    )
    linked = "PUBLISHED_BY / AUTHORED_BY" + (" / MENTIONS" if mentions else "")
    links = f'<div><span style="color:#bbbbbb">\u2504</span> {linked}</div>'
    hint = (f'<div class="ng-hint">edge width: number of outlets; wider, solid and {VERIFIED_MARK}: '
            'verified by a person</div>')
    return f'<div id="ng-legend"><b>Legend</b>{nodes}{edges}{links}{hint}</div>'


def _details_panel() -> str:
    """Where a click on a node or an edge shows everything known about it (filled by panel.js)."""
    return """
<aside id="ng-details" hidden>
  <button id="ng-details-close" type="button" aria-label="close">\u00d7</button>
  <div id="ng-details-body"></div>
</aside>"""


@cache
def asset(name: str) -> str:
    """One of the page's own files (`assets/page.css`, `assets/page.js`)."""
    return resources.files(__package__).joinpath("assets", name).read_text(encoding="utf-8")
