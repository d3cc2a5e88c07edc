"""Incremental assembly: the part of the graph new articles change, and nothing else.

    new articles' block keys -> their component in the candidate graph (`blocking.closure`)
      -> those keys resolved again (`resolve`: local to components), each from what the stored
         graph folded of its rows (`GraphState.aggregates`) with the new articles' rows folded
         in: a key named in thousands of articles costs one aggregate, not thousands of rows
      -> the component's entities that *changed* (an id that leaves or comes, or the same id
         with other keys): they leave with every edge and come back with all their links,
         relations and statements, and the described statements of the articles their
         wordings are in are said again
      -> the entities that *stayed* (the same id over the same keys, or over those and keys no
         stored article has): their node keeps its edges and, when a new article mentions it,
         gets its counts and aliases set anew; only the new articles' links to it are added,
         only the relations with evidence from a new article are written again (from all
         their evidence), and only the speakers with a new wording (or a wording to an entity
         that changed) are said again
      -> `GraphPatch`: the stored versions of all these leave, the new ones go in (a statement
         said again as it was stays as it is)

An entity that stayed has the rows it had plus the new articles' (no other row names its
keys, and a key it gained has no other), so everything the new articles do not touch is
what a full assembly gives again; an entity outside the component keeps its keys, rows and
so its id and counts; a relation between two such entities has no evidence from a new
article (its keys would be in the component). The result equals a full `build.assemble` of the same articles
(`tests/integration/test_incremental.py`).

Given up on (`None`: the caller assembles in full) when an article's outlet changes name
(corroboration of relations far away changes). Only additions come here: forgotten,
replaced or re-extracted articles, a correction, new code go through a full assembly.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from ..model.curation import Curation
from ..model.graph import ArticleNode, EntityNode, NodeLabel, RelationType, published_date
from .article_rows import EntityRow, EvidenceRow, StatementRow
from .blocking import Entry, closure
from .build import _chunked, _links, _relations, _speaking
from .curation import curated, curated_links
from .resolve import EntityLinker
from .state import GraphState
from .statement_build import StatementGroups

log = logging.getLogger(__name__)


class IncrementSource(Protocol):
    """The rows and the stored graph's state, looked up by key and article (the cache)."""

    def new_articles(self) -> list[ArticleNode]: ...

    def articles(self, ids: Iterable[str]) -> dict[str, ArticleNode]: ...

    def entity_rows(self, *, keys: Iterable[str] = (), articles: Iterable[str] = ()) -> list[EntityRow]: ...

    def aggregates(self, keys: Iterable[str]) -> dict[str, str]: ...

    def article_counts(self, keys_of: Mapping[str, Iterable[str]]) -> dict[str, int]: ...

    def stored_article_counts(self, ids: Iterable[str]) -> dict[str, int]: ...

    def evidence_rows(self, *, keys: Iterable[str] = (), articles: Iterable[str] = ()) -> list[EvidenceRow]: ...

    def statement_rows(self, *, speakers: Iterable[str] = (), receivers: Iterable[str] = (),
                       articles: Iterable[str] = ()) -> list[StatementRow]: ...

    def stored_entities(self, keys: Iterable[str]) -> dict[str, tuple[str, str, str]]: ...

    def keys_of_entities(self, ids: Iterable[str]) -> list[str]: ...

    def buckets_of(self, keys: list[str]) -> dict[str, set[Entry]]: ...

    def members_of(self, buckets: list[str]) -> dict[str, list[tuple[str, bool]]]: ...

    def outlet_keys(self, articles: Iterable[str]) -> dict[str, str]: ...

    def outlet_role_keys(self, keys: Iterable[str]) -> set[str]: ...


class GraphPatch(Protocol):
    """A graph sink that first takes rows out of the stored graph."""

    def remove_entities(self, ids: Mapping[str, str]) -> None:
        """The entities (id -> label) with every edge they have."""
        ...

    def remove_statements(self, *, said_by: Iterable[str], described_in: Iterable[str]) -> None:
        """The statements these entities said, and the described-speaker ones these articles report."""
        ...

    def remove_relations(self, ids: Mapping[str, RelationType]) -> None:
        """The relations (id -> type) between entities that stay."""
        ...

    def update_entities(self, rows: list[EntityNode]) -> None:
        """Entities that stay, with their properties set anew and their edges kept."""
        ...

    def add_articles(self, rows: list[ArticleNode]) -> None: ...

    def add_entities(self, rows: list[EntityNode]) -> None: ...

    def add_relations(self, rows: list) -> None: ...

    def add_statements(self, rows: list) -> None: ...

    def add_links(self, rows: list) -> None: ...


@dataclass(frozen=True)
class Increment:
    articles: int  # new articles
    keys: int  # block keys resolved again (the touched component)
    touched: int  # block keys of the new articles
    entities: int  # entities written (removed before: `removed`)
    removed: int
    kept: int  # entities of the component that stayed, with their edges (`updated` of them set anew)
    updated: int
    relations: int
    statements: int
    state: GraphState = field(repr=False)


class _Known:
    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name


class _Resolved:
    """Block key -> entity: the component's from its new resolution, the others' as stored."""

    def __init__(self, inside: Mapping[str, str], outside: Mapping[str, tuple[str, str, str]],
                 entities: Mapping[str, EntityNode]) -> None:
        self._inside = inside
        self._outside = outside
        self.entities: dict[str, EntityNode | _Known] = {i: _Known(name) for i, _, name in outside.values()}
        self.entities.update(entities)

    def global_id(self, key: str) -> str:
        return self._inside[key] if key in self._inside else self._outside[key][0]


class _Rows:
    """A `build.RowSource` over rows already fetched."""

    def __init__(self, entity_rows: list[EntityRow], evidence_rows: list[EvidenceRow]) -> None:
        self._entities, self._evidence = entity_rows, evidence_rows

    def entity_rows(self) -> list[EntityRow]:
        return self._entities

    def evidence_rows(self) -> list[EvidenceRow]:
        return self._evidence


def assemble_increment(source: IncrementSource, patch: GraphPatch, *, curation: Curation | None = None,
                       scratch: Path | None = None) -> Increment | None:
    """Add the articles the stored graph lacks (`source.new_articles()`) to it through `patch`.
    None, before anything is removed, when only a full assembly can do it (an outlet renamed)."""
    curation = curation or Curation()
    new = source.new_articles()
    new_ids = [a.id for a in new]
    new_rows = source.entity_rows(articles=new_ids)
    touched = sorted({r.block_key for r in new_rows})
    # the touched keys' rows folded: what the stored graph folded of them, then the new articles' rows
    linker = EntityLinker()
    linker.add_aggregates(source.aggregates(touched))
    linker.add(new_rows)
    now = linker.buckets()
    before = source.buckets_of(touched)
    start = {k: now.get(k, set()) | before.get(k, set()) for k in touched}

    def members_of(buckets: list[str]) -> dict[str, list[tuple[str, bool]]]:
        found = source.members_of(buckets)
        wanted = set(buckets)
        for key in touched:
            for bucket, hub in now.get(key, ()):
                if bucket in wanted:
                    found.setdefault(bucket, []).append((key, hub))
        return found

    keys = closure(start, source.buckets_of, members_of)
    linker.add_aggregates(source.aggregates(set(keys) - set(touched)))  # the rest of the component, as stored
    resolution = linker.resolve(curation)
    inside = {k: resolution.global_id(k) for k in keys}
    stored = source.stored_entities(keys)
    for key in source.outlet_role_keys(k for k in stored):
        if resolution.entities[inside[key]].name != stored[key][2]:
            log.info("incremental assembly: the outlet %r is now named %r: full assembly",
                     stored[key][2], resolution.entities[inside[key]].name)
            return None
    log.info("incremental assembly: %d new articles, %d block keys of theirs, %d keys resolved again",
             len(new), len(touched), len(keys))

    # which entities of the component changed and which stayed (the same id over the same keys)
    new_set = set(new_ids)
    old_keys: dict[str, set[str]] = defaultdict(set)
    for key, (entity, _, _) in stored.items():
        old_keys[entity].add(key)
    new_keys: dict[str, set[str]] = defaultdict(set)
    for key, entity in inside.items():
        new_keys[entity].add(key)
    # an entity also stays when the keys it gained are new ones (only new articles have their rows)
    kept = {entity for entity, found in new_keys.items()
            if entity in old_keys and old_keys[entity] <= found and not (found - old_keys[entity]) & stored.keys()}
    changed_old, changed = set(old_keys) - kept, set(new_keys) - kept
    grown = {inside[r.block_key] for r in new_rows} & kept
    moved_keys = [k for k in keys if inside[k] in changed]

    # the relations to make again: those of the entities that changed, and those a new article
    # gives evidence for; all the evidence of each (every row of theirs names a key of an end)
    ends = {inside[k] for r in source.evidence_rows(articles=new_ids) for k in (r.source_key, r.target_key) if k}
    evidence = source.evidence_rows(keys=[*moved_keys, *(k for k in keys if inside[k] in ends and k not in moved_keys)])

    # every other key the fetched rows name: its stored entity
    speaking = source.statement_rows(speakers=moved_keys, receivers=moved_keys, articles=new_ids)
    other_keys = {k for r in evidence for k in (r.source_key, r.target_key) if k and k not in keys}
    other_keys |= {k for r in speaking for k in (r.speaker_key, r.receiver_key) if k and k not in keys}
    outside = source.stored_entities(other_keys)
    labels: dict[str, NodeLabel] = {e.id: NodeLabel(e.type) for e in resolution.entities.values()}
    labels.update({i: NodeLabel(label) for i, label, _ in outside.values()})

    def moved(key: str | None) -> bool:
        return key is not None and key in inside and inside[key] in changed

    def entity_of(key: str) -> str:
        return inside[key] if key in inside else outside[key][0]

    # statements: the speakers to say again and the articles whose described speakers to say again
    speakers = changed | changed_old
    for row in speaking:
        if row.speaker_key and (row.article_id in new_set or moved(row.receiver_key)):
            speakers.add(entity_of(row.speaker_key))
    described_in = new_set | {r.article_id for r in speaking if moved(r.speaker_key) or moved(r.receiver_key)}
    elsewhere = speakers - set(new_keys) - set(old_keys)  # speakers outside the component
    wordings = source.statement_rows(speakers=[*(k for k in keys if inside[k] in speakers),
                                               *source.keys_of_entities(elsewhere)], articles=described_in)
    more = {k for r in wordings for k in (r.speaker_key, r.receiver_key) if k and k not in keys and k not in outside}
    outside.update(source.stored_entities(more))
    labels.update({i: NodeLabel(label) for i, label, _ in outside.values()})
    resolved = _Resolved(inside, outside, resolution.entities)

    # the articles whose dates and outlets the rebuilt relations and statements read
    read = {r.article_id for r in (*evidence, *wordings)} | new_set
    nodes = source.articles(read)
    labels.update({a: NodeLabel.ARTICLE for a in read})
    dates = {a: day for a, node in nodes.items() if (day := published_date(node))}
    outlet_keys = source.outlet_keys(read)
    outlet_entities = source.stored_entities(k for k in outlet_keys.values() if k not in keys)
    outlets = {a: (resolution.entities[inside[k]].name if k in inside else outlet_entities[k][2])
               for a, k in outlet_keys.items()}

    patch.remove_statements(said_by=sorted(speakers), described_in=sorted(described_in - new_set))
    old_entities = {i: label for i, label, _ in stored.values() if i in changed_old}
    patch.remove_entities(old_entities)

    # an entity that stayed is mentioned in the articles it was and the new ones that name it
    article_counts = source.article_counts({entity: new_keys[entity] for entity in changed})
    newly: dict[str, set[str]] = defaultdict(set)
    for row in new_rows:
        if row.mentions:
            newly[inside[row.block_key]].add(row.article_id)
    stored_counts = source.stored_article_counts(grown)
    article_counts.update({entity: stored_counts[entity] + len(newly[entity]) for entity in grown})
    counted = [e.model_copy(update={"article_count": article_counts[e.id]})
               for e in sorted(resolution.entities.values(), key=lambda e: e.id) if e.id in changed | grown]
    entities = _chunked(patch.add_entities, [e for e in counted if e.id in changed])
    _chunked(patch.update_entities, [e for e in counted if e.id in grown])
    _chunked(patch.add_articles, new)
    seen: set[str] = set()
    with StatementGroups(scratch.with_name(scratch.name + ".statements") if scratch else None) as groups:
        for row in wordings:
            spoken = _speaking(row, resolved, labels)
            speaker = spoken[1]
            if (speaker in speakers) if speaker is not None else row.article_id in described_in:
                groups.add(*spoken)
        statements = _chunked(patch.add_statements, curated(groups.statements(outlets, dates), curation, seen))
        _chunked(patch.add_links, curated_links(groups.links(), curation))
    # the links of the entities that changed, from all their rows, and the new articles' links
    linked = source.entity_rows(keys=moved_keys, articles=new_ids)
    _chunked(patch.add_links, (link for link in _links(_Rows(linked, []), resolved, labels)
                               if link.target in changed or link.source in new_set))
    rebuilt = [r for r in curated(_relations(_Rows([], evidence), resolved, labels, outlets, dates, scratch),
                                  curation, seen)
               if r.source in changed or r.target in changed or any(e.article_id in new_set for e in r.evidence)]
    patch.remove_relations({r.id: r.type for r in rebuilt if r.source not in changed and r.target not in changed})
    relations = _chunked(patch.add_relations, rebuilt)
    state = GraphState(
        keys={k: (i, labels[i].value, resolution.entities[i].name) for k, i in inside.items()},
        buckets={k: now.get(k, set()) for k in touched},
        aggregates=linker.aggregates(touched),
        articles=new_ids,
        article_counts={entity: article_counts[entity] for entity in changed | grown},
    )
    return Increment(articles=len(new), keys=len(keys), touched=len(touched), entities=entities,
                     removed=len(old_entities), kept=len(kept), updated=len(grown), relations=relations,
                     statements=statements, state=state)
