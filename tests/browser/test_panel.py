"""The page as a journalist uses it, in Chromium: it opens on the most connected actors, a
click shows everything known about a node in the details panel (selectable text, real links),
a double-click or the panel's buttons expand a node, the filters and the search work on
what was expanded, and nothing logs an error. On a hand-built graph with hostile text, on
the seed articles and on the 417 BBC politics files. Screenshots and the BBC page's size and
timings go to test-artifacts/browser/."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from newsgraph.model.graph import (
    EntityType,
    KnowledgeGraph,
    Link,
    LinkType,
    NodeLabel,
    RelationType,
    Statement,
)
from newsgraph.views.page import render_page

from .conftest import ARTIFACTS, OpenedPage, click_edge, click_node, open_page, screenshot
from .graphs import IMG_ONERROR, SCRIPT, article, entity, evidence, link, relation
from .test_page import LAYOUT_SANITY_MS, assert_clean, search, vis_state

pytestmark = pytest.mark.browser

SENTENCE = f"Ann Lee met Bob Ray in Geneva {SCRIPT}."
TITLE = f"Talks end {IMG_ONERROR}"


def panel_graph() -> KnowledgeGraph:
    """Bob (two relations, one statement) and Ann (one verified relation, one statement) are
    the most connected; Cy is one hop from Bob, Dee two; a1 has a web address, a2 an address
    that is no web address."""
    ann = entity("pa", EntityType.PERSON, "Ann Lee", aliases=("Annie",), mentions=9)
    bob = entity("pb", EntityType.PERSON, "Bob Ray", mentions=5)
    cy = entity("pc", EntityType.ORGANIZATION, "Cy Group", mentions=4)
    dee = entity("pd", EntityType.PERSON, "Dee Fox", mentions=3)
    a1 = article("a1", TITLE, "Wire").model_copy(update={"url": "https://news.example/talks",
                                                        "published": "2016-01-05"})
    a2 = article("a2", "Second story", "Globe").model_copy(update={"url": "javascript:window.__pwned=3"})
    met = relation("r1", RelationType.MET_WITH, ann, bob, (evidence("v1", "a1", SENTENCE),), ("Wire",))
    accused = relation("r2", RelationType.ACCUSED, bob, cy, (evidence("v2", "a2", "Bob accused Cy Group."),),
                       ("Globe",))
    later = relation("r3", RelationType.MET_WITH, cy, dee, (evidence("v3", "a2", "Cy Group met Dee Fox."),
                                                            evidence("v4", "a2", "Dee Fox met Cy Group again.")),
                     ("Globe",))

    def said(sid: str, speaker: str, text: str, source: str) -> Statement:
        return Statement(id=sid, text=text, speaker=speaker, speaker_label=NodeLabel.PERSON, kind="speech",
                         cue="said", evidence=(evidence(f"w{sid}", source, f"She said: {text}", quote=text),),
                         outlets=("Wire",), first_seen="2016-01-05", last_seen="2016-01-05")

    statements = (said("s1", "pa", f"We agreed on nothing {SCRIPT}", "a1"), said("s2", "pb", "Talks went well", "a1"))
    return KnowledgeGraph(
        articles=(a1, a2), entities=(ann, bob, cy, dee),
        relations=(met.model_copy(update={"verified": True, "first_seen": "2016-01-05", "last_seen": "2016-01-05"}),
                   accused, later),
        statements=statements,
        links=(link(LinkType.MENTIONS, "a1", ann), link(LinkType.MENTIONS, "a2", ann),
               link(LinkType.MENTIONS, "a1", bob), link(LinkType.MENTIONS, "a2", cy))
        + tuple(Link(type=LinkType.SAID, source=s.speaker, source_label=NodeLabel.PERSON, target=s.id,
                     target_label=NodeLabel.STATEMENT) for s in statements),
    )


def details_text(opened: OpenedPage) -> str:
    opened.page.wait_for_selector("#ng-details:not([hidden])")
    return opened.page.inner_text("#ng-details")


def selected_text(opened: OpenedPage, selector: str) -> str:
    """Select the element's text as a drag of the mouse would and return what would be copied."""
    return opened.page.evaluate(
        """(selector) => { const range = document.createRange();
             range.selectNodeContents(document.querySelector(selector));
             const selection = window.getSelection(); selection.removeAllRanges(); selection.addRange(range);
             return selection.toString(); }""", selector)


def test_click_shows_everything_known_and_expanding_draws_more(browser, tmp_path: Path) -> None:
    summary = render_page(panel_graph(), tmp_path / "page.html", top=2)
    opened = open_page(browser, summary.path)
    opened.wait_until_laid_out()
    page = opened.page
    state = vis_state(opened)
    assert set(state["nodeIds"]) == {"pa", "pb"} and set(state["edgeIds"]) == {"r1"}
    assert page.evaluate("() => edges.get('r1').label") == "MET_WITH \u2714"

    click_node(opened, "pa")
    text = details_text(opened)
    for expected in ("Ann Lee", "Person", "Also named: Annie", "9 mention(s) in 1 article(s)", "Relations (1)",
                     "MET_WITH \u2192 Bob Ray", "\u2714 verified", "reported by 1 outlet(s): Wire; 2016-01-05",
                     SENTENCE, f"{TITLE} \u2014 Wire, 2016-01-05", "Statements (1)",
                     f"\u201cWe agreed on nothing {SCRIPT}\u201d", "Articles (2)", "Second story \u2014 Globe"):
        assert expected in text, expected
    links = page.evaluate("() => Array.from(document.querySelectorAll('#ng-details a'), (a) => a.href)")
    assert links and set(links) == {"https://news.example/talks"}  # the javascript: address is text, no link
    assert SENTENCE in selected_text(opened, "#ng-details-body")  # selectable, so copyable
    assert page.evaluate("() => getComputedStyle(document.getElementById('ng-details')).userSelect") != "none"
    page.mouse.move(5, 5)
    screenshot(opened, "panel-node.png")
    assert_clean(opened)

    page.click("#ng-details-close")
    assert page.is_hidden("#ng-details")
    click_node(opened, "pb", double=True)  # Bob's neighbour Cy is drawn with the relation; Dee is two hops away
    state = vis_state(opened)
    assert set(state["nodeIds"]) == {"pa", "pb", "pc"} and set(state["edgeIds"]) == {"r1", "r2"}
    assert "Bob Ray" in details_text(opened) and "ACCUSED \u2192 Cy Group" in details_text(opened)
    assert state["visibleText"] == "visible: 3 nodes, 2 edges"
    page.evaluate("() => ngPage.showNode('pc')")  # the most reported relation first, whatever the graph's order
    heads = page.evaluate("() => Array.from(document.querySelectorAll('#ng-details .ng-rel-head'), (h) => h.innerText)")
    assert [h.strip() for h in heads] == ["MET_WITH \u2192 Dee Fox", "ACCUSED \u2190 Bob Ray"]

    click_node(opened, "pa")
    page.click("#ng-details button.ng-action:has-text('articles')")  # Ann's articles, with their mentions
    state = vis_state(opened)
    assert {"a1", "a2"} <= set(state["nodeIds"])
    assert {"MENTIONS:a1:pa", "MENTIONS:a2:pa", "MENTIONS:a1:pb", "MENTIONS:a2:pc"} <= set(state["edgeIds"])
    assert page.evaluate("() => typeof nodes.get('a1').title") == "object"  # its tooltip shown as built

    page.uncheck('input[name="ng-rel"][value="MENTIONS"]')  # the filters apply to what was expanded
    assert {e for e in vis_state(opened)["hiddenEdges"] if e.startswith("MENTIONS:")} == {
        "MENTIONS:a1:pa", "MENTIONS:a2:pa", "MENTIONS:a1:pb", "MENTIONS:a2:pc"}
    page.uncheck('input[name="ng-type"][value="Article"]')
    assert set(vis_state(opened)["hiddenNodes"]) == {"a1", "a2"}
    page.click("#ng-reset")
    assert vis_state(opened)["hiddenNodes"] == [] and vis_state(opened)["hiddenEdges"] == []

    page.keyboard.press("Escape")
    assert page.is_hidden("#ng-details")
    click_edge(opened, "r2")
    text = details_text(opened)
    assert "Relation" in text and "ACCUSED" in text and "Bob Ray \u2192 Cy Group" in text
    assert "Bob accused Cy Group. Second story \u2014 Globe" in " ".join(text.split())

    assert search(opened, "dee fox") == ["pd"]  # on the page but not drawn: found, drawn, shown
    assert "pd" in vis_state(opened)["nodeIds"] and "r3" in vis_state(opened)["edgeIds"]
    assert "Dee Fox" in details_text(opened) and "Cy Group met Dee Fox." in details_text(opened)
    page.mouse.move(5, 5)
    screenshot(opened, "panel-expanded.png")
    assert_clean(opened)


def test_the_seed_page_opens_on_its_actors_and_explains_them(browser, seed_graph, tmp_path: Path) -> None:
    summary = render_page(seed_graph, tmp_path / "seed.html")
    opened = open_page(browser, summary.path)
    assert opened.wait_until_laid_out() < LAYOUT_SANITY_MS
    page = opened.page
    drawn = set(vis_state(opened)["nodeIds"])
    entities = {e.id: e for e in seed_graph.entities}
    said = {s.speaker for s in seed_graph.statements}
    related = {end for r in seed_graph.relations for end in (r.source, r.target)}
    assert drawn == (related | said) & set(entities)  # every actor with evidence; no article, no mere mention

    hub = max(drawn, key=lambda n: page.evaluate("(id) => nodes.get(id).value", n))
    click_node(opened, hub)
    text = " ".join(details_text(opened).split())
    relations = [r for r in seed_graph.relations if hub in (r.source, r.target)]
    assert entities[hub].name in text and entities[hub].type.value in text
    assert f"Relations ({len(relations)})" in text
    for rel in relations:
        assert " ".join(rel.evidence[0].sentence.split()) in text
    titles = {a.id: a.title for a in seed_graph.articles}
    assert any(f"{title} \u2014 " in text for title in titles.values())
    page.mouse.move(5, 5)
    screenshot(opened, "seed-panel.png")

    page.click("#ng-details button.ng-action:has-text('articles')")
    shown = set(vis_state(opened)["nodeIds"])
    assert shown & set(titles) and drawn < shown
    story = next(a for a in seed_graph.articles if a.id in shown)
    page.wait_for_timeout(800)  # a click on the same spot would be a double-click
    click_node(opened, story.id)
    text = " ".join(details_text(opened).split())
    cites = [r for r in seed_graph.relations if story.id in (r.source, r.target)]
    mentioned = {lk.target for lk in seed_graph.links if lk.type is LinkType.MENTIONS and lk.source == story.id}
    assert story.title in text and "Article" in text and f"Outlet: {story.outlet}" in text
    assert f"Relations ({len(cites)})" in text and f"Mentions ({len(mentioned)})" in text
    assert all(entities[m].name in text for m in mentioned)
    page.uncheck('input[name="ng-rel"][value="MET_WITH"]')
    hidden = set(vis_state(opened)["hiddenEdges"])
    assert hidden == {r.id for r in seed_graph.relations if r.type is RelationType.MET_WITH and r.id in hidden}
    assert hidden
    page.click("#ng-reset")
    page.mouse.move(5, 5)
    screenshot(opened, "seed-with-articles.png")
    assert_clean(opened)


def _timed_open(browser, path: Path) -> tuple[OpenedPage, dict]:
    started = time.perf_counter()
    opened = open_page(browser, path)
    layout_ms = opened.wait_until_laid_out()
    wall_ms = (time.perf_counter() - started) * 1000
    dom_ms = opened.page.evaluate('() => performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd')
    return opened, {"file_bytes": path.stat().st_size, "dom_content_loaded_ms": round(dom_ms),
                    "layout_done_ms": round(layout_ms), "open_to_laid_out_wall_ms": round(wall_ms)}


@pytest.mark.model
@pytest.mark.corpus
def test_the_bbc_politics_page_reads_at_corpus_scale(browser, bbc_politics_graph, tmp_path: Path) -> None:
    graph = bbc_politics_graph
    started = time.perf_counter()
    summary = render_page(graph, tmp_path / "bbc.html")
    render_s = time.perf_counter() - started
    opened, numbers = _timed_open(browser, summary.path)
    page = opened.page
    assert numbers["layout_done_ms"] < LAYOUT_SANITY_MS
    state = vis_state(opened)
    assert len(state["nodeIds"]) == summary.nodes == 60 and summary.truncated
    kinds = page.evaluate("() => Array.from(new Set(nodes.get().map((n) => n.ntype)))")
    assert "Article" not in kinds and not any(e.startswith("MENTIONS:") for e in state["edgeIds"])
    page.mouse.move(5, 5)
    screenshot(opened, "bbc-politics-page.png")
    before = page.evaluate("() => network.getPositions()")  # the same layout on every load
    again, _ = _timed_open(browser, summary.path)
    assert again.page.evaluate("() => network.getPositions()") == before
    again.page.close()

    assert search(opened, "Tony Blair")
    blair = page.evaluate("() => network.getSelectedNodes()[0]")
    name = page.evaluate("(id) => nodes.get(id).name", blair)
    text = " ".join(details_text(opened).split())
    relations = [r for r in graph.relations if blair in (r.source, r.target)]
    statements = [s for s in graph.statements if s.speaker == blair]
    assert name in text and f"Relations ({len(relations)})" in text and f"Statements ({len(statements)})" in text
    assert " ".join(statements[0].evidence[0].sentence.split()) in text
    screenshot(opened, "bbc-politics-panel.png")

    count = len(vis_state(opened)["nodeIds"])
    grow_started = time.perf_counter()
    page.click("#ng-details button.ng-action:has-text('neighbours')")
    numbers["expand_ms"] = round((time.perf_counter() - grow_started) * 1000)
    grown = len(vis_state(opened)["nodeIds"])
    expected = {r.target if r.source == blair else r.source for r in relations} - set(state["nodeIds"])
    assert grown == count + len(expected)
    page.check("#ng-lonely")
    assert len(vis_state(opened)["hiddenNodes"]) > 0
    page.click("#ng-reset")
    page.mouse.move(5, 5)
    screenshot(opened, "bbc-politics-expanded.png")
    assert_clean(opened)

    around = render_page(graph, tmp_path / "around.html", around="Tony Blair", depth=1)
    through = render_page(graph, tmp_path / "through.html", around="Tony Blair", depth=1, via_articles=True,
                          top=1500)
    assert around.nodes <= 60 and through.nodes > around.nodes  # co-mentions only when asked for
    opened_around, _ = _timed_open(browser, around.path)
    assert not set(vis_state(opened_around)["nodeIds"]) & {a.id for a in graph.articles}
    opened_around.page.mouse.move(5, 5)
    screenshot(opened_around, "bbc-politics-around-blair.png")
    assert_clean(opened_around)

    numbers.update({"articles": len(graph.articles), "entities": len(graph.entities),
                    "relations": len(graph.relations), "statements": len(graph.statements),
                    "nodes_drawn": summary.nodes, "edges_drawn": summary.edges, "nodes_on_page": summary.pool,
                    "render_page_s": round(render_s, 2), "around_blair_nodes": around.nodes,
                    "around_blair_via_articles_nodes": through.nodes})
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "bbc-politics-page.json").write_text(json.dumps(numbers, indent=1) + "\n", encoding="utf-8")
    print("BBC politics page:", numbers)
