"""The assembly stamp: what a graph was assembled from, so that an ingest of unchanged inputs
assembles and writes nothing.

It covers the extractor version, the set of extracted articles with their metadata (the
cache's digest), the corrections file, and the code that turns rows into a graph and a
graph into a store (`newsgraph.graph`, `newsgraph.store`, `newsgraph.model`): a change to any
of them makes the next ingest assemble again.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .curation_file import curation_path

_ASSEMBLY_PACKAGES = ("newsgraph.graph", "newsgraph.store", "newsgraph.model")
_SUFFIXES = (".py", ".json", ".jsonl", ".tsv", ".txt")


@lru_cache(maxsize=1)
def assembly_code_digest() -> str:
    """A digest of the assembly and store code and data, file by file in a fixed order."""
    digest = hashlib.blake2b(digest_size=8)
    for package in _ASSEMBLY_PACKAGES:
        for name, data in sorted(_files(resources.files(package), package)):
            digest.update(name.encode())
            digest.update(data)
    return digest.hexdigest()


def _files(folder, prefix: str):
    for entry in folder.iterdir():
        if entry.is_dir() and entry.name != "__pycache__":
            yield from _files(entry, f"{prefix}/{entry.name}")
        elif entry.is_file() and entry.name.endswith(_SUFFIXES):
            yield f"{prefix}/{entry.name}", entry.read_bytes()


def assembly_stamp(extractor: str, articles_digest: str, home: Path) -> str:
    """The stamp of assembling the cache's articles (`articles_digest`) by `extractor` with the
    corrections of `home`."""
    try:
        curation = hashlib.blake2b(curation_path(home).read_bytes(), digest_size=16).hexdigest()
    except FileNotFoundError:
        curation = "none"
    parts = (extractor, articles_digest, curation, assembly_code_digest())
    return hashlib.blake2b("\n".join(parts).encode(), digest_size=16).hexdigest()
