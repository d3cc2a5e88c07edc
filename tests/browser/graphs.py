"""Graphs built by hand for the browser tests: a hostile one and a large generated one."""

from __future__ import annotations

import random

import networkx as nx
from newsgraph.model.graph import (
    ArticleNode,
    EntityNode,
    EntityType,
    Evidence,
    KnowledgeGraph,
    Link,
    LinkType,
    NodeLabel,
    Relation,
    RelationType,
    SanctionStatus,
)

SCRIPT = "<script>window.__pwned=1</script>"
IMG_ONERROR = '<img src=x onerror="window.__pwned=2">'

HOSTILE_NAME = f'Ali "The Wall" O\'Brien {IMG_ONERROR}'
HOSTILE_ALIAS = f"{SCRIPT}'\""
HOSTILE_TITLE = f'Breaking: "talks" at O\'Brien\'s {SCRIPT} {IMG_ONERROR}'
HOSTILE_OUTLET = 'The "Daily" <b>Planet</b> \'s'
HOSTILE_SENTENCE = f'O\'Brien said "we met the ministry" {SCRIPT} {IMG_ONERROR} and it\'s true.'
HOSTILE_QUOTE = f"we met {SCRIPT} '\""


def entity(eid: str, kind: EntityType, name: str, aliases: tuple[str, ...] = (), mentions: int = 2) -> EntityNode:
    return EntityNode(id=eid, type=kind, name=name, aliases=aliases, mention_count=mentions, article_count=1)


def article(aid: str, title: str, outlet: str | None, author: str | None = None) -> ArticleNode:
    return ArticleNode(id=aid, title=title, path=f"in/{aid}.txt", outlet=outlet, author=author, chars=100)


def evidence(eid: str, article_id: str, sentence: str, quote: str | None = None, direct: bool | None = None) -> Evidence:
    return Evidence(id=eid, article_id=article_id, start=0, end=len(sentence), sentence=sentence,
                    rule="test.rule", quote=quote, direct=direct if direct is not None else (True if quote else None))


def relation(rid: str, kind: RelationType, source: EntityNode, target: EntityNode,
             items: tuple[Evidence, ...], outlets: tuple[str, ...]) -> Relation:
    return Relation(
        id=rid, type=kind, source=source.id, target=target.id,
        source_label=NodeLabel(source.type), target_label=NodeLabel(target.type),
        status=SanctionStatus.IMPOSED if kind is RelationType.SANCTIONED else None,
        evidence=items, outlets=outlets,
    )


def link(kind: LinkType, article_id: str, target: EntityNode) -> Link:
    return Link(type=kind, source=article_id, target=target.id, target_label=NodeLabel(target.type))


def hostile_graph() -> KnowledgeGraph:
    """Seven entities and two articles, with script tags, onerror handlers and quotes everywhere."""
    evil = entity("ep1", EntityType.PERSON, HOSTILE_NAME, aliases=(HOSTILE_ALIAS,))
    ministry = entity("eg1", EntityType.GOVERNMENT, 'Ministry of "Tests"')
    planet = entity("eo1", EntityType.OUTLET, HOSTILE_OUTLET)
    wire = entity("eo2", EntityType.OUTLET, "Second Wire")
    writer = entity("ep2", EntityType.PERSON, "Jane Writer")
    bank = entity("er1", EntityType.ORGANIZATION, "Bank of <i>Tests</i>")
    zurich = entity("el1", EntityType.LOCATION, "Zürich")
    return KnowledgeGraph(
        articles=(
            article("a1", HOSTILE_TITLE, HOSTILE_OUTLET),
            article("a2", "A calm report", "Second Wire", author="Jane Writer"),
        ),
        entities=(evil, ministry, planet, wire, writer, bank, zurich),
        relations=(
            relation("r1", RelationType.MET_WITH, evil, ministry,
                     (evidence("v1", "a1", HOSTILE_SENTENCE, quote=HOSTILE_QUOTE),), (HOSTILE_OUTLET,)),
            relation("r2", RelationType.ACCUSED, ministry, evil,
                     (evidence("v2", "a1", "The ministry accused O'Brien."),
                      evidence("v3", "a2", "The ministry accused him again.")),
                     (HOSTILE_OUTLET, "Second Wire")),
            relation("r3", RelationType.QUOTED_BY, evil, wire,
                     (evidence("v4", "a2", "He told Second Wire: 'fine'.", quote="fine"),), ("Second Wire",)),
            relation("r4", RelationType.SANCTIONED, ministry, bank,
                     (evidence("v5", "a2", 'The ministry sanctioned the "Bank of <i>Tests</i>".'),),
                     ("Second Wire",)),
        ),
        links=(
            link(LinkType.PUBLISHED_BY, "a1", planet),
            link(LinkType.PUBLISHED_BY, "a2", wire),
            link(LinkType.AUTHORED_BY, "a2", writer),
            link(LinkType.MENTIONS, "a1", evil),
            link(LinkType.MENTIONS, "a1", ministry),
            link(LinkType.MENTIONS, "a2", zurich),
        ),
    )


def large_graph(nodes: int = 5000, *, outlets: int = 10, articles: int = 40, seed: int = 7) -> KnowledgeGraph:
    """``nodes`` nodes in all: actors joined by a preferential-attachment graph (two relations per
    new actor, so a few hubs and many leaves), plus outlets and the articles they published."""
    rng = random.Random(seed)
    outlet_nodes = [entity(f"o{i}", EntityType.OUTLET, f"Outlet {i}") for i in range(outlets)]
    outlet_names = [o.name for o in outlet_nodes]
    kinds = (EntityType.PERSON, EntityType.PERSON, EntityType.ORGANIZATION, EntityType.GOVERNMENT)
    actor_count = nodes - outlets - articles
    actors = [entity(f"n{i}", kinds[i % len(kinds)], f"Actor {i}", mentions=1 + i % 7) for i in range(actor_count)]
    article_nodes = [article(f"a{i}", f"Article {i}", outlet_names[i % outlets]) for i in range(articles)]

    relations = []
    for number, (u, v) in enumerate(nx.barabasi_albert_graph(actor_count, 2, seed=seed).edges()):
        kind = RelationType.MET_WITH if number % 3 else RelationType.ACCUSED
        cited = tuple(rng.sample(outlet_names, rng.randint(1, 3)))
        source = f"a{number % articles}"
        relations.append(relation(
            f"r{number}", kind, actors[u], actors[v],
            (evidence(f"v{number}", source, f"Actor {u} and Actor {v}, sentence {number}."),), cited,
        ))
    links = [link(LinkType.PUBLISHED_BY, a.id, outlet_nodes[i % outlets]) for i, a in enumerate(article_nodes)]
    return KnowledgeGraph(articles=tuple(article_nodes), entities=tuple(outlet_nodes + actors),
                          relations=tuple(relations), links=tuple(links))
