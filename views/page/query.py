"""A named query's result on the page: the nodes its rows name."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ...model.graph import KnowledgeGraph, NodeLabel

if TYPE_CHECKING:
    from ...queries import CypherRunner

log = logging.getLogger(__name__)


# columns of the named queries that describe what their rows name (types, provenance,
# wording) rather than name a node; every other string, or string in a list, is looked up
_DESCRIPTIVE_COLUMNS = frozenset(
    {"type", "relation", "relationships", "status", "modality", "direction", "quote", "quotes", "sentences", "outlets",
     "first_seen", "last_seen", "wordings", "article_ids", "sentence", "statement", "direct"}
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

def draw_query(store: CypherRunner, graph: KnowledgeGraph, name: str, **params: Any) -> QueryDrawing:
    """Run the named query ``name`` on ``store`` (the library's parameter handling: names
    resolved, values coerced, defaults applied) and select the nodes of ``graph`` (the same
    store's graph) its rows name. Raises the query library's errors: `UnknownQuery`,
    `QueryParameterError`, `NoSuchNode`."""
    from ...queries import get_query, run_query

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
