"""Rows as an aligned table, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json

import pytest

from newsgraph.app.output import TERMINAL_CELL_CHARS, citation, render

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
    assert set(rule) == {"-"} and len(rule) >= len(header)


LONG = " ".join(f"word{n}" for n in range(120))  # 838 characters


def test_a_table_wraps_long_cells_in_its_width_and_cuts_nothing_in_a_pipe():
    rows = [{"name": "Ann", "sentence": LONG}]
    text = render(rows, ["name", "sentence"], fmt="table", width=70)
    assert max(len(line) for line in text.splitlines()) <= 70
    assert text.split()[3:] == ["Ann", *LONG.split()] and "…" not in text  # header, rule, then all the words


def test_on_a_terminal_long_cells_are_shortened_unless_full():
    rows = [{"sentence": LONG}]
    short = render(rows, ["sentence"], fmt="table", width=100, terminal=True)
    assert "…" in short and "word119" not in short
    assert len(" ".join(short.split()[2:])) <= TERMINAL_CELL_CHARS
    whole = render(rows, ["sentence"], fmt="table", width=100, terminal=True, full=True)
    assert " ".join(whole.split()[2:]) == LONG


EVIDENCE_ROWS = [{
    "a": "Ann Lee", "b": "Bo Ray", "corroboration": 2, "sentences": ["Ann met Bo.", "Lee and Ray met, sources said."],
    "verified": True,
    "evidence": [
        {"article_id": "a1", "title": "Talks, at last", "outlet": "Globe", "published": "2005-02-01",
         "url": "https://globe.example/talks", "sentence": "Ann met Bo.", "quote": ""},
        {"article_id": "a2", "title": "A meeting", "outlet": None, "published": None, "url": None,
         "sentence": "Lee and Ray met, sources said.", "quote": ""},
    ],
}]
EVIDENCE_COLUMNS = ["a", "b", "corroboration", "sentences", "verified", "evidence"]


def test_every_evidence_item_cites_its_article_under_its_row():
    lines = render(EVIDENCE_ROWS, EVIDENCE_COLUMNS, fmt="table", width=100).splitlines()
    assert lines[0].split() == ["a", "b", "corroboration", "verified"]  # the evidence holds the sentences
    assert lines[2].split()[:4] == ["Ann", "Lee", "Bo", "Ray"]
    assert lines[3:] == ["  1. Ann met Bo.", "     — Talks, at last (Globe, 2005-02-01) https://globe.example/talks",
                         "  2. Lee and Ray met, sources said.", "     — A meeting"]
    assert citation(EVIDENCE_ROWS[0]["evidence"][1]) == "A meeting"


def test_a_table_leaves_out_columns_empty_in_every_row_but_csv_and_json_keep_them():
    rows = [{"name": "Ann", "first_seen": None, "status": ""}, {"name": "Bo", "first_seen": None, "status": "x"}]
    columns = ["name", "first_seen", "status"]
    assert render(rows, columns, fmt="table").splitlines()[0].split() == ["name", "status"]
    assert next(csv.reader(io.StringIO(render(rows, columns, fmt="csv")))) == columns
    assert list(json.loads(render(rows, columns, fmt="json"))[0]) == columns
    assert render([], columns, fmt="table").splitlines()[0].split() == columns  # no rows: the header says what


def test_rows_too_wide_for_the_terminal_become_records():
    text = render(EVIDENCE_ROWS, EVIDENCE_COLUMNS, fmt="table", width=30)
    assert max(len(line) for line in text.splitlines()) <= 30
    lines = text.splitlines()
    assert lines[:4] == ["a              Ann Lee", "b              Bo Ray", "corroboration  2", "verified       true"]
    assert lines[4] == "evidence" and "  1. Ann met Bo." in lines


def test_csv_has_one_row_per_evidence_item_and_lists_as_json():
    records = list(csv.DictReader(io.StringIO(render(EVIDENCE_ROWS, EVIDENCE_COLUMNS, fmt="csv"))))
    assert [r["evidence_sentence"] for r in records] == ["Ann met Bo.", "Lee and Ray met, sources said."]
    assert [r["evidence_title"] for r in records] == ["Talks, at last", "A meeting"]
    assert records[0]["evidence_url"] == "https://globe.example/talks" and records[1]["evidence_outlet"] == ""
    assert all(r["a"] == "Ann Lee" and r["verified"] == "true" for r in records)
    assert "sentences" not in records[0]  # each row holds its own sentence
    plain = list(csv.DictReader(io.StringIO(render(ROWS, COLUMNS, fmt="csv"))))
    assert json.loads(plain[0]["outlets"]) == ["Globe", "Planet"] and plain[0]["status"] == ""
    assert json.loads(plain[1]["outlets"]) == [] and plain[1]["direct"] == "false"


def test_a_row_without_evidence_is_one_csv_row_with_empty_evidence_fields():
    rows = [{"relation": "MENTIONS", "evidence": []}]
    [record] = list(csv.DictReader(io.StringIO(render(rows, ["relation", "evidence"], fmt="csv"))))
    assert record["relation"] == "MENTIONS" and record["evidence_title"] == ""


def test_json_keeps_types_and_column_order():
    data = json.loads(render(ROWS, COLUMNS, fmt="json"))
    assert data[0] == ROWS[0] and list(data[0]) == COLUMNS
    assert json.loads(render(EVIDENCE_ROWS, EVIDENCE_COLUMNS, fmt="json")) == EVIDENCE_ROWS


def test_no_rows_is_a_header_alone():
    assert render([], ["a", "b"], fmt="table").splitlines()[0].split() == ["a", "b"]
    assert render([], ["a", "b"], fmt="json") == "[]"
    assert render([], ["a", "b"], fmt="csv") == "a,b"


HOSTILE = [{
    "title": "Evil \x1b]0;owned\x07 title",
    "evidence": [{"title": "Evil \x1b]0;owned\x07 title", "sentence": "\u202eesrever", "url": "x\x9by"}],
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
        assert ("A\\x1b[1m" if fmt == "table" else "A\\u001b[1m") in text  # CSV: a JSON array's escape
        text.encode("utf-8")  # printable on any UTF-8 terminal, the lone surrogate included


def test_a_hostile_column_name_is_escaped_too():
    rows = [{"x\x1b[2Jy": 1}]
    assert "x\\x1b[2Jy" in render(rows, list(rows[0]), fmt="table")
    assert render(rows, list(rows[0]), fmt="csv").splitlines()[0] == "x\\x1b[2Jy"


def test_json_keeps_hostile_text_exact_and_writes_no_raw_control():
    text = render(HOSTILE, list(HOSTILE[0]), fmt="json")
    assert not any(char in text for char in RAW_UNSAFE)
    assert json.loads(text) == HOSTILE


@pytest.mark.parametrize("opening", ["=", "+", "-", "@"])
def test_csv_cells_opening_like_a_formula_get_an_apostrophe(opening):
    rows = [{"sentence": f"{opening}SUM(A1:A9) said the page", "count": -3}]
    [record] = list(csv.DictReader(io.StringIO(render(rows, ["sentence", "count"], fmt="csv"))))
    assert record == {"sentence": f"'{opening}SUM(A1:A9) said the page", "count": "-3"}
