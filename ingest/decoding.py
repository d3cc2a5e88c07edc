"""Bytes to article text: reject empty and binary input, pick a text encoding.

The text is returned exactly as decoded (no Unicode or newline normalization),
because extraction offsets index it. Only a UTF-8 byte order mark is dropped.
"""

from __future__ import annotations

SNIFF_BYTES = 8192
_MAX_CONTROL_SHARE = 0.01
_CONTROL_BYTES = frozenset(range(0x20)) - {ord(c) for c in "\t\n\r\f"}


class InputError(Exception):
    """An input that cannot be read as an article; `reason` says why, for the user."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def is_binary(data: bytes) -> bool:
    """NUL bytes, or over 1% of the first 8 KB in C0 controls other than tab, CR, LF, FF."""
    if b"\x00" in data:
        return True
    head = data[:SNIFF_BYTES]
    controls = sum(1 for byte in head if byte in _CONTROL_BYTES)
    return controls > _MAX_CONTROL_SHARE * len(head)


def decode_article_bytes(data: bytes) -> tuple[str, str]:
    """(text, encoding): UTF-8 (a BOM gives 'utf-8-sig'), else cp1252, else latin-1."""
    if not data.strip():
        raise InputError("empty file")
    if is_binary(data):
        raise InputError("binary file, not text")
    text, encoding = _decode(data)
    if not text.strip():
        raise InputError("empty file")
    return text, encoding


def _decode(data: bytes) -> tuple[str, str]:
    encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    for candidate in (encoding, "cp1252"):
        try:
            return data.decode(candidate), candidate
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"
