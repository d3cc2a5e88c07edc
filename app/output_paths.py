"""Where `export --out` and `viz --out` may write: a regular file, in a folder that exists,
outside NEWSGRAPH_HOME (`export --format csv` and `neo4j-admin`: a folder, see
`check_output_folder`).

The home folder holds the extraction cache, the graph's source of truth, and the
store: `export --out HOME/cache.sqlite` would overwrite it. A device (`/dev/sda`),
a FIFO or a socket is not a file to replace, and a folder is not a file name. What
passes is then written through a temporary file and an atomic rename
(`views.files`), so a failed write leaves no partial file.
"""

from __future__ import annotations

import stat
from pathlib import Path


class OutputPathError(ValueError):
    """An --out path newsgraph will not write to; the message says why, in one line."""


def check_output_path(out: Path, *, home: Path) -> Path:
    """`out` if a command may write its file there, else `OutputPathError`.

    Parameters
    ----------
    out : Path
        The --out path as given.
    home : Path
        NEWSGRAPH_HOME: nothing inside it is an output.

    Returns
    -------
    Path
        `out`, unchanged.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> check_output_path(folder / "graph.html", home=folder / "newsgraph-data") == folder / "graph.html"
    True
    >>> check_output_path(folder / "newsgraph-data" / "cache.sqlite", home=folder / "newsgraph-data")
    Traceback (most recent call last):
    ...
    newsgraph.app.output_paths.OutputPathError: ...cache.sqlite is inside NEWSGRAPH_HOME (...newsgraph-data), where the store and its extraction cache live: write elsewhere
    """
    try:
        mode = out.stat().st_mode  # follows a link: what it points to is what would be refused
    except (FileNotFoundError, NotADirectoryError):  # the folder's checks below say which
        mode = None
    except OSError as exc:
        raise OutputPathError(f"cannot use {out}: {exc.strerror}") from None
    if mode is not None and stat.S_ISDIR(mode):
        raise OutputPathError(f"{out} is a folder: give the name of a file in it")
    if mode is not None and not stat.S_ISREG(mode):
        raise OutputPathError(f"{out} is not a regular file ({_kind(mode)}): newsgraph writes only regular files")
    resolved, home_resolved = out.resolve(), home.resolve()
    if resolved == home_resolved or resolved.is_relative_to(home_resolved):
        raise OutputPathError(
            f"{out} is inside NEWSGRAPH_HOME ({home}), where the store and its extraction cache live: "
            "write elsewhere"
        )
    folder = out.parent
    if not folder.exists():
        raise OutputPathError(f"folder {folder} does not exist: create it first")
    if not folder.is_dir():
        raise OutputPathError(f"{folder} is not a folder")
    return out


def check_output_folder(out: Path, *, home: Path) -> Path:
    """`out` if an export of several files may go there: a folder, or a name for a new one in a
    folder that exists, outside NEWSGRAPH_HOME; else `OutputPathError`. The folder is created
    when missing; the files in it are each written whole (`views.files`), others left alone.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> check_output_folder(folder / "tables", home=folder / "newsgraph-data").is_dir()
    True
    >>> check_output_folder(folder / "none" / "tables", home=folder / "newsgraph-data")
    Traceback (most recent call last):
    ...
    newsgraph.app.output_paths.OutputPathError: folder ...none does not exist: create it first
    """
    resolved, home_resolved = out.resolve(), home.resolve()
    if resolved == home_resolved or resolved.is_relative_to(home_resolved):
        raise OutputPathError(
            f"{out} is inside NEWSGRAPH_HOME ({home}), where the store and its extraction cache live: "
            "write elsewhere"
        )
    if out.exists() and not out.is_dir():
        raise OutputPathError(f"{out} is not a folder: this format writes several files, give a folder")
    if not out.exists():
        if not out.parent.is_dir():
            raise OutputPathError(f"folder {out.parent} does not exist: create it first")
        try:
            out.mkdir()
        except OSError as exc:
            raise OutputPathError(f"cannot create {out}: {exc.strerror}") from None
    return out


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a file"
