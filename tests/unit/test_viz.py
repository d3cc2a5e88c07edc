"""The interactive page: self-contained, faithful to the graph, and safe with hostile text."""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from newsgraph.model.graph import (
    ArticleNode,
    EntityNode,
    EntityType,
    Evidence,
    KnowledgeGraph,
    Link,
    LinkType,
    NodeLabel,
    Relation,
    RelationType,
    SanctionStatus,
    Statement,
)
from newsgraph.views.page import MAX_TOOLTIP_EVIDENCE, PageSummary, render_page

SCRIPT_BREAK = "</script><script>window.__pwned=1</script>"
IMG_ONERROR = '<img src=x onerror="window.__pwned=2">'
QUOTES = "\"'"

HOSTILE_NAME = f"{IMG_ONERROR} Evil {QUOTES} Name"
HOSTILE_ALIAS = f"{SCRIPT_BREAK}{QUOTES}"
HOSTILE_TITLE = f"Breaking {SCRIPT_BREAK} {IMG_ONERROR} {QUOTES} news"
HOSTILE_SENTENCE = f'He said "we met" {SCRIPT_BREAK} {IMG_ONERROR} it\'s {QUOTES} true.'
HOSTILE_QUOTE = f"we met {SCRIPT_BREAK} {QUOTES}"
HOSTILE_OUTLET = f'The "Daily" <b>Planet</b> {QUOTES}'
LOOKS_LIKE_A_URL = "x src=//evil.example/a.js href=https://evil.example url(//evil.example)"


def entity(eid: str, kind: EntityType, name: str, aliases: tuple[str, ...] = ()) -> EntityNode:
    return EntityNode(id=eid, type=kind, name=name, aliases=aliases, mention_count=2, article_count=1)


def article(aid: str, title: str, outlet: str | None, author: str | None = None) -> ArticleNode:
    return ArticleNode(id=aid, title=title, path=f"in/{aid}.txt", outlet=outlet, author=author, chars=100)


def evidence(eid: str, article_id: str, sentence: str, quote: str | None = None) -> Evidence:
    return Evidence(
        id=eid, article_id=article_id, start=0, end=len(sentence), sentence=sentence,
        rule="test.rule", quote=quote, direct=True if quote else None,
    )


def relation(
    rid: str, kind: RelationType, source: EntityNode, target: EntityNode,
    items: tuple[Evidence, ...], outlets: tuple[str, ...],
) -> Relation:
    return Relation(
        id=rid, type=kind, source=source.id, target=target.id,
        source_label=NodeLabel(source.type), target_label=NodeLabel(target.type),
        status=SanctionStatus.IMPOSED if kind is RelationType.SANCTIONED else None,
        evidence=items, outlets=outlets,
    )


def link(kind: LinkType, article_id: str, target: EntityNode) -> Link:
    return Link(type=kind, source=article_id, target=target.id, target_label=NodeLabel(target.type))


@pytest.fixture()
def hostile_graph() -> KnowledgeGraph:
    evil = entity("ep1", EntityType.PERSON, HOSTILE_NAME, aliases=(HOSTILE_ALIAS,))
    ministry = entity("eg1", EntityType.GOVERNMENT, "Ministry of Tests")
    planet = entity("eo1", EntityType.OUTLET, HOSTILE_OUTLET)
    wire = entity("eo2", EntityType.OUTLET, "Second Wire")
    writer = entity("ep2", EntityType.PERSON, "Jane Writer")
    zurich = entity("el1", EntityType.LOCATION, "Zürich", aliases=(LOOKS_LIKE_A_URL,))
    return KnowledgeGraph(
        articles=(
            article("a1", HOSTILE_TITLE, HOSTILE_OUTLET),
            article("a2", "A calm report", "Second Wire", author="Jane Writer"),
        ),
        entities=(evil, ministry, planet, wire, writer, zurich),
        relations=(
            relation("r1", RelationType.MET_WITH, evil, ministry,
                     (evidence("v1", "a1", HOSTILE_SENTENCE, quote=HOSTILE_QUOTE),), (HOSTILE_OUTLET,)),
            relation("r2", RelationType.ACCUSED, ministry, evil,
                     (evidence("v2", "a1", "The ministry accused him."),
                      evidence("v3", "a2", "The ministry accused him again.")),
                     (HOSTILE_OUTLET, "Second Wire")),
            relation("r3", RelationType.QUOTED_BY, evil, wire,
                     (evidence("v4", "a2", "He told Second Wire: 'fine'.", quote="fine"),), ("Second Wire",)),
        ),
        links=(
            link(LinkType.PUBLISHED_BY, "a1", planet),
            link(LinkType.PUBLISHED_BY, "a2", wire),
            link(LinkType.AUTHORED_BY, "a2", writer),
            link(LinkType.MENTIONS, "a1", evil),
            link(LinkType.MENTIONS, "a1", ministry),
            link(LinkType.MENTIONS, "a2", zurich),
        ),
    )


def chain_graph(count: int, *, parent=lambda i: i - 1) -> KnowledgeGraph:
    """Persons 0..count-1, each MET_WITH its parent; one article that mentions person 0."""
    people = [entity(f"p{i}", EntityType.PERSON, f"Person {i}") for i in range(count)]
    people[0] = entity("p0", EntityType.PERSON, "José Núñez", aliases=("Nunez",))
    relations = tuple(
        relation(f"r{i}", RelationType.MET_WITH, people[parent(i)], people[i],
                 (evidence(f"v{i}", "a0", f"Meeting {i}."),), ("Wire",))
        for i in range(1, count)
    )
    return KnowledgeGraph(
        articles=(article("a0", "The article", "Wire"),),
        entities=tuple(people),
        relations=relations,
        links=(link(LinkType.MENTIONS, "a0", people[0]),),
    )


def datasets(page: str) -> tuple[list[dict], list[dict]]:
    def load(name: str) -> list[dict]:
        found = re.findall(rf"{name} = new vis\.DataSet\((.*?)\);\n", page)
        assert len(found) == 1
        return json.loads(found[0])

    return load("nodes"), load("edges")


def embedded(page: str) -> dict:
    """The page's JSON block: the pool's nodes and edges not drawn yet, and the details."""
    found = re.findall(r'<script type="application/json" id="ng-data">(.*?)</script>', page, re.DOTALL)
    assert len(found) == 1
    return json.loads(found[0])


def all_nodes(page: str) -> list[dict]:
    """Drawn and pooled nodes."""
    return datasets(page)[0] + embedded(page)["nodes"]


class Tags(HTMLParser):
    """Every start tag of a page, as a browser's tokenizer would see it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def start_tags(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Tags()
    parser.feed(page)
    parser.close()
    return parser.tags


def render(graph: KnowledgeGraph, tmp_path: Path, **options) -> tuple[PageSummary, str]:
    summary = render_page(graph, tmp_path / "page.html", **options)
    return summary, summary.path.read_text(encoding="utf-8")


def test_page_is_one_self_contained_file(tmp_path: Path) -> None:
    out = tmp_path / "deep" / "graph.html"
    out.parent.mkdir()
    out.write_text("old page", encoding="utf-8")

    summary = render_page(chain_graph(5), out)
    page = out.read_text(encoding="utf-8")

    assert summary.path == out
    assert page.count("<html") == 1
    assert re.search(r"""\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.IGNORECASE) is None
    assert re.search(r"<link[^>]*stylesheet[^>]*https?://", page, re.IGNORECASE) is None
    assert re.search(r"@import\s+url\(\s*['\"]?https?:", page, re.IGNORECASE) is None
    assert "bootstrap" not in page.lower()
    assert [p.name for p in out.parent.iterdir()] == ["graph.html"]  # no temp file left behind


def test_text_that_looks_like_a_url_loads_nothing(hostile_graph: KnowledgeGraph, tmp_path: Path) -> None:
    _, page = render(hostile_graph, tmp_path)

    assert page.count("<html") == 1
    assert all("src" not in attrs and "href" not in attrs for _, attrs in start_tags(page))
    zurich = next(n for n in all_nodes(page) if n["id"] == "el1")
    assert zurich["aliases"] == [LOOKS_LIKE_A_URL]  # kept as data, searchable
    assert "x src=//evil.example/a.js &#104;ref=https://evil.example" in zurich["title"]


def test_the_page_opens_on_actors_and_holds_the_articles(hostile_graph: KnowledgeGraph, tmp_path: Path) -> None:
    summary, page = render(hostile_graph, tmp_path)
    nodes, edges = datasets(page)
    pooled = embedded(page)

    # the actors (with relations or statements); the rest waits, on the page, until asked for
    assert {n["id"] for n in nodes} == {"ep1", "eg1", "eo2"} and summary.nodes == 3
    assert {e["id"] for e in edges} == {r.id for r in hostile_graph.relations} and summary.edges == 3
    assert {n["id"] for n in pooled["nodes"]} == {"a1", "a2", "eo1", "ep2", "el1"} and summary.pool == 8
    assert {e["rtype"] for e in pooled["edges"]} == {"PUBLISHED_BY", "AUTHORED_BY"}
    assert pooled["details"]["mentions"] == {"ep1": ["a1"], "eg1": ["a1"], "el1": ["a2"]}


def test_drawn_nodes_and_edges_match_the_graph(hostile_graph: KnowledgeGraph, tmp_path: Path) -> None:
    summary, page = render(hostile_graph, tmp_path, via_articles=True)  # articles drawn too
    nodes, edges = datasets(page)

    drawn_links = [lk for lk in hostile_graph.links if lk.type is not LinkType.MENTIONS]
    assert len(nodes) == summary.nodes == len(hostile_graph.entities) + len(hostile_graph.articles)
    assert len(edges) == summary.edges == len(hostile_graph.relations) + len(drawn_links)
    assert summary.nodes_in_graph == summary.nodes and not summary.truncated
    assert {n["id"] for n in nodes} == {e.id for e in hostile_graph.entities} | {"a1", "a2"}
    assert {n["label"] for n in nodes} >= {HOSTILE_NAME, "Zürich"}  # exact text, drawn on canvas

    by_id = {e["id"]: e for e in edges}
    assert by_id["r1"]["arrows"]["to"]["enabled"] is False  # MET_WITH is symmetric
    assert by_id["r2"]["arrows"]["to"]["enabled"] is True
    assert by_id["r2"]["corroboration"] == 2 and by_id["r1"]["corroboration"] == 1
    assert by_id["r2"]["width"] > by_id["r1"]["width"]
    assert by_id["r2"]["outlets"] == [HOSTILE_OUTLET, "Second Wire"]
    assert {e["rtype"] for e in edges if e["kind"] == "link"} == {"PUBLISHED_BY", "AUTHORED_BY"}

    shapes = {n["ntype"]: n["shape"] for n in nodes}
    assert shapes["Article"] == "square" and shapes["Outlet"] == "diamond"
    assert len({shapes["Person"], shapes["Article"], shapes["Outlet"]}) == 3
    assert 'id="ng-legend"' in page and "PUBLISHED_BY / AUTHORED_BY" in page


def test_hostile_strings_never_reach_the_page_raw(hostile_graph: KnowledgeGraph, tmp_path: Path) -> None:
    _, page = render(hostile_graph, tmp_path, title=f"Graph {SCRIPT_BREAK}{IMG_ONERROR}")

    assert "</script><script>window.__pwned" not in page
    assert 'onerror="window.__pwned' not in page
    assert "<img src=x" not in page
    tags = start_tags(page)
    assert not [tag for tag, _ in tags if tag == "img"]
    assert not [attrs for _, attrs in tags if any(name.startswith("on") for name in attrs)]
    scripts = [attrs for tag, attrs in tags if tag == "script"]
    assert len(scripts) == 6  # pyvis utils, vis-network, pyvis's graph, the page's data, page.js, panel.js
    assert f"<title>Graph {html.escape(SCRIPT_BREAK, quote=True)}" in page

    nodes, edges = datasets(page)  # the data itself arrives intact
    evil = next(n for n in nodes if n["id"] == "ep1")
    assert evil["label"] == HOSTILE_NAME
    assert html.escape(HOSTILE_ALIAS, quote=True) in evil["title"]
    for item in nodes + edges:
        assert "<img" not in item["title"] and "<script" not in item["title"].lower()

    data_block = page.split('id="ng-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data_block and ">" not in data_block and "&" not in data_block
    details = embedded(page)["details"]  # and the panel's data arrives intact, as text
    assert details["entities"]["ep1"]["name"] == HOSTILE_NAME
    assert details["entities"]["ep1"]["aliases"] == [HOSTILE_ALIAS]
    assert details["articles"]["a1"]["title"] == HOSTILE_TITLE
    assert details["relations"]["r1"]["evidence"][0] == {
        "sentence": HOSTILE_SENTENCE, "quote": HOSTILE_QUOTE, "direct": True, "article": "a1"}


def test_edge_tooltip_shows_evidence_with_article_and_outlet(
    hostile_graph: KnowledgeGraph, tmp_path: Path
) -> None:
    _, page = render(hostile_graph, tmp_path, via_articles=True)
    _, edges = datasets(page)
    tooltip = next(e for e in edges if e["id"] == "r1")["title"]

    assert html.escape(HOSTILE_SENTENCE, quote=True) in tooltip
    assert html.escape(HOSTILE_QUOTE, quote=True) in tooltip
    assert html.escape(HOSTILE_TITLE, quote=True) in tooltip
    assert html.escape(HOSTILE_OUTLET, quote=True) in tooltip

    accused = next(e for e in edges if e["id"] == "r2")["title"]
    assert "A calm report (Second Wire)" in accused and "The ministry accused him again." in accused


def test_long_evidence_lists_are_cut_in_the_tooltip(tmp_path: Path) -> None:
    graph = chain_graph(2)
    many = tuple(evidence(f"w{i}", "a0", f"Sentence number {i}.") for i in range(MAX_TOOLTIP_EVIDENCE + 3))
    graph = graph.model_copy(update={"relations": (graph.relations[0].model_copy(update={"evidence": many}),)})

    _, page = render(graph, tmp_path)
    tooltip = datasets(page)[1][0]["title"]

    assert tooltip.count("<li>") == MAX_TOOLTIP_EVIDENCE
    assert "\u2026 and 3 more" in tooltip
    assert f"Sentence number {MAX_TOOLTIP_EVIDENCE}." not in tooltip


def test_page_has_the_filters_and_search(hostile_graph: KnowledgeGraph, tmp_path: Path) -> None:
    _, page = render(hostile_graph, tmp_path)
    tags = start_tags(page)
    inputs = [attrs for tag, attrs in tags if tag == "input"]

    assert {a["value"] for a in inputs if a.get("name") == "ng-type"} == {
        "Person", "Government", "Outlet", "Location", "Article",
    }
    assert {a["value"] for a in inputs if a.get("name") == "ng-rel"} == {
        "MET_WITH", "ACCUSED", "QUOTED_BY", "PUBLISHED_BY", "AUTHORED_BY", "MENTIONS",
    }
    options = [attrs.get("value") for tag, attrs in tags if tag == "option"]
    assert HOSTILE_OUTLET in options and "Second Wire" in options  # decoded, so escaped in the page
    assert any(a.get("id") == "ng-minc" and a.get("type") == "number" for a in inputs)
    assert any(a.get("id") == "ng-search" for a in inputs)
    assert 'network.once("stabilizationIterationsDone"' in page
    assert '"iterations": 200' in page


def test_around_keeps_only_the_neighbourhood(tmp_path: Path) -> None:
    graph = chain_graph(6)

    summary, page = render(graph, tmp_path, around="JOSE NUNEZ", depth=2, include_articles=False)
    nodes, edges = datasets(page)
    assert {n["id"] for n in nodes} == {"p0", "p1", "p2"}
    assert {e["id"] for e in edges} == {"r1", "r2"}
    assert summary.nodes_in_graph == 6 and not summary.truncated
    assert "Neighbourhood of José Núñez within 2 hop(s) over evidence-backed relations" in page

    _, page = render(graph, tmp_path, around="nunez", depth=1)  # by alias; over relations only
    assert {n["id"] for n in datasets(page)[0]} == {"p0", "p1"}
    _, page = render(graph, tmp_path, around="nunez", depth=1, via_articles=True)  # the article is 1 hop
    assert {n["id"] for n in datasets(page)[0]} == {"p0", "p1", "a0"}
    assert "over relations and the articles that mention them" in page


def test_around_walks_through_articles_only_when_asked(tmp_path: Path) -> None:
    graph = chain_graph(3)  # p0 - p1 - p2 by relations; the article mentions p0 and, here, a loner
    loner = entity("m1", EntityType.PERSON, "Only Mentioned")
    graph = graph.model_copy(update={"entities": graph.entities + (loner,),
                                     "links": graph.links + (link(LinkType.MENTIONS, "a0", loner),)})

    _, page = render(graph, tmp_path, around="José Núñez", depth=2)
    assert {n["id"] for n in datasets(page)[0]} == {"p0", "p1", "p2"}
    _, page = render(graph, tmp_path, around="José Núñez", depth=2, via_articles=True)
    assert {n["id"] for n in datasets(page)[0]} == {"p0", "p1", "p2", "a0", "m1"}  # co-mentioned


def test_around_an_unknown_name_suggests_close_ones(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="José Núñez") as raised:
        render_page(chain_graph(4), tmp_path / "page.html", around="Jose Nunes")
    assert "Jose Nunes" in str(raised.value)
    assert not (tmp_path / "page.html").exists()


def test_the_page_opens_on_the_most_connected_actors(tmp_path: Path) -> None:
    graph = chain_graph(300, parent=lambda i: int(i**0.5))  # low ids have the most neighbours
    degree = Counter(end for r in graph.relations for end in (r.source, r.target))

    summary, page = render(graph, tmp_path, top=50)
    nodes, edges = datasets(page)

    assert summary.truncated and summary.nodes == len(nodes) == 50
    assert summary.nodes_in_graph == 301 and summary.pool == 301  # the rest is on the page, to expand to
    assert "Showing 50 of 300 nodes, most connected first; 301 are on the page" in page
    drawn = {n["id"] for n in nodes}
    left_out = {e.id for e in graph.entities} - drawn
    assert min(degree[n] for n in drawn) >= max(degree[n] for n in left_out)
    assert {"p1", "p2", "p3"} <= drawn
    assert all(e["from"] in drawn and e["to"] in drawn for e in edges)
    pooled = embedded(page)
    assert {n["id"] for n in pooled["nodes"]} == left_out | {"a0"}
    assert all(not {e["from"], e["to"]} <= drawn for e in pooled["edges"])
    assert len(pooled["details"]["relations"]) == len(graph.relations)  # every one, for the panel

    summary, page = render(graph, tmp_path, top=50, max_nodes=80)  # the page holds 80 entities
    assert summary.pool == 80 and len(all_nodes(page)) == 80  # not p0 (no relation), so not its article


def test_without_articles_no_article_nodes_or_links(hostile_graph: KnowledgeGraph, tmp_path: Path) -> None:
    summary, page = render(hostile_graph, tmp_path, include_articles=False)
    nodes, edges = datasets(page)

    assert {n["ntype"] for n in all_nodes(page)} == {"Person", "Government", "Outlet", "Location"}
    assert {e["kind"] for e in edges} == {"relation"} and summary.edges == 3


def test_inputs_are_not_mutated(hostile_graph: KnowledgeGraph, tmp_path: Path) -> None:
    before = hostile_graph.model_dump()
    render(hostile_graph, tmp_path, around="Ministry of Tests", depth=1, max_nodes=3)
    assert hostile_graph.model_dump() == before


def test_bad_options_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="max_nodes"):
        render_page(chain_graph(3), tmp_path / "p.html", max_nodes=0)
    with pytest.raises(ValueError, match="top"):
        render_page(chain_graph(3), tmp_path / "p.html", top=0)
    with pytest.raises(ValueError, match="depth"):
        render_page(chain_graph(3), tmp_path / "p.html", depth=-1)


def test_href_in_a_title_keeps_the_normal_tooltips(tmp_path: Path) -> None:
    graph = chain_graph(2)
    graph = graph.model_copy(update={"articles": (article("a0", 'Using <a href="x"> links', "Wire"),)})

    _, page = render(graph, tmp_path)
    tooltip = next(n for n in all_nodes(page) if n["id"] == "a0")["title"]

    assert "popup.className" not in page  # pyvis's link popup hides every vis tooltip
    assert "href" not in tooltip and "&lt;a &#104;ref=&quot;x&quot;&gt;" in tooltip


def test_nodes_with_drawn_edges_come_before_mentioned_ones(tmp_path: Path) -> None:
    graph = chain_graph(4)  # p0..p3 in a chain of MET_WITH
    loners = tuple(entity(f"m{i}", EntityType.PERSON, f"Mentioned {i}") for i in range(6))
    articles = tuple(article(f"x{i}", f"Mentions all {i}", None) for i in range(3))
    mentions = tuple(link(LinkType.MENTIONS, a.id, m) for a in articles for m in loners)
    graph = graph.model_copy(update={
        "entities": graph.entities + loners, "articles": graph.articles + articles,
        "links": graph.links + mentions,
    })  # the articles and the mentioned people have more links (mentions), but none is drawn

    summary, page = render(graph, tmp_path, top=4)
    assert summary.truncated and {n["id"] for n in datasets(page)[0]} == {"p0", "p1", "p2", "p3"}


def test_a_large_page_starts_with_lonely_nodes_hidden(tmp_path: Path) -> None:
    graph = chain_graph(320)
    loners = tuple(entity(f"m{i}", EntityType.ORGANIZATION, f"Lonely {i}") for i in range(5))
    graph = graph.model_copy(update={"entities": graph.entities + loners})

    _, page = render(graph, tmp_path, top=400, via_articles=True)
    lonely_box = next(a for tag, a in start_tags(page) if tag == "input" and a.get("id") == "ng-lonely")
    assert "checked" in lonely_box
    assert "6 nodes without edges on this page are hidden" in page  # the five loners and the article
    assert '"theta": 0.9' in page and '"updateInterval": 10' in page

    _, page = render(chain_graph(20), tmp_path)
    lonely_box = next(a for tag, a in start_tags(page) if tag == "input" and a.get("id") == "ng-lonely")
    assert "checked" not in lonely_box and "without edges on this page" not in page
    assert "box.defaultChecked" in page  # reset goes back to the page's own default


def test_edges_between_the_same_nodes_get_their_own_curves(hostile_graph: KnowledgeGraph, tmp_path: Path) -> None:
    _, page = render(hostile_graph, tmp_path)  # r1 ep1->eg1 MET_WITH and r2 eg1->ep1 ACCUSED
    edges = {e["id"]: e for e in datasets(page)[1]}

    r1, r2 = edges["r1"]["smooth"], edges["r2"]["smooth"]
    assert r1["enabled"] and r2["enabled"] and r1["roundness"] == r2["roundness"] > 0
    # opposite directions, so the same turn would put them on the same side: they turn opposite ways
    assert r1["type"] == r2["type"]
    assert "smooth" not in edges["r3"]

    three = hostile_graph.relations[0].model_copy(update={"id": "r9", "type": RelationType.ACCUSED})
    graph = hostile_graph.model_copy(update={"relations": hostile_graph.relations + (three,)})
    _, page = render(graph, tmp_path)
    smooth = [e["smooth"] for e in datasets(page)[1] if e["id"] in ("r1", "r2", "r9")]
    assert sum(1 for s in smooth if not s["enabled"]) == 1  # the middle one of three is straight


def test_iframe_html_embeds_the_page_sandboxed(hostile_graph: KnowledgeGraph, tmp_path: Path) -> None:
    from newsgraph.views.page import iframe_html

    summary, page = render(hostile_graph, tmp_path)
    embedded = iframe_html(summary.path, height=500)

    tags = start_tags(embedded)
    assert [tag for tag, _ in tags] == ["div", "iframe"]  # everything else is inside the attribute
    frame = tags[1][1]
    assert frame["sandbox"] == "allow-scripts" and "height: 500px" in frame["style"]
    assert frame["srcdoc"] == page


# --- a named query's result ----------------------------------------------------------------


def query_graph() -> KnowledgeGraph:
    """Two entities called "Venezuela" (a government and a place), a meeting, a quote, an article."""
    trump = entity("p1", EntityType.PERSON, "Donald Trump")
    maduro = entity("p2", EntityType.PERSON, "Nicolás Maduro")
    caracas = entity("g1", EntityType.GOVERNMENT, "Venezuela")
    place = entity("l1", EntityType.LOCATION, "Venezuela")
    times = entity("o1", EntityType.OUTLET, "The New York Times")
    wire = entity("o2", EntityType.OUTLET, "Wire")
    return KnowledgeGraph(
        articles=(article("a1", "Talks in Caracas", "Wire"),),
        entities=(trump, maduro, caracas, place, times, wire),
        relations=(
            relation("r1", RelationType.MET_WITH, trump, caracas, (evidence("v1", "a1", "Trump met Venezuela."),),
                     ("Wire",)),
            relation("r2", RelationType.QUOTED_BY, maduro, times,
                     (evidence("v2", "a1", "Maduro told the Times: no.", quote="no"),), ("Wire",)),
        ),
        statements=(Statement(id="s1", text="no", speaker="p2", speaker_label=NodeLabel.PERSON, kind="speech",
                              receiver="o1", evidence=(evidence("v2", "a1", "Maduro told the Times: no.", quote="no"),),
                              outlets=("Wire",)),),
        links=(
            link(LinkType.PUBLISHED_BY, "a1", wire),
            link(LinkType.MENTIONS, "a1", trump),
            link(LinkType.MENTIONS, "a1", maduro),
            link(LinkType.MENTIONS, "a1", place),
            Link(type=LinkType.REPORTS, source="a1", target="s1", target_label=NodeLabel.STATEMENT),
            Link(type=LinkType.SAID, source="p2", source_label=NodeLabel.PERSON, target="s1",
                 target_label=NodeLabel.STATEMENT),
        ),
    )


def test_query_nodes_reads_names_from_the_rows_columns() -> None:
    from newsgraph.views.page import query_nodes

    graph = query_graph()
    met_with = [{"a": "Donald Trump", "a_type": "Person", "b": "Venezuela", "b_type": "Government",
                 "corroboration": 1, "outlets": ["Wire"], "articles": 1, "sentences": ["Trump met Venezuela."]}]
    assert query_nodes(graph, met_with).nodes == {"p1", "g1"}  # the type column picks the government

    untyped = [{"relation": "MET_WITH", "source": "Donald Trump", "target": "Venezuela", "status": None,
                "outlet_a_sentences": ["Donald Trump said it."], "outlet_b_sentences": []}]
    assert query_nodes(graph, untyped).nodes == {"p1", "g1", "l1"}  # no type column: every "Venezuela"

    path = [{"hops": 2, "nodes": ["Donald Trump", "Talks in Caracas", "Nicolás Maduro"],
             "node_types": ["Person", "Article", "Person"], "relationships": ["MENTIONS", "MENTIONS"]}]
    assert query_nodes(graph, path).nodes == {"p1", "a1", "p2"}  # lists, and article titles

    quoted = [{"speaker": "Nicolás Maduro", "speaker_type": "Person", "outlet": "The New York Times",
               "quote": "Wire", "direct": True, "article": "Talks in Caracas"}]
    assert query_nodes(graph, quoted).nodes == {"p2", "o1", "a1"}  # a quote is text, not a name

    central = [{"entity": "Venezuela", "type": "Location", "degree": 3, "neighbours": 2, "articles": 1}]
    assert query_nodes(graph, central).nodes == {"l1"}

    ghost = query_nodes(graph, [{"a": "Nobody", "a_type": "Person", "b": None, "b_type": None}])
    assert ghost.nodes == frozenset() and ghost.unmatched == ("Nobody",)
    assert query_nodes(graph, []).nodes == frozenset()


@pytest.fixture()
def query_store(tmp_path: Path):
    from newsgraph.store.embedded import EmbeddedStore

    store = EmbeddedStore(tmp_path / "home")
    store.write(query_graph())
    return store


def test_draw_query_runs_the_named_query_with_its_parameters(query_store) -> None:
    from newsgraph.queries import NoSuchNode, QueryParameterError, UnknownQuery
    from newsgraph.views.page import draw_query

    graph = query_store.load()
    drawing = draw_query(query_store, graph, "met_with", entity="donald trump")  # names resolved as `query` does
    assert drawing.rows == 1 and drawing.nodes == {"p1", "g1"}
    assert drawing.describe() == "Query met_with (entity = \u201cdonald trump\u201d, modality = asserted [default]): 1 row naming 2 node(s)"

    defaults = draw_query(query_store, graph, "corroborated")
    assert defaults.params == (("min_outlets", "2 [default]"), ("modality", "asserted [default]")) and defaults.rows == 0
    assert defaults.describe() == ("Query corroborated (min_outlets = 2 [default], modality = asserted [default]): "
                                   "no rows, nothing to draw")
    assert draw_query(query_store, graph, "corroborated", min_outlets="1").rows == 3  # two relations and the statement

    with pytest.raises(UnknownQuery):
        draw_query(query_store, graph, "nope")
    with pytest.raises(QueryParameterError):
        draw_query(query_store, graph, "meetings_of")
    with pytest.raises(NoSuchNode):
        draw_query(query_store, graph, "meetings_of", entity="Nobody Atall")


def test_a_query_page_draws_the_named_nodes_and_the_relations_among_them(query_store, tmp_path: Path) -> None:
    from newsgraph.views.page import draw_query

    graph = query_store.load()
    drawing = draw_query(query_store, graph, "quoted_by", entity="Nicolás Maduro")
    summary, page = render(graph, tmp_path, query=drawing)
    nodes, edges = datasets(page)

    # Maduro, the article, the outlet that published it and the one he gave his words to
    assert {n["id"] for n in nodes} == {"p2", "o1", "o2", "a1"} == set(drawing.nodes)
    assert summary.nodes_in_graph == 7 and not summary.truncated  # the statement is shown with its speaker
    # the quote, and the article's mention of Maduro: on a query page a MENTIONS link is drawn
    # where nothing else joins an article and an entity (a shortest connection may run through it)
    assert {e["id"] for e in edges} == {"r2", "MENTIONS:a1:p2", "PUBLISHED_BY:a1:o2"}
    assert "Query quoted_by (entity = \u201cNicolás Maduro\u201d, limit = 100 [default]): 1 row naming 4 node(s)" in page
    assert "PUBLISHED_BY / AUTHORED_BY / MENTIONS" in page

    path = draw_query(query_store, graph, "shortest_connection", source="Donald Trump", target="Nicolás Maduro")
    _, page = render(graph, tmp_path, query=path)
    assert {e["id"] for e in datasets(page)[1]} == {"MENTIONS:a1:p1", "MENTIONS:a1:p2"}

    _, page = render(graph, tmp_path)  # the whole graph: mentions are never drawn
    assert not [e for e in datasets(page)[1] if e["rtype"] == "MENTIONS"]


def test_a_query_without_rows_draws_an_empty_page_that_says_so(query_store, tmp_path: Path) -> None:
    from newsgraph.views.page import draw_query

    graph = query_store.load()
    summary, page = render(graph, tmp_path, query=draw_query(query_store, graph, "sanctions"))
    assert summary.nodes == summary.edges == 0 and datasets(page) == ([], [])
    assert "Query sanctions (modality = asserted [default]): no rows, nothing to draw" in page


def test_around_and_query_do_not_mix(query_store, tmp_path: Path) -> None:
    from newsgraph.views.page import draw_query

    graph = query_store.load()
    with pytest.raises(ValueError, match="not both"):
        render_page(graph, tmp_path / "p.html", around="Donald Trump",
                    query=draw_query(query_store, graph, "met_with"))


def test_query_page_text_is_escaped(tmp_path: Path) -> None:
    from newsgraph.views.page import QueryDrawing

    drawing = QueryDrawing("met_with", (("entity", f"\u201c{SCRIPT_BREAK}\u201d"),), 1, frozenset({"p0"}))
    _, page = render(chain_graph(3), tmp_path, query=drawing)
    assert "</script><script>window.__pwned" not in page
    assert html.escape(SCRIPT_BREAK, quote=True) in page
