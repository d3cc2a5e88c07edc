"""The notebooks: committed without outputs, and run headless from top to bottom.

nbclient runs each notebook in a fresh kernel (the `python3` kernel of the venv that runs
pytest, from ipykernel) with the notebook's folder as working directory, and fails on the
first cell that raises. The executed copies are kept under test-artifacts/notebooks/.

They run on the embedded store whatever the shell exports (the Neo4j variables are removed
for the kernel), except `test_outlets_notebook_on_neo4j`, which runs only when
`NEWSGRAPH_NEO4J_URI` is set and needs an empty database, like tests/integration/test_neo4j.py.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from ..conftest import EXAMPLES, MODEL, REPO

NOTEBOOKS = REPO / "notebooks"
ARTIFACTS = REPO / "test-artifacts" / "notebooks"
EXPLORE = NOTEBOOKS / "01_explore.ipynb"
OUTLETS = NOTEBOOKS / "02_outlets.ipynb"
CELL_TIMEOUT_S = 180
STORE_VARIABLES = ("NEWSGRAPH_NEO4J_URI", "NEWSGRAPH_NEO4J_USER", "NEWSGRAPH_NEO4J_PASSWORD",
                   "NEWSGRAPH_NEO4J_DATABASE", "NEWSGRAPH_STORE")

# Appended to 02_outlets after it ran, in the same kernel: what it computed, as JSON on stdout
# (the cell is dropped again before the executed copy is saved).
OUTLETS_PROBE = """
import json as _json
print("PROBE" + _json.dumps({
    "outlets": outlets,
    "shared": {label: [o for o in outlets if row[o]] for label, row in shared.iterrows()},
    "per_outlet": per_outlet.to_dict(orient="index"),
    "corroboration": {str(k): int(v) for k, v in matrix["corroboration"].value_counts().items()},
    "quotes": {speaker: {o: list(row[o]) for o in outlets} | {"same_words": bool(row["same_words"])}
               for speaker, row in quotes.iterrows()},
    "reached": {source: {o: (None if hops.isna()[o] else int(hops[o])) for o in reached.columns}
                for source, hops in reached.iterrows()},
    "everyone": everyone,
    "drawing": {"rows": drawing.rows, "nodes": sorted(graph_names[n] for n in drawing.nodes)},
}))
"""
OUTLETS_PROBE_NAMES = "graph_names = {e.id: e.name for e in graph.entities} | {a.id: a.title for a in graph.articles}\n"


def committed_notebooks() -> list[Path]:
    return sorted(NOTEBOOKS.glob("*.ipynb"))


def test_there_are_notebooks() -> None:
    assert {EXPLORE, OUTLETS} <= set(committed_notebooks())


@pytest.mark.parametrize("path", committed_notebooks(), ids=lambda p: p.name)
def test_committed_without_outputs(path: Path) -> None:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    assert code
    assert [cell["outputs"] for cell in code] == [[] for _ in code], "clear the outputs before committing"
    assert {cell["execution_count"] for cell in code} == {None}
    assert notebook["metadata"]["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("path", committed_notebooks(), ids=lambda p: p.name)
def test_notebooks_open_stores_through_open_store(path: Path) -> None:
    """The same notebook on the embedded store and on Neo4j: no store class named directly."""
    source = "\n".join("".join(cell["source"]) for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]
                       if cell["cell_type"] == "code")
    assert "EmbeddedStore" not in source and "Neo4jStore" not in source
    assert "open_or_ingest" in source


def execute(path: Path, monkeypatch: pytest.MonkeyPatch, *, home: Path | None, neo4j: bool = False,
            probe: str | None = None):
    """Run the notebook in a new kernel, which inherits this process's environment; ``probe``:
    one more cell run after the notebook's own, whose stdout is returned (not saved)."""
    import nbformat
    from nbclient import NotebookClient

    if home is None:
        monkeypatch.delenv("NEWSGRAPH_HOME", raising=False)
    else:
        monkeypatch.setenv("NEWSGRAPH_HOME", str(home))
    if not neo4j:
        for name in STORE_VARIABLES:
            monkeypatch.delenv(name, raising=False)
    notebook = nbformat.read(path, as_version=4)
    own_cells = len(notebook.cells)
    if probe is not None:
        notebook.cells.append(nbformat.v4.new_code_cell(probe))
    NotebookClient(
        notebook, kernel_name="python3", timeout=CELL_TIMEOUT_S,
        resources={"metadata": {"path": str(path.parent)}},
    ).execute()
    probed = "".join(o.get("text", "") for cell in notebook.cells[own_cells:] for o in cell.outputs)
    notebook.cells = notebook.cells[:own_cells]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    suffix = "" if not neo4j else ".neo4j"
    nbformat.write(notebook, ARTIFACTS / (path.stem + suffix + path.suffix))
    return notebook, probed


def outputs(notebook) -> list[dict]:
    return [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]


def stream_text(notebook) -> str:
    return "".join(o.get("text", "") for o in outputs(notebook) if o["output_type"] == "stream")


def probe_values(probed: str) -> dict:
    [line] = [line for line in probed.splitlines() if line.startswith("PROBE")]
    return json.loads(line.removeprefix("PROBE"))


@pytest.fixture(scope="module")
def one_article_home(tmp_path_factory) -> Path:
    """A store a user ingested: the Breitbart article alone."""
    from newsgraph.app.pipeline import ingest
    from newsgraph.store.embedded import EmbeddedStore

    home = tmp_path_factory.mktemp("notebook-home")
    ingest([EXAMPLES / "breitbart-venezuela-coup-talks.txt"], home=home, store=EmbeddedStore(home),
           model=MODEL, workers=1, batch_size=8, max_chars=1_000_000)
    return home


@pytest.mark.model
def test_explore_notebook_runs_on_the_examples(monkeypatch: pytest.MonkeyPatch) -> None:
    notebook, _ = execute(EXPLORE, monkeypatch, home=None)

    text = stream_text(notebook)
    assert "ingested 2 articles" in text
    assert "top actors by pagerank" in text and "Donald Trump (Person)" in text
    html = [o["data"]["text/html"] for o in outputs(notebook) if "text/html" in o.get("data", {})]
    assert len(html) == 1 and html[0].startswith('<div><iframe sandbox="allow-scripts" srcdoc=')
    images = [o for o in outputs(notebook) if "image/png" in o.get("data", {})]
    assert len(images) == 3  # central actors; relation types; who quoted whom
    assert not [o for o in outputs(notebook) if o["output_type"] == "error"]


@pytest.mark.model
def test_explore_notebook_opens_an_existing_store(one_article_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    notebook, _ = execute(EXPLORE, monkeypatch, home=one_article_home)

    text = stream_text(notebook)
    assert f"opened the store in {one_article_home}" in text and "1 articles" in text


@pytest.fixture(scope="module")
def large_home(tmp_path_factory) -> Path:
    """A store the size of a 400-article corpus (generated, no NLP): eight outlets, 240 people."""
    from .large_graph import write_large_home

    return write_large_home(tmp_path_factory.mktemp("notebook-large") / "home")


def image_sizes(notebook) -> list[tuple[int, int]]:
    """(width, height) in pixels of every PNG the notebook drew."""
    import base64
    import struct

    sizes = []
    for o in outputs(notebook):
        if "image/png" in o.get("data", {}):
            png = base64.b64decode(o["data"]["image/png"])
            sizes.append(struct.unpack(">II", png[16:24]))
    return sizes


MAX_FIGURE_PX = 1400  # a figure a reader sees whole (the 400-article chart was 3,300 pixels tall)


def figures_by_measure(text: str) -> dict[str, list[float]]:
    """The numbers printed under each "top actors by MEASURE" heading."""
    found: dict[str, list[float]] = {}
    measure = None
    for line in text.splitlines():
        if line.startswith("top actors by "):
            measure = line.removeprefix("top actors by ")
            found[measure] = []
        elif measure and line.startswith("  ") and line.split():
            found[measure].append(float(line.split()[0]))
        else:
            measure = None
    return found


def test_notebooks_refuse_a_home_without_a_graph(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from nbclient.exceptions import CellExecutionError

    typo = tmp_path / "newsgrpah-data"
    with pytest.raises(CellExecutionError, match="holds no graph"):
        execute(EXPLORE, monkeypatch, home=typo)
    assert not typo.exists()


def test_explore_notebook_on_a_400_article_home(large_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from .large_graph import ARTICLES

    notebook, _ = execute(EXPLORE, monkeypatch, home=large_home)
    assert not [o for o in outputs(notebook) if o["output_type"] == "error"]
    text = stream_text(notebook)
    assert f"{ARTICLES} articles" in text
    figures = figures_by_measure(text)
    assert set(figures) == {"degree", "betweenness", "pagerank"}
    assert all(len(values) == 10 for values in figures.values())  # the top ten, not everyone
    assert all(value > 0 for values in figures.values() for value in values)  # readable, not 0.000
    assert "smaller communities" in text
    sizes = image_sizes(notebook)
    assert len(sizes) == 3 and all(height <= MAX_FIGURE_PX for _, height in sizes), sizes
    assert "8 outlets carry quotes; the 4 carrying most:" in text


def test_outlets_notebook_on_a_400_article_home(large_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    notebook, probed = execute(OUTLETS, monkeypatch, home=large_home, probe=OUTLETS_PROBE_NAMES + OUTLETS_PROBE)
    assert not [o for o in outputs(notebook) if o["output_type"] == "error"]
    values = probe_values(probed)
    assert len(values["outlets"]) == 8 and len(values["shared"]) > 100
    text = stream_text(notebook)
    shown = [line for line in text.splitlines() if line.startswith("  Person ") and "-MET_WITH-" in line]
    assert len(shown) <= 15 * 9  # at most SHOWN lines per list: the shared relations, then each outlet's own
    assert f"  … and {len(values['shared']) - 15} more" in text
    assert all(height <= MAX_FIGURE_PX for _, height in image_sizes(notebook))


SHARED_MEETING = "Trump administration -MET_WITH- Venezuelan military officers"
BOTH = ["Breitbart News", "ThinkProgress"]


def check_outlets_values(values: dict) -> None:
    """What 02_outlets computes on the two seed articles."""
    assert values["outlets"] == BOTH
    assert values["shared"][SHARED_MEETING] == BOTH  # the story both outlets tell
    for outlet in BOTH:
        counts = values["per_outlet"][outlet]
        assert counts["relations"] == counts["shared"] + counts["unique"]
        assert counts["shared"] == len(values["shared"]) >= 1 and counts["unique"] >= 1
    assert values["corroboration"]["2"] == len(values["shared"])

    trump = values["quotes"]["Donald Trump"]  # quoted in both outlets' articles, in other words
    assert trump["Breitbart News"] and trump["ThinkProgress"]
    assert not set(trump["Breitbart News"]) & set(trump["ThinkProgress"]) and trump["same_words"] is False

    assert values["reached"]["The New York Times"] == {"Breitbart News": 1, "ThinkProgress": 1}
    assert "The New York Times" in values["everyone"]
    assert values["drawing"]["rows"] == len(values["shared"])
    assert {"Trump administration", "Venezuelan military officers"} <= set(values["drawing"]["nodes"])


@pytest.mark.model
def test_outlets_notebook_runs_on_the_examples(monkeypatch: pytest.MonkeyPatch) -> None:
    notebook, probed = execute(OUTLETS, monkeypatch, home=None, probe=OUTLETS_PROBE_NAMES + OUTLETS_PROBE)

    assert not [o for o in outputs(notebook) if o["output_type"] == "error"]
    text = stream_text(notebook)
    assert "ingested 2 articles into the store in" in text
    assert f"  {SHARED_MEETING}  [Breitbart News, ThinkProgress]" in text
    assert "Donald Trump  (same words: False" in text
    assert "Query corroborated (min_outlets = 2, modality = asserted [default])" in text
    html = [o["data"]["text/html"] for o in outputs(notebook) if "text/html" in o.get("data", {})]
    assert sum(h.startswith('<div><iframe sandbox="allow-scripts" srcdoc=') for h in html) == 1
    assert len([o for o in outputs(notebook) if "image/png" in o.get("data", {})]) == 1
    check_outlets_values(probe_values(probed))


@pytest.mark.model
def test_outlets_notebook_on_a_store_of_one_outlet(one_article_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    notebook, probed = execute(OUTLETS, monkeypatch, home=one_article_home, probe=OUTLETS_PROBE_NAMES + OUTLETS_PROBE)

    text = stream_text(notebook)
    assert f"opened the store in {one_article_home}" in text
    assert "only 1 outlet(s) report relations here: nothing to compare" in text
    values = probe_values(probed)
    assert values["outlets"] == ["Breitbart News"] and values["shared"] == {} and values["quotes"] == {}


@pytest.mark.neo4j
@pytest.mark.model
@pytest.mark.skipif(not os.environ.get("NEWSGRAPH_NEO4J_URI"),
                    reason="needs a Neo4j server: set NEWSGRAPH_NEO4J_URI (docker compose up -d neo4j, see README)")
def test_outlets_notebook_on_neo4j(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same notebook on Neo4j: it ingests the examples into the (empty) database."""
    from newsgraph.app.settings import Settings
    from newsgraph.model.graph import NodeLabel
    from newsgraph.store import open_store

    store = open_store(Settings(home=tmp_path), "neo4j")
    try:
        held = store.run("MATCH (n) RETURN count(n) AS n")[0]["n"]
        if held:
            pytest.skip(f"this test writes and deletes the seed graph: it needs an empty database, and it holds "
                        f"{held} nodes (`docker compose down -v` gives a fresh one)")
        try:
            notebook, probed = execute(OUTLETS, monkeypatch, home=None, neo4j=True,
                                       probe=OUTLETS_PROBE_NAMES + OUTLETS_PROBE)
        finally:
            labels = "|".join(label.value for label in NodeLabel)
            store.run(f"MATCH (n:{labels}) DETACH DELETE n", write=True)
    finally:
        store.close()
    assert "ingested 2 articles into Neo4j at" in stream_text(notebook)
    check_outlets_values(probe_values(probed))
