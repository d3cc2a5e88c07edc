"""newsgraph: news articles to an entity-and-relationship knowledge graph.

The repository's root is this package, and its layers are the top-level folders, with one
import direction:
``model`` (leaf) <- ``ingest`` (extraction) <- ``graph`` (resolution, assembly) <- ``store``
<- ``queries`` <- ``views`` <- ``app`` (pipeline, cache, settings, CLI).
"""

from importlib.metadata import version

__version__ = version("newsgraph")
