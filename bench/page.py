"""The graph page's size and load time on an ingested home, in headless Chromium.

    .venv/bin/python bench/page.py --home test-artifacts/homes/bbc-politics   # after the browser tests
    NEWSGRAPH_HOME=/tmp/bbc .venv/bin/newsgraph ingest ../shared/corpus/bbc && .venv/bin/python bench/page.py --home /tmp/bbc

Loads the graph, writes the default page (`newsgraph viz`: the 60 most connected actors),
opens it from disk `--runs` times (every network request refused) and takes the median
time to DOMContentLoaded and to the end of the layout, then expands the most connected
node's neighbours and its articles from the panel. Needs the ui-tests extra and
/usr/bin/chromium (`make setup-ui-tests`). Prints readable lines, then one JSON line.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from newsgraph.store.embedded import EmbeddedStore
from newsgraph.views.page import render_page

CHROMIUM = "/usr/bin/chromium"


def open_once(browser: Any, page_path: Path) -> tuple[Any, dict[str, float]]:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    page.goto(page_path.resolve().as_uri(), wait_until="load")
    page.wait_for_function("() => window.ngPage && window.ngPage.stabilized", timeout=120_000)
    if errors:
        raise RuntimeError(f"the page failed: {errors[0]}")
    timings = page.evaluate(
        """() => ({ dom: performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd,
                    layout: window.ngPage.stabilizedAtMs })""")
    return page, timings


def expand_times(page: Any) -> dict[str, Any]:
    """Expand the largest drawn node's neighbours, then its articles, as the panel's buttons do."""
    hub = page.evaluate("() => nodes.get().sort((a, b) => b.value - a.value)[0].id")
    result = {"hub": page.evaluate("(id) => nodes.get(id).name", hub)}
    for what, call in (("neighbours", "ngPage.expand(id)"), ("articles", "ngPage.bring(ngPage.articlesOf(id), id)")):
        timed = page.evaluate(
            f"""async (id) => {{ const started = performance.now(); const added = {call};
                 await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
                 return [added, performance.now() - started]; }}""", hub)
        result[f"{what}_added"], result[f"{what}_ms"] = timed[0], round(timed[1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--home", type=Path, required=True, help="an ingested NEWSGRAPH_HOME")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--top", type=int, default=60)
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    graph = EmbeddedStore(args.home).load()
    with tempfile.TemporaryDirectory(prefix="bench-page-") as folder:
        out = Path(folder) / "graph.html"
        started = time.perf_counter()
        summary = render_page(graph, out, top=args.top)
        render_s = time.perf_counter() - started
        with sync_playwright() as driver:
            browser = driver.chromium.launch(executable_path=CHROMIUM, headless=True,
                                             args=["--no-sandbox", "--disable-gpu"])
            runs = []
            for _ in range(args.runs):
                page, timings = open_once(browser, out)
                runs.append(timings)
                page.close()
            page, _ = open_once(browser, out)
            expanded = expand_times(page)
            browser.close()
        numbers = {
            "articles": len(graph.articles), "entities": len(graph.entities), "relations": len(graph.relations),
            "statements": len(graph.statements), "nodes_drawn": summary.nodes, "edges_drawn": summary.edges,
            "nodes_on_page": summary.pool, "file_bytes": out.stat().st_size, "render_page_s": round(render_s, 2),
            "dom_content_loaded_ms": round(statistics.median(r["dom"] for r in runs)),
            "layout_done_ms": round(statistics.median(r["layout"] for r in runs)), "runs": args.runs, **expanded,
        }
    print(f"{numbers['articles']} articles: page {numbers['file_bytes'] / 1e6:.1f} MB written in "
          f"{numbers['render_page_s']} s; {numbers['nodes_drawn']} nodes drawn of {numbers['nodes_on_page']} on the page")
    print(f"loaded (DOMContentLoaded) {numbers['dom_content_loaded_ms']} ms, laid out {numbers['layout_done_ms']} ms "
          f"(median of {args.runs}); expanding {numbers['hub']}: {numbers['neighbours_added']} neighbours "
          f"{numbers['neighbours_ms']} ms, {numbers['articles_added']} articles {numbers['articles_ms']} ms")
    print(json.dumps(numbers))


if __name__ == "__main__":
    main()
