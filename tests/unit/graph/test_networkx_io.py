"""The networkx conversion and its file exports (node-link JSON, GraphML)."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from newsgraph.model.graph import KnowledgeGraph
from newsgraph.views.networkx_io import node_link_json, to_networkx, write_gexf, write_graphml


@pytest.fixture
def graph(mk) -> KnowledgeGraph:
    # 2 articles, 6 entities, 5 relations (one CITES from an article), 5 links (3 MENTIONS)
    return mk.small_graph()


@pytest.mark.parametrize(
    ("kwargs", "nodes", "edges"),
    [
        (dict(), 10, 15),
        (dict(mentions=False), 10, 12),
        (dict(articles=False), 8, 6),  # statements stay, and what their speakers SAID
        (dict(articles=False, mentions=False), 8, 6),
    ],
)
def test_node_and_edge_counts(graph, kwargs, nodes, edges):
    g = to_networkx(graph, **kwargs)
    assert isinstance(g, nx.MultiDiGraph)
    assert (g.number_of_nodes(), g.number_of_edges()) == (nodes, edges)


def test_without_articles_no_article_node_appears(graph):
    g = to_networkx(graph, articles=False)
    assert {attrs["type"] for _, attrs in g.nodes(data=True)} == {
        "Person", "Government", "Organization", "Outlet", "Location", "Statement"}
    assert "aA" not in g and "aB" not in g
    assert all(attrs["type"] != "CITES" for *_, attrs in g.edges(data=True))


def test_without_mentions_keeps_metadata_links(graph):
    g = to_networkx(graph, mentions=False)
    types = sorted(attrs["type"] for *_, attrs in g.edges(data=True))
    assert "MENTIONS" not in types
    assert types.count("PUBLISHED_BY") == 1 and types.count("AUTHORED_BY") == 1


def test_node_attributes(graph):
    g = to_networkx(graph)
    assert g.nodes["ePer1"] == {"label": "Nicolás Maduro", "type": "Person", "name": "Nicolás Maduro", "aliases": ["Maduro", "Nicolas Maduro"],
                                "mention_count": 5, "article_count": 2}
    article = g.nodes["aA"]
    assert article["type"] == "Article" and article["label"] == article["name"] == "Leaders meet"
    assert article["outlet"] == "Daily Planet" and article["chars"] == 1200
    assert g.nodes["aB"]["outlet"] is None


def test_relation_edge_attributes(graph):
    g = to_networkx(graph)
    met = g.edges["eGov1", "ePer1", "r1"]
    assert met["type"] == "MET_WITH" and met["symmetric"] is True and met["status"] is None
    assert met["corroboration"] == 1 and met["outlets"] == ["Daily Planet"]
    assert [e["id"] for e in met["evidence"]] == ["v1", "v2"]
    assert met["evidence"][0] == next(r for r in graph.relations if r.id == "r1").evidence[0].model_dump()
    sanction = g.edges["eGov1", "ePer1", "r2"]
    assert sanction["type"] == "SANCTIONED" and sanction["status"] == "threatened" and sanction["symmetric"] is False
    quoted = g.edges["ePer1", "eOut1", "r3"]
    assert [(e["quote"], e["direct"]) for e in quoted["evidence"]] == [("We will win", True),
                                                                        ("that they would win", False)]
    assert g.edges["aA", "eOrg1", "r4"]["type"] == "CITES"
    accused = g.edges["eOrg1", "eGov1", "r5"]
    assert accused["corroboration"] == 0 and accused["outlets"] == []


def test_link_edge_attributes(graph):
    g = to_networkx(graph)
    assert g.edges["aA", "eGov1", "MENTIONS"] == {"type": "MENTIONS", "count": 3}
    assert g.edges["aA", "eOut1", "PUBLISHED_BY"] == {"type": "PUBLISHED_BY", "count": 1}
    assert g.edges["aA", "ePer2", "AUTHORED_BY"]["type"] == "AUTHORED_BY"


def test_input_is_not_mutated(graph, mk):
    before = graph.model_dump()
    g = to_networkx(graph)
    g.nodes["ePer1"]["aliases"].append("changed")
    g.edges["eGov1", "ePer1", "r1"]["evidence"][0]["sentence"] = "changed"
    g.edges["eGov1", "ePer1", "r1"]["outlets"].clear()
    assert graph.model_dump() == before
    assert graph == mk.small_graph()
    assert to_networkx(graph).edges["eGov1", "ePer1", "r1"]["outlets"] == ["Daily Planet"]


def test_empty_graph():
    g = to_networkx(KnowledgeGraph())
    assert (g.number_of_nodes(), g.number_of_edges()) == (0, 0)


def test_node_link_json_uses_edges_key(graph):
    text = node_link_json(graph)
    data = json.loads(text)
    assert "edges" in data and "links" not in data
    assert len(data["nodes"]) == 10 and len(data["edges"]) == 15
    assert data["directed"] is True and data["multigraph"] is True
    assert "Nicolás Maduro" in text and "ünïcode" in text  # not \u-escaped
    edge = next(e for e in data["edges"] if e["key"] == "r3")
    assert (edge["source"], edge["target"]) == ("ePer1", "eOut1")
    assert edge["evidence"][0]["quote"] == "We will win"
    back = nx.node_link_graph(data, edges="edges")
    assert (back.number_of_nodes(), back.number_of_edges()) == (10, 15)


def test_graphml_rereads_and_lists_are_json_strings(graph, tmp_path):
    out = tmp_path / "graph.graphml"
    write_graphml(graph, out)
    g = nx.read_graphml(out)
    assert (g.number_of_nodes(), g.number_of_edges()) == (10, 15)
    person = g.nodes["ePer1"]
    assert isinstance(person["aliases"], str)
    assert json.loads(person["aliases"]) == ["Maduro", "Nicolas Maduro"]
    assert person["mention_count"] == 5
    assert "outlet" not in g.nodes["aB"]  # None is left out
    edges = {key: attrs for _, _, key, attrs in g.edges(keys=True, data=True)}
    met = edges["r1"]
    assert met["type"] == "MET_WITH" and met["symmetric"] is True and "status" not in met
    assert isinstance(met["evidence"], str)
    assert [e["id"] for e in json.loads(met["evidence"])] == ["v1", "v2"]
    assert json.loads(met["outlets"]) == ["Daily Planet"]
    assert edges["r2"]["status"] == "threatened"
    mentions = sorted((u, v, a["count"]) for u, v, k, a in g.edges(keys=True, data=True) if k == "MENTIONS")
    assert mentions == [("aA", "eGov1", 3), ("aA", "eLoc1", 1), ("aB", "ePer1", 2)]
    assert "ünïcode" in out.read_text("utf-8")


def hostile(graph: KnowledgeGraph) -> KnowledgeGraph:
    """The small graph with article text no XML 1.0 document can hold, as untrusted input has."""
    first = graph.entities[0]
    odd = first.model_copy(update={"name": "Evil \x1b]0;owned\x07 Name", "aliases": ("a\x00b", "lone \ud800")})
    return graph.model_copy(update={"entities": (odd, *graph.entities[1:])})


def test_graphml_escapes_what_xml_cannot_hold_and_parses(graph, tmp_path):
    out = tmp_path / "g.graphml"
    write_graphml(hostile(graph), out)
    parsed = nx.read_graphml(out)  # a file with a raw ESC or NUL would not parse
    names = {attrs.get("name") for _, attrs in parsed.nodes(data=True)}
    assert "Evil \\x1b]0;owned\\x07 Name" in names
    aliases = next(attrs["aliases"] for _, attrs in parsed.nodes(data=True) if attrs.get("name", "").startswith("Evil"))
    assert json.loads(aliases) == ["a\x00b", "lone \ud800"]  # JSON-valued attributes stay exact


def test_node_link_json_stays_exact_for_hostile_text(graph):
    text = node_link_json(hostile(graph))
    assert "\x1b" not in text  # JSON escapes C0 controls itself (the CLI escapes the rest: printable.json_safe)
    data = json.loads(text)
    node = next(n for n in data["nodes"] if n.get("name", "").startswith("Evil"))
    assert node["name"] == "Evil \x1b]0;owned\x07 Name" and node["aliases"] == ["a\x00b", "lone \ud800"]


def test_a_failed_graphml_export_leaves_no_partial_file(graph, tmp_path, monkeypatch):
    out = tmp_path / "g.graphml"
    out.write_text("the previous export", encoding="utf-8")

    def disk_full(g, handle, **kwargs):
        handle.write(b"<?xml version='1.0'?><graphml>")  # half a file, then the disk is full
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(nx, "write_graphml", disk_full)
    with pytest.raises(OSError, match="No space"):
        write_graphml(graph, out)
    assert out.read_text(encoding="utf-8") == "the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.graphml"]  # no temporary file left


def test_graphml_nodes_are_labelled_by_name_as_gephi_reads_them(graph, tmp_path):
    out = tmp_path / "graph.graphml"
    write_graphml(graph, out)
    g = nx.read_graphml(out)
    assert g.nodes["ePer1"]["label"] == "Nicolás Maduro" and g.nodes["ePer1"]["type"] == "Person"
    assert g.nodes["aA"]["label"] == "Leaders meet" and g.nodes["aA"]["type"] == "Article"
    names = {e.id: e.name for e in graph.entities}
    assert all(g.nodes[node]["label"] == name for node, name in names.items())
    # Gephi labels a node with the GraphML node attribute named `label`, an edge with the edge one
    assert 'for="node" attr.name="label" attr.type="string"' in out.read_text("utf-8")
    assert {attrs["label"] for *_, attrs in g.edges(data=True)} == {attrs["type"] for *_, attrs in g.edges(data=True)}


def test_gexf_labels_nodes_by_name_and_edges_by_type(graph, tmp_path):
    out = tmp_path / "graph.gexf"
    write_gexf(graph, out, mentions=False)
    g = nx.read_gexf(out)
    assert g.nodes["ePer1"]["label"] == "Nicolás Maduro" and g.nodes["ePer1"]["type"] == "Person"
    relations = {attrs["id"]: attrs for *_, attrs in g.edges(data=True)}
    assert relations["r1"]["label"] == relations["r1"]["relation"] == "MET_WITH"
    assert "MENTIONS" not in {attrs["relation"] for *_, attrs in g.edges(data=True)}
    assert g.number_of_edges() == 12


def test_no_mentions_leaves_them_out_of_every_file_format(graph, tmp_path):
    write_graphml(graph, tmp_path / "g.graphml", mentions=False)
    assert nx.read_graphml(tmp_path / "g.graphml").number_of_edges() == 12
    data = json.loads(node_link_json(graph, mentions=False))
    assert "MENTIONS" not in {e["type"] for e in data["edges"]} and len(data["edges"]) == 12
