"""Files the views write (pages, exports), written whole or not at all.

Everything goes to a temporary file in the target's folder, which replaces the
target with one atomic rename only once it is complete and on disk: a failed or
interrupted write leaves the old file (or none) and no partial one. The rename
replaces a symbolic link itself, never the file it points to.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

FILE_MODE = 0o644


@contextmanager
def atomic_file(out: Path) -> Iterator[BinaryIO]:
    """A binary file to write `out`'s content into; `out` is replaced when the block ends
    without an error, and the temporary file is removed when it does not.

    Parameters
    ----------
    out : Path
        The file to write; its folder must exist.

    Yields
    ------
    BinaryIO
        The temporary file, open for writing.

    Examples
    --------
    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp()) / "graph.json"
    >>> with atomic_file(out) as handle:
    ...     _ = handle.write(b"{}")
    >>> out.read_text(), sorted(p.name for p in out.parent.iterdir())
    ('{}', ['graph.json'])
    """
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text_atomic(out: Path, text: str) -> None:
    """`text` as UTF-8 into `out`, whole or not at all (`atomic_file`)."""
    with atomic_file(out) as handle:
        handle.write(text.encode("utf-8"))
