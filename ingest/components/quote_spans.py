"""`newsgraph_quote_spans`: the content spans of direct quotes, by pairing quotation marks.

The component stores them once for everything after it: `doc._.ng_quote_spans` (char
spans) and `doc._.ng_quoted_tokens` (the tokens inside them).

Handles curly and straight double quotes, two apostrophes standing for one
(''…'', as in archive text of The New York Times), and guillemets; quotes
running over several paragraphs (an unclosed quote whose next paragraph opens
with a quote mark), a new opening mark while a quote is open (closes the
first: a common artefact of pasted text), and mis-typed curly marks (“ used
as a closing mark). A single apostrophe or single quote is never a quote mark
here, so "ThinkProgress’ Casey Michel" and "the Times‘ sources" are safe.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .syntax import doc_text
from .types import register_extensions

OPENERS = frozenset("“«„")
CLOSERS = frozenset("”»")
STRAIGHT = '"'
TWO_APOSTROPHES = "''"  # a straight double quote typed as two apostrophes
_PARAGRAPH = re.compile(r"[^\n]+")
_MARKS = re.compile("''|[" + re.escape("".join(sorted(OPENERS | CLOSERS)) + STRAIGHT) + "]")


def find_quote_spans(text: str) -> list[tuple[int, int]]:
    """Char spans (start, end) of quoted content, quote marks excluded, in text order."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None  # index just after the opening mark
    paragraphs = [m.span() for m in _PARAGRAPH.finditer(text)]
    for number, (start, end) in enumerate(paragraphs):
        for mark in _MARKS.finditer(text, start, end):  # only the quote marks: no loop over every character
            i = mark.start()
            width = mark.end() - i
            char = STRAIGHT if width == 2 else mark.group()
            before = text[i - 1] if i > 0 else " "
            after = text[i + width] if i + width < len(text) else " "
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
                elif not after.isspace() and i + width < end:
                    if open_at is not None:
                        spans.append((open_at, _trim_end(text, open_at, i)))
                    open_at = i + width
        if open_at is None:
            continue
        following = paragraphs[number + 1] if number + 1 < len(paragraphs) else None
        mark = _quote_mark_width(text, following[0]) if following is not None else 0
        if mark:  # the quote runs on: the next paragraph's opening mark is not a new quote
            paragraphs[number + 1] = (following[0] + mark, following[1])
        else:
            spans.append((open_at, _trim_end(text, open_at, end)))
            open_at = None
    return [(a, b) for a, b in spans if b > a and text[a:b].strip()]


def _quote_mark_width(text: str, at: int) -> int:
    """The length of the double quote mark at `at`, 0 when there is none."""
    if text.startswith(TWO_APOSTROPHES, at):
        return 2
    return 1 if text[at] in OPENERS or text[at] == STRAIGHT else 0


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


@Language.factory("newsgraph_quote_spans", assigns=["doc._.ng_quote_spans", "doc._.ng_quoted_tokens"], default_config={})
def make_quote_span_finder(nlp: Language, name: str) -> QuoteSpanFinder:
    return QuoteSpanFinder()


class QuoteSpanFinder:
    def __init__(self) -> None:
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        spans = find_quote_spans(doc_text(doc))
        doc._.ng_quote_spans = spans
        doc._.ng_quoted_tokens = tokens_in(doc, spans)
        return doc
