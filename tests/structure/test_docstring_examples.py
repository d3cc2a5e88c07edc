"""The runnable examples in the public entry points' docstrings run and print what they say.

(`open_store` and `ingest` show theirs too, but they need the configured store or the model:
they are marked to skip.)"""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "newsgraph.model.votes", "newsgraph.graph.resolve", "newsgraph.graph.build",
    "newsgraph.store.embedded", "newsgraph.queries", "newsgraph.queries.resolver",
    "newsgraph.ingest.printable", "newsgraph.ingest.model_meta", "newsgraph.model.code_digest", "newsgraph.store.readonly", "newsgraph.views.files", "newsgraph.app.output_paths",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
