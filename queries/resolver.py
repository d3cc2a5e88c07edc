"""One resolver for every name a user types: query parameters, `viz --around`, the page.

A name matches an entity when it is the entity's id, or has the same comparison key as the
entity's name or one of its aliases (`model.names.name_key`: case, accents, punctuation, a
leading "the" and a possessive ignored: "nicolas maduro" finds Nicolás Maduro, "new york
times" finds The New York Times). A name that matches nothing gets the closest names the
graph has as suggestions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process

from ..model.names import name_key

SUGGESTIONS = 5
_SUGGESTION_CUTOFF = 75


class NoSuchNode(LookupError, ValueError):
    """A name that matches no entity, outlet or article in the graph."""


@dataclass(frozen=True)
class Named:
    """Something a user can name: an entity (or outlet) with its aliases."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    mentions: int = 0

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Named:
        """From a lookup row: `id`, `name`, `aliases` (and `mentions` when there)."""
        return cls(row["id"], row["name"], tuple(row.get("aliases") or ()), int(row.get("mentions") or 0))


@dataclass(frozen=True)
class NameMatches:
    """What a name matched: by id, by name, by alias (each in the candidates' order)."""

    text: str
    by_id: tuple[Named, ...]
    by_name: tuple[Named, ...]
    by_alias: tuple[Named, ...]

    def ids(self) -> list[str]:
        """Every match's id, sorted."""
        return sorted({n.id for n in (*self.by_id, *self.by_name, *self.by_alias)})

    def best(self) -> Named:
        """The one to centre on: an id match, else the most mentioned of the name matches, else of
        the alias matches."""
        group = self.by_id or self.by_name or self.by_alias
        return max(group, key=lambda n: (n.mentions, n.id))


def match_name(candidates: Iterable[Named], text: str, *, what: str = "entity") -> NameMatches:
    """The candidates `text` names; `NoSuchNode` (with the closest names) when there are none.

    >>> people = [Named("e1", "Nicolás Maduro", ("Maduro",), 9), Named("e2", "The New York Times")]
    >>> match_name(people, "nicolas maduro").ids()
    ['e1']
    >>> match_name(people, "New York Times").best().name
    'The New York Times'
    >>> match_name(people, "Nicolas Madura")
    Traceback (most recent call last):
    ...
    newsgraph.queries.resolver.NoSuchNode: no entity named 'Nicolas Madura' in the graph; did you mean 'Nicolás Maduro'?
    """
    candidates = list(candidates)
    key = name_key(text)
    by_id = tuple(n for n in candidates if n.id == text)
    by_name = tuple(n for n in candidates if key and name_key(n.name) == key)
    by_alias = tuple(n for n in candidates if key and key in {name_key(a) for a in n.aliases} and n not in by_name)
    if not (by_id or by_name or by_alias):
        raise NoSuchNode(f"no {what} named {text!r} in the graph{_did_you_mean(candidates, text)}")
    return NameMatches(text, by_id, by_name, by_alias)


def close_names(candidates: Iterable[Named], text: str, *, limit: int = SUGGESTIONS) -> list[str]:
    """The names of the candidates whose name or an alias is closest to `text` (by name key),
    best first."""
    forms: dict[str, str] = {}  # name key of a name or alias -> the candidate's name
    for n in candidates:
        for form in (n.name, *n.aliases):
            forms.setdefault(name_key(form), n.name)
    found = process.extract(name_key(text), list(forms), scorer=fuzz.WRatio, limit=None,
                            score_cutoff=_SUGGESTION_CUTOFF)
    return list(dict.fromkeys(forms[key] for key, _, _ in found))[:limit]


def _did_you_mean(candidates: list[Named], text: str) -> str:
    close = close_names(candidates, text)
    return f"; did you mean {', '.join(repr(n) for n in close)}?" if close else ""
