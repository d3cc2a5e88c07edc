"""`newsgraph query`, `newsgraph cypher` and `--store`, on a small hand-built graph (no spaCy model)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from newsgraph.app.cli import app
from newsgraph.app.settings import get_settings
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
    Statement,
)
from newsgraph.queries import list_queries
from newsgraph.store.embedded import EmbeddedStore
from typer.testing import CliRunner

runner = CliRunner()
PASSWORD = "swordfish-not-for-logs"
CLOSED_PORT = "bolt://127.0.0.1:9"


def run(*args: str, env: dict[str, str] | None = None):
    get_settings.cache_clear()  # settings are cached per process: read `env` anew
    return runner.invoke(app, list(args), env=env, catch_exceptions=False)


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("query-cli")
    ev = Evidence(id="v1", article_id="aA", start=0, end=30, sentence="Maduro met the Cuban envoy in Caracas.",
                  rule="met")
    quote = Evidence(id="v2", article_id="aA", start=40, end=90, sentence="Maduro told the Globe: “We resist.”",
                     rule="quote", quote="We resist.", direct=True)
    graph = KnowledgeGraph(
        articles=(ArticleNode(id="aA", title="Talks in Caracas", path="/c/globe-talks.txt", outlet="Globe",
                              chars=100),),
        entities=(
            EntityNode(id="eCuba", type=EntityType.PERSON, name="Cuban envoy", mention_count=1, article_count=1),
            EntityNode(id="eGlobe", type=EntityType.OUTLET, name="The Globe", mention_count=1, article_count=1),
            EntityNode(id="eMaduro", type=EntityType.PERSON, name="Nicolás Maduro", aliases=("Maduro",),
                       mention_count=2, article_count=1),
        ),
        relations=(
            Relation(id="r1", type=RelationType.MET_WITH, source="eCuba", target="eMaduro",
                     source_label=NodeLabel.PERSON, target_label=NodeLabel.PERSON, evidence=(ev,),
                     outlets=("The Globe",)),
            Relation(id="r2", type=RelationType.QUOTED_BY, source="eMaduro", target="eGlobe",
                     source_label=NodeLabel.PERSON, target_label=NodeLabel.OUTLET, evidence=(quote,),
                     outlets=("The Globe",)),
        ),
        links=(
            Link(type=LinkType.MENTIONS, source="aA", target="eCuba", target_label=NodeLabel.PERSON),
            Link(type=LinkType.MENTIONS, source="aA", target="eMaduro", target_label=NodeLabel.PERSON,
                        count=2),
            Link(type=LinkType.PUBLISHED_BY, source="aA", target="eGlobe", target_label=NodeLabel.OUTLET),
            Link(type=LinkType.REPORTS, source="aA", target="s1", target_label=NodeLabel.STATEMENT),
            Link(type=LinkType.SAID, source="eMaduro", source_label=NodeLabel.PERSON, target="s1",
                 target_label=NodeLabel.STATEMENT),
        ),
        statements=(Statement(id="s1", text="We resist.", speaker="eMaduro", speaker_label=NodeLabel.PERSON,
                              kind="speech", receiver="eGlobe", evidence=(quote,), outlets=("The Globe",)),),
    )
    EmbeddedStore(home).write(graph)
    return home


def test_query_list(home):
    result = run("query", "--list")
    assert result.exit_code == 0
    for q in list_queries():
        assert q.name in result.stdout
    assert "--param entity=<entity>  (required)" in result.stdout
    listed = json.loads(run("query", "--list", "--json").stdout)
    meetings = next(q for q in listed if q["name"] == "meetings_of")
    assert meetings["params"][0] == {"name": "entity", "type": "entity", "required": True, "default": None,
                                     "description": "The entity's name or alias."}
    assert meetings["columns"][:2] == ["entity", "met"]


def test_query_table(home):
    result = run("query", "meetings_of", "--param", "entity=nicolas maduro", "--home", str(home))
    assert result.exit_code == 0, result.output
    header, rule, row, sentence, cited = result.stdout.splitlines()
    assert header.split() == ["entity", "met", "met_type", "modality", "corroboration", "outlets",
                              "verified"]  # the evidence below holds the sentences; no dates: no date columns
    assert set(rule) == {"-"}
    assert row.startswith("Nicolás Maduro  Cuban envoy")
    assert header.index("met_type") == row.index("Person")  # aligned
    assert sentence == "  1. Maduro met the Cuban envoy in Caracas."
    assert cited == "     — Talks in Caracas (Globe)"  # the article's title and outlet
    assert "(1 row)" in result.stderr


def test_every_evidence_row_of_a_table_cites_its_article(home):
    for name, params in (("met_with", []), ("meetings_of", ["-p", "entity=Maduro"]), ("quoted_by", []), ("statements", []),
                         ("timeline", ["-p", "entity=Maduro"]), ("neighbourhood", ["-p", "entity=Maduro"])):
        result = run("query", name, *params, "--home", str(home))
        assert result.exit_code == 0, result.output
        rows = int(result.stderr.split("(")[1].split()[0])
        assert rows and result.stdout.count("— Talks in Caracas (Globe)") >= rows, name


def test_neighbourhood_leaves_mentions_out_unless_asked(home):
    plain = json.loads(run("query", "neighbourhood", "-p", "entity=Maduro", "--json", "--home", str(home)).stdout)
    asked = json.loads(run("query", "neighbourhood", "-p", "entity=Maduro", "-p", "mentions=true", "--json",
                           "--home", str(home)).stdout)
    assert "MENTIONS" not in {r["relation"] for r in plain}
    assert [r for r in asked if r["relation"] == "MENTIONS"] == [
        {**next(r for r in asked if r["relation"] == "MENTIONS"), "neighbour": "Talks in Caracas", "evidence": []}]
    assert len(asked) == len(plain) + 1


def test_query_json_and_csv(home):
    rows = json.loads(run("query", "quoted_by", "-p", "outlet=globe", "--json", "--home", str(home)).stdout)
    assert rows == [{"speaker": "Nicolás Maduro", "speaker_type": "Person", "outlet": "The Globe",
                     "quote": "We resist.", "direct": True, "article": "Talks in Caracas", "given_to": "The Globe",
                     "verified": False,
                     "evidence": [{"article_id": "aA", "title": "Talks in Caracas", "outlet": "Globe",
                                   "published": None, "url": None, "sentence": "Maduro told the Globe: “We resist.”",
                                   "quote": "We resist."}]}]
    text = run("query", "met_with", "--csv", "--home", str(home)).stdout
    [record] = list(csv.DictReader(io.StringIO(text)))
    assert record["a"] == "Cuban envoy" and json.loads(record["outlets"]) == ["The Globe"]
    assert record["corroboration"] == "1" and record["evidence_title"] == "Talks in Caracas"
    assert record["evidence_sentence"] == "Maduro met the Cuban envoy in Caracas." and "sentences" not in record


def test_a_pipe_gets_whole_cells_and_full_keeps_them_on_a_terminal(home, monkeypatch):
    words = "Maduro met the Cuban envoy in Caracas."
    piped = run("query", "met_with", "--home", str(home)).stdout
    assert words in piped
    from newsgraph.app import cli_support, output

    monkeypatch.setattr(output, "TERMINAL_CELL_CHARS", 12)
    monkeypatch.setattr(cli_support, "terminal_width", lambda: 60)
    shortened = run("query", "met_with", "--home", str(home)).stdout
    assert words not in shortened and "Maduro met …" in shortened
    assert max(len(line) for line in shortened.splitlines()) <= 60
    full = run("query", "met_with", "--full", "--home", str(home)).stdout
    assert words in " ".join(full.split()) and max(len(line) for line in full.splitlines()) <= 60


def test_query_with_no_rows_prints_the_header(home):
    result = run("query", "corroborated", "-p", "min_outlets=2", "--home", str(home))
    assert result.exit_code == 0 and result.stdout.split()[:2] == ["relation", "source"]
    assert "(0 rows)" in result.stderr
    assert json.loads(run("query", "corroborated", "-p", "min_outlets=2", "--json", "--home", str(home)).stdout) == []


@pytest.mark.parametrize(("args", "code", "message"), [
    (["query", "nope"], 2, "no query named 'nope'"),
    (["query", "meetings_of"], 2, "meetings_of needs the parameter entity"),
    (["query", "meetings_of", "-p", "entity=Maduro", "-p", "colour=red"], 2, "has no parameter colour"),
    (["query", "corroborated", "-p", "min_outlets=lots"], 2, "must be int"),
    (["query", "meetings_of", "-p", "entity=Nobody Atall"], 1, "no entity named 'Nobody Atall'"),
    (["query", "meetings_of", "-p", "entity"], 2, "is not NAME=VALUE"),
    (["query", "met_with", "--json", "--csv"], 2, "choose one of --json and --csv"),
    (["query"], 2, "give a query name, or --list"),
])
def test_query_mistakes(home, args, code, message):
    result = run(*args, "--home", str(home))
    assert result.exit_code == code
    assert message in result.output


@pytest.mark.parametrize(("args", "code", "line"), [
    (["query", "meetings_of", "-p", "nme=x"], 2,
     "error: meetings_of has no parameter nme (parameters: entity, modality, since, until)"),
    (["query", "meetings_of", "-p", "name=x"], 2,  # once a clash with run_query's own argument: a traceback
     "error: meetings_of has no parameter name (parameters: entity, modality, since, until)"),
    (["query", "meetings_of", "-p", "entiy=Maduro"], 2,
     "error: meetings_of has no parameter entiy; did you mean 'entity' or 'until'? "
     "(parameters: entity, modality, since, until)"),
    (["query", "meetins_of", "-p", "entity=Maduro"], 2,
     "error: no query named 'meetins_of'; did you mean 'meetings_of'? (`newsgraph query --list` lists them)"),
    (["query", "meetings_of", "-p", "entity=Nicolas Madura"], 1,
     "error: no entity named 'Nicolas Madura' in the graph; did you mean 'Nicolás Maduro'?"),
    (["query", "quoted_by", "-p", "outlet=The Glob"], 1,
     "error: no outlet named 'The Glob' in the graph; did you mean 'The Globe'?"),
    (["query", "article_sources", "-p", "article=Talks in Caracs"], 1,
     "error: no article with id, title or path 'Talks in Caracs' in the graph; did you mean 'Talks in Caracas'?"),
    (["viz", "--query", "meetings_of", "-p", "name=x", "--out", "never.html"], 2,
     "error: meetings_of has no parameter name (parameters: entity, modality, since, until)"),
    (["viz", "--around", "Nicolas Madura", "--out", "never.html"], 1,
     "error: no entity named 'Nicolas Madura' in the graph; did you mean 'Nicolás Maduro'?"),
])
def test_mistakes_are_one_line_with_the_closest_names(home, tmp_path, monkeypatch, args, code, line):
    monkeypatch.chdir(tmp_path)
    result = run(*args, "--home", str(home))
    assert result.exit_code == code
    assert result.stderr == line + "\n" and result.stdout == ""
    assert not (tmp_path / "never.html").exists()


def test_cypher_ad_hoc_read_only_by_default(home):
    result = run("cypher", "MATCH (p:Person) WHERE p.mention_count >= $n RETURN p.name AS name ORDER BY name",
                 "-p", "n=2", "--json", "--home", str(home))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"name": "Nicolás Maduro"}]
    create = "CREATE (:Person {id: 'eNew', name: 'New', aliases: [], mention_count: 0, article_count: 0})"
    refused = run("cypher", create, "--home", str(home))
    assert refused.exit_code == 2 and "add --write to allow writes" in refused.stderr  # bad usage
    assert len(refused.stderr.strip().splitlines()) == 1
    written = run("cypher", create, "--write", "--home", str(home))  # the next ingest would undo it: refused
    assert written.exit_code == 2 and "rebuilt from the extraction cache" in written.stderr
    assert "newsgraph curate" in written.stderr and len(written.stderr.strip().splitlines()) == 1
    count = run("cypher", "MATCH (p:Person) RETURN count(p) AS people", "--csv", "--home", str(home))
    assert count.stdout.splitlines() == ["people", "2"]


def test_cypher_errors_are_one_line(home):
    result = run("cypher", "MATCH (p:Persn) RETURN p", "--home", str(home))
    assert result.exit_code == 1 and "Persn" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_store_neo4j_needs_a_uri(home):
    result = run("stats", "--store", "neo4j", "--home", str(home))
    assert result.exit_code == 1 and "NEWSGRAPH_NEO4J_URI" in result.stderr


@pytest.mark.parametrize("command", [["stats"], ["export"], ["viz", "--out", "x.html"], ["query", "met_with"],
                                     ["cypher", "RETURN 1 AS one"], ["ingest", "examples"]])
def test_a_uri_alone_selects_neo4j_and_an_unreachable_server_is_one_line(home, command):
    env = {"NEWSGRAPH_NEO4J_URI": CLOSED_PORT, "NEWSGRAPH_NEO4J_PASSWORD": PASSWORD}
    result = run("-v", *command, "--home", str(home), env=env)
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1] == (
        f"error: cannot reach Neo4j at {CLOSED_PORT}: is the server running? (docker compose up -d neo4j)")
    assert PASSWORD not in result.output


def test_store_embedded_overrides_the_uri(home):
    env = {"NEWSGRAPH_NEO4J_URI": CLOSED_PORT, "NEWSGRAPH_NEO4J_PASSWORD": PASSWORD}
    result = run("stats", "--store", "embedded", "--home", str(home), env=env)
    assert result.exit_code == 0 and "articles      1" in result.stdout
    assert run("stats", "--home", str(home), env={**env, "NEWSGRAPH_STORE": "embedded"}).exit_code == 0
