"""What every `newsgraph` command shares: exit codes, options, settings, the store opened for a
command, one-line errors, parameters and row printing."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from ..ingest.printable import printable
from .settings import Settings, get_settings

if TYPE_CHECKING:
    from ..store import GraphStore

EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_SKIPPED = 3


class StoreName(StrEnum):
    AUTO = "auto"
    EMBEDDED = "embedded"
    NEO4J = "neo4j"


class OutputFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"


HomeOption = Annotated[Optional[Path], typer.Option("--home", metavar="DIR", help="Store folder (default: NEWSGRAPH_HOME or ./newsgraph-data).")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, no summary.")]
WorkersOption = Annotated[Optional[int], typer.Option("--workers", "-w", min=1, metavar="N", help="Processes (default: all cores).")]
BatchOption = Annotated[Optional[int], typer.Option("--batch-size", min=1, metavar="N", help="Articles per batch.")]
OutletOption = Annotated[Optional[str], typer.Option(
    metavar="NAME", help="Outlet of the articles whose files, sidecars and folders name none (a wire dateline comes after).")]
PublishedOption = Annotated[Optional[str], typer.Option(
    metavar="DATE", help="Publication date (YYYY-MM-DD) of the articles whose metadata and file names give none.")]
PathsArgument = Annotated[list[Path], typer.Argument(metavar="PATH", help="Files or folders (.txt, .html, .jsonl), read recursively.")]
StoreOption = Annotated[Optional[StoreName], typer.Option(
    "--store", help="embedded or neo4j (default: NEWSGRAPH_STORE, else auto: Neo4j when NEWSGRAPH_NEO4J_URI is set).")]
ParamOption = Annotated[Optional[list[str]], typer.Option("--param", "-p", metavar="NAME=VALUE", help="NAME=VALUE (repeatable).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Rows as a JSON array of objects.")]
CsvOption = Annotated[bool, typer.Option(
    "--csv", help="Rows as CSV: one row per evidence item (evidence_* columns), other lists as JSON arrays.")]
FullOption = Annotated[bool, typer.Option(
    "--full", help="Tables: every cell whole (on a terminal, long cells are shortened; in a pipe, never).")]


def settings_for(home: Path | None) -> Settings:
    settings = get_settings()
    return settings.model_copy(update={"home": home}) if home is not None else settings


def worker_count(settings: Settings, workers: int | None) -> int:
    from ..ingest.parallel import default_workers

    return workers or settings.workers or default_workers()


def fail(message: str, code: int = EXIT_ERROR) -> typer.Exit:
    """Print one error line (control characters of names from articles escaped)."""
    typer.echo(f"error: {printable(message)}", err=True)
    return typer.Exit(code)


@contextmanager
def command_store(settings: Settings, store: StoreName | None) -> Iterator[GraphStore]:
    """The chosen store, opened once for the command and closed at its end. The stores' errors
    (`store.base`) become one line here, once for every command: a refused statement is bad
    usage (exit 2), the others exit 1; so do the problems of the files in NEWSGRAPH_HOME
    (damaged, or not writable)."""
    from ..store import StoreError, open_store
    from ..store.readonly import RefusedStatement

    try:
        with home_errors(settings.home):
            opened = open_store(settings, store.value if store else None)
    except StoreError as exc:
        raise fail(str(exc)) from exc
    try:
        with home_errors(settings.home):
            yield opened
    except RefusedStatement as exc:
        raise fail(str(exc), EXIT_USAGE) from exc
    except StoreError as exc:  # a server's message may span lines (a syntax error's caret)
        raise fail(" ".join(str(exc).split())) from exc
    finally:
        opened.close()


@contextmanager
def home_errors(home: Path) -> Iterator[None]:
    import sqlite3

    from .home_problems import database_problem, os_problem

    try:
        yield
    except sqlite3.DatabaseError as exc:
        raise fail(database_problem(home, exc)) from exc
    except OSError as exc:
        raise fail(os_problem(home, exc)) from exc


def store_place(settings: Settings, store: StoreName | None) -> str:
    from ..store import chosen_store

    if chosen_store(settings, store.value if store else None) == "neo4j":
        return f"Neo4j at {settings.neo4j_uri} (database {settings.neo4j_database})"
    return str(settings.home)


def run_defaults(outlet: str | None, published: str | None) -> dict[str, str]:
    """`--outlet` and `--published`: metadata for the articles that give none themselves."""
    from ..ingest.metadata import iso_date

    defaults = {"outlet": outlet.strip()} if outlet and outlet.strip() else {}
    if published is not None:
        day = iso_date(published)
        if day is None:
            raise fail(f"--published {published!r} is no date (give YYYY-MM-DD)", EXIT_USAGE)
        defaults["published"] = day
    return defaults


def parse_params(pairs: list[str] | None) -> dict[str, str]:
    params = {}
    for pair in pairs or ():
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise typer.BadParameter(f"{pair!r} is not NAME=VALUE", param_hint="--param")
        params[name.strip()] = value
    return params


def output_format(as_json: bool, as_csv: bool) -> OutputFormat:
    if as_json and as_csv:
        raise typer.BadParameter("choose one of --json and --csv")
    return OutputFormat.JSON if as_json else OutputFormat.CSV if as_csv else OutputFormat.TABLE


def print_rows(rows: list[dict[str, Any]], columns: list[str], fmt: OutputFormat, *, full: bool = False) -> None:
    """Rows on stdout: a table fits the terminal's width (a pipe gets whole cells), or JSON, or CSV."""
    from .output import render

    width = terminal_width()
    if columns or fmt is OutputFormat.JSON:
        typer.echo(render(rows, columns, fmt=fmt.value, width=width, terminal=width is not None, full=full))
    if fmt is OutputFormat.TABLE:
        typer.echo(f"({len(rows)} row{'s' if len(rows) != 1 else ''})", err=True)


def check_paths(paths: list[Path]) -> None:
    """A path that does not exist stops the command before anything is read or written (exit 1)."""
    from .input_paths import missing_paths

    if missing := missing_paths(paths):
        names = ", ".join(str(path) for path in missing)
        raise fail(f"no such file or folder: {names} (nothing read, no store written)")


def terminal_width() -> int | None:
    """The width of the terminal stdout writes to; None when it is a pipe or a file."""
    import shutil
    import sys

    return shutil.get_terminal_size().columns if sys.stdout.isatty() else None


def ingest_and_report(paths: list[Path], *, settings: Settings, store: StoreName | None, workers: int | None,
                      batch_size: int | None, quiet: bool, defaults: dict[str, str], rebuild: bool = False) -> None:
    """`newsgraph ingest` (also after `fetch`): the run, its skipped inputs, the corrections that
    did not apply, and the summary; exit 3 when inputs were skipped."""
    from ..ingest.model_meta import ModelNotInstalled
    from .curation_file import CurationFileError
    from .input_paths import describe_unsupported, unsupported_files
    from .pipeline import CacheLacksArticles, IngestBusy
    from .pipeline import ingest as run_ingest
    from .progress import article_progress

    check_paths(paths)
    with command_store(settings, store) as opened:
        with article_progress(enabled=not quiet, label="ingest") as advance:
            try:
                report = run_ingest(
                    paths, home=settings.home, store=opened, model=settings.model,
                    workers=worker_count(settings, workers), batch_size=batch_size or settings.batch_size,
                    max_chars=settings.max_article_chars, defaults=defaults, on_article=advance, rebuild=rebuild,
                )
            except (ModelNotInstalled, IngestBusy, CurationFileError, CacheLacksArticles) as exc:
                raise fail(str(exc)) from exc
    for skipped in report.skipped:
        typer.echo(skipped.message(), err=True)
    if not quiet and (unsupported := unsupported_files(paths)):
        typer.echo(printable(describe_unsupported(unsupported)), err=True)
    _report_graph(report, settings=settings, store=store, quiet=quiet, read=(
        f"{report.read} articles read ({report.extracted} extracted, {report.cached} unchanged), "
        f"{len(report.duplicates)} duplicates, {len(report.skipped)} skipped"))
    if report.skipped:
        raise typer.Exit(EXIT_SKIPPED)


def forget_and_report(paths: list[str], run_forget: Any, *, settings: Settings, store: StoreName | None,
                      quiet: bool) -> None:
    """`newsgraph forget`: the articles removed and the graph left."""
    from .curation_file import CurationFileError
    from .pipeline import CacheLacksArticles, IngestBusy, NothingToForget

    with command_store(settings, store) as opened:
        try:
            report = run_forget(paths, home=settings.home, store=opened, model=settings.model)
        except (IngestBusy, CurationFileError, CacheLacksArticles, NothingToForget) as exc:
            raise fail(str(exc)) from exc
    if not quiet:
        for path in report.forgotten:
            typer.echo(f"{printable(path)}: forgotten", err=True)
    _report_graph(report, settings=settings, store=store, quiet=quiet,
                  read=f"{len(report.forgotten)} articles forgotten")


def _report_graph(report: Any, *, settings: Settings, store: StoreName | None, quiet: bool, read: str) -> None:
    from ..model.curation import Outcome

    for number, (correction, outcome) in enumerate(report.curation, 1):
        if outcome is not Outcome.APPLIED:
            typer.echo(f"correction {number} ({correction.describe()}): {outcome.value}", err=True)
    if quiet:
        return
    for path in report.replaced:
        typer.echo(f"{printable(path)}: edited: its old version left the graph", err=True)
    if report.recovered:
        typer.echo(f"{report.recovered} articles of the graph were missing from the extraction cache and were "
                   "read again from their files", err=True)
    written = "" if report.assembled else "unchanged, nothing assembled or written: "
    if report.incremental is not None:
        written = (f"{report.incremental.articles} articles added in place ({report.incremental.keys} names "
                   "resolved again): ")
    typer.echo(
        f"{read}; graph: {written}{report.corpus} articles, {report.entities} entities, {report.relations} relations, "
        f"{report.statements} statements in {store_place(settings, store)} ({report.seconds:.1f} s)",
        err=True,
    )
    if report.store_report is not None:
        typer.echo(f"store: {report.store_report.summary()}", err=True)
