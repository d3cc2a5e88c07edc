"""Bytes to article text: reject empty and binary input, pick a text encoding.

The text is returned exactly as decoded (no Unicode or newline normalization),
because extraction offsets index it. Only a byte order mark is dropped.

A file that starts with a UTF-16 or UTF-32 byte order mark is decoded as such
(its NUL bytes are no sign of binary data there; the decoded text is checked
instead); anything else is UTF-8, else cp1252, else Latin-1.
"""

from __future__ import annotations

import re

SNIFF_BYTES = 8192
_MAX_CONTROL_SHARE = 0.01
_CONTROL_BYTES = frozenset(range(0x20)) - {ord(c) for c in "\t\n\r\f"}
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# longest first: the UTF-32 LE mark begins with the UTF-16 LE one
WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
MAX_BOM_BYTES = 4


class InputError(Exception):
    """An input that cannot be read as an article; `reason` says why, for the user."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def wide_encoding(data: bytes) -> str | None:
    """'utf-16' or 'utf-32' when `data` starts with that byte order mark, else None."""
    return next((encoding for bom, encoding in WIDE_BOMS if data.startswith(bom)), None)


def is_binary(data: bytes) -> bool:
    """NUL bytes, or over 1% of the first 8 KB in C0 controls other than tab, CR, LF, FF.

    Data with a UTF-16 or UTF-32 byte order mark is judged on its decoded text."""
    encoding = wide_encoding(data)
    if encoding is not None:
        return _is_binary_text(data[:SNIFF_BYTES].decode(encoding, errors="ignore"))
    if b"\x00" in data:
        return True
    head = data[:SNIFF_BYTES]
    controls = sum(1 for byte in head if byte in _CONTROL_BYTES)
    return controls > _MAX_CONTROL_SHARE * len(head)


def _is_binary_text(text: str) -> bool:
    if "\x00" in text:
        return True
    head = text[:SNIFF_BYTES]
    return len(_CONTROL_CHARS.findall(head)) > _MAX_CONTROL_SHARE * len(head)


def decode_article_bytes(data: bytes) -> tuple[str, str]:
    """(text, encoding): UTF-16/32 after their byte order mark, UTF-8 (a BOM gives
    'utf-8-sig'), else cp1252, else latin-1."""
    if not data.strip():
        raise InputError("empty file")
    if is_binary(data):
        raise InputError("binary file, not text")
    text, encoding = _decode(data)
    if not text.strip():
        raise InputError("empty file")
    return text, encoding


def _decode(data: bytes) -> tuple[str, str]:
    wide = wide_encoding(data)
    if wide is not None:
        try:
            return data.decode(wide), wide
        except UnicodeDecodeError as exc:
            raise InputError(f"not valid {wide.upper()} after its byte order mark (byte {exc.start})") from None
    encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    for candidate in (encoding, "cp1252"):
        try:
            return data.decode(candidate), candidate
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def check_unicode(value: str, *, where: str) -> None:
    """Raise `InputError` if `value` holds a lone surrogate (``"\\ud800"`` from a JSON escape):
    such a string is not Unicode text and cannot be stored, printed or hashed as UTF-8."""
    found = _LONE_SURROGATE.search(value)
    if found is not None:
        raise InputError(
            f"{where} holds a lone surrogate (\\u{ord(found.group()):04x} at character {found.start()}), "
            "which is not Unicode text"
        )
