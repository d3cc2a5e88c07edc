"""newsgraph: news articles to an entity-and-relationship knowledge graph.

The repository's root is this package, and its layers are the top-level folders, with one
import direction:
``model`` (leaf) <- ``ingest`` (extraction) <- ``graph`` (resolution, assembly) <- ``store``
<- ``queries`` <- ``views`` <- ``app`` (pipeline, cache, settings, CLI).
"""


def __getattr__(name: str) -> str:
    """`newsgraph.__version__`, read from the installed package's metadata when asked (reading it
    costs every command about 20 ms of start-up)."""
    if name == "__version__":
        from importlib.metadata import version

        return version("newsgraph")
    raise AttributeError(f"module 'newsgraph' has no attribute {name!r}")
