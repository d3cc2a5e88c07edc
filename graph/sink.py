"""Where assembly writes (`GraphSink`): the protocol the stores implement, kept apart from the
assembly itself so that a store can be opened without loading resolution."""

from __future__ import annotations

from typing import Protocol

from ..model.graph import ArticleNode, EntityNode, Link, Relation, Statement


class GraphSink(Protocol):
    """Where assembly writes: all nodes first, then the edges, each in chunks."""

    def add_articles(self, rows: list[ArticleNode]) -> None: ...

    def add_entities(self, rows: list[EntityNode]) -> None: ...

    def add_relations(self, rows: list[Relation]) -> None: ...

    def add_statements(self, rows: list[Statement]) -> None: ...

    def add_links(self, rows: list[Link]) -> None: ...
