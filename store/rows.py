"""The graph as flat rows, the shape every store writes and reads back.

A relation's or a statement's evidence is stored as parallel list properties
(`evidence_ids`, `article_ids`, `sentences`, `ev_start`, `quotes`: each article's
wording, ...): Neo4j and LadybugDB both store lists of primitives, neither stores
lists of maps. Property keys are one closed set, declared here once, for the schema
DDL of both stores. A statement's speaker is its SAID link.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ..model.graph import (
    ALLOWED_LINKS,
    ALLOWED_RELATIONS,
    ArticleNode,
    EntityNode,
    EntityType,
    Evidence,
    KnowledgeGraph,
    Link,
    LinkType,
    Modality,
    NodeLabel,
    Relation,
    RelationType,
    SanctionStatus,
    Statement,
)
from ..model.names import name_key

# property name -> LadybugDB type; Neo4j takes the same names untyped
ARTICLE_PROPERTIES: dict[str, str] = {
    "id": "STRING", "title": "STRING", "path": "STRING", "outlet": "STRING", "author": "STRING",
    "published": "STRING", "url": "STRING", "chars": "INT64",
}
ENTITY_PROPERTIES: dict[str, str] = {
    "id": "STRING", "name": "STRING", "aliases": "STRING[]", "mention_count": "INT64", "article_count": "INT64",
}
# what every evidence-backed relation and statement holds: counts, dates, one list item per evidence
EVIDENCE_PROPERTIES: dict[str, str] = {
    "corroboration": "INT64", "article_count": "INT64", "outlets": "STRING[]", "first_seen": "STRING",
    "last_seen": "STRING", "evidence_ids": "STRING[]", "article_ids": "STRING[]", "ev_start": "INT64[]",
    "ev_end": "INT64[]", "sentences": "STRING[]", "rules": "STRING[]", "quotes": "STRING[]", "direct": "BOOLEAN[]",
    "verified": "BOOLEAN",
}
RELATION_PROPERTIES: dict[str, str] = {"id": "STRING", "status": "STRING", "modality": "STRING", **EVIDENCE_PROPERTIES}
STATEMENT_PROPERTIES: dict[str, str] = {
    "id": "STRING", "text": "STRING", "described_speaker": "STRING", "kind": "STRING", "cue": "STRING",
    "receiver": "STRING", **EVIDENCE_PROPERTIES,
}
LINK_PROPERTIES: dict[LinkType, dict[str, str]] = {
    LinkType.PUBLISHED_BY: {},
    LinkType.AUTHORED_BY: {},
    LinkType.MENTIONS: {"mentions": "INT64"},
    LinkType.REPORTS: {},
    LinkType.SAID: {},
}

Row = dict[str, Any]


def node_properties(label: NodeLabel) -> dict[str, str]:
    if label is NodeLabel.ARTICLE:
        return ARTICLE_PROPERTIES
    return STATEMENT_PROPERTIES if label is NodeLabel.STATEMENT else ENTITY_PROPERTIES


def endpoint_pairs(rel_type: RelationType | LinkType) -> list[tuple[NodeLabel, NodeLabel]]:
    table = ALLOWED_RELATIONS if isinstance(rel_type, RelationType) else ALLOWED_LINKS
    return sorted(table[rel_type])


def entity_name_keys(entity: EntityNode) -> list[str]:
    """What names an entity in a name lookup, each once: its id, and the comparison key
    (`model.names.name_key`) of its name and of each alias. Both stores keep these (the
    embedded store's `NameKey` table, Neo4j's `NameKey` nodes)."""
    return name_keys_of(entity.id, entity.name, entity.aliases)


def name_keys_of(entity_id: str, name: str, aliases: Iterable[str]) -> list[str]:
    """`entity_name_keys` of a stored node's id, name and aliases."""
    keys = (entity_id, *(name_key(form) for form in (name, *aliases)))
    return [key for key in dict.fromkeys(keys) if key]


def article_row(article: ArticleNode) -> Row:
    return article.model_dump()


def entity_row(entity: EntityNode) -> Row:
    return {"id": entity.id, "name": entity.name, "aliases": list(entity.aliases),
            "mention_count": entity.mention_count, "article_count": entity.article_count}


def statement_row(statement: Statement) -> Row:
    return {"id": statement.id, "text": statement.text, "described_speaker": statement.described_speaker,
            "kind": statement.kind, "cue": statement.cue, "receiver": statement.receiver,
            **_evidence_row(statement.evidence, statement.outlets, statement.first_seen, statement.last_seen),
            "verified": statement.verified}


def node_rows(graph: KnowledgeGraph) -> dict[NodeLabel, list[Row]]:
    rows: dict[NodeLabel, list[Row]] = {label: [] for label in NodeLabel}
    rows[NodeLabel.ARTICLE] = [article_row(a) for a in graph.articles]
    rows[NodeLabel.STATEMENT] = [statement_row(s) for s in graph.statements]
    for e in graph.entities:
        rows[NodeLabel(e.type)].append(entity_row(e))
    return rows


def _evidence_row(ev: tuple[Evidence, ...], outlets: tuple[str, ...], first: str | None, last: str | None) -> Row:
    return {
        "corroboration": len(outlets), "article_count": len({e.article_id for e in ev}), "outlets": list(outlets),
        "first_seen": first, "last_seen": last,
        "evidence_ids": [e.id for e in ev], "article_ids": [e.article_id for e in ev],
        "ev_start": [e.start for e in ev], "ev_end": [e.end for e in ev], "sentences": [e.sentence for e in ev],
        "rules": [e.rule for e in ev], "quotes": [e.quote or "" for e in ev], "direct": [bool(e.direct) for e in ev],
    }


def _evidence(r: Row, *, quoted: bool) -> tuple[Evidence, ...]:
    """The evidence items of a stored row (`quoted`: every item has its words, as on statements)."""
    return tuple(
        Evidence(id=i, article_id=a, start=s, end=e, sentence=sent, rule=rule, quote=q or None,
                 direct=d if quoted or q else None)
        for i, a, s, e, sent, rule, q, d in zip(
            r["evidence_ids"], r["article_ids"], r["ev_start"], r["ev_end"], r["sentences"],
            r["rules"], r["quotes"], r["direct"], strict=True,
        )
    )


def relation_row(rel: Relation) -> Row:
    return {
        "from": rel.source, "to": rel.target, "from_label": rel.source_label.value, "to_label": rel.target_label.value,
        "id": rel.id, "status": rel.status.value if rel.status else None,
        "modality": rel.modality.value if rel.modality else None,
        **_evidence_row(rel.evidence, rel.outlets, rel.first_seen, rel.last_seen), "verified": rel.verified,
    }


def relation_rows(graph: KnowledgeGraph) -> dict[RelationType, list[Row]]:
    rows: dict[RelationType, list[Row]] = {t: [] for t in RelationType}
    for rel in graph.relations:
        rows[rel.type].append(relation_row(rel))
    return rows


def link_row(link: Link) -> Row:
    row: Row = {"from": link.source, "to": link.target, "from_label": link.source_label.value,
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
        for label, rs in nodes.items() if label not in (NodeLabel.ARTICLE, NodeLabel.STATEMENT) for r in rs
    ]
    rels = [
        Relation(
            id=r["id"], type=rel_type, source=r["from"], target=r["to"],
            source_label=NodeLabel(r["from_label"]), target_label=NodeLabel(r["to_label"]),
            status=SanctionStatus(r["status"]) if r.get("status") else None,
            modality=Modality(r["modality"]) if r.get("modality") else None,
            evidence=_evidence(r, quoted=rel_type is RelationType.QUOTED_BY), outlets=tuple(r["outlets"] or ()),
            first_seen=r.get("first_seen"), last_seen=r.get("last_seen"), verified=bool(r.get("verified")),
        )
        for rel_type, rs in relations.items() for r in rs
    ]
    link_objs = [
        Link(type=link_type, source=r["from"], source_label=NodeLabel(r["from_label"]), target=r["to"],
             target_label=NodeLabel(r["to_label"]), count=r.get("mentions") or 1)
        for link_type, rs in links.items() for r in rs
    ]
    speakers = {link.target: link for link in link_objs if link.type is LinkType.SAID}
    statements = [
        Statement(
            id=r["id"], text=r["text"], described_speaker=r.get("described_speaker"), kind=r["kind"], cue=r.get("cue"),
            receiver=r.get("receiver"), speaker=speakers[r["id"]].source if r["id"] in speakers else None,
            speaker_label=speakers[r["id"]].source_label if r["id"] in speakers else None,
            evidence=_evidence(r, quoted=True), outlets=tuple(r["outlets"] or ()),
            first_seen=r.get("first_seen"), last_seen=r.get("last_seen"), verified=bool(r.get("verified")),
        )
        for r in nodes.get(NodeLabel.STATEMENT, ())
    ]
    return KnowledgeGraph(
        articles=tuple(sorted(articles, key=lambda a: a.id)),
        entities=tuple(sorted(entities, key=lambda e: e.id)),
        relations=tuple(sorted(rels, key=lambda r: (r.type.value, r.source, r.target, r.id))),
        statements=tuple(sorted(statements, key=lambda s: s.id)),
        links=tuple(sorted(link_objs, key=lambda l: (l.type.value, l.source, l.target))),
    )


def group_by_endpoints(rows: Iterable[Row]) -> dict[tuple[str, str], list[Row]]:
    grouped: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in rows:
        grouped[(row["from_label"], row["to_label"])].append(row)
    return grouped


def batches(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    """`items` in consecutive slices of at most `size`: one query's parameter list each."""
    for start in range(0, len(items), size):
        yield items[start : start + size]
