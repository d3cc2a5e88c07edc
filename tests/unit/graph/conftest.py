"""Hand-built extraction records for the graph tests: no spaCy, no files.

Tests reach the builders through the `mk` fixture (conftest modules are not
importable under `--import-mode=importlib`):

    x = mk.extraction("aA", [mk.entity("Bill Clinton", "Person", mentions=3)], outlet="Daily Planet")
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from newsgraph.model.graph import (
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
from newsgraph.model.ids import entity_id
from newsgraph.model.names import name_key
from newsgraph.model.records import (
    ArticleExtraction,
    EntityRecord,
    EvidenceRecord,
    RelationRecord,
    Span,
)

EXTRACTOR = "test-extractor/1"


def local_id(name: str, entity_type: EntityType | str) -> str:
    """The id the extractor gives an entity inside one article."""
    return entity_id(EntityType(entity_type).value, name_key(name))


def entity(
    name: str,
    entity_type: EntityType | str,
    *,
    mentions: int = 1,
    id: str | None = None,
    kind: str = "name",
    votes: dict | None = None,
    aliases: tuple[str, ...] = (),
    fixed: bool = False,
    given_name: str | None = None,
    surname: str | None = None,
    offset: int = 0,
    gender: str | None = None,
    roles: tuple[str, ...] = (),
) -> EntityRecord:
    """An article-level entity with `mentions` spans of its name (votes default to its type)."""
    entity_type = EntityType(entity_type)
    spans = tuple(
        Span(start=offset + 100 * i, end=offset + 100 * i + len(name), text=name) for i in range(mentions)
    )
    if votes is None:
        votes = {entity_type: float(max(mentions, 1))}
    words = name.split()
    if entity_type is EntityType.PERSON and len(words) >= 2:
        given_name = given_name or words[0]
        surname = surname or words[-1]
    return EntityRecord(
        id=id or local_id(name, entity_type), name=name, type=entity_type, aliases=tuple(aliases),
        mentions=spans, kind=kind, type_votes={EntityType(t): v for t, v in votes.items()}, fixed_type=fixed,
        given_name=given_name, surname=surname, gender=gender, roles=roles,
    )


def evidence(
    start: int = 0,
    end: int = 40,
    *,
    sentence: str = "They met on Tuesday.",
    rule: str = "test.rule",
    quote: str | None = None,
    direct: bool | None = None,
) -> EvidenceRecord:
    return EvidenceRecord(start=start, end=end, sentence=sentence, rule=rule, quote=quote, direct=direct)


def relation(
    rel_type: RelationType | str,
    source: EntityRecord | str,
    target: EntityRecord | str,
    *evidence_items: EvidenceRecord,
    status: SanctionStatus | str | None = None,
) -> RelationRecord:
    """A relation between two records (or ids: the article id for CITES); one default evidence item."""
    return RelationRecord(
        type=RelationType(rel_type),
        source=source if isinstance(source, str) else source.id,
        target=target if isinstance(target, str) else target.id,
        evidence=evidence_items or (evidence(),),
        status=SanctionStatus(status) if status else None,
    )


def extraction(
    article: str,
    entities: list[EntityRecord] | tuple[EntityRecord, ...] = (),
    relations: list[RelationRecord] | tuple[RelationRecord, ...] = (),
    *,
    outlet: str | None = None,
    author: str | None = None,
    title: str | None = None,
    chars: int = 1000,
) -> ArticleExtraction:
    return ArticleExtraction(
        article=ArticleNode(
            id=article, path=f"/corpus/{article}.txt", title=title or f"Title of {article}", outlet=outlet,
            author=author, chars=chars,
        ),
        entities=tuple(entities),
        relations=tuple(relations),
        extractor=EXTRACTOR,
    )


def small_graph() -> KnowledgeGraph:
    """A valid graph exercising every field the stores must keep: one relation of each type,
    evidence with and without quotes, a sanction status, a planned meeting, aliases, dates,
    statements (of an entity, and of a described speaker), and every link kind."""
    articles = (
        ArticleNode(id="aA", title="Leaders meet", path="/corpus/a.txt", outlet="Daily Planet", author="Lois Lane",
                    published="2024-03-05", url="https://planet.example/a", chars=1200),
        ArticleNode(id="aB", title="Untitled", path="/corpus/b.txt", chars=300),
    )
    entities = (
        EntityNode(id="ePer1", type=EntityType.PERSON, name="Nicolás Maduro", aliases=("Maduro", "Nicolas Maduro"),
                   mention_count=5, article_count=2),
        EntityNode(id="ePer2", type=EntityType.PERSON, name="Lois Lane", mention_count=0, article_count=0),
        EntityNode(id="eGov1", type=EntityType.GOVERNMENT, name="United States", aliases=("U.S.",),
                   mention_count=3, article_count=1),
        EntityNode(id="eOrg1", type=EntityType.ORGANIZATION, name="World Health Organization",
                   aliases=("WHO",), mention_count=2, article_count=1),
        EntityNode(id="eOut1", type=EntityType.OUTLET, name="Daily Planet", mention_count=1, article_count=1),
        EntityNode(id="eLoc1", type=EntityType.LOCATION, name="Caracas", mention_count=1, article_count=1),
    )

    def ev(i: str, article: str, start: int, **kw) -> Evidence:
        return Evidence(id=f"v{i}", article_id=article, start=start, end=start + 30,
                        sentence=f"Sentence {i}, with “quotes” and ünïcode.", rule=f"rule.{i}", **kw)

    relations = (
        Relation(id="r1", type=RelationType.MET_WITH, source="eGov1", target="ePer1", source_label=NodeLabel.GOVERNMENT,
                 target_label=NodeLabel.PERSON, evidence=(ev("1", "aA", 10), ev("2", "aB", 0)),
                 outlets=("Daily Planet",)),
        Relation(id="r2", type=RelationType.SANCTIONED, source="eGov1", target="ePer1",
                 source_label=NodeLabel.GOVERNMENT, target_label=NodeLabel.PERSON, status=SanctionStatus.THREATENED,
                 evidence=(ev("3", "aA", 50),), outlets=("Daily Planet",)),
        Relation(id="r3", type=RelationType.QUOTED_BY, source="ePer1", target="eOut1", source_label=NodeLabel.PERSON,
                 target_label=NodeLabel.OUTLET,
                 evidence=(ev("4", "aA", 80, quote="We will win", direct=True),
                           ev("5", "aA", 120, quote="that they would win", direct=False)),
                 outlets=("Daily Planet",)),
        Relation(id="r4", type=RelationType.CITES, source="aA", target="eOrg1", source_label=NodeLabel.ARTICLE,
                 target_label=NodeLabel.ORGANIZATION,
                 evidence=(ev("6", "aA", 200, quote="cases rose", direct=False),), outlets=("Daily Planet",)),
        Relation(id="r5", type=RelationType.ACCUSED, source="eOrg1", target="eGov1",
                 source_label=NodeLabel.ORGANIZATION, target_label=NodeLabel.GOVERNMENT,
                 evidence=(ev("7", "aB", 40),)),
        Relation(id="r6", type=RelationType.MET_WITH, source="eGov1", target="eOrg1", source_label=NodeLabel.GOVERNMENT,
                 target_label=NodeLabel.ORGANIZATION, modality=Modality.PLANNED, evidence=(ev("8", "aA", 300),),
                 outlets=("Daily Planet",), first_seen="2024-03-05", last_seen="2024-03-05"),
    )
    statements = (
        Statement(id="s1", text="We will win", speaker="ePer1", speaker_label=NodeLabel.PERSON, kind="speech",
                  cue="said", receiver="eOut1",
                  evidence=(ev("9", "aA", 80, quote="We will win", direct=True),
                            ev("10", "aB", 12, quote="we will win this", direct=True)),
                  outlets=("Daily Planet",), first_seen="2024-03-05", last_seen="2024-03-05"),
        Statement(id="s2", text="talks had failed", described_speaker="a spokesman", kind="speech", cue="said",
                  evidence=(ev("11", "aB", 90, quote="talks had failed", direct=False),)),
    )
    links = (
        Link(type=LinkType.AUTHORED_BY, source="aA", target="ePer2", target_label=NodeLabel.PERSON),
        Link(type=LinkType.MENTIONS, source="aA", target="eGov1", target_label=NodeLabel.GOVERNMENT, count=3),
        Link(type=LinkType.MENTIONS, source="aA", target="eLoc1", target_label=NodeLabel.LOCATION),
        Link(type=LinkType.MENTIONS, source="aB", target="ePer1", target_label=NodeLabel.PERSON, count=2),
        Link(type=LinkType.PUBLISHED_BY, source="aA", target="eOut1", target_label=NodeLabel.OUTLET),
        Link(type=LinkType.REPORTS, source="aA", target="s1", target_label=NodeLabel.STATEMENT),
        Link(type=LinkType.REPORTS, source="aB", target="s1", target_label=NodeLabel.STATEMENT),
        Link(type=LinkType.REPORTS, source="aB", target="s2", target_label=NodeLabel.STATEMENT),
        Link(type=LinkType.SAID, source="ePer1", source_label=NodeLabel.PERSON, target="s1",
             target_label=NodeLabel.STATEMENT),
    )
    # in the canonical order `build_graph` and the stores produce
    return KnowledgeGraph(
        articles=tuple(sorted(articles, key=lambda a: a.id)),
        entities=tuple(sorted(entities, key=lambda e: e.id)),
        relations=tuple(sorted(relations, key=lambda r: (r.type.value, r.source, r.target, r.id))),
        statements=statements,
        links=tuple(sorted(links, key=lambda l: (l.type.value, l.source, l.target))),
    )


@pytest.fixture
def mk() -> SimpleNamespace:
    """Builders for hand-made extraction records and graphs."""
    return SimpleNamespace(
        local_id=local_id, entity=entity, evidence=evidence, relation=relation, extraction=extraction,
        small_graph=small_graph, EXTRACTOR=EXTRACTOR,
    )
