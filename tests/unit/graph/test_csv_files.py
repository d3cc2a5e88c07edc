"""The CSV exports: plain tables joined on ids, and the neo4j-admin import layout."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from newsgraph.model.graph import KnowledgeGraph
from newsgraph.views.csv_files import ARRAY_DELIMITER, import_command, write_csv_tables, write_neo4j_import


@pytest.fixture
def graph(mk) -> KnowledgeGraph:
    return mk.small_graph()


def records(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_tables_hold_every_node_edge_and_evidence_item(graph, tmp_path):
    written = write_csv_tables(graph, tmp_path)
    assert [p.name for p in written] == ["nodes.csv", "edges.csv", "evidence.csv"]
    nodes = {r["id"]: r for r in records(tmp_path / "nodes.csv")}
    assert len(nodes) == len(graph.entities) + len(graph.articles) + len(graph.statements)
    assert (nodes["ePer1"]["type"], nodes["ePer1"]["label"]) == ("Person", "Nicolás Maduro")
    assert json.loads(nodes["ePer1"]["aliases"]) == ["Maduro", "Nicolas Maduro"]
    assert nodes["aA"]["label"] == "Leaders meet" and nodes["aA"]["url"] == "https://planet.example/a"
    assert nodes["s1"]["speaker"] == "ePer1" and nodes["s2"]["described_speaker"] == "a spokesman"
    edges = records(tmp_path / "edges.csv")
    assert len(edges) == len(graph.relations) + len(graph.links)
    met = next(e for e in edges if e["id"] == "r1")
    assert (met["source"], met["target"], met["type"], met["evidence"]) == ("eGov1", "ePer1", "MET_WITH", "2")
    assert json.loads(met["outlets"]) == ["Daily Planet"] and met["verified"] == "false"
    assert sorted(e["mentions"] for e in edges if e["type"] == "MENTIONS") == ["1", "2", "3"]
    assert len({e["id"] for e in edges}) == len(edges)  # links get ids of their own
    evidence = records(tmp_path / "evidence.csv")
    assert len(evidence) == sum(len(r.evidence) for r in graph.relations) + sum(len(s.evidence) for s in graph.statements)
    first = next(e for e in evidence if e["evidence_id"] == "v1")
    assert (first["of"], first["of_type"], first["title"], first["outlet"], first["published"]) == (
        "r1", "MET_WITH", "Leaders meet", "Daily Planet", "2024-03-05")
    assert first["sentence"] == "Sentence 1, with “quotes” and ünïcode."  # exact, quotes and all
    quote = next(e for e in evidence if e["evidence_id"] == "v10")
    assert (quote["of"], quote["of_type"], quote["quote"], quote["direct"]) == ("s1", "Statement", "we will win this",
                                                                                "true")


def test_csv_tables_without_mentions(graph, tmp_path):
    write_csv_tables(graph, tmp_path, mentions=False)
    types = [e["type"] for e in records(tmp_path / "edges.csv")]
    assert "MENTIONS" not in types and len(types) == len(graph.relations) + len(graph.links) - 3


def test_neo4j_admin_layout_has_header_files_with_ids_labels_and_types(graph, tmp_path):
    files = write_neo4j_import(graph, tmp_path)
    names = {p.name for p in files}
    assert {"nodes_Person_header.csv", "nodes_Person.csv", "nodes_Article_header.csv", "nodes_Statement.csv",
            "relationships_MET_WITH_header.csv", "relationships_MENTIONS.csv"} <= names
    header = (tmp_path / "nodes_Person_header.csv").read_text(encoding="utf-8").strip().split(",")
    assert header[0] == "id:ID" and header[-1] == ":LABEL" and "aliases:string[]" in header
    assert "mention_count:long" in header
    [maduro] = [r for r in csv.reader((tmp_path / "nodes_Person.csv").open(encoding="utf-8")) if r[0] == "ePer1"]
    row = dict(zip(header, maduro, strict=True))
    assert row["aliases:string[]"].split(ARRAY_DELIMITER) == ["Maduro", "Nicolas Maduro"]
    assert row[":LABEL"] == "Person" and row["name"] == "Nicolás Maduro"
    rel_header = (tmp_path / "relationships_MET_WITH_header.csv").read_text(encoding="utf-8").strip().split(",")
    assert rel_header[:3] == [":START_ID", ":END_ID", ":TYPE"] and "sentences:string[]" in rel_header
    met = [dict(zip(rel_header, r, strict=True))
           for r in csv.reader((tmp_path / "relationships_MET_WITH.csv").open(encoding="utf-8"))]
    r1 = next(r for r in met if r["id"] == "r1")
    assert (r1[":START_ID"], r1[":END_ID"], r1[":TYPE"]) == ("eGov1", "ePer1", "MET_WITH")
    assert r1["sentences:string[]"].split(ARRAY_DELIMITER) == [
        "Sentence 1, with “quotes” and ünïcode.", "Sentence 2, with “quotes” and ünïcode."]
    assert r1["direct:boolean[]"] == ARRAY_DELIMITER.join(["false", "false"])
    # every data file's rows have its header's width, and every node id is unique across labels
    ids = []
    for path in files:
        if path.name.endswith("_header.csv"):
            width = len(path.read_text(encoding="utf-8").strip().split(","))
            data = path.with_name(path.name.replace("_header", ""))
            rows = list(csv.reader(data.open(encoding="utf-8")))
            assert rows and all(len(r) == width for r in rows), data.name
            if data.name.startswith("nodes_"):
                ids += [r[0] for r in rows]
    assert len(ids) == len(set(ids)) == len(graph.entities) + len(graph.articles) + len(graph.statements)


def test_neo4j_admin_command_names_each_pair_and_the_delimiter(graph, tmp_path):
    files = write_neo4j_import(graph, tmp_path, mentions=False)
    assert not any("MENTIONS" in p.name for p in files)
    command = import_command(files, database="news")
    assert command.startswith("neo4j-admin database import full --array-delimiter=U+001F --multiline-fields=true ")
    assert f"--nodes={tmp_path / 'nodes_Person_header.csv'},{tmp_path / 'nodes_Person.csv'}" in command
    assert f"--relationships={tmp_path / 'relationships_SAID_header.csv'},{tmp_path / 'relationships_SAID.csv'}" \
        in command
    assert command.endswith(" news") and command.count("--nodes=") + command.count("--relationships=") == len(files) // 2


def test_text_opening_like_a_formula_does_not_run_in_a_spreadsheet_but_stays_exact_for_neo4j(graph, tmp_path):
    hostile = graph.model_copy(update={"articles": tuple(
        a.model_copy(update={"title": "=HYPERLINK(\"http://evil.example\",\"x\")"}) if a.id == "aA" else a
        for a in graph.articles)})
    write_csv_tables(hostile, tmp_path)
    nodes = {r["id"]: r for r in records(tmp_path / "nodes.csv")}
    assert nodes["aA"]["label"] == "'=HYPERLINK(\"http://evil.example\",\"x\")"
    assert nodes["ePer1"]["label"] == "Nicolás Maduro"  # other text untouched
    admin = tmp_path / "admin"
    admin.mkdir()
    write_neo4j_import(hostile, admin)
    assert "=HYPERLINK(" in (admin / "nodes_Article.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK(" not in (admin / "nodes_Article.csv").read_text(encoding="utf-8")
