"""`newsgraph fetch URL... | --feed URL`: download pages, keep them as files, ingest them."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..ingest.printable import printable
from .cli_support import (
    EXIT_ERROR,
    EXIT_SKIPPED,
    BatchOption,
    HomeOption,
    OutletOption,
    PublishedOption,
    QuietOption,
    StoreOption,
    WorkersOption,
    ingest_and_report,
    run_defaults,
    settings_for,
)


def fetch(
    urls: Annotated[Optional[list[str]], typer.Argument(help="Pages to fetch (http or https).")] = None,
    feed: Annotated[Optional[list[str]], typer.Option(
        "--feed", metavar="URL", help="An RSS, Atom or JSON feed (or a page announcing one): fetch its articles (repeatable).")] = None,
    into: Annotated[Optional[Path], typer.Option(
        help="Folder for the pages and their sidecars (default: NEWSGRAPH_HOME/fetched).")] = None,
    no_ingest: Annotated[bool, typer.Option("--no-ingest", help="Only download.")] = False,
    delay: Annotated[float, typer.Option(min=0, help="Seconds between two requests to one site.")] = 1.0,
    timeout: Annotated[int, typer.Option(min=1, help="Seconds a request may take.")] = 20,
    allow_private: Annotated[bool, typer.Option(
        "--allow-private", help="Also fetch from local and private addresses (an intranet; refused by default).")] = False,
    outlet: OutletOption = None, published: PublishedOption = None, home: HomeOption = None,
    store: StoreOption = None, workers: WorkersOption = None, batch_size: BatchOption = None,
    quiet: QuietOption = False,
) -> None:
    """Download pages (and the articles of feeds), keep each as HTML with a sidecar (its URL, when it
    was fetched, the outlet and date it gives), and ingest them. A page already kept is not
    downloaded again."""
    from .fetch import FetchError, FetchOptions, feed_links, fetch_pages
    from .progress import article_progress

    settings = settings_for(home)
    defaults = run_defaults(outlet, published)  # a bad date is an error before anything is downloaded
    folder = into or settings.home / "fetched"
    options = FetchOptions(timeout=timeout, delay=delay, allow_private=allow_private)
    wanted, problems = list(urls or ()), 0
    for feed_url in feed or ():
        try:
            links = feed_links(feed_url, options=options)
        except FetchError as exc:
            typer.echo(f"{printable(feed_url)}: feed not read: {exc}", err=True)
            problems += 1
            continue
        if not quiet:
            typer.echo(f"{printable(feed_url)}: {len(links)} articles", err=True)
        wanted += links
    if not wanted:
        typer.echo("error: nothing to fetch (give URLs or --feed)", err=True)
        raise typer.Exit(EXIT_ERROR)
    with article_progress(enabled=not quiet, label="fetch") as advance:
        report = fetch_pages(wanted, folder=folder, options=options, on_page=advance)
    for url, reason in report.failed:
        typer.echo(f"{printable(url)}: not fetched: {reason}", err=True)
    if not quiet:
        typer.echo(f"fetched {len(report.saved)} pages, {len(report.present)} already there, "
                   f"{len(report.failed)} failed, in {printable(str(folder))}", err=True)
    problems += len(report.failed)
    if not report.files:
        raise typer.Exit(EXIT_ERROR)
    if not no_ingest:
        try:
            ingest_and_report(report.files, settings=settings, store=store, workers=workers, batch_size=batch_size,
                              quiet=quiet, defaults=defaults)
        except typer.Exit as done:
            if done.exit_code != EXIT_SKIPPED:
                raise
            problems += 1
    if problems:
        raise typer.Exit(EXIT_SKIPPED)
