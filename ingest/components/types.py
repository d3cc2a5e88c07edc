"""What our spaCy components store on the Doc: plain offsets and small records.

Registered Doc extensions, by the component that sets them (in pipeline order):
- `doc._.ng_quote_spans: list[tuple[int, int]]`, `doc._.ng_quoted_tokens: frozenset[int]`:
  char spans of quoted text and the tokens inside them (newsgraph_quote_spans)
- `doc._.ng_names: list[Mention]`: proper names (newsgraph_names); their type votes
  (newsgraph_name_types)
- `doc._.ng_described: list[Mention]`: described groups and people, anaphors, and
  `doc._.ng_proxy_of: dict[int, Mention]`: token -> the mention it stands for, e.g.
  "officials" in "Trump administration officials" (newsgraph_described)
- `doc._.ng_pronouns: list[Mention]` (newsgraph_pronouns)
- `doc._.ng_mentions: list[Mention]` (all of the above, in text order),
  `doc._.ng_proxies: dict[int, int]` (token -> mention index), `doc._.ng_entities:
  list[LocalEntity]`, `doc._.ng_mention_entity: list[int | None]` (newsgraph_coref)
- `doc._.ng_direct_quotes: list[FoundQuote]` (newsgraph_direct_quotes),
  `doc._.ng_indirect_quotes: list[FoundQuote]` (newsgraph_indirect_quotes)
- `doc._.ng_quotes: list[FoundQuote]`: both, with speaker and receiver (newsgraph_speakers)
- `doc._.ng_relations: list[FoundRelation]` (newsgraph_relations; their modality newsgraph_modality;
  then newsgraph_quote_links)
- then newsgraph_state_actors makes a place that acts its country's government
  (entities, mentions, quotes and relations)
- `doc._.ng_outlet: str | None`: the article's outlet, set before the pipeline runs
- `doc._.ng_title_end: int | None`: where the title line ends (char offset), set with the outlet;
  `doc._.ng_headlines: list[tuple[int, int]]`: char spans of the headline lines (newsgraph_headlines)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from spacy.tokens import Doc

from ...model.graph import EntityType, Modality, RelationType, SanctionStatus
from ...model.votes import votes_for_person


class MentionKind(StrEnum):
    NAME = "name"  # a proper name: NER, curated list or name pattern
    GROUP = "group"  # a described group: "Venezuelan military officers"
    DESCRIPTION = "description"  # a described person: "a former Venezuelan military commander"
    ANAPHOR = "anaphor"  # "the commander", "the officers": needs an antecedent
    PRONOUN = "pronoun"


PARTY_LETTER_ORIGIN = "pattern:party"  # the "R" of "Jo Roe (R-Tex.)": a party, never an acronym of the name


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
        return votes_for_person(self.votes)


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


@dataclass(frozen=True)
class Actor:
    """Who takes part in a quote or a relation: an entity, named by one of its mentions.

    `state` is set when a place acts ("Washington accused …", "Beijing said"): the actor is
    then the government named `state`, which newsgraph_state_actors makes of it."""

    entity: int
    mention: int | None = None
    state: str | None = None


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
    speaker_token: int | None = None  # the token the attribution names as the speaker
    cue: tuple[int, int] | None = None  # char offsets
    cue_token: int | None = None
    speaker: Actor | None = None  # set by newsgraph_speakers
    receiver: Actor | None = None  # the outlet the quote was given to (newsgraph_speakers)
    sentence: tuple[int, int] | None = None  # char offsets of the sentence(s) holding it (newsgraph_speakers)

    @property
    def content(self) -> tuple[int, int]:
        return self.parts[0][0], self.parts[-1][1]

    @property
    def speaker_entity(self) -> int | None:
        return self.speaker.entity if self.speaker is not None else None

    @property
    def receiver_entity(self) -> int | None:
        return self.receiver.entity if self.receiver is not None else None


@dataclass
class FoundRelation:
    type: RelationType
    source_actor: Actor | None  # None = the article itself (CITES)
    target_actor: Actor
    span: tuple[int, int]  # char offsets of the evidence
    sentence: tuple[int, int]  # char offsets of the sentence
    rule: str
    status: SanctionStatus | None = None
    modality: Modality | None = None  # event relations (MET_WITH, SANCTIONED, ACCUSED) only: newsgraph_modality
    trigger: int | None = None  # event relations: index of the token that triggered the rule
    quote: tuple[tuple[int, int], ...] | None = None  # char offsets of the quote's parts
    direct: bool | None = None

    @property
    def source(self) -> int | None:
        return self.source_actor.entity if self.source_actor is not None else None

    @property
    def target(self) -> int:
        return self.target_actor.entity


EXTENSIONS = (
    "ng_quote_spans", "ng_quoted_tokens", "ng_names", "ng_described", "ng_proxy_of", "ng_pronouns",
    "ng_mentions", "ng_proxies", "ng_entities", "ng_mention_entity", "ng_direct_quotes", "ng_indirect_quotes",
    "ng_quotes", "ng_relations", "ng_outlet", "ng_title_end", "ng_headlines",
)


def register_extensions() -> None:
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
