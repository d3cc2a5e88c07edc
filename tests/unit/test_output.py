"""Rows as an aligned table, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json

from newsgraph.app.output import TABLE_CELL_CHARS, render

ROWS = [
    {"name": "Nicolás Maduro", "count": 12, "outlets": ["Globe", "Planet"], "direct": True, "status": None},
    {"name": "Ann", "count": 3, "outlets": [], "direct": False, "status": "imposed"},
]
COLUMNS = ["name", "count", "outlets", "direct", "status"]


def test_table_aligns_columns_and_right_aligns_numbers():
    header, rule, first, second = render(ROWS, COLUMNS, fmt="table").splitlines()
    assert header.split() == COLUMNS
    assert first.index("12") + 1 == second.index("3")  # numbers end in the same column
    assert "Globe; Planet" in first and "true" in first and "false" in second
    assert len(rule.split()) == len(COLUMNS)


def test_table_cuts_long_cells_but_json_and_csv_keep_them():
    long = "word " * 40
    rows = [{"sentence": long.strip()}]
    [_, _, cell] = render(rows, ["sentence"], fmt="table").splitlines()
    assert len(cell) == TABLE_CELL_CHARS and cell.endswith("…")
    assert json.loads(render(rows, ["sentence"], fmt="json"))[0]["sentence"] == long.strip()
    assert list(csv.reader(io.StringIO(render(rows, ["sentence"], fmt="csv"))))[1] == [long.strip()]


def test_json_keeps_types_and_column_order():
    data = json.loads(render(ROWS, COLUMNS, fmt="json"))
    assert data[0] == ROWS[0] and list(data[0]) == COLUMNS


def test_csv_joins_lists_and_leaves_nulls_empty():
    records = list(csv.DictReader(io.StringIO(render(ROWS, COLUMNS, fmt="csv"))))
    assert records[0]["outlets"] == "Globe; Planet" and records[0]["status"] == ""
    assert records[1]["outlets"] == "" and records[1]["direct"] == "false"


def test_no_rows_is_a_header_alone():
    assert render([], ["a", "b"], fmt="table").splitlines()[0].split() == ["a", "b"]
    assert render([], ["a", "b"], fmt="json") == "[]"
    assert render([], ["a", "b"], fmt="csv") == "a,b"


HOSTILE = [{
    "title": "Evil \x1b]0;owned\x07 title",
    "quote": "we act \x1b[31mnow\x1b[0m \x9b2J \u202eesrever",
    "aliases": ["A\x1b[1m", "B"],
    "lone": "half \ud800 pair",
}]
RAW_UNSAFE = ("\x1b", "\x07", "\x9b", "\u202e", "\ud800")


def test_table_and_csv_escape_control_and_bidirectional_characters():
    for fmt in ("table", "csv"):
        text = render(HOSTILE, list(HOSTILE[0]), fmt=fmt)
        assert not any(char in text for char in RAW_UNSAFE), fmt
        assert "Evil \\x1b]0;owned\\x07 title" in text and "\\u202eesrever" in text
        assert "A\\x1b[1m; B" in text
        text.encode("utf-8")  # printable on any UTF-8 terminal, the lone surrogate included


def test_a_hostile_column_name_is_escaped_too():
    rows = [{"x\x1b[2Jy": 1}]
    assert "x\\x1b[2Jy" in render(rows, list(rows[0]), fmt="table")
    assert render(rows, list(rows[0]), fmt="csv").splitlines()[0] == "x\\x1b[2Jy"


def test_json_keeps_hostile_text_exact_and_writes_no_raw_control():
    text = render(HOSTILE, list(HOSTILE[0]), fmt="json")
    assert not any(char in text for char in RAW_UNSAFE)
    assert json.loads(text) == HOSTILE
