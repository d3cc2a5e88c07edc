"""`newsgraph` command line: a thin layer over the library.

Exit codes: 0 success; 1 error, nothing done; 2 bad usage; 3 done, but some
inputs were skipped (each one named on stderr with its reason).
"""

from __future__ import annotations

import json
import logging
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from ..ingest.printable import printable
from .cli_support import (
    EXIT_SKIPPED,
    EXIT_USAGE,
    BatchOption,
    CsvOption,
    FullOption,
    HomeOption,
    JsonOption,
    OutletOption,
    ParamOption,
    PathsArgument,
    PublishedOption,
    QuietOption,
    StoreName,
    StoreOption,
    WorkersOption,
    check_paths,
    command_store,
    fail,
    forget_and_report,
    ingest_and_report,
    output_format,
    parse_params,
    print_rows,
    run_defaults,
    settings_for,
    worker_count,
)
from .curate_cli import curate_app
from .fetch_cli import fetch
from .help_text import install as install_help_text
from .settings import Settings, SettingsError, get_settings

if TYPE_CHECKING:
    from ..model.graph import KnowledgeGraph
    from ..store import GraphStore
    from ..views.page import QueryDrawing

install_help_text()
app = typer.Typer(rich_markup_mode=None, add_completion=False, no_args_is_help=True, help="News articles to a knowledge graph.")
app.add_typer(curate_app, name="curate")
app.command(name="fetch")(fetch)
log = logging.getLogger("newsgraph")


@app.callback()
def main(verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress details.")] = False) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="%(message)s" if not verbose else "%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
        force=True,
    )
    # the Neo4j driver's own records (Bolt traffic, routing retries) are noise next to our one-line errors
    logging.getLogger("neo4j").setLevel(logging.WARNING if verbose else logging.ERROR)
    try:
        get_settings()  # a NEWSGRAPH_* variable that does not parse is bad usage, before any work
    except SettingsError as exc:
        raise fail(str(exc), EXIT_USAGE) from exc


@app.command()
def ingest(paths: PathsArgument, home: HomeOption = None, workers: WorkersOption = None,
           batch_size: BatchOption = None, quiet: QuietOption = False, store: StoreOption = None,
           outlet: OutletOption = None, published: PublishedOption = None,
           rebuild: Annotated[bool, typer.Option(
               "--rebuild", help="Extract every article of the home again and rebuild the graph.")] = False) -> None:
    """Read articles, extract entities, relations and statements, and write the graph to the store."""
    ingest_and_report(paths, settings=settings_for(home), store=store, workers=workers, batch_size=batch_size,
                      quiet=quiet, defaults=run_defaults(outlet, published), rebuild=rebuild)


@app.command()
def forget(paths: Annotated[list[str], typer.Argument(help="Files or folders (as ingested), or JSONL files.")],
           home: HomeOption = None, quiet: QuietOption = False, store: StoreOption = None) -> None:
    """Remove the articles at or under these paths from the cache and the graph (no NLP for the rest)."""
    from .pipeline import forget as run_forget

    forget_and_report(paths, run_forget, settings=settings_for(home), store=store, quiet=quiet)


@app.command()
def extract(paths: PathsArgument, workers: WorkersOption = None, batch_size: BatchOption = None,
            outlet: OutletOption = None, published: PublishedOption = None) -> None:
    """Print one JSON object per article (entities, relations, quotes), without any store."""
    from ..ingest.model_meta import ModelNotInstalled
    from ..model.records import SkippedInput
    from .pipeline import extract as run_extract

    check_paths(paths)
    settings = get_settings()
    skipped = 0
    try:
        for result in run_extract(paths, model=settings.model, workers=worker_count(settings, workers),
                                  batch_size=batch_size or settings.batch_size, max_chars=settings.max_article_chars,
                                  defaults=run_defaults(outlet, published)):
            if isinstance(result, SkippedInput):
                skipped += 1
                typer.echo(result.message(), err=True)
            else:
                typer.echo(result.model_dump_json())
    except ModelNotInstalled as exc:
        raise fail(str(exc)) from exc
    if skipped:
        raise typer.Exit(EXIT_SKIPPED)


def _load_graph(home: Path | None, store: StoreName | None) -> KnowledgeGraph:
    with command_store(settings_for(home), store) as opened:
        return opened.load()


class ExportFormat(StrEnum):
    JSON = "json"
    GRAPHML = "graphml"
    GEXF = "gexf"
    CSV = "csv"
    NEO4J_ADMIN = "neo4j-admin"


FOLDER_FORMATS = (ExportFormat.CSV, ExportFormat.NEO4J_ADMIN)


@app.command()
def export(
    format: Annotated[ExportFormat, typer.Option(
        "--format", "-f", metavar="FORMAT",
        help="json (node-link), graphml, gexf (Gephi), csv (nodes.csv, edges.csv, evidence.csv in a folder) "
             "or neo4j-admin (the files `neo4j-admin database import` reads, in a folder).")] = ExportFormat.JSON,
    out: Annotated[Optional[Path], typer.Option(
        "--out", "-o", metavar="PATH", help="File to write (a folder for csv and neo4j-admin; json: default stdout).")] = None,
    no_mentions: Annotated[bool, typer.Option(
        "--no-mentions", help="Leave out the MENTIONS links of articles to entities (most of the edges).")] = False,
    home: HomeOption = None,
    store: StoreOption = None,
) -> None:
    """Export the whole resolved graph: node labels are names (Gephi's `label`), the type its own attribute."""
    from ..ingest.printable import json_safe
    from ..views.csv_files import import_command, write_csv_tables, write_neo4j_import
    from ..views.files import write_text_atomic
    from ..views.networkx_io import node_link_json, write_gexf, write_graphml

    if format is not ExportFormat.JSON and out is None:
        what = "FOLDER" if format in FOLDER_FORMATS else "FILE"
        raise typer.BadParameter(f"{format.value} needs --out {what}", param_hint="--out")
    settings = settings_for(home)
    if out is not None:
        _output_folder(out, settings) if format in FOLDER_FORMATS else _output_path(out, settings)
    with command_store(settings, store) as opened:
        graph = opened.load()
    mentions = not no_mentions
    with _writing(out):
        if format is ExportFormat.GRAPHML:
            write_graphml(graph, out, mentions=mentions)
        elif format is ExportFormat.GEXF:
            write_gexf(graph, out, mentions=mentions)
        elif format is ExportFormat.CSV:
            files = write_csv_tables(graph, out, mentions=mentions)
            typer.echo(f"wrote {', '.join(printable(str(f)) for f in files)}", err=True)
        elif format is ExportFormat.NEO4J_ADMIN:
            files = write_neo4j_import(graph, out, mentions=mentions)
            typer.echo(f"wrote {len(files)} files in {printable(str(out))}; import them (Neo4j stopped, "
                       f"an empty database) with:", err=True)
            typer.echo(printable(import_command(files, database=settings.neo4j_database)), err=True)
        elif out is None:
            typer.echo(json_safe(node_link_json(graph, mentions=mentions)))
        else:
            write_text_atomic(out, json_safe(node_link_json(graph, mentions=mentions)) + "\n")


def _output_folder(out: Path, settings: Settings) -> None:
    """--out of a format of several files: a folder (created if missing) outside NEWSGRAPH_HOME (exit 2)."""
    from .output_paths import OutputPathError, check_output_folder

    try:
        check_output_folder(out, home=settings.home)
    except OutputPathError as exc:
        raise fail(str(exc), EXIT_USAGE) from exc


def _output_path(out: Path, settings: Settings) -> None:
    """--out must be a regular file in a folder that exists, outside NEWSGRAPH_HOME (exit 2)."""
    from .output_paths import OutputPathError, check_output_path

    try:
        check_output_path(out, home=settings.home)
    except OutputPathError as exc:
        raise fail(str(exc), EXIT_USAGE) from exc


@contextmanager
def _writing(out: Path | None) -> Iterator[None]:
    """A failed write (disk full, no permission) is one line; the file is left as it was."""
    try:
        yield
    except OSError as exc:
        raise fail(f"cannot write {out}: {exc.strerror or exc}") from exc


@app.command()
def viz(
    out: Annotated[Path, typer.Option("--out", "-o", metavar="FILE", help="HTML file to write.")] = Path("graph.html"),
    around: Annotated[Optional[str], typer.Option(
        metavar="NAME", help="Open on this entity's neighbourhood (over evidence-backed relations).")] = None,
    depth: Annotated[int, typer.Option(min=1, max=6, help="Hops around --around.")] = 2,
    via_articles: Annotated[bool, typer.Option(
        "--via-articles", help="Walk --around through the articles too (co-mentions) and draw them.")] = False,
    top: Annotated[int, typer.Option(
        "--top", min=1, max=1500, metavar="N", help="Open on this many of the most connected actors.")] = 60,
    query: Annotated[Optional[str], typer.Option(
        "--query", metavar="QUERY", help="Draw a named query's result (see `query --list`): the nodes its rows name.")] = None,
    param: ParamOption = None,
    home: HomeOption = None,
    store: StoreOption = None,
) -> None:
    """Write the interactive graph page (one self-contained HTML file)."""
    from ..views.page import render_page

    if query is not None and around is not None:
        raise fail("give --around or --query, not both", EXIT_USAGE)
    if param and query is None:
        raise fail("--param needs --query", EXIT_USAGE)
    if via_articles and around is None:
        raise fail("--via-articles needs --around", EXIT_USAGE)
    params = parse_params(param)
    if query is not None:
        _known_query(query, params)  # before loading the graph
    settings = settings_for(home)
    _output_path(out, settings)
    with command_store(settings, store) as opened:
        graph = opened.load()
        drawing = _draw_query(opened, graph, query, params) if query is not None else None
    title = f"newsgraph: {query}" if query is not None else "newsgraph"
    try:
        with _writing(out):
            summary = render_page(graph, out, title=title, around=around, depth=depth, via_articles=via_articles,
                                  query=drawing, top=top)
    except ValueError as exc:
        raise fail(str(exc)) from exc
    note = f" (the most connected; {summary.pool} on the page to expand to)" if summary.truncated else ""
    if drawing is not None:
        typer.echo(printable(drawing.describe()), err=True)
    typer.echo(f"wrote {printable(str(summary.path))}: {summary.nodes} nodes, {summary.edges} edges{note}", err=True)


def _known_query(name: str, params: dict[str, str]) -> None:
    from ..queries import QueryParameterError, UnknownQuery, check_parameters

    try:
        check_parameters(name, params)
    except (UnknownQuery, QueryParameterError) as exc:
        raise fail(str(exc), EXIT_USAGE) from exc


def _draw_query(opened: GraphStore, graph: KnowledgeGraph, name: str, params: dict[str, str]) -> QueryDrawing:
    """`viz --query`: the named query's nodes, its mistakes reported as `query` reports them."""
    from ..queries import NoSuchNode, QueryParameterError, UnknownQuery
    from ..views.page import draw_query

    try:
        return draw_query(opened, graph, name, **params)
    except (UnknownQuery, QueryParameterError) as exc:
        raise fail(str(exc), EXIT_USAGE) from exc
    except NoSuchNode as exc:
        raise fail(str(exc)) from exc


@app.command()
def stats(home: HomeOption = None, store: StoreOption = None) -> None:
    """Counts by entity type, relation type (and modality) and of statements."""
    graph = _load_graph(home, store)
    entity_counts = Counter(e.type.value for e in graph.entities)
    relation_counts = Counter(r.type.value for r in graph.relations)
    evidence_counts = Counter()
    for r in graph.relations:
        evidence_counts[r.type.value] += len(r.evidence)
    typer.echo(f"articles      {len(graph.articles)}")
    typer.echo("entities")
    for name, count in sorted(entity_counts.items()):
        typer.echo(f"  {name:<14}{count:>6}")
    typer.echo(f"  {'total':<14}{len(graph.entities):>6}")
    typer.echo("relations     edges  evidence")
    for name, count in sorted(relation_counts.items()):
        typer.echo(f"  {name:<14}{count:>5}  {evidence_counts[name]:>8}")
    typer.echo(f"  {'total':<14}{len(graph.relations):>5}  {sum(evidence_counts.values()):>8}")
    unasserted = Counter(f"{r.type.value} {r.modality.value}" for r in graph.relations
                         if r.modality is not None and r.modality.value != "asserted")
    for name, count in sorted(unasserted.items()):
        typer.echo(f"  ({name}: {count})")
    corroborated = sum(1 for s in graph.statements if s.corroboration >= 2)
    typer.echo(f"statements    {len(graph.statements)}  ({sum(len(s.evidence) for s in graph.statements)} wordings, "
               f"{corroborated} reported by two or more outlets)")


def _print_query_list(as_json: bool) -> None:
    from ..queries import list_queries

    queries = list_queries()
    if as_json:
        typer.echo(json.dumps([
            {"name": q.name, "description": q.description,
             "params": [{"name": p.name, "type": p.type, "required": p.required, "default": p.default,
                         "description": p.description} for p in q.params],
             "columns": [c.name for c in q.columns]}
            for q in queries
        ], ensure_ascii=False, indent=2))
        return
    for q in queries:
        typer.echo(q.name)
        typer.echo(f"    {q.description}")
        for p in q.params:
            need = "required" if p.required else f"default {p.default}" if p.default else "optional"
            typer.echo(f"    --param {p.name}=<{p.type}>  ({need}) {p.description}")
        typer.echo(f"    columns: {', '.join(c.name for c in q.columns)}")


@app.command()
def query(
    name: Annotated[Optional[str], typer.Argument(help="A named query (see --list).")] = None,
    param: ParamOption = None,
    list_all: Annotated[bool, typer.Option("--list", help="List the queries, their parameters and columns.")] = False,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
    full: FullOption = False,
    home: HomeOption = None,
    store: StoreOption = None,
) -> None:
    """Run a named query from the library, e.g. `query meetings_of --param entity="Nicolás Maduro"`."""
    from ..queries import (
        NoSuchNode,
        QueryParameterError,
        UnknownQuery,
        check_parameters,
        get_query_columns,
        run_query,
    )

    if list_all:
        _print_query_list(as_json)
        return
    if name is None:
        raise typer.BadParameter("give a query name, or --list", param_hint="NAME")
    fmt = output_format(as_json, as_csv)
    params = parse_params(param)
    try:
        check_parameters(name, params)
        columns = get_query_columns(name)
    except (UnknownQuery, QueryParameterError) as exc:
        raise fail(str(exc), EXIT_USAGE) from exc
    with command_store(settings_for(home), store) as opened:
        try:
            rows = run_query(opened, name, **params)
        except QueryParameterError as exc:
            raise fail(str(exc), EXIT_USAGE) from exc
        except NoSuchNode as exc:
            raise fail(str(exc)) from exc
    print_rows(rows, columns, fmt, full=full)


@app.command(name="eval")
def eval_command(
    corpus: Annotated[Path, typer.Option(help="Folder with polnear/ and bbc/ (the shared corpora).")] = Path("../shared/corpus"),
    gold: Annotated[Path, typer.Option(help="The hand-made gold set (dev/ and heldout/).")] = Path("eval/gold"),
    workers: WorkersOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per measure.")] = False,
    part: Annotated[Optional[list[str]], typer.Option(
        "--part", help="Score only these: polnear, gold, relations, resolution (repeatable).")] = None,
    split: Annotated[Optional[str], typer.Option(help="Only this half of the gold sets: dev or heldout.")] = None,
) -> None:
    """Score extraction: PolNeAR quote attribution, the hand-made gold set, the relation and the
    cross-article resolution gold sets (P/R/F1 with counts)."""
    from .evaluation.measures import format_table
    from .evaluation.run import PARTS, SPLITS, evaluate

    unknown = sorted(set(part or ()) - set(PARTS)) + ([split] if split and split not in SPLITS else [])
    if unknown:
        raise fail(f"unknown --part or --split {', '.join(unknown)} (parts: {', '.join(PARTS)}; splits: dev, heldout)",
                    EXIT_USAGE)

    if not (corpus / "polnear").is_dir() or not (corpus / "bbc").is_dir():
        typer.echo(f"eval skipped: no corpora at {corpus} (needs polnear/ and bbc/; set --corpus)", err=True)
        return
    settings = get_settings()
    rows = evaluate(corpus, gold, model=settings.model, workers=worker_count(settings, workers),
                    parts=tuple(part or PARTS), splits=(split,) if split else SPLITS)
    if as_json:
        for row in rows:
            typer.echo(json.dumps(row))
    else:
        typer.echo(format_table(rows))


@app.command(name="cypher")
def cypher_command(
    statement: Annotated[str, typer.Argument(help="One Cypher statement, in the store's dialect.")],
    param: ParamOption = None,
    write: Annotated[bool, typer.Option("--write", help=(
        "Allow writes, on Neo4j (the embedded store refuses them: its graph is rebuilt at every ingest; "
        "corrections go through `newsgraph curate`)."))] = False,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
    full: FullOption = False,
    home: HomeOption = None,
    store: StoreOption = None,
) -> None:
    """Run one ad hoc Cypher statement, read-only unless --write (Neo4j only). Parameter values are JSON when they parse.

    Read-only means a read: one MATCH / OPTIONAL MATCH / UNWIND / WITH / RETURN statement, or a CALL of
    a subquery or a read-only procedure (`store.readonly`); anything else is refused with exit 2."""
    fmt = output_format(as_json, as_csv)
    params = {k: _json_or_text(v) for k, v in parse_params(param).items()}
    with command_store(settings_for(home), store) as opened:
        rows = opened.run(statement, params, write=write)  # a refused or failed statement: one line
    print_rows(rows, list(rows[0]) if rows else [], fmt, full=full)


def _json_or_text(value: str) -> Any:
    try:
        return json.loads(value)
    except json.JSONDecodeError:
        return value
