"""Graph stores: the embedded LadybugDB store and Neo4j, behind one protocol (`base.GraphStore`).

`open_store(config, store_option)` picks one: `embedded`, `neo4j`, or `auto`
(Neo4j when `NEWSGRAPH_NEO4J_URI` is set, else embedded). `config` is anything with the
settings' attributes (the application's `Settings`); stores never read the environment.
"""

from __future__ import annotations

from typing import Literal

from .base import (
    Dialect,
    GraphStore,
    QueryError,
    QueryTooLarge,
    StoreChoice,
    StoreConfig,
    StoreEmpty,
    StoreError,
    StoreSink,
    StoreUnavailable,
    StoreWriteError,
    WriteReport,
)

__all__ = [
    "Dialect", "GraphStore", "QueryError", "QueryTooLarge", "StoreChoice", "StoreConfig", "StoreEmpty", "StoreError",
    "StoreSink", "StoreUnavailable", "StoreWriteError", "WriteReport", "chosen_store", "open_store",
]


def chosen_store(settings: StoreConfig, store_option: StoreChoice | None = None) -> Literal["embedded", "neo4j"]:
    """The store an option (or `NEWSGRAPH_STORE`) selects; `auto` means Neo4j when its URI is set."""
    choice = store_option or settings.store
    if choice == "auto":
        return "neo4j" if settings.neo4j_uri else "embedded"
    return choice


def open_store(settings: StoreConfig, store_option: StoreChoice | None = None) -> GraphStore:
    """The store the settings (or `store_option`) select, connected and checked.

    Parameters
    ----------
    settings : StoreConfig
        The application's `Settings` (``NEWSGRAPH_*``), or anything with their store attributes.
    store_option : "auto", "embedded", "neo4j" or None
        Overrides ``settings.store``; ``auto`` is Neo4j when ``neo4j_uri`` is set.

    Returns
    -------
    GraphStore
        `EmbeddedStore` in ``settings.home``, or a `Neo4jStore` (reachable, credentials,
        database and version checked: a `StoreError` of one line says what is wrong).

    Examples
    --------
    >>> from newsgraph.app.settings import get_settings
    >>> from newsgraph.queries import run_query
    >>> store = open_store(get_settings())  # doctest: +SKIP
    >>> run_query(store, "meetings_of", entity="Nicolás Maduro")  # doctest: +SKIP
    """
    if chosen_store(settings, store_option) == "embedded":
        from .embedded import EmbeddedStore

        return EmbeddedStore(settings.home, buffer_pool_mb=settings.buffer_pool_mb)
    if not settings.neo4j_uri:
        raise StoreUnavailable("the Neo4j store needs NEWSGRAPH_NEO4J_URI (e.g. bolt://localhost:7687)")
    from .neo4j_store import STATE_FILE, connect

    return connect(
        uri=settings.neo4j_uri, user=settings.neo4j_user, password=settings.neo4j_password,
        database=settings.neo4j_database, state_path=settings.home / STATE_FILE,
        batch_size=settings.neo4j_batch_size,
    )
