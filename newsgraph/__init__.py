"""newsgraph: news articles to an entity-and-relationship knowledge graph."""

from importlib.metadata import version

__version__ = version("newsgraph")
