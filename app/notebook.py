"""The store a notebook works on: the configured graph, or the examples ingested into a fresh home."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..store import GraphStore, chosen_store, open_store
from ..store.embedded import EmbeddedStore
from .pipeline import IngestReport, ingest
from .settings import Settings, get_settings


class NoGraphInHome(LookupError):
    """``NEWSGRAPH_HOME`` is set, to a folder that holds no embedded store."""


@dataclass
class NotebookStore:
    """An open store holding a graph; ``report`` is the ingest of the examples (None: the graph
    was already there)."""

    store: GraphStore
    home: Path  # the extraction cache (and Neo4j's write state)
    where: str
    report: IngestReport | None = None

    def describe(self) -> str:
        if self.report is None:
            return f"opened {self.where}"
        return (f"ingested {self.report.read} articles into {self.where} "
                f"({self.report.seconds:.1f} s)")


def open_or_ingest(examples: Sequence[Path], *, settings: Settings | None = None) -> NotebookStore:
    """The store `open_store` chooses (Neo4j when ``NEWSGRAPH_NEO4J_URI`` is set), holding a graph.

    Embedded: the store in ``NEWSGRAPH_HOME`` when that is set (`NoGraphInHome` when it holds
    none: a mistyped home must not show the examples instead); when it is not set, the
    ``examples`` are ingested into a new temporary home. Neo4j: the database as it is when it
    holds articles; otherwise the ``examples`` are ingested into it (the extraction cache in
    ``NEWSGRAPH_HOME``, or a temporary home). ``settings``: `get_settings()` by default."""
    settings = settings or get_settings()
    configured = "home" in settings.model_fields_set  # NEWSGRAPH_HOME (or given)
    kind = chosen_store(settings)
    if kind == "embedded" and configured:
        if not EmbeddedStore(settings.home).exists():
            raise NoGraphInHome(
                f"NEWSGRAPH_HOME is {settings.home}, which holds no graph: ingest into it first "
                f"(newsgraph ingest PATH --home {settings.home}), or unset NEWSGRAPH_HOME to explore the examples")
        return NotebookStore(open_store(settings, kind), settings.home, f"the store in {settings.home}")
    if kind == "embedded" or not configured:
        settings = settings.model_copy(update={"home": Path(tempfile.mkdtemp(prefix="newsgraph-notebook-"))})
    store = open_store(settings, kind)
    where = (f"the store in {settings.home}" if kind == "embedded"
             else f"Neo4j at {settings.neo4j_uri} (database {settings.neo4j_database})")
    try:
        if kind == "neo4j" and store.run("MATCH (a:Article) RETURN count(a) AS n")[0]["n"]:
            return NotebookStore(store, settings.home, where)
        report = ingest(list(examples), home=settings.home, store=store, model=settings.model, workers=1,
                        batch_size=settings.batch_size, max_chars=settings.max_article_chars)
    except BaseException:
        store.close()
        raise
    return NotebookStore(store, settings.home, where, report)
