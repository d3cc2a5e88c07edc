"""Where cross-article resolution can look: the buckets a block key shares with others.

Every decision `resolve` makes about a block key reads only keys it could join, or whose
entity could take the same id: keys with the same name, a name one of its aliases or
short forms names, the same person form, a surname it could claim (or be claimed by), a
family plural. Each of these is a bucket here. Two keys are
*candidates* when they share a bucket, and one of them is its bucket's hub (a leaf meets
only the hubs: full names sharing a surname never meet unless a bare surname is there).
Resolution is then local to the connected components of that candidate graph: resolving the
rows of one component alone gives the entities a run over the whole corpus gives it
(`tests/unit/graph/test_blocking.py` checks that on real extractions). That is what
incremental ingest relies on (`graph.incremental`): only the components the new articles
touch are resolved again.

A key's buckets are a function of its own aggregate (its rows), so the keys new articles do
not touch keep theirs; a join added to `resolve` needs its bucket here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from ..model.names import name_key
from .article_rows import key_name
from .person_names import load_person_names, organization_suffixes

Entry = tuple[str, bool]  # (bucket, hub)


def bucket_entries(key: str, *, aliases: Iterable[str], person_name: str | None, claims: Iterable[str] | None,
                   family_of: bool) -> set[Entry]:
    """The buckets of a block key, from what resolution folded of all its rows.

    `person_name`: its fullest name when it is a person's (its person form joins others);
    `claims`: the surnames a full name can give to a bare surname (None: it is no person's full
    name with mentions); `family_of`: a person's full name, whose surname's plural is a family.
    (Corrections are applied by a full assembly: `app.pipeline`.)"""
    forms, suffixes = load_person_names(), organization_suffixes()
    kind, text = key.split("|", 1)[0], key_name(key)
    words = text.split()
    aliases = list(aliases)
    entries: set[Entry] = {("n:" + text, True)}  # same name: fixed names, the same entity id, a short form's target
    entries.update(("n:" + name_key(alias), False) for alias in aliases)
    if len(words) >= 2 and words[-1] in suffixes:
        entries.add(("n:" + " ".join(words[:-1]), False))
    form = forms.form(person_name) if person_name else None
    if form is not None:
        entries.add(("p:" + form.key, True))
    if claims is not None:
        entries.update(("s:" + surname, False) for surname in claims)
    if family_of:
        entries.add(("f:" + words[-1], False))
    if kind == "name" and len(words) == 1:
        entries.add(("s:" + words[0], True))
        entries.update(("f:" + words[0][: -len(end)], True) for end in ("s", "es") if words[0].endswith(end))
    return entries


def closure(
    start: Mapping[str, set[Entry]],
    entries_of: Callable[[list[str]], Mapping[str, set[Entry]]],
    members_of: Callable[[list[str]], Mapping[str, list[tuple[str, bool]]]],
) -> set[str]:
    """The block keys connected to those of `start` in the candidate graph.

    `start`: the keys to begin with and their entries (what is known of them now, and what was
    known before, both); `entries_of(keys)`: the stored entries of other keys; `members_of(buckets)`:
    each bucket's keys with whether they are its hub (`start`'s entries included by the caller).
    """
    seen: set[str] = set(start)
    known: dict[str, set[Entry]] = dict(start)
    frontier = list(start)
    visited: dict[str, bool] = {}  # bucket -> visited as a hub (all members) or not (its hubs)
    while frontier:
        missing = [k for k in frontier if k not in known]
        known.update(entries_of(missing))
        wanted: dict[str, bool] = {}
        for key in frontier:
            for bucket, hub in known.get(key, ()):
                if visited.get(bucket) is True or (bucket in visited and not hub):
                    continue
                wanted[bucket] = wanted.get(bucket, False) or hub
        frontier = []
        if not wanted:
            break
        members = members_of(sorted(wanted))
        for bucket, as_hub in wanted.items():
            visited[bucket] = as_hub or visited.get(bucket, False)
            for member, member_hub in members.get(bucket, ()):
                if (as_hub or member_hub) and member not in seen:
                    seen.add(member)
                    frontier.append(member)
    return seen
