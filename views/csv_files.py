"""The graph as CSV files in a folder: plain tables for a spreadsheet or pandas, or the layout
`neo4j-admin database import` reads.

`write_csv_tables`: ``nodes.csv`` (every entity, article and statement: id, type, label, ...),
``edges.csv`` (every relation and link, with its counts and dates) and ``evidence.csv`` (one
row per evidence item, the sentence and its article: title, outlet, date, URL), joined on
ids; lists (aliases, outlets) are JSON arrays in their cells.

`write_neo4j_import`: for each node label and relationship type with rows, a header file
(``id:ID``, ``:LABEL``, ``:START_ID``, ``:END_ID``, ``:TYPE``, typed properties such as
``aliases:string[]``) and a data file, the properties the Neo4j store writes
(`store.rows`); arrays are joined with `ARRAY_DELIMITER`, which `import_command` passes on.

Text is kept exact (a CSV is data, not a terminal), with one exception in the plain tables, which
are meant for spreadsheets: a text cell opening with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return gets a leading apostrophe (`spreadsheet_safe`), since article text is untrusted and a
spreadsheet would run it as a formula. The neo4j-admin files stay exact. Every file is written
whole or not at all.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..model.graph import KnowledgeGraph, LinkType, NodeLabel
from ..store.neo4j_rows import link_id
from ..store.rows import LINK_PROPERTIES, RELATION_PROPERTIES, link_rows, node_properties, node_rows, relation_rows
from .files import write_text_atomic

NODE_COLUMNS = ("id", "type", "label", "aliases", "mention_count", "article_count", "outlet", "author", "published",
                "url", "path", "speaker", "described_speaker", "kind", "cue", "corroboration", "first_seen",
                "last_seen", "verified")
EDGE_COLUMNS = ("id", "type", "source", "target", "source_type", "target_type", "status", "modality",
                "corroboration", "outlets", "article_count", "first_seen", "last_seen", "verified", "evidence",
                "mentions")
EVIDENCE_COLUMNS = ("of", "of_type", "evidence_id", "article_id", "title", "outlet", "published", "url", "start",
                    "end", "sentence", "quote", "direct", "rule")

ARRAY_DELIMITER = "\x1f"  # the unit separator: no article text holds one (it is replaced by a space if so)
_NEO4J_TYPES = {"STRING": "", "INT64": ":long", "BOOLEAN": ":boolean", "STRING[]": ":string[]",
                "INT64[]": ":long[]", "BOOLEAN[]": ":boolean[]"}


def write_csv_tables(graph: KnowledgeGraph, folder: Path, *, mentions: bool = True) -> list[Path]:
    """``nodes.csv``, ``edges.csv`` and ``evidence.csv`` in ``folder`` (which exists); the paths.
    ``mentions=False`` leaves the MENTIONS links out."""
    articles = {a.id: a for a in graph.articles}
    speakers = {s.id: s.speaker for s in graph.statements}
    nodes = [
        *({"id": e.id, "type": e.type.value, "label": e.name, "aliases": list(e.aliases),
           "mention_count": e.mention_count, "article_count": e.article_count} for e in graph.entities),
        *({"id": a.id, "type": NodeLabel.ARTICLE.value, "label": a.title, "outlet": a.outlet, "author": a.author,
           "published": a.published, "url": a.url, "path": a.path} for a in graph.articles),
        *({"id": s.id, "type": NodeLabel.STATEMENT.value, "label": s.text, "speaker": speakers[s.id],
           "described_speaker": s.described_speaker, "kind": s.kind, "cue": s.cue, "corroboration": s.corroboration,
           "first_seen": s.first_seen, "last_seen": s.last_seen, "verified": s.verified} for s in graph.statements),
    ]
    edges = [
        {"id": r.id, "type": r.type.value, "source": r.source, "target": r.target,
         "source_type": r.source_label.value, "target_type": r.target_label.value,
         "status": r.status.value if r.status else None, "modality": r.modality.value if r.modality else None,
         "corroboration": r.corroboration, "outlets": list(r.outlets),
         "article_count": len({e.article_id for e in r.evidence}), "first_seen": r.first_seen,
         "last_seen": r.last_seen, "verified": r.verified, "evidence": len(r.evidence)}
        for r in graph.relations
    ]
    edges += [
        {"id": link_id(link.type, link.source, link.target), "type": link.type.value, "source": link.source,
         "target": link.target, "source_type": link.source_label.value, "target_type": link.target_label.value,
         "mentions": link.count if link.type is LinkType.MENTIONS else None}
        for link in graph.links if mentions or link.type is not LinkType.MENTIONS
    ]
    owners = [(r.id, r.type.value, r.evidence) for r in graph.relations]
    owners += [(s.id, NodeLabel.STATEMENT.value, s.evidence) for s in graph.statements]
    evidence = []
    for owner, owner_type, items in owners:
        for ev in items:
            article = articles.get(ev.article_id)
            evidence.append({
                "of": owner, "of_type": owner_type, "evidence_id": ev.id, "article_id": ev.article_id,
                "title": article.title if article else None, "outlet": article.outlet if article else None,
                "published": article.published if article else None, "url": article.url if article else None,
                "start": ev.start, "end": ev.end, "sentence": ev.sentence, "quote": ev.quote, "direct": ev.direct,
                "rule": ev.rule,
            })
    written = []
    for name, columns, rows in (("nodes.csv", NODE_COLUMNS, nodes), ("edges.csv", EDGE_COLUMNS, edges),
                                ("evidence.csv", EVIDENCE_COLUMNS, evidence)):
        out = folder / name
        write_text_atomic(out, _csv(columns, ([_plain(row.get(c)) for c in columns] for row in rows)))
        written.append(out)
    return written


def write_neo4j_import(graph: KnowledgeGraph, folder: Path, *, mentions: bool = True) -> list[Path]:
    """The `neo4j-admin database import` files in ``folder`` (which exists), header files first
    in each pair; the paths. ``mentions=False`` leaves the MENTIONS links out."""
    written = []
    for label, rows in node_rows(graph).items():
        if rows:
            properties = node_properties(label)
            header = ["id:ID" if p == "id" else p + _NEO4J_TYPES[kind] for p, kind in properties.items()] + [":LABEL"]
            data = ([*(_neo4j(row.get(p)) for p in properties), label.value] for row in rows)
            written += _pair(folder, f"nodes_{label.value}", header, data)
    edge_groups: list[tuple[str, dict[str, str], list[dict[str, Any]]]] = [
        (t.value, RELATION_PROPERTIES, rows) for t, rows in relation_rows(graph).items()]
    edge_groups += [
        (t.value, {"id": "STRING", **LINK_PROPERTIES[t]}, [{**r, "id": link_id(t, r["from"], r["to"])} for r in rows])
        for t, rows in link_rows(graph).items() if mentions or t is not LinkType.MENTIONS]
    for type_name, properties, rows in edge_groups:
        if rows:
            header = [":START_ID", ":END_ID", ":TYPE", *(p + _NEO4J_TYPES[kind] for p, kind in properties.items())]
            data = ([row["from"], row["to"], type_name, *(_neo4j(row.get(p)) for p in properties)] for row in rows)
            written += _pair(folder, f"relationships_{type_name}", header, data)
    return written


def import_command(files: Sequence[Path], *, database: str = "neo4j") -> str:
    """The `neo4j-admin database import full` command line for the files `write_neo4j_import` wrote."""
    groups: dict[str, list[str]] = {}
    for path in files:
        stem = path.name.removesuffix(".csv").removesuffix("_header")
        groups.setdefault(stem, []).append(str(path))
    options = [f"--{'nodes' if stem.startswith('nodes_') else 'relationships'}={','.join(paths)}"
               for stem, paths in groups.items()]
    return " ".join(["neo4j-admin database import full", "--array-delimiter=U+001F", "--multiline-fields=true",
                     *options, database])


def _pair(folder: Path, stem: str, header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[Path]:
    head, data = folder / f"{stem}_header.csv", folder / f"{stem}.csv"
    write_text_atomic(head, _csv(header, ()))
    write_text_atomic(data, _csv(None, rows))
    return [head, data]


def _csv(header: Sequence[str] | None, rows: Iterable[Sequence[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if header is not None:
        writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


_FORMULA_OPENINGS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(text: str) -> str:
    """`text` as a spreadsheet shows it without running it: a leading apostrophe before a formula's
    opening character ("=HYPERLINK(…)" -> "'=HYPERLINK(…)")."""
    return "'" + text if text.startswith(_FORMULA_OPENINGS) else text


def _plain(value: Any) -> str:
    if isinstance(value, str):
        return spreadsheet_safe(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _neo4j(value: Any) -> str:
    """A value as neo4j-admin reads it, exact: an empty field is no property; arrays joined."""
    if isinstance(value, (list, tuple)):
        return ARRAY_DELIMITER.join(_neo4j(v) for v in value)
    if isinstance(value, str):
        return value.replace(ARRAY_DELIMITER, " ")
    return _plain(value)
