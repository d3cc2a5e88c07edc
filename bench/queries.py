"""Embedded-store figures on a corpus: the time of `store.write(graph)` alone, and each named
query's latency (p50 and p90 over N runs) from Python (`run_query` on one open store: name
resolution, parameter binding, the statement, rows as dicts) next to the engine's own time for
the same Cypher with the same bound parameters on an open LadybugDB connection, and their ratio.

    .venv/bin/python bench/queries.py                          # the 417 BBC politics articles
    .venv/bin/python bench/queries.py --home /tmp/bbc --runs 20 # reuse an earlier ingest

Ingests the corpus once into HOME (NLP cached there: a second run skips it), loads the
graph, writes it into fresh embedded stores (`--writes` times), then runs every named
query with parameters picked from the graph itself (the best-connected entities and
the most-published outlets). Prints readable lines, then one JSON line.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from newsgraph.app.pipeline import ingest
from newsgraph.app.settings import get_settings
from newsgraph.ingest.parallel import default_workers
from newsgraph.model.graph import KnowledgeGraph, LinkType, RelationType
from newsgraph.queries import list_queries, run_query
from newsgraph.store.embedded import EmbeddedStore

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc" / "politics"


def measure_writes(graph: KnowledgeGraph, times: int) -> list[float]:
    seconds = []
    for _ in range(times):
        with tempfile.TemporaryDirectory(prefix="bench-write-") as folder:
            store = EmbeddedStore(Path(folder))
            started = time.perf_counter()
            store.write(graph)
            seconds.append(time.perf_counter() - started)
    return seconds


def query_arguments(graph: KnowledgeGraph) -> dict[str, dict[str, Any]]:
    """Parameters that exist in this graph and give rows where it has any: the actors in most
    relations (a meeting's for meetings_of), the most-published outlets, an article that cites."""
    actors = {e.id: e.name for e in graph.entities if e.type.value in {"Person", "Government", "Organization"}}
    degree: Counter[str] = Counter()
    met: Counter[str] = Counter()
    for relation in graph.relations:
        for end in (relation.source, relation.target):
            if end in actors:
                degree[end] += 1
                met[end] += relation.type is RelationType.MET_WITH
    central = [actors[i] for i, _ in degree.most_common()] + ["", ""]
    meeting = next((actors[i] for i, n in met.most_common() if n), central[0])
    outlets = {e.id: e.name for e in graph.entities if e.type.value == "Outlet"}
    published = Counter(outlets[link.target] for link in graph.links
                        if link.type in (LinkType.PUBLISHED_BY, LinkType.MENTIONS) and link.target in outlets)
    outlet_a, outlet_b = ([name for name, _ in published.most_common(2)] + ["", ""])[:2]
    citing = next((r.source for r in graph.relations if r.type is RelationType.CITES and r.source.startswith("a")),
                  graph.articles[0].id if graph.articles else "")
    # a query's own name: as a user without an anchor asks it (every optional entity, outlet or
    # article left out); "NAME (entity)" and the like: anchored on one of this graph's actors
    return {
        "met_with": {}, "met_with (entity)": {"entity": central[0]}, "meetings_of": {"entity": meeting},
        "sanctions": {}, "sanctions (entity)": {"entity": central[0]},
        "quoted_by": {}, "quoted_by (entity)": {"entity": central[0]}, "quoted_by (outlet)": {"outlet": outlet_a},
        "outlet_compare": {"entity": central[0], "outlet_a": outlet_a, "outlet_b": outlet_b},
        "article_sources": {}, "article_sources (article)": {"article": citing}, "corroborated": {"min_outlets": 2},
        "shortest_connection": {"source": central[0], "target": central[1]}, "central_actors": {"limit": 20},
        "co_mentioned": {}, "co_mentioned (entity)": {"entity": central[0]},
        "neighbourhood": {"entity": central[0]}, "timeline": {"entity": central[0]},
        "statements": {}, "statements (entity)": {"entity": central[0]},
    }


def query_of(case: str) -> str:
    """The named query a case of `query_arguments` runs ("statements (entity)" -> "statements")."""
    return case.split(" (")[0]


# the cases named with an anchor: the issue's goal (within 2x of the engine) is stated for these
def anchored(case: str, params: dict[str, Any]) -> bool:
    return any(params.get(name) for name in ("entity", "source", "article"))


def open_overhead(store: EmbeddedStore, runs: int) -> float:
    """p50 of `RETURN 1`: what an embedded `run` costs beyond the statement (the store stays open)."""
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        store.run("RETURN 1 AS one")
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds)


def measure_queries(store: EmbeddedStore, arguments: dict[str, dict[str, Any]], runs: int,
                    budget: float = float("inf")) -> dict[str, dict]:
    """Each named query from Python (`run_query` on the open `store`: name resolution, binding,
    the read-only check, the statement, rows as dicts) and the engine's own time for the same
    LadybugDB text with the same bound parameters (names resolved once beforehand), executed
    and fetched on a LadybugDB connection of its own opened once; the two alternate run by run,
    so both see the same machine. p50/p90 of `runs` runs, fewer (at least 3) once a query's runs
    pass `budget` seconds; a query that fails is reported with its error."""
    import ladybug
    from newsgraph.queries.params import bind

    database = ladybug.Database(str(store.path), read_only=True, buffer_pool_size=store.buffer_pool_mb << 20)
    connection = ladybug.Connection(database)
    results: dict[str, dict] = {}
    try:
        queries = {query.name: query for query in list_queries()}
        for case, params in arguments.items():
            query = queries[query_of(case)]
            ours: list[float] = []
            engine: list[float] = []
            rows = 0
            try:
                bound = bind(query, params, store)
                while len(ours) < runs and (len(ours) < 3 or sum(ours) + sum(engine) < budget):
                    started = time.perf_counter()
                    rows = len(run_query(store, query.name, **params))
                    ours.append(time.perf_counter() - started)
                    started = time.perf_counter()
                    connection.execute(query.text("ladybug"), bound).get_all()
                    engine.append(time.perf_counter() - started)
            except Exception as exc:  # noqa: BLE001  (a query the store cannot run at this size is a result)
                results[case] = {"error": " ".join(str(exc).split())[:300], "params": params}
                continue
            ours.sort()
            p50, engine_p50 = statistics.median(ours), statistics.median(engine)
            results[case] = {"p50_ms": round(1000 * p50, 2),
                                   "p90_ms": round(1000 * ours[int(0.9 * (len(ours) - 1))], 2),
                                   "engine_p50_ms": round(1000 * engine_p50, 2),
                                   "ratio": round(p50 / engine_p50, 2),
                                   # the fastest runs: what each side costs when nothing else runs
                                   "min_ms": round(1000 * ours[0], 2), "engine_min_ms": round(1000 * min(engine), 2),
                                   "ratio_min": round(ours[0] / min(engine), 2), "runs": len(ours),
                                   "rows": rows, "params": params, "anchored": anchored(case, params)}
    finally:
        connection.close()
        database.close()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--home", type=Path, default=Path(tempfile.gettempdir()) / "newsgraph-bench-bbc")
    parser.add_argument("--runs", type=int, default=20, help="runs per query (default 20)")
    parser.add_argument("--writes", type=int, default=3, help="timed writes of the whole graph (default 3)")
    parser.add_argument("--workers", type=int, default=default_workers())
    args = parser.parse_args(argv)

    settings = get_settings()
    store = EmbeddedStore(args.home)
    started = time.perf_counter()
    report = ingest([args.corpus], home=args.home, store=store, model=settings.model, workers=args.workers,
                    batch_size=settings.batch_size, max_chars=settings.max_article_chars)
    ingest_seconds = time.perf_counter() - started
    graph = store.load()
    nodes = len(graph.articles) + len(graph.entities)
    relationships = len(graph.relations) + len(graph.links)
    print(f"corpus {args.corpus}: {report.read} articles read ({report.extracted} extracted now, "
          f"{report.cached} cached), {len(report.duplicates)} duplicates, {len(report.skipped)} skipped: "
          f"{report.corpus} in the graph ({ingest_seconds:.1f} s)")
    print(f"graph: {nodes} nodes ({len(graph.entities)} entities), {relationships} relationships "
          f"({len(graph.relations)} relations, {len(graph.links)} links), "
          f"{sum(len(r.evidence) for r in graph.relations)} evidence items")

    writes = measure_writes(graph, args.writes)
    write_p50 = statistics.median(writes)
    rate = (nodes + relationships) / write_p50
    print(f"store.write(graph), embedded: median {write_p50:.3f} s of {len(writes)} "
          f"(min {min(writes):.3f} s) = {rate:,.0f} nodes+relationships/s")

    overhead = open_overhead(store, args.runs)
    queries = measure_queries(store, query_arguments(graph), args.runs)
    print(f"named queries, p50 / p90 of {args.runs} runs from Python on one open store (`RETURN 1` takes "
          f"{1000 * overhead:.2f} ms), the engine's p50 for the same bound Cypher, and their ratio:")
    for name, figures in queries.items():
        if "error" in figures:
            print(f"  {name:<26} FAILED: {figures['error']}")
            continue
        print(f"  {name:<26} {figures['p50_ms']:>8.2f} ms {figures['p90_ms']:>8.2f} ms  engine "
              f"{figures['engine_p50_ms']:>8.2f} ms  ratio {figures['ratio']:>5.2f} (fastest runs: "
              f"{figures['ratio_min']:>5.2f})  {figures['rows']:>5} rows")
    print(json.dumps({
        "articles": report.corpus, "nodes": nodes, "relationships": relationships,
        "write_seconds": [round(s, 4) for s in writes], "write_p50_seconds": round(write_p50, 4),
        "write_items_per_second": round(rate), "open_overhead_ms": round(1000 * overhead, 2), "queries": queries,
    }, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
