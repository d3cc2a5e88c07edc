"""Assemble the corpus's `KnowledgeGraph` from article extractions.

Pure: extractions in, graph out. The same relation found in several articles
becomes one edge carrying every evidence item (deduplicated by evidence id)
and the distinct outlets that reported it.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence

from newsgraph.ingest.link import Resolution, metadata_records, resolve
from newsgraph.ingest.records import ArticleExtraction

from .ids import evidence_id, relation_id
from .model import (
    ALLOWED_LINKS,
    SYMMETRIC_RELATIONS,
    ArticleLink,
    ArticleNode,
    EntityNode,
    EntityType,
    Evidence,
    KnowledgeGraph,
    LinkType,
    NodeLabel,
    Relation,
    relation_allowed,
)

log = logging.getLogger(__name__)


def build_graph(extractions: Sequence[ArticleExtraction]) -> KnowledgeGraph:
    resolution = resolve(extractions)
    labels = {e.id: NodeLabel(e.type) for e in resolution.entities.values()}
    articles = {x.article.id: x.article for x in extractions}
    labels.update({a: NodeLabel.ARTICLE for a in articles})
    outlet_of = {x.article.id: _resolved_outlet(x, resolution) for x in extractions}

    evidence: dict[tuple, dict[str, Evidence]] = defaultdict(dict)
    dropped = 0
    for x in extractions:
        article = x.article.id
        for rel in x.relations:
            source = article if rel.source == article else resolution.global_id(article, rel.source)
            target = resolution.global_id(article, rel.target)
            if rel.type in SYMMETRIC_RELATIONS:
                source, target = sorted((source, target))
            if source == target or not relation_allowed(rel.type, labels[source], labels[target]):
                dropped += 1
                continue
            bucket = evidence[(rel.type, source, target, rel.status)]
            for item in rel.evidence:
                ev_id = evidence_id(article, item.start, item.end, item.rule)
                bucket[ev_id] = Evidence(
                    id=ev_id, article_id=article, start=item.start, end=item.end, sentence=item.sentence,
                    rule=item.rule, quote=item.quote, direct=item.direct,
                )
    if dropped:
        log.debug("dropped %d relations that became self-loops or left the schema after resolution", dropped)

    relations = []
    for (rel_type, source, target, status), items in evidence.items():
        ordered = tuple(sorted(items.values(), key=lambda e: (e.article_id, e.start, e.rule)))
        outlets = sorted({outlet_of[e.article_id] for e in ordered if outlet_of[e.article_id]})
        relations.append(
            Relation(
                id=relation_id(rel_type, source, target, status=status),
                type=rel_type, source=source, target=target, source_label=labels[source],
                target_label=labels[target], status=status, evidence=ordered, outlets=tuple(outlets),
            )
        )
    return KnowledgeGraph(
        articles=tuple(
            ArticleNode(
                id=a.id, title=a.title, path=a.path, outlet=a.outlet, author=a.author,
                published=a.published, url=a.url, chars=a.chars,
            )
            for a in sorted(articles.values(), key=lambda a: a.id)
        ),
        entities=tuple(
            EntityNode(
                id=e.id, type=e.type, name=e.name, aliases=e.aliases,
                mention_count=e.mention_count, article_count=e.article_count,
            )
            for e in sorted(resolution.entities.values(), key=lambda e: e.id)
        ),
        relations=tuple(sorted(relations, key=lambda r: (r.type.value, r.source, r.target, r.id))),
        links=tuple(sorted(_links(extractions, resolution, labels), key=lambda l: (l.type.value, l.article_id, l.target))),
    )


def _resolved_outlet(extraction: ArticleExtraction, resolution: Resolution) -> str | None:
    """The name of the Outlet node the article's metadata outlet resolved to."""
    for record in metadata_records(extraction):
        if record.type is EntityType.OUTLET:
            return resolution.entities[resolution.global_id(extraction.article.id, record.id)].name
    return None


def _links(
    extractions: Sequence[ArticleExtraction], resolution: Resolution, labels: dict[str, NodeLabel]
) -> list[ArticleLink]:
    links = []
    for x in extractions:
        article = x.article.id
        for record in metadata_records(x):
            target = resolution.global_id(article, record.id)
            link_type = LinkType.PUBLISHED_BY if record.type is EntityType.OUTLET else LinkType.AUTHORED_BY
            if (NodeLabel.ARTICLE, labels[target]) in ALLOWED_LINKS[link_type]:
                links.append(ArticleLink(type=link_type, article_id=article, target=target, target_label=labels[target]))
        counts: dict[str, int] = defaultdict(int)
        for record in x.entities:
            if record.mentions:
                counts[resolution.global_id(article, record.id)] += len(record.mentions)
        for target, count in sorted(counts.items()):
            links.append(ArticleLink(type=LinkType.MENTIONS, article_id=article, target=target,
                                     target_label=labels[target], count=count))
    return links
