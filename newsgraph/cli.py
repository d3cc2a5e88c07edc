"""`newsgraph` command line: a thin layer over the library.

Exit codes: 0 success; 1 error, nothing done; 2 bad usage; 3 done, but some
inputs were skipped (each one named on stderr with its reason).
"""

from __future__ import annotations

import logging
import sys
from collections import Counter
from pathlib import Path
from typing import Annotated, Optional

import typer

from .settings import Settings, get_settings

app = typer.Typer(add_completion=False, no_args_is_help=True, help="News articles to a knowledge graph.")
log = logging.getLogger("newsgraph")

EXIT_ERROR = 1
EXIT_SKIPPED = 3

HomeOption = Annotated[Optional[Path], typer.Option("--home", help="Store folder (default: NEWSGRAPH_HOME or ./newsgraph-data).")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, no summary.")]
WorkersOption = Annotated[Optional[int], typer.Option("--workers", "-w", min=1, help="Processes (default: all cores).")]
BatchOption = Annotated[Optional[int], typer.Option("--batch-size", min=1, help="Articles per batch.")]
PathsArgument = Annotated[list[Path], typer.Argument(help="Files or folders (.txt, .html, .jsonl), read recursively.")]


@app.callback()
def main(verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress details.")] = False) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="%(message)s" if not verbose else "%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
        force=True,
    )


def _settings(home: Path | None) -> Settings:
    settings = get_settings()
    return settings.model_copy(update={"home": home}) if home is not None else settings


def _workers(settings: Settings, workers: int | None) -> int:
    from newsgraph.ingest.parallel import default_workers

    return workers or settings.workers or default_workers()


def _fail(message: str) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(EXIT_ERROR)


@app.command()
def ingest(paths: PathsArgument, home: HomeOption = None, workers: WorkersOption = None,
           batch_size: BatchOption = None, quiet: QuietOption = False) -> None:
    """Read articles, extract entities and relations, and write the graph to the store."""
    from newsgraph.graph.store.embedded import EmbeddedStore
    from newsgraph.ingest.nlp import ModelNotInstalled
    from newsgraph.ingest.pipeline import IngestBusy, ingest as run_ingest

    from .progress import article_progress

    settings = _settings(home)
    with article_progress(enabled=not quiet, label="ingest") as advance:
        try:
            report = run_ingest(
                paths, home=settings.home, store=EmbeddedStore(settings.home), model=settings.model,
                workers=_workers(settings, workers), batch_size=batch_size or settings.batch_size,
                max_chars=settings.max_article_chars, on_article=advance,
            )
        except (ModelNotInstalled, IngestBusy) as exc:
            raise _fail(str(exc)) from exc
    for skipped in report.skipped:
        typer.echo(skipped.message(), err=True)
    if not quiet:
        typer.echo(
            f"{report.read} articles read ({report.extracted} extracted, {report.cached} unchanged), "
            f"{len(report.duplicates)} duplicates, {len(report.skipped)} skipped; "
            f"graph: {report.corpus} articles, {report.entities} entities, {report.relations} relations "
            f"in {settings.home} ({report.seconds:.1f} s)",
            err=True,
        )
    if report.skipped:
        raise typer.Exit(EXIT_SKIPPED)


@app.command()
def extract(paths: PathsArgument, workers: WorkersOption = None, batch_size: BatchOption = None) -> None:
    """Print one JSON object per article (entities, relations, quotes), without any store."""
    from newsgraph.ingest.nlp import ModelNotInstalled
    from newsgraph.ingest.pipeline import extract as run_extract
    from newsgraph.ingest.records import SkippedInput

    settings = get_settings()
    skipped = 0
    try:
        for result in run_extract(paths, model=settings.model, workers=_workers(settings, workers),
                                  batch_size=batch_size or settings.batch_size, max_chars=settings.max_article_chars):
            if isinstance(result, SkippedInput):
                skipped += 1
                typer.echo(result.message(), err=True)
            else:
                typer.echo(result.model_dump_json())
    except ModelNotInstalled as exc:
        raise _fail(str(exc)) from exc
    if skipped:
        raise typer.Exit(EXIT_SKIPPED)


def _load_graph(home: Path | None):
    from newsgraph.graph.store.embedded import EmbeddedStore, StoreEmpty

    try:
        return EmbeddedStore(_settings(home).home).load()
    except StoreEmpty as exc:
        raise _fail(str(exc)) from exc


@app.command()
def export(
    format: Annotated[str, typer.Option("--format", "-f", help="json (node-link) or graphml.")] = "json",
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="File to write (default: stdout for json).")] = None,
    home: HomeOption = None,
) -> None:
    """Export the whole resolved graph."""
    from newsgraph.graph.networkx_io import node_link_json, write_graphml

    if format not in ("json", "graphml"):
        raise typer.BadParameter("use json or graphml", param_hint="--format")
    graph = _load_graph(home)
    if format == "json":
        text = node_link_json(graph)
        if out is None:
            typer.echo(text)
        else:
            out.write_text(text + "\n", encoding="utf-8")
    else:
        if out is None:
            raise typer.BadParameter("graphml needs --out FILE", param_hint="--out")
        write_graphml(graph, out)


@app.command()
def viz(
    out: Annotated[Path, typer.Option("--out", "-o", help="HTML file to write.")] = Path("graph.html"),
    around: Annotated[Optional[str], typer.Option(help="Draw only this entity's neighbourhood.")] = None,
    depth: Annotated[int, typer.Option(min=1, max=6, help="Hops around --around.")] = 2,
    home: HomeOption = None,
) -> None:
    """Write the interactive graph page (one self-contained HTML file)."""
    from newsgraph.graph.viz import render_page

    try:
        summary = render_page(_load_graph(home), out, around=around, depth=depth)
    except ValueError as exc:
        raise _fail(str(exc)) from exc
    note = " (truncated to the highest-degree nodes)" if summary.truncated else ""
    typer.echo(f"wrote {summary.path}: {summary.nodes} nodes, {summary.edges} edges{note}", err=True)


@app.command()
def stats(home: HomeOption = None) -> None:
    """Counts by entity type and relation type."""
    graph = _load_graph(home)
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
