"""The store's life through the command line (issues 17 and 18), with the real model on short
articles written here: a no-op re-ingest, `--rebuild`, edited files and sidecars, `forget`,
a lost extraction cache, and a process that died holding a write connection."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from newsgraph.app.cli import app
from newsgraph.app.settings import get_settings
from newsgraph.store.embedded import DATABASE_FILE, GENERATIONS, POINTER, EmbeddedStore
from typer.testing import CliRunner

pytestmark = pytest.mark.model

runner = CliRunner()

FIRST = ("Harbour talks\n\nMarta Velez met with Oskar Lind in Tallinn on Monday. "
         "\"We agreed on the harbour,\" Velez told Reuters.\n")
SECOND = ("Budget row\n\nThe government of Norway accused Oskar Lind of hiding the budget. "
          "Lind denied it in a statement.\n")
EDITED = ("Harbour talks\n\nMarta Velez met with Pia Sorensen in Oslo on Friday. "
          "\"The harbour deal is off,\" Velez told the Associated Press.\n")


def run(*args: str):
    get_settings.cache_clear()
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "first.txt").write_text(FIRST, encoding="utf-8")
    (folder / "first.meta.json").write_text(json.dumps({"outlet": "Harbour Gazette"}), encoding="utf-8")
    (folder / "second.txt").write_text(SECOND, encoding="utf-8")
    return folder


def ingest(home: Path, *paths: Path, extra: tuple[str, ...] = ()):
    result = run("ingest", "--home", str(home), "--workers", "1", *extra, *map(str, paths))
    assert result.exit_code == 0, result.output
    return result


def generation(home: Path) -> str:
    return json.loads((home / GENERATIONS / POINTER).read_text())["generation"]


def export(home: Path) -> dict:
    result = run("export", "--home", str(home))
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def sentences(graph: dict) -> set[str]:
    """The evidence sentences of every relation and statement."""
    items = [*graph["edges"], *(n for n in graph["nodes"] if n["type"] == "Statement")]
    return {e["sentence"] for item in items for e in item.get("evidence") or ()}


NO_OP_PROBE = textwrap.dedent("""
    import sys
    from newsgraph.app.cli import app
    sys.argv = ["newsgraph", "ingest", "--home", sys.argv[1], "--workers", "1", sys.argv[2]]
    try:
        app()
    except SystemExit as done:
        assert not done.code, done.code
    heavy = ("spacy", "trafilatura", "networkx", "pyarrow", "pandas", "thinc")
    print(" ".join(sorted(m for m in heavy if m in sys.modules)))
""")


def test_a_no_op_re_ingest_imports_no_parser_extractor_or_assembly_library(tmp_path, corpus):
    """What a no-op costs is mostly imports: it loads no model, extracts no HTML, resolves
    nothing and writes no Parquet, so it imports none of the libraries that do."""
    home = tmp_path / "home"
    ingest(home, corpus)
    probe = subprocess.run([sys.executable, "-c", NO_OP_PROBE, str(home), str(corpus)], capture_output=True,
                           text=True, timeout=120)
    assert probe.returncode == 0, probe.stderr
    assert "nothing assembled or written" in probe.stderr
    assert probe.stdout.strip() == ""


def test_a_re_ingest_of_unchanged_inputs_assembles_and_writes_nothing(tmp_path, corpus):
    home = tmp_path / "home"
    ingest(home, corpus)
    before, graph = generation(home), export(home)
    again = ingest(home, corpus)
    assert "graph: unchanged, nothing assembled or written: 2 articles" in again.stderr
    assert generation(home) == before and export(home) == graph
    curated = run("curate", "alias", "Oskar Lind", "The Harbour Man", "--home", str(home))  # assembled again
    assert curated.exit_code == 0, curated.output
    changed = generation(home)
    assert changed != before
    assert "nothing assembled" in ingest(home, corpus).stderr and generation(home) == changed  # curate's stamp holds
    rebuilt = ingest(home, corpus, extra=("--rebuild",))
    assert "2 extracted" in rebuilt.stderr and "nothing assembled" not in rebuilt.stderr
    assert generation(home) != changed


def test_an_edited_file_replaces_its_old_version_and_an_edited_sidecar_updates_the_article(tmp_path, corpus):
    home = tmp_path / "home"
    ingest(home, corpus)
    old = sentences(export(home))
    assert any("Oskar Lind in Tallinn" in s for s in old)
    (corpus / "first.txt").write_text(EDITED, encoding="utf-8")
    edited = ingest(home, corpus)
    assert "1 extracted, 1 unchanged" in edited.stderr and "first.txt: edited: its old version left the graph" in edited.stderr
    graph = export(home)
    now = sentences(graph)
    assert not any("Tallinn" in s for s in now) and any("Pia Sorensen in Oslo" in s for s in now)
    assert sum(1 for n in graph["nodes"] if n.get("type") == "Article") == 2
    (corpus / "first.meta.json").write_text(json.dumps({"outlet": "Fjord Weekly"}), encoding="utf-8")
    assert "1 extracted, 1 unchanged" in ingest(home, corpus).stderr
    outlets = run("cypher", "--home", str(home), "MATCH (a:Article) RETURN a.path AS path, a.outlet AS outlet", "--json")
    assert {Path(r["path"]).name: r["outlet"] for r in json.loads(outlets.stdout)} == {
        "first.txt": "Fjord Weekly", "second.txt": None}


def test_forget_removes_articles_and_says_when_nothing_is_there(tmp_path, corpus):
    home = tmp_path / "home"
    ingest(home, corpus)
    done = run("forget", "--home", str(home), str(corpus / "second.txt"))
    assert done.exit_code == 0 and "second.txt: forgotten" in done.stderr and "graph: 1 articles" in done.stderr
    assert not any("Norway" in s for s in sentences(export(home)))
    nothing = run("forget", "--home", str(home), str(corpus / "second.txt"))
    assert nothing.exit_code == 1 and "no article of the graph is at or under" in nothing.stderr
    assert "graph: 0 articles" in run("forget", "--home", str(home), str(corpus)).stderr


def test_a_lost_cache_never_shrinks_the_graph_silently(tmp_path, corpus):
    home = tmp_path / "home"
    ingest(home, corpus)
    graph = export(home)
    (home / "cache.sqlite").unlink()
    back = ingest(home, corpus / "second.txt")  # names one file; the other comes back from its path
    assert "2 articles of the graph were missing from the extraction cache and were read again" in back.stderr
    assert export(home) == graph
    (home / "cache.sqlite").unlink()
    (corpus / "first.txt").unlink()
    stopped = run("ingest", "--home", str(home), "--workers", "1", str(corpus / "second.txt"))
    assert stopped.exit_code == 1
    assert "the graph holds 1 articles that" in stopped.stderr and "first.txt" in stopped.stderr
    assert len(stopped.stderr.strip().splitlines()) == 1
    assert export(home) == graph  # left as it was
    let_go = run("forget", "--home", str(home), str(corpus / "first.txt"))
    assert let_go.exit_code == 0 and "graph: 1 articles" in let_go.stderr


def test_a_process_that_died_holding_a_write_connection_then_ingest_stats_and_query_work(tmp_path, corpus):
    home = tmp_path / "home"
    ingest(home, corpus)
    path = EmbeddedStore(home).path
    died = subprocess.run([sys.executable, "-c", textwrap.dedent(f"""
        import os, ladybug
        connection = ladybug.Connection(ladybug.Database({str(path)!r}))
        connection.execute("CREATE (:Person {{id: 'eIntruder', name: 'Intruder', aliases: [], "
                           "mention_count: 0, article_count: 0}})")
        os._exit(0)
    """)], capture_output=True, text=True, timeout=120)
    assert died.returncode == 0, died.stderr
    assert (path.parent / (DATABASE_FILE + ".wal")).exists()
    again = ingest(home, corpus)
    assert "nothing assembled" not in again.stderr  # the stamp no longer holds: rebuilt
    assert run("stats", "--home", str(home)).exit_code == 0
    query = run("query", "--home", str(home), "meetings_of", "-p", "entity=marta velez", "--json")
    assert query.exit_code == 0, query.output
    assert {row["met"] for row in json.loads(query.stdout)} == {"Oskar Lind"}
    people = run("cypher", "--home", str(home), "MATCH (p:Person {id: 'eIntruder'}) RETURN p.id AS id", "--json")
    assert json.loads(people.stdout) == []
    assert [p.name for p in (home / GENERATIONS).iterdir() if p.is_dir()] == [generation(home)]
