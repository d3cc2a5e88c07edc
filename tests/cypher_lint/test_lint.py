"""Every Cypher statement newsgraph ships, checked by Neo4j's own parser and linter, offline.

`lint.mjs` runs `lintCypherQuery` from `@neo4j-cypher/language-support` (pinned in
package.json, installed by `make test` with `npm ci`) against a dbSchema built from
the model: labels, relationship types, property keys, the (from, type, to) table,
Neo4j 5's built-in functions and procedures, and each statement's declared
parameters. Any diagnostic fails: a syntax error, an unknown label, type, property,
function or parameter, a relationship between labels the schema does not allow.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from newsgraph.model.graph import (
    ALLOWED_LINKS,
    ALLOWED_RELATIONS,
    LinkType,
    NodeLabel,
    RelationType,
)
from newsgraph.queries import list_queries
from newsgraph.queries.params import ARTICLE_LOOKUP, ENTITY_LOOKUP, KEY_LOOKUPS, OUTLET_LOOKUP
from newsgraph.store import cypher
from newsgraph.store.rows import endpoint_pairs, node_properties

LINT_DIR = Path(__file__).resolve().parent
PACKAGE = LINT_DIR / "node_modules" / "@neo4j-cypher" / "language-support" / "package.json"
EDGES = (*RelationType, *LinkType)

# what a parameter of each header type looks like once bound
EXAMPLE_VALUES = {"string": "text", "int": 1, "float": 1.0, "bool": True,
                  "entity": ["e0"], "outlet": ["e0"], "article": ["a0"], "date": "2016-10-02",
                  "modality": "asserted"}
CACHE_KEY = "newsgraph/cypher_lint"
ROWS = {cypher.ROWS: [{"id": "x", "from": "a", "to": "b", "props": {}}]}
IDS = {cypher.IDS: ["x"]}


def db_schema() -> dict[str, Any]:
    """The graph as Neo4j would describe it, from the model only."""
    keys = {p for label in NodeLabel for p in node_properties(label)}
    keys |= {p for edge in EDGES for p in cypher.edge_properties(edge)} | set(cypher.NAME_KEY_PROPERTIES)
    triples = [(a, t, b) for table in (ALLOWED_RELATIONS, ALLOWED_LINKS) for t, pairs in table.items()
               for a, b in pairs]
    return {
        "labels": cypher.stored_labels(),
        "relationshipTypes": [edge.value for edge in EDGES],
        "propertyKeys": sorted(keys),
        "graphSchema": [{"from": a.value, "to": b.value, "relType": t.value} for a, t, b in sorted(triples)],
        "defaultLanguage": "CYPHER 5",
    }


def _store_statements() -> list[tuple[str, str, dict[str, Any]]]:
    """(id, text, parameters) for every statement `graph.cypher` builds, over every label and type."""
    out = [(f"schema[{i}]", text, {}) for i, text in enumerate(cypher.schema())]
    out += [(f"node_constraint[{label}]", cypher.node_constraint(label), {}) for label in cypher.stored_labels()]
    out += [("name_key_index", cypher.name_key_index(), {}),
            (f"upsert_nodes[{cypher.NAME_KEY}]", cypher.upsert_nodes(cypher.NAME_KEY), ROWS),
            (f"delete_nodes[{cypher.NAME_KEY}]", cypher.delete_nodes(cypher.NAME_KEY), IDS),
            (f"node_ids[{cypher.NAME_KEY}]", cypher.node_ids(cypher.NAME_KEY), {})]
    out += [(f"relationship_index[{edge.value}]", cypher.relationship_index(edge), {}) for edge in EDGES]
    for label in NodeLabel:
        out += [(f"upsert_nodes[{label.value}]", cypher.upsert_nodes(label), ROWS),
                (f"delete_nodes[{label.value}]", cypher.delete_nodes(label), IDS),
                (f"read_nodes[{label.value}]", cypher.read_nodes(label), {}),
                (f"node_ids[{label.value}]", cypher.node_ids(label), {})]
    for edge in EDGES:
        out += [(f"upsert_relationships[{edge.value},{a.value},{b.value}]",
                 cypher.upsert_relationships(edge, a, b), ROWS) for a, b in endpoint_pairs(edge)]
        out += [(f"delete_relationships[{edge.value}]", cypher.delete_relationships(edge), IDS),
                (f"read_relationships[{edge.value}]", cypher.read_relationships(edge), {}),
                (f"relationship_ids[{edge.value}]", cypher.relationship_ids(edge), {})]
    out += [("counts", cypher.counts(), {}), ("server_components", cypher.server_components(), {})]
    return out


def _query_statements() -> list[tuple[str, str, dict[str, Any]]]:
    out = [(f"query[{q.name}]", q.text("neo4j"), {p.name: EXAMPLE_VALUES[p.type] for p in q.params})
           for q in list_queries()]
    out += [("lookup[entity]", ENTITY_LOOKUP, {}), ("lookup[outlet]", OUTLET_LOOKUP, {}),
            ("lookup[article]", ARTICLE_LOOKUP, {}), ("lookup[name_key]", KEY_LOOKUPS["neo4j"], {"keys": ["key", "e0"]})]
    return out


SHIPPED = _store_statements() + _query_statements()

# deliberately broken statements: each must be flagged, with a message naming the mistake
BROKEN = {
    "typo label": ("MATCH (p:Persn) RETURN p.name AS name", {}, "Persn"),
    "typo relationship type": ("MATCH (a)-[:MET_WIHT]->(b) RETURN a.id AS a", {}, "MET_WIHT"),
    "typo property": ("MATCH (p:Person) RETURN p.nmae AS name", {}, "nmae"),
    "undeclared parameter": ("MATCH (p:Person) WHERE p.id IN $entity RETURN p.name AS name", {}, "$entity"),
    "syntax error": ("MATCH (p:Person) RETRUN p.name", {}, "RETRUN"),
    "LadybugDB function": ("MATCH (p) RETURN label(p) AS type", {}, "label"),
    "LadybugDB list function": ("MATCH (p:Person) RETURN list_transform(p.aliases, a -> a) AS a", {}, "list_transform"),
    "LadybugDB shortest path": ("MATCH p = (a:Person)-[* SHORTEST 1..6]-(b) RETURN length(p) AS n", {}, "SHORTEST"),
    "relation outside the schema": ("MATCH (a:Article)-[:MET_WITH]->(b:Person) RETURN b.id AS id", {}, "MET_WITH"),
    "forged read": (cypher.read_nodes("Person").replace("Person", "Peson"), {}, "Peson"),
}


def _run_linter(node: str, items: list[str]) -> list[list[dict[str, Any]]]:
    """Diagnostics for `items` (JSON [text, parameters]), split over one Node process per core."""
    workers = max(1, min(os.cpu_count() or 1, 4, len(items)))
    chunks = [items[i::workers] for i in range(workers)]
    processes = []
    for chunk in chunks:
        request = {"dbSchema": db_schema(), "builtins": True,
                   "queries": [dict(zip(("text", "parameters"), json.loads(item), strict=True)) for item in chunk]}
        process = subprocess.Popen([node, str(LINT_DIR / "lint.mjs")], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True, cwd=LINT_DIR)
        process.stdin.write(json.dumps(request))  # lint.mjs reads all of stdin before it writes
        process.stdin.close()
        processes.append(process)
    found: dict[str, list[dict[str, Any]]] = {}
    for chunk, process in zip(chunks, processes, strict=True):
        stdout, stderr = process.stdout.read(), process.stderr.read()
        assert process.wait(timeout=300) == 0, stderr
        found.update(zip(chunk, (r["diagnostics"] for r in json.loads(stdout)["results"]), strict=True))
    return [found[item] for item in items]


def _lint(statements: list[tuple[str, dict[str, Any]]], cache: pytest.Cache | None) -> list[list[dict[str, Any]]]:
    """Diagnostics per statement. The linter is deterministic, so results are kept in pytest's cache
    under a digest of everything that decides them (linter, lockfile, schema, statement, parameters):
    a clean checkout lints everything, a rerun only what changed."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("needs Node.js (`node`) to run Neo4j's Cypher linter")
    if not PACKAGE.exists():
        pytest.fail(f"@neo4j-cypher/language-support is not installed: run `make test` "
                    f"(or `npm ci --prefix {LINT_DIR}`)")
    context = json.dumps([(LINT_DIR / "lint.mjs").read_text(encoding="utf-8"), PACKAGE.read_text(encoding="utf-8"),
                          (LINT_DIR / "package-lock.json").read_text(encoding="utf-8"), db_schema()], sort_keys=True)
    items = [json.dumps([text, params], sort_keys=True) for text, params in statements]
    digests = {item: hashlib.sha256((context + item).encode("utf-8")).hexdigest() for item in items}
    known: dict[str, Any] = cache.get(CACHE_KEY, {}) if cache is not None else {}
    missing = [item for item in dict.fromkeys(items) if digests[item] not in known]
    if missing:
        known.update(zip((digests[item] for item in missing), _run_linter(node, missing), strict=True))
    if cache is not None:
        cache.set(CACHE_KEY, {digests[item]: known[digests[item]] for item in items})
    return [known[digests[item]] for item in items]


@pytest.fixture(scope="module")
def diagnostics(pytestconfig) -> dict[str, list[dict[str, Any]]]:
    names = [name for name, _, _ in SHIPPED] + list(BROKEN)
    statements = [(text, params) for _, text, params in SHIPPED] + [(t, p) for t, p, _ in BROKEN.values()]
    return dict(zip(names, _lint(statements, getattr(pytestconfig, "cache", None)), strict=True))


@pytest.mark.parametrize("name", [name for name, _, _ in SHIPPED])
def test_shipped_statement_lints_clean(diagnostics, name):
    text = next(t for n, t, _ in SHIPPED if n == name)
    assert diagnostics[name] == [], f"{name}:\n{text}\n" + "\n".join(
        f"- {d['message']} at {text[d['offsets']['start']:d['offsets']['end']]!r}" for d in diagnostics[name])


@pytest.mark.parametrize("name", list(BROKEN))
def test_broken_statement_is_flagged(diagnostics, name):
    _, _, culprit = BROKEN[name]
    assert diagnostics[name], f"{name} was not flagged"
    assert any(culprit in d["message"] for d in diagnostics[name]), diagnostics[name]


def test_every_builder_is_linted():
    helpers = {"label_name", "stored_label", "stored_labels", "edge_type", "edge_type_name", "edge_properties"}
    builders = {name for name, fn in inspect.getmembers(cypher, inspect.isfunction)
                if fn.__module__ == cypher.__name__ and not name.startswith("_")} - helpers
    linted = {re.sub(r"\[.*", "", name) for name, _, _ in SHIPPED}
    assert builders <= linted, builders - linted


def test_every_named_query_is_linted():
    assert {q.name for q in list_queries()} == {name[6:-1] for name, _, _ in SHIPPED if name.startswith("query[")}


def test_lockfile_pins_the_linter_from_the_npm_registry_only():
    package = json.loads((LINT_DIR / "package.json").read_text(encoding="utf-8"))
    pinned = package["dependencies"]["@neo4j-cypher/language-support"]
    assert re.fullmatch(r"\d+\.\d+\.\d+(-[\w.]+)?", pinned), "pin an exact version"
    lock = (LINT_DIR / "package-lock.json").read_text(encoding="utf-8")
    assert json.loads(lock)["packages"]["node_modules/@neo4j-cypher/language-support"]["version"] == pinned
    urls = set(re.findall(r"https?://[^\"\s]+", lock))
    assert all(url.startswith("https://registry.npmjs.org/") for url in urls), urls

