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
3. full names of one person form join: middle initials and names optional,
   suffixes dropped, given-name variants read as one ("Joseph R. Biden Jr." and
   "Joe Biden"; `person_names.py`); a company's name joins its short form
   without "International", "Group", "Inc." ("Mondelez International", "Mondelez");
4. a surname-only person ("Trump" in an article that never gives the full
   name) joins the full-name person with that surname when one of them
   dominates; "Clinton" beside both Bill and Hillary Clinton stays apart;
5. type by the summed weighted votes of all mentions (a curated list fixes it),
   name by the fullest form (most words), then the most used; a family plural
   ("the Clintons") is no person.

No join merges clusters that cannot be one entity (`_Profile`): different given
names or middle initials, he against she (or Mr. against Mrs.), role classes that
exclude each other (a justice is not a reporter), a person's full name against a
place or an organization named after that person ("Trump Organization"), a
place against an outlet, an organization or a party.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from ..model.curation import Curation, Outcome
from ..model.graph import EntityNode, EntityType
from ..model.ids import entity_id
from ..model.names import is_acronym, name_key
from ..model.votes import leading_type, votes_for_person
from .article_rows import EntityRow, key_name
from .blocking import Entry, bucket_entries
from .curation import Group, regroup
from .person_names import PersonNames, load_person_names, middles_agree, organization_suffixes

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
    traits: set[tuple[str, str]] | None = None  # ("given", "william"), ("gender", "m"), ("role", "justice")

    def add(self, row: EntityRow) -> None:
        self.names[row.name] += 1
        if row.given_name or row.gender or row.roles:
            self.traits = self.traits or set()
            self.traits.update((("given", row.given_name),) if row.given_name else ())
            self.traits.update((("gender", row.gender),) if row.gender in ("m", "f") else ())
            self.traits.update(("role", role) for role in row.roles)
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
        if other.traits:
            self.traits = (self.traits or set()) | other.traits
        self.starts_with_the |= other.starts_with_the

    def personlike(self) -> bool:
        if self.fixed:
            return EntityType.PERSON in self.fixed
        return votes_for_person(self.votes)

    def encode(self) -> str:
        """The aggregate as JSON (`decode_aggregate` reads it back): what the graph state keeps of
        each block key, so an increment folds its new rows into it instead of reading all of them."""
        return json.dumps([
            self.names, {t.value: v for t, v in self.votes.items()}, self.mentions,
            {t.value: n for t, n in self.fixed.items()} if self.fixed else None,
            [[t.value, name, n] for (t, name), n in self.fixed_names.items()] if self.fixed_names else None,
            sorted(self.aliases) if self.aliases else None, sorted(self.surnames) if self.surnames else None,
            self.starts_with_the, sorted(self.traits) if self.traits else None,
        ], ensure_ascii=False)


def decode_aggregate(text: str) -> _Aggregate:
    names, votes, mentions, fixed, fixed_names, aliases, surnames, starts_with_the, traits = json.loads(text)
    return _Aggregate(
        names=Counter(names), votes=Counter({EntityType(t): v for t, v in votes.items()}), mentions=mentions,
        fixed=Counter({EntityType(t): n for t, n in fixed.items()}) if fixed is not None else None,
        fixed_names=Counter({(EntityType(t), name): n for t, name, n in fixed_names}) if fixed_names is not None else None,
        aliases=set(aliases) if aliases is not None else None, surnames=set(surnames) if surnames is not None else None,
        starts_with_the=starts_with_the, traits={tuple(t) for t in traits} if traits is not None else None,
    )


@dataclass(frozen=True, slots=True)
class _Profile:
    """What tells a cluster's entity from others: joins never merge two clusters whose profiles
    conflict. Sets are compared where both sides have something: disjoint sets conflict."""

    given: frozenset[str] = frozenset()  # canonical given names
    genders: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset()  # role classes
    middles: frozenset[str] = frozenset()  # middle initials of its full names
    person: bool = False  # holds a person's full name
    place: bool = False
    institution: bool = False  # an outlet, an organization or a party

    def conflicts(self, other: _Profile) -> bool:
        if _disjoint(self.given, other.given) or _disjoint(self.genders, other.genders) \
                or _disjoint(self.roles, other.roles):
            return True
        if any(not middles_agree(a, b) for a in self.middles for b in other.middles):
            return True
        named = (self.person and (other.place or other.institution)) or (other.person and (self.place or self.institution))
        return named or (self.place and other.institution) or (other.place and self.institution)

    def merge(self, other: _Profile) -> _Profile:
        return _Profile(self.given | other.given, self.genders | other.genders, self.roles | other.roles,
                        self.middles | other.middles, self.person or other.person, self.place or other.place,
                        self.institution or other.institution)


_NO_PROFILE = _Profile()
_INSTITUTIONS = (EntityType.OUTLET, EntityType.ORGANIZATION)


def _disjoint(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a) and bool(b) and not a & b


def _profile(key: str, aggregate: _Aggregate, forms: PersonNames) -> _Profile:
    traits = aggregate.traits or set()
    given = {forms.canonical_given(v) for k, v in traits if k == "given"}
    genders = frozenset(v for k, v in traits if k == "gender")
    roles = forms.classes(tuple(v for k, v in traits if k == "role"))
    words = key_name(key).split()
    fixed = aggregate.fixed or {}
    leading = None if fixed or not aggregate.votes else leading_type(aggregate.votes)
    person = _kind(key) == "name" and aggregate.personlike() or EntityType.PERSON in fixed
    form = forms.form(_fullest(aggregate.names)) if person else None
    if form is not None:
        given.add(form.given)
    place = EntityType.LOCATION in fixed or (len(words) >= 2 and leading is EntityType.LOCATION)
    institution = any(t in fixed for t in _INSTITUTIONS) or (
        _kind(key) == "name" and len(words) >= 2 and leading in _INSTITUTIONS)
    profile = _Profile(frozenset(given), genders, roles, frozenset({form.middle} - {""}) if form else frozenset(),
                       person and len(words) >= 2, place, institution)
    return _NO_PROFILE if profile == _NO_PROFILE else profile


def _fullest(names: Counter[str]) -> str:
    return max(names, key=lambda n: (len(n.split()), names[n], n))


class _Clusters:
    """Union-find over block keys that refuses to join clusters whose profiles conflict."""

    def __init__(self, keys: dict[str, _Aggregate]) -> None:
        from networkx.utils import UnionFind  # here: networkx's import only when resolution runs

        forms = load_person_names()
        self._sets = UnionFind(keys)
        self._profiles = {key: _profile(key, aggregate, forms) for key, aggregate in keys.items()}

    def __getitem__(self, key: str) -> str:
        return self._sets[key]

    def union(self, a: str, b: str) -> bool:
        """Join the clusters of `a` and `b` unless they conflict; whether they are one now."""
        ra, rb = self._sets[a], self._sets[b]
        if ra == rb:
            return True
        pa, pb = self._profiles[ra], self._profiles[rb]
        if pa.conflicts(pb):
            return False
        self._sets.union(ra, rb)
        self._profiles[self._sets[ra]] = pa.merge(pb) if pa is not pb else pa
        return True

    def to_sets(self) -> Iterator[set[str]]:
        return self._sets.to_sets()


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

    def key_entities(self) -> dict[str, str]:
        """Every block key with its entity's id."""
        return self._entity_of_key


class EntityLinker:
    def __init__(self) -> None:
        self._keys: dict[str, _Aggregate] = defaultdict(_Aggregate)

    def add(self, rows: Iterable[EntityRow]) -> None:
        for row in rows:
            self._keys[row.block_key].add(row)

    def add_aggregates(self, aggregates: Mapping[str, str]) -> None:
        """Block keys as folded before (`aggregates`: key -> `_Aggregate.encode`): the same as
        adding the rows they were folded from."""
        for key, text in aggregates.items():
            self._keys[key].merge(decode_aggregate(text))

    def aggregates(self, keys: Iterable[str] | None = None) -> dict[str, str]:
        """`keys` (all when None) as folded so far, encoded for `add_aggregates`."""
        return {key: self._keys[key].encode() for key in (self._keys if keys is None else keys)}

    def buckets(self) -> dict[str, set[Entry]]:
        """Each key's candidate buckets (`graph.blocking`): resolution is local to the components
        keys sharing them form. Each reads only its own aggregate, with the tests the joins below use."""
        found = {}
        for key, aggregate in self._keys.items():
            words, name_kind = key_name(key).split(), _kind(key) == "name"
            personlike = aggregate.personlike()
            person = (name_kind and personlike) or EntityType.PERSON in (aggregate.fixed or {})
            full_person = name_kind and len(words) >= 2 and personlike
            found[key] = bucket_entries(
                key, aliases=aggregate.aliases or (),
                person_name=_fullest(aggregate.names) if person and aggregate.names else None,
                claims=(aggregate.surnames or {words[-1]}) if full_person and aggregate.mentions else None,
                family_of=full_person,
            )
        return found

    def resolve(self, curation: Curation | None = None) -> Resolution:
        keys = self._keys
        clusters = _Clusters(keys)
        _join_fixed_names(keys, clusters)
        _join_person_forms(keys, clusters)
        _join_organization_forms(keys, clusters)
        _join_aliases(keys, clusters)
        _join_surnames(keys, clusters)
        members = sorted(sorted(group) for group in clusters.to_sets())  # the same order whatever the input's

        families = _family_keys(keys)

        def entity_of(group: Group) -> EntityNode:
            family = all(key in families for key in group.keys)
            return _global_entity(_merged([keys[key] for key in group.keys]), group, family=family)

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


def _join_fixed_names(keys: dict[str, _Aggregate], clusters: _Clusters) -> None:
    """A name NER found joins the one curated entity or metadata outlet of that name.

    A one-word name joins only a name that is exactly that word: "Axios" is
    Axios, but "Hill" is not The Hill (the key drops the article, the name does not).
    """
    fixed: dict[str, list[str]] = defaultdict(list)
    for key in sorted(keys):
        if _kind(key) == "fixed":
            fixed[key_name(key)].append(key)
    for key in sorted(keys):
        candidates = fixed.get(key_name(key), ()) if _kind(key) == "name" else ()
        if len(candidates) != 1:
            continue
        target = candidates[0]
        if len(key_name(key).split()) >= 2 or not keys[target].starts_with_the:
            clusters.union(target, key)


def _join_person_forms(keys: dict[str, _Aggregate], clusters: _Clusters) -> None:
    """ "Donald J. Trump" joins "Donald Trump", "Joe Biden" joins "Joseph R. Biden Jr.": person
    full names with the same given name (its variants read as one) and surname."""
    forms = load_person_names()
    by_form: dict[str, list[str]] = defaultdict(list)
    for key in sorted(keys):
        aggregate = keys[key]
        person = (_kind(key) == "name" and aggregate.personlike()) or EntityType.PERSON in (aggregate.fixed or {})
        form = forms.form(_fullest(aggregate.names)) if person and aggregate.names else None
        if form is not None:
            by_form[form.key].append(key)
    for group in by_form.values():
        for other in group[1:]:
            clusters.union(group[0], other)


def _join_organization_forms(keys: dict[str, _Aggregate], clusters: _Clusters) -> None:
    """ "Mondelez International" joins "Mondelez": a name that is not a person's, closed by a
    company suffix, joins the name without it."""
    suffixes = organization_suffixes()
    by_name: dict[str, list[str]] = defaultdict(list)
    for key in sorted(keys):
        by_name[key_name(key)].append(key)
    for key in sorted(keys):
        words = key_name(key).split()
        if len(words) < 2 or words[-1] not in suffixes or keys[key].personlike():
            continue
        for other in by_name.get(" ".join(words[:-1]), ()):
            if not keys[other].personlike():
                clusters.union(key, other)


def _join_aliases(keys: dict[str, _Aggregate], clusters: _Clusters) -> None:
    """Full names and acronyms an article gave as aliases join the keys named by them."""
    by_name: dict[str, list[str]] = defaultdict(list)
    for key in sorted(keys):
        by_name[key_name(key)].append(key)
    for key in sorted(keys):
        for alias in sorted(keys[key].aliases or ()):
            if len(alias.split()) < 2 and not is_acronym(alias):
                continue  # a bare surname is not enough: step 3 decides those
            for other in by_name.get(name_key(alias), ()):
                if other != key and _compatible(key, other):
                    clusters.union(key, other)


def _compatible(a: str, b: str) -> bool:
    """Two curated entities of different types never merge; anything else may."""
    return not (_kind(a) == "fixed" and _kind(b) == "fixed" and a.split("|")[1] != b.split("|")[1])


def _join_surnames(keys: dict[str, _Aggregate], clusters: _Clusters) -> None:
    full_names: dict[str, list[str]] = defaultdict(list)
    for key in sorted(keys):
        aggregate, words = keys[key], key_name(key).split()
        if _kind(key) == "name" and len(words) >= 2 and aggregate.mentions and aggregate.personlike():
            for surname in aggregate.surnames or {words[-1]}:
                full_names[surname].append(key)
    for key in sorted(keys):
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


def _family_keys(keys: dict[str, _Aggregate]) -> set[str]:
    """One-word names that are the plural of a person's surname: "the Clintons" is a family."""
    surnames = {key_name(key).split()[-1] for key, aggregate in keys.items()
                if _kind(key) == "name" and len(key_name(key).split()) >= 2 and aggregate.personlike()}

    def plural_of_surname(word: str) -> bool:
        return any(word.endswith(end) and word[: -len(end)] in surnames for end in ("s", "es"))

    return {key for key in keys if _kind(key) == "name" and " " not in key_name(key) and plural_of_surname(key_name(key))}


def _global_entity(aggregate: _Aggregate, corrected: Group | None = None, *, family: bool = False) -> EntityNode:
    """The entity of a cluster: a curated type or name first, then the automatic choice; what a
    correction fixed (`corrected`) over both. A family (`family`) is a group, never a Person."""
    if aggregate.fixed:
        entity_type = leading_type(aggregate.fixed)  # a tie: the same type whatever order rows came in
        names = Counter({name: n for (t, name), n in aggregate.fixed_names.items() if t is entity_type})
    else:
        entity_type = leading_type(aggregate.votes)
        if family and entity_type is EntityType.PERSON:
            entity_type = EntityType.ORGANIZATION
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
