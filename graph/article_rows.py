"""An article's extraction as flat rows for graph assembly, derived once and cached.

Entity rows carry the key cross-article resolution blocks on; evidence rows
name their endpoints by those keys (or by the article, for what it cites).
Assembling the graph then needs no extraction record: it streams these rows.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..model.graph import EntityType, Modality, RelationType, SanctionStatus
from ..model.names import name_key
from ..model.records import ArticleExtraction, EntityRecord, QuoteRecord

OUTLET_ROLE = "outlet"  # the article's publisher, from metadata
AUTHOR_ROLE = "author"


@dataclass(frozen=True)
class EntityRow:
    """One entity as one article resolved it (or its outlet or author, from metadata)."""

    article_id: str
    block_key: str  # what cross-article resolution groups on
    name: str
    type: EntityType
    kind: str
    fixed: bool  # the type comes from a curated list or metadata
    votes: dict[EntityType, float]
    aliases: tuple[str, ...]
    surname: str | None
    mentions: int
    role: str | None = None  # OUTLET_ROLE / AUTHOR_ROLE for metadata rows
    given_name: str | None = None
    gender: str | None = None  # m / f
    roles: tuple[str, ...] = ()  # role nouns and titles its names came with ("justice", "reporter")


@dataclass(frozen=True)
class EvidenceRow:
    article_id: str
    type: RelationType
    source_key: str | None  # None: the article itself (an article CITES its sources)
    target_key: str
    status: SanctionStatus | None
    modality: Modality | None
    start: int
    end: int
    sentence: str
    rule: str
    quote: str | None
    direct: bool | None


@dataclass(frozen=True)
class StatementRow:
    """One article's wording of a statement: its speaker by block key, or described."""

    article_id: str
    speaker_key: str | None  # None: no entity speaks, `described` says who
    described: str | None  # "a spokesman", "officials"
    text: str  # the words as this article gives them (a quote's parts joined by " … ")
    direct: bool
    kind: str  # speech or belief
    cue: str | None
    receiver_key: str | None
    start: int
    end: int
    sentence: str
    rule: str


# the quotes that are statements: reported words and views; a stance on something ("praised X") is not
STATEMENT_KINDS = frozenset({"speech", "belief"})


@dataclass(frozen=True)
class ArticleRows:
    entities: tuple[EntityRow, ...]
    evidence: tuple[EvidenceRow, ...]
    statements: tuple[StatementRow, ...] = ()


def block_key(name: str, entity_type: EntityType, kind: str, fixed: bool) -> str:
    """Curated names block on name and type, described groups on their constructed name,
    names found by NER on the name alone (NER's type varies from article to article)."""
    if fixed:
        return f"fixed|{entity_type.value}|{name_key(name)}"
    if kind != "name":
        return f"described|{name_key(name)}"
    return f"name|{name_key(name)}"


def key_name(key: str) -> str:
    """The name part of a block key."""
    return key.rsplit("|", 1)[1]


def article_rows(extraction: ArticleExtraction) -> ArticleRows:
    article = extraction.article.id
    keys: dict[str, str] = {}
    entities = []
    for record in extraction.entities:
        row = _entity_row(article, record)
        keys[record.id] = row.block_key
        entities.append(row)
    entities += metadata_rows(extraction)
    evidence = tuple(
        EvidenceRow(
            article_id=article, type=rel.type,
            source_key=None if rel.source == article else keys[rel.source], target_key=keys[rel.target],
            status=rel.status, modality=rel.modality, start=ev.start, end=ev.end, sentence=ev.sentence, rule=ev.rule,
            quote=ev.quote, direct=ev.direct,
        )
        for rel in extraction.relations
        for ev in rel.evidence
    )
    statements = tuple(
        StatementRow(
            article_id=article, speaker_key=keys[q.speaker] if q.speaker else None,
            described=None if q.speaker else q.speaker_mention.text, text=quote_wording(q), direct=q.direct,
            kind=q.kind, cue=q.cue.text if q.cue else None, receiver_key=keys.get(q.receiver) if q.receiver else None,
            start=q.content.start, end=q.content.end,
            sentence=(q.sentence or q.content).text.strip(), rule=q.rule,
        )
        for q in extraction.quotes
        if q.kind in STATEMENT_KINDS and (q.speaker in keys or (q.speaker is None and q.speaker_mention is not None))
    )
    return ArticleRows(entities=tuple(entities), evidence=evidence, statements=statements)


def quote_wording(quote: QuoteRecord) -> str:
    """A quote's words as the article gives them: its parts joined by an ellipsis."""
    return " … ".join(part.text for part in quote.content_parts) if quote.content_parts else quote.content.text


def _entity_row(article: str, record: EntityRecord) -> EntityRow:
    return EntityRow(
        article_id=article, block_key=block_key(record.name, record.type, record.kind, record.fixed_type),
        name=record.name, type=record.type, kind=record.kind, fixed=record.fixed_type,
        votes=dict(record.type_votes), aliases=record.aliases, surname=record.surname, mentions=len(record.mentions),
        given_name=record.given_name, gender=record.gender, roles=record.roles,
    )


def metadata_rows(extraction: ArticleExtraction) -> list[EntityRow]:
    """The article's outlet and author, as entities with no mentions."""
    info = extraction.article
    rows = []
    if info.outlet:
        rows.append(_metadata_row(info.id, info.outlet, EntityType.OUTLET, OUTLET_ROLE))
    if info.author:
        outlet = name_key(info.outlet or "")
        for author in _split_authors(info.author):
            if len(author.split()) >= 2 and name_key(author) != outlet:  # not "Reuters", "Staff"
                rows.append(_metadata_row(info.id, author, EntityType.PERSON, AUTHOR_ROLE))
    return rows


def _metadata_row(article: str, name: str, entity_type: EntityType, role: str) -> EntityRow:
    fixed = entity_type is EntityType.OUTLET
    words = name.split()
    return EntityRow(
        article_id=article, block_key=block_key(name, entity_type, "name", fixed), name=name, type=entity_type,
        kind="name", fixed=fixed, votes={entity_type: 1.0}, aliases=(),
        surname=words[-1] if entity_type is EntityType.PERSON and len(words) >= 2 else None, mentions=0, role=role,
        given_name=words[0] if entity_type is EntityType.PERSON and len(words) >= 2 else None,
        roles=("reporter",) if role == AUTHOR_ROLE else (),
    )


def _split_authors(author: str) -> list[str]:
    parts = [p.strip() for chunk in author.split(" and ") for p in chunk.split(",")]
    return list(dict.fromkeys(p for p in parts if p))


def encode_votes(votes: dict[EntityType, float]) -> str:
    return json.dumps({t.value: v for t, v in sorted(votes.items())})


def decode_votes(text: str) -> dict[EntityType, float]:
    return {EntityType(t): v for t, v in json.loads(text).items()}
