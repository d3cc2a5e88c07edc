"""The page's embedded data: escaped for a script block, complete for the details panel,
verified edges marked, the same layout on every load."""

from __future__ import annotations

import json
from pathlib import Path

from newsgraph.model.graph import EntityType, KnowledgeGraph, Link, LinkType, NodeLabel, RelationType, Statement
from newsgraph.views.page import render_page
from newsgraph.views.page.embed import script_json

from .test_viz import article, chain_graph, datasets, embedded, entity, evidence, link, relation


def test_script_json_cannot_end_its_script_block_and_reads_back_the_same() -> None:
    value = {"t": "a </script><script>alert(1)</script> <!-- x --> & \u2028line\u2029 \u00e9", "n": [1, None]}
    text = script_json(value)
    assert "</script" not in text.lower() and "<!--" not in text and "<" not in text and ">" not in text
    assert "&" not in text and "\u2028" not in text and "\u2029" not in text
    assert "\\u2028" in text and "\u00e9" in text  # other text kept as it is
    assert json.loads(text) == value


def _graph_with_statements() -> KnowledgeGraph:
    ann = entity("p1", EntityType.PERSON, "Ann Lee", aliases=("Ms Lee",))
    bob = entity("p2", EntityType.PERSON, "Bob Ray")
    wire = article("a1", "Talks end", "Wire").model_copy(update={"url": "https://news.example/talks",
                                                                "published": "2016-01-05"})
    other = article("a2", "Second story", None).model_copy(update={"url": "javascript:alert(1)"})
    items = tuple(evidence(f"v{i}", "a1" if i % 2 else "a2", f"Ann met Bob, sentence {i}.") for i in range(12))
    met = relation("r1", RelationType.MET_WITH, ann, bob, items, ("Wire",))
    checked = relation("r2", RelationType.ACCUSED, bob, ann, (evidence("v20", "a1", "Bob accused Ann."),), ("Wire",))
    said = Statement(id="s1", text="We will talk again", speaker="p1", speaker_label=NodeLabel.PERSON, kind="speech",
                     cue="said", evidence=(evidence("v30", "a1", "Ann said: we will talk again.",
                                                    quote="We will talk again"),
                                           evidence("v31", "a2", "Ann said they would talk again.",
                                                    quote="they would talk again")),
                     outlets=("Wire",), first_seen="2016-01-05", last_seen="2016-01-05")
    return KnowledgeGraph(
        articles=(wire, other), entities=(ann, bob),
        relations=(met, checked.model_copy(update={"verified": True})), statements=(said,),
        links=(link(LinkType.MENTIONS, "a1", ann), link(LinkType.MENTIONS, "a2", ann),
               link(LinkType.MENTIONS, "a1", bob),
               Link(type=LinkType.SAID, source="p1", source_label=NodeLabel.PERSON, target="s1",
                    target_label=NodeLabel.STATEMENT)),
    )


def test_the_details_hold_every_sentence_statement_and_article(tmp_path: Path) -> None:
    page = render_page(_graph_with_statements(), tmp_path / "p.html").path.read_text(encoding="utf-8")
    details = embedded(page)["details"]

    assert len(details["relations"]["r1"]["evidence"]) == 12  # the tooltip shows 8, the panel all
    assert details["relations"]["r2"]["verified"] is True and details["relations"]["r1"]["verified"] is False
    said = details["statements"]["s1"]
    assert said["speaker"] == "p1" and said["text"] == "We will talk again" and said["cue"] == "said"
    # the wording is kept where an article's differs from the statement's
    assert said["evidence"] == [
        {"sentence": "Ann said: we will talk again.", "article": "a1"},
        {"sentence": "Ann said they would talk again.", "article": "a2", "quote": "they would talk again",
         "direct": True},
    ]
    assert details["articles"]["a1"] == {"title": "Talks end", "outlet": "Wire", "author": None,
                                         "published": "2016-01-05", "url": "https://news.example/talks",
                                         "path": "in/a1.txt"}
    assert details["mentions"] == {"p1": ["a1", "a2"], "p2": ["a1"]}
    assert details["entities"]["p1"] == {"name": "Ann Lee", "type": "Person", "aliases": ["Ms Lee"],
                                         "mentions": 2, "articles": 1}


def test_a_verified_relation_is_drawn_wider_solid_and_marked(tmp_path: Path) -> None:
    graph = _graph_with_statements()
    planned = graph.relations[1].model_copy(update={"type": RelationType.MET_WITH, "id": "r3"})
    from newsgraph.model.graph import Modality

    graph = graph.model_copy(update={"relations": graph.relations + (
        planned.model_copy(update={"modality": Modality.PLANNED}),
        planned.model_copy(update={"id": "r4", "modality": Modality.PLANNED, "verified": False}))})
    page = render_page(graph, tmp_path / "p.html").path.read_text(encoding="utf-8")
    edges = {e["id"]: e for e in datasets(page)[1]}

    assert edges["r2"]["label"] == "ACCUSED \u2714" and edges["r2"]["verified"] is True
    assert edges["r3"]["label"] == "MET_WITH (planned) \u2714" and edges["r3"]["dashes"] is False
    assert edges["r4"]["label"] == "MET_WITH (planned)" and edges["r4"]["dashes"] is True
    assert edges["r3"]["width"] > edges["r4"]["width"]  # the same outlets, one of them verified
    assert "verified by a person" in page  # the legend says what the mark means


def test_the_layout_is_seeded_and_the_page_the_same_on_every_build(tmp_path: Path) -> None:
    graph = chain_graph(30)
    first = render_page(graph, tmp_path / "one.html").path.read_text(encoding="utf-8")
    second = render_page(graph, tmp_path / "two.html").path.read_text(encoding="utf-8")
    assert first == second
    assert '"randomSeed": 7' in first
    assert '"drawThreshold": 9' in first  # small labels are not drawn when zoomed out


def test_nodes_are_sized_by_how_connected_they_are(tmp_path: Path) -> None:
    graph = chain_graph(5, parent=lambda i: 0)  # a star around p0
    nodes = {n["id"]: n for n in datasets(render_page(graph, tmp_path / "p.html").path.read_text("utf-8"))[0]}
    assert nodes["p0"]["value"] == 5 and nodes["p1"]["value"] == 2
    assert "size" not in nodes["p0"]  # vis scales size and label from the value
