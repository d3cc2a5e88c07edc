"""One article through the NLP: boilerplate, parse, components, extraction record."""

from __future__ import annotations

from spacy.language import Language

from ..model.names import name_key
from ..model.records import Article, ArticleExtraction
from .boilerplate import find_boilerplate, mask_text
from .extract import extract_article
from .lexicon import load_lexicon
from .metadata import dateline_agency
from .nlp import make_doc, parse_text


def canonical_outlet(name: str | None) -> str | None:
    """ "Breitbart" -> "Breitbart News": metadata outlet names join the curated list."""
    if not name:
        return None
    known = load_lexicon().known.get(name_key(name))
    return known.name if known is not None else name.strip()


def dateline_outlet(article: Article) -> str | None:
    """The wire agency a dateline names ("WASHINGTON (AP) —" -> Associated Press), when it is one."""
    agency = dateline_agency(article.text, article.title_end)
    known = load_lexicon().known.get(name_key(agency)) if agency else None
    return known.name if known is not None and known.name in load_lexicon().word_list("wire_agencies") else None


def prepare(article: Article) -> tuple[Article, list, str]:
    """The article with its outlet made canonical (from its dateline when no metadata names one),
    its boilerplate, and the text to parse."""
    outlet = canonical_outlet(article.outlet) if article.outlet else dateline_outlet(article)
    article = article.model_copy(update={"outlet": outlet})
    boilerplate = find_boilerplate(article.text, body_start=article.title_end)
    return article, boilerplate, parse_text(article.text, mask_text(article.text, boilerplate))


def process_articles(
    nlp: Language, articles: list[Article], *, batch_size: int, extractor: str
) -> list[ArticleExtraction]:
    prepared = [prepare(a) for a in articles]
    docs = (make_doc(nlp, text, outlet=article.outlet, title_end=article.title_end) for article, _, text in prepared)
    return [
        extract_article(article, doc, boilerplate, extractor=extractor)
        for (article, boilerplate, _), doc in zip(prepared, nlp.pipe(docs, batch_size=batch_size))
    ]
