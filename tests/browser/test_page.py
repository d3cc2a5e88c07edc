"""The interactive page in a real browser: Debian's headless Chromium, driven by Playwright.

Each page is opened from disk (file://) with every http(s) and websocket request aborted
and counted, and used as a person would: wait for the layout, hover an edge and a node,
untick filters, search. Screenshots and the large page's timings go to test-artifacts/browser/.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from newsgraph.app.pipeline import ingest
from newsgraph.model.graph import KnowledgeGraph, RelationType
from newsgraph.store.embedded import EmbeddedStore
from newsgraph.views.page import draw_query, render_page

from ..conftest import EXAMPLES, MODEL
from .conftest import (
    ARTIFACTS,
    OpenedPage,
    click_node,
    hover_edge,
    hover_node,
    open_page,
    screenshot,
)
from .graphs import (
    HOSTILE_ALIAS,
    HOSTILE_NAME,
    HOSTILE_OUTLET,
    HOSTILE_QUOTE,
    HOSTILE_SENTENCE,
    HOSTILE_TITLE,
    IMG_ONERROR,
    SCRIPT,
    hostile_graph,
    large_graph,
)

pytestmark = pytest.mark.browser

# a layout that takes longer than this is broken, not slow (it takes a few seconds here)
LAYOUT_SANITY_MS = 60_000


def vis_state(opened: OpenedPage) -> dict:
    """What the vis network object holds: its DataSets and the nodes and edges it built from them."""
    return opened.page.evaluate(
        """() => ({
             nodeIds: network.body.data.nodes.getIds(),
             edgeIds: network.body.data.edges.getIds(),
             builtNodes: Object.keys(network.body.nodes).length,
             builtEdges: Object.keys(network.body.edges).length,
             hiddenEdges: edges.get({ filter: (e) => e.hidden }).map((e) => e.id),
             hiddenNodes: nodes.get({ filter: (n) => n.hidden }).map((n) => n.id),
             visibleText: document.getElementById("ng-visible").textContent,
           })"""
    )


def assert_clean(opened: OpenedPage) -> None:
    assert opened.outside_requests == [], "the page tried to reach the network"
    assert opened.problems() == [], "console or page errors"
    injected = opened.page.evaluate(
        """() => ({ pwned: typeof window.__pwned, images: document.querySelectorAll("img").length })"""
    )
    assert injected == {"pwned": "undefined", "images": 0}, "text from an article ran as markup"


def search(opened: OpenedPage, text: str) -> list[str]:
    opened.page.fill("#ng-search", text)
    opened.page.press("#ng-search", "Enter")
    return opened.page.evaluate("() => network.getSelectedNodes()")


def test_hostile_page_shows_text_and_runs_none_of_it(browser, tmp_path: Path) -> None:
    graph = hostile_graph()
    summary = render_page(graph, tmp_path / "page.html", title=f"Graph {SCRIPT}", via_articles=True)  # all drawn
    opened = open_page(browser, summary.path)
    layout_ms = opened.wait_until_laid_out()
    assert layout_ms < LAYOUT_SANITY_MS

    state = vis_state(opened)
    expected_nodes = {e.id for e in graph.entities} | {a.id for a in graph.articles}
    expected_edges = {r.id for r in graph.relations} | {
        "PUBLISHED_BY:a1:eo1", "PUBLISHED_BY:a2:eo2", "AUTHORED_BY:a2:ep2",
    }
    assert set(state["nodeIds"]) == expected_nodes and state["builtNodes"] == len(expected_nodes) == 9
    assert set(state["edgeIds"]) == expected_edges and state["builtEdges"] == len(expected_edges) == 7
    assert state["visibleText"] == "visible: 9 nodes, 7 edges"
    assert opened.page.title() == f"Graph {SCRIPT}"  # escaped in the file, shown as text

    tooltip = hover_edge(opened, "r1", HOSTILE_SENTENCE)
    for text in (HOSTILE_SENTENCE, HOSTILE_QUOTE, HOSTILE_TITLE, HOSTILE_OUTLET, "MET_WITH"):
        assert text in tooltip
    assert opened.page.evaluate('() => document.querySelector("div.vis-tooltip").querySelectorAll("*").length') > 0
    screenshot(opened, "hostile-edge-tooltip.png")
    assert_clean(opened)

    tooltip = hover_node(opened, "ep1", HOSTILE_NAME)
    assert f"Aliases: {HOSTILE_ALIAS}" in tooltip and "Type: Person" in tooltip and "Mentions: 2" in tooltip
    assert_clean(opened)

    page = opened.page
    page.uncheck('input[name="ng-rel"][value="ACCUSED"]')
    assert vis_state(opened)["hiddenEdges"] == ["r2"]
    page.uncheck('input[name="ng-type"][value="Organization"]')
    state = vis_state(opened)
    assert state["hiddenNodes"] == ["er1"] and sorted(state["hiddenEdges"]) == ["r2", "r4"]
    assert state["visibleText"] == "visible: 8 nodes, 5 edges"
    page.click("#ng-reset")
    page.select_option("#ng-outlet", "Second Wire")
    assert sorted(vis_state(opened)["hiddenEdges"]) == ["PUBLISHED_BY:a1:eo1", "r1"]
    page.fill("#ng-minc", "2")  # and only relations reported by two outlets; article links stay
    assert set(vis_state(opened)["edgeIds"]) - set(vis_state(opened)["hiddenEdges"]) == {
        "r2", "PUBLISHED_BY:a2:eo2", "AUTHORED_BY:a2:ep2",
    }
    page.click("#ng-reset")
    assert vis_state(opened)["hiddenEdges"] == [] and vis_state(opened)["hiddenNodes"] == []

    assert search(opened, 'ministry of "TESTS"') == ["eg1"]
    assert search(opened, HOSTILE_ALIAS) == ["ep1"]  # by alias, quotes and tags as typed
    assert search(opened, "nobody at all") == ["ep1"]  # unchanged
    assert page.inner_text("#ng-search-status") == "no node with that name"

    page.mouse.move(5, 5)
    screenshot(opened, "hostile-page.png")
    assert_clean(opened)


def test_query_pages_in_the_browser(browser, tmp_path: Path) -> None:
    """`viz --query`: the named nodes and the relations among them, the query named on the page;
    a query without rows gives an empty page that still loads and says so."""
    graph = hostile_graph()
    store = EmbeddedStore(tmp_path / "home")
    store.write(graph)

    drawing = draw_query(store, graph, "met_with", entity="Ministry of \"Tests\"")
    summary = render_page(graph, tmp_path / "query.html", title="newsgraph: met_with", query=drawing)
    opened = open_page(browser, summary.path)
    opened.wait_until_laid_out()
    state = vis_state(opened)
    assert set(state["nodeIds"]) == {"ep1", "eg1"} and set(state["edgeIds"]) == {"r1", "r2"}
    assert state["visibleText"] == "visible: 2 nodes, 2 edges"
    panel = opened.page.inner_text("#ng-panel")
    assert "Query met_with (entity = \u201cMinistry of \"Tests\"\u201d, modality = asserted [default]): 1 row naming 2 node(s)" in panel
    assert HOSTILE_SENTENCE in hover_edge(opened, "r1", HOSTILE_SENTENCE)
    screenshot(opened, "query-page.png")
    assert_clean(opened)

    nothing = draw_query(store, graph, "meetings_of", entity="Jane Writer")
    summary = render_page(graph, tmp_path / "empty.html", query=nothing)
    opened = open_page(browser, summary.path)
    opened.wait_until_laid_out()
    assert vis_state(opened)["visibleText"] == "visible: 0 nodes, 0 edges"
    panel = opened.page.inner_text("#ng-panel")
    assert "Query meetings_of (entity = \u201cJane Writer\u201d, modality = asserted [default]): no rows, nothing to draw" in panel
    assert "Nothing to draw" in panel
    assert_clean(opened)


HOSTILE_ARTICLE = f"""Talks in "Caracas" {SCRIPT} and O'Brien's {IMG_ONERROR} report

President Donald Trump met with Nicolás Maduro in Caracas on Monday, {SCRIPT} officials said.

"We had a 'good' meeting {IMG_ONERROR}," Maduro told The New York Times.

The Trump administration accused Maduro's government of "rigging" the vote {SCRIPT}.
"""
HOSTILE_META = {
    "title": f"Talks in \"Caracas\" {SCRIPT} and O'Brien's {IMG_ONERROR} report",
    "outlet": "The Daily <b>Planet</b>",
    "author": "Jane O'Writer",
}


def relation_to_hover(graph: KnowledgeGraph, prefer: str | None = None) -> tuple[str, str]:
    """A relation's id and the start of its first tooltip sentence (one containing ``prefer`` if any)."""
    candidates = [
        (rel.id, ev.sentence) for rel in graph.relations for ev in rel.evidence[:1]
        if rel.type is not RelationType.CITES or rel.source_label != "Article"
    ]
    preferred = [c for c in candidates if prefer and prefer in c[1]]
    rel_id, sentence = (preferred or candidates)[0]
    return rel_id, " ".join(sentence.split())[:80]


@pytest.mark.model
def test_seed_page_with_the_real_model(browser, tmp_path: Path) -> None:
    home = tmp_path / "home"
    store = EmbeddedStore(home)
    options = dict(home=home, store=store, model=MODEL, workers=1, batch_size=8, max_chars=1_000_000)
    assert not ingest([EXAMPLES], **options).skipped
    seed = store.load()

    summary = render_page(seed, tmp_path / "seed.html")
    opened = open_page(browser, summary.path)
    layout_ms = opened.wait_until_laid_out()
    assert layout_ms < LAYOUT_SANITY_MS
    state = vis_state(opened)
    assert (len(state["nodeIds"]), len(state["edgeIds"])) == (summary.nodes, summary.edges)
    assert (state["builtNodes"], state["builtEdges"]) == (summary.nodes, summary.edges)
    assert not {a.id for a in seed.articles} & set(state["nodeIds"])  # articles wait until asked for
    opened.page.mouse.move(5, 5)
    screenshot(opened, "seed-page.png")
    rel_id, sentence = relation_to_hover(seed)
    assert sentence in hover_edge(opened, rel_id, sentence)
    screenshot(opened, "seed-edge-tooltip.png")
    assert_clean(opened)

    # `newsgraph viz --query met_with --param entity="Trump administration"`
    drawing = draw_query(store, seed, "met_with", entity="Trump administration")
    summary = render_page(seed, tmp_path / "seed-query.html", title="newsgraph: met_with", query=drawing)
    opened = open_page(browser, summary.path)
    opened.wait_until_laid_out()
    state = vis_state(opened)
    assert set(state["nodeIds"]) == set(drawing.nodes) and state["builtEdges"] == summary.edges >= 2
    assert drawing.describe() in opened.page.inner_text("#ng-panel")
    opened.page.mouse.move(5, 5)
    screenshot(opened, "seed-query-page.png")
    assert_clean(opened)

    articles = tmp_path / "hostile"
    articles.mkdir()
    (articles / "hostile.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    (articles / "hostile.meta.json").write_text(json.dumps(HOSTILE_META), encoding="utf-8")
    assert not ingest([EXAMPLES, articles], **options).skipped
    graph = store.load()
    assert HOSTILE_META["title"] in {a.title for a in graph.articles}

    summary = render_page(graph, tmp_path / "hostile.html", via_articles=True)
    opened = open_page(browser, summary.path)
    opened.wait_until_laid_out()
    assert len(vis_state(opened)["nodeIds"]) == summary.nodes
    title_node = next(a.id for a in graph.articles if a.title == HOSTILE_META["title"])
    hover_node(opened, title_node, HOSTILE_META["title"])
    rel_id, sentence = relation_to_hover(graph, prefer="__pwned")
    assert sentence in hover_edge(opened, rel_id, sentence)
    assert_clean(opened)


# one action in the page (Enter in the search box, or a click on a checkbox), timed from the
# event until the second animation frame after it, i.e. until the result is drawn
_TIMED_JS = """
async ([selector, text]) => {
  const target = document.querySelector(selector);
  const started = performance.now();
  if (text === null) {
    target.click();
  } else {
    target.value = text;
    target.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
  }
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  return performance.now() - started;
}
"""


def test_a_5000_node_graph_stays_usable(browser, tmp_path: Path) -> None:
    graph = large_graph(5000)
    started = time.perf_counter()
    summary = render_page(graph, tmp_path / "large.html", top=1500)  # as many drawn as the page holds
    render_s = time.perf_counter() - started
    assert summary.nodes_in_graph == 5000 and summary.truncated and summary.nodes == 1500

    opened = open_page(browser, summary.path)
    page = opened.page
    worst_wait_ms = 0.0  # how long the page made a request from outside wait while laying out
    while True:
        asked = time.perf_counter()
        done = page.evaluate("() => window.ngPage.stabilized")
        worst_wait_ms = max(worst_wait_ms, (time.perf_counter() - asked) * 1000)
        if done:
            break
        page.wait_for_timeout(50)
    layout_ms = opened.wait_until_laid_out()
    assert layout_ms < LAYOUT_SANITY_MS
    dom_ready_ms = page.evaluate('() => performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd')

    assert "Showing 1500 of 4960 nodes, most connected first" in page.inner_text("#ng-panel")
    assert page.inner_text("#ng-layout").startswith("Layout done in")
    state = vis_state(opened)
    assert (state["builtNodes"], state["builtEdges"]) == (summary.nodes, summary.edges)
    screenshot(opened, "large-page.png")

    before = page.evaluate("() => network.getPositions()")
    page.wait_for_timeout(600)
    assert page.evaluate("() => network.getPositions()") == before, "physics still moves the nodes"

    drawn = set(state["nodeIds"])
    met_with = sum(1 for r in graph.relations if r.type is RelationType.MET_WITH and {r.source, r.target} <= drawn)
    search_ms = page.evaluate(_TIMED_JS, ["#ng-search", "Actor 0"])
    assert page.evaluate("() => network.getSelectedNodes()") == ["n0"]
    filter_ms = page.evaluate(_TIMED_JS, ['input[name="ng-rel"][value="MET_WITH"]', None])
    assert len(vis_state(opened)["hiddenEdges"]) == met_with
    started = time.perf_counter()  # the same two, as a person does them, with Playwright's checks
    page.check('input[name="ng-rel"][value="MET_WITH"]')
    assert search(opened, "actor 1") == ["n1"] and vis_state(opened)["hiddenEdges"] == []
    by_hand_ms = (time.perf_counter() - started) * 1000
    screenshot(opened, "large-page-after-search.png")
    assert_clean(opened)

    numbers = {
        "nodes_in_graph": summary.nodes_in_graph, "nodes_drawn": summary.nodes, "edges_drawn": summary.edges,
        "file_bytes": summary.path.stat().st_size, "render_page_s": round(render_s, 2),
        "dom_content_loaded_ms": round(dom_ready_ms), "layout_done_ms": round(layout_ms),
        "worst_wait_while_laying_out_ms": round(worst_wait_ms),
        "search_to_next_frame_ms": round(search_ms), "relation_filter_to_next_frame_ms": round(filter_ms),
        "filter_and_search_by_playwright_ms": round(by_hand_ms),
    }
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "large-page.json").write_text(json.dumps(numbers, indent=1) + "\n", encoding="utf-8")
    print("5,000-node page:", numbers)


def _dated_graph() -> KnowledgeGraph:
    """Two meetings reported months apart, a planned one, and what one side said, with hostile words."""
    from newsgraph.model.graph import EntityType, Link, LinkType, Modality, NodeLabel, Statement

    from .graphs import article, entity, evidence, relation

    ann, bob, cy = (entity(f"p{i}", EntityType.PERSON, n) for i, n in enumerate(["Ann Lee", "Bob Ray", "Cy Dunn"]))
    winter = relation("r1", RelationType.MET_WITH, ann, bob, (evidence("v1", "a1", "Ann met Bob."),), ("Wire",))
    summer = relation("r2", RelationType.MET_WITH, ann, cy, (evidence("v2", "a2", "Ann met Cy."),), ("Globe",))
    planned = relation("r3", RelationType.MET_WITH, bob, cy, (evidence("v3", "a2", "Bob will meet Cy."),), ("Globe",))
    said = Statement(id="s1", text=f"We will win {SCRIPT}", speaker="p0", speaker_label=NodeLabel.PERSON,
                     kind="speech", evidence=(evidence("v4", "a1", "Ann said so.", quote="We will win"),
                                              evidence("v5", "a2", "Ann said it.", quote="we will win")),
                     outlets=("Globe", "Wire"), first_seen="2016-01-05", last_seen="2016-06-01")
    return KnowledgeGraph(
        articles=(article("a1", "Winter", "Wire"), article("a2", "Summer", "Globe")),
        entities=(ann, bob, cy),
        relations=(winter.model_copy(update={"first_seen": "2016-01-05", "last_seen": "2016-01-05"}),
                   summer.model_copy(update={"first_seen": "2016-06-01", "last_seen": "2016-06-01"}),
                   planned.model_copy(update={"modality": Modality.PLANNED, "id": "r3"})),
        statements=(said,),
        links=(Link(type=LinkType.SAID, source="p0", source_label=NodeLabel.PERSON, target="s1",
                    target_label=NodeLabel.STATEMENT),),
    )


def test_dates_filter_relations_and_a_speaker_shows_what_it_said(browser, tmp_path: Path) -> None:
    render_page(_dated_graph(), tmp_path / "page.html", include_articles=False)
    opened = open_page(browser, tmp_path / "page.html")
    opened.wait_until_laid_out()
    assert vis_state(opened)["hiddenEdges"] == []
    opened.page.fill("#ng-from", "2016-03-01")
    opened.page.dispatch_event("#ng-from", "change")
    assert sorted(vis_state(opened)["hiddenEdges"]) == ["r1", "r3"]  # winter's meeting, and the undated plan
    opened.page.fill("#ng-to", "2016-05-01")
    opened.page.dispatch_event("#ng-to", "change")
    assert sorted(vis_state(opened)["hiddenEdges"]) == ["r1", "r2", "r3"]
    opened.page.click("#ng-reset")
    assert vis_state(opened)["hiddenEdges"] == []
    label = opened.page.evaluate("() => edges.get('r3').label")
    assert label == "MET_WITH (planned)"
    tooltip = hover_node(opened, "p0", "Statements: 1")
    assert "click for everything known about it" in tooltip
    click_node(opened, "p0")
    opened.page.wait_for_selector("#ng-details:not([hidden])")
    said = opened.page.inner_text("#ng-details .ng-statements")
    assert f"\u201cWe will win {SCRIPT}\u201d" in said  # the words shown as text
    assert "reported by Globe, Wire; 2016-01-05 to 2016-06-01" in said
    screenshot(opened, "dated-page.png")
    assert_clean(opened)
