"""Query rows as text: an aligned table (default), JSON, or CSV.

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
from collections.abc import Sequence
from typing import Any

from ..ingest.printable import json_safe, printable

TABLE_CELL_CHARS = 60  # longer table cells are cut with "…"; --json and --csv keep everything
LIST_SEPARATOR = "; "


def render(rows: Sequence[dict[str, Any]], columns: Sequence[str], *, fmt: str) -> str:
    """`rows` as text to print: ``fmt`` is "table", "json" or "csv"."""
    if fmt == "json":
        text = json.dumps([{c: row.get(c) for c in columns} for row in rows], ensure_ascii=False, indent=2,
                          default=str)
        return json_safe(text)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([printable(c) for c in columns])
        writer.writerows([_cell(row.get(c)) for c in columns] for row in rows)
        return buffer.getvalue().rstrip("\n")
    return _table(rows, columns)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(_cell(v) for v in value)
    if isinstance(value, dict):
        return printable(json.dumps(value, ensure_ascii=False, default=str))
    return printable(" ".join(str(value).split()))


def _cut(text: str) -> str:
    return text if len(text) <= TABLE_CELL_CHARS else text[: TABLE_CELL_CHARS - 1] + "…"


def _table(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    headers = [printable(c) for c in columns]
    cells = [[_cut(_cell(row.get(c))) for c in columns] for row in rows]
    widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(headers)]
    numeric = [all(isinstance(row.get(c), (int, float)) and not isinstance(row.get(c), bool)
                   for row in rows if row.get(c) is not None) and bool(rows) for c in columns]

    def line(values: Sequence[str]) -> str:
        parts = [v.rjust(w) if num else v.ljust(w) for v, w, num in zip(values, widths, numeric, strict=True)]
        return "  ".join(parts).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]), *(line(r) for r in cells)])
