"""What our spaCy components store on the Doc: plain offsets and small records.

Registered Doc extensions (all set by the components, read by `extract.py`):
- `doc._.ng_mentions: list[Mention]` (newsgraph_mentions)
- `doc._.ng_proxies: dict[int, int]`: token index -> mention index it stands for,
  e.g. "officials" in "Trump administration officials" (newsgraph_mentions)
- `doc._.ng_entities: list[LocalEntity]` and `doc._.ng_mention_entity: list[int | None]`
  (newsgraph_coref)
- `doc._.ng_quotes: list[FoundQuote]` (newsgraph_quotes)
- `doc._.ng_relations: list[FoundRelation]` (newsgraph_relations)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from spacy.tokens import Doc

from ...model.graph import EntityType, RelationType, SanctionStatus


class MentionKind(StrEnum):
    NAME = "name"  # a proper name: NER, curated list or name pattern
    GROUP = "group"  # a described group: "Venezuelan military officers"
    DESCRIPTION = "description"  # a described person: "a former Venezuelan military commander"
    ANAPHOR = "anaphor"  # "the commander", "the officers": needs an antecedent
    PRONOUN = "pronoun"


@dataclass
class Mention:
    start: int  # token indices [start, end)
    end: int
    head: int
    kind: MentionKind
    text: str  # display text
    key: str  # clustering key
    votes: dict[EntityType, float] = field(default_factory=dict)
    fixed_type: EntityType | None = None
    canonical: str | None = None  # canonical name when known (curated, constructed)
    origin: str = ""
    gender: str | None = None  # m / f / u, for persons
    plural: bool = False
    short_form: bool = False  # "the Times": resolved against the article's outlets
    country: str | None = None  # country a place name, demonym or capital points at
    head_lemma: str | None = None  # for groups, descriptions and anaphors
    anaphor_types: tuple[EntityType, ...] = ()  # "the firm" -> an Organization, "a spokesman" -> its organization
    roles: frozenset[str] = frozenset()  # role nouns a name came with: "new chairman Guy Mansfield" -> chairman

    def is_personlike(self) -> bool:
        if self.kind in (MentionKind.DESCRIPTION,):
            return True
        if self.fixed_type is not None:
            return self.fixed_type is EntityType.PERSON
        person = self.votes.get(EntityType.PERSON, 0.0)
        return person > 0 and person >= max(self.votes.values())


@dataclass
class LocalEntity:
    """An entity resolved inside one article: a cluster of mentions."""

    index: int
    name: str
    type: EntityType
    kind: MentionKind
    mentions: list[int]
    key: str
    aliases: set[str] = field(default_factory=set)
    votes: dict[EntityType, float] = field(default_factory=dict)
    fixed_type: bool = False
    gender: str | None = None
    given_name: str | None = None
    surname: str | None = None


class QuoteKind(StrEnum):
    SPEECH = "speech"  # said, told, wrote: the speaker is quoted
    BELIEF = "belief"  # believes, thinks: a stance, not words
    ATTITUDE = "attitude"  # praised, criticized, wants: a stance on something


@dataclass
class FoundQuote:
    parts: list[tuple[int, int]]  # char offsets of the content, in pieces ("A," X said, "B")
    direct: bool
    rule: str
    kind: QuoteKind = QuoteKind.SPEECH
    speaker_span: tuple[int, int] | None = None  # the speaker's mention, or its noun phrase
    speaker_entity: int | None = None
    cue: tuple[int, int] | None = None  # char offsets
    receiver_entity: int | None = None

    @property
    def content(self) -> tuple[int, int]:
        return self.parts[0][0], self.parts[-1][1]


@dataclass
class FoundRelation:
    type: RelationType
    source: int | None  # entity index; None = the article itself (CITES)
    target: int
    span: tuple[int, int]  # char offsets of the evidence
    sentence: tuple[int, int]  # char offsets of the sentence
    rule: str
    status: SanctionStatus | None = None
    quote: tuple[tuple[int, int], ...] | None = None  # char offsets of the quote's parts
    direct: bool | None = None


def register_extensions() -> None:
    for name, default in (
        ("ng_mentions", None),
        ("ng_proxies", None),
        ("ng_entities", None),
        ("ng_mention_entity", None),
        ("ng_quotes", None),
        ("ng_relations", None),
        ("ng_outlet", None),
    ):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
