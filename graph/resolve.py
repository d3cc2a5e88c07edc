"""Cross-article entity resolution: one node per real entity across the corpus.

Input: the entity rows of every article (`graph_rows.EntityRow`), in any
order, once. Memory grows with the distinct names, not with the articles:
rows are folded into one aggregate per block key as they stream past.
Order-independent: the same set of articles always gives the same entities
and ids, whatever order they were ingested in.

Blocking by normalized name keys, never all pairs:
1. names join on their key, whatever type NER voted in each article ("Trump"
   voted Organization in one article is still "Trump"); curated names on
   their canonical name and type; groups and descriptions on their
   constructed name; a name NER found joins the curated or metadata entity of
   that exact name;
2. full names join through the acronyms and multi-word aliases articles
   defined for them ("FARC", "World Health Organization");
3. a surname-only person ("Trump" in an article that never gives the full
   name) joins the full-name person with that surname when one of them
   dominates; "Clinton" beside both Bill and Hillary Clinton stays apart;
4. type by the summed weighted votes of all mentions (a curated list fixes it),
   name by the fullest form (most words), then the most used.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from networkx.utils import UnionFind

from ..model.curation import Curation, Outcome
from ..model.graph import EntityNode, EntityType
from ..model.ids import entity_id
from ..model.names import is_acronym, name_key
from ..model.votes import leading_type, votes_for_person
from .article_rows import EntityRow, key_name
from .curation import Group, regroup

SURNAME_DOMINANCE = 0.75  # share of mentions the leading full name needs to claim a bare surname


@dataclass(slots=True)
class _Aggregate:
    """Everything resolution needs about the rows of one block key. One per distinct name:
    the containers most keys never use stay None."""

    names: Counter[str] = field(default_factory=Counter)
    votes: Counter[EntityType] = field(default_factory=Counter)
    mentions: int = 0
    fixed: Counter[EntityType] | None = None
    fixed_names: Counter[tuple[EntityType, str]] | None = None
    aliases: set[str] | None = None
    surnames: set[str] | None = None
    starts_with_the: bool = False

    def add(self, row: EntityRow) -> None:
        self.names[row.name] += 1
        if row.fixed:
            self.fixed = self.fixed or Counter()
            self.fixed_names = self.fixed_names or Counter()
            self.fixed[row.type] += 1
            self.fixed_names[(row.type, row.name)] += 1
            self.starts_with_the |= row.name.lower().startswith("the ")
        self.votes.update(row.votes)
        if row.aliases:
            self.aliases = self.aliases or set()
            self.aliases.update(row.aliases)
        if row.surname:
            self.surnames = self.surnames or set()
            self.surnames.add(name_key(row.surname))
        self.mentions += row.mentions

    def merge(self, other: _Aggregate) -> None:
        self.names.update(other.names)
        self.votes.update(other.votes)
        self.mentions += other.mentions
        if other.fixed:
            self.fixed = (self.fixed or Counter()) + other.fixed
            self.fixed_names = (self.fixed_names or Counter()) + other.fixed_names
        if other.aliases:
            self.aliases = (self.aliases or set()) | other.aliases
        if other.surnames:
            self.surnames = (self.surnames or set()) | other.surnames
        self.starts_with_the |= other.starts_with_the

    def personlike(self) -> bool:
        if self.fixed:
            return EntityType.PERSON in self.fixed
        return votes_for_person(self.votes)


def _merged(aggregates: list[_Aggregate]) -> _Aggregate:
    """One aggregate for several; a single one is itself (no copy of what most keys hold)."""
    if len(aggregates) == 1:
        return aggregates[0]
    merged = _Aggregate()
    for aggregate in aggregates:
        merged.merge(aggregate)
    return merged


class Resolution:
    """Which entity each block key resolved to; the entities' `article_count` is not known here
    (0): assembly counts the articles."""

    def __init__(self, entities: dict[str, EntityNode], entity_of_key: dict[str, str],
                 outcomes: dict[int, Outcome] | None = None) -> None:
        self.entities = entities
        self._entity_of_key = entity_of_key
        self.outcomes = outcomes or {}  # what each entity correction did

    def global_id(self, block_key: str) -> str:
        return self._entity_of_key[block_key]


class EntityLinker:
    def __init__(self) -> None:
        self._keys: dict[str, _Aggregate] = defaultdict(_Aggregate)

    def add(self, rows: Iterable[EntityRow]) -> None:
        for row in rows:
            self._keys[row.block_key].add(row)

    def resolve(self, curation: Curation | None = None) -> Resolution:
        keys = self._keys
        clusters = UnionFind(keys)
        _join_fixed_names(keys, clusters)
        _join_aliases(keys, clusters)
        _join_surnames(keys, clusters)
        members = sorted(sorted(group) for group in clusters.to_sets())  # the same order whatever the input's

        def entity_of(group: Group) -> EntityNode:
            return _global_entity(_merged([keys[key] for key in group.keys]), group)

        regrouped = regroup(members, curation or Curation(), names_of=lambda key: _names(keys[key]),
                            entity_of=entity_of)
        del members
        # clusters that come out as the same entity (same type and name) are one entity
        groups_of_id: dict[str, list[Group]] = defaultdict(list)
        for group in regrouped.groups:
            groups_of_id[entity_of(group).id].append(group)
        entities, entity_of_key = {}, {}
        for groups in groups_of_id.values():
            joined = Group([key for g in groups for key in g.keys], groups[0].name, groups[0].type,
                           set().union(*(g.aliases for g in groups)))
            entity = entity_of(joined)
            entities[entity.id] = entity
            for key in joined.keys:
                entity_of_key[key] = entity.id
        return Resolution(entities, entity_of_key, regrouped.outcomes)


def _names(aggregate: _Aggregate) -> Iterator[str]:
    yield from aggregate.names
    yield from aggregate.aliases or ()


def resolve(rows: Iterable[EntityRow], *, curation: Curation | None = None) -> Resolution:
    """One entity per real entity across the corpus, from every article's entity rows.

    >>> from newsgraph.graph.article_rows import EntityRow
    >>> from newsgraph.model.graph import EntityType
    >>> def row(article, name, mentions=1):
    ...     return EntityRow(article_id=article, block_key=f"name|{name.lower()}", name=name, type=EntityType.PERSON,
    ...                      kind="name", fixed=False, votes={EntityType.PERSON: 1.0}, aliases=(),
    ...                      surname=name.split()[-1], mentions=mentions)
    >>> resolution = resolve([row("a1", "Nicolás Maduro", 3), row("a2", "Maduro")])
    >>> [e.name for e in resolution.entities.values()]
    ['Nicolás Maduro']
    """
    linker = EntityLinker()
    linker.add(rows)
    return linker.resolve(curation)


def _kind(key: str) -> str:
    return key.split("|", 1)[0]


def _join_fixed_names(keys: dict[str, _Aggregate], clusters: UnionFind) -> None:
    """A name NER found joins the one curated entity or metadata outlet of that name.

    A one-word name joins only a name that is exactly that word: "Axios" is
    Axios, but "Hill" is not The Hill (the key drops the article, the name does not).
    """
    fixed: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        if _kind(key) == "fixed":
            fixed[key_name(key)].append(key)
    for key in keys:
        candidates = fixed.get(key_name(key), ()) if _kind(key) == "name" else ()
        if len(candidates) != 1:
            continue
        target = candidates[0]
        if len(key_name(key).split()) >= 2 or not keys[target].starts_with_the:
            clusters.union(target, key)


def _join_aliases(keys: dict[str, _Aggregate], clusters: UnionFind) -> None:
    """Full names and acronyms an article gave as aliases join the keys named by them."""
    by_name: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        by_name[key_name(key)].append(key)
    for key, aggregate in keys.items():
        for alias in aggregate.aliases or ():
            if len(alias.split()) < 2 and not is_acronym(alias):
                continue  # a bare surname is not enough: step 3 decides those
            for other in by_name.get(name_key(alias), ()):
                if other != key and _compatible(key, other):
                    clusters.union(key, other)


def _compatible(a: str, b: str) -> bool:
    """Two curated entities of different types never merge; anything else may."""
    return not (_kind(a) == "fixed" and _kind(b) == "fixed" and a.split("|")[1] != b.split("|")[1])


def _join_surnames(keys: dict[str, _Aggregate], clusters: UnionFind) -> None:
    full_names: dict[str, list[str]] = defaultdict(list)
    for key, aggregate in keys.items():
        words = key_name(key).split()
        if _kind(key) == "name" and len(words) >= 2 and aggregate.mentions and aggregate.personlike():
            for surname in aggregate.surnames or {words[-1]}:
                full_names[surname].append(key)
    for key in keys:
        words = key_name(key).split()
        if _kind(key) != "name" or len(words) != 1:
            continue
        holders: dict[str, list[str]] = defaultdict(list)  # cluster -> its full names with this surname
        for k in full_names.get(words[0], ()):
            holders[clusters[k]].append(k)
        if not holders:
            continue
        weights = {c: sum(keys[k].mentions + 1 for k in names) for c, names in holders.items()}
        best = max(weights, key=lambda c: (weights[c], min(holders[c])))  # a tie: the same winner in any order
        if weights[best] >= SURNAME_DOMINANCE * sum(weights.values()):
            clusters.union(best, key)


def _global_entity(aggregate: _Aggregate, corrected: Group | None = None) -> EntityNode:
    """The entity of a cluster: a curated type or name first, then the automatic choice; what a
    correction fixed (`corrected`) over both."""
    if aggregate.fixed:
        entity_type = aggregate.fixed.most_common(1)[0][0]
        names = Counter({name: n for (t, name), n in aggregate.fixed_names.items() if t is entity_type})
    else:
        entity_type = leading_type(aggregate.votes)
        names = aggregate.names
    name = max(names, key=lambda n: (len(n.split()), names[n], n))
    extra: set[str] = set()
    if corrected is not None:
        entity_type, name, extra = corrected.type or entity_type, corrected.name or name, corrected.aliases
    aliases = {a for a in (*aggregate.names, *(aggregate.aliases or ()), *extra) if name_key(a) != name_key(name)}
    return EntityNode(
        id=entity_id(entity_type.value, name_key(name)), name=name, type=entity_type,
        aliases=tuple(sorted(aliases)), mention_count=aggregate.mentions, article_count=0,
    )
