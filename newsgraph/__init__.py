"""newsgraph: news articles to an entity-and-relationship knowledge graph.

The package's layers live in the repository's top-level folders, one import direction:
``model`` (leaf) <- ``ingest`` (extraction) <- ``graph`` (resolution, assembly) <- ``store``
<- ``queries`` <- ``views`` <- ``app`` (pipeline, cache, settings, CLI).
"""

from importlib.metadata import version

__version__ = version("newsgraph")
