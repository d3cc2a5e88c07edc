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
