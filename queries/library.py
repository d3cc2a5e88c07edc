"""The named queries: one `NAME.cypher` file each (Neo4j's Cypher), with a header of `//` lines.

    // What the query answers (any number of lines).
    //
    // param entity: entity?         Description. (`?`: optional; `= 2`: default)
    // column a: string              Description.
    MATCH ...

Parameter types: string, int, float, bool; date (YYYY, YYYY-MM or YYYY-MM-DD, compared with
the graph's YYYY-MM-DD dates); modality (asserted, planned, proposed, denied, negated,
hypothetical, or any); and entity, outlet, article: a name (or title) the caller gives,
resolved to the list of matching node ids the Cypher receives (see `params.py`). An optional
string or date left out is the empty string (the dialects cannot both take a null there). Where LadybugDB's dialect differs, a
`NAME.ladybug.cypher` beside it says the same thing in that dialect; its
header comment is free text, the parameters and columns are the main file's.
"""

from __future__ import annotations

import re
from difflib import get_close_matches
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

PARAM_TYPES = frozenset({"string", "int", "float", "bool", "entity", "outlet", "article", "date", "modality"})
NODE_PARAM_TYPES = frozenset({"entity", "outlet", "article"})
COLUMN_TYPES = frozenset({"string", "int", "float", "bool", "list"})
DIALECTS = ("neo4j", "ladybug")

_PARAM = re.compile(
    r"^param\s+(?P<name>\w+):\s*(?P<type>\w+)(?P<optional>\?)?(?:\s*=\s*(?P<default>\S+))?\s+(?P<description>\S.*)$"
)
_COLUMN = re.compile(r"^column\s+(?P<name>\w+):\s*(?P<type>\w+)\s+(?P<description>\S.*)$")


class UnknownQuery(ValueError):
    pass


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    required: bool
    default: str | None  # as written in the header; coerced with the type
    description: str


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    description: str


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    params: tuple[Param, ...]
    columns: tuple[Column, ...]
    texts: dict[str, str]  # dialect -> Cypher text (Neo4j's when the dialect has no variant)

    def text(self, dialect: str) -> str:
        return self.texts[dialect]


def parse_header(name: str, text: str) -> tuple[str, tuple[Param, ...], tuple[Column, ...]]:
    """Description, parameters and columns from the leading `//` lines of a query file."""
    description: list[str] = []
    params: list[Param] = []
    columns: list[Column] = []
    for line in text.splitlines():
        if not line.startswith("//"):
            break
        body = line[2:].strip()
        if match := _PARAM.match(body):
            kind = match["type"]
            if kind not in PARAM_TYPES:
                raise ValueError(f"{name}: parameter {match['name']} has unknown type {kind!r}")
            required = not match["optional"] and match["default"] is None
            params.append(Param(match["name"], kind, required, match["default"], match["description"]))
        elif match := _COLUMN.match(body):
            if match["type"] not in COLUMN_TYPES:
                raise ValueError(f"{name}: column {match['name']} has unknown type {match['type']!r}")
            columns.append(Column(match["name"], match["type"], match["description"]))
        elif params or columns:
            raise ValueError(f"{name}: header line not understood: {body!r}")
        elif body:
            description.append(body)
    if not description or not columns:
        raise ValueError(f"{name}: the header needs a description and its columns")
    return " ".join(description), tuple(params), tuple(columns)


@cache
def all_queries() -> dict[str, NamedQuery]:
    """Every named query shipped in this package, by name."""
    folder = resources.files(__package__)
    files = {entry.name: entry.read_text(encoding="utf-8") for entry in folder.iterdir()
             if entry.name.endswith(".cypher")}
    queries = {}
    for filename, text in sorted(files.items()):
        if filename.endswith(".ladybug.cypher"):
            continue
        name = filename.removesuffix(".cypher")
        description, params, columns = parse_header(name, text)
        variant = files.get(f"{name}.ladybug.cypher", text)
        queries[name] = NamedQuery(name, description, params, columns, {"neo4j": text, "ladybug": variant})
    orphans = {f.removesuffix(".ladybug.cypher") for f in files if f.endswith(".ladybug.cypher")} - set(queries)
    if orphans:
        raise ValueError(f"LadybugDB variants without a query: {sorted(orphans)}")
    return queries


def get_query(name: str) -> NamedQuery:
    try:
        return all_queries()[name]
    except KeyError:
        raise UnknownQuery(f"no query named {name!r}{did_you_mean(name, all_queries())} "
                           f"(`newsgraph query --list` lists them)") from None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """"; did you mean 'x'?" with the closest of ``choices`` to a mistyped ``word``, or ""."""
    close = get_close_matches(word.lower(), list(choices), n=3, cutoff=0.6)
    return f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
