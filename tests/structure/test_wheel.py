"""The built wheel works on its own: built, installed into a fresh virtual environment, every
module imported and `newsgraph extract` run on an example copied outside the checkout.

The fresh environment borrows the project environment's third-party packages (a `.pth`
line, so nothing is downloaded), but not its editable newsgraph: only the wheel's files can
be imported. Run alone with `pytest -m wheel`.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from .test_import_direction import modules as checkout_modules

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.wheel, pytest.mark.timeout(600)]


@pytest.fixture(scope="module")
def wheel_env(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"  # a clean copy: no build/ left over from an earlier build
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "*.egg-info", "node_modules", "__pycache__", "newsgraph-data", "test-artifacts"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                    str(work / "dist"), str(source)], check=True, capture_output=True)
    [wheel] = (work / "dist").glob("newsgraph-*.whl")
    env_dir = work / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    site = Path(sysconfig.get_path("purelib", vars={"base": str(env_dir), "platbase": str(env_dir)}))
    (site / "project-deps.pth").write_text(sysconfig.get_path("purelib") + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(env_dir / "bin" / "python"), "install", "--no-deps",
                    "-q", str(wheel)], check=True, capture_output=True)
    return env_dir


def run(env_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, env={"PATH": str(env_dir / "bin"), "HOME": str(cwd)})


def test_every_module_imports_from_the_wheel(wheel_env: Path, tmp_path: Path) -> None:
    script = (
        "import importlib, pkgutil, newsgraph\n"
        "names = [m.name for m in pkgutil.walk_packages(newsgraph.__path__, 'newsgraph.')]\n"
        "for name in names: importlib.import_module(name)\n"
        "print(newsgraph.__file__); print(*names)\n"
    )
    result = run(wheel_env, str(wheel_env / "bin" / "python"), "-c", script, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    location, names = result.stdout.split("\n", 1)
    assert Path(location).is_relative_to(wheel_env) and not Path(location).is_relative_to(ROOT)
    assert set(names.split()) == set(checkout_modules()) - {"newsgraph"}  # every module of the checkout


def test_extract_runs_from_the_wheel_outside_the_checkout(wheel_env: Path, tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    for path in (ROOT / "examples").glob("breitbart-*"):
        shutil.copy(path, articles / path.name)
    result = run(wheel_env, str(wheel_env / "bin" / "newsgraph"), "extract", "--workers", "1", str(articles),
                 cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    [line] = result.stdout.splitlines()
    record = json.loads(line)
    assert record["article"]["outlet"] == "Breitbart News"
    assert any(e["name"] == "Nicolás Maduro" for e in record["entities"])
    assert any(r["type"] == "MET_WITH" for r in record["relations"]) and record["quotes"]
