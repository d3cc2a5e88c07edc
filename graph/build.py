"""Assemble the corpus's graph from per-article rows, streaming.

    entity rows  -> cross-article resolution (one aggregate per name key)
    link rows    -> article counts, then PUBLISHED_BY / AUTHORED_BY / MENTIONS
    evidence     -> grouped by resolved (type, source, target, status, modality) in SQLite
    wordings     -> grouped by resolved speaker in SQLite -> one statement per wordings that say
                    the same (`statements`), with SAID and REPORTS links
                 -> one relation per group, with every evidence item and the
                    distinct outlets that reported it

Nodes reach the sink before any edge. Memory holds one aggregate per distinct
name and one count per entity, never the corpus's text or evidence: that
goes through a scratch SQLite file, so a 50,000-article corpus assembles in
the memory of a 2,000-article one. `build_graph` is the same assembly for
extraction records already in memory.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import chain, groupby
from pathlib import Path
from typing import Protocol

from ..model.curation import Curation, Outcome
from ..model.graph import (
    ALLOWED_LINKS,
    SYMMETRIC_RELATIONS,
    ArticleNode,
    EntityNode,
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
    published_date,
    relation_allowed,
)
from ..model.ids import evidence_id, relation_id
from ..model.records import ArticleExtraction
from .article_rows import (
    AUTHOR_ROLE,
    OUTLET_ROLE,
    EntityRow,
    EvidenceRow,
    StatementRow,
    article_rows,
)
from .curation import curated, curated_links, edge_outcomes
from .resolve import EntityLinker, Resolution
from .sink import GraphSink
from .state import GraphState
from .statement_build import StatementGroups

CHUNK = 5_000


class RowSource(Protocol):
    """Where assembly reads an article collection's rows; each method may be called again."""

    def articles(self) -> Iterable[ArticleNode]: ...

    def entity_rows(self) -> Iterable[EntityRow]:
        """Grouped by article: each article's rows together."""
        ...

    def evidence_rows(self) -> Iterable[EvidenceRow]: ...

    def statement_rows(self) -> Iterable[StatementRow]: ...


class GraphCollector:
    """A sink that keeps everything: the graph as one `KnowledgeGraph`."""

    def __init__(self) -> None:
        self.articles: list[ArticleNode] = []
        self.entities: list[EntityNode] = []
        self.relations: list[Relation] = []
        self.statements: list[Statement] = []
        self.links: list[Link] = []

    def add_articles(self, rows: list[ArticleNode]) -> None:
        self.articles += rows

    def add_entities(self, rows: list[EntityNode]) -> None:
        self.entities += rows

    def add_relations(self, rows: list[Relation]) -> None:
        self.relations += rows

    def add_statements(self, rows: list[Statement]) -> None:
        self.statements += rows

    def add_links(self, rows: list[Link]) -> None:
        self.links += rows

    def graph(self) -> KnowledgeGraph:
        return KnowledgeGraph(
            articles=tuple(sorted(self.articles, key=lambda a: a.id)),
            entities=tuple(sorted(self.entities, key=lambda e: e.id)),
            relations=tuple(sorted(self.relations, key=lambda r: (r.type.value, r.source, r.target, r.id))),
            statements=tuple(sorted(self.statements, key=lambda s: s.id)),
            links=tuple(sorted(self.links, key=lambda l: (l.type.value, l.source, l.target))),
        )


class ExtractionRows:
    """A `RowSource` over extraction records in memory."""

    def __init__(self, extractions: Iterable[ArticleExtraction]) -> None:
        self._articles: list[ArticleNode] = []
        self._entities: list[EntityRow] = []
        self._evidence: list[EvidenceRow] = []
        self._statements: list[StatementRow] = []
        for x in extractions:
            rows = article_rows(x)
            self._articles.append(x.article)
            self._entities += rows.entities
            self._evidence += rows.evidence
            self._statements += rows.statements

    def articles(self) -> Iterable[ArticleNode]:
        return self._articles

    def entity_rows(self) -> Iterable[EntityRow]:
        return self._entities

    def evidence_rows(self) -> Iterable[EvidenceRow]:
        return self._evidence

    def statement_rows(self) -> Iterable[StatementRow]:
        return self._statements


def build_graph(extractions: Iterable[ArticleExtraction], *, curation: Curation | None = None) -> KnowledgeGraph:
    """The resolved graph of extraction records already in memory (`assemble` streams instead).

    Parameters
    ----------
    extractions : iterable of ArticleExtraction
        One record per article (what ``newsgraph extract`` prints).
    curation : Curation, optional, keyword-only
        Corrections to apply (merges, splits, aliases, types, rejected and verified edges).

    Returns
    -------
    KnowledgeGraph
        Entities resolved across the articles, relations with all their evidence and the
        distinct outlets reporting them, article links.

    Examples
    --------
    >>> from newsgraph.model.graph import ArticleNode
    >>> from newsgraph.model.records import ArticleExtraction
    >>> record = ArticleExtraction(article=ArticleNode(id="a1", path="a.txt", title="T", chars=0), extractor="x")
    >>> graph = build_graph([record])
    >>> [a.title for a in graph.articles], graph.entities
    (['T'], ())
    """
    collector = GraphCollector()
    assemble(ExtractionRows(extractions), collector, curation=curation)
    return collector.graph()


@dataclass(frozen=True)
class Assembled:
    articles: int
    entities: int
    relations: int
    statements: int
    links: int
    curation: dict[int, Outcome] = field(default_factory=dict)  # correction index -> what it did
    state: GraphState | None = None  # what incremental assembly needs of this graph (`keep_state`)


def assemble(
    source: RowSource, sink: GraphSink, *, scratch: Path | None = None, curation: Curation | None = None,
    keep_state: bool = False,
) -> Assembled:
    """Resolve entities and write the whole graph to `sink`, nodes first.

    `scratch` is a file for grouping relation evidence and statement wordings (in memory
    when None; a second file beside it holds the wordings). `curation`'s corrections are
    applied: to the entities as they are resolved, to the relations and statements as they go by.
    `keep_state`: the result holds what a later incremental assembly needs (`graph.incremental`).
    """
    curation = curation or Curation()
    linker = EntityLinker()
    linker.add(source.entity_rows())
    resolution = linker.resolve(curation)
    state = GraphState(
        keys={k: (i, NodeLabel(resolution.entities[i].type).value, resolution.entities[i].name)
              for k, i in resolution.key_entities().items()},
        buckets=linker.buckets(),
        aggregates=linker.aggregates(),
    ) if keep_state else None
    del linker
    labels = {e.id: NodeLabel(e.type) for e in resolution.entities.values()}
    outlets: dict[str, str] = {}  # article -> resolved outlet name, for corroboration
    article_counts: Counter[str] = Counter()
    for row in source.entity_rows():
        if row.role == OUTLET_ROLE:
            outlets[row.article_id] = resolution.entities[resolution.global_id(row.block_key)].name
    for _, rows in _by_article(source.entity_rows()):
        article_counts.update({resolution.global_id(r.block_key) for r in rows if r.mentions})
    if state is not None:
        state.article_counts = {e: article_counts[e] for e in resolution.entities}
    entities = _chunked(sink.add_entities, (
        e.model_copy(update={"article_count": article_counts[e.id]})
        for e in sorted(resolution.entities.values(), key=lambda e: e.id)
    ))
    articles = 0
    dates: dict[str, str] = {}  # article -> the day it was published, for first and last seen
    for chunk in _chunks(source.articles()):
        labels.update({a.id: NodeLabel.ARTICLE for a in chunk})
        dates.update({a.id: day for a in chunk if (day := published_date(a))})
        sink.add_articles(chunk)
        articles += len(chunk)
    wordings = scratch.with_name(scratch.name + ".statements") if scratch is not None else None
    seen: set[str] = set()  # ids of the relations and statements an edge correction names
    with StatementGroups(wordings) as groups:
        for row in source.statement_rows():
            groups.add(*_speaking(row, resolution, labels))
        statements = _chunked(sink.add_statements, curated(groups.statements(outlets, dates), curation, seen))
        links = _chunked(sink.add_links, chain(_links(source, resolution, labels),
                                               curated_links(groups.links(), curation)))
    relations = _chunked(sink.add_relations, curated(
        _relations(source, resolution, labels, outlets, dates, scratch), curation, seen))
    return Assembled(articles=articles, entities=entities, relations=relations, statements=statements, links=links,
                     curation={**resolution.outcomes, **edge_outcomes(curation, seen)}, state=state)


def _speaking(row: StatementRow, resolution: Resolution, labels: dict[str, NodeLabel]) -> tuple:
    """A wording with its speaker and receiver resolved; an entity that cannot speak once resolved
    (a place) is then only the description of its speaker."""
    speaker = resolution.global_id(row.speaker_key) if row.speaker_key else None
    label = labels.get(speaker) if speaker else None
    if speaker is not None and (label, NodeLabel.STATEMENT) not in ALLOWED_LINKS[LinkType.SAID]:
        row, speaker, label = replace(row, speaker_key=None, described=resolution.entities[speaker].name), None, None
    receiver = resolution.global_id(row.receiver_key) if row.receiver_key else None
    return row, speaker, label, receiver if receiver and labels.get(receiver) is NodeLabel.OUTLET else None


def _by_article(rows: Iterable[EntityRow]) -> Iterator[tuple[str, list[EntityRow]]]:
    for article_id, group in groupby(rows, key=lambda r: r.article_id):
        yield article_id, list(group)


def _links(source: RowSource, resolution: Resolution, labels: dict[str, NodeLabel]) -> Iterator[Link]:
    """One article at a time: its outlet, its authors, and the entities it mentions with counts."""
    for article_id, rows in _by_article(source.entity_rows()):
        mentions: Counter[str] = Counter()
        structural: dict[tuple[LinkType, str], None] = {}
        for row in rows:
            target = resolution.global_id(row.block_key)
            mentions[target] += row.mentions
            link_type = _ROLE_LINKS.get(row.role or "")
            if link_type and (NodeLabel.ARTICLE, labels[target]) in ALLOWED_LINKS[link_type]:
                structural[(link_type, target)] = None
        for link_type, target in structural:
            yield Link(type=link_type, source=article_id, target=target, target_label=labels[target])
        for target, count in mentions.items():
            if count:
                yield Link(type=LinkType.MENTIONS, source=article_id, target=target,
                                  target_label=labels[target], count=count)


_ROLE_LINKS = {OUTLET_ROLE: LinkType.PUBLISHED_BY, AUTHOR_ROLE: LinkType.AUTHORED_BY}


def _relations(
    source: RowSource, resolution: Resolution, labels: dict[str, NodeLabel], outlets: dict[str, str],
    dates: dict[str, str], scratch: Path | None,
) -> Iterator[Relation]:
    with _EvidenceGroups(scratch) as groups:
        for row in source.evidence_rows():
            end_source = row.article_id if row.source_key is None else resolution.global_id(row.source_key)
            end_target = resolution.global_id(row.target_key)
            if row.type in SYMMETRIC_RELATIONS:
                end_source, end_target = sorted((end_source, end_target))
            if end_source == end_target or not relation_allowed(row.type, labels[end_source], labels[end_target]):
                continue  # a self-loop or a pair the schema forbids once entities are resolved
            groups.add(row, end_source, end_target, outlets.get(row.article_id))
        for (rel_type, end_source, end_target, status, modality), items in groups.grouped():
            evidence = {e.id: e for e, _ in items}
            ordered = tuple(sorted(evidence.values(), key=lambda e: (e.article_id, e.start, e.rule)))
            seen = sorted(dates[e.article_id] for e in ordered if e.article_id in dates)
            yield Relation(
                id=relation_id(rel_type, end_source, end_target, status=status, modality=modality), type=rel_type,
                source=end_source, target=end_target, source_label=labels[end_source], target_label=labels[end_target],
                status=status, modality=modality, evidence=ordered, outlets=tuple(sorted({o for _, o in items if o})),
                first_seen=seen[0] if seen else None, last_seen=seen[-1] if seen else None,
            )


class _EvidenceGroups:
    """Evidence rows grouped by resolved relation, through SQLite so that the corpus's
    evidence never has to be in memory at once."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.db = sqlite3.connect(str(path) if path else ":memory:")
        self.db.execute(
            "CREATE TABLE evidence (type TEXT, source TEXT, target TEXT, status TEXT, modality TEXT, outlet TEXT, item TEXT)"
        )
        self._pending: list[tuple] = []

    def __enter__(self) -> _EvidenceGroups:
        return self

    def __exit__(self, *exc: object) -> None:
        self.db.close()
        if self.path is not None:
            self.path.unlink(missing_ok=True)

    def add(self, row: EvidenceRow, source: str, target: str, outlet: str | None) -> None:
        item = Evidence(
            id=evidence_id(row.article_id, row.start, row.end, row.rule), article_id=row.article_id,
            start=row.start, end=row.end, sentence=row.sentence, rule=row.rule, quote=row.quote, direct=row.direct,
        )
        self._pending.append((row.type.value, source, target, row.status.value if row.status else "",
                              row.modality.value if row.modality else "", outlet,
                              item.model_dump_json()))
        if len(self._pending) >= CHUNK:
            self._flush()

    def _flush(self) -> None:
        self.db.executemany("INSERT INTO evidence VALUES (?, ?, ?, ?, ?, ?, ?)", self._pending)
        self._pending.clear()

    def grouped(self) -> Iterator[tuple[tuple, list[tuple[Evidence, str | None]]]]:
        self._flush()
        rows = self.db.execute("SELECT type, source, target, status, modality, outlet, item FROM evidence "
                               "ORDER BY type, source, target, status, modality")
        key, items = None, []
        for rel_type, source, target, status, modality, outlet, item in rows:
            this = (RelationType(rel_type), source, target, SanctionStatus(status) if status else None,
                    Modality(modality) if modality else None)
            if this != key and items:
                yield key, items
                items = []
            key = this
            items.append((Evidence.model_validate(json.loads(item)), outlet))
        if items:
            yield key, items


def _chunks(rows: Iterable) -> Iterator[list]:
    chunk = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _chunked(add, rows: Iterable) -> int:
    """Hands `rows` to `add` in chunks; returns how many."""
    count = 0
    for chunk in _chunks(rows):
        add(chunk)
        count += len(chunk)
    return count
