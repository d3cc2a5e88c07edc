"""The layers import one way: a static read of every module's imports (nothing is run).

    model (leaf) <- ingest (extraction) <- graph (resolution, assembly) <- store <- queries
    <- views <- app

`ALLOWED` says which layers each layer may import. On top of it: nothing imports the CLI,
and no two modules import each other through a cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parents[2]
ALLOWED = {
    "model": set(),
    "ingest": {"model"},
    "graph": {"model"},
    "store": {"model", "graph"},
    "queries": {"model"},
    "views": {"model", "graph", "store", "queries"},
    "app": {"model", "ingest", "graph", "store", "queries", "views"},
}


def modules() -> dict[str, Path]:
    found = {"newsgraph": ROOT / "__init__.py"}
    for layer in ALLOWED:
        for path in sorted((ROOT / layer).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(("newsgraph", *(parts[:-1] if parts[-1] == "__init__" else parts)))
            found[name] = path
    return found


def imports_of(name: str, path: Path) -> set[str]:
    """Absolute names of the newsgraph modules a file imports (at any depth, lazily or not)."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    known, found = modules(), set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:  # `from . import cypher` imports the submodule, not a name of the package
                found.add(f"{target}.{alias.name}" if f"{target}.{alias.name}" in known else target)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {t for t in found if t in known and t != name}


def layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in ALLOWED else None


GRAPH = nx.DiGraph()
for _name, _path in modules().items():
    GRAPH.add_node(_name)
    GRAPH.add_edges_from((_name, target) for target in imports_of(_name, _path))


def test_every_layer_is_read() -> None:
    assert {layer(m) for m in GRAPH} - {None} == set(ALLOWED)
    assert len(GRAPH) > 50 and GRAPH.number_of_edges() > 100


@pytest.mark.parametrize("source_layer", sorted(ALLOWED))
def test_a_layer_imports_only_the_layers_below_it(source_layer: str) -> None:
    wrong = sorted(
        f"{a} -> {b}" for a, b in GRAPH.edges
        if layer(a) == source_layer and layer(b) not in (source_layer, *ALLOWED[source_layer])
    )
    assert not wrong, f"{source_layer} may import only {sorted(ALLOWED[source_layer])}: {wrong}"


def test_the_leaf_imports_nothing_of_ours() -> None:
    assert not [e for e in GRAPH.edges if layer(e[0]) == "model" and layer(e[1]) != "model"]


def test_nothing_imports_the_cli() -> None:
    assert sorted(GRAPH.predecessors("newsgraph.app.cli")) == []


def test_no_import_cycle_between_modules() -> None:
    cycles = list(nx.simple_cycles(GRAPH))
    assert not cycles, cycles[:5]


def test_no_import_cycle_between_layers() -> None:
    layers = nx.DiGraph((layer(a), layer(b)) for a, b in GRAPH.edges if layer(a) and layer(b) and layer(a) != layer(b))
    assert nx.is_directed_acyclic_graph(layers), list(nx.simple_cycles(layers))
