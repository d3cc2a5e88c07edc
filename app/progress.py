"""Progress bars for long CLI work: on a terminal only, never with --quiet.

The current file's path is shown as text, not as rich markup (a file named
``x[/bold].txt`` stopped the run with a MarkupError), its control characters escaped.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from ..ingest.printable import printable


@contextmanager
def article_progress(*, enabled: bool, label: str) -> Iterator[Callable[[str], None]]:
    """Yields `advance(path)`: one call per article done. Total is unknown while streaming."""
    if not (enabled and sys.stderr.isatty()):
        yield lambda _path: None
        return
    # here: rich's progress bars loaded only for a terminal (a scripted or no-op run starts faster)
    from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.description}"), MofNCompleteColumn(), TimeElapsedColumn(),
               TextColumn("{task.fields[current]}", style="dim", markup=False))
    with Progress(*columns, transient=True) as progress:
        task = progress.add_task(label, total=None, current="")

        def advance(path: str) -> None:
            progress.update(task, advance=1, current=printable(path)[-60:])

        yield advance
