"""The read-only check on Cypher statements: what it refuses (each way round a substring test),
what it lets through (every named query, in both dialects), and that both stores apply it
before anything runs."""

from __future__ import annotations

from pathlib import Path

import pytest
from newsgraph.model.graph import EntityNode, EntityType, KnowledgeGraph
from newsgraph.queries.library import all_queries
from newsgraph.store.embedded import EmbeddedStore
from newsgraph.store.readonly import RefusedStatement, check_statement, tokenize

DIALECTS = ("ladybug", "neo4j")


def refused(cypher: str, dialect: str = "ladybug") -> str:
    with pytest.raises(RefusedStatement) as raised:
        check_statement(cypher, dialect=dialect, write=False)
    return str(raised.value)


def allowed(cypher: str, dialect: str = "ladybug") -> None:
    check_statement(cypher, dialect=dialect, write=False)


@pytest.mark.parametrize(
    ("cypher", "named"),
    [
        ("COPY (MATCH (a:Article) RETURN a.title) TO 'x.csv'", "COPY"),
        ("LOAD FROM 'rows.csv' (file_format='csv') RETURN *", "LOAD"),
        ("LOAD WITH HEADERS (a STRING) FROM 'rows.csv' RETURN *", "LOAD"),
        ("MATCH (a) WITH a LOAD CSV FROM 'file:///x' AS line RETURN line", "LOAD"),
        ("CHECKPOINT", "CHECKPOINT"),
        ("INSTALL json", "INSTALL"),
        ("LOAD EXTENSION json", "LOAD"),
        ("ATTACH 'other.lbug' AS other (dbtype lbug)", "ATTACH"),
        ("EXPORT DATABASE 'dump'", "EXPORT"),
        ("IMPORT DATABASE 'dump'", "IMPORT"),
        ("CREATE (p:Person {id: 'x'})", "CREATE"),
        ("MATCH (p:Person) SET p.name = 'x'", "SET"),
        ("MATCH (p) DETACH DELETE p", "DETACH"),
        ("MATCH (a) CALL { WITH a MERGE (b:Person {id: a.id}) } RETURN a", "MERGE"),
        ("MATCH (a) RETURN a UNION COPY Person FROM 'p.csv'", "COPY"),
        ("match (a) return a.id as id\ncopy Person from 'p.csv'", "COPY"),  # case and line breaks
        ("USE other MATCH (a) RETURN a", "USE"),
        ("EXPLAIN MATCH (a) RETURN a", "EXPLAIN"),
        ("BEGIN TRANSACTION", "BEGIN"),
        ("MATCH (a) FOREACH (x IN [1] | CREATE (b))", "FOREACH"),
    ],
)
def test_writing_file_and_admin_statements_are_refused(cypher: str, named: str) -> None:
    for dialect in DIALECTS:
        assert refused(cypher, dialect).startswith(f"read-only: {named} is not allowed")


@pytest.mark.parametrize(
    "cypher",
    [
        "MATCH (a) RETURN a; MATCH (b) RETURN b",
        "MATCH (a) RETURN a;CHECKPOINT",
        "RETURN 1 AS x; RETURN 2 AS y;",
    ],
)
def test_more_than_one_statement_is_refused_even_with_write(cypher: str) -> None:
    for write in (False, True):
        with pytest.raises(RefusedStatement, match="one statement at a time"):
            check_statement(cypher, dialect="ladybug", write=write)


@pytest.mark.parametrize(
    "cypher",
    [
        "RETURN 'a ; COPY x TO y' AS s",  # a string
        "RETURN \"it's; CHECKPOINT\" AS s",
        "RETURN 'it\\'s ; CHECKPOINT' AS s",  # an escaped quote does not end the string
        "MATCH (a) RETURN a.id AS `weird; CHECKPOINT name`",  # a quoted name
        "MATCH (a) RETURN a /* ; CHECKPOINT */",  # comments
        "MATCH (a) RETURN a // ; CHECKPOINT",
        "MATCH (a) RETURN a;",  # one statement with its terminator
    ],
)
def test_semicolons_and_keywords_in_strings_names_and_comments_are_not_statements(cypher: str) -> None:
    allowed(cypher)


@pytest.mark.parametrize(
    ("cypher", "reason"),
    [
        ("RETURN 'open ; CHECKPOINT", "unterminated string"),
        ("RETURN 1 AS `open", "unterminated quoted name"),
        ("RETURN 1 /* ; CHECKPOINT", "unterminated comment"),
        ("", "empty"),
        (" ; // nothing", "empty"),
    ],
)
def test_what_cannot_be_read_is_refused(cypher: str, reason: str) -> None:
    assert reason in refused(cypher)


def test_call_only_of_read_only_procedures_and_subqueries() -> None:
    allowed("CALL show_tables() RETURN name, type", "ladybug")
    allowed("CALL table_info('Person') RETURN *", "ladybug")
    allowed("CALL db.labels() YIELD label RETURN label ORDER BY label", "neo4j")
    allowed("MATCH (a) CALL { WITH a MATCH (a)--(b) RETURN count(b) AS k } RETURN a.id, k", "neo4j")
    allowed("MATCH (a) CALL (a) { MATCH (a)--(b) RETURN count(b) AS k } RETURN k", "neo4j")
    assert "CALL threads is not allowed" in refused("CALL threads=1", "ladybug")
    assert "CALL project_graph is not allowed" in refused("CALL project_graph('g', ['Person'], []) RETURN *")
    assert "CALL apoc.load.json is not allowed" in refused("CALL apoc.load.json('x') YIELD value RETURN value", "neo4j")
    assert "CALL db.labels is not allowed" in refused("CALL db.labels YIELD label RETURN label", "neo4j")
    assert "CALL show_tables is not allowed" in refused("CALL show_tables() RETURN name", "neo4j")
    assert "nextval() writes" in refused("RETURN nextval('ids') AS n")


def test_a_word_that_is_neither_a_read_keyword_nor_a_bound_variable_is_refused() -> None:
    # an allow-list: a clause this check does not know (here a made-up one) is not let through
    message = refused("MATCH (a:Person) FROBNICATE a RETURN a")
    assert "cannot check 'FROBNICATE'" in message


@pytest.mark.parametrize(
    "cypher",
    [
        "MATCH (p:Person) WHERE p.name STARTS WITH 'A' RETURN p.name AS name ORDER BY name DESC LIMIT 3",
        "MATCH (a)-[r:MET_WITH]-(b) WHERE NOT a.id IN $ids RETURN a.name, type(r), b.name SKIP 1 LIMIT 2",
        "OPTIONAL MATCH (a:Outlet) WITH a, count(*) AS n WHERE n > 1 RETURN a.name, n",
        "UNWIND $ids AS id MATCH (e {id: id}) RETURN e.name AS name",
        "MATCH (a) RETURN [x IN a.aliases WHERE x <> '' | toUpper(x)] AS aliases",
        "MATCH (a) RETURN reduce(total = 0, x IN a.aliases | total + size(x)) AS chars",
        "MATCH (a) RETURN a {.name, .id} AS node",
        "MATCH (a) WHERE EXISTS { MATCH (a)-->(b) } RETURN count(*) AS n",
        "MATCH p = (a)-[* SHORTEST 1..4]-(b) RETURN length(p) AS hops, list_transform(nodes(p), n -> n.id)",
        "MATCH (a) RETURN CASE WHEN a.mention_count > 2 THEN 'many' ELSE 'few' END AS how",
        "MATCH (a) RETURN a.id LIMIT 1 UNION ALL MATCH (b) RETURN b.id LIMIT 1",
        "MATCH (`set`:Person) RETURN `set`.name AS name, {set: 1} AS map, `set`.set AS property",
    ],
)
def test_ordinary_reads_pass(cypher: str) -> None:
    for dialect in DIALECTS:
        allowed(cypher, dialect)


def test_every_named_query_passes_in_its_dialects() -> None:
    for query in all_queries().values():
        for dialect in DIALECTS:
            allowed(query.text(dialect), dialect)


def test_tokens_keep_strings_names_and_parameters_whole() -> None:
    kinds = [(t.kind, t.text) for t in tokenize("MATCH (a {n: 'x;y'}) RETURN $p, `a b` // done")]
    assert ("string", "'x;y'") in kinds and ("param", "$p") in kinds and ("quoted", "`a b`") in kinds
    assert all(text != "done" for _, text in kinds)


# ---- on a real embedded store -------------------------------------------------------------------


@pytest.fixture
def store(tmp_path: Path) -> EmbeddedStore:
    store = EmbeddedStore(tmp_path / "home")
    store.write(KnowledgeGraph(entities=(
        EntityNode(id="e1", name="Ada Quill", type=EntityType.PERSON, mention_count=1, article_count=1),
    )))
    return store


def test_the_embedded_store_refuses_each_bypass_and_touches_no_file(store: EmbeddedStore, tmp_path: Path) -> None:
    source = tmp_path / "rows.csv"
    source.write_text("a,b\n1,2\n", encoding="utf-8")
    leak = tmp_path / "leak.csv"
    before = store.path.stat().st_mtime_ns, store.path.stat().st_size
    bypasses = [
        f"COPY (MATCH (p:Person) RETURN p.name) TO '{leak}'",
        f"LOAD FROM '{source}' (file_format='csv') RETURN *",
        "CHECKPOINT",
        "MATCH (p:Person) RETURN p.name AS name; MATCH (q:Person) RETURN q.id AS id",
        "INSTALL json",
        f"ATTACH '{tmp_path / 'other.lbug'}' AS other (dbtype lbug)",
        f"EXPORT DATABASE '{tmp_path / 'dump'}'",
        "CALL threads=1",
    ]
    for cypher in bypasses:
        with pytest.raises(RefusedStatement):
            store.run(cypher)
    assert not leak.exists() and not (tmp_path / "dump").exists() and not (tmp_path / "other.lbug").exists()
    assert (store.path.stat().st_mtime_ns, store.path.stat().st_size) == before
    assert store.run("MATCH (p:Person) RETURN p.name AS name") == [{"name": "Ada Quill"}]  # still readable


def test_why_a_read_only_database_is_not_enough(store: EmbeddedStore, tmp_path: Path) -> None:
    """LadybugDB opened read-only, with no check in front, writes a file on COPY TO."""
    import ladybug

    leak = tmp_path / "leak.csv"
    database = ladybug.Database(str(store.path), read_only=True)
    try:
        ladybug.Connection(database).execute(f"COPY (MATCH (p:Person) RETURN p.name) TO '{leak}'")
    finally:
        database.close()
    assert leak.read_text(encoding="utf-8").strip().endswith("Ada Quill")


def test_two_statements_with_write_are_refused_not_a_traceback(store: EmbeddedStore) -> None:
    with pytest.raises(RefusedStatement, match="one statement at a time"):
        check_statement("MATCH (p) RETURN p.id; MATCH (q) RETURN q.id", dialect="ladybug", write=True)
    with pytest.raises(RefusedStatement, match="newsgraph curate"):  # the embedded store takes no write at all
        store.run("MATCH (p) RETURN p.id; MATCH (q) RETURN q.id", write=True)
