"""Turn a processed Doc into the article's `ArticleExtraction` (the extract contract).

Pure: reads what the components stored on the Doc, writes nothing. Offsets are
the Doc's, which are the raw article's (the parsed text only has boilerplate
and odd spaces blanked, keeping every length), and all text is sliced from
the raw article.
"""

from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc

from ..model.graph import SYMMETRIC_RELATIONS, ArticleNode
from ..model.ids import entity_id
from ..model.records import (
    Article,
    ArticleExtraction,
    BoilerplateRecord,
    EntityRecord,
    EvidenceRecord,
    QuoteRecord,
    RelationRecord,
    Span,
)
from .boilerplate import BoilerplateSpan
from .components.headlines import in_headline
from .components.types import (
    FoundQuote,
    FoundRelation,
    LocalEntity,
    Mention,
    MentionKind,
)


def extract_article(
    article: Article, doc: Doc, boilerplate: list[BoilerplateSpan], *, extractor: str
) -> ArticleExtraction:
    mentions: list[Mention] = doc._.ng_mentions or []
    entities: list[LocalEntity] = doc._.ng_entities or []
    headlines = doc._.ng_headlines or []  # a headline states no relation of its own
    relations: list[FoundRelation] = [r for r in doc._.ng_relations or [] if not in_headline(headlines, *r.sentence)]
    quotes: list[FoundQuote] = doc._.ng_quotes or []
    text = article.text

    involved = {r.source for r in relations} | {r.target for r in relations}
    involved |= {q.speaker_entity for q in quotes} | {q.receiver_entity for q in quotes}
    kept = [e for e in entities if _keep(e, involved)]
    ids = {e.index: entity_id(e.type.value, e.key) for e in kept}
    records = _entity_records(kept, ids, mentions, doc, text)

    def span(start: int, end: int) -> Span:
        return Span(start=start, end=end, text=text[start:end])

    quote_records = [
        QuoteRecord(
            speaker=ids.get(q.speaker_entity) if q.speaker_entity is not None else None,
            speaker_mention=span(*q.speaker_span) if q.speaker_span else None,
            cue=span(*q.cue) if q.cue else None,
            content=span(*q.content),
            content_parts=tuple(span(*part) for part in q.parts),
            direct=q.direct,
            kind=q.kind.value,
            receiver=ids.get(q.receiver_entity) if q.receiver_entity is not None else None,
            rule=q.rule,
            sentence=span(*q.sentence) if q.sentence else None,
        )
        for q in quotes
    ]
    return ArticleExtraction(
        article=ArticleNode(
            id=article.id, path=article.path, title=article.title, outlet=article.outlet,
            author=article.author, published=article.published, url=article.url, chars=len(text),
        ),
        entities=tuple(records),
        relations=tuple(_relation_records(relations, ids, article.id, text)),
        quotes=tuple(quote_records),
        boilerplate=tuple(BoilerplateRecord(start=b.start, end=b.end, kind=b.kind) for b in boilerplate),
        extractor=extractor,
    )


def quote_text(text: str, parts: tuple[tuple[int, int], ...]) -> str:
    """A quote's words, its pieces joined by an ellipsis: `"A," X said, "B"` -> "A … B"."""
    return " … ".join(text[a:b] for a, b in parts)


def _keep(entity: LocalEntity, involved: set[int | None]) -> bool:
    """Named entities that are mentioned; groups and descriptions only when they take part."""
    if entity.index in involved:
        return True
    return entity.kind is MentionKind.NAME and bool(entity.mentions)


def _entity_records(
    kept: list[LocalEntity], ids: dict[int, str], mentions: list[Mention], doc: Doc, text: str
) -> list[EntityRecord]:
    """One record per id: two local entities that resolve to the same id are one entity.
    In the order of their first mention in the text (those with none last, as they came), so
    that the order does not depend on which component created an entity."""
    grouped: dict[str, list[LocalEntity]] = defaultdict(list)
    for entity in kept:
        grouped[ids[entity.index]].append(entity)
    records = []
    for entity_id_, group in grouped.items():
        first = group[0]
        spans = sorted(
            {
                (doc[mentions[i].start].idx, doc[mentions[i].end - 1].idx + len(doc[mentions[i].end - 1]))
                for e in group
                for i in e.mentions
            }
        )
        votes: dict = defaultdict(float)
        for e in group:
            for t, v in e.votes.items():
                votes[t] += v
        aliases = sorted({a for e in group for a in e.aliases} - {first.name})
        records.append(
            EntityRecord(
                id=entity_id_, name=first.name, type=first.type, aliases=tuple(aliases),
                mentions=tuple(Span(start=a, end=b, text=text[a:b]) for a, b in spans),
                kind=first.kind.value, type_votes=dict(votes), fixed_type=any(e.fixed_type for e in group),
                given_name=first.given_name, surname=first.surname, gender=first.gender,
                roles=tuple(sorted({role for e in group for i in e.mentions for role in mentions[i].roles})),
            )
        )
    return sorted(records, key=lambda r: r.mentions[0].start if r.mentions else len(text) + 1)


def _relation_records(
    relations: list[FoundRelation], ids: dict[int, str], article_id: str, text: str
) -> list[RelationRecord]:
    grouped: dict[tuple, list[FoundRelation]] = defaultdict(list)
    for rel in relations:
        source = article_id if rel.source is None else ids[rel.source]
        target = ids[rel.target]
        if rel.type in SYMMETRIC_RELATIONS:
            source, target = sorted((source, target))
        grouped[(rel.type, source, target, rel.status, rel.modality)].append(rel)
    records = []
    for (rel_type, source, target, status, modality), found in grouped.items():
        evidence = tuple(
            EvidenceRecord(
                start=r.span[0], end=r.span[1], sentence=text[r.sentence[0] : r.sentence[1]].strip(),
                rule=r.rule, quote=quote_text(text, r.quote) if r.quote else None, direct=r.direct,
            )
            for r in found
        )
        records.append(RelationRecord(type=rel_type, source=source, target=target, evidence=evidence, status=status,
                                      modality=modality))
    return records
