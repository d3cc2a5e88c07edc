"""The progress bar shows any file name as text: rich markup in a name never stops a run."""

from __future__ import annotations

import io
import sys

import pytest
import rich
from newsgraph.app.progress import article_progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_file_name_with_markup_and_escapes_is_shown_not_interpreted(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setattr(sys, "stdout", terminal)
    monkeypatch.setattr(rich, "_console", None)  # rich's console, made again on this terminal
    for name in ("corpus/x[/bold]z.txt", "corpus/evil\x1b]0;owned\x07.txt", "corpus/[link=file:///x]news[/link].txt"):
        with article_progress(enabled=True, label="ingest") as advance:
            advance(name)  # before: rich.errors.MarkupError on the first, and the ingest stopped
    shown = terminal.getvalue()
    assert "x[/bold]z.txt" in shown and "evil\\x1b]0;owned\\x07.txt" in shown and "[link=file:///x]" in shown
