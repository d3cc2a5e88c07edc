"""Query parameters: required ones present, values coerced to the header's types, names resolved.

An `entity` (or `outlet`) parameter takes a name: it matches every entity (of
those labels) the resolver (`resolver.match_name`) says it names: its id, or the
same comparison key as its name or one of its aliases ("nicolas maduro" finds
"Nicolás Maduro", "new york times" finds "The New York Times"). An `article` parameter takes an
article id, or words found in its title or file path (same folding). The
Cypher receives the list of matching ids; an optional one left out is `[]`.

A store with name keys (`name_keys = True`: the embedded store's `NameKey` table, Neo4j's
indexed `NameKey` nodes) answers a name, or an id, with one lookup in the database; every
name is pulled only when that finds nothing (for the suggestions of the error), and an
article's words are searched only when they are not an article's id.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Mapping
from typing import Any, Literal, Protocol

from ..model.graph import Modality
from ..model.names import fold, name_key
from .library import NODE_PARAM_TYPES, NamedQuery, Param, did_you_mean
from .resolver import Named, NoSuchNode, close_names, match_name

# the statements the lookups run: the same text in both dialects
ENTITY_LOOKUP = (
    "MATCH (n:Person|Government|Organization|Outlet|Location) RETURN n.id AS id, n.name AS name, n.aliases AS aliases"
)
OUTLET_LOOKUP = "MATCH (n:Outlet) RETURN n.id AS id, n.name AS name, n.aliases AS aliases"
# on a store with name keys (`name_keys = True`), a name is one lookup of its key and of itself
# (an id): in the embedded table's primary key, or Neo4j's index on `NameKey.key` (one row of
# parallel lists there too); the full lookups above run only when it finds nothing (for the
# suggestions, and on a Neo4j database written before name keys)
KEY_LOOKUP = "UNWIND $keys AS key MATCH (k:NameKey) WHERE k.id = key RETURN k.ids AS ids, k.labels AS labels"
KEY_LOOKUPS = {
    "ladybug": KEY_LOOKUP,
    "neo4j": "MATCH (k:NameKey) WHERE k.key IN $keys RETURN collect(k.entity) AS ids, collect(k.label) AS labels",
}
ARTICLE_LOOKUP = "MATCH (n:Article) RETURN n.id AS id, n.title AS title, n.path AS path"
ARTICLE_ID_LOOKUP = "MATCH (n:Article) WHERE n.id = $id RETURN n.id AS id"

_INT64 = range(-(2**63), 2**63)  # both stores' INTEGER
_ROW_COUNT = re.compile(r"\b(?:LIMIT|SKIP)\s+\$(\w+)", re.IGNORECASE)  # a parameter that counts rows

_TRUE = {"true", "1", "yes", "y"}
_FALSE = {"false", "0", "no", "n"}


class CypherRunner(Protocol):
    """Anything that runs one Cypher statement with parameters: both stores, or a test double."""

    dialect: Literal["neo4j", "ladybug"]

    def run(self, cypher: str, parameters: dict[str, Any] | None = None, *, write: bool = False) -> list[dict[str, Any]]:
        ...


class QueryParameterError(ValueError):
    """A parameter is missing, unknown or not of its type."""


def bind(query: NamedQuery, given: Mapping[str, Any], store: CypherRunner) -> dict[str, Any]:
    """The Cypher parameters for `given` (names -> values as the caller wrote them)."""
    check_names(query, given)
    bound = {}
    lookups = _Lookups(store)
    row_counts = set(_ROW_COUNT.findall(query.text(store.dialect)))
    for param in query.params:
        value = given.get(param.name)
        if value is None and param.required:
            raise QueryParameterError(f"{query.name} needs the parameter {param.name} ({param.type})")
        bound[param.name] = _value(param, value, lookups)
        if param.name in row_counts and bound[param.name] < 0:
            raise QueryParameterError(f"parameter {param.name} counts rows: it must be 0 or more, not {bound[param.name]}")
    return bound


def check_names(query: NamedQuery, given: Iterable[str]) -> None:
    """`QueryParameterError` for a parameter name ``query`` does not declare (the closest it does
    suggested)."""
    declared = [p.name for p in query.params]
    unknown = sorted(set(given) - set(declared))
    if unknown:
        names = ", ".join(declared) or "none"
        hint = did_you_mean(unknown[0], declared) if len(unknown) == 1 else ""
        raise QueryParameterError(f"{query.name} has no parameter {', '.join(unknown)}{hint} (parameters: {names})")


class _Lookups:
    """Each lookup statement runs at most once per `bind` (two entity parameters, one query)."""

    def __init__(self, store: CypherRunner) -> None:
        self.store = store
        self.rows: dict[str, list[dict[str, Any]]] = {}

    def __call__(self, statement: str) -> list[dict[str, Any]]:
        if statement not in self.rows:
            self.rows[statement] = self.store.run(statement)
        return self.rows[statement]


def _value(param: Param, value: Any, lookups: _Lookups) -> Any:
    if value is None and param.default is not None:
        value = param.default
    if value is None and param.type in ("string", "date"):
        return ""  # left out: the query's `= ''` test says so
    if param.type == "date":
        return _date(param, value)
    if param.type == "modality":
        text = str(value).strip().lower()
        if text not in MODALITIES:
            raise QueryParameterError(f"parameter {param.name} must be one of {', '.join(sorted(MODALITIES))}, "
                                      f"not {value!r}")
        return text
    if param.type in NODE_PARAM_TYPES and value is not None and not str(value).strip():
        raise QueryParameterError(f"parameter {param.name} needs a name, not an empty string")
    if param.type in ("entity", "outlet"):
        return _lookup(lookups, value, param.type) if value is not None else []
    if param.type == "article":
        return _articles(lookups, value) if value is not None else []
    return _scalar(param, value)


def _scalar(param: Param, value: Any) -> Any:
    try:
        if param.type == "int":
            if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
                raise ValueError
            return _int64(param, int(value))
        if param.type == "float":
            return float(value)
        if param.type == "bool":
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in _TRUE | _FALSE:
                return text in _TRUE
            raise ValueError
    except QueryParameterError:
        raise
    except (TypeError, ValueError):
        raise QueryParameterError(f"parameter {param.name} must be {param.type}, not {value!r}") from None
    return str(value)


_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
MODALITIES = frozenset({*(m.value for m in Modality), "any"})


def _date(param: Param, value: Any) -> str:
    """A day as YYYY-MM-DD; a year or month stands for its first day ("until" adds nothing)."""
    match = _DATE.match(str(value).strip())
    if not match:
        raise QueryParameterError(f"parameter {param.name} must be a date (YYYY-MM-DD, YYYY-MM or YYYY), not {value!r}")
    year, month, day = match.group(1), match.group(2) or "01", match.group(3) or "01"
    if not ("01" <= month <= "12" and "01" <= day <= "31"):
        raise QueryParameterError(f"parameter {param.name} is no date: {value!r}")
    return f"{year}-{month}-{day}" if param.name != "until" or match.group(3) else _end_of(year, match.group(2))


def _end_of(year: str, month: str | None) -> str:
    """The last day of a year or month: until=2016 means through 2016-12-31."""
    if month is None:
        return f"{year}-12-31"
    days = calendar.monthrange(int(year), int(month))[1]
    return f"{year}-{month}-{days:02d}"


def _int64(param: Param, number: int) -> int:
    if number not in _INT64:
        raise QueryParameterError(f"parameter {param.name} must be an int of at most 64 bits, not {number}")
    return number


def _lookup(lookups: _Lookups, value: Any, what: str) -> list[str]:
    text = str(value)
    if getattr(lookups.store, "name_keys", False):
        rows = lookups.store.run(KEY_LOOKUPS[lookups.store.dialect], {"keys": [name_key(text), text]})
        ids = {i for row in rows for i, label in zip(row["ids"], row["labels"]) if what == "entity" or label == "Outlet"}
        if ids:
            return sorted(ids)
    rows = lookups(ENTITY_LOOKUP if what == "entity" else OUTLET_LOOKUP)
    return match_name((Named.from_row(row) for row in rows), text, what=what).ids()


def _articles(lookups: _Lookups, value: Any) -> list[str]:
    text = str(value)
    if getattr(lookups.store, "name_keys", False) and lookups.store.run(ARTICLE_ID_LOOKUP, {"id": text}):
        return [text]  # an article's id (a primary-key lookup) names that article
    rows = lookups(ARTICLE_LOOKUP)
    words = fold(text).strip()
    ids = sorted(
        row["id"] for row in rows
        if row["id"] == text or words in fold(row["title"] or "") or words in fold(row["path"] or "")
    )
    if not ids:
        titles = close_names((Named(row["id"], row["title"]) for row in rows if row["title"]), text, limit=3)
        hint = f"; did you mean {', '.join(repr(t) for t in titles)}?" if titles else ""
        raise NoSuchNode(f"no article with id, title or path {text!r} in the graph{hint}")
    return ids
