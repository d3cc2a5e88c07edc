"""Named Cypher queries over the graph, for Neo4j and the embedded store alike.

    from . import list_queries, run_query, query_frame
    run_query(store, "meetings_of", entity="Nicolas Maduro")     # list of dicts
    query_frame(store, "corroborated", min_outlets=2)              # a pandas DataFrame

Each query is a `.cypher` file in this package (see `library.py` for the header
format and `params.py` for how names are matched).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .library import Column, NamedQuery, Param, UnknownQuery, all_queries, get_query
from .params import CypherRunner, QueryParameterError, bind, check_names
from .resolver import Named, NameMatches, NoSuchNode, match_name

if TYPE_CHECKING:
    import pandas


def list_queries() -> list[NamedQuery]:
    """Every named query (name, description, params, columns), by name."""
    return list(all_queries().values())


def run_query(store: CypherRunner, name: str, /, **params: Any) -> list[dict[str, Any]]:
    """The rows of the named query `name` on `store`, read-only.

    Parameters
    ----------
    store : CypherRunner
        Any object with a ``dialect`` ("neo4j" or "ladybug") and ``run(cypher, parameters)``:
        both stores, or a test double.
    name : str
        A named query (`list_queries`).
    **params
        The query's parameters as a user gives them (``name`` and ``store`` too: the first two
        arguments are positional only): names for ``entity``/``outlet`` (resolved
        by `match_name`), words of a title for ``article``, numbers as numbers or text.

    Returns
    -------
    list of dict
        One dict per row, keyed by the query's declared columns.

    Raises
    ------
    UnknownQuery, QueryParameterError, NoSuchNode

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from newsgraph.model.graph import KnowledgeGraph
    >>> from newsgraph.store.embedded import EmbeddedStore
    >>> store = EmbeddedStore(Path(tempfile.mkdtemp()))
    >>> store.write(KnowledgeGraph())
    >>> run_query(store, "central_actors", limit=5)
    []
    """
    query = get_query(name)
    return store.run(query.text(store.dialect), bind(query, params, store))


def check_parameters(name: str, given: Iterable[str]) -> None:
    """Raise `UnknownQuery` or `QueryParameterError` (with the closest names) before any work, when
    ``name`` is no query or ``given`` holds a parameter name it does not take."""
    check_names(get_query(name), given)


def get_query_columns(name: str) -> list[str]:
    """The columns a named query returns, in order."""
    return [c.name for c in get_query(name).columns]


def query_frame(store: CypherRunner, name: str, /, **params: Any) -> pandas.DataFrame:
    """`run_query` as a DataFrame with the query's declared columns (also when there are no rows)."""
    import pandas

    rows = run_query(store, name, **params)
    return pandas.DataFrame(rows, columns=get_query_columns(name))


__all__ = [
    "Column", "CypherRunner", "NameMatches", "Named", "NamedQuery", "NoSuchNode", "Param", "QueryParameterError", "UnknownQuery",
    "check_parameters", "get_query_columns", "list_queries", "match_name", "query_frame", "run_query",
]
