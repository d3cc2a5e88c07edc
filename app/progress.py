"""Progress bars for long CLI work: on a terminal only, never with --quiet."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.progress import (
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)


@contextmanager
def article_progress(*, enabled: bool, label: str) -> Iterator[Callable[[str], None]]:
    """Yields `advance(path)`: one call per article done. Total is unknown while streaming."""
    if not (enabled and sys.stderr.isatty()):
        yield lambda _path: None
        return
    columns = (SpinnerColumn(), TextColumn("{task.description}"), MofNCompleteColumn(), TimeElapsedColumn(),
               TextColumn("{task.fields[current]}", style="dim"))
    with Progress(*columns, transient=True) as progress:
        task = progress.add_task(label, total=None, current="")

        def advance(path: str) -> None:
            progress.update(task, advance=1, current=path[-60:])

        yield advance
