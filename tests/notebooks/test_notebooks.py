"""The notebooks: committed without outputs, and run headless from top to bottom.

nbclient runs each notebook in a fresh kernel (the `python3` kernel of the venv that runs
pytest, from ipykernel) with the notebook's folder as working directory, and fails on the
first cell that raises. The executed copies are kept under test-artifacts/notebooks/.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ..conftest import EXAMPLES, MODEL, REPO

NOTEBOOKS = REPO / "notebooks"
ARTIFACTS = REPO / "test-artifacts" / "notebooks"
EXPLORE = NOTEBOOKS / "01_explore.ipynb"
CELL_TIMEOUT_S = 180


def committed_notebooks() -> list[Path]:
    return sorted(NOTEBOOKS.glob("*.ipynb"))


def test_there_are_notebooks() -> None:
    assert EXPLORE in committed_notebooks()


@pytest.mark.parametrize("path", committed_notebooks(), ids=lambda p: p.name)
def test_committed_without_outputs(path: Path) -> None:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    assert code
    assert [cell["outputs"] for cell in code] == [[] for _ in code], "clear the outputs before committing"
    assert {cell["execution_count"] for cell in code} == {None}
    assert notebook["metadata"]["kernelspec"]["name"] == "python3"


def execute(path: Path, monkeypatch: pytest.MonkeyPatch, *, home: Path | None):
    """Run the notebook in a new kernel, which inherits this process's environment."""
    import nbformat
    from nbclient import NotebookClient

    if home is None:
        monkeypatch.delenv("NEWSGRAPH_HOME", raising=False)
    else:
        monkeypatch.setenv("NEWSGRAPH_HOME", str(home))
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(
        notebook, kernel_name="python3", timeout=CELL_TIMEOUT_S,
        resources={"metadata": {"path": str(path.parent)}},
    ).execute()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, ARTIFACTS / path.name)
    return notebook


def outputs(notebook) -> list[dict]:
    return [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]


@pytest.mark.model
def test_explore_notebook_runs_on_the_examples(monkeypatch: pytest.MonkeyPatch) -> None:
    notebook = execute(EXPLORE, monkeypatch, home=None)

    text = "".join(o.get("text", "") for o in outputs(notebook) if o["output_type"] == "stream")
    assert "ingested 2 articles" in text
    assert "top actors by pagerank" in text and "Donald Trump (Person)" in text
    html = [o["data"]["text/html"] for o in outputs(notebook) if "text/html" in o.get("data", {})]
    assert len(html) == 1 and html[0].startswith('<div><iframe sandbox="allow-scripts" srcdoc=')
    images = [o for o in outputs(notebook) if "image/png" in o.get("data", {})]
    assert len(images) == 2  # relation types; who quoted whom
    assert not [o for o in outputs(notebook) if o["output_type"] == "error"]


@pytest.mark.model
def test_explore_notebook_opens_an_existing_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsgraph.graph.store.embedded import EmbeddedStore
    from newsgraph.ingest.pipeline import ingest

    home = tmp_path / "home"
    ingest([EXAMPLES / "breitbart-venezuela-coup-talks.txt"], home=home, store=EmbeddedStore(home),
           model=MODEL, workers=1, batch_size=8, max_chars=1_000_000)
    notebook = execute(EXPLORE, monkeypatch, home=home)

    text = "".join(o.get("text", "") for o in outputs(notebook) if o["output_type"] == "stream")
    assert f"opened the store in {home}" in text and "1 articles" in text
