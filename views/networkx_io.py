"""The graph as networkx, the in-memory analysis model, and its file exports.

`to_networkx` is the one conversion every view uses (export, pyvis page,
notebooks). Every node has a ``label``, what a person reads (an entity's name, an
article's title, a statement's words: the attribute Gephi and the GEXF format
label nodes with), and a ``type`` (Person, Article, Statement, ...). Node-link
JSON names the edge list "edges" explicitly; GraphML and GEXF cannot hold lists,
so list attributes are written as JSON strings there.

Article text is untrusted. XML 1.0 cannot hold most C0 control characters, lone
surrogates or U+FFFE/U+FFFF at all (a file with one is not XML), so GraphML
writes each as a visible escape (``\\x1b``, ``\\ud800``). Exports are written
whole or not at all (`views.files`).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import networkx as nx

from ..model.graph import SYMMETRIC_RELATIONS, KnowledgeGraph, LinkType, NodeLabel
from .files import atomic_file

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")  # no XML 1.0 file holds these


def to_networkx(graph: KnowledgeGraph, *, articles: bool = True, mentions: bool = True) -> nx.MultiDiGraph:
    """A MultiDiGraph: nodes keyed by id (entities, statements, articles), one edge per
    relation (keyed by relation id) and per link (keyed by link type). Symmetric relations
    carry `symmetric=True`; `articles=False` leaves articles and their links out."""
    g = nx.MultiDiGraph()
    for e in graph.entities:
        g.add_node(e.id, label=e.name, type=e.type.value, name=e.name, aliases=list(e.aliases),
                   mention_count=e.mention_count, article_count=e.article_count)
    for st in graph.statements:
        g.add_node(st.id, label=st.text, type=NodeLabel.STATEMENT.value, name=st.text, speaker=st.speaker,
                   described_speaker=st.described_speaker, direct=st.direct, kind=st.kind, cue=st.cue,
                   receiver=st.receiver, corroboration=st.corroboration, outlets=list(st.outlets),
                   first_seen=st.first_seen, last_seen=st.last_seen, evidence=[ev.model_dump() for ev in st.evidence])
    for rel in graph.relations:
        if not articles and NodeLabel.ARTICLE in (rel.source_label, rel.target_label):
            continue
        g.add_edge(
            rel.source, rel.target, key=rel.id, type=rel.type.value, status=rel.status.value if rel.status else None,
            modality=rel.modality.value if rel.modality else None,
            symmetric=rel.type in SYMMETRIC_RELATIONS, corroboration=rel.corroboration, outlets=list(rel.outlets),
            first_seen=rel.first_seen, last_seen=rel.last_seen, verified=rel.verified,
            evidence=[ev.model_dump() for ev in rel.evidence],
        )
    if articles:
        for a in graph.articles:
            g.add_node(a.id, label=a.title, type=NodeLabel.ARTICLE.value, name=a.title,
                       **a.model_dump(exclude={"id", "title"}))
    for link in graph.links:
        if (link.type is LinkType.MENTIONS and not mentions) or (not articles and link.source_label is NodeLabel.ARTICLE):
            continue
        g.add_edge(link.source, link.target, key=link.type.value, type=link.type.value, count=link.count)
    return g


def node_link_json(graph: KnowledgeGraph, *, mentions: bool = True) -> str:
    """The graph as node-link JSON text (edges under "edges"); ``mentions=False`` leaves MENTIONS out."""
    data = nx.node_link_data(to_networkx(graph, mentions=mentions), edges="edges")
    return json.dumps(data, ensure_ascii=False, indent=1, default=str)


def write_graphml(graph: KnowledgeGraph, out: Path, *, mentions: bool = True) -> None:
    """The graph as GraphML in `out`, whole or not at all; characters XML cannot hold escaped.
    An edge's ``label`` (what Gephi shows on it) is its relationship type."""
    flat = _flat(graph, mentions=mentions)
    for *_, attrs in flat.edges(keys=True, data=True):
        attrs["label"] = attrs["type"]
    with atomic_file(out) as handle:
        nx.write_graphml(flat, handle)


def write_gexf(graph: KnowledgeGraph, out: Path, *, mentions: bool = True) -> None:
    """The graph as GEXF 1.2 (networkx's writer) in `out`, whole or not at all: each node's GEXF
    label is its ``label``, every other attribute a GEXF attribute. GEXF's own edge ``type`` is
    its direction, so an edge's relationship type is its GEXF label and its ``relation``."""
    flat = _flat(graph, mentions=mentions)
    links = {t.value for t in LinkType}
    for u, v, key, attrs in flat.edges(keys=True, data=True):
        attrs["label"] = attrs["relation"] = attrs.pop("type")
        attrs["id"] = f"{key}:{u}:{v}" if key in links else key  # a link's key is its type: not unique
    with atomic_file(out) as handle:
        nx.write_gexf(flat, handle)


def _flat(graph: KnowledgeGraph, *, mentions: bool) -> nx.MultiDiGraph:
    """`to_networkx` with scalar attributes only, and text XML can hold."""
    g = to_networkx(graph, mentions=mentions)
    flat = nx.MultiDiGraph()
    for node, attrs in g.nodes(data=True):
        flat.add_node(_xml_text(node), **_scalars(attrs))
    for u, v, key, attrs in g.edges(keys=True, data=True):
        flat.add_edge(_xml_text(u), _xml_text(v), key=_xml_text(key), **_scalars(attrs))
    return flat


def _scalars(attrs: dict[str, Any]) -> dict[str, Any]:
    """GraphML holds str, int, float and bool only: lists and dicts become JSON, None is left out."""
    out = {}
    for name, value in attrs.items():
        if value is None:
            continue
        if not isinstance(value, (str, int, float, bool)):
            value = json.dumps(value, ensure_ascii=False)
        out[name] = _xml_text(value)
    return out


def _xml_text(value: Any) -> Any:
    return _NOT_XML.sub(_xml_escape, value) if isinstance(value, str) else value


def _xml_escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
