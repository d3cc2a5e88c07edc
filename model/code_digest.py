"""A digest of the code and data files of some of newsgraph's packages: what the extraction
cache (`ingest.version`) and the assembly stamp (`app.stamp`) are keyed by."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable

SUFFIXES = (".py", ".json", ".jsonl", ".tsv", ".txt")


@lru_cache(maxsize=8)
def packages_digest(packages: tuple[str, ...], *, size: int) -> str:
    """A hex digest of `size` bytes over the packages' code and data, file by file in a fixed order.

    >>> len(packages_digest(("newsgraph.model",), size=6))
    12
    """
    digest = hashlib.blake2b(digest_size=size)
    for package in packages:
        for name, data in sorted(files_under(resources.files(package), package)):
            digest.update(name.encode())
            digest.update(data)
    return digest.hexdigest()


def files_under(folder: Traversable, prefix: str) -> Iterator[tuple[str, bytes]]:
    """(name, bytes) of every code or data file below `folder` (``__pycache__`` left out)."""
    for entry in folder.iterdir():
        if entry.is_dir() and entry.name != "__pycache__":
            yield from files_under(entry, f"{prefix}/{entry.name}")
        elif entry.is_file() and entry.name.endswith(SUFFIXES):
            yield f"{prefix}/{entry.name}", entry.read_bytes()
