"""`newsgraph_headlines`: the article's headline lines, which name nothing of their own.

A headline is the title line (up to `doc._.ng_title_end`, set with the Doc) or a line
written in headline case: no closing punctuation, and most of its longer words
capitalized ("Senator Warns Of Budget Gap", "WHAT THE VOTE MEANS"). Title case makes the
model see names everywhere ("X Warns", "Budget Gap"), so newsgraph_names keeps a name
there only when the body names it too, and no relation is read from a headline.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .syntax import doc_text
from .types import register_extensions

_MIN_WORDS = 2  # longer words a line needs to be judged by its case
_LONG_WORD = 4  # letters: "with", "from" and shorter words are often lower case in title case
_CAPITALIZED_SHARE = 0.6
_CLOSING = (".", "?", "!", ":", ";", ",", "”", '"', "’", "'")


@Language.factory(
    "newsgraph_headlines",
    assigns=["doc._.ng_headlines"],
    default_config={},
)
def make_headlines(nlp: Language, name: str) -> Headlines:
    return Headlines()


class Headlines:
    def __init__(self) -> None:
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        doc._.ng_headlines = headline_lines(doc_text(doc), doc._.ng_title_end or 0)
        return doc


def headline_lines(text: str, title_end: int = 0) -> list[tuple[int, int]]:
    """Char spans of the headline lines of `text`: the title line up to `title_end`, and the
    lines in headline case.

    >>> headline_lines("Mayor Quits Over Budget\\nThe mayor quit on Monday.")
    [(0, 23)]
    """
    spans = [(0, title_end)] if title_end > 0 else []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if end > title_end and _headline_case(line):
            spans.append((max(start, title_end), end))
        start = end + 1
    return spans


def _headline_case(line: str) -> bool:
    stripped = line.strip()
    if not stripped or stripped.endswith(_CLOSING):
        return False
    words = [w.strip("\"'“”‘’()[],:;!?.") for w in stripped.split()]
    long_words = [w for w in words if len(w) >= _LONG_WORD and w.isalpha()]
    if len(long_words) < _MIN_WORDS:
        return False
    capitalized = sum(w[0].isupper() for w in long_words)
    return capitalized / len(long_words) > _CAPITALIZED_SHARE


def in_headline(headlines: list[tuple[int, int]] | None, start: int, end: int) -> bool:
    """Whether the char span [start, end) lies within one headline line."""
    return any(a <= start and end <= b for a, b in headlines or ())
