"""Run extraction over many articles on all cores: one spaCy pipeline per worker process.

spaCy's own `n_process` ships whole Docs between processes; our workers
return only the small extraction records. Results come back in input order.
An article whose extraction raises is reported, not fatal; a worker that
dies (killed, out of memory) stops the run with an error instead of hanging.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from spacy.language import Language

from ..model.records import Article, ArticleExtraction, SkippedInput
from .nlp import build_nlp
from .process import process_articles

log = logging.getLogger(__name__)

_worker_nlp: Language | None = None
_worker_options: dict = {}


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _init_worker(model: str, batch_size: int, extractor: str) -> None:
    global _worker_nlp
    _worker_nlp = build_nlp(model)
    _worker_options.update(batch_size=batch_size, extractor=extractor)


def _run_chunk(articles: list[Article]) -> list[ArticleExtraction | SkippedInput]:
    assert _worker_nlp is not None
    return extract_chunk(_worker_nlp, articles, **_worker_options)


def extract_chunk(
    nlp: Language, articles: list[Article], *, batch_size: int, extractor: str
) -> list[ArticleExtraction | SkippedInput]:
    """Extract a chunk; if it fails, retry article by article so one bad article is isolated."""
    try:
        return list(process_articles(nlp, articles, batch_size=batch_size, extractor=extractor))
    except Exception:  # noqa: BLE001  (any failure of one article must not stop the run)
        results: list[ArticleExtraction | SkippedInput] = []
        for article in articles:
            try:
                results.extend(process_articles(nlp, [article], batch_size=1, extractor=extractor))
            except Exception as exc:  # noqa: BLE001
                log.debug("extraction failed for %s", article.path, exc_info=True)
                results.append(SkippedInput(path=article.path, reason=f"extraction failed: {type(exc).__name__}: {exc}"))
        return results


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


Result = tuple[Article, ArticleExtraction | SkippedInput]


def extract_parallel(
    articles: Iterable[Article], *, model: str, extractor: str, workers: int, batch_size: int
) -> Iterator[Result]:
    """(article, extraction or skip) in input order.

    Input is read in this thread, a few chunks ahead of the workers, so memory
    stays bounded by the batch size; the pipeline loads only if there is work.
    """
    chunks = _chunks(articles, batch_size)
    first = next(chunks, None)
    if first is None:
        return
    chunks = itertools.chain([first], chunks)
    if workers <= 1:
        nlp = build_nlp(model)
        for chunk in chunks:
            yield from zip(chunk, extract_chunk(nlp, chunk, batch_size=batch_size, extractor=extractor), strict=True)
        return
    context = multiprocessing.get_context("spawn")  # no fork: the parent may hold threads (progress bar)
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_init_worker, initargs=(model, batch_size, extractor)
    ) as pool:
        window: deque[tuple[list[Article], Future]] = deque()
        for chunk in chunks:
            window.append((chunk, pool.submit(_run_chunk, chunk)))
            if len(window) >= 2 * workers:
                done, future = window.popleft()
                yield from zip(done, future.result(), strict=True)
        while window:
            done, future = window.popleft()
            yield from zip(done, future.result(), strict=True)
