"""Headless Debian Chromium driven by Playwright, with every network request blocked.

`make test` installs Debian's `chromium` package (when /usr/bin/chromium is missing)
and the Python `playwright` package; Playwright's own browser download is never used.
The tests skip only when no Chromium binary is there.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from ..conftest import EXAMPLES, MODEL, REPO, shared_path

CHROMIUM = Path(os.environ.get("NEWSGRAPH_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = REPO / "test-artifacts" / "browser"
VIEWPORT = {"width": 1400, "height": 900}
# Playwright adds --headless itself (headless=True) and a fresh --user-data-dir (the profile
# folder given to launch_persistent_context, under the test's tmp_path)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
]
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")


HOMES = REPO / "test-artifacts" / "homes"  # kept between sessions: a re-ingest hits the extraction cache


def ingested(source: Path, home: Path) -> Any:
    """The graph of the articles under ``source``, ingested into ``home`` (unchanged files
    are not parsed again: the second session takes seconds)."""
    from newsgraph.app.pipeline import ingest
    from newsgraph.store.embedded import EmbeddedStore

    store = EmbeddedStore(home)
    report = ingest([source], home=home, store=store, model=MODEL, workers=2, batch_size=16, max_chars=200_000)
    assert not report.skipped
    return store.load()


@pytest.fixture(scope="session")
def seed_graph(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return ingested(EXAMPLES, tmp_path_factory.mktemp("seed-home"))


@pytest.fixture(scope="session")
def bbc_politics_graph() -> Any:
    """The 417 BBC politics files (403 distinct articles), built once and cached under
    test-artifacts/homes/bbc-politics; skipped where ../shared is absent."""
    return ingested(shared_path("corpus", "bbc", "politics"), HOMES / "bbc-politics")


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    if not CHROMIUM.exists():
        pytest.skip(
            f"Chromium not found at {CHROMIUM}: `make test` installs Debian's chromium package "
            "where it runs as root with apt-get; elsewhere install it or set NEWSGRAPH_CHROMIUM"
        )
    return CHROMIUM


@pytest.fixture(scope="session")
def playwright_driver(chromium_path: Path) -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # an install step is missing: that is a failure, not a skip
        pytest.fail(f"the playwright package is missing ({exc}): run `make setup-ui-tests`", pytrace=False)
    with sync_playwright() as driver:
        yield driver


@dataclass
class OpenedPage:
    """A page opened from disk, with what it logged and every request it tried outside the file."""

    page: Any
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return self.console_errors + self.page_errors

    def wait_until_laid_out(self, timeout_ms: float = 60_000) -> float:
        """Wait for the network to go idle and vis stabilization to end; ms from navigation start."""
        self.page.wait_for_load_state("networkidle")
        self.page.wait_for_function("() => window.ngPage && window.ngPage.stabilized", timeout=timeout_ms)
        # pyvis's progress overlay fades out over 0.5 s; until it is gone it takes the mouse events
        self.page.wait_for_function(
            """() => { const bar = document.getElementById("loadingBar");
                       return !bar || getComputedStyle(bar).display === "none"; }"""
        )
        return self.page.evaluate("() => window.ngPage.stabilizedAtMs")


@pytest.fixture()
def browser(playwright_driver: Any, chromium_path: Path, tmp_path: Path) -> Iterator[Any]:
    """A fresh Chromium (new profile folder) whose http(s)/ws requests are all aborted and counted."""
    context = playwright_driver.chromium.launch_persistent_context(
        str(tmp_path / "chromium-profile"),
        executable_path=str(chromium_path),
        headless=True,
        args=CHROMIUM_ARGS,
        viewport=VIEWPORT,
        service_workers="block",
    )
    context.set_default_timeout(30_000)
    yield context
    context.close()


def open_page(browser: Any, path: Path) -> OpenedPage:
    page = browser.new_page()
    opened = OpenedPage(page)

    def block(route: Any) -> None:
        url = route.request.url
        if url.startswith(LOCAL_SCHEMES):
            route.continue_()
        else:
            opened.outside_requests.append(url)
            route.abort()

    page.route("**/*", block)
    page.on("request", lambda r: None if r.url.startswith(LOCAL_SCHEMES) else opened.outside_requests.append(r.url))
    page.on("websocket", lambda ws: opened.outside_requests.append(ws.url))
    page.on("console", lambda m: opened.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: opened.page_errors.append(str(e)))
    page.goto(path.resolve().as_uri(), wait_until="load")
    return opened


def screenshot(opened: OpenedPage, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    out = ARTIFACTS / name
    opened.page.screenshot(path=str(out))
    return out


# Finds a point on the screen where vis itself sees the edge: centre the view on the midpoint
# of the edge's end nodes, then walk along the perpendicular (a curved edge bends away from the
# straight line) and take the middle of the stretch nearest the midpoint where vis reports that
# edge under the pointer and no node on top of it: a point on the drawn curve.
_EDGE_POINT_JS = """
(id) => {
  // A point where vis shows this edge and nothing else: at several places along the edge
  // (a crossing edge can cover its middle), searched sideways for a curved edge, with every
  // point a few pixels around it on this edge too, so the pointer lands on it alone.
  const edge = edges.get(id);
  const ends = network.getPositions([edge.from, edge.to]);
  const a = ends[edge.from], b = ends[edge.to];
  const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  network.moveTo({ position: mid, scale: 1, animation: false });
  const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  const normal = { x: -(b.y - a.y) / len, y: (b.x - a.x) / len };
  const canvas = document.querySelector("#mynetwork canvas").getBoundingClientRect();
  const only = (dom) => network.getEdgeAt(dom) === id && network.getNodeAt(dom) === undefined;
  const clear = (dom) => [-5, 0, 5].every((dx) => [-5, 0, 5].every((dy) => only({ x: dom.x + dx, y: dom.y + dy })));
  const reach = Math.min(200, len / 2);
  for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75]) {
    const base = { x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y) };
    const at = (offset) => network.canvasToDOM({ x: base.x + offset * normal.x, y: base.y + offset * normal.y });
    for (let step = 0; step <= reach; step++) {
      for (const start of [step, -step]) {
        if (!only(at(start))) { continue; }
        let low = start, high = start;
        while (only(at(low - 1))) { low -= 1; }
        while (only(at(high + 1))) { high += 1; }
        const dom = at((low + high) / 2);
        if (clear(dom)) { return { x: canvas.left + dom.x, y: canvas.top + dom.y, offset: (low + high) / 2 }; }
      }
    }
  }
  return null;
}
"""

_TOOLTIP_JS = """
(wanted) => {
  const tip = document.querySelector("div.vis-tooltip");
  return !!tip && getComputedStyle(tip).visibility === "visible" && tip.innerText.includes(wanted);
}
"""


def hover_edge(opened: OpenedPage, edge_id: str, expected_text: str) -> str:
    """Move the mouse onto the edge as a person would and return the tooltip's text."""
    return _hover(opened, lambda: opened.page.evaluate(_EDGE_POINT_JS, edge_id), f"edge {edge_id}", expected_text)


_NODE_POINT_JS = """
(id) => {
  const p = network.getPositions([id])[id];
  network.moveTo({ position: p, scale: 1, animation: false });
  const dom = network.canvasToDOM(p);
  const canvas = document.querySelector("#mynetwork canvas").getBoundingClientRect();
  return network.getNodeAt(dom) === id ? { x: canvas.left + dom.x, y: canvas.top + dom.y } : null;
}
"""


def hover_node(opened: OpenedPage, node_id: str, expected_text: str) -> str:
    return _hover(opened, lambda: opened.page.evaluate(_NODE_POINT_JS, node_id), f"node {node_id}", expected_text)


def click_edge(opened: OpenedPage, edge_id: str) -> None:
    point = opened.page.evaluate(_EDGE_POINT_JS, edge_id)
    assert point is not None, f"found no point on the screen where vis shows edge {edge_id}"
    _on_canvas(opened, point)
    opened.page.mouse.click(point["x"], point["y"])


def _on_canvas(opened: OpenedPage, point: dict) -> None:
    """The point is on the network's canvas, not under a panel."""
    assert opened.page.evaluate("(p) => document.elementFromPoint(p.x, p.y).tagName", point) == "CANVAS"


def click_node(opened: OpenedPage, node_id: str, *, double: bool = False) -> None:
    """Click (or double-click) the node where vis draws it, as a person would."""
    point = opened.page.evaluate(_NODE_POINT_JS, node_id)
    assert point is not None, f"found no point on the screen where vis shows node {node_id}"
    _on_canvas(opened, point)
    if double:
        opened.page.mouse.dblclick(point["x"], point["y"])
    else:
        opened.page.mouse.click(point["x"], point["y"])


_HOVER_ATTEMPTS = 3


def _hover(opened: OpenedPage, locate: Callable[[], dict | None], what: str, expected_text: str) -> str:
    """Point at the element and wait for its tooltip. On a busy machine the first move can
    land while vis is still redrawing the view it was just moved to: the point is located
    again and the pointer brought in again, up to three times, before the test fails."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    page = opened.page
    attempt = 1
    while True:
        point = locate()
        assert point is not None, f"found no point on the screen where vis shows {what}"
        page.mouse.move(point["x"] - 40, point["y"] - 40)
        page.mouse.move(point["x"], point["y"], steps=8)
        try:
            page.wait_for_function(_TOOLTIP_JS, arg=expected_text, timeout=5_000)
            return page.inner_text("div.vis-tooltip")
        except PlaywrightTimeoutError:
            if attempt == _HOVER_ATTEMPTS:
                raise
            attempt += 1
