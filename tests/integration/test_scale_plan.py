"""Beyond one machine: extraction mapped over partitions with Dask gives what `newsgraph extract`
gives; and the benchmark's synthetic corpora and cache fills are what they claim to be."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from newsgraph.app.cache import ExtractionCache
from newsgraph.graph.build import GraphCollector, assemble
from newsgraph.model.graph import ArticleNode, EntityType, RelationType
from newsgraph.model.ids import article_id
from newsgraph.model.records import (
    Article,
    ArticleExtraction,
    EntityRecord,
    EvidenceRecord,
    RelationRecord,
    Span,
)

from ..conftest import EXAMPLES, MODEL, REPO

BENCH = REPO / "bench"
NEWSGRAPH = str(Path(sys.executable).with_name("newsgraph"))


def bench_module(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSGRAPH_")}
    env["NEWSGRAPH_MODEL"] = MODEL
    return env


@pytest.mark.model
def test_dask_map_over_partitions_equals_newsgraph_extract(tmp_path):
    pytest.importorskip("dask.bag", reason="dask[bag] is not installed: pip install -e '.[scale]' (make test does)")
    out = tmp_path / "extractions"
    mapped = subprocess.run(
        [sys.executable, str(BENCH / "distributed_extract.py"), str(EXAMPLES), "--partitions", "2", "--out", str(out)],
        capture_output=True, text=True, env=_env(), timeout=120,
    )
    assert mapped.returncode == 0, mapped.stderr
    parts = sorted(out.glob("part-*.jsonl"))
    assert [p.name for p in parts] == ["part-0.jsonl", "part-1.jsonl"]  # two partitions, one article each
    dask_lines = [json.loads(line) for part in parts for line in part.read_text(encoding="utf-8").splitlines()]

    extracted = subprocess.run([NEWSGRAPH, "extract", "--workers", "1", str(EXAMPLES)],
                               capture_output=True, text=True, env=_env(), timeout=120)
    assert extracted.returncode == 0, extracted.stderr
    cli_lines = [json.loads(line) for line in extracted.stdout.splitlines()]
    assert len(cli_lines) == 2
    assert dask_lines == cli_lines


# --- the benchmark's tools (bench/synthetic.py) -----------------------------------------------

V = "newsgraph-test+000/model-1"


def _extraction(text: str, people: tuple[str, str]) -> tuple[Article, ArticleExtraction]:
    a = Article(id=article_id(text), path=f"/corpus/{people[0]}.txt", text=text, title="t", outlet="Reuters")
    entities = tuple(
        EntityRecord(id=f"e{i}", name=name, type=EntityType.PERSON, kind="name", surname=name.split()[-1],
                     mentions=(Span(start=0, end=len(name), text=name),), type_votes={EntityType.PERSON: 1.0})
        for i, name in enumerate(people)
    )
    relation = RelationRecord(type=RelationType.MET_WITH, source="e0", target="e1",
                              evidence=(EvidenceRecord(start=0, end=10, sentence=text, rule="met_with"),))
    return a, ArticleExtraction(
        article=ArticleNode(id=a.id, path=a.path, title="t", outlet="Reuters", chars=len(text)),
        entities=entities, relations=(relation,), extractor=V,
    )


@pytest.fixture
def base_cache(tmp_path) -> Path:
    path = tmp_path / "base" / "cache.sqlite"
    pairs = [_extraction("Jane Doe met John Roe.", ("Jane Doe", "John Roe")),
             _extraction("Ann Poe met John Roe.", ("Ann Poe", "John Roe"))]
    with ExtractionCache(path) as cache:
        cache.save([a for a, _ in pairs], [x for _, x in pairs])
    return path


def _graph(cache_path: Path):
    collector = GraphCollector()
    with ExtractionCache(cache_path) as cache:
        assemble(cache.rows(V), collector)
    return collector.graph()


def test_fill_cache_copies_articles_under_new_ids(base_cache, tmp_path):
    synthetic = bench_module("synthetic")
    target = tmp_path / "fill" / "cache.sqlite"
    counts = synthetic.fill_cache(base_cache, target, 4, rename=0.0)
    assert counts["articles"] == 4 and counts["base_articles"] == 2
    graph = _graph(target)
    assert len({a.id for a in graph.articles}) == 4
    assert {e.name for e in graph.entities if e.type is EntityType.PERSON} == {"Jane Doe", "John Roe", "Ann Poe"}
    # no renaming: every copy's evidence lands on the same relations, each item once
    evidence = [e for r in graph.relations for e in r.evidence]
    assert len(evidence) == 4 and len({e.id for e in evidence}) == 4
    assert synthetic.fill_cache(base_cache, target, 6, rename=0.0)["articles"] == 6  # grows where it stopped


def test_fill_cache_renames_names_per_copy_consistently(base_cache, tmp_path):
    synthetic = bench_module("synthetic")
    target = tmp_path / "fill" / "cache.sqlite"
    synthetic.fill_cache(base_cache, target, 6, rename=1.0)  # copies 1 and 2: every NER name renamed
    graph = _graph(target)
    people = {e.name for e in graph.entities if e.type is EntityType.PERSON}
    assert people == {"Jane Doe", "John Roe", "Ann Poe", "Jane Doeb", "John Roeb", "Ann Poeb",
                      "Jane Doec", "John Roec", "Ann Poec"}
    names = {e.id: e.name for e in graph.entities}
    pairs = {tuple(sorted((names[r.source], names[r.target]))) for r in graph.relations
             if r.type is RelationType.MET_WITH}
    assert ("Jane Doeb", "John Roeb") in pairs and ("Ann Poec", "John Roec") in pairs
    suffix = lambda name: name.split()[-1][3:]  # noqa: E731  (Doe, Roe, Poe + the copy's suffix)
    assert len(pairs) == 6 and all(suffix(a) == suffix(b) for a, b in pairs)  # a copy's names meet each other


def _bench_mode(*arguments: str) -> dict:
    """A measuring mode of bench/scale.py, in a subprocess as the benchmark runs it; its JSON line."""
    run = subprocess.run([sys.executable, str(BENCH / "scale.py"), *arguments],
                         capture_output=True, text=True, env=_env(), timeout=120)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout.splitlines()[-1])


def test_bench_assembly_and_resolution_modes_measure_what_ingest_builds(base_cache, tmp_path):
    graph = _graph(base_cache)
    assembled = _bench_mode("_assemble", str(base_cache), str(tmp_path / "store"))
    assert (assembled["articles"], assembled["entities"], assembled["relations"]) == (
        len(graph.articles), len(graph.entities), len(graph.relations))
    resolution = assembled["resolution"]  # timed inside the assembly: 2 people and the outlet per article
    assert resolution["entity_rows"] == 6 and resolution["entities"] == len(graph.entities)
    assert resolution["name_keys"] == len(graph.entities) and resolution["resolve_seconds"] >= 0
    alone = _bench_mode("_resolve", str(base_cache))
    assert {k: alone[k] for k in ("entity_rows", "entities", "name_keys")} == {
        k: resolution[k] for k in ("entity_rows", "entities", "name_keys")}


def test_synthetic_corpus_recombines_real_paragraphs(tmp_path):
    synthetic = bench_module("synthetic")
    bbc = tmp_path / "bbc"
    paragraphs = {}
    for category in ("politics", "business"):
        (bbc / category).mkdir(parents=True)
        for n in range(4):
            body = [f"{category.title()} story {n} paragraph {p} says the minister met officials in London today."
                    for p in range(3)]
            paragraphs.update({b: category for b in body})
            (bbc / category / f"{n:03d}.txt").write_text(f"Title {category} {n}\n\n" + "\n\n".join(body))
    (bbc / "README.TXT").write_text("not an article")
    out = tmp_path / "out"
    counts = synthetic.generate_corpus(bbc, out, 30, words=20, seed=3)
    assert counts["articles"] == 30 and counts["files"] == 1
    records = [json.loads(line) for line in (out / "part-00000.jsonl").read_text().splitlines()]
    assert len(records) == 30 and len({r["text"] for r in records}) == 30
    for record in records:
        parts = record["text"].split("\n\n")
        assert len(parts) >= 2 and all(p in paragraphs for p in parts)
        assert len({paragraphs[p] for p in parts}) == 1  # one category per article
        assert record["outlet"] in synthetic.OUTLETS
