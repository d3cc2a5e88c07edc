"""Untrusted text made safe to show on a terminal, one character at a time.

Article text, titles, names and file names come from outside. Written raw to a
terminal, an ESC (``\\x1b]0;...\\x07`` sets the window title, ``\\x1b[31m``
colours), a C1 control (``\\x9b`` is a CSI on some terminals) or a bidirectional
override (``\\u202e`` reverses what follows) would be obeyed, not shown.
`printable` writes each of them as a visible escape instead; every other
character is kept. A file name's undecodable bytes (``os.fsdecode`` turns them
into lone surrogates, U+DC80-U+DCFF) are written as the bytes they were
(``\\xe9``), other lone surrogates as ``\\ud800``.
"""

from __future__ import annotations

import re

_UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f"  # C0 controls, DEL, C1 controls
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidirectional marks, embeddings, overrides, isolates
    "\u2028\u2029"  # line and paragraph separators
    "\ud800-\udfff]"  # lone surrogates (no valid str holds a paired one)
)
_JSON_RAW_UNSAFE = re.compile(
    "[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]"
)  # json.dumps escapes C0 controls itself
_SURROGATE_ESCAPED_BYTES = range(0xDC80, 0xDD00)


def printable(text: str) -> str:
    """`text` with control and bidirectional characters written as escapes.

    Parameters
    ----------
    text : str
        Untrusted text: an article's words, a name, a file path.

    Returns
    -------
    str
        The same text where each unsafe character is replaced by its escape
        (``\\x1b``, ``\\u202e``; an undecodable file-name byte as ``\\xe9``), so it
        can be written to a terminal and is valid UTF-8.

    Examples
    --------
    >>> printable("caf\\udce9 \\x1b]0;title\\x07 done")
    'caf\\\\xe9 \\\\x1b]0;title\\\\x07 done'
    >>> printable("plain text, tabs\\tand all")
    'plain text, tabs\\\\tand all'
    """
    return escaped(text, _UNPRINTABLE)


def escaped(text: str, unsafe: re.Pattern[str]) -> str:
    """`text` with each character `unsafe` matches written as `printable` writes it."""
    return unsafe.sub(_escape, text)


def json_safe(text: str) -> str:
    """JSON text (from ``json.dumps(..., ensure_ascii=False)``) with what json.dumps leaves raw
    and a terminal would obey (DEL, C1 controls, bidirectional marks, line separators, lone
    surrogates) written as ``\\uXXXX`` escapes: it parses back to the same data. Outside its
    strings JSON text is ASCII, so only characters inside strings are touched.

    Examples
    --------
    >>> json_safe('["a\u202eb"]')
    '["a\\\\u202eb"]'
    """
    return _JSON_RAW_UNSAFE.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def is_printable(text: str) -> bool:
    """True if `printable` would leave `text` as it is."""
    return _UNPRINTABLE.search(text) is None


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code in _SURROGATE_ESCAPED_BYTES:
        return f"\\x{code - 0xDC00:02x}"
    if code == 0x09:
        return "\\t"
    if code == 0x0A:
        return "\\n"
    if code == 0x0D:
        return "\\r"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
