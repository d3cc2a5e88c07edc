"""The stages, wired in one visible place.

    files -> read_inputs -> (skip what the cache already extracted) -> extract_parallel
          -> cache: extraction and graph rows (one transaction per batch)
          -> assemble (cross-article resolution, streaming the cached rows)
          -> store.writer (nodes, then edges, in chunks; atomic)

`ingest` keeps the extraction cache as the source of truth and rebuilds the
store's graph from it; `extract` runs the same extraction with no cache or
store, for `newsgraph extract`.
"""

from __future__ import annotations

import fcntl
import logging
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Protocol

from ..graph.build import assemble
from ..ingest.parallel import Result, extract_parallel
from ..ingest.readers import read_inputs
from ..ingest.version import extractor_version
from ..model.curation import Correction, Outcome
from ..model.records import Article, ArticleExtraction, SkippedInput
from ..store import StoreSink, WriteReport
from .cache import ExtractionCache
from .curation_file import load_curation

log = logging.getLogger(__name__)

CACHE_FILE = "cache.sqlite"
SCRATCH_FILE = "assembly.tmp.sqlite"  # relation evidence being grouped; removed when assembly ends
LOCK_FILE = ".lock"
_SAVE_BATCH = 64


class GraphWriter(Protocol):
    def writer(self) -> AbstractContextManager[StoreSink]: ...


@dataclass
class IngestReport:
    read: int = 0  # articles read from the inputs in this run
    extracted: int = 0  # articles that went through the NLP in this run
    cached: int = 0  # articles read whose extraction was already cached
    duplicates: list[str] = field(default_factory=list)  # inputs with the same text as an earlier one
    skipped: list[SkippedInput] = field(default_factory=list)
    corpus: int = 0  # articles in the graph after this run
    entities: int = 0
    relations: int = 0
    statements: int = 0
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)  # extract, assemble
    curation: list[tuple[Correction, Outcome]] = field(default_factory=list)  # each correction, what it did
    store_report: WriteReport | None = None  # what the store says it wrote


class IngestBusy(RuntimeError):
    pass


@contextmanager
def _exclusive(home: Path) -> Iterator[None]:
    """One ingest at a time per home folder."""
    home.mkdir(parents=True, exist_ok=True)
    with open(home / LOCK_FILE, "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise IngestBusy(f"another ingest is writing to {home}") from exc
        yield


def ingest(
    paths: Sequence[Path],
    *,
    home: Path,
    store: GraphWriter,
    model: str,
    workers: int,
    batch_size: int,
    max_chars: int,
    defaults: Mapping[str, str] | None = None,
    on_article: Callable[[str], None] | None = None,
) -> IngestReport:
    """Read, extract, resolve and store the articles under `paths`; the graph is rebuilt from the
    extraction cache in `home`, so it holds every article ever ingested there, with the
    corrections of `home`'s curation file applied.

    Parameters
    ----------
    paths : sequence of Path
        Files and folders (walked recursively): ``.txt``, ``.html``/``.htm``, ``.jsonl``.
    home : Path, keyword-only
        The extraction cache (``cache.sqlite``) and the embedded store's folder.
    store : GraphWriter
        Where the graph goes (`newsgraph.store.open_store`).
    model : str
        The spaCy model to load (``NEWSGRAPH_MODEL``).
    workers, batch_size, max_chars : int
        Extraction processes, articles per batch, the size over which an article is skipped.
    defaults : mapping, optional
        ``outlet``, ``author``, ``published`` for the articles whose files, sidecars and folders
        say nothing of them (``ingest --outlet``, ``--published``).
    on_article : callable, optional
        Called with each article's path when it is done (a progress bar).

    Returns
    -------
    IngestReport
        What was read, extracted, taken from the cache and skipped (with reasons), and the
        graph's counts.

    Examples
    --------
    >>> from pathlib import Path
    >>> from newsgraph.app.settings import get_settings
    >>> from newsgraph.store import open_store
    >>> settings = get_settings()
    >>> report = ingest([Path("examples")], home=settings.home, store=open_store(settings),
    ...                 model=settings.model, workers=1, batch_size=16, max_chars=1_000_000)  # doctest: +SKIP
    >>> report.corpus, report.entities  # doctest: +SKIP
    (2, 37)
    """
    started = time.perf_counter()
    report = IngestReport()
    extractor = extractor_version(model)
    with _exclusive(home), ExtractionCache(home / CACHE_FILE) as cache:
        pending = _pending(read_inputs(paths, max_chars=max_chars, defaults=defaults), cache, extractor, report,
                           on_article)
        stale = cache.articles_without(extractor)  # stored, but extracted by another version or never
        results = extract_parallel(
            _chain(pending, stale), model=model, extractor=extractor, workers=workers, batch_size=batch_size
        )
        with _timed(report, "extract"):
            _save(results, cache, report, on_article)
            cache.prune(extractor)
        curation = load_curation(home)
        with _timed(report, "assemble"), store.writer() as sink:
            assembled = assemble(cache.rows(extractor), sink, scratch=home / SCRATCH_FILE, curation=curation)
        report.store_report = sink.report
        report.curation = [(c, assembled.curation[i]) for i, c in enumerate(curation.corrections)]
    report.corpus, report.entities, report.relations = assembled.articles, assembled.entities, assembled.relations
    report.statements = assembled.statements
    report.seconds = time.perf_counter() - started
    return report


@contextmanager
def _timed(report: IngestReport, stage: str) -> Iterator[None]:
    started = time.perf_counter()
    yield
    report.stage_seconds[stage] = time.perf_counter() - started
    log.debug("%s: %.2f s", stage, report.stage_seconds[stage])


def extract(
    paths: Sequence[Path], *, model: str, workers: int, batch_size: int, max_chars: int,
    defaults: Mapping[str, str] | None = None,
) -> Iterator[ArticleExtraction | SkippedInput]:
    """Extraction records (and skipped inputs) for the inputs, in order, with no store."""
    skipped: list[SkippedInput] = []

    def only_articles(items: Iterable[Article | SkippedInput]) -> Iterator[Article]:
        for item in items:
            if isinstance(item, SkippedInput):
                skipped.append(item)
            else:
                yield item

    extractor = extractor_version(model)
    for _, result in extract_parallel(
        only_articles(read_inputs(paths, max_chars=max_chars, defaults=defaults)),
        model=model, extractor=extractor, workers=workers, batch_size=batch_size,
    ):
        yield from skipped
        skipped.clear()
        yield result
    yield from skipped


def _pending(
    items: Iterable[Article | SkippedInput],
    cache: ExtractionCache,
    extractor: str,
    report: IngestReport,
    on_article: Callable[[str], None] | None,
) -> Iterator[Article]:
    """Articles that need the NLP: not seen before in this run, not in the cache."""
    seen: dict[str, str] = {}
    iterator = iter(items)
    while batch := list(islice(iterator, 256)):
        articles = []
        for item in batch:
            if isinstance(item, SkippedInput):
                report.skipped.append(item)
                log.info("%s", item.message())
            elif item.id in seen:
                report.duplicates.append(f"{item.path}: same text as {seen[item.id]}")
            else:
                seen[item.id] = item.path
                articles.append(item)
        report.read += len(articles)
        done = cache.extracted([a.id for a in articles], extractor)
        for article in articles:
            if article.id in done:
                report.cached += 1
                if on_article is not None:
                    on_article(article.path)
            else:
                yield article


def _chain(first: Iterator[Article], second: Iterator[Article]) -> Iterator[Article]:
    """`first`, then `second` without articles `first` already yielded."""
    yielded = set()
    for article in first:
        yielded.add(article.id)
        yield article
    for article in second:
        if article.id not in yielded:
            yield article


def _save(
    results: Iterable[Result],
    cache: ExtractionCache,
    report: IngestReport,
    on_article: Callable[[str], None] | None,
) -> None:
    """Store articles with their extractions in the cache, one transaction per batch."""
    batch: list[tuple[Article, ArticleExtraction]] = []
    for article, result in results:
        if isinstance(result, SkippedInput):
            report.skipped.append(result)
            log.info("%s", result.message())
        else:
            batch.append((article, result))
            report.extracted += 1
        if on_article is not None:
            on_article(article.path)
        if len(batch) >= _SAVE_BATCH:
            _commit(cache, batch)
    _commit(cache, batch)


def _commit(cache: ExtractionCache, batch: list[tuple[Article, ArticleExtraction]]) -> None:
    if batch:
        cache.save([a for a, _ in batch], [x for _, x in batch])
        batch.clear()
