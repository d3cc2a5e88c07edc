"""The issue's goals as measured in one `make bench` run, side by side (bench/scale.py calls
`issue_ratios` on its results, prints `report_ratios`, and puts the same under "ratios" in its
JSON line):

- ingest end to end on BBC against bare spaCy `nlp.pipe`, CPU seconds (goal <= 1.15) and wall;
- named queries from Python (`run_query` on one open store) against the engine's own time for
  the same Cypher on an open LadybugDB connection, p50 over p50, at each graph size measured
  (goal <= 2 for the entity-anchored ones), and whether every query ran under the buffer pool;
- 10 articles added to the BBC home, and to homes of N articles, and a no-op re-ingest, against
  those 10 in an empty home;
- peak memory: ingest's main process and workers, and assembly at each size.
"""

from __future__ import annotations

from typing import Any


def issue_ratios(out: dict[str, Any]) -> dict[str, Any]:
    """The ratios and peaks from bench/scale.py's results (what was measured; the rest left out)."""
    ratios: dict[str, Any] = {}
    bbc = out.get("bbc")
    if bbc:
        ratios["ingest_over_bare_spacy"] = {"cpu": bbc["ratio_cpu"], "wall": bbc["ratio_wall"],
                                            "articles": bbc["ours"]["report"]["extracted"]}
        for name in ("plus10", "noop"):
            if f"{name}_over_ten_alone" in bbc:
                ratios[f"{name}_over_ten_alone"] = bbc[f"{name}_over_ten_alone"]
        ratios["ingest_peak_rss_mb"] = bbc["ours"]["memory"]["peak_process_rss_mb"]
    for size, entry in out.get("increments", {}).items():
        if size != "ten_alone":
            ratios.setdefault("increments", {})[size] = {
                name: entry[f"{name}_over_ten_alone"] for name in ("plus10", "noop")}
    for size, entry in out.get("assembly", {}).items():
        assembly = entry.get("assembly")
        if not assembly:
            continue
        ratios.setdefault("assembly_peak_rss_mb", {})[size] = entry["assembly_memory"]["peak_tree_rss_mb"]
        if "queries" not in assembly:
            continue
        measured = {case: q for case, q in assembly["queries"].items() if "ratio" in q}
        anchored = [q["ratio"] for q in measured.values() if q.get("anchored")]
        ratios.setdefault("queries", {})[size] = {
            "ratio_by_query": {case: q["ratio"] for case, q in measured.items()},
            "p50_ms": {case: q["p50_ms"] for case, q in measured.items()},
            "engine_p50_ms": {case: q["engine_p50_ms"] for case, q in measured.items()},
            "max_anchored_ratio": max(anchored, default=None),
            "failed": sorted(case for case, q in assembly["queries"].items() if "error" in q),
        }
    return ratios


def report_ratios(ratios: dict[str, Any]) -> None:
    """The ratios as readable lines, goals beside them."""
    print("the issue's ratios, measured side by side in this run:")
    if "ingest_over_bare_spacy" in ratios:
        r = ratios["ingest_over_bare_spacy"]
        print(f"  ingest / bare spaCy on BBC ({r['articles']:,} articles): {r['cpu']} CPU (goal <= 1.15), "
              f"{r['wall']} wall; peak RSS per process {ratios['ingest_peak_rss_mb']} MB")
    for name, label in (("plus10", "+10 articles to the BBC home"), ("noop", "no-op re-ingest")):
        if f"{name}_over_ten_alone" in ratios:
            r = ratios[f"{name}_over_ten_alone"]
            print(f"  {label} / the 10 into an empty home: {r['cpu']} CPU, {r['wall']} wall")
    for size, r in ratios.get("increments", {}).items():
        print(f"  at {int(size):,} articles, / the 10 into an empty home: +10 articles {r['plus10']['cpu']} CPU "
              f"(goal <= 1.5), no-op re-ingest {r['noop']['cpu']} CPU (goal <= 0.1)")
    for size, q in ratios.get("queries", {}).items():
        cells = ", ".join(f"{case} {ratio:.2f}" for case, ratio in q["ratio_by_query"].items())
        failed = f"; FAILED: {', '.join(q['failed'])}" if q["failed"] else "; every query ran"
        print(f"  queries at {int(size):,} articles, Python p50 / engine p50: max {q['max_anchored_ratio']} over the "
              f"entity-anchored ones (goal <= 2){failed}: {cells}")
    if "assembly_peak_rss_mb" in ratios:
        print("  assembly peak RSS (MB) by articles: " + ", ".join(
            f"{int(size):,}: {mb}" for size, mb in ratios["assembly_peak_rss_mb"].items()))
