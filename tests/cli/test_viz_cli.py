"""`newsgraph viz` on the seed articles: the opening view (--top), --around over relations
or through articles (--via-articles), and a relation verified by `curate verify` marked."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .test_cli import run
from ..conftest import EXAMPLES

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("viz-home")
    assert run("ingest", "--home", str(home), "--workers", "1", str(EXAMPLES)).exit_code == 0
    return home


def drawn(out: Path) -> tuple[list[dict], list[dict]]:
    page = out.read_text(encoding="utf-8")
    return tuple(json.loads(re.search(rf"{name} = new vis\.DataSet\((.*?)\);\n", page).group(1))
                 for name in ("nodes", "edges"))


def test_top_sets_how_many_actors_the_page_opens_on(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "page.html"
    result = run("viz", "--home", str(home), "--out", str(out), "--top", "5")
    assert result.exit_code == 0, result.output
    nodes, _ = drawn(out)
    assert len(nodes) == 5 and "Article" not in {n["ntype"] for n in nodes}
    assert "wrote" in result.stderr and "5 nodes" in result.stderr and "on the page to expand to" in result.stderr
    assert run("viz", "--home", str(home), "--out", str(out), "--top", "0").exit_code == 2


def test_around_follows_relations_unless_asked_to_go_through_articles(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "page.html"
    assert run("viz", "--home", str(home), "--out", str(out), "--around", "Lilian Tintori", "--depth", "1").exit_code == 0
    nodes, edges = drawn(out)
    assert {n["name"] for n in nodes} == {"Lilian Tintori", "Donald Trump"}  # the one she met
    assert {e["rtype"] for e in edges} == {"MET_WITH"}

    assert run("viz", "--home", str(home), "--out", str(out), "--around", "Lilian Tintori", "--depth", "1",
               "--via-articles").exit_code == 0
    nodes, _ = drawn(out)
    assert "Article" in {n["ntype"] for n in nodes} and len(nodes) == 3  # and the article that mentions her

    alone = run("viz", "--home", str(home), "--out", str(tmp_path / "x.html"), "--via-articles")
    assert alone.exit_code == 2 and "--via-articles needs --around" in alone.stderr
    assert not (tmp_path / "x.html").exists()


def test_a_verified_relation_is_marked_on_the_page(home: Path, tmp_path: Path) -> None:
    verified = run("curate", "verify", "MET_WITH", "Donald Trump", "Lilian Tintori", "--home", str(home))
    assert verified.exit_code == 0, verified.output
    out = tmp_path / "page.html"
    assert run("viz", "--home", str(home), "--out", str(out)).exit_code == 0
    _, edges = drawn(out)
    marked = [e for e in edges if e.get("verified")]
    assert len(marked) == 1 and marked[0]["label"] == "MET_WITH \u2714" and marked[0]["dashes"] is False
