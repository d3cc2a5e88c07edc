"""Corrections applied during assembly: entity corrections regroup the resolved name-key
clusters, edge corrections drop or mark relations and statements.

Resolution hands over its clusters of block keys; `regroup` applies the merges, splits, aliases
and types in the order they were made, and says what each did (`Outcome`). A correction names
an entity by any of its names or aliases (by name key); when several entities have that name,
the one whose own name it is wins, and if that is still several, the correction is ambiguous
and left out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar

from ..model.curation import Alias, Curation, EdgeAction, Merge, Outcome, Retype, Split
from ..model.graph import EntityNode, EntityType, Link, LinkType, Relation, Statement
from ..model.names import name_key

Edge = TypeVar("Edge", Relation, Statement)


@dataclass
class Group:
    """One entity to be: its block keys, and what corrections fixed about it."""

    keys: list[str]
    name: str | None = None  # the name a merge kept
    type: EntityType | None = None
    aliases: set[str] = field(default_factory=set)


@dataclass
class Regrouped:
    groups: list[Group]
    outcomes: dict[int, Outcome]  # correction index -> what it did


def regroup(
    clusters: Iterable[list[str]],
    curation: Curation,
    *,
    names_of: Callable[[str], Iterable[str]],
    entity_of: Callable[[Group], EntityNode],
) -> Regrouped:
    """Apply `curation`'s entity corrections to resolution's `clusters` of block keys.

    Parameters
    ----------
    clusters : iterable of list of str
        The block keys of each entity, as automatic resolution joined them.
    curation : Curation
        The corrections, applied in order.
    names_of : callable, keyword-only
        The names and aliases the mentions under a block key have.
    entity_of : callable, keyword-only
        The entity a group would become (its name, type and aliases).

    Returns
    -------
    Regrouped
        The groups, and the outcome of each entity correction.
    """
    if not curation.entity_corrections:
        return Regrouped([Group(list(keys)) for keys in clusters], {})
    state = _Groups([Group(list(keys)) for keys in clusters], names_of, entity_of)
    outcomes: dict[int, Outcome] = {}
    for index, correction in curation.entity_corrections:
        if isinstance(correction, Merge):
            outcomes[index] = state.merge(correction.name, correction.into)
        elif isinstance(correction, Split):
            outcomes[index] = state.split(correction.name)
        elif isinstance(correction, Alias):
            outcomes[index] = state.alias(correction.entity, correction.alias)
        elif isinstance(correction, Retype):
            outcomes[index] = state.retype(correction.entity, correction.type)
    return Regrouped(state.remaining(), outcomes)


class _Groups:
    def __init__(self, groups: list[Group], names_of, entity_of) -> None:
        self.groups: dict[int, Group] = dict(enumerate(groups))
        self.names_of = names_of
        self.entity_of = entity_of
        self.index: dict[str, set[int]] = defaultdict(set)  # name key -> groups with a name of that key
        for gid, group in self.groups.items():
            for key in group.keys:
                self._index_key(key, gid)

    def remaining(self) -> list[Group]:
        return [self.groups[gid] for gid in sorted(self.groups)]

    def _index_key(self, block_key: str, gid: int) -> None:
        for name in self.names_of(block_key):
            self.index[name_key(name)].add(gid)

    def find(self, name: str) -> int | Outcome:
        key = name_key(name)
        found = {gid for gid in self.index.get(key, ()) if gid in self.groups}
        if len(found) > 1:
            found = {gid for gid in found if name_key(self._name(gid)) == key} or found
        if not found:
            return Outcome.NOT_FOUND
        return found.pop() if len(found) == 1 else Outcome.AMBIGUOUS

    def _name(self, gid: int) -> str:
        group = self.groups[gid]
        return group.name or self.entity_of(group).name

    def merge(self, name: str, into: str) -> Outcome:
        source, target = self.find(name), self.find(into)
        if isinstance(source, Outcome) or isinstance(target, Outcome):
            return source if isinstance(source, Outcome) else target
        if source == target:
            return Outcome.ALREADY
        self._fold(source, target)
        return Outcome.APPLIED

    def _fold(self, source: int, target: int) -> None:
        kept, gone = self.groups[target], self.groups.pop(source)
        entity = self.entity_of(kept)
        kept.name, kept.type = kept.name or entity.name, kept.type or entity.type
        kept.keys += gone.keys
        kept.aliases |= gone.aliases
        for key in gone.keys:
            self._index_key(key, target)
        for alias in gone.aliases:
            self.index[name_key(alias)].add(target)

    def split(self, name: str) -> Outcome:
        gid = self.find(name)
        if isinstance(gid, Outcome):
            return gid
        group, key = self.groups[gid], name_key(name)
        leaving = [k for k in group.keys if any(name_key(n) == key for n in self.names_of(k))]
        if not leaving or len(leaving) == len(group.keys):
            return Outcome.ALREADY
        group.keys = [k for k in group.keys if k not in leaving]
        new = max(self.groups) + 1
        self.groups[new] = Group(leaving)
        for k in leaving:
            self._index_key(k, new)
        self.index[key].discard(gid)
        for k in group.keys:  # names the staying keys still have
            self._index_key(k, gid)
        return Outcome.APPLIED

    def alias(self, entity: str, alias: str) -> Outcome:
        gid = self.find(entity)
        if isinstance(gid, Outcome):
            return gid
        other = self.find(alias)
        if isinstance(other, int) and other != gid:
            self._fold(other, gid)
        if name_key(alias) in {name_key(a) for a in self.groups[gid].aliases} or other == gid:
            return Outcome.ALREADY
        self.groups[gid].aliases.add(alias)
        self.index[name_key(alias)].add(gid)
        return Outcome.APPLIED

    def retype(self, entity: str, entity_type: EntityType) -> Outcome:
        gid = self.find(entity)
        if isinstance(gid, Outcome):
            return gid
        group = self.groups[gid]
        if (group.type or self.entity_of(group).type) is entity_type:
            return Outcome.ALREADY
        group.type = entity_type
        return Outcome.APPLIED


def curated(items: Iterable[Edge], curation: Curation, seen: set[str]) -> Iterator[Edge]:
    """Relations or statements without the rejected ones, the verified ones marked; the ids of
    those a correction names go into `seen`."""
    rejected, verified = curation.edges(EdgeAction.REJECT), curation.edges(EdgeAction.VERIFY)
    for item in items:
        if item.id in rejected or item.id in verified:
            seen.add(item.id)
        if item.id in rejected:
            continue
        yield item.model_copy(update={"verified": True}) if item.id in verified else item


def curated_links(links: Iterable[Link], curation: Curation) -> Iterator[Link]:
    """Links without those to a rejected statement (its SAID and REPORTS)."""
    rejected = curation.edges(EdgeAction.REJECT)
    for link in links:
        if not (link.type in (LinkType.SAID, LinkType.REPORTS) and link.target in rejected):
            yield link


def edge_outcomes(curation: Curation, seen: set[str]) -> dict[int, Outcome]:
    """What each edge correction did, once the relations and statements have gone past."""
    return {i: Outcome.APPLIED if c.edge in seen else Outcome.NOT_FOUND
            for i, c in enumerate(curation.corrections) if not isinstance(c, (Merge, Split, Alias, Retype))}
