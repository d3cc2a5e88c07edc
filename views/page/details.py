"""Everything the page knows about its nodes, for the side panel and for expanding a node:
the entities, articles, relations (every evidence sentence) and statements of the pool,
and which articles mention which entity. Plain data: the page's script shows it as text."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ...model.graph import Evidence, KnowledgeGraph, LinkType, Relation, Statement


def page_details(graph: KnowledgeGraph, pool: set[str]) -> dict[str, Any]:
    """The details of the ``pool`` nodes: their relations among themselves and with the
    articles of the pool, the statements of pooled speakers, and every article any of those
    cite (title, outlet, date, link) even when the article is no node of the page."""
    relations = [rel for rel in graph.relations if rel.source in pool and rel.target in pool]
    statements = [s for s in graph.statements if s.speaker in pool]
    mentions: dict[str, list[str]] = {}
    for link in graph.links:
        if link.type is LinkType.MENTIONS and link.source in pool and link.target in pool:
            mentions.setdefault(link.target, []).append(link.source)
    cited = {ev.article_id for item in (*relations, *statements) for ev in item.evidence}
    wanted = pool | cited
    return {
        "entities": {
            e.id: {"name": e.name, "type": e.type.value, "aliases": list(e.aliases),
                   "mentions": e.mention_count, "articles": e.article_count}
            for e in graph.entities if e.id in pool
        },
        "articles": {
            a.id: {"title": a.title, "outlet": a.outlet, "author": a.author, "published": a.published,
                   "url": a.url, "path": a.path}
            for a in graph.articles if a.id in wanted
        },
        "relations": {rel.id: _relation(rel) for rel in relations},
        "statements": {s.id: _statement(s) for s in statements},
        "mentions": mentions,
    }


def _relation(rel: Relation) -> dict[str, Any]:
    return {
        "type": rel.type.value, "source": rel.source, "target": rel.target,
        "modality": rel.modality.value if rel.modality else None,
        "status": rel.status.value if rel.status else None,
        "verified": rel.verified, "outlets": list(rel.outlets), "corroboration": rel.corroboration,
        "first_seen": rel.first_seen, "last_seen": rel.last_seen, "evidence": _evidence(rel.evidence),
    }


def _statement(statement: Statement) -> dict[str, Any]:
    return {
        "text": statement.text, "speaker": statement.speaker, "kind": statement.kind, "cue": statement.cue,
        "verified": statement.verified, "outlets": list(statement.outlets),
        "first_seen": statement.first_seen, "last_seen": statement.last_seen,
        # each article's wording, where it is not the statement's
        "evidence": [{"sentence": ev.sentence, "article": ev.article_id,
                      **({"quote": ev.quote, "direct": ev.direct} if ev.quote and ev.quote != statement.text else {})}
                     for ev in statement.evidence],
    }


def _evidence(items: Iterable[Evidence]) -> list[dict[str, Any]]:
    return [{"sentence": ev.sentence, "quote": ev.quote, "direct": ev.direct, "article": ev.article_id}
            for ev in items]
