"""`newsgraph curate`: corrections checked against the graph, kept in the home, surviving ingests."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from newsgraph.app.cli import app
from typer.testing import CliRunner

from ..conftest import EXAMPLES

pytestmark = pytest.mark.model

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("curate-seeded")
    result = run("ingest", "--home", str(home), "--workers", "1", str(EXAMPLES))
    assert result.exit_code == 0, result.output
    return home


@pytest.fixture
def home(seeded: Path, tmp_path: Path) -> Path:
    """A copy of the seeded home for each test: corrections change it."""
    copy = tmp_path / "home"
    shutil.copytree(seeded, copy)
    return copy


def meetings(home: Path) -> list[dict]:
    result = run("query", "met_with", "--home", str(home), "--json", "-p", "modality=any")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def entity_names(home: Path) -> set[str]:
    result = run("cypher", "MATCH (e:Organization) RETURN e.name AS name", "--home", str(home), "--json")
    return {row["name"] for row in json.loads(result.stdout)}


def test_a_merge_applies_and_survives_the_next_ingest(home: Path) -> None:
    assert {"Venezuelan military", "Venezuelan military officers"} <= entity_names(home)
    result = run("curate", "merge", "venezuelan military", "Venezuelan military officers", "--note", "one group",
                 "--home", str(home))
    assert result.exit_code == 0, result.output
    assert "correction 1 (merge 'venezuelan military' into 'Venezuelan military officers'): applied" in result.stderr
    assert "Venezuelan military" not in entity_names(home)

    again = run("ingest", "--home", str(home), "--workers", "1", str(EXAMPLES))
    assert again.exit_code == 0, again.output
    assert "Venezuelan military" not in entity_names(home)
    [line] = (home / "curation.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["action"] == "merge" and json.loads(line)["note"] == "one group"


def test_reject_and_verify_by_type_and_parties(home: Path) -> None:
    before = meetings(home)
    assert any(row["a"] == "Latin American leaders" for row in before)
    rejected = run("curate", "reject", "MET_WITH", "Latin American leaders", "Trump", "--home", str(home))
    verified = run("curate", "verify", "MET_WITH", "Donald Trump", "Lilian Tintori", "--home", str(home))
    assert rejected.exit_code == verified.exit_code == 0, rejected.output + verified.output
    after = meetings(home)
    assert not any(row["a"] == "Latin American leaders" for row in after)
    assert len(after) == len(before) - 1
    stored = run("cypher", "MATCH ()-[r:MET_WITH]->() WHERE r.verified RETURN count(*) AS n", "--home", str(home),
                 "--json")
    assert json.loads(stored.stdout) == [{"n": 1}]


def test_a_misspelt_or_unknown_target_is_bad_usage_and_nothing_is_kept(home: Path) -> None:
    misspelt = run("curate", "type", "Lilian Tintory", "Organization", "--home", str(home))
    assert misspelt.exit_code == 2
    assert "did you mean 'Lilian Tintori'?" in misspelt.stderr
    missing = run("curate", "reject", "SANCTIONED", "Donald Trump", "Lilian Tintori", "--home", str(home))
    assert missing.exit_code == 2 and "no SANCTIONED from 'Donald Trump' to 'Lilian Tintori'" in missing.stderr
    bad_type = run("curate", "reject", "LIKED", "Donald Trump", "Lilian Tintori", "--home", str(home))
    assert bad_type.exit_code == 2 and "'LIKED' is no relation type" in bad_type.stderr
    assert not (home / "curation.jsonl").exists()


def test_list_and_remove(home: Path) -> None:
    run("curate", "alias", "Donald Trump", "The Donald", "--home", str(home))
    run("curate", "type", "Lilian Tintori", "Organization", "--home", str(home))
    listed = run("curate", "list", "--json", "--home", str(home))
    rows = json.loads(listed.stdout)
    assert [(r["number"], r["action"]) for r in rows] == [(1, "alias"), (2, "type")]
    assert rows[1]["correction"] == "'Lilian Tintori' is an Organization"

    removed = run("curate", "remove", "2", "--home", str(home))
    assert removed.exit_code == 0 and "removed: 'Lilian Tintori' is an Organization" in removed.stderr
    found = run("query", "neighbourhood", "-p", "entity=The Donald", "--home", str(home), "--json")
    assert found.exit_code == 0, found.output
    assert run("curate", "remove", "7", "--home", str(home)).exit_code == 2


def test_a_damaged_corrections_file_stops_the_ingest_in_one_line(home: Path) -> None:
    (home / "curation.jsonl").write_text('{"action": "merge", "name": "x"}\n', encoding="utf-8")
    result = run("ingest", "--home", str(home), "--workers", "1", str(EXAMPLES))
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1].startswith("error: ")
    assert "curation.jsonl: line 1: merge.into: Field required" in result.stderr
