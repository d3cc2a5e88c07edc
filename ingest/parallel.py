"""Run extraction over many articles on all cores: one spaCy pipeline per worker process.

spaCy's own `n_process` ships whole Docs between processes; our workers
return only the small extraction records. Results come back in input order.
An article whose extraction raises is reported, not fatal.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Iterable, Iterator
from itertools import islice

from spacy.language import Language

from .nlp import build_nlp
from .process import process_articles
from .records import Article, ArticleExtraction, SkippedInput

log = logging.getLogger(__name__)

_worker_nlp: Language | None = None
_worker_batch_size = 16


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _init_worker(model: str, batch_size: int) -> None:
    global _worker_nlp, _worker_batch_size
    _worker_nlp = build_nlp(model)
    _worker_batch_size = batch_size


def _run_chunk(articles: list[Article]) -> list[ArticleExtraction | SkippedInput]:
    assert _worker_nlp is not None
    return extract_chunk(_worker_nlp, articles, batch_size=_worker_batch_size)


def extract_chunk(nlp: Language, articles: list[Article], *, batch_size: int) -> list[ArticleExtraction | SkippedInput]:
    """Extract a chunk; if it fails, retry article by article so one bad article is isolated."""
    try:
        return list(process_articles(nlp, articles, batch_size=batch_size))
    except Exception:  # noqa: BLE001  (any failure of one article must not stop the run)
        results: list[ArticleExtraction | SkippedInput] = []
        for article in articles:
            try:
                results.extend(process_articles(nlp, [article], batch_size=1))
            except Exception as exc:  # noqa: BLE001
                log.debug("extraction failed for %s", article.path, exc_info=True)
                results.append(SkippedInput(path=article.path, reason=f"extraction failed: {type(exc).__name__}: {exc}"))
        return results


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def extract_parallel(
    articles: Iterable[Article], *, model: str, nlp: Language | None, workers: int, batch_size: int
) -> Iterator[ArticleExtraction | SkippedInput]:
    """Extractions in input order. `workers=1` runs in this process with `nlp`."""
    if workers <= 1:
        pipeline = nlp if nlp is not None else build_nlp(model)
        for chunk in _chunks(articles, batch_size):
            yield from extract_chunk(pipeline, chunk, batch_size=batch_size)
        return
    context = multiprocessing.get_context("spawn")  # no fork: the parent may hold threads (progress bar)
    with context.Pool(workers, initializer=_init_worker, initargs=(model, batch_size)) as pool:
        for results in pool.imap(_run_chunk, _chunks(articles, batch_size)):
            yield from results
