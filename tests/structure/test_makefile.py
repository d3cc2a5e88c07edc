"""`make demo` says what a user needs and nothing else: pip's and the build backend's notes are
silenced (errors still show), and the demo ends with the commands to try next."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def dry_run(target: str) -> list[str]:
    if shutil.which("make") is None:
        pytest.skip("needs make")
    done = subprocess.run(["make", "-n", "-B", target], cwd=REPO, capture_output=True, text=True, timeout=60,
                          check=True)
    return done.stdout.splitlines()


def test_every_pip_install_is_quiet_but_for_errors():
    lines = [line for line in dry_run("setup") if "pip install" in line]
    assert len(lines) == 2 and all(" -qq " in line for line in lines)  # pip itself, then newsgraph


def test_the_demo_ends_with_the_next_commands_to_try():
    lines = dry_run("demo")
    ingest = next(i for i, line in enumerate(lines) if "newsgraph ingest examples/" in line)
    tail = lines[ingest:]
    assert any("newsgraph viz --out graph.html" in line for line in tail)
    echoed = [line for line in tail if line.startswith("echo ")]
    assert any("Open graph.html" in line for line in echoed)
    assert sum("newsgraph " in line for line in echoed) >= 5  # query, export, ingest your own, ...
