"""The graph as flat rows, the shape every store writes and reads back.

A relation's evidence is stored as parallel list properties (`evidence_ids`,
`article_ids`, `sentences`, `ev_start`, ...): Neo4j and LadybugDB both store
lists of primitives, neither stores lists of maps. Property keys are one
closed set, declared here once, for the schema DDL of both stores.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from ..model.graph import (
    ALLOWED_LINKS,
    ALLOWED_RELATIONS,
    ArticleLink,
    ArticleNode,
    EntityNode,
    EntityType,
    Evidence,
    KnowledgeGraph,
    LinkType,
    Modality,
    NodeLabel,
    Relation,
    RelationType,
    SanctionStatus,
)

# property name -> LadybugDB type; Neo4j takes the same names untyped
ARTICLE_PROPERTIES: dict[str, str] = {
    "id": "STRING", "title": "STRING", "path": "STRING", "outlet": "STRING", "author": "STRING",
    "published": "STRING", "url": "STRING", "chars": "INT64",
}
ENTITY_PROPERTIES: dict[str, str] = {
    "id": "STRING", "name": "STRING", "aliases": "STRING[]", "mention_count": "INT64", "article_count": "INT64",
}
RELATION_PROPERTIES: dict[str, str] = {
    "id": "STRING", "status": "STRING", "modality": "STRING", "corroboration": "INT64", "article_count": "INT64", "outlets": "STRING[]",
    "evidence_ids": "STRING[]", "article_ids": "STRING[]", "ev_start": "INT64[]", "ev_end": "INT64[]",
    "sentences": "STRING[]", "rules": "STRING[]", "quotes": "STRING[]", "direct": "BOOLEAN[]",
}
LINK_PROPERTIES: dict[LinkType, dict[str, str]] = {
    LinkType.PUBLISHED_BY: {},
    LinkType.AUTHORED_BY: {},
    LinkType.MENTIONS: {"mentions": "INT64"},
}

Row = dict[str, Any]


def node_properties(label: NodeLabel) -> dict[str, str]:
    return ARTICLE_PROPERTIES if label is NodeLabel.ARTICLE else ENTITY_PROPERTIES


def endpoint_pairs(rel_type: RelationType | LinkType) -> list[tuple[NodeLabel, NodeLabel]]:
    table = ALLOWED_RELATIONS if isinstance(rel_type, RelationType) else ALLOWED_LINKS
    return sorted(table[rel_type])


def article_row(article: ArticleNode) -> Row:
    return article.model_dump()


def entity_row(entity: EntityNode) -> Row:
    return {"id": entity.id, "name": entity.name, "aliases": list(entity.aliases),
            "mention_count": entity.mention_count, "article_count": entity.article_count}


def node_rows(graph: KnowledgeGraph) -> dict[NodeLabel, list[Row]]:
    rows: dict[NodeLabel, list[Row]] = {label: [] for label in NodeLabel}
    rows[NodeLabel.ARTICLE] = [article_row(a) for a in graph.articles]
    for e in graph.entities:
        rows[NodeLabel(e.type)].append(entity_row(e))
    return rows


def relation_row(rel: Relation) -> Row:
    ev = rel.evidence
    return {
        "from": rel.source, "to": rel.target, "from_label": rel.source_label.value, "to_label": rel.target_label.value,
        "id": rel.id, "status": rel.status.value if rel.status else None,
        "modality": rel.modality.value if rel.modality else None,
        "corroboration": rel.corroboration, "article_count": len(rel.article_ids), "outlets": list(rel.outlets),
        "evidence_ids": [e.id for e in ev], "article_ids": [e.article_id for e in ev],
        "ev_start": [e.start for e in ev], "ev_end": [e.end for e in ev], "sentences": [e.sentence for e in ev],
        "rules": [e.rule for e in ev], "quotes": [e.quote or "" for e in ev], "direct": [bool(e.direct) for e in ev],
    }


def relation_rows(graph: KnowledgeGraph) -> dict[RelationType, list[Row]]:
    rows: dict[RelationType, list[Row]] = {t: [] for t in RelationType}
    for rel in graph.relations:
        rows[rel.type].append(relation_row(rel))
    return rows


def link_row(link: ArticleLink) -> Row:
    row: Row = {"from": link.article_id, "to": link.target, "from_label": NodeLabel.ARTICLE.value,
                "to_label": link.target_label.value}
    if link.type is LinkType.MENTIONS:
        row["mentions"] = link.count
    return row


def link_rows(graph: KnowledgeGraph) -> dict[LinkType, list[Row]]:
    rows: dict[LinkType, list[Row]] = {t: [] for t in LinkType}
    for link in graph.links:
        rows[link.type].append(link_row(link))
    return rows


def graph_from_rows(
    nodes: dict[NodeLabel, Iterable[Row]],
    relations: dict[RelationType, Iterable[Row]],
    links: dict[LinkType, Iterable[Row]],
) -> KnowledgeGraph:
    """The inverse of the three functions above: what a store reads back."""
    articles = [ArticleNode(**{k: r.get(k) for k in ARTICLE_PROPERTIES}) for r in nodes.get(NodeLabel.ARTICLE, ())]
    entities = [
        EntityNode(id=r["id"], type=EntityType(label.value), name=r["name"], aliases=tuple(r["aliases"] or ()),
                   mention_count=r["mention_count"], article_count=r["article_count"])
        for label, rs in nodes.items() if label is not NodeLabel.ARTICLE for r in rs
    ]
    rels = []
    for rel_type, rs in relations.items():
        for r in rs:
            evidence = tuple(
                Evidence(id=i, article_id=a, start=s, end=e, sentence=sent, rule=rule, quote=q or None,
                         direct=d if rel_type is RelationType.QUOTED_BY or q else None)
                for i, a, s, e, sent, rule, q, d in zip(
                    r["evidence_ids"], r["article_ids"], r["ev_start"], r["ev_end"], r["sentences"],
                    r["rules"], r["quotes"], r["direct"], strict=True,
                )
            )
            rels.append(Relation(
                id=r["id"], type=rel_type, source=r["from"], target=r["to"],
                source_label=NodeLabel(r["from_label"]), target_label=NodeLabel(r["to_label"]),
                status=SanctionStatus(r["status"]) if r.get("status") else None,
                modality=Modality(r["modality"]) if r.get("modality") else None,
                evidence=evidence, outlets=tuple(r["outlets"] or ()),
            ))
    link_objs = [
        ArticleLink(type=link_type, article_id=r["from"], target=r["to"], target_label=NodeLabel(r["to_label"]),
                    count=r.get("mentions") or 1)
        for link_type, rs in links.items() for r in rs
    ]
    return KnowledgeGraph(
        articles=tuple(sorted(articles, key=lambda a: a.id)),
        entities=tuple(sorted(entities, key=lambda e: e.id)),
        relations=tuple(sorted(rels, key=lambda r: (r.type.value, r.source, r.target, r.id))),
        links=tuple(sorted(link_objs, key=lambda l: (l.type.value, l.article_id, l.target))),
    )


def group_by_endpoints(rows: Iterable[Row]) -> dict[tuple[str, str], list[Row]]:
    grouped: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in rows:
        grouped[(row["from_label"], row["to_label"])].append(row)
    return grouped
