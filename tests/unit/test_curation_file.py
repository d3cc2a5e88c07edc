"""The corrections file: read whole, written whole, errors naming the file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from newsgraph.app.curation_file import (
    CurationFileError,
    add_correction,
    curation_path,
    load_curation,
    remove_correction,
)
from newsgraph.model.curation import EdgeCorrection, Merge, Retype
from newsgraph.model.graph import EntityType


def test_no_file_is_no_correction(tmp_path: Path) -> None:
    assert load_curation(tmp_path).corrections == ()


def test_corrections_are_kept_in_order_one_json_line_each(tmp_path: Path) -> None:
    add_correction(tmp_path, Merge(name="Tory leader", into="Michael Howard", note="same person"))
    add_correction(tmp_path, Retype(entity="Rex", type=EntityType.ORGANIZATION))
    add_correction(tmp_path, EdgeCorrection(action="reject", edge="r0123456789abcdef", label="A MET_WITH B"))

    lines = [json.loads(line) for line in curation_path(tmp_path).read_text(encoding="utf-8").splitlines()]
    assert [line["action"] for line in lines] == ["merge", "type", "reject"]
    assert lines[0]["note"] == "same person" and lines[0]["at"].startswith("20")
    loaded = load_curation(tmp_path).corrections
    assert loaded[0].into == "Michael Howard" and loaded[1].type is EntityType.ORGANIZATION
    assert loaded[2].describe() == "reject A MET_WITH B (r0123456789abcdef)"


def test_remove_takes_out_one_correction(tmp_path: Path) -> None:
    add_correction(tmp_path, Merge(name="a", into="b"))
    add_correction(tmp_path, Merge(name="c", into="d"))
    curation, removed = remove_correction(tmp_path, 1)
    assert removed.name == "a" and [c.name for c in curation.corrections] == ["c"]
    assert [c.name for c in load_curation(tmp_path).corrections] == ["c"]
    with pytest.raises(CurationFileError, match="there is no correction 5 \\(it holds 1\\)"):
        remove_correction(tmp_path, 5)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"action": "merge", "name": "a", "into": "b"}\nnot json\n', "line 2 is not JSON"),
        ('{"action": "explode", "name": "a"}\n', "line 1: unknown action 'explode' (expected merge, split, alias, type, reject, verify)"),
        ('{"action": "type", "entity": "a", "type": "Dog"}\n', "line 1: type.type: Input should be"),
        ('{"action": "merge", "name": "a", "into": "b", "extra": 1}\n', "line 1: merge.extra: Extra inputs"),
    ],
    ids=["not-json", "unknown-action", "unknown-type", "unknown-key"],
)
def test_a_bad_line_is_an_error_naming_file_and_line(tmp_path: Path, content: str, message: str) -> None:
    curation_path(tmp_path).write_text(content, encoding="utf-8")
    with pytest.raises(CurationFileError) as caught:
        load_curation(tmp_path)
    assert str(caught.value).startswith(f"{curation_path(tmp_path)}: {message}")
