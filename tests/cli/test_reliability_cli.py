"""One bad input never stops a run, read-only means read-only, and every mistake is one line:
the command line end to end (issue 17), only on files under pytest's temporary folders."""

from __future__ import annotations

import errno
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from newsgraph.app.cli import EXIT_SKIPPED, EXIT_USAGE, app
from newsgraph.app.settings import get_settings
from typer.testing import CliRunner

from ..conftest import EXAMPLES, MODEL

pytestmark = pytest.mark.model

NEWSGRAPH = str(Path(sys.executable).with_name("newsgraph"))
RAW_CONTROLS = ("\x1b", "\x07", "\x01")
runner = CliRunner()


def run(*args: str, color: bool = False, env: dict[str, str] | None = None):
    get_settings.cache_clear()
    return runner.invoke(app, list(args), catch_exceptions=False, color=color, env=env)


def one_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 1, text
    return lines[0]


def subprocess_env() -> dict[str, str]:
    values = {k: v for k, v in os.environ.items() if not k.startswith("NEWSGRAPH_")}
    values.update(NEWSGRAPH_STORE="embedded", NEWSGRAPH_MODEL=MODEL)
    return values


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    """The seed articles plus one whose title and quote carry terminal escape sequences."""
    home = tmp_path_factory.mktemp("reliability-home")
    inputs = tmp_path_factory.mktemp("reliability-inputs")
    shutil.copytree(EXAMPLES, inputs / "examples")
    (inputs / "hostile.jsonl").write_text(json.dumps({
        "title": "Harbour deal \x1b]0;owned\x07 signed",
        "text": ("Mara Lind met Tomas Ek in Oslo on Monday. \"We will sign \x1b[31mtoday\x1b[0m and \x01 "
                 "move on,\" Lind told Reuters in an interview."),
        "outlet": "Reuters",
    }) + "\n", encoding="utf-8")
    result = run("ingest", "--home", str(home), "--workers", "1", str(inputs))
    assert result.exit_code == 0, result.output
    return home


# ---- 1: one bad input never aborts an ingest ---------------------------------------------------


def test_bad_names_and_lone_surrogates_are_skipped_and_the_rest_ingested(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    with open(os.fsencode(inputs) + b"/caf\xe9.txt", "wb") as handle:
        handle.write(b"Port talks\n\nThe mayor met the port authority on Friday.\n")
    (inputs / "feed.jsonl").write_text(
        json.dumps({"text": "The governor met the unions. \ud800"}) + "\n"
        + json.dumps({"text": "The minister met the farmers.", "title": "Farm \udfff talks"}) + "\n"
        + json.dumps({"text": "The senator met the nurses in Leeds on Tuesday."}) + "\n",
        encoding="utf-8")
    (inputs / "side.txt").write_text("Side story\n\nThe judge met the lawyers.\n", encoding="utf-8")
    (inputs / "side.meta.json").write_text(json.dumps({"outlet": "Daily \ud800 Post"}), encoding="utf-8")
    (inputs / "utf16.txt").write_bytes("Dock strike\n\nThe union met the owners in Hull.\n".encode("utf-16"))
    home = tmp_path / "home"
    result = run("ingest", "--home", str(home), "--workers", "1", str(inputs))
    assert result.exit_code == EXIT_SKIPPED, result.output
    skipped = [line for line in result.stderr.splitlines() if ": skipped: " in line]
    assert len(skipped) == 4
    assert f"{inputs}/caf\\xe9.txt: skipped: the file name is not UTF-8" in result.stderr
    assert f"{inputs / 'feed.jsonl'}:1: skipped: line 1: 'text' holds a lone surrogate" in result.stderr
    assert f"{inputs / 'feed.jsonl'}:2: skipped: line 2: 'title' holds a lone surrogate" in result.stderr
    assert "side.txt: skipped: sidecar side.meta.json: 'outlet' holds a lone surrogate" in result.stderr
    assert "2 articles read" in result.stderr and "4 skipped" in result.stderr  # the JSONL line 3, UTF-16
    stats = run("stats", "--home", str(home))
    assert stats.exit_code == 0 and stats.stdout.splitlines()[0].split() == ["articles", "2"]


# ---- 2: cypher without --write only reads -------------------------------------------------------


@pytest.mark.parametrize("statement", [
    "COPY (MATCH (a:Article) RETURN a.title) TO '{leak}'",
    "LOAD FROM '{source}' (file_format='csv') RETURN *",
    "CHECKPOINT",
    "MATCH (a:Article) RETURN count(a) AS n; MATCH (b:Article) RETURN count(b) AS m",
    "INSTALL json",
    "CALL threads=1",
])
def test_cypher_refuses_each_bypass_in_one_line_and_the_graph_stays_readable(home, tmp_path, statement):
    copy = tmp_path / "home"
    shutil.copytree(home, copy)
    source, leak = tmp_path / "rows.csv", tmp_path / "leak.csv"
    source.write_text("a,b\n1,2\n", encoding="utf-8")
    result = run("cypher", "--home", str(copy), statement.format(leak=leak, source=source))
    assert result.exit_code == EXIT_USAGE, result.output
    assert one_line(result.stderr).startswith("error: ") and result.stdout == ""
    assert not leak.exists()
    after = run("cypher", "--home", str(copy), "MATCH (a:Article) RETURN count(a) AS n", "--json")
    assert after.exit_code == 0 and json.loads(after.stdout) == [{"n": 3}]


def test_cypher_reads_and_lists_tables(home):
    result = run("cypher", "--home", str(home), "CALL show_tables() RETURN name ORDER BY name", "--csv")
    assert result.exit_code == 0 and "MET_WITH" in result.stdout.split()


# ---- 6: untrusted text never reaches the terminal raw --------------------------------------------


@pytest.mark.parametrize("fmt", [[], ["--csv"]], ids=["table", "csv"])
def test_query_output_escapes_terminal_sequences(home, fmt):
    result = run("query", "quoted_by", "--home", str(home), "-p", "outlet=Reuters", *fmt, color=True)
    assert result.exit_code == 0, result.output
    assert "Harbour deal \\x1b]0;owned\\x07 signed" in result.stdout
    assert not any(char in result.stdout for char in RAW_CONTROLS)


def test_query_json_stays_exact(home):
    result = run("query", "quoted_by", "--home", str(home), "-p", "outlet=Reuters", "--json", color=True)
    articles = {row["article"] for row in json.loads(result.stdout)}
    assert "Harbour deal \x1b]0;owned\x07 signed" in articles


def test_graphml_export_of_hostile_text_is_xml(home, tmp_path):
    import networkx as nx

    out = tmp_path / "g.graphml"
    assert run("export", "--home", str(home), "-f", "graphml", "--out", str(out)).exit_code == 0
    titles = {attrs.get("name") for _, attrs in nx.read_graphml(out).nodes(data=True)}
    assert "Harbour deal \\x1b]0;owned\\x07 signed" in titles


# ---- 7: output paths -----------------------------------------------------------------------------


@pytest.mark.timeout(120)  # before, export to a FIFO waited for a reader forever
def test_out_paths_that_are_not_regular_files_outside_home_are_one_line(home, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    cache = home / "cache.sqlite"
    before = cache.read_bytes()
    cases = {
        str(fifo): "is not a regular file (a FIFO)",
        "/dev/null": "is not a regular file (a device)",
        str(tmp_path): "is a folder",
        str(tmp_path / "nowhere" / "g.out"): "does not exist",
        str(cache): "is inside NEWSGRAPH_HOME",
    }
    for out, reason in cases.items():
        for command in (["export", "--format", "json"], ["export", "--format", "graphml"], ["viz"]):
            result = run(*command, "--home", str(home), "--out", out)
            assert result.exit_code == EXIT_USAGE, (command, out, result.output)
            assert reason in one_line(result.stderr), (command, out)
    assert cache.read_bytes() == before and fifo.is_fifo()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]  # no temporary file left


def test_a_good_out_path_is_written_whole(home, tmp_path):
    out = tmp_path / "graph.json"
    assert run("export", "--home", str(home), "--out", str(out)).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["nodes"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.json"]


# ---- 8 and 5: one line, the right exit code -----------------------------------------------------


@pytest.mark.parametrize("limit", ["-5", "99999999999999999999"])
def test_a_bad_row_count_is_a_parameter_error(home, limit):
    result = run("query", "central_actors", "--home", str(home), "-p", f"limit={limit}")
    assert result.exit_code == EXIT_USAGE and one_line(result.stderr).startswith("error: parameter limit")


@pytest.mark.parametrize(("name", "value", "message"), [
    ("NEWSGRAPH_WORKERS", "abc", "error: NEWSGRAPH_WORKERS='abc': Input should be a valid integer"),
    ("NEWSGRAPH_NEO4J_URI", "bolt://[::1", "error: NEWSGRAPH_NEO4J_URI is not a valid URI"),
])
def test_a_bad_variable_is_one_line_and_bad_usage(home, name, value, message):
    result = subprocess.run([NEWSGRAPH, "stats", "--home", str(home)], capture_output=True, text=True,
                            env={**subprocess_env(), name: value}, timeout=60)
    assert result.returncode == EXIT_USAGE
    assert one_line(result.stderr).startswith(message)


def test_a_damaged_cache_is_named_with_how_to_recover(home, tmp_path):
    copy = tmp_path / "home"
    shutil.copytree(home, copy)
    (copy / "cache.sqlite").write_bytes(b"this is not a database, it was overwritten" * 100)
    result = run("ingest", "--home", str(copy), "--workers", "1", str(EXAMPLES))
    assert result.exit_code == 1
    assert one_line(result.stderr) == (
        f"error: {copy / 'cache.sqlite'} is damaged (file is not a database): remove it or restore it "
        "from a backup; re-ingesting re-extracts from the inputs"
    )


def test_damaged_pages_in_the_cache_are_named_too(home, tmp_path):
    copy = tmp_path / "home"
    shutil.copytree(home, copy)
    with open(copy / "cache.sqlite", "r+b") as handle:
        handle.seek(2 * 4096)
        handle.write(b"\xff" * 4 * 4096)  # pages 3 to 6: tables and indexes SQLite itself calls malformed
    with pytest.raises(sqlite3.DatabaseError, match="malformed"):
        sqlite3.connect(copy / "cache.sqlite").execute("PRAGMA quick_check").fetchone()
    result = run("ingest", "--home", str(copy), "--workers", "1", str(EXAMPLES))
    assert result.exit_code == 1 and "cache.sqlite is damaged" in one_line(result.stderr)


def read_only(folder: Path) -> list[str]:
    """A command prefix that runs with `folder` read-only: as root (who writes anywhere) a
    private read-only bind mount (unshare), otherwise the folder's write bits removed."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        return []
    if shutil.which("unshare") is None:
        pytest.skip("as root a read-only home needs unshare(1) for a private read-only mount")
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"unshare -m is not allowed here: {probe.stderr.decode().strip()}")
    return ["unshare", "-m", "sh", "-c",
            f'mount --bind "{folder}" "{folder}" && mount -o remount,bind,ro "{folder}" && exec "$@"', "sh"]


def test_ingest_into_a_read_only_home_is_one_line(home, tmp_path):
    copy = tmp_path / "home"
    shutil.copytree(home, copy)
    (copy / ".lock").unlink(missing_ok=True)
    prefix = read_only(copy)
    try:
        result = subprocess.run([*prefix, NEWSGRAPH, "ingest", "--home", str(copy), "--workers", "1", str(EXAMPLES)],
                                capture_output=True, text=True, env=subprocess_env(), timeout=120)
        reads = subprocess.run([*prefix, NEWSGRAPH, "stats", "--home", str(copy)],
                               capture_output=True, text=True, env=subprocess_env(), timeout=60)
    finally:
        copy.chmod(0o755)
    assert result.returncode == 1, result.stderr
    line = one_line(result.stderr)
    assert os.strerror(errno.EROFS) in line or os.strerror(errno.EACCES) in line, line
    assert "give --home a folder it can write" in line
    assert reads.returncode == 0 and reads.stdout.startswith("articles")  # reading still works
