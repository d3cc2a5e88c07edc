"""What went wrong with a file in NEWSGRAPH_HOME, as one line a user can act on.

The extraction cache (``cache.sqlite``) is the graph's source of truth: a damaged
one is named with how to recover, not shown as SQLite's traceback. A home that
cannot be written (a read-only mount, no permission) says which file and why.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

_CANNOT_WRITE = frozenset({errno.EROFS, errno.EACCES, errno.EPERM, errno.ENOSPC, errno.EDQUOT})
RECOVERY = "remove it or restore it from a backup; re-ingesting re-extracts from the inputs"


def database_problem(home: Path, error: sqlite3.DatabaseError) -> str:
    """The damaged SQLite file of `home` and how to recover, or what SQLite said (e.g. a
    read-only file) when no file there is damaged."""
    for path in sorted(home.glob("*.sqlite")):
        reason = _damage(path)
        if reason is not None:
            return f"{path} is damaged ({reason}): {RECOVERY}"
    return f"{home}: {error}"


def _damage(path: Path) -> str | None:
    """Why `path` is not a sound SQLite database, or None when it is."""
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.DatabaseError as exc:
        return str(exc)
    try:
        result = db.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        db.close()
    return None if result == "ok" else result


def os_problem(home: Path, error: OSError) -> str:
    """`error` with the file it concerns; a hint when the home cannot be written."""
    where = f"{error.filename}: " if error.filename else ""
    message = f"{where}{error.strerror or error}"
    if error.errno in _CANNOT_WRITE and error.filename and _inside(Path(error.filename), home):
        message += f" (newsgraph writes in NEWSGRAPH_HOME, {home}: give --home a folder it can write)"
    return message


def _inside(path: Path, home: Path) -> bool:
    resolved, folder = path.resolve(), home.resolve()
    return resolved == folder or resolved.is_relative_to(folder)
