"""A digest of the code and data files of some of newsgraph's packages: what the extraction
cache (`ingest.version`) and the assembly stamp (`app.stamp`) are keyed by."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable

_SUFFIXES = (".py", ".json", ".jsonl", ".tsv", ".txt")


@lru_cache(maxsize=8)
def packages_digest(packages: tuple[str, ...], *, size: int) -> str:
    """A hex digest of `size` bytes over the packages' code and data, file by file in a fixed order.

    >>> len(packages_digest(("newsgraph.model",), size=6))
    12
    """
    digest = hashlib.blake2b(digest_size=size)
    for package in packages:
        for name, data in sorted(_files(resources.files(package), package)):
            digest.update(name.encode())
            digest.update(data)
    return digest.hexdigest()


def _files(folder: Traversable, prefix: str) -> Iterator[tuple[str, bytes]]:
    for entry in folder.iterdir():
        if entry.is_dir() and entry.name != "__pycache__":
            yield from _files(entry, f"{prefix}/{entry.name}")
        elif entry.is_file() and entry.name.endswith(_SUFFIXES):
            yield f"{prefix}/{entry.name}", entry.read_bytes()
