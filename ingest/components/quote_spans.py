"""Find the content spans of direct quotes in text: pairing quotation marks.

Handles curly and straight double quotes and guillemets, quotes running over
several paragraphs (an unclosed quote whose next paragraph opens with a quote
mark), a new opening mark while a quote is open (closes the first: a common
artefact of pasted text), and mis-typed curly marks (“ used as a closing
mark). Apostrophes and single quotes are never quote marks here, so
"ThinkProgress’ Casey Michel" and "the Times‘ sources" are safe.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

OPENERS = frozenset("“«„")
CLOSERS = frozenset("”»")
STRAIGHT = '"'
_PARAGRAPH = re.compile(r"[^\n]+")


def find_quote_spans(text: str) -> list[tuple[int, int]]:
    """Char spans (start, end) of quoted content, quote marks excluded, in text order."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None  # index just after the opening mark
    paragraphs = [m.span() for m in _PARAGRAPH.finditer(text)]
    for number, (start, end) in enumerate(paragraphs):
        for i in range(start, end):
            char = text[i]
            before = text[i - 1] if i > 0 else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            if char in OPENERS:
                if open_at is not None and not before.isspace() and (after.isspace() or after in ".,;:!?"):
                    spans.append((open_at, i))  # “ typed where ” was meant
                    open_at = None
                    continue
                if open_at is not None:  # a new quote opens: the open one ends here
                    spans.append((open_at, _trim_end(text, open_at, i)))
                open_at = i + 1
            elif char in CLOSERS:
                if open_at is not None:
                    spans.append((open_at, i))
                    open_at = None
            elif char == STRAIGHT:
                # closing: after a word, or standing alone (`…,' " Magel said`: nothing can open there)
                if open_at is not None and (not before.isspace() or after.isspace()):
                    spans.append((open_at, _trim_end(text, open_at, i)))
                    open_at = None
                elif not after.isspace() and i + 1 < end:
                    if open_at is not None:
                        spans.append((open_at, _trim_end(text, open_at, i)))
                    open_at = i + 1
        if open_at is None:
            continue
        following = paragraphs[number + 1] if number + 1 < len(paragraphs) else None
        if following is not None and _is_quote_mark(text[following[0]]):
            # the quote runs on: the next paragraph's opening mark is not a new quote
            paragraphs[number + 1] = (following[0] + 1, following[1])
        else:
            spans.append((open_at, _trim_end(text, open_at, end)))
            open_at = None
    return [(a, b) for a, b in spans if b > a and text[a:b].strip()]


def _is_quote_mark(char: str) -> bool:
    return char in OPENERS or char == STRAIGHT


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def tokens_in(doc: Doc, spans: list[tuple[int, int]]) -> frozenset[int]:
    """Indices of the tokens inside any of the char spans."""
    tokens: set[int] = set()
    for a, b in spans:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is not None:
            tokens.update(range(span.start, span.end))
    return frozenset(tokens)
