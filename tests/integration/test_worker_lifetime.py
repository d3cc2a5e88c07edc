"""Extraction workers die with their parent: a real `newsgraph ingest --workers 2` subprocess,
killed (SIGKILL or SIGTERM) while its workers parse, leaves no worker behind within seconds."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ..conftest import MODEL

pytestmark = pytest.mark.model

NEWSGRAPH = str(Path(sys.executable).with_name("newsgraph"))
LOADED_BYTES = 120 * 1024 * 1024  # a worker holding the model (about 175 MB)
GONE_WITHIN_SECONDS = 5.0


def article(i: int) -> str:
    names = ["Lena Fischer", "Omar Haddad", "Priya Nair", "Jonas Berg", "Ines Duarte", "Kofi Asante"]
    a, b = names[i % 6], names[(i * 5 + 1) % 6]
    return (f"Talks in round {i}\n\n{a} met with {b} on Monday, aides said. "
            f'"We made progress," {b} told reporters after the meeting number {i}.\n') * 20


def children(pid: int) -> list[int]:
    found = []
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_bytes()
            except OSError:
                continue
            if int(stat[stat.rfind(b")") + 2:].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    """Running (a zombie waiting for a reaper has already died)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_bytes()
    except OSError:
        return False
    return stat[stat.rfind(b")") + 2:].split()[0] != b"Z"


def rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def is_worker(pid: int) -> bool:
    try:
        return b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(400):
        (folder / f"{i:03d}.txt").write_text(article(i), encoding="utf-8")
    return folder


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM], ids=["kill-9", "sigterm"])
def test_workers_end_when_the_ingest_is_killed(corpus: Path, tmp_path: Path, signum: int) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSGRAPH_")}
    env.update(NEWSGRAPH_STORE="embedded", NEWSGRAPH_MODEL=MODEL)
    parent = subprocess.Popen(
        [NEWSGRAPH, "ingest", "--home", str(tmp_path / "home"), "--workers", "2", "--batch-size", "4", "-q",
         str(corpus)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and parent.poll() is None:
            workers = [pid for pid in children(parent.pid) if is_worker(pid)]
            if len(workers) == 2 and all(rss(pid) > LOADED_BYTES for pid in workers):
                break
            time.sleep(0.2)
        assert parent.poll() is None, "the ingest ended before its workers had loaded the model"
        assert len(workers) == 2, f"expected 2 loaded workers, saw {workers}"
        time.sleep(1.0)  # let them parse
        os.kill(parent.pid, signum)
        parent.wait(timeout=10)
        gone_by = time.monotonic() + GONE_WITHIN_SECONDS
        while time.monotonic() < gone_by and any(alive(pid) for pid in workers):
            time.sleep(0.1)
        survivors = [pid for pid in workers if alive(pid)]
        assert not survivors, f"workers {survivors} outlived their parent by {GONE_WITHIN_SECONDS} s"
    finally:
        for pid in [*workers, parent.pid]:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
        if parent.poll() is None:
            parent.wait(timeout=10)
        parent.stderr.close()
