"""An article whose extraction raises is a skipped input, and its message is printable."""

from __future__ import annotations

import spacy
from newsgraph.ingest.components.types import register_extensions
from newsgraph.ingest.parallel import extract_chunk
from newsgraph.model.ids import article_id
from newsgraph.model.records import Article, SkippedInput
from spacy.language import Language


@Language.component("test_fails_on_escapes")
def _fails_on_escapes(doc):
    if "\x1b" in doc.text:
        raise ValueError(f"cannot handle {doc.text[:30]!s}")
    return doc


def article(path: str, text: str) -> Article:
    return Article(id=article_id(text), path=path, text=text, title=text.split("\n")[0])


def test_a_failing_article_is_skipped_with_a_printable_reason_and_the_others_go_on():
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("test_fails_on_escapes")
    bad = article("feed/\x1b]0;x\x07.txt", "Title\n\x1b[2J the council met.")
    good = article("feed/good.txt", "Title\nThe council met.")
    failed, done = extract_chunk(nlp, [bad, good], batch_size=2, extractor="test")
    assert isinstance(failed, SkippedInput) and not isinstance(done, SkippedInput)
    assert failed.path == "feed/\\x1b]0;x\\x07.txt"
    assert failed.reason.startswith("extraction failed: ValueError: cannot handle Title\\n\\x1b[2J")
    assert "\x1b" not in failed.message()
