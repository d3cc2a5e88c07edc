"""Inputs that are not Unicode text become skipped inputs with a reason (never an error of the
run); UTF-16 and UTF-32 files with a byte order mark are read; what a skip message names is
printable."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from newsgraph.ingest.decoding import InputError, decode_article_bytes, is_binary
from newsgraph.ingest.printable import is_printable, json_safe, printable
from newsgraph.ingest.readers import read_inputs
from newsgraph.model.records import Article, SkippedInput

TEXT = "Harbour strike ends\n\nDock workers returned on Monday after the union met the port authority.\n"


def read(*paths: Path, max_chars: int = 1_000_000) -> list[Article | SkippedInput]:
    return list(read_inputs(list(paths), max_chars=max_chars))


def serializable(item: Article | SkippedInput) -> bool:
    """What the cache and `newsgraph extract` do with every record."""
    item.model_dump_json().encode("utf-8")
    return True


# --- file names -------------------------------------------------------------------------------


def test_a_file_name_that_is_not_utf8_is_skipped_and_named_with_escapes(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    with open(folder + b"/caf\xe9.txt", "wb") as handle:  # a Latin-1 name, as old archives have them
        handle.write(TEXT.encode())
    (tmp_path / "good.txt").write_text(TEXT.replace("Monday", "Tuesday"), encoding="utf-8")
    items = read(tmp_path)
    assert [type(item) for item in items] == [SkippedInput, Article]
    skipped = items[0]
    assert skipped.path == f"{tmp_path}/caf\\xe9.txt"
    assert "file name is not UTF-8" in skipped.reason
    assert all(serializable(item) for item in items)
    assert skipped.message().encode("utf-8")


def test_a_folder_given_by_a_non_utf8_name_skips_each_file_in_it(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path) + b"/archiv\xfc"
    os.mkdir(folder)
    with open(folder + b"/a.txt", "wb") as handle:
        handle.write(TEXT.encode())
    [skipped] = read(Path(os.fsdecode(folder)))
    assert isinstance(skipped, SkippedInput)
    assert skipped.path == f"{tmp_path}/archiv\\xfc/a.txt"


def test_control_characters_in_a_valid_file_name_are_escaped_in_the_skip(tmp_path: Path) -> None:
    path = tmp_path / "evil\x1b]0;owned\x07.txt"
    path.write_bytes(b"")
    [skipped] = read(path)
    assert skipped.reason == "empty file"
    assert "\x1b" not in skipped.message() and "evil\\x1b]0;owned\\x07.txt" in skipped.path


def test_a_valid_file_name_with_control_characters_is_read_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "tab\there.txt"
    path.write_text(TEXT, encoding="utf-8")
    [article] = read(path)
    assert isinstance(article, Article) and article.path == str(path)


# --- lone surrogates --------------------------------------------------------------------------


def test_a_lone_surrogate_in_jsonl_text_skips_that_line_only(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(
        json.dumps({"text": "The mayor met the council. \ud800 Then she left."}) + "\n"
        + json.dumps({"text": "The governor met the unions."}) + "\n",
        encoding="utf-8",
    )
    first, second = read(path)
    assert isinstance(first, SkippedInput) and first.path == f"{path}:1"
    assert first.reason == (
        "line 1: 'text' holds a lone surrogate (\\ud800 at character 27), which is not Unicode text"
    )
    assert isinstance(second, Article)
    assert serializable(first) and serializable(second)


@pytest.mark.parametrize("key", ["title", "outlet", "author", "published", "url"])
def test_a_lone_surrogate_in_jsonl_metadata_skips_the_line(tmp_path: Path, key: str) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"text": "The mayor met the council.", key: "bad \udfff value"}) + "\n",
                    encoding="utf-8")
    [skipped] = read(path)
    assert isinstance(skipped, SkippedInput)
    assert skipped.reason.startswith(f"line 1: '{key}' holds a lone surrogate (\\udfff at character 4)")


def test_a_paired_surrogate_escape_is_one_character_and_reads(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "Fans cheered \\ud83d\\ude00 as the mayor met the team."}\n', encoding="utf-8")
    [article] = read(path)
    assert isinstance(article, Article) and "\U0001f600" in article.text


def test_a_lone_surrogate_in_a_sidecar_skips_its_article(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "story.meta.json").write_text(json.dumps({"outlet": "Daily \ud800 Post"}), encoding="utf-8")
    (tmp_path / "zz.txt").write_text(TEXT.replace("Monday", "Friday"), encoding="utf-8")
    skipped, article = read(tmp_path)
    assert isinstance(skipped, SkippedInput) and skipped.path == str(tmp_path / "story.txt")
    assert skipped.reason == (
        "sidecar story.meta.json: 'outlet' holds a lone surrogate (\\ud800 at character 6), "
        "which is not Unicode text"
    )
    assert isinstance(article, Article)


# --- UTF-16 and UTF-32 ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-16"), "utf-16"),  # the platform's order, with its mark
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16"),
        (b"\xff\xfe" + TEXT.encode("utf-16-le"), "utf-16"),
        (TEXT.encode("utf-32"), "utf-32"),
        (b"\x00\x00\xfe\xff" + TEXT.encode("utf-32-be"), "utf-32"),
    ],
    ids=["utf16", "utf16be", "utf16le", "utf32", "utf32be"],
)
def test_utf16_and_utf32_with_a_byte_order_mark_are_decoded(data: bytes, encoding: str) -> None:
    assert not is_binary(data)
    assert decode_article_bytes(data) == (TEXT, encoding)


def test_a_utf16_file_is_read_with_offsets_into_its_decoded_text(tmp_path: Path) -> None:
    path = tmp_path / "memo.txt"
    path.write_bytes(TEXT.encode("utf-16"))
    [article] = read(path)
    assert isinstance(article, Article)
    assert (article.text, article.encoding, article.title) == (TEXT, "utf-16", "Harbour strike ends")


def test_a_utf16_jsonl_file_is_read_line_by_line(tmp_path: Path) -> None:
    lines = [json.dumps({"text": "Première ligne: the minister met the press."}, ensure_ascii=False),
             "not json", json.dumps({"text": "Third line: the mayor met the council."})]
    path = tmp_path / "feed.jsonl"
    path.write_bytes("\r\n".join(lines).encode("utf-16"))
    first, second, third = read(path)
    assert isinstance(first, Article) and first.text.startswith("Première") and first.encoding == "utf-16"
    assert isinstance(second, SkippedInput) and second.reason.startswith("line 2 is not JSON")
    assert isinstance(third, Article) and third.path == f"{path}:3"


def test_utf16_with_a_broken_surrogate_pair_is_skipped_with_its_reason(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_bytes(b"\xff\xfe" + "Title\nBody ".encode("utf-16-le") + b"\x00\xd8" + "x".encode("utf-16-le"))
    [skipped] = read(path)
    assert isinstance(skipped, SkippedInput)
    assert skipped.reason.startswith("not valid UTF-16 after its byte order mark")


def test_binary_data_behind_a_utf16_mark_is_still_binary() -> None:
    with pytest.raises(InputError, match="binary"):
        decode_article_bytes(b"\xff\xfe" + b"\x00\x00" * 50)


def test_nul_bytes_without_a_mark_are_binary_as_before() -> None:
    assert is_binary(TEXT.encode("utf-16-le"))  # no byte order mark: not guessed


# --- printable --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("title \x1b]0;owned\x07 end", "title \\x1b]0;owned\\x07 end"),
        ("\x1b[31mred\x1b[0m", "\\x1b[31mred\\x1b[0m"),
        ("c1 \x9b2J", "c1 \\x9b2J"),
        ("abc\u202edcba", "abc\\u202edcba"),
        ("line\u2028break", "line\\u2028break"),
        ("caf\udce9", "caf\\xe9"),
        ("lone \ud800", "lone \\ud800"),
        ("Nicolás Maduro — “quoted” 東京", "Nicolás Maduro — “quoted” 東京"),
    ],
)
def test_printable(text: str, shown: str) -> None:
    assert printable(text) == shown
    assert is_printable(printable(text)) and printable(text).encode("utf-8")


def test_json_safe_escapes_what_json_dumps_leaves_raw_and_parses_back_the_same() -> None:
    data = {"t": "c1 \x9b2J, bidi \u202e, del \x7f, line \u2028, lone \ud800, ESC \x1b, café"}
    text = json_safe(json.dumps(data, ensure_ascii=False))
    assert is_printable(text.replace("\n", "")) and "café" in text
    assert json.loads(text) == data
