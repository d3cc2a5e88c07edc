"""Embedded-store figures on a corpus: the time of `store.write(graph)` alone, and each named
query's latency (p50 and p90 over N runs).

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
    return {
        "met_with": {}, "meetings_of": {"entity": meeting}, "sanctions": {}, "quoted_by": {},
        "outlet_compare": {"entity": central[0], "outlet_a": outlet_a, "outlet_b": outlet_b},
        "article_sources": {"article": citing}, "corroborated": {"min_outlets": 2},
        "shortest_connection": {"source": central[0], "target": central[1]}, "central_actors": {"limit": 20},
        "co_mentioned": {}, "neighbourhood": {"entity": central[0]},
    }


def open_overhead(store: EmbeddedStore, runs: int) -> float:
    """p50 of `RETURN 1`: what every embedded `run` pays to open the database file."""
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        store.run("RETURN 1 AS one")
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds)


def measure_queries(store: EmbeddedStore, arguments: dict[str, dict[str, Any]], runs: int) -> dict[str, dict]:
    results = {}
    for query in list_queries():
        params = arguments.get(query.name, {})
        seconds, rows = [], 0
        for _ in range(runs):
            started = time.perf_counter()
            rows = len(run_query(store, query.name, **params))
            seconds.append(time.perf_counter() - started)
        seconds.sort()
        results[query.name] = {"p50_ms": round(1000 * statistics.median(seconds), 2),
                               "p90_ms": round(1000 * seconds[int(0.9 * (len(seconds) - 1))], 2),
                               "rows": rows, "params": params}
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
    print(f"named queries, p50 / p90 of {args.runs} runs (each embedded run opens the database: "
          f"`RETURN 1` takes {1000 * overhead:.1f} ms):")
    for name, figures in queries.items():
        print(f"  {name:<20} {figures['p50_ms']:>8.1f} ms {figures['p90_ms']:>8.1f} ms  {figures['rows']:>5} rows")
    print(json.dumps({
        "articles": report.corpus, "nodes": nodes, "relationships": relationships,
        "write_seconds": [round(s, 4) for s in writes], "write_p50_seconds": round(write_p50, 4),
        "write_items_per_second": round(rate), "open_overhead_ms": round(1000 * overhead, 2), "queries": queries,
    }, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
