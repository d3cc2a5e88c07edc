"""The one typed domain model of the knowledge graph.

Closed enums of node labels and relation types, the table of allowed
(source label, relation, target label) triples, and pydantic models for
nodes, evidence-backed relations and article links. Every store, export and
page is written from these types only.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator


class EntityType(StrEnum):
    """Kinds of real-world actors and places an article talks about."""

    PERSON = "Person"
    GOVERNMENT = "Government"  # a state actor: administration, ministry, a country acting
    OUTLET = "Outlet"  # a news organization
    ORGANIZATION = "Organization"  # any other organization, or a described group
    LOCATION = "Location"


class NodeLabel(StrEnum):
    """Every node label in the graph: the entity types plus articles."""

    PERSON = EntityType.PERSON.value
    GOVERNMENT = EntityType.GOVERNMENT.value
    OUTLET = EntityType.OUTLET.value
    ORGANIZATION = EntityType.ORGANIZATION.value
    LOCATION = EntityType.LOCATION.value
    ARTICLE = "Article"
    STATEMENT = "Statement"  # words attributed to a speaker, however many articles report them


class RelationType(StrEnum):
    """Relations extracted from text; each one is backed by evidence."""

    MET_WITH = "MET_WITH"  # symmetric
    SANCTIONED = "SANCTIONED"
    ACCUSED = "ACCUSED"
    QUOTED_BY = "QUOTED_BY"  # speaker -> the outlet its words were given to ("told Reuters")
    CITES = "CITES"  # article or outlet -> the source it relies on


class LinkType(StrEnum):
    """Structural edges, with no evidence of their own: from an article (its metadata, its
    mentions, the statements it reports) and from a speaker to what it said."""

    PUBLISHED_BY = "PUBLISHED_BY"
    AUTHORED_BY = "AUTHORED_BY"
    MENTIONS = "MENTIONS"
    REPORTS = "REPORTS"  # Article -> a Statement it carries
    SAID = "SAID"  # speaker -> Statement


class SanctionStatus(StrEnum):
    """Whether a sanction was imposed, only threatened, or lifted."""

    IMPOSED = "imposed"
    THREATENED = "threatened"
    LIFTED = "lifted"


class Modality(StrEnum):
    """Whether an event relation is stated as a fact, and if not, what the text makes of it."""

    ASSERTED = "asserted"  # it happened or is happening (also as someone reports it)
    PLANNED = "planned"  # scheduled or announced for the future: "will meet"
    PROPOSED = "proposed"  # asked for, offered, sought, possible: "a request for a meeting"
    DENIED = "denied"  # a party says it did not happen: "denied meeting X"
    NEGATED = "negated"  # the text says it did not happen: "did not meet", "did not recommend charges"
    HYPOTHETICAL = "hypothetical"  # a question or a condition: "if X met Y"


SYMMETRIC_RELATIONS: frozenset[RelationType] = frozenset({RelationType.MET_WITH})
# relations that are events in the world: they carry a modality (what is not asserted is kept, marked)
EVENT_RELATIONS: frozenset[RelationType] = frozenset({RelationType.MET_WITH, RelationType.SANCTIONED, RelationType.ACCUSED})

_ACTORS = (EntityType.PERSON, EntityType.GOVERNMENT, EntityType.ORGANIZATION)
_SPEAKERS = (*_ACTORS, EntityType.OUTLET)


def _pairs(sources, targets) -> set[tuple[NodeLabel, NodeLabel]]:
    return {(NodeLabel(s), NodeLabel(t)) for s in sources for t in targets}


ALLOWED_RELATIONS: dict[RelationType, frozenset[tuple[NodeLabel, NodeLabel]]] = {
    RelationType.MET_WITH: frozenset(_pairs(_ACTORS, _ACTORS)),
    RelationType.SANCTIONED: frozenset(
        _pairs((EntityType.GOVERNMENT, EntityType.ORGANIZATION), _ACTORS)
    ),
    RelationType.ACCUSED: frozenset(_pairs(_SPEAKERS, _SPEAKERS)),
    RelationType.QUOTED_BY: frozenset(_pairs(_SPEAKERS, (EntityType.OUTLET,))),
    RelationType.CITES: frozenset(
        _pairs((NodeLabel.ARTICLE, EntityType.OUTLET), _SPEAKERS)
    ),
}

ALLOWED_LINKS: dict[LinkType, frozenset[tuple[NodeLabel, NodeLabel]]] = {
    LinkType.PUBLISHED_BY: frozenset({(NodeLabel.ARTICLE, NodeLabel.OUTLET)}),
    LinkType.AUTHORED_BY: frozenset({(NodeLabel.ARTICLE, NodeLabel.PERSON)}),
    LinkType.MENTIONS: frozenset(_pairs((NodeLabel.ARTICLE,), tuple(EntityType))),
    LinkType.REPORTS: frozenset({(NodeLabel.ARTICLE, NodeLabel.STATEMENT)}),
    LinkType.SAID: frozenset(_pairs(_SPEAKERS, (NodeLabel.STATEMENT,))),
}


def asserted_by_default(data: object) -> object:
    """An event relation given without a modality is asserted (records and graphs written before
    relations had one, and hand-made ones)."""
    if isinstance(data, dict) and data.get("modality") is None and data.get("type") in EVENT_RELATIONS:
        return {**data, "modality": Modality.ASSERTED}
    return data


def relation_allowed(relation: RelationType, source: NodeLabel, target: NodeLabel) -> bool:
    """True when (source, relation, target) is in the schema table."""
    return (NodeLabel(source), NodeLabel(target)) in ALLOWED_RELATIONS[relation]


ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")  # what a date is in the graph: YYYY-MM-DD (time left out)


def published_date(article: ArticleNode) -> str | None:
    """The day an article was published, when its metadata says (YYYY-MM-DD)."""
    return article.published[:10] if article.published and ISO_DATE.match(article.published) else None


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


NodeId = Annotated[str, Field(min_length=1, max_length=64)]


class Evidence(_Model):
    """Where a relation or a statement was read: one sentence of one article."""

    id: NodeId
    article_id: NodeId
    start: int = Field(ge=0, description="char offset in the article text as decoded")
    end: int = Field(ge=0)
    sentence: str
    rule: str = Field(description="id of the extractor rule that produced it")
    quote: str | None = Field(default=None, description="the words as this article gives them (QUOTED_BY, statements)")
    direct: bool | None = Field(default=None, description="direct quote or paraphrase")

    @model_validator(mode="after")
    def _span_ordered(self) -> Evidence:
        if self.end < self.start:
            raise ValueError(f"evidence span end {self.end} < start {self.start}")
        return self


class ArticleNode(_Model):
    """An article: where it was read from and what its metadata says. The `article` of every
    extraction record, and a node of the graph."""

    id: NodeId
    path: str
    title: str
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None
    chars: int = Field(ge=0)


class EntityNode(_Model):
    id: NodeId
    type: EntityType
    name: str = Field(min_length=1)
    aliases: tuple[str, ...] = ()
    mention_count: int = Field(ge=0)
    article_count: int = Field(ge=0)


class Relation(_Model):
    """One edge: the same (source, type, target) found anywhere, with all evidence."""

    id: NodeId
    type: RelationType
    source: NodeId
    target: NodeId
    source_label: NodeLabel
    target_label: NodeLabel
    status: SanctionStatus | None = None
    modality: Modality | None = Field(default=None, description="set on event relations (EVENT_RELATIONS) only")
    evidence: tuple[Evidence, ...] = Field(min_length=1)
    outlets: tuple[str, ...] = Field(
        default=(), description="distinct outlets of the articles the evidence comes from"
    )
    first_seen: str | None = Field(default=None, description="earliest publication date of its articles (ISO)")
    last_seen: str | None = Field(default=None, description="latest publication date of its articles (ISO)")
    verified: bool = Field(default=False, description="checked by a person (newsgraph curate verify)")

    @model_validator(mode="before")
    @classmethod
    def _asserted_by_default(cls, data: object) -> object:
        return asserted_by_default(data)

    @property
    def corroboration(self) -> int:
        """Number of distinct outlets reporting this relation."""
        return len(self.outlets)

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(sorted({e.article_id for e in self.evidence}))

    @model_validator(mode="after")
    def _check_schema(self) -> Relation:
        if not relation_allowed(self.type, self.source_label, self.target_label):
            raise ValueError(
                f"{self.source_label}-[{self.type}]->{self.target_label} is not in the schema"
            )
        if (self.status is not None) != (self.type is RelationType.SANCTIONED):
            raise ValueError("status is set on SANCTIONED relations and only on them")
        if (self.modality is not None) != (self.type in EVENT_RELATIONS):
            raise ValueError("modality is set on event relations and only on them")
        return self


class Statement(_Model):
    """Words attributed to a speaker: one node however many articles report them.

    Each article's wording is one evidence item (its `quote`); `text` is the wording most of
    them give. A statement whose speaker no entity stands for ("a spokesman", "officials")
    keeps the description as `described_speaker`.
    """

    id: NodeId
    text: str = Field(min_length=1)
    speaker: NodeId | None = None
    speaker_label: NodeLabel | None = None
    described_speaker: str | None = None
    kind: str = Field(description="speech (words said or written) or belief (a view reported)")
    cue: str | None = Field(default=None, description="the reporting word: said, told, tweeted, according to")
    receiver: NodeId | None = Field(default=None, description="the outlet the words were given to")
    evidence: tuple[Evidence, ...] = Field(min_length=1)
    outlets: tuple[str, ...] = ()
    first_seen: str | None = None
    last_seen: str | None = None
    verified: bool = Field(default=False, description="checked by a person (newsgraph curate verify)")

    @property
    def corroboration(self) -> int:
        """Number of distinct outlets reporting this statement."""
        return len(self.outlets)

    @property
    def direct(self) -> bool:
        """Some article gives the words in quotation marks."""
        return any(e.direct for e in self.evidence)

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(sorted({e.article_id for e in self.evidence}))

    @model_validator(mode="after")
    def _check_speaker(self) -> Statement:
        if (self.speaker is None) == (self.described_speaker is None):
            raise ValueError("a statement has a speaker entity or a described speaker, one of them")
        if (self.speaker is None) != (self.speaker_label is None):
            raise ValueError("speaker and speaker_label go together")
        if self.speaker_label is not None and (self.speaker_label, NodeLabel.STATEMENT) not in ALLOWED_LINKS[LinkType.SAID]:
            raise ValueError(f"a {self.speaker_label} cannot be a speaker")
        return self


class Link(_Model):
    """A structural edge: an article's outlet, author, mentions and statements; a speaker's statements."""

    type: LinkType
    source: NodeId
    source_label: NodeLabel = NodeLabel.ARTICLE
    target: NodeId
    target_label: NodeLabel
    count: int = Field(default=1, ge=1, description="mentions in the article (MENTIONS)")

    @model_validator(mode="after")
    def _check_schema(self) -> Link:
        if (self.source_label, self.target_label) not in ALLOWED_LINKS[self.type]:
            raise ValueError(f"{self.source_label}-[{self.type}]->{self.target_label} is not in the schema")
        return self


class KnowledgeGraph(_Model):
    """The resolved graph of a corpus: what every store holds and every view draws."""

    articles: tuple[ArticleNode, ...] = ()
    entities: tuple[EntityNode, ...] = ()
    relations: tuple[Relation, ...] = ()
    statements: tuple[Statement, ...] = ()
    links: tuple[Link, ...] = ()

    @model_validator(mode="after")
    def _check_endpoints(self) -> KnowledgeGraph:
        labels = {a.id: NodeLabel.ARTICLE for a in self.articles}
        labels.update({e.id: NodeLabel(e.type) for e in self.entities})
        labels.update({s.id: NodeLabel.STATEMENT for s in self.statements})
        for rel in self.relations:
            for node, label in ((rel.source, rel.source_label), (rel.target, rel.target_label)):
                if labels.get(node) != label:
                    raise ValueError(f"relation {rel.id} points at unknown {label} node {node}")
        said = {(link.source, link.target) for link in self.links if link.type is LinkType.SAID}
        for statement in self.statements:
            if statement.speaker is not None and labels.get(statement.speaker) != statement.speaker_label:
                raise ValueError(f"statement {statement.id} has an unknown speaker {statement.speaker}")
            if statement.speaker is not None and (statement.speaker, statement.id) not in said:
                raise ValueError(f"statement {statement.id} has no SAID link from its speaker {statement.speaker}")
        if len(said) != sum(1 for s in self.statements if s.speaker is not None):
            raise ValueError("a SAID link joins a speaker to a statement it is not the speaker of")
        for link in self.links:
            if labels.get(link.source) != link.source_label:
                what = "article" if link.source_label is NodeLabel.ARTICLE else f"{link.source_label.value} node"
                raise ValueError(f"link from unknown {what} {link.source}")
            if labels.get(link.target) != link.target_label:
                raise ValueError(f"link to unknown {link.target_label} node {link.target}")
        return self
