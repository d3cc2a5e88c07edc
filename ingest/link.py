"""Cross-article entity resolution: one node per real entity across the corpus.

Input: the entities each article resolved on its own (plus each article's
outlet and author from its metadata). Output: a global entity for every
article entity. Order-independent: the same set of articles always gives the
same entities and ids, whatever order they were ingested in.

Blocking by normalized name keys, never all pairs:
1. names join on their key, whatever type NER voted in each article ("Trump"
   voted Organization in one article is still "Trump"); curated names on
   their canonical name and type; groups and descriptions on their
   constructed name;
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
from collections.abc import Iterable
from dataclasses import dataclass, field

from newsgraph.graph.ids import entity_id
from newsgraph.graph.model import EntityType

from .names import is_acronym, name_key
from .records import ArticleExtraction, EntityRecord

SURNAME_DOMINANCE = 0.75  # share of mentions the leading full name needs to claim a bare surname
_TYPE_TIE_ORDER = (EntityType.PERSON, EntityType.ORGANIZATION, EntityType.GOVERNMENT, EntityType.OUTLET, EntityType.LOCATION)


@dataclass
class GlobalEntity:
    id: str
    name: str
    type: EntityType
    aliases: tuple[str, ...]
    mention_count: int
    article_count: int


@dataclass
class _Cluster:
    records: list[tuple[str, EntityRecord]] = field(default_factory=list)  # (article id, record)

    def names(self) -> Counter[str]:
        return Counter(r.name for _, r in self.records)

    def mentions(self) -> int:
        return sum(len(r.mentions) for _, r in self.records)

    def fixed_types(self) -> list[EntityType]:
        return [r.type for _, r in self.records if r.fixed_type]

    def votes(self) -> Counter[EntityType]:
        total: Counter[EntityType] = Counter()
        for _, r in self.records:
            total.update(r.type_votes)
        return total


@dataclass
class Resolution:
    entities: dict[str, GlobalEntity]  # global id -> entity
    mapping: dict[tuple[str, str], str]  # (article id, local entity id) -> global id

    def global_id(self, article_id: str, local_id: str) -> str:
        return self.mapping[(article_id, local_id)]


def metadata_records(extraction: ArticleExtraction) -> list[EntityRecord]:
    """The article's outlet and author, as entities with no mentions."""
    records = []
    info = extraction.article
    if info.outlet:
        records.append(_metadata_record(info.outlet, EntityType.OUTLET))
    if info.author:
        outlet = name_key(info.outlet or "")
        for author in _split_authors(info.author):
            if len(author.split()) >= 2 and name_key(author) != outlet:  # not "Reuters", "Staff"
                records.append(_metadata_record(author, EntityType.PERSON))
    return records


def resolve(extractions: Iterable[ArticleExtraction]) -> Resolution:
    clusters: dict[tuple, _Cluster] = defaultdict(_Cluster)
    for extraction in extractions:
        article = extraction.article.id
        for record in (*extraction.entities, *metadata_records(extraction)):
            clusters[_block_key(record)].records.append((article, record))
    parent = {key: key for key in clusters}

    def find(key: tuple) -> tuple:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def union(keep: tuple, other: tuple) -> None:
        a, b = find(keep), find(other)
        if a != b:
            parent[b] = a

    _join_fixed_names(clusters, union)
    _join_aliases(clusters, union)
    _join_surnames(clusters, find, union)
    merged: dict[tuple, _Cluster] = defaultdict(_Cluster)
    for key, cluster in clusters.items():
        merged[find(key)].records.extend(cluster.records)
    # clusters that come out as the same entity (same type and name) are one entity
    by_id: dict[str, _Cluster] = defaultdict(_Cluster)
    for cluster in merged.values():
        by_id[_global_entity(cluster).id].records.extend(cluster.records)
    entities: dict[str, GlobalEntity] = {}
    mapping: dict[tuple[str, str], str] = {}
    for cluster in by_id.values():
        entity = _global_entity(cluster)
        entities[entity.id] = entity
        for article, record in cluster.records:
            mapping[(article, record.id)] = entity.id
    return Resolution(entities=entities, mapping=mapping)


def _block_key(record: EntityRecord) -> tuple:
    if record.fixed_type:
        return ("fixed", record.type.value, name_key(record.name))
    if record.kind != "name":
        return ("described", name_key(record.name))
    return ("name", name_key(record.name))


def _join_fixed_names(clusters: dict[tuple, _Cluster], union) -> None:
    """A name NER found joins the one curated entity or metadata outlet of that name.

    A one-word name joins only a name that is exactly that word: "Axios" is
    Axios, but "Hill" is not The Hill (the key drops the article, the name does not).
    """
    fixed: dict[str, list[tuple]] = defaultdict(list)
    for key in clusters:
        if key[0] == "fixed":
            fixed[key[2]].append(key)
    for key in clusters:
        candidates = fixed.get(key[1], ()) if key[0] == "name" else ()
        if len(candidates) != 1:
            continue
        target = candidates[0]
        with_article = any(r.name.lower().startswith("the ") for _, r in clusters[target].records)
        if len(key[1].split()) >= 2 or not with_article:
            union(target, key)


def _join_aliases(clusters: dict[tuple, _Cluster], union) -> None:
    """Full names and acronyms an article gave as aliases join the clusters named by them."""
    by_name: dict[str, list[tuple]] = defaultdict(list)
    for key in clusters:
        by_name[key[-1]].append(key)
    for key, cluster in clusters.items():
        for _, record in cluster.records:
            for alias in record.aliases:
                if len(alias.split()) < 2 and not is_acronym(alias):
                    continue  # a bare surname is not enough: step 3 decides those
                for other in by_name.get(name_key(alias), ()):
                    if other != key and _compatible(key, other):
                        union(key if key[0] == "fixed" else other, other if key[0] == "fixed" else key)


def _compatible(a: tuple, b: tuple) -> bool:
    """Two curated entities of different types never merge; anything else may."""
    return not (a[0] == "fixed" and b[0] == "fixed" and a[1] != b[1])


def _join_surnames(clusters: dict[tuple, _Cluster], find, union) -> None:
    full_names: dict[str, list[tuple]] = defaultdict(list)
    for key, cluster in clusters.items():
        if key[0] == "name" and len(key[1].split()) >= 2 and cluster.mentions() and _personlike(cluster):
            surnames = {name_key(r.surname) for _, r in cluster.records if r.surname}
            for surname in surnames or {key[1].split()[-1]}:
                full_names[surname].append(key)
    for key, cluster in clusters.items():
        if key[0] != "name" or len(key[1].split()) != 1:
            continue
        candidates = {find(k) for k in full_names.get(key[1], ())}
        if not candidates:
            continue
        weights = {c: sum(clusters[k].mentions() + 1 for k in full_names[key[1]] if find(k) == c) for c in candidates}
        best = max(weights, key=lambda c: (weights[c], c))
        if weights[best] >= SURNAME_DOMINANCE * sum(weights.values()):
            union(best, key)


def _personlike(cluster: _Cluster) -> bool:
    fixed = cluster.fixed_types()
    if fixed:
        return EntityType.PERSON in fixed
    votes = cluster.votes()
    return votes.get(EntityType.PERSON, 0.0) > 0 and votes[EntityType.PERSON] >= max(votes.values())


def _global_entity(cluster: _Cluster) -> GlobalEntity:
    fixed = cluster.fixed_types()
    if fixed:
        entity_type = Counter(fixed).most_common(1)[0][0]
        names = Counter(r.name for _, r in cluster.records if r.fixed_type and r.type is entity_type)
    else:
        votes = cluster.votes()
        entity_type = max(_TYPE_TIE_ORDER, key=lambda t: (votes.get(t, 0.0), -_TYPE_TIE_ORDER.index(t)))
        names = cluster.names()
    name = max(names, key=lambda n: (len(n.split()), names[n], n))
    aliases = {n for _, r in cluster.records for n in (r.name, *r.aliases)}
    aliases = {a for a in aliases if name_key(a) != name_key(name)}
    return GlobalEntity(
        id=entity_id(entity_type.value, name_key(name)),
        name=name,
        type=entity_type,
        aliases=tuple(sorted(aliases)),
        mention_count=cluster.mentions(),
        article_count=len({article for article, r in cluster.records if r.mentions}),
    )


def _metadata_record(name: str, entity_type: EntityType) -> EntityRecord:
    key = name_key(name)
    words = name.split()
    return EntityRecord(
        id=entity_id(entity_type.value, key), name=name, type=entity_type, kind="name",
        fixed_type=entity_type is EntityType.OUTLET, type_votes={entity_type: 1.0},
        given_name=words[0] if entity_type is EntityType.PERSON and len(words) >= 2 else None,
        surname=words[-1] if entity_type is EntityType.PERSON and len(words) >= 2 else None,
    )


def _split_authors(author: str) -> list[str]:
    parts = [p.strip() for chunk in author.split(" and ") for p in chunk.split(",")]
    return list(dict.fromkeys(p for p in parts if p))
