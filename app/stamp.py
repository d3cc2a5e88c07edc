"""The assembly stamp: what a graph was assembled from, so that an ingest of unchanged inputs
assembles and writes nothing.

It covers the extractor version, the set of extracted articles with their metadata (the
cache's digest), the corrections file, and the code that turns rows into a graph and a
graph into a store (`newsgraph.graph`, `newsgraph.store`, `newsgraph.model`): a change to any
of them makes the next ingest assemble again.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..model.code_digest import packages_digest
from .curation_file import curation_path

_ASSEMBLY_PACKAGES = ("newsgraph.graph", "newsgraph.store", "newsgraph.model")


def assembly_code_digest() -> str:
    """A digest of the assembly and store code and data."""
    return packages_digest(_ASSEMBLY_PACKAGES, size=8)


def assembly_base(extractor: str, home: Path) -> str:
    """What an assembly depends on besides its articles: `extractor`, the corrections of `home`
    and the assembly code. A graph can only grow incrementally on the same base."""
    try:
        curation = hashlib.blake2b(curation_path(home).read_bytes(), digest_size=16).hexdigest()
    except FileNotFoundError:
        curation = "none"
    parts = (extractor, curation, assembly_code_digest())
    return hashlib.blake2b("\n".join(parts).encode(), digest_size=16).hexdigest()


def assembly_stamp(extractor: str, articles_digest: str, home: Path) -> str:
    """The stamp of assembling the cache's articles (`articles_digest`) by `extractor` with the
    corrections of `home`."""
    parts = (assembly_base(extractor, home), articles_digest)
    return hashlib.blake2b("\n".join(parts).encode(), digest_size=16).hexdigest()
