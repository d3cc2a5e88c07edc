"""One article through the NLP: boilerplate, parse, components, extraction record."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources

from spacy.language import Language

from newsgraph import __version__

from .boilerplate import find_boilerplate, mask_text
from .extract import extract_article
from .lexicon import load_lexicon
from .names import name_key
from .nlp import make_doc, model_version, parse_text
from .records import Article, ArticleExtraction


@lru_cache(maxsize=4)
def _code_digest() -> str:
    """A digest of the extractor's code and data: any change re-extracts cached articles."""
    digest = hashlib.blake2b(digest_size=6)
    root = resources.files("newsgraph.ingest")
    for folder in (root, root.joinpath("components"), root.joinpath("data")):
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.is_file() and entry.name.endswith((".py", ".json", ".jsonl", ".tsv", ".txt")):
                digest.update(entry.name.encode())
                digest.update(entry.read_bytes())
    return digest.hexdigest()


def extractor_version(model: str) -> str:
    """Names the code, rules and model an extraction came from; the cache is keyed by it."""
    return f"newsgraph-{__version__}+{_code_digest()}/{model_version(model)}"


def canonical_outlet(name: str | None) -> str | None:
    """ "Breitbart" -> "Breitbart News": metadata outlet names join the curated list."""
    if not name:
        return None
    known = load_lexicon().known.get(name_key(name))
    return known.name if known is not None else name.strip()


def prepare(article: Article) -> tuple[Article, list, str]:
    """The article with its outlet made canonical, its boilerplate, and the text to parse."""
    article = article.model_copy(update={"outlet": canonical_outlet(article.outlet)})
    boilerplate = find_boilerplate(article.text, body_start=article.title_end)
    return article, boilerplate, parse_text(article.text, mask_text(article.text, boilerplate))


def process_articles(
    nlp: Language, articles: list[Article], *, batch_size: int, extractor: str
) -> list[ArticleExtraction]:
    prepared = [prepare(a) for a in articles]
    docs = (make_doc(nlp, text, outlet=article.outlet) for article, _, text in prepared)
    return [
        extract_article(article, doc, boilerplate, extractor=extractor)
        for (article, boilerplate, _), doc in zip(prepared, nlp.pipe(docs, batch_size=batch_size))
    ]
