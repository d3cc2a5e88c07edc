"""`--help` in words, not Python type names.

Typer writes each value's Python type beside it (``<str>``, ``<list[Path]>``, ``<bool>`` even
after a flag, ``<int range>``); click's own help says ``TEXT``, ``PATH``, ``N``. `install`
makes Typer's help do the same: an option shows its metavar when it has one, else a word for
its type (nothing for a flag, the choices of a closed set); an argument shows its name in
capitals, as click writes it, and no type.
"""

from __future__ import annotations

import re
from typing import Any

from typer.core import TyperArgument, TyperOption

_WORDS = {"str": "TEXT", "int": "N", "float": "NUMBER", "path": "PATH", "bool": ""}
_LIST = re.compile(r"^list\[(.*)\]$")


def plain_type(label: str) -> str:
    """A word for one of Typer's type labels.

    >>> [plain_type(t) for t in ("<str>", "<list[Path]>", "<int range>", "<bool>", "<auto|embedded|neo4j>")]
    ['TEXT', 'PATH...', 'N', '', '[auto|embedded|neo4j]']
    """
    inner = label.removeprefix("<").removesuffix(">")
    if match := _LIST.match(inner):
        word = plain_type(match.group(1))
        return f"{word}..." if word else ""
    inner = inner.removesuffix(" range")
    if "|" in inner:
        return f"[{inner}]"
    return _WORDS.get(inner.lower(), inner.upper())


def _option_type(self: TyperOption, ctx: Any) -> str | None:
    if self.metavar is not None:
        return self.metavar
    if self.is_flag:
        return ""
    return plain_type(self.display_type(ctx))


def _argument_type(self: TyperArgument, ctx: Any) -> str | None:
    return None  # its name says what it is


def _argument_name(self: TyperArgument) -> str:
    return self.metavar if self.metavar is not None else (self.name or "").upper()


def install() -> None:
    """Make every Typer command's help use these words (call once, before the app runs)."""
    TyperOption.display_type_rich = _option_type
    TyperArgument.display_type_rich = _argument_type
    TyperArgument.display_name_raw = property(_argument_name)
