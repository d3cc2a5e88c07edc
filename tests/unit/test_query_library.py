"""The query library's files, headers and parameter binding (no database: a stub store)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from newsgraph.queries import (
    NoSuchNode,
    QueryParameterError,
    UnknownQuery,
    get_query_columns,
    list_queries,
    run_query,
)
from newsgraph.queries.library import COLUMN_TYPES, PARAM_TYPES, get_query, parse_header
from newsgraph.queries.params import ARTICLE_LOOKUP, ENTITY_LOOKUP, OUTLET_LOOKUP, bind

REQUIRED_QUERIES = {
    "met_with", "meetings_of", "sanctions", "quoted_by", "outlet_compare", "article_sources", "corroborated",
    "shortest_connection", "central_actors", "co_mentioned", "neighbourhood",
}


class StubStore:
    """Answers the lookups from a fixed list of nodes and records what it was asked to run."""

    dialect = "ladybug"

    def __init__(self) -> None:
        self.ran: list[tuple[str, dict[str, Any]]] = []

    def run(self, cypher: str, parameters: dict[str, Any] | None = None, *, write: bool = False) -> list[dict]:
        assert not write
        if cypher == ENTITY_LOOKUP:
            return [{"id": "eMaduro", "name": "Nicolás Maduro", "aliases": ["Maduro"]},
                    {"id": "eNYT", "name": "The New York Times", "aliases": ["Times"]},
                    {"id": "eUS", "name": "United States", "aliases": None}]
        if cypher == OUTLET_LOOKUP:
            return [{"id": "eNYT", "name": "The New York Times", "aliases": ["Times"]}]
        if cypher == ARTICLE_LOOKUP:
            return [{"id": "a1", "title": "Trump officials held secret meetings", "path": "/x/thinkprogress-coup.txt"},
                    {"id": "a2", "title": "Report: Trump Administration Discussed", "path": "/x/breitbart.txt"}]
        self.ran.append((cypher, parameters or {}))
        return [{"ok": 1}]


def test_the_library_ships_the_queries_the_issue_asks_for():
    assert REQUIRED_QUERIES <= {q.name for q in list_queries()}


def test_every_query_has_a_description_typed_parameters_and_columns():
    for q in list_queries():
        assert q.description and q.columns
        assert all(p.type in PARAM_TYPES and p.description for p in q.params)
        assert all(c.type in COLUMN_TYPES and c.description for c in q.columns)
        assert len({c.name for c in q.columns}) == len(q.columns)
        for p in q.params:
            assert f"${p.name}" in q.text("neo4j") and f"${p.name}" in q.text("ladybug"), (q.name, p.name)


def test_every_variant_file_belongs_to_a_query_and_says_so():
    files = [f.name for f in resources.files("newsgraph.queries").iterdir() if f.name.endswith(".cypher")]
    for name in files:
        if name.endswith(".ladybug.cypher"):
            base = name.removesuffix(".ladybug.cypher")
            text = get_query(base).text("ladybug")
            assert text.startswith(f"// LadybugDB variant of {base}.cypher")


def test_header_parsing():
    text = ("// Line one\n// line two.\n//\n// param who: entity?   Someone.\n// param n: int = 3   How many.\n"
            "// column name: string   A name.\nMATCH (n) RETURN n.name AS name")
    description, params, columns = parse_header("demo", text)
    assert description == "Line one line two."
    assert [(p.name, p.type, p.required, p.default) for p in params] == [("who", "entity", False, None),
                                                                        ("n", "int", False, "3")]
    assert [(c.name, c.type) for c in columns] == [("name", "string")]
    with pytest.raises(ValueError, match="unknown type"):
        parse_header("demo", "// D\n// param x: person   X.\n// column a: string  A.\n")
    with pytest.raises(ValueError, match="not understood"):
        parse_header("demo", "// D\n// column a: string  A.\n// stray words\n")
    with pytest.raises(ValueError, match="needs a description and its columns"):
        parse_header("demo", "// D\nMATCH (n) RETURN n")


def test_unknown_query():
    with pytest.raises(UnknownQuery, match="newsgraph query --list"):
        run_query(StubStore(), "nope")
    assert get_query_columns("met_with")[:2] == ["a", "a_type"]


def test_names_resolve_case_accent_and_alias_insensitively():
    store = StubStore()
    query = get_query("meetings_of")
    window = {"modality": "asserted", "since": "", "until": ""}  # the defaults of the other parameters
    assert bind(query, {"entity": "NICOLAS MADURO"}, store) == {"entity": ["eMaduro"], **window}
    assert bind(query, {"entity": "maduro"}, store) == {"entity": ["eMaduro"], **window}
    assert bind(query, {"entity": "new york times"}, store) == {"entity": ["eNYT"], **window}
    assert bind(query, {"entity": "eUS"}, store) == {"entity": ["eUS"], **window}
    with pytest.raises(NoSuchNode, match="no entity named 'Nobody'"):
        bind(query, {"entity": "Nobody"}, store)
    with pytest.raises(QueryParameterError, match="needs a name"):
        bind(query, {"entity": "  "}, store)


def test_outlets_and_articles_resolve_too():
    store = StubStore()
    assert bind(get_query("quoted_by"), {"outlet": "the times"}, store) == {"entity": [], "outlet": ["eNYT"], "limit": 100}
    with pytest.raises(NoSuchNode, match="no outlet"):
        bind(get_query("quoted_by"), {"outlet": "Nicolás Maduro"}, store)
    sources = get_query("article_sources")
    assert bind(sources, {"article": "secret meetings"}, store) == {"article": ["a1"]}
    assert bind(sources, {"article": "breitbart"}, store) == {"article": ["a2"]}
    assert bind(sources, {"article": "a2"}, store) == {"article": ["a2"]}
    assert bind(sources, {}, store) == {"article": []}


def test_parameters_are_checked_and_coerced_from_the_header():
    store = StubStore()
    assert bind(get_query("corroborated"), {}, store) == {"min_outlets": 2, "modality": "asserted"}
    assert bind(get_query("corroborated"), {"min_outlets": "3"}, store) == {"min_outlets": 3, "modality": "asserted"}
    with pytest.raises(QueryParameterError, match="must be int"):
        bind(get_query("corroborated"), {"min_outlets": "many"}, store)
    with pytest.raises(QueryParameterError, match="must be int"):
        bind(get_query("corroborated"), {"min_outlets": 2.5}, store)
    with pytest.raises(QueryParameterError, match="needs the parameter entity"):
        bind(get_query("neighbourhood"), {}, store)
    with pytest.raises(QueryParameterError, match="has no parameter colour"):
        bind(get_query("neighbourhood"), {"entity": "Maduro", "colour": "red"}, store)


def test_modality_and_dates_are_checked_and_normalized():
    store = StubStore()
    query = get_query("met_with")
    bound = bind(query, {"modality": "Planned", "since": "2016-03", "until": "2016"}, store)
    assert (bound["modality"], bound["since"], bound["until"]) == ("planned", "2016-03-01", "2016-12-31")
    assert bind(query, {"until": "2016-02"}, store)["until"] == "2016-02-29"  # a leap year
    assert bind(query, {"modality": "any"}, store)["modality"] == "any"
    with pytest.raises(QueryParameterError, match="must be one of"):
        bind(query, {"modality": "rumoured"}, store)
    with pytest.raises(QueryParameterError, match="must be a date"):
        bind(query, {"since": "last week"}, store)
    with pytest.raises(QueryParameterError, match="no date"):
        bind(query, {"since": "2016-13-01"}, store)


@pytest.mark.parametrize(("name", "params", "message"), [
    ("central_actors", {"limit": "-5"}, "parameter limit counts rows: it must be 0 or more, not -5"),
    ("co_mentioned", {"limit": -1}, "parameter limit counts rows: it must be 0 or more, not -1"),
    ("central_actors", {"limit": "99999999999999999999"}, "must be an int of at most 64 bits"),
    ("corroborated", {"min_outlets": str(-(2**63) - 1)}, "must be an int of at most 64 bits"),
])
def test_row_counts_and_integers_out_of_range_are_parameter_errors(name, params, message):
    """Before, the store raised (a negative LIMIT, an int it cannot hold): a traceback, exit 1."""
    with pytest.raises(QueryParameterError, match=message):
        bind(get_query(name), params, StubStore())
    assert bind(get_query("central_actors"), {"limit": str(2**63 - 1)}, StubStore())["limit"] == 2**63 - 1
    assert bind(get_query("corroborated"), {"min_outlets": "-1"}, StubStore())["min_outlets"] == -1  # not a count


def test_run_query_sends_the_dialects_text_with_bound_parameters():
    store = StubStore()
    assert run_query(store, "shortest_connection", source="Maduro", target="United States") == [{"ok": 1}]
    [(text, params)] = store.ran
    assert text == get_query("shortest_connection").text("ladybug") and "SHORTEST" in text
    assert params == {"source": ["eMaduro"], "target": ["eUS"]}
    store.dialect = "neo4j"
    run_query(store, "shortest_connection", source="Maduro", target="United States")
    assert "shortestPath(" in store.ran[-1][0]


def test_the_readme_lists_every_query_with_its_columns():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for q in list_queries():
        line = next((row for row in readme.splitlines() if row.startswith(f"| `{q.name}` |")), None)
        assert line is not None, f"README's query table misses {q.name}"
        assert line.rstrip(" |").endswith(", ".join(c.name for c in q.columns)), q.name


def test_central_actors_counts_events_that_happened_by_default():
    assert bind(get_query("central_actors"), {}, StubStore())["modality"] == "asserted"
    assert bind(get_query("central_actors"), {"modality": "any"}, StubStore())["modality"] == "any"
