"""`newsgraph_line_breaks`: a line break in an article ends a sentence.

Headlines, captions and paragraphs carry no final period; without this the
parser glues a headline to the first paragraph. Runs before the parser, which
keeps sentence starts that are already set.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("newsgraph_line_breaks", assigns=["token.is_sent_start"])
def line_breaks(doc: Doc) -> Doc:
    after_break = False
    for token in doc:
        if "\n" in token.text or "\n" in token.whitespace_:
            after_break = True
            continue
        if after_break and not token.is_space:
            token.is_sent_start = True
            after_break = False
    return doc
