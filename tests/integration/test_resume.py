"""Resumable, incremental ingest, with real `newsgraph ingest` subprocesses and the real model.

A corpus of 100 short articles (90 in base/, 10 in more/), written here. The reference is
one clean ingest of all of them. Then:
- an ingest killed with SIGKILL part way through, run again, gives the reference graph,
  and the second run extracts only what the first had not committed;
- a re-run on the unchanged corpus loads no model and extracts nothing;
- 10 articles added to a store of 90 are the only ones extracted, and the graph is the
  reference graph;
- `--workers` and `--batch-size` reach the pipeline; two workers really run.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from newsgraph.model.graph import KnowledgeGraph
from newsgraph.store.embedded import EmbeddedStore

from ..conftest import MODEL

pytestmark = pytest.mark.model

NEWSGRAPH = str(Path(sys.executable).with_name("newsgraph"))
BASE, MORE = 90, 10
SAVE_BATCH = 64  # ingest commits extractions to the cache every 64 articles (ingest/pipeline.py)

PEOPLE = ["Maria Lopez", "John Carter", "Ahmed Hassan", "Elena Petrova", "David Okafor", "Sofia Rossi",
          "Liam O'Brien", "Chen Wei", "Ana Souza", "Tomas Novak", "Grace Mensah", "Yusuf Demir"]
GOVERNMENTS = ["Venezuela", "Colombia", "Brazil", "Germany", "Kenya", "Turkey"]
OUTLETS = ["Reuters", "The Guardian", "Associated Press", "Al Jazeera"]
CITIES = ["Caracas", "Bogota", "Brasilia", "Berlin", "Nairobi", "Ankara"]


def article_text(i: int) -> str:
    """A short news item; people, governments and outlets recur across the corpus."""
    a, b, c = PEOPLE[i % 12], PEOPLE[(i * 5 + 3) % 12], PEOPLE[(i * 7 + 1) % 12]
    government, city, outlet = GOVERNMENTS[i % 6], CITIES[(i + 2) % 6], OUTLETS[i % 4]
    return (
        f"{a} meets {b} in {city}\n\n"
        f"{a} met with {b} in {city} on Tuesday, officials said. The talks lasted {i + 2} hours.\n\n"
        f"\"We agreed to keep talking,\" {b} told {outlet} after the meeting. "
        f"The government of {government} accused {c} of blocking the agreement. "
        f"{c} denied the claim in a statement to {OUTLETS[(i + 1) % 4]}.\n"
    )


def summary(stderr: str) -> dict[str, int]:
    match = re.search(r"(\d+) articles read \((\d+) extracted, (\d+) unchanged\)", stderr)
    assert match, stderr
    return dict(zip(("read", "extracted", "unchanged"), map(int, match.groups())))


def env() -> dict[str, str]:
    values = {k: v for k, v in os.environ.items() if not k.startswith("NEWSGRAPH_")}
    values.update(NEWSGRAPH_STORE="embedded", NEWSGRAPH_MODEL=MODEL)
    return values


def ingest(home: Path, *paths: Path, workers: int = 1, batch_size: int = 4,
           command: list[str] | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [*(command or [NEWSGRAPH]), "ingest", "--home", str(home), "--workers", str(workers),
         "--batch-size", str(batch_size), *map(str, paths)],
        capture_output=True, text=True, env=env(), timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result


def cached_extractions(home: Path) -> int:
    """Extractions committed to the cache, read as another process would (read-only)."""
    path = home / "cache.sqlite"
    if not path.exists():
        return 0
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=0.5)
        try:
            return db.execute("SELECT count(*) FROM extractions").fetchone()[0]
        finally:
            db.close()
    except sqlite3.OperationalError:  # not created yet, or being created
        return 0


def evidence_ids(graph: KnowledgeGraph) -> list[str]:
    return [e.id for r in graph.relations for e in r.evidence]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("resume-corpus")
    for i in range(BASE + MORE):
        folder = root / ("base" if i < BASE else "more")
        folder.mkdir(exist_ok=True)
        (folder / f"{i:03d}.txt").write_text(article_text(i), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> tuple[Path, KnowledgeGraph]:
    """One clean ingest of the whole corpus."""
    home = tmp_path_factory.mktemp("reference-home")
    report = summary(ingest(home, corpus).stderr)
    assert report == {"read": BASE + MORE, "extracted": BASE + MORE, "unchanged": 0}
    graph = EmbeddedStore(home).load()
    assert len(graph.articles) == BASE + MORE and graph.relations and graph.entities
    return home, graph


def test_killed_ingest_resumes_without_duplicates_or_losses(corpus, reference, tmp_path):
    home = tmp_path / "home"
    total = BASE + MORE
    process = subprocess.Popen(
        [NEWSGRAPH, "ingest", "--home", str(home), "--workers", "1", "--batch-size", "4", str(corpus)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env(), start_new_session=True,
    )
    deadline = time.monotonic() + 60
    try:
        while 0 == cached_extractions(home) and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
    finally:
        try:
            os.killpg(process.pid, signal.SIGKILL)  # the CLI and any worker it started
        except ProcessLookupError:
            pass
        process.wait()
    committed = cached_extractions(home)
    assert process.returncode == -signal.SIGKILL, "the ingest ended before it could be killed"
    assert 0 < committed < total, f"killed with {committed} of {total} extractions committed"
    assert not EmbeddedStore(home).exists()  # killed before any graph was written

    report = summary(ingest(home, corpus).stderr)
    assert report == {"read": total, "extracted": total - committed, "unchanged": committed}
    graph = EmbeddedStore(home).load()
    assert sorted(a.id for a in graph.articles) == sorted(a.id for a in reference[1].articles)
    assert len(evidence_ids(graph)) == len(set(evidence_ids(graph)))
    assert len(graph.entities) == len(reference[1].entities)
    assert graph == reference[1]


def test_rerun_on_unchanged_corpus_loads_no_model(corpus, reference, tmp_path):
    """The second run may not load spaCy's model nor start a worker: any attempt exits 97."""
    home = tmp_path / "home"
    shutil.copytree(reference[0], home)
    refuse = (
        "import sys, spacy\n"
        "import newsgraph.ingest.parallel as parallel\n"
        "def refuse(*args, **kwargs):\n"
        "    print('the spaCy model was loaded', file=sys.stderr); raise SystemExit(97)\n"
        "spacy.load = parallel.build_nlp = parallel.ProcessPoolExecutor = refuse\n"
        "from newsgraph.app.cli import app\n"
        "app(prog_name='newsgraph')\n"
    )
    started = time.perf_counter()
    result = ingest(home, corpus, workers=2, command=[sys.executable, "-c", refuse])
    seconds = time.perf_counter() - started
    assert summary(result.stderr) == {"read": BASE + MORE, "extracted": 0, "unchanged": BASE + MORE}
    assert seconds < 20, f"{seconds:.1f} s for a re-run with nothing to extract"
    assert EmbeddedStore(home).load() == reference[1]


def test_added_articles_are_the_only_ones_extracted(corpus, reference, tmp_path):
    home = tmp_path / "home"
    assert summary(ingest(home, corpus / "base").stderr)["extracted"] == BASE
    report = summary(ingest(home, corpus).stderr)
    assert report == {"read": BASE + MORE, "extracted": MORE, "unchanged": BASE}
    assert EmbeddedStore(home).load() == reference[1]


def _workers_of(pid: int) -> set[int]:
    """multiprocessing children of `pid` (spawned workers), from /proc."""
    found = set()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                stat = handle.read()
            with open(f"/proc/{entry}/cmdline", "rb") as handle:
                command = handle.read()
        except OSError:
            continue
        if int(stat[stat.rfind(b")") + 2 :].split()[1]) == pid and b"spawn_main" in command:
            found.add(int(entry))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process tree from /proc (Linux)")
def test_two_workers_run(corpus, reference, tmp_path):
    home = tmp_path / "home"
    process = subprocess.Popen(
        [NEWSGRAPH, "ingest", "--home", str(home), "--workers", "2", "--batch-size", "2", str(corpus / "more")],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env(),
    )
    workers: set[int] = set()
    while process.poll() is None:
        workers |= _workers_of(process.pid)
        time.sleep(0.05)
    stderr = process.stderr.read()
    assert process.returncode == 0, stderr
    assert len(workers) == 2, f"worker processes seen: {sorted(workers)}"
    assert summary(stderr) == {"read": MORE, "extracted": MORE, "unchanged": 0}
    mine = {a.id for a in EmbeddedStore(home).load().articles}
    assert mine == {a.id for a in reference[1].articles if "/more/" in a.path}


def test_cli_passes_workers_and_batch_size(monkeypatch, tmp_path):
    """What `--workers` and `--batch-size` (and their defaults) hand to the pipeline."""
    import newsgraph.app.pipeline as pipeline
    from newsgraph.app.cli import app
    from newsgraph.app.settings import get_settings
    from newsgraph.ingest.parallel import default_workers
    from typer.testing import CliRunner

    seen: list[dict] = []
    monkeypatch.setattr(pipeline, "ingest", lambda paths, **options: seen.append(options) or pipeline.IngestReport())
    for name in [k for k in os.environ if k.startswith("NEWSGRAPH_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("NEWSGRAPH_STORE", "embedded")
    get_settings.cache_clear()
    try:
        runner = CliRunner()
        home = str(tmp_path)
        assert runner.invoke(app, ["ingest", "--home", home, "--workers", "3", "--batch-size", "5", home]).exit_code == 0
        assert runner.invoke(app, ["ingest", "--home", home, home]).exit_code == 0
        monkeypatch.setenv("NEWSGRAPH_WORKERS", "4")
        monkeypatch.setenv("NEWSGRAPH_BATCH_SIZE", "7")
        get_settings.cache_clear()
        assert runner.invoke(app, ["ingest", "--home", home, home]).exit_code == 0
    finally:
        get_settings.cache_clear()
    assert [(s["workers"], s["batch_size"]) for s in seen] == [(3, 5), (default_workers(), 16), (4, 7)]
