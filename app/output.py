"""Query rows as text: a table (default), JSON, or CSV.

A table fits the width it is given: cells wrap rather than being cut, and a column empty in
every row is left out (JSON and CSV keep it). On a terminal a
cell longer than `TERMINAL_CELL_CHARS` is shortened with "…" (``full=True``, the CLI's
`--full`, keeps everything); written to a pipe or a file, every cell is whole. An
`evidence` column (a list of items, each with its sentence and article: title, outlet,
date, URL) is shown as one line per item citing the article, in place of the columns
whose content it repeats (`REPEATED_BY_EVIDENCE`: the parallel lists of sentences,
quotes and article ids). CSV has one row per evidence item, the item's fields in
`evidence_*` columns; any other list is a JSON array in its cell, never a joined string.
JSON keeps every column and its lists as they are.

Rows hold article text, which is untrusted: in tables and CSV every control or
bidirectional character is written as a visible escape (`ingest.printable`), so
an ESC sequence in a title cannot retitle or recolour the terminal. JSON keeps the
data exact: what json.dumps leaves raw among those (DEL, C1 controls,
bidirectional marks, line separators, lone surrogates) is written as a ``\\uXXXX``
escape, which parses back to the same string.
"""

from __future__ import annotations

import csv
import io
import json
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..ingest.printable import json_safe, printable
from ..views.csv_files import spreadsheet_safe

TERMINAL_CELL_CHARS = 300  # on a terminal, longer cells end in "…" unless full
PIPE_WIDTH = 120  # the width of a table written to a pipe or a file, whole
WRAPPED_COLUMN = 16  # columns wider than this share the width left and wrap
EVIDENCE_COLUMN = "evidence"
EVIDENCE_FIELDS = ("article_id", "title", "outlet", "published", "url", "sentence", "quote")
# columns whose content the evidence items hold, item by item
REPEATED_BY_EVIDENCE = frozenset(
    {"sentences", "sentence", "quotes", "wordings", "article_ids", "outlet_a_sentences", "outlet_b_sentences"}
)


def render(rows: Sequence[Mapping[str, Any]], columns: Sequence[str], *, fmt: str, width: int | None = None,
           terminal: bool = False, full: bool = False) -> str:
    """`rows` as text to print: ``fmt`` is "table", "json" or "csv".

    A table is laid out in ``width`` characters (`PIPE_WIDTH` when None); ``terminal``
    shortens its longest cells unless ``full``."""
    if fmt == "json":
        text = json.dumps([{c: row.get(c) for c in columns} for row in rows], ensure_ascii=False, indent=2,
                          default=str)
        return json_safe(text)
    if fmt == "csv":
        return _csv(rows, columns)
    limit = TERMINAL_CELL_CHARS if terminal and not full else None
    return _table(rows, columns, width=width or PIPE_WIDTH, limit=limit)


def shown_columns(rows: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> list[str]:
    """The columns a table or CSV shows: those the evidence repeats leave when there is evidence
    (and `articles` when it lists them rather than counts them)."""
    if EVIDENCE_COLUMN not in columns:
        return list(columns)
    listed = any(isinstance(row.get("articles"), (list, tuple)) for row in rows)
    return [c for c in columns if c not in REPEATED_BY_EVIDENCE and not (c == "articles" and listed)]


def _csv(rows: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> str:
    shown = shown_columns(rows, columns)
    plain = [c for c in shown if c != EVIDENCE_COLUMN]
    header = plain + ([f"evidence_{f}" for f in EVIDENCE_FIELDS] if EVIDENCE_COLUMN in shown else [])
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([printable(c) for c in header])
    for row in rows:
        cells = [_csv_cell(row.get(c)) for c in plain]
        if EVIDENCE_COLUMN not in shown:
            writer.writerow(cells)
            continue
        for item in row.get(EVIDENCE_COLUMN) or [{}]:  # a row without evidence (a link) is one row still
            writer.writerow(cells + [_csv_cell(item.get(f)) for f in EVIDENCE_FIELDS])
    return buffer.getvalue().rstrip("\n")


def _csv_cell(value: Any) -> str:
    if isinstance(value, (list, tuple, dict)):
        return printable(json.dumps(value, ensure_ascii=False, default=str))
    return spreadsheet_safe(_cell(value)) if isinstance(value, str) else _cell(value)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return printable(json.dumps(value, ensure_ascii=False, default=str))
    return printable(" ".join(str(value).split()))


def citation(item: Mapping[str, Any]) -> str:
    """Where an evidence item is from: the article's title, outlet, date and URL.

    >>> citation({"sentence": "A met B.", "title": "Talks", "outlet": "Globe", "published": "2005-02-01",
    ...           "url": "https://globe.example/talks"})
    'Talks (Globe, 2005-02-01) https://globe.example/talks'
    """
    where = ", ".join(_cell(item.get(k)) for k in ("outlet", "published") if item.get(k))
    source = _cell(item.get("title")) or _cell(item.get("article_id"))
    return " ".join(part for part in (source, f"({where})" if where else "", _cell(item.get("url"))) if part)


def _shorten(text: str, limit: int | None) -> str:
    return text if limit is None or len(text) <= limit else text[: limit - 1] + "…"


def _evidence_lines(items: Sequence[Mapping[str, Any]], width: int, limit: int | None) -> list[str]:
    """Under a row: each evidence item's sentence, then the article it is from, wrapped in `width`."""
    lines = []
    for n, item in enumerate(items, 1):
        lines += textwrap.wrap(_shorten(_cell(item.get("sentence")), limit) or "(no sentence)", width,
                               initial_indent=f"  {n}. ", subsequent_indent="     ")
        lines += textwrap.wrap(f"— {citation(item)}", width, initial_indent="     ", subsequent_indent="       ")
    return lines


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _table(rows: Sequence[Mapping[str, Any]], columns: Sequence[str], *, width: int, limit: int | None) -> str:
    """The row's columns side by side, laid out in ``width``; its evidence items below it, one
    after the other, over the whole width."""
    shown = shown_columns(rows, columns)
    plain = [c for c in shown if c != EVIDENCE_COLUMN and (not rows or any(_cell(row.get(c)) for row in rows))]
    cells = [[_shorten(_cell(row.get(c)), limit) for c in plain] for row in rows]
    headers = [printable(c) for c in plain]
    natural = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(headers)]
    space = width - 2 * (len(plain) - 1)
    if sum(min(n, WRAPPED_COLUMN) for n in natural) > space:
        return _records(rows, plain, headers, cells, width=width, limit=limit, evidence=EVIDENCE_COLUMN in shown)
    widths = column_widths(natural, space)
    numeric = [bool(rows) and all(_is_number(row.get(c)) for row in rows if row.get(c) is not None) for c in plain]

    def block(row_cells: Sequence[Sequence[str]], header: bool) -> list[str]:
        table = Table(box=None, show_edge=False, pad_edge=False, header_style=None, show_header=header)
        for i, h in enumerate(headers):
            table.add_column(Text(h), justify="right" if numeric[i] else "left", overflow="fold", width=widths[i])
        for r in row_cells:
            table.add_row(*(Text(cell) for cell in r))
        buffer = io.StringIO()
        Console(file=buffer, width=sum(widths) + 2 * len(widths), color_system=None, force_terminal=False,
                highlight=False, emoji=False, markup=False, legacy_windows=False).print(table)
        return [line.rstrip() for line in buffer.getvalue().rstrip("\n").splitlines()]

    if EVIDENCE_COLUMN not in shown:
        lines = block(cells, header=True)
        return "\n".join([lines[0], "-" * max(map(len, lines)), *lines[1:]])
    lines = [*block([], header=True)]
    lines.append("-" * min(width, max(len(lines[0]), sum(widths) + 2 * (len(widths) - 1))))
    for row, row_cells in zip(rows, cells, strict=True):
        lines += block([row_cells], header=False)
        lines += _evidence_lines(row.get(EVIDENCE_COLUMN) or [], width, limit)
    return "\n".join(lines)


def _records(rows: Sequence[Mapping[str, Any]], plain: Sequence[str], headers: Sequence[str],
             cells: Sequence[Sequence[str]], *, width: int, limit: int | None, evidence: bool) -> str:
    """Rows too wide for ``width`` side by side: each row as lines of `column  value`, wrapped."""
    key = max(map(len, headers)) + 2
    blocks = []
    for row, row_cells in zip(rows, cells, strict=True):
        lines = []
        for header, cell in zip(headers, row_cells, strict=True):
            wrapped = textwrap.wrap(cell, max(width - key, 8)) or [""]
            lines += [(header if i == 0 else "").ljust(key) + line for i, line in enumerate(wrapped)]
        if evidence:
            lines.append("evidence")
            lines += _evidence_lines(row.get(EVIDENCE_COLUMN) or [], width, limit)
        blocks.append("\n".join(line.rstrip() for line in lines))
    return "\n\n".join(blocks)


def column_widths(natural: Sequence[int], space: int) -> list[int]:
    """Each column's width in ``space`` characters: all as wide as their content when it fits;
    otherwise the narrow ones (at most `WRAPPED_COLUMN`) keep theirs and the wide ones share the
    rest equally, none under `WRAPPED_COLUMN` nor over its content; when even that does not fit,
    every column shrinks alike (to 4 at least) and wraps.

    >>> column_widths([5, 40, 100], 200)
    [5, 40, 100]
    >>> column_widths([5, 40, 100], 65)
    [5, 30, 30]
    >>> column_widths([8, 8, 8, 8], 16)
    [4, 4, 4, 4]
    """
    if sum(natural) <= space:
        return list(natural)
    widths = list(natural)
    wide = {i for i, n in enumerate(natural) if n > WRAPPED_COLUMN}
    while wide:
        left = space - sum(widths[i] for i in range(len(widths)) if i not in wide)
        share = max(WRAPPED_COLUMN, left // len(wide))
        capped = {i for i in wide if natural[i] <= share}  # needs less than a share: it keeps its own
        if not capped:
            for i in wide:
                widths[i] = share
            break
        wide -= capped
    if sum(widths) > space:
        widths = [max(4, w * space // sum(widths)) for w in widths]
    return widths
