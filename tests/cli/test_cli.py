"""The `newsgraph` command line end to end: ingest, extract, export, viz, stats, bad input."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from newsgraph.app.cli import EXIT_SKIPPED, app
from newsgraph.app.cli_support import EXIT_ERROR
from typer.testing import CliRunner

from ..conftest import EXAMPLES

pytestmark = pytest.mark.model

runner = CliRunner()


def run(*args: str, env: dict[str, str] | None = None):
    return runner.invoke(app, list(args), env=env, catch_exceptions=False)


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("cli-home")
    result = run("ingest", "--home", str(home), "--workers", "1", str(EXAMPLES))
    assert result.exit_code == 0, result.output
    return home


def test_ingest_summary(home):
    result = run("ingest", "--home", str(home), "--workers", "1", str(EXAMPLES))
    assert result.exit_code == 0
    assert "2 articles read (0 extracted, 2 unchanged)" in result.stderr
    assert "0 skipped" in result.stderr


def test_stats(home):
    result = run("stats", "--home", str(home))
    assert result.exit_code == 0
    lines = {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines() if line.strip()}
    assert lines["articles"] == ["2"]
    assert int(lines["Person"][0]) >= 7 and int(lines["Outlet"][0]) >= 6
    assert int(lines["MET_WITH"][0]) >= 2 and int(lines["QUOTED_BY"][0]) >= 2
    assert int(lines["statements"][0]) >= 15


def test_export_node_link_json(home, tmp_path):
    out = tmp_path / "graph.json"
    assert run("export", "--home", str(home), "--format", "json", "--out", str(out)).exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert "edges" in data and "links" not in data
    graph = nx.node_link_graph(data, edges="edges")
    types = {attrs["type"] for _, _, attrs in graph.edges(data=True)}
    assert {"MET_WITH", "QUOTED_BY", "CITES", "PUBLISHED_BY", "MENTIONS"} <= types
    stdout = run("export", "--home", str(home)).stdout
    assert json.loads(stdout)["nodes"]


def test_export_graphml(home, tmp_path):
    out = tmp_path / "graph.graphml"
    assert run("export", "--home", str(home), "--format", "graphml", "--out", str(out)).exit_code == 0
    graph = nx.read_graphml(out)
    assert graph.number_of_nodes() > 30
    # Gephi labels nodes with the `label` attribute: the entity's name, its type beside it
    labels = {attrs["label"]: attrs["type"] for _, attrs in graph.nodes(data=True)}
    assert labels["Donald Trump"] == "Person" and labels["Breitbart News"] == "Outlet"
    assert "Person" not in labels
    result = run("export", "--home", str(home), "--format", "csv")
    assert result.exit_code == 2 and "csv needs --out FOLDER" in result.output


def test_export_gexf_and_no_mentions(home, tmp_path):
    full, lean = tmp_path / "full.gexf", tmp_path / "lean.gexf"
    assert run("export", "--home", str(home), "-f", "gexf", "--out", str(full)).exit_code == 0
    assert run("export", "--home", str(home), "-f", "gexf", "--out", str(lean), "--no-mentions").exit_code == 0
    with_mentions, without = nx.read_gexf(full), nx.read_gexf(lean)
    relations = [attrs["relation"] for *_, attrs in without.edges(data=True)]
    assert "MENTIONS" not in relations and "MET_WITH" in relations
    mentions = sum(1 for *_, attrs in with_mentions.edges(data=True) if attrs["relation"] == "MENTIONS")
    assert mentions and with_mentions.number_of_edges() == without.number_of_edges() + mentions
    assert {attrs["label"] for _, attrs in without.nodes(data=True)} >= {"Donald Trump", "Nicolás Maduro"}


def test_export_csv_tables_into_a_folder(home, tmp_path):
    out = tmp_path / "tables"  # created
    result = run("export", "--home", str(home), "-f", "csv", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["edges.csv", "evidence.csv", "nodes.csv"]
    nodes = {r["id"]: r for r in csv.DictReader((out / "nodes.csv").open(encoding="utf-8"))}
    evidence = list(csv.DictReader((out / "evidence.csv").open(encoding="utf-8")))
    assert evidence and all(nodes[e["article_id"]]["label"] == e["title"] for e in evidence)
    edges = list(csv.DictReader((out / "edges.csv").open(encoding="utf-8")))
    assert all(e["source"] in nodes and e["target"] in nodes for e in edges)


def test_export_neo4j_admin_layout(home, tmp_path):
    out = tmp_path / "import"
    result = run("export", "--home", str(home), "-f", "neo4j-admin", "--out", str(out), "--no-mentions")
    assert result.exit_code == 0, result.output
    assert "neo4j-admin database import full --array-delimiter=U+001F" in result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert "nodes_Person_header.csv" in names and "relationships_MET_WITH.csv" in names
    assert not any("MENTIONS" in name for name in names)
    header = (out / "relationships_SAID_header.csv").read_text(encoding="utf-8")
    assert header.startswith(":START_ID,:END_ID,:TYPE,id")


def test_a_folder_export_is_refused_inside_the_home_and_over_a_file(home, tmp_path):
    (tmp_path / "file.txt").write_text("keep", encoding="utf-8")
    for out, reason in ((home / "tables", "is inside NEWSGRAPH_HOME"), (tmp_path / "file.txt", "is not a folder"),
                        (tmp_path / "no" / "tables", "does not exist")):
        result = run("export", "--home", str(home), "-f", "csv", "--out", str(out))
        assert result.exit_code == 2 and reason in result.stderr and result.stderr.count("\n") == 1
    assert not (home / "tables").exists() and (tmp_path / "file.txt").read_text(encoding="utf-8") == "keep"


def test_viz_writes_the_page(home, tmp_path):
    out = tmp_path / "page.html"
    result = run("viz", "--home", str(home), "--out", str(out))
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "Nicolás Maduro" in html and "MET_WITH" in html
    assert run("viz", "--home", str(home), "--out", str(out), "--around", "Nicolas Maduro").exit_code == 0
    missing = run("viz", "--home", str(home), "--out", str(out), "--around", "Nobody Atall")
    assert missing.exit_code == 1 and "Nobody Atall" in missing.stderr


def page_data(html: str) -> tuple[list[dict], list[dict]]:
    """The vis DataSets of a written page: its nodes and edges."""
    import re

    return tuple(json.loads(re.search(rf"{name} = new vis\.DataSet\((.*?)\);\n", html).group(1))
                 for name in ("nodes", "edges"))


def test_viz_query_draws_a_named_querys_result(home, tmp_path):
    out = tmp_path / "query.html"
    result = run("viz", "--home", str(home), "--out", str(out), "--query", "met_with",
                 "--param", "entity=Trump administration")
    assert result.exit_code == 0, result.output
    rows = json.loads(run("query", "met_with", "-p", "entity=Trump administration", "--json",
                          "--home", str(home)).stdout)
    named = {name for row in rows for name in (row["a"], row["b"])}
    assert "Venezuelan military officers" in named and len(rows) >= 2

    html = out.read_text(encoding="utf-8")
    nodes, edges = page_data(html)
    assert {n["name"] for n in nodes} == named  # the Trump administration and everyone it met
    meetings = [e for e in edges if e["rtype"] == "MET_WITH"]
    assert len(meetings) == len(rows)  # with the relations among them from the stored graph
    by_id = {n["id"]: n["name"] for n in nodes}
    assert {frozenset((by_id[e["from"]], by_id[e["to"]])) for e in meetings} == {
        frozenset((row["a"], row["b"])) for row in rows}
    said = (f"Query met_with (entity = \u201cTrump administration\u201d, modality = asserted [default]): {len(rows)} rows "
            f"naming {len(named)} node(s)")
    assert said in html and said in result.stderr
    assert "<title>newsgraph: met_with</title>" in html


@pytest.mark.parametrize(("args", "code", "message"), [
    (["--query", "nope"], 2, "no query named 'nope'"),
    (["--query", "meetings_of"], 2, "meetings_of needs the parameter entity"),
    (["--query", "met_with", "-p", "colour=red"], 2, "has no parameter colour"),
    (["--query", "meetings_of", "-p", "entity=Nobody Atall"], 1, "no entity named 'Nobody Atall'"),
    (["-p", "entity=Donald Trump"], 2, "--param needs --query"),
    (["--query", "met_with", "--around", "Donald Trump"], 2, "give --around or --query, not both"),
])
def test_viz_query_mistakes(home, tmp_path, args, code, message):
    result = run("viz", "--home", str(home), "--out", str(tmp_path / "x.html"), *args)
    assert result.exit_code == code and message in result.stderr
    assert not (tmp_path / "x.html").exists()


def test_commands_on_an_empty_home(tmp_path):
    result = run("stats", "--home", str(tmp_path / "nothing"))
    assert result.exit_code == 1 and "newsgraph ingest" in result.stderr


def test_extract_contract(tmp_path):
    result = run("extract", "--workers", "1", str(EXAMPLES / "thinkprogress-venezuela-coup-talks.txt"))
    assert result.exit_code == 0
    [line] = result.stdout.splitlines()
    record = json.loads(line)
    assert set(record) >= {"article", "entities", "relations", "quotes"}
    assert set(record["article"]) >= {"id", "path", "title", "outlet", "author", "published"}
    assert record["article"]["outlet"] == "ThinkProgress"
    text = (EXAMPLES / "thinkprogress-venezuela-coup-talks.txt").read_text(encoding="utf-8")
    ids = {e["id"] for e in record["entities"]}
    for entity in record["entities"]:
        assert set(entity) >= {"id", "name", "type", "aliases", "mentions"}
        for mention in entity["mentions"]:
            assert text[mention["start"] : mention["end"]] == mention["text"]
    for relation in record["relations"]:
        assert set(relation) >= {"type", "source", "target", "evidence"}
        assert relation["target"] in ids
        for ev in relation["evidence"]:
            assert set(ev) >= {"start", "end", "sentence"}
    assert record["quotes"]
    for quote in record["quotes"]:
        assert set(quote) >= {"speaker", "speaker_mention", "cue", "content"}
        assert text[quote["content"]["start"] : quote["content"]["end"]] == quote["content"]["text"]
        assert quote["speaker"] is None or quote["speaker"] in ids


@pytest.fixture
def bad_inputs(tmp_path) -> Path:
    folder = tmp_path / "inputs"
    folder.mkdir()
    shutil.copy(EXAMPLES / "breitbart-venezuela-coup-talks.txt", folder / "good.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "latin1.txt").write_bytes(
        "Café owners protest\n\nThe mayor met with café owners on Monday, officials said.".encode("latin-1")
    )
    (folder / "broken.html").write_text("<html><body><div><p></div></span><<<>>", encoding="utf-8")
    (folder / "lines.jsonl").write_text(
        json.dumps({"text": "Senator Jane Smith met with Prime Minister John Doe in London.", "outlet": "Reuters"})
        + "\n{not json\n",
        encoding="utf-8",
    )
    with open(folder / "huge.txt", "wb") as handle:  # a real 10 MB article
        handle.write(b"Huge article\n\n")
        handle.write(b"The minister met with the union leaders again. " * (10 * 1024 * 1024 // 46))
    return folder


def test_bad_input_is_reported_and_the_run_goes_on(bad_inputs, tmp_path):
    home = tmp_path / "home"
    result = run("ingest", "--home", str(home), "--workers", "1", str(bad_inputs))
    assert result.exit_code == EXIT_SKIPPED, result.output
    errors = result.stderr
    for name, reason in [
        ("empty.txt", "empty file"),
        ("binary.txt", "binary"),
        ("broken.html", "no article text"),
        ("lines.jsonl:2", "not JSON"),
        ("huge.txt", "too large"),
    ]:
        line = next((l for l in errors.splitlines() if name in l), None)
        assert line is not None and reason in line, (name, errors)
    assert "latin1.txt" not in errors
    assert "3 articles read" in errors and "5 skipped" in errors
    stats = run("stats", "--home", str(home)).stdout
    assert "articles      3" in stats
    again = run("ingest", "--home", str(home), "--workers", "1", str(bad_inputs))
    assert again.exit_code == EXIT_SKIPPED
    assert run("stats", "--home", str(home)).stdout == stats


def test_console_script_and_exit_codes(tmp_path):
    """The installed `newsgraph` entry point, as a user runs it, in a fresh process."""
    script = Path(sys.executable).with_name("newsgraph")
    env = {**os.environ, "NEWSGRAPH_HOME": str(tmp_path / "home")}
    done = subprocess.run([str(script), "ingest", "--workers", "1", "--quiet", str(EXAMPLES)], env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    pointer = tmp_path / "home" / "graph" / "CURRENT"
    assert pointer.exists()
    written = pointer.stat().st_mtime_ns
    missing = subprocess.run([str(script), "ingest", str(tmp_path / "nope.txt")], env=env,
                             capture_output=True, text=True, timeout=300)
    assert missing.returncode == EXIT_ERROR
    assert missing.stderr == f"error: no such file or folder: {tmp_path / 'nope.txt'} (nothing read, no store written)\n"
    assert pointer.stat().st_mtime_ns == written  # the store is as it was


def test_a_missing_path_is_exit_1_and_writes_no_store(tmp_path):
    home = tmp_path / "home"
    for command in (["ingest", str(EXAMPLES), str(tmp_path / "typo")], ["extract", str(tmp_path / "typo")]):
        result = run(*command, "--home", str(home)) if command[0] == "ingest" else run(*command)
        assert result.exit_code == EXIT_ERROR, result.output
        assert result.stderr.count("\n") == 1 and "no such file or folder" in result.stderr
        assert not home.exists()  # no store, no cache, no lock: nothing was read


def test_unsupported_files_are_named_in_the_summary(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("Talks\n\nAnn Lee met Bo Ray in Paris on Monday.\n", encoding="utf-8")
    (folder / "a.meta.json").write_text('{"outlet": "Globe"}', encoding="utf-8")
    (folder / "meta.json").write_text("{}", encoding="utf-8")
    (folder / "report.pdf").write_bytes(b"%PDF-1.4")
    (folder / "sub" / "notes.docx").write_bytes(b"PK")
    (folder / ".hidden.pdf").write_bytes(b"%PDF")
    result = run("ingest", str(folder), "--home", str(tmp_path / "home"), "--workers", "1")
    assert result.exit_code == 0, result.output
    [line] = [line for line in result.stderr.splitlines() if line.startswith("not read")]
    assert line.endswith(f"2 files (.docx 1, .pdf 1): {folder / 'report.pdf'}, {folder / 'sub' / 'notes.docx'}")
    assert "1 articles read" in result.stderr


def test_eval_without_corpora_skips_and_says_why(tmp_path):
    result = run("eval", "--corpus", str(tmp_path / "none"))
    assert result.exit_code == 0
    assert "eval skipped: no corpora at" in result.stderr and "none" in result.stderr


def _commands(group, path=()):
    """Every command's words, the groups' own included (`curate`, `curate merge`, ...)."""
    import typer.main

    click_group = typer.main.get_command(group) if not path else group
    yield path
    for name, command in getattr(click_group, "commands", {}).items():
        yield from _commands(command, (*path, name))


def test_help_shows_words_not_python_type_names():
    seen = 0
    for words in _commands(app):
        result = run(*words, "--help")
        assert result.exit_code == 0, words
        for name in ("<bool>", "<str>", "<int", "<float", "<path>", "<list[", "list[str]", "<Path>"):
            assert name not in result.stdout, (words, name)
        seen += 1
    assert seen >= 15  # the top level, its commands, `curate` and its commands
    ingest_help = run("ingest", "--help").stdout
    assert "ingest [OPTIONS] {PATH}..." in ingest_help
    assert "--home DIR" in ingest_help and "--store [auto|embedded|neo4j]" in ingest_help
    assert "  -q, --quiet  " in ingest_help or "-q, --quiet " in ingest_help  # a flag: no type after it
