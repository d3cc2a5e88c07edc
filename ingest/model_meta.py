"""The spaCy model's name and version, read from its package's ``meta.json`` without
importing spaCy (the extractor version needs it on every ingest, a no-op one included)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path


class ModelNotInstalled(RuntimeError):
    pass


def model_version(model: str) -> str:
    """ "<lang>_<name>-<version>" of an installed model package or a model folder.

    >>> model_version("no_such_model_xyz")
    Traceback (most recent call last):
    ...
    newsgraph.ingest.model_meta.ModelNotInstalled: spaCy model 'no_such_model_xyz' is not installed (set NEWSGRAPH_MODEL, or pip install it): no package or folder of that name
    """
    folder = Path(model)
    if not folder.exists():
        try:
            spec = importlib.util.find_spec(model)
        except (ImportError, ValueError) as exc:
            raise _not_installed(model, str(exc)) from exc
        if spec is None or spec.origin is None:
            raise _not_installed(model, "no package or folder of that name")
        folder = Path(spec.origin).parent
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        return f"{meta['lang']}_{meta['name']}-{meta['version']}"
    except (OSError, ValueError, KeyError) as exc:
        raise _not_installed(model, f"no readable meta.json in {folder}: {exc}") from exc


def _not_installed(model: str, reason: str) -> ModelNotInstalled:
    return ModelNotInstalled(
        f"spaCy model {model!r} is not installed (set NEWSGRAPH_MODEL, or pip install it): {reason}")
