"""CLI tests run against the embedded store whatever the shell exports.

`NEWSGRAPH_NEO4J_URI` alone selects Neo4j; a user who exports it to run the Neo4j
integration tests (`pytest -m neo4j`) must not send every CLI test there too.
Settings are cached per process, so the cache is cleared around each test.
"""

from __future__ import annotations

import pytest
from newsgraph.app.settings import get_settings

_STORE_VARIABLES = ("NEWSGRAPH_NEO4J_URI", "NEWSGRAPH_NEO4J_USER", "NEWSGRAPH_NEO4J_PASSWORD",
                    "NEWSGRAPH_NEO4J_DATABASE", "NEWSGRAPH_STORE")


@pytest.fixture(scope="module", autouse=True)
def embedded_by_default():
    """Module scope: before the modules' own module-scoped fixtures (a seeded home) run."""
    with pytest.MonkeyPatch.context() as patch:
        for name in _STORE_VARIABLES:
            patch.delenv(name, raising=False)
        get_settings.cache_clear()
        yield
    get_settings.cache_clear()
