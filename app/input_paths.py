"""The paths given to `ingest` and `extract`, checked before any work: one that does not exist
stops the run (a typo must not give an empty store), and the files of the folders that will
not be read (a `.pdf`, a `.docx`) are named rather than passed over in silence."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from ..ingest.readers import SIDECAR_SUFFIX, SUPPORTED_SUFFIXES

FOLDER_METADATA = "meta.json"
NAMED_UNSUPPORTED = 10  # the summary names this many, then counts the rest


def missing_paths(paths: Sequence[Path]) -> list[Path]:
    """The given paths that do not exist (a dangling symbolic link counts as existing: reading it
    says why it cannot be read)."""
    return [path for path in paths if not os.path.lexists(path)]


def unsupported_files(paths: Sequence[Path]) -> list[Path]:
    """The files below the given folders that no reader takes: not an article format, not a
    sidecar (``NAME.meta.json``, ``meta.json``), not hidden. Files named on the command line are
    not listed: reading them says they are skipped, and why."""
    found: list[Path] = []
    for folder in paths:
        if not folder.is_dir():
            continue
        for root, dirs, names in os.walk(folder):
            dirs[:] = [name for name in dirs if not name.startswith(".")]
            found += [Path(root, name) for name in names if _unsupported(name)]
    return sorted(found, key=lambda p: p.parts)


def _unsupported(name: str) -> bool:
    if name.startswith(".") or name == FOLDER_METADATA or name.lower().endswith(SIDECAR_SUFFIX):
        return False
    return Path(name).suffix.lower() not in SUPPORTED_SUFFIXES


def describe_unsupported(files: Sequence[Path]) -> str:
    """One line naming them: how many of each suffix, then the first `NAMED_UNSUPPORTED` paths.

    >>> describe_unsupported([Path("in/a.pdf"), Path("in/b.PDF"), Path("in/notes.docx")])
    'not read, unsupported type (.txt, .html, .htm, .jsonl are read): 3 files (.pdf 2, .docx 1): in/a.pdf, in/b.PDF, in/notes.docx'
    """
    counts: dict[str, int] = {}
    for path in files:
        suffix = path.suffix.lower() or "no suffix"
        counts[suffix] = counts.get(suffix, 0) + 1
    kinds = ", ".join(f"{suffix} {n}" for suffix, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    named = ", ".join(str(p) for p in files[:NAMED_UNSUPPORTED])
    more = f" and {len(files) - NAMED_UNSUPPORTED} more" if len(files) > NAMED_UNSUPPORTED else ""
    return (f"not read, unsupported type ({', '.join(SUPPORTED_SUFFIXES)} are read): "
            f"{len(files)} file{'s' if len(files) != 1 else ''} ({kinds}): {named}{more}")
