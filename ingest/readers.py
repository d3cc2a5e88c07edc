"""Read article files (.txt, .html/.htm, .jsonl) and folders of them into `Article`s.

Every input either becomes an `Article` or a `SkippedInput` with a reason; one
bad file never stops the others.

- `.txt`: the text is the whole decoded file; the title is its first non-blank line.
- `.html`/`.htm`: the text is the main text that trafilatura extracts from the
  page, so offsets index that extracted text, not the HTML source. Title,
  author, date, site name and URL come from the page metadata.
- `.jsonl`: one JSON object per line with a `text` and optional `title`, `url`,
  `outlet`, `author`, `published`; each article's path is `<file>:<line>`.

A `NAME.meta.json` sidecar next to `NAME.txt` or `NAME.html` overrides that
file's metadata; a folder's `meta.json` gives what every article below it does not
say itself, then the run's `defaults` (`metadata.py` has the whole order). Folders
are walked recursively in sorted order, skipping hidden entries and files of other
types (sidecars included).

What cannot be stored as Unicode text is skipped with its reason: a file name
that is not UTF-8 (named in the message with its bytes escaped, ``caf\\xe9.txt``),
a lone surrogate (``"\\ud800"`` in JSON) in a text or a metadata value. Paths and
reasons in `SkippedInput`s are printable (`ingest.printable`): no control
character of a file name reaches the terminal.
"""

from __future__ import annotations

import io
import json
import logging
import os
import re
import stat
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import AnyStr, BinaryIO

from ..model.ids import article_id
from ..model.records import Article, SkippedInput
from .decoding import (
    MAX_BOM_BYTES,
    SNIFF_BYTES,
    InputError,
    check_unicode,
    decode_article_bytes,
    is_binary,
    wide_encoding,
)
from .metadata import FOLDER_META, inherit, read_folder_meta, with_file_date
from .printable import printable

log = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
SIDECAR_SUFFIX = ".meta.json"
METADATA_KEYS = ("title", "outlet", "author", "published", "url")
SIDECAR_KEYS = (*METADATA_KEYS, "fetched")  # `newsgraph fetch` records when it downloaded the page

_BYTES_PER_CHAR = 4
# said with every article skipped for its length: why there is a limit (a 1,000,000-character
# article took 3.3 GB and 15 minutes in one worker; 200,000 characters, 0.8 GB)
_LIMIT_NOTE = "NEWSGRAPH_MAX_ARTICLE_CHARS; parsing takes about 3 KB of memory a character"
_LINE = re.compile(r"[^\r\n]+")
_JSON_TYPES = {
    dict: "an object",
    list: "an array",
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "a boolean",
    type(None): "null",
}


def read_inputs(
    paths: Sequence[Path], *, max_chars: int, defaults: Mapping[str, str] | None = None
) -> Iterator[Article | SkippedInput]:
    """Articles from files and folders, in order; unreadable inputs come out as `SkippedInput`.
    `defaults` (outlet, author, published) go to every article that has no such metadata."""
    for path in paths:
        yield from _read_path(path, max_chars=max_chars, inherited=dict(defaults or {}))


def _read_path(path: Path, *, max_chars: int, inherited: Mapping[str, str]) -> Iterator[Article | SkippedInput]:
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        yield _skipped(path, "no such file or directory")
        return
    except OSError as exc:
        yield _skipped(path, _os_reason(exc))
        return
    if stat.S_ISDIR(mode):
        yield from _read_folder(path, max_chars=max_chars, inherited=inherited)
    elif not stat.S_ISREG(mode):
        yield _skipped(path, "not a regular file or folder")
    elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
        expected = ", ".join(SUPPORTED_SUFFIXES[:-1]) + " or " + SUPPORTED_SUFFIXES[-1]
        yield _skipped(path, f"unsupported format '{path.suffix}' (expected {expected})")
    else:
        yield from _read_file(path, max_chars=max_chars, inherited=inherited)


def article_files(folder: Path) -> tuple[list[Path], list[OSError]]:
    """The article files under `folder` (recursive, hidden names left out) in reading order, and
    the errors met walking it."""
    errors: list[OSError] = []
    files: list[Path] = []
    for root, dirs, names in os.walk(folder, onerror=errors.append):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        files.extend(Path(root, name) for name in names if _is_article_file(name))
    return sorted(files, key=lambda p: p.parts), sorted(errors, key=lambda e: str(e.filename))


def _read_folder(folder: Path, *, max_chars: int, inherited: Mapping[str, str]) -> Iterator[Article | SkippedInput]:
    files, errors = article_files(folder)
    for error in errors:
        yield _skipped(Path(error.filename), _os_reason(error))
    log.debug("%s: %d article files", folder, len(files))
    metas = _FolderMetadata(folder, inherited)
    for path in files:
        yield from metas.problems(path.parent)
        yield from _read_path(path, max_chars=max_chars, inherited=metas.of(path.parent))


class _FolderMetadata:
    """What the `meta.json` files from the walked folder down to each folder say (the nearer
    wins), over the run's defaults; a bad `meta.json` is reported once and left out."""

    def __init__(self, root: Path, defaults: Mapping[str, str]) -> None:
        self.root = root
        self.merged: dict[Path, dict[str, str]] = {}
        self.defaults = dict(defaults)
        self.reported: set[Path] = set()
        self.bad: list[SkippedInput] = []

    def of(self, folder: Path) -> dict[str, str]:
        if folder not in self.merged:
            above = self.of(folder.parent) if folder != self.root and self.root in folder.parents else self.defaults
            own = {}
            meta = folder / FOLDER_META
            if meta.is_file():
                try:
                    own = read_folder_meta(meta)
                except InputError as exc:
                    self.bad.append(SkippedInput(path=str(meta), reason=exc.reason.removeprefix(f"{meta}: ")))
            self.merged[folder] = {**above, **own}
        return self.merged[folder]

    def problems(self, folder: Path) -> Iterator[SkippedInput]:
        self.of(folder)
        while self.bad:
            yield self.bad.pop(0)


def _is_article_file(name: str) -> bool:
    """Sidecars end in .json, so the suffix check leaves them out too."""
    return not name.startswith(".") and Path(name).suffix.lower() in SUPPORTED_SUFFIXES


def _read_file(path: Path, *, max_chars: int, inherited: Mapping[str, str]) -> Iterator[Article | SkippedInput]:
    suffix = path.suffix.lower()
    if not _utf8_name(path):
        yield _skipped(path, "the file name is not UTF-8 (its undecodable bytes are shown as \\xNN): rename it to read it")
        return
    try:
        if suffix == ".jsonl":
            for item in _read_jsonl(path, max_chars=max_chars):
                yield with_file_date(inherit(item, inherited), path) if isinstance(item, Article) else item
        else:
            reader = _read_txt if suffix == ".txt" else _read_html
            yield with_file_date(inherit(_apply_sidecar(reader(path, max_chars=max_chars), path), inherited), path)
    except InputError as exc:
        yield _skipped(path, exc.reason)
    except OSError as exc:
        yield _skipped(path, _os_reason(exc))


def _read_txt(path: Path, *, max_chars: int) -> Article:
    text, encoding = decode_article_bytes(_read_bytes(path, max_chars=max_chars))
    _check_length(text, max_chars=max_chars)
    title, title_end = _first_line(text)
    return _article(str(path), text, encoding, {"title": title}, title_end=title_end)


def _read_html(path: Path, *, max_chars: int) -> Article:
    import trafilatura  # here: a command that reads no HTML (a no-op re-ingest) does not pay its import

    html, encoding = decode_article_bytes(_read_bytes(path, max_chars=max_chars))
    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if document is None or not any(char.isalnum() for char in document.text or ""):
        raise InputError("no article text found in HTML")
    text = document.text
    check_unicode(text, where="the extracted text")
    _check_length(text, max_chars=max_chars)
    page = {
        "title": document.title,
        "outlet": document.sitename,
        "author": document.author,
        "published": document.date,
        "url": document.url,
    }
    metadata = _metadata(page, where="HTML metadata")
    if "title" in metadata:
        title_end = _title_line_end(text, metadata["title"])
    else:
        metadata["title"], title_end = _first_line(text)
    return _article(str(path), text, encoding, metadata, title_end=title_end)


def _read_jsonl(path: Path, *, max_chars: int) -> Iterator[Article | SkippedInput]:
    found = False
    with path.open("rb") as file:
        head = file.read(SNIFF_BYTES)
        if is_binary(head):
            raise InputError("binary file, not text")
        file.seek(0)
        wide = wide_encoding(head)
        for number, line in enumerate(_file_lines(file, wide, limit=_byte_limit(max_chars)), start=1):
            if line is not None and not line.strip():
                continue
            found = True
            where = f"{path}:{number}"
            try:
                yield _jsonl_article(where, number, line, encoding=wide, max_chars=max_chars)
            except InputError as exc:
                yield _skipped(where, exc.reason)
    if not found:
        raise InputError("empty file")


def _file_lines(file: BinaryIO, wide: str | None, *, limit: int) -> Iterator[bytes | str | None]:
    """The lines of `file`: bytes, or text when it is UTF-16 or UTF-32 (`wide`), where `limit`
    counts characters; a decoding error there ends the file."""
    if wide is None:
        yield from _lines(file.readline, b"\n", limit=limit)
        return
    text = io.TextIOWrapper(file, encoding=wide, newline="")
    try:
        yield from _lines(text.readline, "\n", limit=limit)
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid {wide.upper()} after its byte order mark ({exc.reason})") from None
    finally:
        text.detach()


def _lines(readline: Callable[[int], AnyStr], newline: AnyStr, *, limit: int) -> Iterator[AnyStr | None]:
    """Each line `readline` gives; None for a line over `limit`, which is passed over unread."""
    while line := readline(limit + 1):
        if len(line) <= limit or line.endswith(newline):
            yield line
            continue
        while (rest := readline(limit + 1)) and not rest.endswith(newline):
            continue
        yield None


def _jsonl_article(
    where: str, number: int, line: bytes | str | None, *, encoding: str | None, max_chars: int
) -> Article:
    """One JSONL line: bytes to decode, or text already decoded from `encoding`."""
    if line is None:
        raise InputError(
            f"line {number} is over {_byte_limit(max_chars):,} bytes, too long for the limit "
            f"of {max_chars:,} characters ({_LIMIT_NOTE})"
        )
    if isinstance(line, str) and encoding is not None:
        raw = line
    else:
        assert isinstance(line, bytes)
        try:
            raw, encoding = decode_article_bytes(line)
        except InputError as exc:
            raise InputError(f"line {number}: {exc.reason}") from None
    record = _json_object(raw, where=f"line {number}")
    text = _jsonl_text(record, number)
    _check_length(text, max_chars=max_chars)
    metadata = _metadata(record, where=f"line {number}")
    if "title" in metadata:
        title_end = 0
    else:
        metadata["title"], title_end = _first_line(text)
    return _article(where, text, encoding, metadata, title_end=title_end)


def _json_object(content: str, *, where: str) -> dict:
    try:
        record = json.loads(content)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where} is not JSON: {exc.msg} (char {exc.pos})") from None
    if not isinstance(record, dict):
        raise InputError(f"{where} is not a JSON object but {_json_type(record)}")
    return record


def _jsonl_text(record: Mapping[str, object], number: int) -> str:
    if "text" not in record:
        raise InputError(f"line {number} has no 'text'")
    text = record["text"]
    if not isinstance(text, str):
        raise InputError(f"line {number}: 'text' must be a string, not {_json_type(text)}")
    if not text.strip():
        raise InputError(f"line {number}: 'text' is empty")
    check_unicode(text, where=f"line {number}: 'text'")
    return text


def _apply_sidecar(article: Article, path: Path) -> Article:
    sidecar = path.with_suffix(SIDECAR_SUFFIX)
    if not sidecar.exists():
        return article
    overrides = _read_sidecar(sidecar)
    log.debug("%s: metadata from %s: %s", path, sidecar.name, sorted(overrides))
    return article.model_copy(update=overrides)


def _read_sidecar(sidecar: Path) -> dict[str, str]:
    where = f"sidecar {sidecar.name}"
    try:
        content = sidecar.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise InputError(f"{where}: {_os_reason(exc)}") from None
    except UnicodeDecodeError:
        raise InputError(f"{where} is not UTF-8 text") from None
    record = _json_object(content, where=where)
    unknown = sorted(set(record) - set(SIDECAR_KEYS))
    if unknown:
        raise InputError(
            f"{where}: unknown key '{printable(unknown[0])}' (expected {', '.join(SIDECAR_KEYS)})"
        )
    return _metadata(record, where=where)


def _metadata(record: Mapping[str, object], *, where: str) -> dict[str, str]:
    """The metadata strings in `record`, stripped; null and blank values count as absent."""
    metadata: dict[str, str] = {}
    for key in METADATA_KEYS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(f"{where}: '{key}' must be a string, not {_json_type(value)}")
        if value:
            check_unicode(value, where=f"{where}: '{key}'")
        if value and value.strip():
            metadata[key] = value.strip()
    return metadata


def _article(
    path: str, text: str, encoding: str, metadata: Mapping[str, str], *, title_end: int
) -> Article:
    log.debug("%s: %d characters, decoded as %s", path, len(text), encoding)
    return Article(
        id=article_id(text),
        path=path,
        text=text,
        encoding=encoding,
        title_end=title_end,
        **metadata,
    )


def _first_line(text: str) -> tuple[str, int]:
    """The first non-blank line of non-blank `text`, stripped, and the offset where it ends."""
    line = next(match for match in _LINE.finditer(text) if match.group().strip())
    return line.group().strip(), line.end()


def _title_line_end(text: str, title: str) -> int:
    """Where the first line ends if that line is the title, else 0."""
    line, end = _first_line(text)
    return end if line.split() == title.split() else 0


def _read_bytes(path: Path, *, max_chars: int) -> bytes:
    size = path.stat().st_size
    if size > _byte_limit(max_chars) + MAX_BOM_BYTES:
        raise InputError(
            f"file has {size:,} bytes, too large for the limit of {max_chars:,} characters "
            f"({_LIMIT_NOTE})"
        )
    return path.read_bytes()


def _check_length(text: str, *, max_chars: int) -> None:
    if len(text) > max_chars:
        raise InputError(
            f"article has {len(text):,} characters, over the limit of {max_chars:,} "
            f"({_LIMIT_NOTE})"
        )


def _byte_limit(max_chars: int) -> int:
    """UTF-8 and UTF-32 take at most 4 bytes a character, so a longer line cannot fit the limit."""
    return _BYTES_PER_CHAR * max_chars


def _json_type(value: object) -> str:
    return _JSON_TYPES[type(value)]


def _os_reason(error: OSError) -> str:
    return error.strerror or str(error)


def _utf8_name(path: Path) -> bool:
    """False when the name holds bytes that are not UTF-8 (`os.fsdecode` made them surrogates)."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _skipped(path: Path | str, reason: str) -> SkippedInput:
    skipped = SkippedInput(path=printable(str(path)), reason=printable(reason))
    log.debug("%s", skipped.message())
    return skipped
