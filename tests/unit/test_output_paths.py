"""Where `export --out` and `viz --out` may write: regular files only, outside NEWSGRAPH_HOME."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from newsgraph.app.output_paths import OutputPathError, check_output_path


@pytest.fixture
def home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    (home / "cache.sqlite").write_bytes(b"SQLite format 3\x00")
    return home


def refusal(out: Path, home: Path) -> str:
    with pytest.raises(OutputPathError) as raised:
        check_output_path(out, home=home)
    return str(raised.value)


def test_a_new_or_existing_regular_file_outside_home_is_fine(tmp_path: Path, home: Path) -> None:
    assert check_output_path(tmp_path / "graph.json", home=home) == tmp_path / "graph.json"
    (tmp_path / "old.json").write_text("{}", encoding="utf-8")
    assert check_output_path(tmp_path / "old.json", home=home) == tmp_path / "old.json"


def test_a_folder_is_not_a_file_name(tmp_path: Path, home: Path) -> None:
    assert refusal(tmp_path, home) == f"{tmp_path} is a folder: give the name of a file in it"


def test_a_fifo_and_a_device_are_refused(tmp_path: Path, home: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert refusal(fifo, home) == f"{fifo} is not a regular file (a FIFO): newsgraph writes only regular files"
    assert "(a device)" in refusal(Path("/dev/null"), home)


def test_a_missing_folder_is_named(tmp_path: Path, home: Path) -> None:
    assert refusal(tmp_path / "nowhere" / "g.html", home) == f"folder {tmp_path / 'nowhere'} does not exist: create it first"
    (tmp_path / "plain").write_text("x", encoding="utf-8")
    assert refusal(tmp_path / "plain" / "g.html", home) == f"{tmp_path / 'plain'} is not a folder"


@pytest.mark.parametrize("name", ["cache.sqlite", "graph.lbug", "new.json", "."])
def test_nothing_inside_home_is_an_output(home: Path, name: str) -> None:
    assert "is inside NEWSGRAPH_HOME" in refusal(home / name, home) or "is a folder" in refusal(home / name, home)


def test_a_link_into_home_is_refused_and_a_relative_home_is_resolved(tmp_path: Path, home: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    link = tmp_path / "innocent.json"
    link.symlink_to(home / "cache.sqlite")
    assert "is inside NEWSGRAPH_HOME" in refusal(link, home)
    monkeypatch.chdir(tmp_path)
    assert "is inside NEWSGRAPH_HOME" in refusal(Path("home/cache.sqlite"), Path("./home"))
