"""Records that flow through ingest, and the `newsgraph extract` JSON contract.

One `ArticleExtraction` per article. Offsets index the article text exactly as
decoded from the input file, before any normalization. The contract is
extended only by adding keys.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .graph import (
    ArticleNode,
    EntityType,
    Modality,
    RelationType,
    SanctionStatus,
    asserted_by_default,
)


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Article(_Record):
    """An article as read from disk: its text and metadata, not yet parsed."""

    id: str
    path: str
    text: str
    title: str
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None
    title_end: int = Field(
        default=0, ge=0, description="char offset where the title line ends (0: no title line)"
    )
    encoding: str = "utf-8"


class SkippedInput(_Record):
    """An input that could not be read, with the reason a user can act on."""

    path: str
    reason: str

    def message(self) -> str:
        return f"{self.path}: skipped: {self.reason}"


class Span(_Record):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class EntityRecord(_Record):
    """An entity as resolved inside one article."""

    id: str
    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()
    kind: str = Field(description="name, group or description")
    type_votes: dict[EntityType, float] = Field(
        default_factory=dict, description="weighted type votes over the mentions"
    )
    fixed_type: bool = Field(
        default=False, description="type comes from a curated list, not from votes"
    )
    given_name: str | None = None
    surname: str | None = None
    gender: str | None = Field(default=None, description="m / f for a person: its titles, given name or he/she")
    roles: tuple[str, ...] = Field(default=(), description="role nouns and titles its names came with")


class EvidenceRecord(_Record):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    sentence: str
    rule: str
    quote: str | None = None
    direct: bool | None = None


class RelationRecord(_Record):
    """A relation read in this article. `source` may be the article's own id (CITES)."""

    type: RelationType
    source: str
    target: str
    evidence: tuple[EvidenceRecord, ...] = Field(min_length=1)
    status: SanctionStatus | None = None
    modality: Modality | None = Field(default=None, description="event relations: asserted, planned, negated, ...")

    @model_validator(mode="before")
    @classmethod
    def _asserted_by_default(cls, data: object) -> object:
        return asserted_by_default(data)


class QuoteRecord(_Record):
    speaker: str | None = Field(description="entity id, or null when unattributed")
    speaker_mention: Span | None = None
    cue: Span | None = None
    content: Span = Field(description="from the first to the last char of the content")
    content_parts: tuple[Span, ...] = Field(
        default=(), description="the content's pieces, when a cue or a paragraph break splits it"
    )
    direct: bool
    kind: str = Field(default="speech", description="speech (quoted words), belief, or attitude")
    receiver: str | None = Field(
        default=None, description="entity id of the outlet that received the quote"
    )
    rule: str
    sentence: Span | None = Field(default=None, description="the sentence(s) holding content, cue and speaker")


class BoilerplateRecord(_Record):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    kind: str


class ArticleExtraction(_Record):
    """Everything extracted from one article: the `newsgraph extract` line."""

    article: ArticleNode
    entities: tuple[EntityRecord, ...] = ()
    relations: tuple[RelationRecord, ...] = ()
    quotes: tuple[QuoteRecord, ...] = ()
    boilerplate: tuple[BoilerplateRecord, ...] = ()
    extractor: str = Field(description="version of the extractor and model that produced it")
