"""Reading .txt, .html and .jsonl inputs into articles, and skipping bad ones with a reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from newsgraph.ingest.decoding import InputError, decode_article_bytes
from newsgraph.ingest.readers import read_inputs
from newsgraph.model.ids import article_id
from newsgraph.model.records import Article, SkippedInput

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
BBC_LATIN1 = SHARED / "corpus" / "bbc" / "sport" / "199.txt"

ARTICLE_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Minister resigns over budget row | Daily Planet</title>
  <meta name="author" content="Jane Smith">
  <meta property="article:published_time" content="2024-03-05T10:00:00Z">
  <meta property="og:site_name" content="Daily Planet">
  <meta property="og:url" content="https://dailyplanet.example/news/minister-resigns">
</head>
<body>
  <nav><ul>
    <li><a href="/">Home</a></li><li><a href="/world">World news</a></li>
    <li><a href="/subscribe">Subscribe to our newsletter</a></li>
  </ul></nav>
  <article>
    <h1>Minister resigns over budget row</h1>
    <p>The finance minister, John Doe, resigned on Tuesday after a long dispute with the
    prime minister over the national budget, officials said.</p>
    <p>"I cannot support a budget that cuts hospital funding," Mr Doe told reporters
    outside parliament in the capital.</p>
    <p>The prime minister's office said a successor would be named by the end of the week,
    and thanked Mr Doe for his years of service.</p>
  </article>
  <section id="comments" class="comments">
    <h2>Reader comments</h2>
    <div class="comment"><p>Reader comment: about time he went, this budget was a disgrace
    from start to finish.</p></div>
  </section>
  <footer>
    <p>Copyright 2024 Daily Planet Media Group. All rights reserved.</p>
    <a href="/privacy">Privacy policy</a> <a href="/cookies">Cookie settings</a>
  </footer>
</body>
</html>
"""


def read(*paths: Path, max_chars: int = 1_000_000) -> list[Article | SkippedInput]:
    return list(read_inputs(list(paths), max_chars=max_chars))


def read_one(path: Path, max_chars: int = 1_000_000) -> Article | SkippedInput:
    [item] = read(path, max_chars=max_chars)
    return item


def read_article(path: Path, max_chars: int = 1_000_000) -> Article:
    item = read_one(path, max_chars=max_chars)
    assert isinstance(item, Article), item
    return item


def read_skip(path: Path, max_chars: int = 1_000_000) -> SkippedInput:
    item = read_one(path, max_chars=max_chars)
    assert isinstance(item, SkippedInput), item
    return item


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_bytes(content.encode("utf-8"))
    else:
        path.write_bytes(content)
    return path


def describe(items: list[Article | SkippedInput]) -> list[tuple[str, str]]:
    return [
        (item.path, "article" if isinstance(item, Article) else item.reason) for item in items
    ]


# --- decoding ---------------------------------------------------------------------------------


def test_decode_utf8_keeps_text_exactly() -> None:
    data = "Café\r\nline two\u2028e\u0301\n".encode()
    assert decode_article_bytes(data) == ("Café\r\nline two\u2028e\u0301\n", "utf-8")


def test_decode_strips_utf8_bom() -> None:
    assert decode_article_bytes(b"\xef\xbb\xbfHello") == ("Hello", "utf-8-sig")


def test_decode_falls_back_to_cp1252_then_latin1() -> None:
    assert decode_article_bytes(b"caf\xe9 au lait \x93quoted\x94") == (
        "café au lait \u201cquoted\u201d",
        "cp1252",
    )
    # 0x81 is undefined in cp1252, so only latin-1 can decode it
    assert decode_article_bytes(b"caf\xe9 \x81") == ("café \x81", "latin-1")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b" \n\t\r\n", "empty file"),
        (b"\xef\xbb\xbf\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not text"),
        (b"text" * 100 + b"\x1b\x1b\x1b\x1b\x1b", "binary file, not text"),
    ],
)
def test_decode_rejects(data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as raised:
        decode_article_bytes(data)
    assert raised.value.reason == reason


def test_decode_allows_a_few_control_characters() -> None:
    data = b"text " * 100 + b"\x1b\x0b\f\t"  # 2 counted controls in 504 bytes: under 1%
    assert decode_article_bytes(data)[0].endswith("\x1b\x0b\f\t")


# --- .txt -------------------------------------------------------------------------------------


def test_txt_title_and_offsets(tmp_path: Path) -> None:
    text = "\n  Chelsea sack Mutu  \r\n\r\nChelsea have sacked Adrian Mutu.\n"
    path = write(tmp_path / "mutu.txt", text)
    article = read_article(path)
    assert article.text == text
    assert article.title == "Chelsea sack Mutu"
    assert article.text[: article.title_end] == "\n  Chelsea sack Mutu  "
    assert article.text[article.title_end :].lstrip().startswith("Chelsea have sacked")
    assert article.id == article_id(text)
    assert article.path == str(path)
    assert article.encoding == "utf-8"
    assert (article.outlet, article.author, article.published, article.url) == (None,) * 4


def test_txt_single_line(tmp_path: Path) -> None:
    article = read_article(write(tmp_path / "one.txt", "Only a headline"))
    assert (article.title, article.title_end) == ("Only a headline", len("Only a headline"))


def test_same_text_from_two_paths_is_one_article_id(tmp_path: Path) -> None:
    first = read_article(write(tmp_path / "a.txt", "Title\nBody."))
    second = read_article(write(tmp_path / "b.txt", "Title\nBody."))
    assert first.id == second.id
    assert first.path != second.path


def test_latin1_file_is_decoded(tmp_path: Path) -> None:
    article = read_article(write(tmp_path / "cafe.txt", b"Menu\ncaf\xe9 au lait"))
    assert article.text == "Menu\ncafé au lait"
    assert article.encoding == "cp1252"


@pytest.mark.corpus
@pytest.mark.skipif(not BBC_LATIN1.is_file(), reason=f"shared corpus file {BBC_LATIN1} is absent")
def test_real_latin1_bbc_article() -> None:
    article = read_article(BBC_LATIN1)
    assert article.encoding == "cp1252"
    assert article.title == "Chelsea sack Mutu"
    assert "a £15.8m signing from Parma" in article.text
    assert "\ufffd" not in article.text
    assert len(article.text) == BBC_LATIN1.stat().st_size  # one byte per character


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"   \n\n\t  \r\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary file, not text"),
    ],
    ids=["empty", "whitespace", "png"],
)
def test_txt_unreadable_content_is_skipped(tmp_path: Path, content: bytes, reason: str) -> None:
    path = write(tmp_path / "bad.txt", content)
    assert read_skip(path) == SkippedInput(path=str(path), reason=reason)


def test_article_over_the_character_limit_is_skipped(tmp_path: Path) -> None:
    path = write(tmp_path / "long.txt", "Title\n" + "é" * 150)  # 156 chars, 306 bytes
    skip = read_skip(path, max_chars=100)
    assert skip.reason == (
        "article has 156 characters, over the limit of 100 (NEWSGRAPH_MAX_ARTICLE_CHARS; parsing takes about 3 KB of memory a character)"
    )
    assert read_article(path, max_chars=156).text.endswith("é")


def test_file_over_four_bytes_a_character_is_skipped_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "huge.txt", "x" * 405)  # 4 bytes a character, and a byte order mark

    def fail(*args: object) -> None:
        raise AssertionError("an over-size file must not be decoded")

    monkeypatch.setattr("newsgraph.ingest.readers.decode_article_bytes", fail)
    skip = read_skip(path, max_chars=100)
    assert skip.reason == (
        "file has 405 bytes, too large for the limit of 100 characters "
        "(NEWSGRAPH_MAX_ARTICLE_CHARS; parsing takes about 3 KB of memory a character)"
    )


# --- paths and folders ------------------------------------------------------------------------


def test_nonexistent_path(tmp_path: Path) -> None:
    path = tmp_path / "missing.txt"
    assert read_skip(path) == SkippedInput(path=str(path), reason="no such file or directory")


def test_explicit_unsupported_extension(tmp_path: Path) -> None:
    path = write(tmp_path / "report.pdf", b"%PDF-1.7")
    assert read_skip(path).reason == (
        "unsupported format '.pdf' (expected .txt, .html, .htm or .jsonl)"
    )


def test_folder_is_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    articles = {
        "b.txt": "B\nBody",
        "a.txt": "A file\nBody",
        "sub/z.txt": "Z\nBody",
        "sub/deeper/c.htm": ARTICLE_PAGE,
        "c.jsonl": '{"text": "Body"}',
        "A-upper.TXT": "Upper\nBody",
    }
    for name, content in articles.items():
        write(root / name, content)
    write(root / "a.meta.json", '{"title": "A"}')
    write(root / "notes.md", "# not an article")
    write(root / "image.png", b"\x89PNG\x00")
    write(root / ".hidden.txt", "Hidden\nBody")
    write(root / ".git" / "x.txt", "Hidden dir\nBody")
    write(root / "sub" / ".cache" / "y.txt", "Hidden dir\nBody")
    items = read(root)
    assert [item.path for item in items] == [
        str(root / "A-upper.TXT"),
        str(root / "a.txt"),
        str(root / "b.txt"),
        f"{root / 'c.jsonl'}:1",
        str(root / "sub" / "deeper" / "c.htm"),
        str(root / "sub" / "z.txt"),
    ]
    assert all(isinstance(item, Article) for item in items)
    assert items[1].title == "A"  # sidecar applied


def test_run_continues_past_bad_files(tmp_path: Path) -> None:
    root = tmp_path / "in"
    write(root / "1-good.txt", "Good one\nBody.")
    write(root / "2-empty.txt", b"")
    write(root / "3-binary.txt", b"\x00\x01\x02\x03")
    write(root / "4-page.html", "<html><body><div>")
    write(root / "5-lines.jsonl", '{"text": "Line one"}\nnot json\n')
    write(root / "6-bad-sidecar.txt", "Sidecar\nBody.")
    write(root / "6-bad-sidecar.meta.json", "[1]")
    write(root / "7-good.txt", "Good two\nBody.")
    missing = tmp_path / "missing"
    assert describe(read(root, missing)) == [
        (str(root / "1-good.txt"), "article"),
        (str(root / "2-empty.txt"), "empty file"),
        (str(root / "3-binary.txt"), "binary file, not text"),
        (str(root / "4-page.html"), "no article text found in HTML"),
        (f"{root / '5-lines.jsonl'}:1", "article"),
        (f"{root / '5-lines.jsonl'}:2", "line 2 is not JSON: Expecting value (char 0)"),
        (
            str(root / "6-bad-sidecar.txt"),
            "sidecar 6-bad-sidecar.meta.json is not a JSON object but an array",
        ),
        (str(root / "7-good.txt"), "article"),
        (str(missing), "no such file or directory"),
    ]


def test_os_error_is_reported_with_the_os_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = write(tmp_path / "locked.txt", "Title\nBody")
    other = write(tmp_path / "other.txt", "Other\nBody")
    read_bytes = Path.read_bytes

    def deny(path: Path) -> bytes:
        if path == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", deny)
    assert describe(read(tmp_path)) == [
        (str(locked), "Permission denied"),
        (str(other), "article"),
    ]


# --- sidecars ---------------------------------------------------------------------------------


def test_sidecar_overrides_file_metadata(tmp_path: Path) -> None:
    path = write(tmp_path / "story.txt", "First line title\nBody text.")
    write(
        tmp_path / "story.meta.json",
        json.dumps(
            {
                "title": "Better title",
                "outlet": "BBC",
                "author": "A. Writer",
                "published": "2005-01-01",
                "url": "https://bbc.example/1",
            }
        ),
    )
    article = read_article(path)
    assert (article.title, article.outlet, article.author, article.published, article.url) == (
        "Better title",
        "BBC",
        "A. Writer",
        "2005-01-01",
        "https://bbc.example/1",
    )
    assert article.text == "First line title\nBody text."
    assert article.title_end == len("First line title")


def test_sidecar_overrides_html_metadata(tmp_path: Path) -> None:
    path = write(tmp_path / "page.html", ARTICLE_PAGE)
    write(tmp_path / "page.meta.json", '{"outlet": "The Planet", "author": null}')
    article = read_article(path)
    assert article.outlet == "The Planet"
    assert article.author == "Jane Smith"  # null in a sidecar overrides nothing


@pytest.mark.parametrize(
    ("sidecar", "reason"),
    [
        ("{title: 1}", "sidecar s.meta.json is not JSON: Expecting property name enclosed in "
         "double quotes (char 1)"),
        ('["x"]', "sidecar s.meta.json is not a JSON object but an array"),
        ('{"title": 3}', "sidecar s.meta.json: 'title' must be a string, not a number"),
        (
            '{"titel": "x"}',
            "sidecar s.meta.json: unknown key 'titel' (expected title, outlet, author, "
            "published, url, fetched)",
        ),
    ],
    ids=["not-json", "not-object", "non-string", "unknown-key"],
)
def test_invalid_sidecar_skips_the_article(tmp_path: Path, sidecar: str, reason: str) -> None:
    path = write(tmp_path / "s.txt", "Title\nBody")
    write(tmp_path / "s.meta.json", sidecar)
    assert read_skip(path) == SkippedInput(path=str(path), reason=reason)


def test_explicit_sidecar_is_unsupported(tmp_path: Path) -> None:
    path = write(tmp_path / "s.meta.json", "{}")
    assert read_skip(path).reason.startswith("unsupported format '.json'")


# --- .jsonl -----------------------------------------------------------------------------------


def test_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": "Headline here\nBody one.", "outlet": "Reuters", "extra": [1]}),
        "",
        "not json at all",
        json.dumps({"title": "Given title", "text": "Body two.", "published": "2024-01-02"}),
        json.dumps(["a", "list"]),
        json.dumps({"title": "No text"}),
        json.dumps({"text": 42}),
        json.dumps({"text": "Body three.", "author": ["two", "authors"]}),
        json.dumps({"text": "  \n "}),
        "   ",
        json.dumps({"text": "Last one", "url": "https://x.example/3", "author": None}),
    ]
    path = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    assert describe(read(path)) == [
        (f"{path}:1", "article"),
        (f"{path}:3", "line 3 is not JSON: Expecting value (char 0)"),
        (f"{path}:4", "article"),
        (f"{path}:5", "line 5 is not a JSON object but an array"),
        (f"{path}:6", "line 6 has no 'text'"),
        (f"{path}:7", "line 7: 'text' must be a string, not a number"),
        (f"{path}:8", "line 8: 'author' must be a string, not an array"),
        (f"{path}:9", "line 9: 'text' is empty"),
        (f"{path}:11", "article"),
    ]
    first, given, last = [item for item in read(path) if isinstance(item, Article)]
    assert (first.title, first.title_end, first.outlet) == ("Headline here", 13, "Reuters")
    assert first.text == "Headline here\nBody one."
    assert first.id == article_id(first.text)
    assert (given.title, given.title_end, given.published) == ("Given title", 0, "2024-01-02")
    assert (last.title, last.url, last.author) == ("Last one", "https://x.example/3", None)


def test_jsonl_limit_applies_per_line(tmp_path: Path) -> None:
    path = write(
        tmp_path / "feed.jsonl",
        "\n".join(
            [
                json.dumps({"text": "short"}),
                json.dumps({"text": "y" * 150}),
                json.dumps({"text": "z" * 500}),
                json.dumps({"text": "short again"}),
            ]
        ),
    )
    assert describe(read(path, max_chars=100)) == [
        (f"{path}:1", "article"),
        (f"{path}:2", "article has 150 characters, over the limit of 100 "
         "(NEWSGRAPH_MAX_ARTICLE_CHARS; parsing takes about 3 KB of memory a character)"),
        (f"{path}:3", "line 3 is over 400 bytes, too long for the limit of 100 characters "
         "(NEWSGRAPH_MAX_ARTICLE_CHARS; parsing takes about 3 KB of memory a character)"),
        (f"{path}:4", "article"),
    ]


def test_jsonl_latin1_line(tmp_path: Path) -> None:
    path = write(tmp_path / "feed.jsonl", b'{"text": "caf\xe9"}\n{"text": "plain"}\n')
    first, second = read(path)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.text, first.encoding) == ("café", "cp1252")
    assert (second.text, second.encoding) == ("plain", "utf-8")


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"\n \n", "empty file"), (b"\x00\x01PK\x03\x04", "binary file, not text")],
    ids=["blank", "binary"],
)
def test_jsonl_without_articles_is_skipped(tmp_path: Path, content: bytes, reason: str) -> None:
    path = write(tmp_path / "feed.jsonl", content)
    assert read_skip(path) == SkippedInput(path=str(path), reason=reason)


# --- .html ------------------------------------------------------------------------------------


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    path = write(tmp_path / "page.html", ARTICLE_PAGE)
    article = read_article(path)
    assert "John Doe, resigned on Tuesday" in article.text
    assert "successor would be named" in article.text
    boilerplate_words = ["Home", "World news", "Subscribe", "Reader comment", "Copyright", "Cookie"]
    for boilerplate in boilerplate_words:
        assert boilerplate not in article.text
    assert article.title == "Minister resigns over budget row"
    assert article.author == "Jane Smith"
    assert article.published == "2024-03-05"
    assert article.outlet == "Daily Planet"
    assert article.url == "https://dailyplanet.example/news/minister-resigns"
    assert article.id == article_id(article.text)
    # the extracted text starts with the headline, so title_end marks it
    assert article.text[: article.title_end].strip() == article.title


def test_html_title_not_in_text_has_no_title_line(tmp_path: Path) -> None:
    page = ARTICLE_PAGE.replace("<h1>Minister resigns over budget row</h1>", "")
    article = read_article(write(tmp_path / "page.htm", page))
    assert article.title == "Minister resigns over budget row"
    assert article.title_end == 0
    assert article.text.startswith("The finance minister")


def test_html_in_cp1252_is_decoded(tmp_path: Path) -> None:
    page = ARTICLE_PAGE.replace("John Doe", "Jos\xe9 Dur\xe1n").replace('charset="utf-8"', "")
    article = read_article(write(tmp_path / "page.html", page.encode("cp1252")))
    assert article.encoding == "cp1252"
    assert "José Durán, resigned" in article.text


@pytest.mark.parametrize(
    "content",
    [
        b"<html><body><div>",
        b"<html><head><title>Only a title</title></head><body></body></html>",
        b"</p><<<>><!--<div>&amp;</div>--><![CDATA[</html>>><p>",
        b"<html><body><p>&amp; &lt;&lt; --&gt;</p></body></html>",  # extracts only punctuation
    ],
    ids=["unclosed-empty", "title-only", "tag-soup", "punctuation-only"],
)
def test_html_without_article_text_is_skipped(tmp_path: Path, content: bytes) -> None:
    path = write(tmp_path / "page.html", content)
    assert read_skip(path) == SkippedInput(path=str(path), reason="no article text found in HTML")


def test_binary_html_is_skipped(tmp_path: Path) -> None:
    path = write(tmp_path / "page.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert read_skip(path).reason == "binary file, not text"
