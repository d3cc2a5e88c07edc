"""The embedded store's generations: a stale write-ahead log, a build that died, a full disk.

Real LadybugDB databases under tmp_path; the dead processes are real subprocesses.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from newsgraph.model.graph import ArticleNode, EntityNode, EntityType, KnowledgeGraph, Link, LinkType, NodeLabel
from newsgraph.store import StoreEmpty, StoreWriteError
from newsgraph.store.embedded import DATABASE_FILE, GENERATIONS, POINTER, EmbeddedStore


def graph(people: int) -> KnowledgeGraph:
    """An article mentioning `people` persons (names and aliases made up here)."""
    entities = tuple(EntityNode(id=f"e{i:04d}", name=f"Person Number {i}", type=EntityType.PERSON,
                                aliases=(f"Number {i}",), mention_count=1, article_count=1) for i in range(people))
    article = ArticleNode(id="a1", title="A made-up story", path="/made/up.txt", chars=100)
    links = tuple(Link(type=LinkType.MENTIONS, source="a1", target=e.id, target_label=NodeLabel.PERSON) for e in entities)
    return KnowledgeGraph(articles=(article,), entities=entities, links=links)


def generations(home: Path) -> list[str]:
    return sorted(p.name for p in (home / GENERATIONS).iterdir() if p.is_dir())


def python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=120)


def test_a_process_that_dies_holding_a_write_connection_breaks_nothing(tmp_path):
    home = tmp_path / "home"
    store = EmbeddedStore(home)
    store.write(graph(2), stamp="first")
    path = store.path
    died = python(f"""
        import os, ladybug
        database = ladybug.Database({str(path)!r})
        connection = ladybug.Connection(database)
        connection.execute("CREATE (:Person {{id: 'eIntruder', name: 'Intruder', aliases: [], mention_count: 0, article_count: 0}})")
        os._exit(0)  # dies holding the write connection: the WAL stays
    """)
    assert died.returncode == 0, died.stderr
    assert (path.parent / (DATABASE_FILE + ".wal")).exists()
    assert store.stamp() is None  # written to since: the next ingest rebuilds
    with EmbeddedStore(home) as reader:  # still readable, the WAL replayed in memory
        assert {e.id for e in reader.load().entities} == {"e0000", "e0001", "eIntruder"}
    store.write(graph(3), stamp="second")
    assert store.stamp() == "second" and generations(home) == ["000002"]
    assert not (store.path.parent / (DATABASE_FILE + ".wal")).exists()
    assert store.load() == graph(3)


def test_a_build_killed_half_way_leaves_the_previous_graph_and_is_removed_next_time(tmp_path):
    home = tmp_path / "home"
    EmbeddedStore(home).write(graph(2))
    killed = python(f"""
        import os, signal
        from pathlib import Path
        from newsgraph.store.embedded import EmbeddedStore
        from newsgraph.model.graph import ArticleNode
        with EmbeddedStore(Path({str(home)!r})).writer() as sink:
            sink.add_articles([ArticleNode(id="a9", title="t", path="p", chars=1)])
            os.kill(os.getpid(), signal.SIGKILL)
    """)
    assert killed.returncode == -9
    assert generations(home) == ["000001", "000002"]  # the dead build's folder
    assert EmbeddedStore(home).load() == graph(2)
    (home / GENERATIONS / "000002" / (DATABASE_FILE + ".wal")).write_bytes(b"stale")  # as a dead build leaves
    EmbeddedStore(home).write(graph(4))
    assert generations(home) == ["000003"]
    assert EmbeddedStore(home).load() == graph(4)


def test_a_home_of_the_single_file_layout_is_cleaned_at_the_first_write(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    for name in (DATABASE_FILE, DATABASE_FILE + ".wal", DATABASE_FILE + ".tmp.wal"):
        (home / name).write_bytes(b"old layout")
    store = EmbeddedStore(home)
    assert not store.exists()
    store.write(graph(1))
    assert sorted(p.name for p in home.iterdir()) == [GENERATIONS]
    assert json.loads((home / GENERATIONS / POINTER).read_text()) == {"generation": "000001", "stamp": None}


@pytest.fixture
def small_disk(tmp_path):
    """A 16 MB tmpfs under tmp_path (needs root; skipped elsewhere)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.decode().strip()}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_is_one_line_naming_it_and_the_home_works_once_space_is_back(small_disk):
    home = small_disk / "home"
    store = EmbeddedStore(home, buffer_pool_mb=64)
    store.write(graph(1))
    filler = small_disk / "filler"
    with open(filler, "wb") as handle:  # leave almost nothing
        try:
            while True:
                handle.write(b"\0" * 65536)
        except OSError:
            pass
    with pytest.raises(StoreWriteError) as raised:
        store.write(graph(2000))
    message = str(raised.value)
    assert "\n" not in message and f"disk: {small_disk}" in message and "the previous graph is kept" in message
    assert "No space left on device" in message and len(message) < 400
    assert generations(home) == ["000001"]  # the failed build removed
    assert EmbeddedStore(home).load() == graph(1)
    filler.unlink()
    store.write(graph(2000))
    assert len(EmbeddedStore(home).load().entities) == 2000
    shutil.rmtree(home)


def test_a_damaged_pointer_means_no_graph_until_the_next_write(tmp_path):
    home = tmp_path / "home"
    EmbeddedStore(home).write(graph(1))
    (home / GENERATIONS / POINTER).write_bytes(b"\x00garbage")
    store = EmbeddedStore(home)
    assert not store.exists() and store.stamp() is None and store.articles() == {}
    with pytest.raises(StoreEmpty, match="newsgraph ingest"):
        store.load()
    store.write(graph(2))
    assert store.load() == graph(2) and generations(home) == ["000002"]


def test_a_write_the_buffer_pool_cannot_hold_is_one_line_and_keeps_the_previous_graph(tmp_path):
    home = tmp_path / "home"
    EmbeddedStore(home).write(graph(1))
    with pytest.raises(StoreWriteError) as raised:
        EmbeddedStore(home, buffer_pool_mb=2).write(graph(20000))
    message = str(raised.value)
    assert "\n" not in message and str(home) in message and "the previous graph is kept" in message
    assert "2 MB of buffer pool" in message and "NEWSGRAPH_BUFFER_POOL_MB" in message
    assert generations(home) == ["000001"] and EmbeddedStore(home).load() == graph(1)
