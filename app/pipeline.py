"""The stages, wired in one visible place.

    files -> read_inputs -> (skip what the cache already extracted) -> extract_parallel
          -> cache: extraction and graph rows (one transaction per batch)
          -> the old versions of edited files leave the cache
          -> cache and store checked against each other
          -> (nothing changed since the last assembly: stop here, see `app.stamp`)
          -> (only articles added, embedded store: `graph.incremental` on `store.patch`, stop here)
          -> assemble (cross-article resolution, streaming the cached rows)
          -> store.writer (nodes, then edges, in chunks; atomic)
          -> the cache's graph state (what the next increment starts from)

`ingest` keeps the extraction cache as the source of truth and rebuilds the
store's graph from it; `forget` removes articles from both; `extract` runs the
same extraction with no cache or store, for `newsgraph extract`.

An article is its text (its id is a content hash) at a path. A path read again with
another text replaces its old version, whose evidence leaves the graph (unless that
text was read elsewhere in the run: lines of a JSONL file that moved); an article read
again with other metadata (an edited sidecar) is extracted again. A graph holding
articles the cache lacks (a deleted or replaced `cache.sqlite`) gets them back from
their files when these are there; otherwise the ingest stops before writing, with the
graph left as it was (`CacheLacksArticles`).
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from ..ingest.parallel import Result, extract_parallel
from ..ingest.readers import read_inputs
from ..ingest.version import extractor_version
from ..model.curation import Correction, Curation, Outcome
from ..model.graph import NodeLabel
from ..model.records import Article, ArticleExtraction, SkippedInput
from ..store import StoreSink, WriteReport
from ..views.files import write_text_atomic
from .cache import ExtractionCache
from .curation_file import load_curation
from .stamp import assembly_base, assembly_stamp

if TYPE_CHECKING:  # assembly is imported where it runs: a no-op re-ingest never loads it
    from ..graph.incremental import GraphPatch, Increment

log = logging.getLogger(__name__)

CACHE_FILE = "cache.sqlite"
SCRATCH_FILE = "assembly.tmp.sqlite"  # relation evidence being grouped; removed when assembly ends
LOCK_FILE = ".lock"
ASSEMBLY_FILE = "assembly.json"  # the stamp, counts and correction outcomes of the last assembly
_SAVE_BATCH = 64
_EXAMPLES = 3  # paths named in a message


class GraphWriter(Protocol):
    def writer(self, *, stamp: str | None = None) -> AbstractContextManager[StoreSink]: ...

    def stamp(self) -> str | None:
        """The stamp given with the graph the store holds (None: unknown, or changed since)."""
        ...

    def articles(self) -> dict[str, str]:
        """The id and path of every article the graph holds (none when there is no graph)."""
        ...


@runtime_checkable
class PatchableStore(Protocol):
    """A store whose graph can be changed in place (the embedded one): incremental ingest."""

    def patch(self, *, stamp: str | None = None) -> AbstractContextManager[GraphPatch]: ...


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
    assembled: bool = True  # False: nothing changed since the last assembly, nothing written
    replaced: list[str] = field(default_factory=list)  # paths whose old version left the graph
    forgotten: list[str] = field(default_factory=list)  # paths removed by `forget`
    recovered: int = 0  # articles of the graph the cache lacked, read again from their files
    incremental: Increment | None = None  # the graph was changed in place: what the increment did


class IngestBusy(RuntimeError):
    pass


class CacheLacksArticles(RuntimeError):
    """The graph holds articles the extraction cache lacks and their files are gone."""


class NothingToForget(LookupError):
    """No article of the cache or the graph is at or under the paths given to `forget`."""


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
    rebuild: bool = False,
) -> IngestReport:
    """Read, extract, resolve and store the articles under `paths`; the graph is rebuilt from the
    extraction cache in `home`, so it holds every article ever ingested there, with the
    corrections of `home`'s curation file applied. When nothing changed since the last
    assembly (`app.stamp`), nothing is assembled or written.

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
    rebuild : bool
        Extract every cached article again and assemble whatever the stamp says (`ingest --rebuild`).

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
        if rebuild:
            cache.forget_extractions()
        lacking = _lacking(cache, store)
        again = _files_of(lacking.values())
        read: dict[str, str] = {}  # path -> id of every article read in this run
        pending = _pending(read_inputs([*paths, *again], max_chars=max_chars, defaults=defaults), cache, extractor,
                           report, on_article, read)
        stale = cache.articles_without(extractor)  # stored, but extracted by another version or never
        results = extract_parallel(
            _chain(pending, stale), model=model, extractor=extractor, workers=workers, batch_size=batch_size
        )
        with _timed(report, "extract"):
            _save(results, cache, report, on_article)
            cache.prune(extractor)
        replaced = cache.replaced(read)
        cache.forget(replaced)
        report.replaced = sorted(replaced.values())
        present = cache.article_ids() if lacking else set()
        report.recovered = sum(1 for i in lacking if i in present)
        _check_lacking({i: path for i, path in lacking.items() if i not in present and i not in replaced}, home)
        _assemble(cache, extractor, home, store, report, force=rebuild)
    report.seconds = time.perf_counter() - started
    return report


def forget(paths: Sequence[str], *, home: Path, store: GraphWriter, model: str) -> IngestReport:
    """Remove the articles at or under `paths` (files, folders, JSONL files) from the cache and
    the graph, which is assembled again from the rest (no NLP). `NothingToForget` when none is.
    Articles only the graph holds (the cache lost them) can be let go of this way too."""
    started = time.perf_counter()
    report = IngestReport()
    with _exclusive(home), ExtractionCache(home / CACHE_FILE) as cache:
        given = [*paths, *(os.path.abspath(p) for p in paths)]
        cached = cache.under(given)
        stored = store.articles()
        only_stored = {i: path for i, path in stored.items() if _is_under(path, given) and i not in cached}
        if not cached and not only_stored:
            raise NothingToForget(f"no article of the graph is at or under {', '.join(map(repr, paths))}")
        cache.forget(cached)
        report.forgotten = sorted({*cached.values(), *only_stored.values()})
        present = cache.article_ids()
        _check_lacking({i: path for i, path in stored.items()
                        if i not in present and i not in cached and i not in only_stored}, home)
        _assemble(cache, extractor_version(model), home, store, report, force=False)
    report.seconds = time.perf_counter() - started
    return report


def _assemble(cache: ExtractionCache, extractor: str, home: Path, store: GraphWriter, report: IngestReport, *,
              force: bool) -> None:
    """Assemble the cache's rows into the store, unless the store holds the graph of exactly these
    articles, corrections and code already (the stamp): then nothing is assembled or written."""
    curation = load_curation(home)
    stamp = assembly_stamp(extractor, cache.digest(extractor), home)
    last = _last_assembly(home)
    if not force and last.get("stamp") == stamp and store.stamp() == stamp:
        report.assembled = False
        report.corpus, report.entities = last["articles"], last["entities"]
        report.relations, report.statements = last["relations"], last["statements"]
        report.curation = list(zip(curation.corrections, map(Outcome, last["curation"]), strict=True))
        return
    base = assembly_base(extractor, home)
    if not force and _increment(cache, extractor, home, store, report, curation=curation, stamp=stamp, base=base):
        _write_last_assembly(home, {
            "stamp": stamp, "articles": report.corpus, "entities": report.entities, "relations": report.relations,
            "statements": report.statements, "curation": [],
        })
        return
    from ..graph.build import assemble

    patchable = isinstance(store, PatchableStore)
    with _timed(report, "assemble"), store.writer(stamp=stamp) as sink:
        assembled = assemble(cache.rows(extractor), sink, scratch=home / SCRATCH_FILE, curation=curation,
                             keep_state=patchable)
    if assembled.state is not None:
        with _timed(report, "state"):
            cache.write_graph_state(assembled.state, stamp=stamp, base=base, extractor=extractor, full=True)
    report.store_report = sink.report
    report.curation = [(c, assembled.curation[i]) for i, c in enumerate(curation.corrections)]
    report.corpus, report.entities, report.relations = assembled.articles, assembled.entities, assembled.relations
    report.statements = assembled.statements
    _write_last_assembly(home, {
        "stamp": stamp, "articles": report.corpus, "entities": report.entities, "relations": report.relations,
        "statements": report.statements, "curation": [o.value for _, o in report.curation],
    })


class _FullAssembly(Exception):
    """An increment found it cannot be done; the patch is dropped, a full assembly follows."""


def _increment(cache: ExtractionCache, extractor: str, home: Path, store: GraphWriter, report: IngestReport, *,
               curation: Curation, stamp: str, base: str) -> bool:
    """Add the articles the stored graph lacks to it in place (`graph.incremental`) when it holds
    all the others as they are, assembled by the same code and extractor with no corrections;
    whether it did. Forgotten, replaced and re-extracted articles, corrections, another
    extractor or assembly code, and the Neo4j store go through a full assembly."""
    if not isinstance(store, PatchableStore) or curation.corrections:
        return False
    from ..graph.incremental import assemble_increment

    state = cache.graph_state()
    if state is None or state != (store.stamp(), base):
        return False
    try:
        with _timed(report, "assemble"), store.patch(stamp=stamp) as patch:
            increment = assemble_increment(cache.increment(extractor), patch, curation=curation,
                                           scratch=home / SCRATCH_FILE)
            if increment is None:
                raise _FullAssembly
    except _FullAssembly:
        return False
    with _timed(report, "state"):
        cache.write_graph_state(increment.state, stamp=stamp, base=base, extractor=extractor, full=False)
    counts = patch.counts
    report.incremental = increment
    report.corpus, report.statements = counts[NodeLabel.ARTICLE.value], counts[NodeLabel.STATEMENT.value]
    report.relations = counts["relations"]
    report.entities = sum(counts[label.value] for label in NodeLabel
                          if label not in (NodeLabel.ARTICLE, NodeLabel.STATEMENT))
    return True


def _last_assembly(home: Path) -> dict:
    try:
        return json.loads((home / ASSEMBLY_FILE).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}


def _write_last_assembly(home: Path, record: dict) -> None:
    write_text_atomic(home / ASSEMBLY_FILE, json.dumps(record))


def _files_of(paths: Iterable[str]) -> list[Path]:
    """The files to read again for articles at `paths` (a JSONL line's path names its file), when
    they are there."""
    files = []
    for path in paths:
        name, sep, line = path.rpartition(":")
        file = Path(name if sep and line.isdigit() else path)
        if file.is_file() and file not in files:
            files.append(file)
    return files


def _lacking(cache: ExtractionCache, store: GraphWriter) -> dict[str, str]:
    """The articles the stored graph holds and the cache lacks, id -> path (their files are read
    again). While the cache's record of the stored graph is current (its stamp is the store's),
    the cache alone can tell that none is lacking, without listing the store's articles."""
    state = cache.graph_state()
    if state is not None and state[0] == store.stamp() and cache.holds_graph_articles():
        return {}
    cached = cache.article_ids()
    return {i: path for i, path in store.articles().items() if i not in cached}


def _check_lacking(lacking: Mapping[str, str], home: Path) -> None:
    if lacking:
        examples = ", ".join(sorted(lacking.values())[:_EXAMPLES])
        raise CacheLacksArticles(
            f"the graph holds {len(lacking)} articles that {home / CACHE_FILE} lacks and whose files are gone "
            f"(e.g. {examples}); the graph is left as it was: give their files to `newsgraph ingest`, restore "
            f"the cache from a backup, or let them go with `newsgraph forget PATH`"
        )


def _is_under(path: str, given: Sequence[str]) -> bool:
    return any(path == g or path.startswith(g.rstrip("/") + "/") or path.startswith(g + ":") for g in given)


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
    read: dict[str, str],
) -> Iterator[Article]:
    """Articles that need the NLP: not seen before in this run, and not in the cache as they are
    (an article with other metadata than its cached record is extracted again). `read` gets
    the path and id of every article read."""
    seen: dict[str, str] = {}
    iterator = iter(items)
    while batch := list(islice(iterator, 256)):
        articles = []
        for item in batch:
            if isinstance(item, SkippedInput):
                report.skipped.append(item)
                log.info("%s", item.message())
            elif item.id in seen:
                read.setdefault(item.path, item.id)
                if seen[item.id] != item.path:  # the same file read twice (a file to read again) is no duplicate
                    report.duplicates.append(f"{item.path}: same text as {seen[item.id]}")
            else:
                seen[item.id] = item.path
                read.setdefault(item.path, item.id)
                articles.append(item)
        report.read += len(articles)
        done = cache.extracted([a.id for a in articles], extractor)
        done -= cache.changed(a for a in articles if a.id in done)
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
